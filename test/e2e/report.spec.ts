import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium, expect, test } from "@playwright/test";
import { generateArchive } from "../../packages/cli/test/support/archive.mjs";

/**
 * `shengao report`'s HTML in a real Chromium, opened from disk as a reviewer would: the chart is
 * drawn, one bar group per month, and the page asks for nothing beyond its own file. No extension:
 * a plain browser.
 */
const REPO = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(REPO, "packages/cli/dist/bin.js");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// one archive and one report for the file's tests
test.describe.configure({ mode: "serial" });

let browser: Browser;
let reportUrl: string;
let months: { key: string; total: number }[];
/** the archive's files that cannot be screened: corrupt Word files and a PDF */
let unreadable: number;

test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "shengao-report-e2e-"));
  unreadable = (await generateArchive(join(dir, "archive"), { documents: 120, seed: 7 })).broken.length;
  const run = spawnSync(process.execPath, [CLI, "report", "archive", "--out", "out", "--jobs", "1"], {
    cwd: dir,
    encoding: "utf8",
  });
  // 1: the archive has error findings on purpose
  expect(run.status, run.stderr).toBe(1);
  reportUrl = pathToFileURL(join(dir, "out", "report.html")).href;
  months = JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8")).byMonth;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});

test.afterAll(async () => {
  await browser?.close();
});

test("the report opens offline and shows the chart, one bar group per month", async () => {
  const testInfo = test.info();
  const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));

  await page.goto(reportUrl);
  await expect(page).toHaveTitle(/审稿 shengao 分析报告/);
  const chart = page.locator("#trend svg");
  await expect(chart).toBeVisible();
  expect(months.length).toBeGreaterThan(12);
  await expect(chart.locator("g.month")).toHaveCount(months.length);
  expect(
    await chart.locator("g.month").evaluateAll((groups) => groups.map((g) => g.getAttribute("data-month"))),
  ).toEqual(months.map((m) => m.key));
  // every month with findings has a bar of some height; an empty month has none
  for (const [i, month] of months.entries()) {
    const rects = chart.locator("g.month").nth(i).locator("rect");
    if (month.total === 0) await expect(rects).toHaveCount(0);
    else expect((await rects.first().boundingBox())?.height ?? 0).toBeGreaterThan(0);
  }
  const box = await chart.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(300);
  expect(box?.height ?? 0).toBeGreaterThan(100);

  await expect(page.locator("#top-documents tbody tr")).toHaveCount(20);
  expect(unreadable).toBe(4);
  await expect(page.locator("#unreadable tbody tr")).toHaveCount(unreadable);

  const screenshot = await page.screenshot({ fullPage: false });
  await testInfo.attach("report.png", { body: screenshot, contentType: "image/png" });
  await chart.screenshot({ path: testInfo.outputPath("chart.png") });

  // the page itself and nothing else: no script, font, image or style sheet fetched from anywhere
  expect(requests.length).toBeGreaterThan(0);
  for (const url of requests) expect(url).toMatch(/^(file|data):/);
  await page.close();
});

test("a document's link opens that document", async () => {
  const page = await browser.newPage();
  await page.goto(reportUrl);
  const link = page.locator('#findings article h3 a[href$=".txt"]').first();
  const name = (await link.textContent()) ?? "";
  const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
  expect(decodeURIComponent(href)).toMatch(new RegExp(`^file:///.*/${name.replace(/[.]/g, "\\.")}$`));
  await page.goto(href);
  await expect(page.locator("body")).toContainText("学会动态");
  await page.close();
});
