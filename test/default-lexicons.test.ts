import { DEFAULT_LEXICON_DIR, readLexiconFiles } from "@shengao/node";
import { describe, expect, it } from "vitest";

// What the lexicon issue asks of every default entry, checked so that a new entry can't skip it.
const parsed = await readLexiconFiles([DEFAULT_LEXICON_DIR]);

describe("default lexicons", () => {
  it("are the three packs, each parsed without problems", () => {
    expect(parsed.map((p) => p.pack?.id).sort()).toEqual(["advertising", "editorial", "formulation"]);
    expect(parsed.flatMap((p) => p.problems)).toEqual([]);
  });

  const entries = parsed.flatMap((p) =>
    (p.pack?.entries ?? []).map((e) => ({ ruleId: `${p.pack?.id}/${e.id}`, e })),
  );
  it.each(entries)("$ruleId cites its basis and has flag: and pass: examples", ({ e }) => {
    expect(e.basis).toBeTruthy();
    expect(e.examples?.flag.length).toBeGreaterThan(0);
    expect(e.examples?.pass.length).toBeGreaterThan(0);
  });

  it("ship a full list of countries for the juxtaposition entries", () => {
    const editorial = parsed.find((p) => p.pack?.id === "editorial")?.pack;
    const countries = editorial?.lists.countries ?? [];
    // the 193 UN member states and the 2 observer states
    expect(countries.length).toBeGreaterThanOrEqual(195);
    for (const name of ["美国", "日本", "朝鲜", "韩国", "梵蒂冈", "巴勒斯坦", "南苏丹", "图瓦卢"])
      expect(countries).toContain(name);
    for (const name of ["台湾", "香港", "澳门"]) expect(countries).not.toContain(name);
  });
});
