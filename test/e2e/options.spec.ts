import type { Page } from "@playwright/test";
import {
  DRAFT_LINES,
  EDITORS,
  type EditorSpec,
  marks,
  NORTH_KOREA,
  open,
  overlay,
  publishClicks,
  typeLines,
  waitForMark,
  ZUIHAO,
} from "./support/editors";
import { expect, extensionPage, snapshot, test } from "./support/fixtures";

const textarea = EDITORS.find((e) => e.name === "textarea") as EditorSpec;

/** Rule ids of the marks drawn now, sorted. */
async function rules(page: Page): Promise<string[]> {
  return [...new Set((await marks(page)).map((m) => m.rule))].sort();
}

/** A draft with both default findings, typed in the textarea page. */
async function draftPage(page: Page): Promise<void> {
  const editor = await open(page, textarea);
  await typeLines(page, editor, DRAFT_LINES);
  await waitForMark(page, NORTH_KOREA);
  await waitForMark(page, ZUIHAO);
}

/** A file for the import box, as the user would pick it. */
function file(name: string, text: string) {
  return {
    name,
    mimeType: name.endsWith(".json") ? "application/json" : "text/yaml",
    buffer: Buffer.from(text),
  };
}

test("a site switched off gets no marks and no publish gate; switched on again, both return", async ({
  ext,
}, testInfo) => {
  const { page } = ext;
  await draftPage(page);
  const options = await extensionPage(ext, "options.html");
  const site = options.locator('#sites input[data-id="weixin"]');
  await expect(site).toBeChecked();
  await site.uncheck();
  await expect.poll(() => rules(page)).toEqual([]);
  await snapshot(testInfo, options, "site off");
  await page.bringToFront();
  await page.locator("#publish").click();
  expect(await publishClicks(page)).toEqual([{ trusted: true }]);
  await expect(overlay(page).locator(".dialog")).toHaveCount(0);

  await options.bringToFront();
  await site.check();
  await expect.poll(() => rules(page)).toEqual([ZUIHAO, NORTH_KOREA].sort());
});

test("packs and categories switch on and off", async ({ ext }) => {
  const { page } = ext;
  await draftPage(page);
  const options = await extensionPage(ext, "options.html");
  const editorial = options.locator('#packs input[data-id="editorial"]');
  await editorial.uncheck();
  await expect.poll(() => rules(page)).toEqual([ZUIHAO]);
  await editorial.check();
  await expect.poll(() => rules(page)).toEqual([ZUIHAO, NORTH_KOREA].sort());
  const advertising = options.locator('#categories input[data-id="广告法"]');
  await advertising.uncheck();
  await expect.poll(() => rules(page)).toEqual([NORTH_KOREA]);
  // the choices are kept: a page loaded later screens with them
  await draftPageWithout(page, ZUIHAO);
});

async function draftPageWithout(page: Page, rule: string) {
  const editor = await open(page, textarea);
  await typeLines(page, editor, DRAFT_LINES);
  await waitForMark(page, NORTH_KOREA);
  expect(await rules(page)).not.toContain(rule);
}

const SOCIETY_YAML = `id: society
name: 本会词库
version: 1.0.0
entries:
  - id: old-name
    kind: replace
    terms: [老会名]
    replacement: 新会名
    message: 本会已更名为新会名
`;

const JSON_PACK = JSON.stringify({
  id: "jsonpack",
  name: "JSON 词库",
  version: "1.0.0",
  entries: [{ id: "vague", kind: "term", terms: ["某某单位"], message: "请写出单位全称" }],
});

const BROKEN_YAML = `id: broken
name: 坏词库
version: 1.0.0
entries:
  - id: x
    kind: nosuchkind
    terms: [坏词]
    message: 坏
`;

