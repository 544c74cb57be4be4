import { Parser } from "htmlparser2";
import JSZip from "jszip";
import { InputError } from "./errors.js";
import { type NoteReference, readPart, wordprocessingText } from "./wordprocessing.js";

/**
 * Everything of a Word document that is published: the body (one paragraph per line with a blank
 * line between, a tab as a tab, a manual line, page or column break as a line end, so that no term
 * is matched across two lines), then the footnotes and endnotes in the order the body refers to
 * them, then the page headers and footers. Each part after the body starts with a line naming it
 * (脚注 1：, 页眉：), ended by a full-width colon, which no term spans. Every part is read by
 * readPart, the body too: a library that converts the body to HTML left out what it had no HTML
 * for (a simple field's text, a phonetic guide's base text, a text box without a VML copy).
 */
export async function docxText(bytes: Buffer, file: string): Promise<string> {
  try {
    return await publishedText(await JSZip.loadAsync(bytes));
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
}

async function publishedText(zip: JSZip): Promise<string> {
  const main = (await relatedParts(zip, "", "officeDocument"))[0] ?? "word/document.xml";
  const mainXml = await zip.file(main)?.async("string");
  if (mainXml === undefined) throw new Error(`no main document part (${main})`);
  const body = readPart(mainXml);
  const notes = {
    footnote: await notesOf(zip, main, "footnotes"),
    endnote: await notesOf(zip, main, "endnotes"),
  };
  return [body.text, ...noteTexts(body.references, notes), ...(await headersAndFooters(zip))].join("");
}

/** The notes of the main part's footnotes or endnotes part, by id; none when it has no such part. */
async function notesOf(zip: JSZip, main: string, type: "footnotes" | "endnotes") {
  const part = (await relatedParts(zip, main, type))[0] ?? `word/${type}.xml`;
  const xml = await zip.file(part)?.async("string");
  return xml === undefined ? new Map<string, string>() : readPart(xml).notes;
}

const NOTE_LABEL: Readonly<Record<NoteReference["type"], string>> = { footnote: "脚注", endnote: "尾注" };

/** Each footnote and endnote the body refers to, once, in the order of its first reference. */
function noteTexts(
  references: readonly NoteReference[],
  notes: Readonly<Record<NoteReference["type"], Map<string, string>>>,
): string[] {
  const texts: string[] = [];
  const seen = new Set<string>();
  const numbers = { footnote: 0, endnote: 0 };
  for (const { type, id } of references) {
    const text = notes[type].get(id);
    if (text === undefined || seen.has(`${type}-${id}`)) continue;
    seen.add(`${type}-${id}`);
    numbers[type]++;
    texts.push(`${NOTE_LABEL[type]} ${numbers[type]}：\n${text}`);
  }
  return texts;
}

/**
 * The zip paths of the parts a part (or, for "", the package) relates to by a relationship type
 * (officeDocument, footnotes…), from its .rels part: Word names the main part word/document.xml,
 * but a package says where it is.
 */
async function relatedParts(zip: JSZip, source: string, type: string): Promise<string[]> {
  const folder = source.includes("/") ? source.slice(0, source.lastIndexOf("/") + 1) : "";
  const rels = `${folder}_rels/${source.slice(folder.length)}.rels`;
  const xml = await zip.file(rels)?.async("string");
  if (xml === undefined) return [];
  const targets: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const target = attributes.Target;
        if (name !== "Relationship" || target === undefined || attributes.TargetMode === "External") return;
        // the type is a URI of the transitional or the strict schema: both end in the same name
        if (attributes.Type?.endsWith(`/${type}`)) targets.push(resolvePath(folder, target));
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return targets;
}

/** A relationship's target as a zip path: relative to the source's folder, or from the root. */
function resolvePath(folder: string, target: string): string {
  const segments: string[] = [];
  for (const segment of (target.startsWith("/") ? target : folder + target).split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "" && segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

/** The header and footer parts of the package, in the order of their numbers. */
async function headersAndFooters(zip: JSZip): Promise<string[]> {
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
