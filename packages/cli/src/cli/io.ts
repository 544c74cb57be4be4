/** Where a run reads and writes: the process by default, fakes in tests. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: AsyncIterable<string | Uint8Array>;
  cwd: string;
  env: Record<string, string | undefined>;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
  };
}

/**
 * Colour when writing to a terminal, unless NO_COLOR is set (no-color.org); FORCE_COLOR forces it
 * (except FORCE_COLOR=0 or false, as supports-color reads it).
 */
export function useColor(stream: OutputStream, env: CliIo["env"]): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return stream.isTTY === true;
}