test("lexicon import: YAML and JSON packs are used; a broken file is refused with its errors, the packs kept", async ({
  ext,
}, testInfo) => {
  const { page } = ext;
  const options = await extensionPage(ext, "options.html");
  const status = options.locator("#import-status");

  await options.locator("#import-file").setInputFiles(file("society.yaml", SOCIETY_YAML));
  await expect(status).toHaveText("已导入词库 本会词库（1 条）。");
  await options.locator("#import-file").setInputFiles(file("jsonpack.json", JSON_PACK));
  await expect(status).toHaveText("已导入词库 JSON 词库（1 条）。");
  await expect(options.locator('#packs input[data-id="society"]')).toBeChecked();
  await expect(options.locator('#packs input[data-id="jsonpack"]')).toBeChecked();

  // a schema error: refused, with file:line:column, and nothing changes
  await options.locator("#import-file").setInputFiles(file("broken.yaml", BROKEN_YAML));
  await expect(status).toContainText("导入失败，原有词库保持不变");
  await expect(status.locator(".problems")).toContainText("broken.yaml:6:11");
  await expect(status.locator(".problems")).toContainText("kind");
  await snapshot(testInfo, options, "import refused");
  // a YAML syntax error and a compiled lexicon are refused too
  await options.locator("#import-file").setInputFiles(file("syntax.yaml", "id: s\nentries: [\n"));
  await expect(status.locator(".problems")).toContainText("syntax.yaml:3:1");
  await options
    .locator("#import-file")
    .setInputFiles(file("compiled.json", JSON.stringify({ format: "shengao-compiled/1", packs: [] })));
  await expect(status.locator(".problems")).toContainText("编译后的词库");
  await expect(options.locator("#import .imported")).toHaveText([/society\.yaml/, /jsonpack\.json/]);
  await expect(options.locator('#packs input[data-id="broken"]')).toHaveCount(0);

  // the page screens with the imported packs, not the refused one
  const editor = await open(page, textarea);
  await typeLines(page, editor, ["老会名和某某单位的坏词。"]);
  await expect.poll(() => rules(page)).toEqual(["jsonpack/vague", "society/old-name"]);
  await snapshot(testInfo, page, "imported packs in use");

  // removing a pack stops its findings
  await options.bringToFront();
  await options.locator("#import .imported", { hasText: "jsonpack.json" }).getByRole("button").click();
  await expect.poll(() => rules(page)).toEqual(["society/old-name"]);
});

test("custom terms are screened, with a one-click replacement", async ({ ext }, testInfo) => {
  const { page } = ext;
  const options = await extensionPage(ext, "options.html");
  await options.locator("#custom-terms").fill("老同志 => 老干部\n特别词");
  await options.locator("#custom-severity").selectOption("error");
  await options.locator("#custom-save").click();
  await expect(options.locator("#custom")).toContainText("已保存。");

  const editor = await open(page, textarea);
  await typeLines(page, editor, ["老同志说了特别词。"]);
  await expect.poll(() => rules(page)).toEqual(["custom/term-1", "custom/term-2"]);
  const mark = (await marks(page)).find((m) => m.rule === "custom/term-1");
  expect(mark?.severity).toBe("error");
  await page.mouse.move((mark?.rect.x ?? 0) + 4, (mark?.rect.y ?? 0) + 4);
  const card = overlay(page).locator(".card");
  await card.locator("button.suggestion", { hasText: "老干部" }).click();
  await expect(editor).toHaveValue("老干部说了特别词。");
  await expect.poll(() => rules(page)).toEqual(["custom/term-2"]);
  await snapshot(testInfo, page, "custom term fixed");
});

test("lexicons are compiled once: another tab and typing reuse them; a settings change compiles again", async ({
  ext,
}) => {
  const compiledAt = () =>
    ext.worker?.evaluate(
      async () =>
        (await chrome.storage.local.get("compiledCache")).compiledCache?.compiledAt as number | undefined,
    );
  const { page } = ext;
  await draftPage(page);
  const first = await compiledAt();
  expect(typeof first).toBe("number");
  const second = await ext.context.newPage();
  await draftPage(second);
  await second.keyboard.type("北韩");
  await expect.poll(async () => (await marks(second)).filter((m) => m.rule === NORTH_KOREA).length).toBe(2);
  expect(await compiledAt()).toBe(first);

  const options = await extensionPage(ext, "options.html");
  await options.locator("#custom-terms").fill("特别词");
  await options.locator("#custom-save").click();
  await expect.poll(compiledAt, { timeout: 30_000 }).not.toBe(first);
});
