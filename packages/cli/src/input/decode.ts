export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/**
 * Text files are UTF-8, but Chinese drafts saved by older Windows editors are often GBK (GB18030
 * is its superset), and Notepad's "Unicode" is UTF-16, which says so with its byte order mark.
 * The BOM is kept so offsets stay true to the file (lines and columns skip it, as editors do).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
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
    return { text: new TextDecoder("gb18030", { ignoreBOM: true }).decode(bytes), encoding: "gb18030" };
  }
}
