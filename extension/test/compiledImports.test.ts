import { compile, parseLexicon } from "@shengao/core";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CompiledPayload } from "../lib/messages";
import { type CompiledImportRef, DEFAULT_SETTINGS, type Settings } from "../lib/settings";

// What the background does with compiled imports after they were imported (the options page's side
// is in test/e2e/options.spec.ts): against a fake storage, and a version the test can change as an
// update of the extension would.
const { browser, manifest, stored } = await vi.hoisted(() => import("./fakeBrowser"));
vi.mock("wxt/browser", () => ({ browser }));

const { compiledImportRef, dropCompiledSources, storeCompiledSource, usableCompiledImports } = await import(
  "../lib/lexicons/compiledImports"
);
const { payloadScreener } = await import("../lib/lexicons/payloadScreener");

const pack = (id: string, category: string, term: string) =>
  parseLexicon(
    JSON.stringify({
      id,
      name: id,
      version: "1.0.0",
      defaults: { category },
      entries: [{ id: "w", kind: "term", terms: [term], message: "m" }],
    }),
    `${id}.json`,
  );
const sources = compile([pack("base", "通用", "北韩")]);
const orgText = JSON.stringify(
  compile([pack("org", "内部", "蓝鲸计划"), pack("org2", "保密", "白鹭")]).serialize(),
);

/** Imports a compiled text as the options page does. */
async function imported(file: string, text: string): Promise<CompiledImportRef> {
  const ref = await compiledImportRef(file, text, JSON.parse(text));
  await storeCompiledSource(ref, text);
  return ref;
}

const settingsWith = (refs: CompiledImportRef[], change: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  compiledImports: refs,
  ...change,
});

describe("compiled imports in the background", () => {
  beforeEach(() => {
    stored.clear();
    manifest.version = "1.0.0";
  });

  it("holds what the file holds, and screens next to the sources", async () => {
    const ref = await imported("org.json", orgText);
    expect(ref.packs.map((p) => p.id)).toEqual(["org", "org2"]);
    expect(ref.categories).toEqual(["保密", "内部"]);
    const settings = settingsWith([ref]);
    const { imports, dropped } = await usableCompiledImports(settings, sources.packs);
    expect(dropped).toEqual([]);
    const payload: CompiledPayload = {
      data: sources.serialize(),
      imports,
      version: "v",
      lexiconsVersion: "l",
      disabledCategories: [],
      disabledPacks: [],
      problems: [],
    };
    const found = (p: CompiledPayload) =>
      payloadScreener(p)
        .screen("北韩、蓝鲸计划、白鹭")
        .map((f) => f.ruleId);
    expect(found(payload)).toEqual(["base/w", "org/w", "org2/w"]);
    // switched off: a pack inside the compiled file, a category of it
    expect(found({ ...payload, disabledPacks: ["org"] })).toEqual(["base/w", "org2/w"]);
    expect(found({ ...payload, disabledCategories: ["保密"] })).toEqual(["base/w", "org/w"]);
    // switches alone keep the lexicons loaded; new lexicons are loaded again
    const first = payloadScreener(payload);
    const switched = payloadScreener({ ...payload, version: "v2", disabledCategories: ["保密"] }, first);
    expect(switched.lexicons).toBe(first.lexicons);
    expect(switched.screen("北韩、白鹭").map((f) => f.ruleId)).toEqual(["base/w"]);
    const reloaded = payloadScreener(
      { ...payload, version: "v3", lexiconsVersion: "l2", imports: [] },
      first,
    );
    expect(reloaded.lexicons).not.toBe(first.lexicons);
    expect(reloaded.screen("北韩、白鹭").map((f) => f.ruleId)).toEqual(["base/w"]);
  });

  it("leaves out a file all of whose packs are switched off, without a problem", async () => {
    const ref = await imported("org.json", orgText);
    const settings = settingsWith([ref], { disabledPacks: ["org", "org2"] });
    expect(await usableCompiledImports(settings, sources.packs)).toEqual({ imports: [], dropped: [] });
  });

  it("leaves out a file whose pack id is taken by then (a default pack added by an update)", async () => {
    const ref = await imported("org.json", orgText);
    const taken = compile([{ ...pack("org", "通用", "南韩"), file: "lexicons/org.yaml" }]).packs;
    const { imports, dropped } = await usableCompiledImports(settingsWith([ref]), taken);
    expect(imports).toEqual([]);
    expect(dropped).toEqual([
      {
        file: "org.json",
        problems: [
          "org.json:1:1  错误  词库编号「org」与 lexicons/org.yaml 重复：每个词库的 id 都要不同，本单位的词库请另起一个 id（如果是同一个词库的新版本，请换下旧文件）  (duplicate-pack)",
        ],
      },
    ]);
  });

  it("checks a file again after an update of the extension, and reports what broke", async () => {
    const ref = await imported("org.json", orgText);
    stored.set(
      `compiledImport:${ref.sha256}`,
      orgText.replace('"format":"shengao-compiled/4"', '"format":"x"'),
    );
    // the version that checked it trusts it; a later one checks it again
    expect((await usableCompiledImports(settingsWith([ref]), sources.packs)).dropped).toEqual([]);
    manifest.version = "1.1.0";
    const { imports, dropped } = await usableCompiledImports(settingsWith([ref]), sources.packs);
    expect(imports).toEqual([]);
    expect(dropped).toEqual([
      {
        file: "org.json",
        problems: [
          'org.json:1:11  错误  「format」应为 "shengao-compiled/4"，实际是 文字 "x"：不是编译后的词库  (not-compiled)',
        ],
      },
    ]);
  });

  it("reports a file whose text is gone, and drops only text no reference shares", async () => {
    const a = await imported("a.json", orgText);
    const b = await imported("b.json", orgText);
    expect(a.sha256).toBe(b.sha256);
    await dropCompiledSources([a], [b]);
    expect(stored.size).toBe(1);
    await dropCompiledSources([b], []);
    expect(stored.size).toBe(0);
    const { dropped } = await usableCompiledImports(settingsWith([b]), sources.packs);
    expect(dropped).toEqual([
      {
        file: "b.json",
        problems: ["b.json:1:1  错误  已导入的编译后词库没有保存下来，请重新导入  (unreadable)"],
      },
    ]);
  });
});
