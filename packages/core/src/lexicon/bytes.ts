import type { LexiconProblem } from "./problem.js";

/**
 * The problem with a lexicon file's bytes when they are not UTF-8, at the line and column of the
 * first byte that is not; else undefined, and the edge that read them decodes them. Read
 * leniently, a lexicon saved as GBK by a Chinese Windows editor would pass validation with its
 * terms garbled, and a garbled term matches what it should not.
 */
export function notUtf8Problem(bytes: Uint8Array, file: string): LexiconProblem | undefined {
  // UTF-16 (Notepad's "Unicode") is caught at its byte order mark: FF and FE begin no UTF-8
  const at = firstNonUtf8Byte(bytes);
  if (at === -1) return undefined;
  const lineStart = at === 0 ? 0 : bytes.lastIndexOf(0x0a, at - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  return {
    code: "not-utf8",
    file,
    line,
    column: 1 + utf16Length(bytes, lineStart === 0 && hasUtf8Bom(bytes) ? 3 : lineStart, at),
    message: "词库文件不是 UTF-8 编码（从这里起读不通；多半是 GBK 或 UTF-16）：请另存为 UTF-8 再用",
    severity: "error",
  };
}

/**
 * Offset of the first byte that begins no well-formed UTF-8 sequence, or -1: the ranges of the
 * Unicode Standard's table 3-7, so that overlong forms and surrogates are refused as a decoder does.
 */
function firstNonUtf8Byte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    if (length === 0 || i + length > bytes.length) return i;
    // the second byte's range narrows after E0, ED, F0 and F4
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1] as number;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** UTF-16 code units of the well-formed UTF-8 in bytes[from..to): columns count them. */
function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i] as number;
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}
