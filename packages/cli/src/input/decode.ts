export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/**
 * Text files are UTF-8, but Chinese drafts saved by older Windows editors are often GBK (GB18030
 * is its superset), and Notepad's "Unicode" is UTF-16, which says so with its byte order mark.
 * The BOM is kept so offsets stay true to the file (lines and columns skip it, as editors do).
 */
export function decodeText(bytes: Uint8Array): {
  text: string;
  encoding: TextEncoding;
  /** UTF-8 with a few bytes that are not: how many were replaced by U+FFFD, and the first one's line */
  invalid?: { count: number; line: number };
} {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : undefined;
  if (utf16 !== undefined)
    return { text: new TextDecoder(utf16, { ignoreBOM: true }).decode(bytes), encoding: utf16 };
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding: "utf-8",
    };
  } catch {
    // not all UTF-8: GBK, or UTF-8 with a stray byte (a © pasted from a Latin-1 page, a character
    // cut at the end). Read whole as GB18030, one stray byte turned a UTF-8 draft into mojibake that
    // passed clean; GBK read as UTF-8 is nearly all replacement characters, UTF-8 only a few
    const lossy = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const count = countOf(lossy, "\uFFFD");
    const decoded = countNonAscii(lossy) - count;
    const withBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    if (withBom || decoded >= UTF8_MAJORITY * count) {
      const line = countOf(lossy.slice(0, lossy.indexOf("\uFFFD")), "\n") + 1;
      return { text: lossy, encoding: "utf-8", invalid: { count, line } };
    }
    return { text: new TextDecoder("gb18030", { ignoreBOM: true }).decode(bytes), encoding: "gb18030" };
  }
}

/**
 * Characters decoded as UTF-8 for each one that was not, for a file to count as UTF-8 with flaws:
 * GBK read as UTF-8 decodes about one character in ten, a UTF-8 draft all but a few.
 */
const UTF8_MAJORITY = 2;

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

function countNonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) n++;
  return n;
}
