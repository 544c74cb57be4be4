import { compile, parseLexicon } from "@shengao/core";
import { describe, expect, it } from "vitest";
import {
  customPackSource,
  formatCustomTerms,
  parseCustomTerms,
  usualSeverity,
} from "../lib/lexicons/customPack";

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

  it("reads the arrows a Chinese input method types for =>", () => {
    const terms = parseCustomTerms(
      "科普读本＝＞科普读物\n三百余名 -> 300余名\n省青协=》省青年科技工作者协会\n甲 ⇒ 乙",
      "warning",
    );
    expect(terms.map((t) => [t.term, t.replacement])).toEqual([
      ["科普读本", "科普读物"],
      ["三百余名", "300余名"],
      ["省青协", "省青年科技工作者协会"],
      ["甲", "乙"],
    ]);
  });

  it("gives a line its own level when written at its end; the others take the level chosen", () => {
    const terms = parseCustomTerms(
      "敏感词甲 [必须修改]\n省青协 => 省青年科技工作者协会\n某某 【提示】\n乙 [Must fix]\n[丙]",
      "warning",
    );
    expect(terms).toEqual([
      { term: "敏感词甲", severity: "error" },
      { term: "省青协", replacement: "省青年科技工作者协会", severity: "warning" },
      { term: "某某", severity: "info" },
      { term: "乙", severity: "error" },
      // brackets that name no level are part of the term
      { term: "[丙]", severity: "warning" },
    ]);
  });

  it("writes the terms back as they read: a term of another level than the others' with its own", () => {
    const terms = parseCustomTerms(
      "省青协 => 省青年科技工作者协会\n学术诚信倡议书\n敏感词甲 [必须修改]",
      "warning",
    );
    expect(usualSeverity(terms)).toBe("warning");
    const labels = { error: "必须修改", warning: "建议修改", info: "提示" } as const;
    const text = formatCustomTerms(terms, "warning", (level) => labels[level]);
    expect(text).toBe("省青协 => 省青年科技工作者协会\n学术诚信倡议书\n敏感词甲 [必须修改]");
    // saved again with another level chosen, the terms without their own take it, the marked one keeps its own
    expect(parseCustomTerms(text, "info").map((t) => t.severity)).toEqual(["info", "info", "error"]);
  });
});
