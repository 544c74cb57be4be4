export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "big5";

/**
 * Text files are UTF-8, but Chinese drafts saved by older Windows editors are often GBK (GB18030
 * is its superset), and Notepad's "Unicode" is UTF-16, which says so with its byte order mark.
 * The BOM is kept so offsets stay true to the file (lines and columns skip it, as editors do).
 */
export function decodeText(
  bytes: Uint8Array,
  /** the charset a web page declares (`<meta charset>`), heeded for bytes that are not UTF-8 */
  declared?: string,
): {
  text: string;
  encoding: TextEncoding;
  /** UTF-8 with a few bytes that are not: how many were replaced by U+FFFD, and the first one's line */
  invalid?: { count: number; line: number };
  /** UTF-16 without a byte order mark, known by its zero bytes */
  unmarked?: true;
  /** read in the charset the page declares, not a guess */
  declared?: true;
} {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : undefined;
  if (utf16 !== undefined)
    return { text: new TextDecoder(utf16, { ignoreBOM: true }).decode(bytes), encoding: utf16 };
  const unmarked = unmarkedUtf16(bytes);
  if (unmarked !== undefined) return { ...unmarked, unmarked: true };
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
    const said = declaredLegacy(declared);
    // a page that says it is Big5 or GBK is, however short (a short Big5 text looks like GBK)
    const asDeclared = said === "big5" ? asBig5(bytes) : said === "gb18030" ? asGb18030(bytes) : undefined;
    if (said !== undefined && asDeclared !== undefined)
      return { text: asDeclared, encoding: said, declared: true };
    const big5 = looksBig5(bytes) ? asBig5(bytes) : undefined;
    if (big5 !== undefined) return { text: big5, encoding: "big5" };
    return { text: new TextDecoder("gb18030", { ignoreBOM: true }).decode(bytes), encoding: "gb18030" };
  }
}

/**
 * Whether the decoded bytes are no text at all (a PDF, an image or a program saved or renamed as
 * .txt or .md): zero bytes, which no text in UTF-8, GBK or Big5 has (UTF-16, which has them, is
 * read as such before), or many control characters (`manyControls`). Read as GB18030,
 * such a file was screened as mojibake and passed clean.
 */
export function isBinary(bytes: Uint8Array, decoded: { text: string; encoding: TextEncoding }): boolean {
  const utf16 = decoded.encoding === "utf-16le" || decoded.encoding === "utf-16be";
  return (!utf16 && manyZeros(bytes)) || manyControls(decoded.text);
}

/** Zero bytes, a few and more than one byte in a hundred: one stray zero in a draft is no binary file. */
function manyZeros(bytes: Uint8Array): boolean {
  let n = 0;
  for (const b of bytes) if (b === 0) n++;
  return n >= 4 && n > 0.01 * bytes.length;
}

/**
 * Control characters other than tab, line breaks (\v too, PowerPoint's), form feed and escape (a
 * terminal's colours pasted in): more than a few, and more than one unit in twenty.
 */
function manyControls(text: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0d && c !== 0x0c && c !== 0x1b) ||
      c === 0x7f
    )
      n++;
  }
  return n >= 4 && n > 0.05 * text.length;
}

/**
 * Big5 (traditional Chinese saved by older Windows editors in Taiwan and Hong Kong) and GBK both
 * write a character as a lead byte 0x81–0xFE and a trail byte, and most Big5 text is valid GBK:
 * read as GBK it is mojibake that passes clean (北韓 unseen). They differ in the trail: GBK's
 * common characters (GB2312) all have trails 0xA1–0xFE, where about four in ten Big5 characters
 * have trails 0x40–0x7E. A text whose two-byte characters have many low trails is Big5.
 */
function looksBig5(bytes: Uint8Array): boolean {
  let pairs = 0;
  let low = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    const lead = bytes[i] as number;
    if (lead < 0x81 || lead === 0xff) continue;
    const trail = bytes[i + 1] as number;
    // GB18030's four-byte form (a digit second): no Big5
    if (trail >= 0x30 && trail <= 0x39) return false;
    pairs++;
    if (trail < 0xa1) low++;
    i++;
  }
  return pairs >= BIG5_MIN_PAIRS && low >= BIG5_LOW_SHARE * pairs;
}

/** Two-byte characters needed to judge, and the share of low trails that says Big5 (GBK: near 0). */
const BIG5_MIN_PAIRS = 8;
const BIG5_LOW_SHARE = 0.2;

/** Big5 or GB18030 when `label` names one of them or an encoding they read (gb2312, gbk, x-gbk…). */
function declaredLegacy(label: string | undefined): "big5" | "gb18030" | undefined {
  if (label === undefined) return undefined;
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return undefined; // a label no browser knows: guessed as any file is
  }
  if (encoding === "big5") return "big5";
  return encoding === "gbk" || encoding === "gb18030" ? "gb18030" : undefined;
}

/**
 * The charset an HTML file declares in its first 1,024 bytes, as browsers look for it:
 * `<meta charset="big5">` or `<meta http-equiv="Content-Type" content="text/html; charset=gbk">`.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const found = /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(meta);
    if (found) return found[1];
  }
  return undefined;
}

function asGb18030(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("gb18030", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The text read as Big5, or undefined when it is not valid Big5 after all. */
function asBig5(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("big5", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 written without a byte order mark (by some export tools): no text in UTF-8 or GBK has a
 * zero byte, and UTF-16 has one in every line end, space and digit (and in 一, U+4E00). Which byte
 * order: the one that reads as text (ASCII, CJK and its punctuation), where the other reads as
 * Gurmukhi and private-use junk. Read as UTF-8 instead, its Chinese came out as ASCII junk (中 is
 * the bytes 2D 4E, "-N") and the draft passed clean.
 */
function unmarkedUtf16(bytes: Uint8Array): { text: string; encoding: "utf-16le" | "utf-16be" } | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0 || !bytes.includes(0)) return undefined;
  const le = new TextDecoder("utf-16le").decode(bytes);
  const be = new TextDecoder("utf-16be").decode(bytes);
  const leShare = plausible(le);
  const beShare = plausible(be);
  // a binary file is neither
  if (Math.max(leShare, beShare) < 0.8) return undefined;
  return leShare >= beShare ? { text: le, encoding: "utf-16le" } : { text: be, encoding: "utf-16be" };
}

/** The share of a text's units that a Chinese draft is made of: ASCII, CJK, its punctuation, emoji. */
function plausible(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 0x0a ||
      c === 0x0d ||
      c === 0x09 ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0xa0 && c <= 0xff) || // Latin-1: ©, ·
      (c >= 0xd800 && c <= 0xdfff) // emoji and other astral characters
    )
      n++;
  }
  return text.length === 0 ? 0 : n / text.length;
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
