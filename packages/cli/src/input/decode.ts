/**
 * Text files are UTF-8, but Chinese drafts saved by older Windows editors are often GBK; GB18030 is
 * its superset. The BOM is kept so offsets stay true to the file.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding: "utf-8",
    };
  } catch {
    return { text: new TextDecoder("gb18030", { ignoreBOM: true }).decode(bytes), encoding: "gb18030" };
  }
}
