import { readdirSync, readFileSync } from "node:fs";
import { compile, usablePacks } from "@shengao/core";
import { createJiebaSegmenter, DEFAULT_LEXICON_DIR, readLexiconFiles } from "@shengao/node";
import { describe, expect, it } from "vitest";

const CORPUS = new URL("./corpus/", import.meta.url);

const { usable, problems } = usablePacks(await readLexiconFiles([DEFAULT_LEXICON_DIR]));
const screener = compile(usable, { segmenter: createJiebaSegmenter() });

describe("the real corpus with the default lexicons", () => {
  it("loads the default packs without problems", () => {
    expect(problems).toEqual([]);
    expect(usable.map((p) => p.pack?.id).sort()).toEqual(["advertising", "editorial", "formulation"]);
  });

  const files = readdirSync(CORPUS).filter((f) => f.endsWith(".txt"));
  it.each(files)("%s (correct official text) gives no error-severity finding", (file) => {
    const text = readFileSync(new URL(file, CORPUS), "utf8");
    const errors = screener.screen(text).filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.text}`)).toEqual([]);
  });

  it("the sample draft has the findings it was written to show", () => {
    const text = readFileSync(new URL("../samples/draft.md", import.meta.url), "utf8");
    const found = new Set(screener.screen(text).map((f) => f.text));
    for (const expected of ["北韩", "美国、日本、台湾", "最佳", "聋子", "瞎子"])
      expect(found).toContain(expected);
  });
});
