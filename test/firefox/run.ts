/**
 * The Firefox build (extension/.output/firefox-mv2, not built here) run in real Firefox: Debian's
 * firefox-esr, headless, the extension installed as a temporary add-on. It types drafts into the
 * Chromium tests' textarea page on a known site and checks what the extension drew, then that
 * nothing left the browser. Exits non-zero on any failure, with a screenshot per failed check in
 * test-results/firefox/.
 *
 *   pnpm test:firefox                        # the test
 *   pnpm test:firefox --without-extension    # the same checks without the add-on: they must fail
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { CLEAN_LINES, DRAFT_LINES, NORTH_KOREA, ZUIHAO } from "../e2e/support/editors";
import { FIREFOX_EXTENSION_DIR, REPO, SITE_BASE } from "../e2e/support/paths";
import { launchFirefox } from "./firefox";
import { startNetworkTrap } from "./networkTrap";
import { dialogShown, marks, publishClicks, waitForDialog, waitForDrawn, waitForMark } from "./overlay";
import { serveKnownSite } from "./site";

const RESULTS_DIR = join(REPO, "test-results", "firefox");
/** A hung browser must not hang CI: the whole run takes about 10 s when it works. */
const DEADLINE_MS = 100_000;
/** Marks show within a second or two; generous for a loaded CI machine, short enough to fail fast. */
const WAIT_MS = 20_000;

const withExtension = !process.argv.includes("--without-extension");
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** The textarea page on the known site, in a tab of its own; the editor focused. */
async function openTextareaPage(browser: Browser, foreign: string[]): Promise<Page> {
  const page = await browser.newPage();
  await serveKnownSite(page, foreign);
  await page.goto(`${SITE_BASE}textarea.html`);
  await page.waitForSelector("#editor");
  await page.click("#editor");
  return page;
}

/** Types line by line with Enter between, as a user would (and as the Chromium tests do). */
async function typeLines(page: Page, lines: string[]): Promise<void> {
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press("Enter");
    await page.keyboard.type(line);
  }
}

async function draftWithProblems(page: Page): Promise<void> {
  await typeLines(page, DRAFT_LINES);
  const error = await waitForMark(page, NORTH_KOREA, WAIT_MS);
  const warning = await waitForMark(page, ZUIHAO, WAIT_MS);
  assert(error.severity === "error", `${NORTH_KOREA} is marked as ${error.severity}, not error`);
  assert(warning.severity === "warning", `${ZUIHAO} is marked as ${warning.severity}, not warning`);
  const all = await marks(page);
  assert(all.length === 2, `2 marks expected, found ${JSON.stringify(all)}`);
  // the publish gate: an error remains, so the click is held and the dialog names the term
  await page.click("#publish");
  const dialog = await waitForDialog(page, WAIT_MS);
  assert(dialog.includes("北韩"), `the publish dialog does not name 北韩: ${dialog}`);
  const clicks = await publishClicks(page);
  assert(clicks.length === 0, `the page received the held publish click: ${JSON.stringify(clicks)}`);
}

async function cleanDraft(page: Page): Promise<void> {
  await typeLines(page, CLEAN_LINES);
  const length = await page.$eval("#editor", (el) => (el as HTMLTextAreaElement).value.length);
  // screened in full and nothing found, rather than not marked yet
  const findings = await waitForDrawn(page, length, WAIT_MS);
  assert(findings === 0, `the clean draft has ${findings} findings`);
  const all = await marks(page);
  assert(all.length === 0, `the clean draft is marked: ${JSON.stringify(all)}`);
  await page.click("#publish");
  const clicks = await publishClicks(page);
  assert(
    clicks.length === 1 && clicks[0]?.trusted === true,
    `the clean draft's publish click did not reach the page untouched: ${JSON.stringify(clicks)}`,
  );
  assert(!(await dialogShown(page)), "the publish dialog shows for a clean draft");
}

async function main(): Promise<number> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, "manifest.json"))) {
    console.error(
      `No Firefox build in ${FIREFOX_EXTENSION_DIR}: run pnpm --filter @shengao/extension build:firefox`,
    );
    return 1;
  }
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  const trap = await startNetworkTrap();
  const foreign: string[] = [];
  const { browser, extensionId } = await launchFirefox({
    trapPort: trap.port,
    extensionDir: withExtension ? FIREFOX_EXTENSION_DIR : undefined,
  });
  console.log(`${await browser.version()}, extension ${extensionId ?? "NOT installed"} (${elapsed()})`);
  let failed = 0;
  const check = async (name: string, body: (page: Page) => Promise<void>) => {
    let page: Page | undefined;
    try {
      page = await openTextareaPage(browser, foreign);
      await body(page);
      console.log(`ok   ${name} (${elapsed()})`);
    } catch (error) {
      failed++;
      console.error(`FAIL ${name} (${elapsed()}): ${error instanceof Error ? error.message : error}`);
      if (page) await screenshot(page, name);
    } finally {
      await page?.close().catch(() => undefined);
    }
  };
  try {
    await check("a draft with problems: each is marked, publishing is held", draftWithProblems);
    await check("a clean draft: screened, nothing marked, publishing passes", cleanDraft);
  } finally {
    await browser.close();
    await trap.close();
  }
  // after the browser is gone: a late request from the extension or Firefox still counts
  const leaked = [...foreign, ...trap.caught];
  if (leaked.length === 0) console.log("ok   nothing left the browser");
  else {
    failed++;
    console.error(`FAIL requests left the browser:\n  ${leaked.join("\n  ")}`);
  }
  console.log(`${failed === 0 ? "passed" : `${failed} failed`} in ${elapsed()}`);
  return failed === 0 ? 0 : 1;
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name.replace(/[^\w-]+/g, "-")}.png`);
  await page.screenshot({ path }).then(
    () => console.error(`     screenshot: ${path}`),
    (error: unknown) => console.error(`     no screenshot: ${error}`),
  );
}

setTimeout(() => {
  console.error(`FAIL the run took longer than ${DEADLINE_MS / 1000} s`);
  process.exit(1);
}, DEADLINE_MS).unref();

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("FAIL", error);
    process.exit(1);
  },
);
