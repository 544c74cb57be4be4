import { json } from "./json.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export const FORMATS = ["stylish", "json", "sarif"] as const;
export type FormatName = (typeof FORMATS)[number];

export const formatters: Record<FormatName, Formatter> = { stylish, json, sarif };

export type { FileReport, FormatOptions, Formatter, RunProblem, SeverityCounts } from "./types.js";
export { countSeverities, sumCounts } from "./types.js";
