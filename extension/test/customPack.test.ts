import { compile, parseLexicon } from "@shengao/core";
import { describe, expect, it } from "vitest";
import { customPackSource, parseCustomTerms } from "../lib/lexicons/customPack";

describe("parseCustomTerms", () => {
  it("keeps a term written twice once, as its last line says, where its first line was", () => {
    const terms = parseCustomTerms("老干部\n某某单位\n老干部 => 离退休干部\n", "warning");
    expect(terms).toEqual([
      { term: "老干部", replacement: "离退休干部", severity: "warning" },
      { term: "某某单位", severity: "warning" },
    ]);
    // one finding for the term, with the fix its last line gave
    const source = customPackSource(terms) as string;
    const findings = compile([parseLexicon(source, "custom.json")]).screen("老干部座谈会");
    expect(findings.map((f) => [f.text, f.fix?.replacement])).toEqual([["老干部", "离退休干部"]]);
  });
});
