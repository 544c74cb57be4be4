import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  byFindingOrder,
  combineScreeners,
  compile,
  duplicatePacks,
  LexiconError,
  loadCompiled,
  parseLexicon,
  validatePacks,
} from "../src/index.js";

const pack = (id: string, entries: object[]) =>
  parseLexicon(JSON.stringify({ id, name: id, version: "1.0.0", entries }), `${id}.json`);

// Two packs that find things at the same places: the order between them is by rule id.
const a = pack("a", [
  { id: "nk", kind: "replace", message: "m", terms: ["北韩"], replacement: "朝鲜" },
  { id: "best", kind: "term", message: "m", terms: ["最佳", "最"] },
]);
const b = pack("b", [
  { id: "korea", kind: "near", message: "m", groups: [["北"], ["韩"]], within: 3 },
  { id: "han", kind: "term", message: "m", terms: ["韩"] },
  { id: "e", kind: "enumeration", message: "m", items: ["甲项", "乙项", "丙项"] },
]);
const c = pack("c", [{ id: "p", kind: "pattern", message: "m", pattern: "台.独" }]);

describe("combineScreeners", () => {
  // the imported part is loaded from its compiled form, as the extension does
  const parts = [compile([a]), loadCompiled(JSON.parse(JSON.stringify(compile([b, c]).serialize())))];
  const combined = combineScreeners(parts);
  const together = compile([a, b, c]);

  it("finds what one screener of all the packs finds, in the same order", () => {
    const piece = fc.constantFrom(
      "北韩",
      "北",
      "韩",
      "最佳",
      "最",
      "甲项",
      "乙项",
      "丙项",
      "、",
      "台x独",
      "。",
      " ",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join("");
        expect(combined.screen(text)).toEqual(together.screen(text));
      }),
      { numRuns: 300 },
    );
  });

  it("sorts by start, the longer first, then by rule id", () => {
    const found = combined.screen("北韩最佳。丙项、乙项、甲项");
    expect(found.map((f) => [f.ruleId, f.text])).toEqual([
      ["a/nk", "北韩"],
      ["b/korea", "北韩"],
      ["b/han", "韩"],
      ["a/best", "最佳"],
      ["b/e", "丙项、乙项、甲项"],
    ]);
    expect([...found].sort(byFindingOrder)).toEqual(found);
  });

  it("lists the packs and rules of every part, in order", () => {
    expect(combined.packs.map((p) => p.id)).toEqual(["a", "b", "c"]);
    expect(combined.rules.map((r) => r.ruleId)).toEqual(["a/nk", "a/best", "b/korea", "b/han", "b/e", "c/p"]);
  });

  it("with one screener screens as it does; with none finds nothing", () => {
    const one = combineScreeners([together]);
    expect(one.screen("北韩台x独")).toEqual(together.screen("北韩台x独"));
    expect(combineScreeners([]).screen("北韩")).toEqual([]);
    // the parts as given: a screener added to the caller's list later is not one of them
    const parts = [together];
    const given = combineScreeners(parts);
    parts.push(together);
    expect(given.rules).toEqual(together.rules);
    expect(() => combined.screen(3 as never)).toThrow(TypeError);
  });

  it("refuses two parts with the same pack id, naming both files", () => {
    const again = compile([pack("b", [{ id: "x", kind: "term", message: "m", terms: ["南韩"] }])]);
    let error: unknown;
    try {
      combineScreeners([...parts, again]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LexiconError);
    expect((error as LexiconError).problems).toEqual([
      {
        code: "duplicate-pack",
        file: "b.json",
        line: 1,
        column: 1,
        message:
          "词库编号「b」与 b.json 重复：每个词库的 id 都要不同，本单位的词库请另起一个 id（如果是同一个词库的新版本，请换下旧文件）",
        severity: "error",
      },
    ]);
  });
});

describe("duplicatePacks", () => {
  it("reports each later pack with a taken id, where the caller says it is", () => {
    const problems = duplicatePacks([
      { id: "x", file: "lexicons/x.yaml" },
      { id: "y", file: "y.yaml" },
      { id: "x", file: "compiled.json", line: 1, column: 52 },
    ]);
    expect(problems.map((p) => [p.code, p.file, p.line, p.column, p.message])).toEqual([
      [
        "duplicate-pack",
        "compiled.json",
        1,
        52,
        "词库编号「x」与 lexicons/x.yaml 重复：每个词库的 id 都要不同，本单位的词库请另起一个 id（如果是同一个词库的新版本，请换下旧文件）",
      ],
    ]);
  });

  it("serves validatePacks among lexicon sources, located at the repeated pack's id", () => {
    const yaml = (name: string) =>
      parseLexicon(
        `# ${name}\nid: x\nname: ${name}\nversion: 1.0.0\nentries:\n  - { id: w, kind: term, terms: [北韩], message: m }\n`,
        `${name}.yaml`,
      );
    const problems = validatePacks([yaml("a"), yaml("b")]);
    expect(problems.map((p) => [p.code, p.file, p.line, p.column, p.message])).toEqual([
      [
        "duplicate-pack",
        "b.yaml",
        2,
        5,
        "词库编号「x」与 a.yaml 重复：每个词库的 id 都要不同，本单位的词库请另起一个 id（如果是同一个词库的新版本，请换下旧文件）",
      ],
    ]);
  });
});
