import { countSeverities, type Formatter } from "./types.js";

/**
 * One object per input, in the shape of ESLint's: `{ filePath, positionsIn, findings, errorCount,
 * warningCount, infoCount }`. Positions of .html and .docx are in the text extracted from them
 * (`positionsIn: "extracted-text"`), so their findings carry no `fix`: applied to the file's bytes,
 * it would corrupt it. An input that could not be read is there too, with `unreadable` saying why,
 * so that a consumer counting files sees it was not checked.
 */
export const json: Formatter = (files, options) => {
  const results: object[] = files.map((file) => ({
    filePath: file.filePath,
    positionsIn: file.extracted ? "extracted-text" : "file",
    findings: file.extracted ? file.findings.map(({ fix: _, ...finding }) => finding) : file.findings,
    ...countSeverities(file.findings),
  }));
  for (const problem of options.runProblems ?? []) {
    if (problem.inputCode === undefined || problem.file === undefined) continue;
    results.push({
      filePath: problem.file,
      unreadable: { code: problem.inputCode, message: problem.message },
      findings: [],
      ...countSeverities([]),
    });
  }
  return `${JSON.stringify(results, null, 2)}\n`;
};
