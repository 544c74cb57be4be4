// Programmatic entry of @shengao/cli: run the command line in-process, or use the formatters.

export { EXIT, type ExitCode } from "./cli/exit-codes.js";
export type { CliIo, OutputStream } from "./cli/io.js";
export { run } from "./cli/run.js";
export { type FileReport, FORMATS, type FormatName, formatters } from "./report/index.js";
