import { countSeverities, type Formatter, type RunProblem } from "./types.js";

/**
 * One object per input, in input order, laid out as ESLint's with its counts, but holding
 * shengao's findings as they are (`findings`, not ESLint's `messages`): `{ filePath, positionsIn,
 * findings, errorCount, fatalErrorCount, warningCount, infoCount }`. Positions of .html and .docx
 * are in the text extracted from them (`positionsIn: "extracted-text"`), so their findings carry no
 * `fix`: applied to the file's bytes, it would corrupt it. An input that could not be read is there
 * too, with `unreadable` saying why, and counts as a fatal error, as a file ESLint cannot parse
 * does: a consumer adding up `errorCount` sees that the run did not pass.
 */
export const json: Formatter = (files, options) => {
  const unreadable = (options.runProblems ?? []).filter(
    (problem) => problem.inputCode !== undefined && problem.file !== undefined,
  );
  const results: object[] = [];
  let next = 0;
  const addUnreadableBefore = (index: number) => {
    for (; next < unreadable.length && ((unreadable[next] as RunProblem).at ?? Infinity) <= index; next++) {
      const problem = unreadable[next] as RunProblem;
      results.push({
        filePath: problem.file,
        unreadable: { code: problem.inputCode, message: problem.message },
        findings: [],
        ...countSeverities([]),
        errorCount: 1,
        fatalErrorCount: 1,
      });
    }
  };
  files.forEach((file, index) => {
    addUnreadableBefore(index);
    results.push({
      filePath: file.filePath,
      positionsIn: file.extracted ? "extracted-text" : "file",
      findings: file.extracted ? file.findings.map(({ fix: _, ...finding }) => finding) : file.findings,
      ...countSeverities(file.findings),
      fatalErrorCount: 0,
    });
  });
  addUnreadableBefore(Infinity);
  return `${JSON.stringify(results, null, 2)}\n`;
};
