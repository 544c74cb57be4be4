import { describe, expect, it } from "vitest";
import { fixSpan } from "../src/findings/fixSpan.js";
import { screenerOf } from "./helpers.js";

/** The text with the finding's fix applied. */
function fixed(text: string, rule: string, screener = lexicons): string {
  const finding = screener.screen(text).find((f) => f.ruleId === `t/${rule}`);
  const fix = finding?.fix;
  if (fix === undefined) throw new Error(`no fix of ${rule} in ${text}`);
  return text.slice(0, fix.start) + fix.replacement + text.slice(fix.end);
}

const lexicons = screenerOf({
  entries: [
    { id: "leader", kind: "replace", message: "m", terms: ["台湾总统"], replacement: "台湾地区领导人" },
    {
      id: "plenum",
      kind: "canonical",
      message: "m",
      canonical: "党的二十届三中全会",
      variants: ["二十大三中全会"],
    },
    { id: "nk", kind: "replace", message: "m", terms: ["北韩"], replacement: "朝鲜" },
    { id: "brics", kind: "replace", message: "m", terms: ["一带一路战略"], replacement: "“一带一路”倡议" },
  ],
});

describe("a fix's span", () => {
  it.each([
    ["台湾“总统”出席", "leader", "台湾地区领导人出席"],
    ["台湾「总统」出席", "leader", "台湾地区领导人出席"],
    ['台湾"总统"出席', "leader", "台湾地区领导人出席"],
    ["“台湾”总统出席", "leader", "台湾地区领导人出席"],
    // quotes around the whole term are the writer's: kept
    ["称“台湾总统”", "leader", "称“台湾地区领导人”"],
    ["认真学习党的二十大三中全会精神", "plenum", "认真学习党的二十届三中全会精神"],
    ["认真学习二十大三中全会精神", "plenum", "认真学习党的二十届三中全会精神"],
    // one character in common is chance, not a doubled word
    ["访朝北韩代表团", "nk", "访朝朝鲜代表团"],
    ["北韩代表团", "nk", "朝鲜代表团"],
    // a replacement bringing its own marks takes in those around the words, not doubled
    ["服务“一带一路战略”", "brics", "服务“一带一路”倡议"],
    ["服务一带一路战略", "brics", "服务“一带一路”倡议"],
    // an ASCII quote in the hit closes the one open before it, or opens one
    ['"台湾"总统"赖某"出席', "leader", '台湾地区领导人"赖某"出席'],
    ['称台湾"总统"出席', "leader", "称台湾地区领导人出席"],
  ])("%s (%s) → %s", (text, rule, want) => {
    expect(fixed(text, rule)).toBe(want);
  });

  it("is the finding's own when nothing around it needs taking in", () => {
    expect(fixSpan("我们北韩他们", 2, 4, "朝鲜")).toEqual({ start: 2, end: 4 });
    // a replacement made wholly of what surrounds it is no reason to widen
    expect(fixSpan("党和北韩政府", 2, 4, "党和政府")).toEqual({ start: 2, end: 4 });
    expect(fixSpan("党和北韩", 2, 4, "党和朝鲜")).toEqual({ start: 0, end: 4 });
  });

  it("counts the ASCII quotes before a span in the text it is given, text after text", () => {
    // the hit 台湾"总统 at [1, 6): a quote opened before it in the first text, none in the second
    const opened = '"台湾"总统出席';
    const opening = '称台湾"总统"出席';
    expect(fixSpan(opened, 1, 6, "台湾地区领导人")).toEqual({ start: 0, end: 6 });
    expect(fixSpan(opening, 1, 6, "台湾地区领导人")).toEqual({ start: 1, end: 7 });
    expect(fixSpan(opened, 1, 6, "台湾地区领导人")).toEqual({ start: 0, end: 6 });
    // many findings of one long text, each after its own quote: the count of each line's is right
    const lines = Array.from({ length: 2000 }, (_, i) =>
      i % 2 === 0 ? '"台湾"总统出席\n' : '称台湾"总统"出席\n',
    );
    const text = lines.join("");
    let at = 0;
    for (const [i, line] of lines.entries()) {
      const span = fixSpan(text, at + 1, at + 6, "台湾地区领导人");
      expect(span).toEqual(i % 2 === 0 ? { start: at, end: at + 6 } : { start: at + 1, end: at + 7 });
      at += line.length;
    }
  });
});
