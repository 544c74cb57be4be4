import mammoth from "mammoth";
import { InputError } from "./errors.js";

/** The raw text of a Word document, one paragraph per line with a blank line between (mammoth). */
export async function docxText(bytes: Buffer, file: string): Promise<string> {
  try {
    const result = await mammoth.extractRawText({ buffer: bytes });
    return result.value;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new InputError(
      "corrupt-docx",
      file,
      `无法读取 Word 文档：${file}，文件已损坏或不是 .docx 格式（corrupt or not a .docx: ${detail}）`,
    );
  }
}
