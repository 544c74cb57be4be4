import {
  compile,
  type Finding,
  type PackInput,
  parseLexicon,
  type Screener,
  type Segmenter,
} from "../src/index.js";

/** A screener over one pack given as an object, its entries written in full. */
export function screenerOf(
  pack: Partial<PackInput> & { entries: unknown[] },
  segmenter?: Segmenter,
): Screener {
  const full = { id: "t", name: "测试", version: "1.0.0", ...pack };
  const parsed = parseLexicon(JSON.stringify(full), "t.json");
  if (parsed.problems.length > 0) throw new Error(JSON.stringify(parsed.problems));
  return compile([parsed], segmenter ? { segmenter } : {});
}

/** [ruleId, start, end, text] of each finding: compact to compare in tables. */
export const spans = (findings: Finding[]) => findings.map((f) => [f.entryId, f.start, f.end, f.text]);
