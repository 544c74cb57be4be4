import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import {
  EDITORS,
  type EditorSpec,
  hoverMark,
  marks,
  NORTH_KOREA,
  open,
  openDraft,
  overlay,
  publishClicks,
  typeLines,
  waitForMark,
  ZUIHAO,
} from "./support/editors";
import { expect, extensionPage, type Session, snapshot, test } from "./support/fixtures";
import { REPO } from "./support/paths";

const textarea = EDITORS.find((e) => e.name === "textarea") as EditorSpec;

/** Rule ids of the marks drawn now, sorted. */
async function rules(page: Page): Promise<string[]> {
  return [...new Set((await marks(page)).map((m) => m.rule))].sort();
}

/** A draft with both default findings, typed in the textarea page. */
async function draftPage(page: Page): Promise<void> {
  await openDraft(page, textarea);
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
  // each known site is listed once, by its profile: its match patterns, granted with the
  // extension, are no second row (whose switch did nothing)
  const ids = await options
    .locator("#sites input")
    .evaluateAll((boxes) => boxes.map((b) => b.getAttribute("data-id")));
  expect(ids.slice(0, 6)).toEqual(["weixin", "weibo", "toutiao", "zhihu", "xiaohongshu", "bilibili"]);
  expect(ids.filter((id) => /weixin|weibo|toutiao|zhihu|xiaohongshu|bilibili/.test(id ?? "")).length).toBe(6);
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

test("the options page reads at the size the popup does, not at the 75 % Chromium gives an options page's body", async ({
  ext,
}) => {
  const options = await extensionPage(ext, "options.html");
  await expect(options.locator("label.row").first()).toBeVisible();
  const sizes = await options.evaluate(() => ({
    body: getComputedStyle(document.body).fontSize,
    // a section's title, and a site's or a pack's name: the page's main text
    legend: getComputedStyle(document.querySelector("legend") as Element).fontSize,
    label: getComputedStyle(document.querySelector("label.row") as Element).fontSize,
  }));
  expect(sizes).toEqual({ body: "14px", legend: "14px", label: "14px" });
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
  await openDraft(page, textarea);
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
  // imported with warnings, as the CLI's validate gives them: not strict JSON, and a copy of the
  // JSON pack's entry, which marks each place twice
  const trailing = JSON_PACK.replace('"jsonpack"', '"trailing"').replace("}]}", "},]}");
  await options.locator("#import-file").setInputFiles(file("trailing.json", trailing));
  await expect(status.locator("p.ok")).toHaveText("已导入词库 JSON 词库（1 条）。");
  await expect(status.locator("pre.warnings")).toHaveText(
    /^trailing\.json:1:\d+ {2}警告 {2}这里多了一个逗号.*\(not-json\)\ntrailing\.json:1:\d+ {2}警告 {2}「[^」]+」已被 jsonpack\/.*同一处会标两次.*\(same-term-elsewhere\)$/,
  );
  await expect(options.locator('#packs input[data-id="trailing"]')).toBeChecked();
  await options.locator("#import .imported", { hasText: "trailing.json" }).getByRole("button").click();
  await expect(options.locator('#packs input[data-id="trailing"]')).toHaveCount(0);

  // a schema error: refused, with file:line:column, and nothing changes
  await options.locator("#import-file").setInputFiles(file("broken.yaml", BROKEN_YAML));
  await expect(status).toContainText("导入失败，原有词库保持不变");
  await expect(status.locator(".problems")).toContainText("broken.yaml:6:11");
  await expect(status.locator(".problems")).toContainText("kind");
  await snapshot(testInfo, options, "import refused");
  // a pack saved as GBK is refused where its first such byte is, not imported with garbled terms
  const gbk = Buffer.concat([
    Buffer.from(SOCIETY_YAML.replace("society", "gbkpack").split("老会名")[0] as string),
    Buffer.from("c0cfbbe1c3fb", "hex"), // 老会名 in GBK
    Buffer.from(SOCIETY_YAML.split("老会名")[1] as string),
  ]);
  await options
    .locator("#import-file")
    .setInputFiles({ name: "gbk.yaml", mimeType: "text/yaml", buffer: gbk });
  await expect(status.locator(".problems")).toContainText("gbk.yaml:7:13  错误  词库文件不是 UTF-8 编码");
  await expect(options.locator('#packs input[data-id="gbkpack"]')).toHaveCount(0);
  // a YAML syntax error is refused too, and a file claiming the compiled form without its contents
  await options.locator("#import-file").setInputFiles(file("syntax.yaml", "id: s\nentries: [\n"));
  await expect(status.locator(".problems")).toContainText("syntax.yaml:3:1");
  await options
    .locator("#import-file")
    .setInputFiles(file("compiled.json", JSON.stringify({ format: "shengao-compiled/4", packs: [] })));
  await expect(status.locator(".problems")).toContainText("compiled.json:1:1  错误  「rules」 缺少必填项");
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

test("lexicon import: a newer version of an imported pack, under another file name, replaces it", async ({
  ext,
}) => {
  const { page } = ext;
  const options = await extensionPage(ext, "options.html");
  const status = options.locator("#import-status");
  await options.locator("#import-file").setInputFiles(file("society.yaml", SOCIETY_YAML));
  await expect(status).toHaveText("已导入词库 本会词库（1 条）。");
  const update = SOCIETY_YAML.replace("version: 1.0.0", "version: 1.1.0").replace("老会名", "旧会名");
  await options.locator("#import-file").setInputFiles(file("本会词库2025.yaml", update));
  await expect(status).toHaveText(
    "已导入词库 本会词库（1 条）。它是词库 society 的 1.1.0 版，已替换原来导入的 society.yaml（1.0.0）。",
  );
  await expect(options.locator("#import .imported")).toHaveText([/本会词库2025\.yaml/]);
  // the page screens with the new version only
  const editor = await open(page, textarea);
  await typeLines(page, editor, ["旧会名和老会名。"]);
  await expect.poll(async () => (await marks(page)).map((m) => m.start)).toEqual([0]);
});

const ORG_YAML = `id: orgwords
name: 本单位内部词库
version: 2.1.0
defaults:
  category: 内部
  severity: error
entries:
  - id: codename
    kind: term
    terms: [蓝鲸计划]
    message: 内部项目代号，不得对外发布
`;
const CODENAME = "orgwords/codename";

/** The YAML pack compiled by the real CLI, as a reviewer ships it: `shengao lexicon build`. */
function buildWithCli(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), "shengao-build-"));
  try {
    writeFileSync(join(dir, "org.yaml"), yaml);
    execFileSync(process.execPath, [
      join(REPO, "packages/cli/dist/bin.js"),
      "lexicon",
      "build",
      join(dir, "org.yaml"),
      "--out",
      join(dir, "compiled.json"),
    ]);
    return readFileSync(join(dir, "compiled.json"), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Keys under which the extension keeps compiled files' text. */
const storedCompiled = (session: Session) =>
  session.worker?.evaluate(async () =>
    Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith("compiledImport:")),
  );

test("compiled import: a file built by the CLI screens its term, follows the pack and category switches; a corrupted one is refused, the packs kept", async ({
  ext,
}, testInfo) => {
  const { page } = ext;
  const compiled = buildWithCli(ORG_YAML);
  expect(compiled.startsWith('{"format":"shengao-compiled/4"')).toBe(true);
  const options = await extensionPage(ext, "options.html");
  const status = options.locator("#import-status");
  const importFile = (name: string, text: string) =>
    options.locator("#import-file").setInputFiles(file(name, text));

  await importFile("org-compiled.json", compiled);
  await expect(status).toHaveText("已导入编译后的词库 org-compiled.json：1 个词库，1 条。");
  await expect(options.locator('#packs input[data-id="orgwords"]')).toBeChecked();
  await expect(options.locator("#packs")).toContainText("本单位内部词库（orgwords 2.1.0）");
  await expect(options.locator('#categories input[data-id="内部"]')).toBeChecked();
  await expect(options.locator("#import .imported")).toHaveText([
    /org-compiled\.json.*编译后的词库，含 1 个词库/,
  ]);
  expect(await storedCompiled(ext)).toHaveLength(1);
  await status.scrollIntoViewIfNeeded();
  await snapshot(testInfo, options, "compiled imported");

  const editor = await open(page, textarea);
  await typeLines(page, editor, ["蓝鲸计划的北韩合作。"]);
  await expect.poll(() => rules(page)).toEqual([NORTH_KOREA, CODENAME]);
  const mark = (await marks(page)).find((m) => m.rule === CODENAME);
  expect(mark?.severity).toBe("error");
  await snapshot(testInfo, page, "compiled pack's term marked");

  // its pack and its category switch off and on like any other
  await options.bringToFront();
  await options.locator('#packs input[data-id="orgwords"]').uncheck();
  await expect.poll(() => rules(page)).toEqual([NORTH_KOREA]);
  await options.locator('#packs input[data-id="orgwords"]').check();
  await expect.poll(() => rules(page)).toEqual([NORTH_KOREA, CODENAME]);
  await options.locator('#categories input[data-id="内部"]').uncheck();
  await expect.poll(() => rules(page)).toEqual([NORTH_KOREA]);
  await options.locator('#categories input[data-id="内部"]').check();
  await expect.poll(() => rules(page)).toEqual([NORTH_KOREA, CODENAME]);

  // corrupted: one automaton array is no longer base64; refused with where and why
  const fail = compiled.indexOf('"fail":"') + '"fail":"'.length;
  await importFile("broken-compiled.json", `${compiled.slice(0, fail)}!!!!${compiled.slice(fail + 4)}`);
  await expect(status).toContainText("导入失败，原有词库保持不变");
  const problems = status.locator(".problems");
  await expect(problems).toContainText(`broken-compiled.json:1:${fail}  错误`);
  await expect(problems).toContainText("「profiles.0.automaton.fail」 不是有效的 base64 文本");
  await expect(problems).toContainText("(bad-base64)");
  await status.scrollIntoViewIfNeeded();
  await snapshot(testInfo, options, "corrupted compiled refused");
  // cut short, and the same packs again under another name: refused too
  await importFile("cut.json", compiled.slice(0, 300));
  await expect(problems).toContainText("cut.json:1:301  错误  不是有效的 JSON");
  await importFile("again.json", compiled);
  // at the pack's id in the file (1-based column of the value)
  const idColumn = compiled.indexOf('"id":"orgwords"', compiled.indexOf('"packs"')) + '"id":'.length + 1;
  await expect(problems).toContainText(`again.json:1:${idColumn}  错误`);
  await expect(problems).toContainText("词库编号「orgwords」与 org-compiled.json 重复");
  await importFile("orgwords.yaml", ORG_YAML);
  await expect(problems).toContainText(
    "orgwords.yaml:1:5  错误  词库编号「orgwords」与 org-compiled.json 重复",
  );
  await expect(options.locator("#import .imported")).toHaveText([/org-compiled\.json/]);
  expect(await storedCompiled(ext)).toHaveLength(1);

  // the packs in use are the ones before the refused imports
  await page.bringToFront();
  await typeLines(page, editor, ["又见蓝鲸计划。"]);
  await expect.poll(async () => (await marks(page)).filter((m) => m.rule === CODENAME).length).toBe(2);
  await snapshot(testInfo, page, "compiled pack still in use");

  // removed: its findings and its stored text go
  await options.bringToFront();
  await options.locator("#import .imported", { hasText: "org-compiled.json" }).getByRole("button").click();
  await expect.poll(() => rules(page)).toEqual([NORTH_KOREA]);
  await expect(options.locator('#packs input[data-id="orgwords"]')).toHaveCount(0);
  expect(await storedCompiled(ext)).toEqual([]);
});

test("compiled import broken after an update: the options page shows which file is left out and why; the others still screen", async ({
  ext,
}, testInfo) => {
  const { page } = ext;
  const compiled = buildWithCli(ORG_YAML);
  const options = await extensionPage(ext, "options.html");
  await options.locator("#import-file").setInputFiles(file("org-compiled.json", compiled));
  await expect(options.locator("#import-status")).toContainText("已导入编译后的词库 org-compiled.json");
  const editor = await open(page, textarea);
  await typeLines(page, editor, ["蓝鲸计划的北韩合作。"]);
  await expect.poll(() => rules(page)).toEqual([NORTH_KOREA, CODENAME]);
  await expect(options.locator("#import .imported.dropped")).toHaveCount(0);

  // what an update meets: the stored text no longer passes the checks, and this version of the
  // extension did not check it yet (settings written as the extension writes them)
  await options.evaluate(async () => {
    type Stored = { compiledImports: { sha256: string; checkedBy: string }[] };
    const settings = (await chrome.storage.local.get("settings")).settings as Stored;
    const ref = settings.compiledImports[0] as Stored["compiledImports"][number];
    const key = `compiledImport:${ref.sha256}`;
    const text = (await chrome.storage.local.get(key))[key] as string;
    await chrome.storage.local.set({ [key]: text.replace('"format":"shengao-compiled/4"', '"format":"x"') });
    await chrome.storage.local.set({
      settings: { ...settings, compiledImports: [{ ...ref, checkedBy: "0.0.1" }] },
    });
  });
  await expect.poll(() => rules(page)).toEqual([NORTH_KOREA]);
  await options.reload();
  const row = options.locator("#import .imported.dropped");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("org-compiled.json");
  await expect(row).toContainText("这个文件暂未使用");
  await expect(row.locator(".problems")).toContainText(
    'org-compiled.json:1:11  错误  「format」应为 "shengao-compiled/4"，实际是 文字 "x"：不是编译后的词库  (not-compiled)',
  );
  await row.scrollIntoViewIfNeeded();
  await snapshot(testInfo, options, "broken compiled import shown");
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
  // the fix is said once, as the card's button, not again in its message
  await expect(card.locator(".message")).toHaveText("自定义词条：“老同志”");
  await card.locator("button.suggestion", { hasText: "老干部" }).click();
  await expect(editor).toHaveValue("老干部说了特别词。");
  await expect.poll(() => rules(page)).toEqual(["custom/term-2"]);
  await snapshot(testInfo, page, "custom term fixed");
});

test("a custom term another pack flags otherwise is refused on save, by its line; the saved terms stay in use", async ({
  ext,
}) => {
  const { page } = ext;
  const options = await extensionPage(ext, "options.html");
  await options.locator("#custom-terms").fill("科协大会 => 科协代表大会");
  await options.locator("#custom-save").click();
  await expect(options.locator("#custom-status")).toHaveText("已保存。");
  // 北韩 is the default editorial/north-korea's, an error fixed to 朝鲜
  await options.locator("#custom-terms").fill("科协大会 => 科协代表大会\n\n北韩 => 北朝鲜");
  await options.locator("#custom-save").click();
  const status = options.locator("#custom-status");
  await expect(status).toContainText("没有保存：下面的词条有问题（原来保存的词条照常使用）");
  await expect(status).toContainText("第 3 行（北韩）：「北韩」已被 editorial/north-korea");
  await expect(status).toContainText("自定义词条不能改变已有词库的判法");
  // nothing was saved: the term saved before still screens, and the box keeps what was typed
  await expect(options.locator("#custom-terms")).toHaveValue("科协大会 => 科协代表大会\n\n北韩 => 北朝鲜");
  const editor = await open(page, textarea);
  await typeLines(page, editor, ["科协大会在北韩召开。"]);
  await expect.poll(() => rules(page)).toEqual(["custom/term-1", NORTH_KOREA].sort());
  // corrected, it saves
  await options.bringToFront();
  await options.locator("#custom-terms").fill("科协大会 => 科协代表大会\n北韩 => 朝鲜");
  await options.locator("#custom-severity").selectOption("error");
  await options.locator("#custom-save").click();
  await expect(options.locator("#custom-status")).toHaveText("已保存。");
});

test("lexicons are compiled once: another tab and typing reuse them; a settings change compiles again", async ({
  ext,
}) => {
  const compiledAt = () =>
    ext.worker?.evaluate(
      async () =>
        (
          (await chrome.storage.local.get("compiledCache")).compiledCache as
            | { compiledAt?: number }
            | undefined
        )?.compiledAt,
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

test("custom terms typed and not yet saved survive an import and a change of language", async ({ ext }) => {
  const options = await extensionPage(ext, "options.html");
  const box = options.locator("#custom-terms");
  await box.fill("科技工作者之家 => 科技工作者之家网站");
  await options.locator("#custom-severity").selectOption("error");
  await options.locator("#import-file").setInputFiles(file("society.yaml", SOCIETY_YAML));
  await expect(options.locator("#import-status")).toHaveText("已导入词库 本会词库（1 条）。");
  await expect(box).toHaveValue("科技工作者之家 => 科技工作者之家网站");
  await expect(options.locator("#custom-severity")).toHaveValue("error");
  await expect(options.locator("#custom-status")).toHaveText("词条还没有保存：改好后请点“保存”。");
  await options.locator("#language").selectOption("en");
  await expect(options.locator("h1")).toHaveText("Shengao settings");
  await expect(box).toHaveValue("科技工作者之家 => 科技工作者之家网站");
  // saved, the page is drawn from the settings again, and says nothing is pending
  await options.locator("#custom-save").click();
  await expect(options.locator("#custom-status")).toHaveText("Saved.");
  await options.locator("#language").selectOption("zh-CN");
  await expect(options.locator("#custom-status")).toHaveText("");
  await expect(box).toHaveValue("科技工作者之家 => 科技工作者之家网站");
});

test("a finding under another on the same words is reached from the card: 这几个字上还有 1 个问题, 下一个", async ({
  ext,
}) => {
  const { page } = ext;
  const options = await extensionPage(ext, "options.html");
  await options.locator("#custom-terms").fill("质量全国最好 => 质量全国领先");
  await options.locator("#custom-save").click();
  await expect(options.locator("#custom-status")).toHaveText("已保存。");
  const editor = await open(page, textarea);
  await typeLines(page, editor, ["本店商品质量全国最好。"]);
  await expect.poll(() => rules(page)).toEqual(["custom/term-1", ZUIHAO].sort());
  await hoverMark(page, await waitForMark(page, ZUIHAO));
  const card = overlay(page).locator(".card");
  await expect(card.locator(".others")).toHaveText("这几个字上还有 1 个问题下一个");
  const first = await card.getAttribute("data-rule");
  await card.getByRole("button", { name: "下一个" }).click();
  await expect(card).not.toHaveAttribute("data-rule", first as string);
  // and stays: its click was no click elsewhere, which closes a card
  await page.waitForTimeout(1000);
  await expect(card).toBeVisible();
  const second = await card.getAttribute("data-rule");
  expect([first, second].sort()).toEqual(["custom/term-1", ZUIHAO].sort());
  await card.getByRole("button", { name: "下一个" }).click();
  await expect(card).toHaveAttribute("data-rule", first as string);
});
