import { describe, expect, it } from "vitest";
import { codeFrame } from "../src/report/code-frame.js";
import { stringWidth } from "../src/report/width.js";

describe("stringWidth", () => {
  it.each([
    ["abc", 3],
    ["", 0],
    ["中文", 4],
    ["台湾地区", 8],
    ["，。、", 6], // full-width punctuation is wide
    ["“”", 2], // East Asian Ambiguous: narrow, as wcwidth and string-width count them
    ["ＡＢ", 4], // full-width Latin
    ["ｶﾀ", 2], // half-width katakana stays narrow
    ["한국", 4],
    ["𠀀", 2], // CJK extension B, a surrogate pair
    ["👍", 2],
    ["👍🏽", 2], // emoji with skin tone: one cluster
    ["👨‍👩‍👧", 2], // ZWJ sequence: one cluster
    ["❤️", 2], // text-default symbol with VS16
    ["☺", 1], // text presentation
    ["e\u0301", 1], // combining accent
    ["台\u200b湾", 4], // zero-width space inserted to dodge filters
  ])("%j is %i columns", (text, width) => {
    expect(stringWidth(text)).toBe(width);
  });
});

describe("codeFrame", () => {
  it("puts exactly one ^ per terminal column of the span, after the columns before it", () => {
    const text = "第一行\n昨天 AI 台湾总统讲话\n";
    const start = text.indexOf("台湾总统");
    const frame = codeFrame(text, start, start + 4);
    expect(frame.line).toBe("昨天 AI 台湾总统讲话");
    expect(frame.marker).toBe(`${" ".repeat(4 + 1 + 2 + 1)}${"^".repeat(8)}`);
  });

  it("counts emoji and ASCII correctly before the span", () => {
    const text = "👍ok台湾";
    const frame = codeFrame(text, text.indexOf("台"), text.length);
    expect(frame.marker).toBe("    ^^^^");
  });

  it("underlines a span crossing a line break only up to the end of its line", () => {
    const text = "ab台\r\n湾cd";
    const frame = codeFrame(text, 2, 6);
    expect(frame.line).toBe("ab台");
    expect(frame.marker).toBe("  ^^");
  });

  it("shows a tab as one space so the marker stays aligned", () => {
    const frame = codeFrame("\tx最好", 2, 4);
    expect(frame.line).toBe(" x最好");
    expect(frame.marker).toBe("  ^^^^");
  });

  it("windows a long paragraph around the span, keeping the marker under the span", () => {
    const before = "这是很长的一段话。".repeat(20);
    const text = `${before}台湾总统${"后面还有很多字。".repeat(20)}`;
    const start = before.length;
    const frame = codeFrame(text, start, start + 4);
    expect(stringWidth(frame.line)).toBeLessThanOrEqual(80);
    expect(frame.line.startsWith("…")).toBe(true);
    expect(frame.line.endsWith("…")).toBe(true);
    const markerStart = frame.marker.indexOf("^");
    // the columns before the marker hold exactly the windowed text before the span
    const shownBefore = frame.line.slice(0, frame.line.indexOf("台湾总统"));
    expect(markerStart).toBe(stringWidth(shownBefore));
    expect(frame.marker.length - markerStart).toBe(8);
  });

  it("frames a span in a line of half a million characters as a short window, the same as a short one", () => {
    const side = "这是很长的一段话😀。".repeat(50_000);
    const text = `${side}台湾总统${side}`;
    const start = side.length;
    const frame = codeFrame(text, start, start + 4);
    const short = `${side.slice(-200)}台湾总统${side.slice(0, 200)}`;
    expect(frame).toEqual(codeFrame(short, 200, 204));
    expect(stringWidth(frame.line)).toBeLessThanOrEqual(80);
    // an emoji cut in half at the window's edge would show as a broken character
    expect(frame.line).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
  });

  it("draws one ^ for an empty span", () => {
    expect(codeFrame("abc", 1, 1).marker).toBe(" ^");
  });
});
