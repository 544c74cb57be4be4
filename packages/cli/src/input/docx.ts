import { Parser } from "htmlparser2";
import JSZip from "jszip";
import mammoth from "mammoth";
import { InputError } from "./errors.js";

/** What mammoth's document tree gives the raw text (the few fields read here). */
interface DocxElement {
  type: string;
  value?: string;
  children?: DocxElement[];
  /** a note reference's note, in the body */
  noteType?: string;
  noteId?: string;
  /** a note's own paragraphs */
  body?: DocxElement[];
}

/** mammoth's notes: footnotes and endnotes, found by the reference the body makes to each. */
interface DocxNotes {
  resolve(reference: DocxElement): DocxElement | null;
}

/**
 * Everything of a Word document that is published: the body as mammoth's raw text gives it (one
 * paragraph per line with a blank line between, a tab as a tab), then the footnotes and endnotes in
 * the order the body refers to them, then the page headers and footers. Each part after the body
 * starts with a line naming it (脚注 1：, 页眉：), ended by a full-width colon, which no term spans.
 * A manual line, page or column break is a line end: mammoth's raw text drops it, and a term could
 * then be matched across two lines.
 */
export async function docxText(bytes: Buffer, file: string): Promise<string> {
  let body = "";
  let notes: string[] = [];
  let margins: string[];
  try {
    // the document tree is only public through convertToHtml's transformDocument: read it there
    // and hand on an empty document, so that no HTML is made
    await mammoth.convertToHtml(
      { buffer: bytes },
      {
        transformDocument(document: DocxElement & { notes: DocxNotes }) {
          body = rawText(document.children ?? []);
          notes = noteTexts(document);
          return { ...document, children: [] };
        },
      },
    );
    // mammoth leaves out page headers and footers: a journal's running title is read here
    margins = await headersAndFooters(bytes);
  } catch (error) {
    // the zip library's own words, without the link to its documentation (a report is read offline)
    const detail = (error instanceof Error ? error.message : String(error))
      .replace(/\s*If it is, see https?:\/\/\S+/i, "")
      .trim();
    throw new InputError(
      "corrupt-docx",
      file,
      `无法读取 Word 文档：${file}，文件已损坏或不是 .docx 格式（corrupt or not a .docx: ${detail}）`,
    );
  }
  return [body, ...notes, ...margins].join("");
}

function rawText(elements: readonly DocxElement[]): string {
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
  for (const element of elements) walk(element);
  return parts.join("");
}

const NOTE_LABEL: Readonly<Record<string, string>> = { footnote: "脚注", endnote: "尾注" };

/** Each footnote and endnote the body refers to, once, in the order of its first reference. */
function noteTexts(document: DocxElement & { notes: DocxNotes }): string[] {
  const texts: string[] = [];
  const seen = new Set<string>();
  const numbers: Record<string, number> = {};
  const walk = (e: DocxElement): void => {
    if (e.type === "noteReference") {
      const key = `${e.noteType}-${e.noteId}`;
      const note = document.notes.resolve(e);
      if (seen.has(key) || note === null) return;
      seen.add(key);
      const type = e.noteType ?? "footnote";
      numbers[type] = (numbers[type] ?? 0) + 1;
      texts.push(`${NOTE_LABEL[type] ?? "注"} ${numbers[type]}：\n${rawText(note.body ?? [])}`);
      return;
    }
    for (const child of e.children ?? []) walk(child);
  };
  walk(document);
  return texts;
}

/** The header and footer parts of the package, in the order of their numbers. */
async function headersAndFooters(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files)
    .map((name) => /^word\/(header|footer)(\d*)\.xml$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => (a[1] === b[1] ? Number(a[2]) - Number(b[2]) : a[1] === "header" ? -1 : 1));
  const texts: string[] = [];
  for (const [name, kind] of parts) {
    const text = wordprocessingText(await (zip.file(name) as JSZip.JSZipObject).async("string"));
    // a section's empty footer (Word writes one for each page setting) says nothing
    if (text.trim() !== "") texts.push(`${kind === "header" ? "页眉" : "页脚"}：\n${text}`);
  }
  return texts;
}

/**
 * The text of a WordprocessingML part as mammoth gives the body's: w:t runs, w:tab and w:ptab as a
 * tab, w:br and w:cr as a line end, a non-breaking hyphen as ‑, a w:sym as its character, each
 * paragraph followed by a blank line. Field instructions (w:instrText: PAGE, NUMPAGES) and deleted
 * text (w:delText) are not text; of an mc:AlternateContent (a text box, which Word writes twice,
 * for new and old readers) only the first choice is read.
 */
export function wordprocessingText(xml: string): string {
  const parts: string[] = [];
  let inText = false;
  // a w:tab outside a run is a tab stop of the paragraph's settings, not a tab in its text
  let runs = 0;
  /** depth inside an mc:Fallback, whose content repeats its mc:Choice */
  let fallback = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "mc:Fallback" || fallback > 0) {
          fallback++;
          return;
        }
        if (name === "w:r") runs++;
        else if (name === "w:t") inText = true;
        else if (runs === 0) return;
        else if (name === "w:tab" || name === "w:ptab") parts.push("\t");
        else if (name === "w:br" || name === "w:cr") parts.push("\n");
        else if (name === "w:noBreakHyphen") parts.push("\u2011");
        else if (name === "w:sym") {
          const code = Number.parseInt(attributes["w:char"] ?? "", 16);
          if (Number.isInteger(code) && code > 0 && code <= 0xffff) parts.push(String.fromCharCode(code));
        }
      },
      ontext(text) {
        if (inText && fallback === 0) parts.push(text);
      },
      onclosetag(name) {
        if (fallback > 0) {
          fallback--;
          return;
        }
        if (name === "w:r") runs--;
        else if (name === "w:t") inText = false;
        else if (name === "w:p") parts.push("\n\n");
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return parts.join("");
}
