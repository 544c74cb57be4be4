import { readFileSync } from "node:fs";
import { compile, createIntlSegmenter, runExamples, usablePacks } from "@shengao/core";
import { createJiebaSegmenter, DEFAULT_LEXICON_DIR, readLexiconFiles } from "@shengao/node";
import { describe, expect, it } from "vitest";

// The CLI segments with nodejieba, the extension with Intl.Segmenter: an editor and a reviewer
// must see the same findings for the same text with the default lexicons.
const { usable } = usablePacks(await readLexiconFiles([DEFAULT_LEXICON_DIR]));
const node = compile(usable, { segmenter: createJiebaSegmenter() });
const browser = compile(usable, { segmenter: createIntlSegmenter() });

const texts = {
  corpus: readFileSync(new URL("./corpus/000_46b6a2ef67550557.txt", import.meta.url), "utf8"),
  sample: readFileSync(new URL("../samples/draft.md", import.meta.url), "utf8"),
};

const summary = (text: string, screener: typeof node) =>
  screener.screen(text).map((f) => `${f.start}-${f.end} ${f.ruleId} ${f.text}`);

describe("Node (nodejieba) and browser (Intl.Segmenter) screeners agree", () => {
  it.each(Object.keys(texts))("on the %s", (name) => {
    const text = texts[name as keyof typeof texts];
    expect(summary(text, browser)).toEqual(summary(text, node));
  });

  it("on every flag:/pass: example of the default lexicons", () => {
    const failing = (screener: typeof node) =>
      runExamples(screener, usable)
        .filter((r) => !r.ok)
        .map((r) => `${r.ruleId} ${r.expect}: ${r.sentence}`);
    expect(failing(node)).toEqual([]);
    expect(failing(browser)).toEqual([]);
    expect(runExamples(browser, usable).length).toBeGreaterThan(200);
  });
});
