import { countSeverities, type Formatter } from "./types.js";

/** One object per screened input: `{ filePath, findings, errorCount, warningCount, infoCount }`. */
export const json: Formatter = (files) => {
  const results = files.map((file) => ({
    filePath: file.filePath,
    findings: file.findings,
    ...countSeverities(file.findings),
  }));
  return `${JSON.stringify(results, null, 2)}\n`;
};
