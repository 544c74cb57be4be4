import { compile, createIntlSegmenter, parseLexicon, type Segmenter } from "@shengao/core";
import { describe, expect, it } from "vitest";
import { createJiebaSegmenter } from "../src/index.js";

const pack = {
  id: "b",
  name: "边界",
  version: "1.0.0",
  entries: [
    { id: "tw", kind: "term", message: "m", terms: ["台湾"], boundary: true },
    { id: "anywhere", kind: "term", message: "m", terms: ["湾区"] },
  ],
};

function screenerWith(segmenter: Segmenter) {
  return compile([parseLexicon(JSON.stringify(pack), "b.json")], { segmenter });
}

describe.each([
  ["nodejieba", createJiebaSegmenter()],
  ["Intl.Segmenter", createIntlSegmenter()],
])("word boundaries with %s", (_name, segmenter) => {
  const s = screenerWith(segmenter);

  it("keeps a hit that is a whole word", () => {
    expect(s.screen("台湾是中国的一部分").map((f) => f.entryId)).toEqual(["tw"]);
  });

  it("drops a hit that cuts through a segmented word (平台|湾区)", () => {
    const ids = s.screen("这个平台湾区的用户多").map((f) => f.entryId);
    expect(ids).not.toContain("tw");
    // an entry without boundary still matches inside words
    expect(ids).toContain("anywhere");
  });

  it.each(["\u200B", "\uFEFF", "\u00AD", "\u0301", "😀", "\u3000", " ", "*"])(
    "keeps a whole-word hit with %j skipped inside it (no slipping a term past the check)",
    (skipped) => {
      expect(s.screen(`盗窃设备的台${skipped}湾商人`).map((f) => f.entryId)).toEqual(["tw"]);
      // and a hit that cuts through a word is still dropped
      expect(s.screen(`这个平台${skipped}湾区的用户多`).map((f) => f.entryId)).not.toContain("tw");
    },
  );

  it("lexicon terms were added to the dictionary: a term is one word", () => {
    const cuts = [...segmenter.boundaries("台湾当局")];
    expect(cuts).toContain(0);
    expect(cuts).toContain(4);
  });
});

describe.each([
  ["nodejieba", createJiebaSegmenter()],
  ["Intl.Segmenter", createIntlSegmenter()],
])("a common word as a whole-word term, with %s", (_name, segmenter) => {
  const common = {
    id: "c",
    name: "常用词",
    version: "1.0.0",
    entries: [
      { id: "head", kind: "term", message: "m", terms: ["村长"], boundary: true },
      { id: "king", kind: "term", message: "m", terms: ["天王"], boundary: true },
    ],
  };
  const s = compile([parseLexicon(JSON.stringify(common), "c.json")], { segmenter });

  it.each([
    ["村长们带领村民学习", "head"],
    ["各村村长们参加了培训", "head"],
    ["天王们来到现场", "king"],
    ["一个天王在路上", "king"],
  ])("is found where it is a word (%s)", (text, id) => {
    expect(s.screen(text).map((f) => f.entryId)).toEqual([id]);
  });
});

describe.each([
  ["nodejieba", createJiebaSegmenter],
  ["Intl.Segmenter", createIntlSegmenter],
])("whole-word terms next to other terms and unknown words, with %s", (_name, make) => {
  const entries = [
    { id: "split", kind: "term", message: "m", terms: ["台独"], boundary: true },
    { id: "free", kind: "term", message: "m", terms: ["独立"], boundary: true },
    { id: "expert", kind: "term", message: "m", terms: ["砖家"], boundary: true },
    { id: "coast", kind: "term", message: "m", terms: ["台湾"], boundary: true },
    { id: "authorities", kind: "term", message: "m", terms: ["台湾当局"], boundary: true },
  ];
  const s = compile(
    [parseLexicon(JSON.stringify({ id: "w", name: "词", version: "1.0.0", entries }), "w.json")],
    {
      segmenter: make(),
    },
  );
  const ids = (text: string) => s.screen(text).map((f) => f.entryId);

  it.each([
    // 独立 crosses 台独's end: the cut between 台独 and 立场 was dropped with it
    ["他的台独立场很明显", ["split"]],
    ["要求独立的声音", ["free"]],
    // a word jieba does not know, joined by its hidden Markov model to the 们 after it
    ["这些砖家们说", ["expert"]],
    ["一群砖家", ["expert"]],
    // a term inside a longer term is no whole word there
    ["台湾当局宣布", ["authorities"]],
  ])("%s", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe("nodejieba segmenter", () => {
  it("keeps a lexicon word whole, and cuts the words around it as jieba does", () => {
    const seg = createJiebaSegmenter();
    // jieba alone: 这些|砖家|叫|兽|说; 村长|们|来|了
    seg.addWords(["砖家叫兽", "村长"]);
    const cuts = [...seg.boundaries("这些砖家叫兽说")];
    expect(cuts).toEqual(expect.arrayContaining([2, 6]));
    expect(cuts).not.toContain(4);
    expect([...seg.boundaries("村长们来了")]).toContain(2);
  });

  it("boundaries tile the text exactly, whatever it holds", () => {
    const seg = createJiebaSegmenter();
    const text = "😀美国、日本\r\n  台湾等国家ＡＢＣ abc";
    const cuts = [...seg.boundaries(text)];
    expect(cuts[0]).toBe(0);
    expect(cuts.at(-1)).toBe(text.length);
    expect(cuts).toEqual([...cuts].sort((a, b) => a - b));
    expect(cuts).toContain(text.indexOf("台湾"));
  });
});

describe("nodejieba's dictionary is shared by the process", () => {
  const screener = (terms: string[]) =>
    compile(
      [
        parseLexicon(
          JSON.stringify({
            id: "p",
            name: "词",
            version: "1.0.0",
            entries: terms.map((t, i) => ({
              id: `e${i}`,
              kind: "term",
              message: "m",
              terms: [t],
              boundary: true,
            })),
          }),
          "p.json",
        ),
      ],
      { segmenter: createJiebaSegmenter() },
    );

  it("so one lexicon's terms never change how another's text is cut", () => {
    const best = screener(["最好"]);
    expect(best.screen("本店质量最好")).toHaveLength(1);
    // 质量最好 is no word of jieba's (质量|最好): added to its dictionary, it took 最好's edge
    const other = screener(["质量最好", "叫兽"]);
    expect(other.screen("本店质量最好")).toHaveLength(1);
    other.screen("这些叫兽们说");
    expect(best.screen("本店质量最好")).toHaveLength(1);
    expect(screener(["最好"]).screen("本店质量最好")).toHaveLength(1);
  });

  it("and a term it does not know is a word where its guess joined it to the next character", () => {
    // jieba: 这些|叫|兽们|都|说|了 and 这些|砖家们|说
    const s = screener(["叫兽", "砖家"]);
    expect(s.screen("这些叫兽们都说了").map((f) => f.entryId)).toEqual(["e0"]);
    expect(s.screen("这些砖家们说").map((f) => f.entryId)).toEqual(["e1"]);
    // a word jieba's dictionary holds is not cut up: 砖|家园 holds no word 砖家
    expect(s.screen("砖家园")).toHaveLength(0);
  });
});
