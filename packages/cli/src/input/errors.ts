/** Why an input could not be screened. Errors are values: a code, the file, plain Chinese words. */
export type InputErrorCode =
  | "not-found"
  | "permission-denied"
  | "unreadable"
  | "unsupported-type"
  | "corrupt-docx"
  | "not-text"
  | "no-match"
  | "empty-folder";

export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    /** As the user wrote it or as shown in the report. */
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = "InputError";
  }
}

/** Turns a Node file-system error into an InputError with a Chinese message naming the file. */
export function fromFsError(error: unknown, file: string): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new InputError("not-found", file, `找不到文件：${file}（no such file）`);
  if (code === "EACCES" || code === "EPERM") {
    return new InputError("permission-denied", file, `没有读取权限：${file}（permission denied）`);
  }
  if (code === "EISDIR")
    return new InputError("unreadable", file, `这是文件夹，不是文件：${file}（is a directory）`);
  const detail = error instanceof Error ? error.message : String(error);
  return new InputError("unreadable", file, `无法读取文件：${file}（${detail}）`);
}
