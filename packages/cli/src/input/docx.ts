import mammoth from "mammoth";
import { InputError } from "./errors.js";

/** What mammoth's document tree gives the raw text (the few fields read here). */
interface DocxElement {
  type: string;
  value?: string;
  children?: DocxElement[];
}

/**
 * The raw text of a Word document as mammoth's raw text gives it (one paragraph per line with a
 * blank line between, a tab as a tab), except that a manual line, page or column break is a line
 * end: mammoth's raw text drops it, and a term could then be matched across two lines.
 */
export async function docxText(bytes: Buffer, file: string): Promise<string> {
  let text = "";
  try {
    // the document tree is only public through convertToHtml's transformDocument: read it there
    // and hand on an empty document, so that no HTML is made
    await mammoth.convertToHtml(
      { buffer: bytes },
      {
        transformDocument(document: DocxElement) {
          text = rawText(document);
          return { ...document, children: [] };
        },
      },
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new InputError(
      "corrupt-docx",
      file,
      `无法读取 Word 文档：${file}，文件已损坏或不是 .docx 格式（corrupt or not a .docx: ${detail}）`,
    );
  }
  return text;
}

function rawText(element: DocxElement): string {
  const parts: string[] = [];
  const walk = (e: DocxElement): void => {
    if (e.type === "text") parts.push(e.value ?? "");
    else if (e.type === "tab") parts.push("\t");
    else if (e.type === "break") parts.push("\n");
    else {
      for (const child of e.children ?? []) walk(child);
      if (e.type === "paragraph") parts.push("\n\n");
    }
  };
  walk(element);
  return parts.join("");
}
