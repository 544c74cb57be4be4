/**
 * Where a value stands in JSON text, for messages about a compiled file. Built files are one long
 * line of megabytes, so this walks the text once, skipping values it does not need, instead of
 * parsing it again into a tree that knows positions. Only called when there is a problem to report.
 */

export type JsonPath = readonly (string | number)[];

/** Line and column (1-based, column in UTF-16 units) of the value at `path`, or of its deepest parent. */
export function locateJson(source: string, path: JsonPath): { line: number; column: number } {
  return lineColumn(source, offsetOf(source, path));
}

/** 1-based line and column of a UTF-16 offset. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf("\n"); i !== -1 && i < offset; i = source.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the value at `path` in text JSON.parse accepted; a missing key stops at its parent. */
function offsetOf(source: string, path: JsonPath): number {
  let at = skipSpace(source, 0);
  for (const step of path) {
    const open = source[at];
    if (open !== "{" && open !== "[") return at;
    const close = open === "{" ? "}" : "]";
    let i = skipSpace(source, at + 1);
    let index = 0;
    let found = -1;
    while (source[i] !== close && i < source.length) {
      let name: string | number = index++;
      if (open === "{") {
        const end = stringEnd(source, i);
        name = JSON.parse(source.slice(i, end)) as string;
        i = skipSpace(source, skipSpace(source, end) + 1); // past the colon
      }
      if (String(name) === String(step)) {
        found = i;
        break;
      }
      i = skipSpace(source, valueEnd(source, i));
      if (source[i] === ",") i = skipSpace(source, i + 1);
    }
    if (found === -1) return at;
    at = found;
  }
  return at;
}

function skipSpace(source: string, i: number): number {
  while (i < source.length && /\s/.test(source[i] as string)) i++;
  return i;
}

/** The offset just past the string that opens at `i`. */
function stringEnd(source: string, i: number): number {
  let j = i + 1;
  for (;;) {
    j = source.indexOf('"', j);
    if (j === -1) return source.length;
    let backslashes = 0;
    while (source[j - 1 - backslashes] === "\\") backslashes++;
    if (backslashes % 2 === 0) return j + 1;
    j++;
  }
}

/** The offset just past the value that starts at `i`. */
function valueEnd(source: string, i: number): number {
  const c = source[i];
  if (c === '"') return stringEnd(source, i);
  if (c !== "{" && c !== "[") {
    let j = i;
    while (j < source.length && !/[\s,\]}]/.test(source[j] as string)) j++;
    return j;
  }
  let depth = 0;
  for (let j = i; j < source.length; j++) {
    const d = source[j];
    if (d === '"') j = stringEnd(source, j) - 1;
    else if (d === "{" || d === "[") depth++;
    else if (d === "}" || d === "]") {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return source.length;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/**
 * The offset where `source` stops being JSON, or -1 when it is JSON. JSON.parse says where only in
 * some engines' words; this walks the grammar (RFC 8259) itself, only when JSON.parse has failed.
 */
export function jsonSyntaxErrorAt(source: string): number {
  let i = 0;
  const space = () => {
    while (i < source.length && " \t\n\r".includes(source[i] as string)) i++;
  };
  const string = (): boolean => {
    i++; // the opening quote
    for (;;) {
      const c = source.charCodeAt(i);
      if (Number.isNaN(c) || c < 0x20) return false;
      i++;
      if (c === 0x22) return true;
      if (c === 0x5c) {
        const escaped = source[i];
        if (escaped === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(source.slice(i + 1, i + 5))) return false;
          i += 5;
        } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) i++;
        else return false;
      }
    }
  };
  const sticky = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(source)) return false;
    i = re.lastIndex;
    return true;
  };
  const value = (): boolean => {
    space();
    const c = source[i];
    if (c === '"') return string();
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++;
      space();
      if (source[i] === close) {
        i++;
        return true;
      }
      for (;;) {
        if (c === "{") {
          space();
          if (source[i] !== '"' || !string()) return false;
          space();
          if (source[i] !== ":") return false;
          i++;
        }
        if (!value()) return false;
        space();
        if (source[i] === close) {
          i++;
          return true;
        }
        if (source[i] !== ",") return false;
        i++;
      }
    }
    return sticky(NUMBER) || sticky(LITERAL);
  };
  try {
    if (!value()) return i;
    space();
    return i < source.length ? i : -1;
  } catch {
    return 0; // nested too deep to walk
  }
}
