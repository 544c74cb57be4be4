import { Parser } from "htmlparser2";

/** A footnote or endnote reference, where the text makes it. */
export interface NoteReference {
  type: "footnote" | "endnote";
  id: string;
}

/** What a WordprocessingML part (the body, a header, the footnotes) says. */
export interface PartText {
  text: string;
  /** the footnote and endnote references of the text, in its order */
  references: NoteReference[];
  /** of a footnotes or endnotes part: the text of each note, by its id */
  notes: Map<string, string>;
}

/** Elements whose content a reader of the finished document does not see as its text. */
const UNSEEN = new Set([
  // the copy of a text box or shape for readers older than its mc:Choice, which is read
  "mc:Fallback",
  // a phonetic guide (ruby), the pinyin set above its base text: not part of the words it is over
  "w:rt",
  // a tracked deletion or the place a tracked move left: gone from the text once the changes are
  // accepted (what is published), and shown struck through until then
  "w:del",
  "w:moveFrom",
]);

/**
 * The text of a WordprocessingML part: every w:t, whatever wraps it (a field, a content control, a
 * hyperlink, a smart tag, a tracked insertion, the base text of a phonetic guide, a bidi run), and
 * an equation's m:t; w:tab and w:ptab as a tab, w:br and w:cr as a line end, a non-breaking hyphen
 * as ‑, a w:sym as its character, each paragraph followed by a blank line. A text box's paragraphs
 * follow the paragraph it stands in, as their own lines: its words are not part of that
 * paragraph's sentence. Field instructions (w:instrText: PAGE, HYPERLINK), deleted text and ruby
 * annotations are not text. A paragraph whose mark is deleted runs on into the next one, and a
 * deleted table row is left out, as accepting the changes would leave them; so is the empty
 * paragraph of a table cell merged into the one above it.
 */
export function readPart(xml: string): PartText {
  const text: string[] = [];
  /** where text goes: the part, or a text box being read */
  let out = text;
  const boxes: string[][] = [];
  const paragraphs: { markDeleted: boolean; boxes: string[] }[] = [];
  /** open table rows and cells, each with where its text starts, to take it out again */
  const cells: { out: string[]; start: number; drop?: "always" | "if empty" }[] = [];
  const references: NoteReference[] = [];
  const notes = new Map<string, string>();
  let note: { id: string; start: number } | undefined;
  /** the names of the elements open, for the properties (w:del, w:vMerge) that tell of their parent */
  const open: string[] = [];
  let inText = false;
  // a w:tab outside a run is a tab stop of the paragraph's settings, not a tab in its text
  let runs = 0;
  /** depth inside an element of UNSEEN */
  let unseen = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const parent = open.at(-1);
        const grandparent = open.at(-2);
        open.push(name);
        if (unseen > 0) {
          unseen++;
          return;
        }
        if (UNSEEN.has(name)) {
          const paragraph = paragraphs.at(-1);
          const row = cells.at(-1);
          if (name === "w:del" && parent === "w:rPr" && grandparent === "w:pPr" && paragraph !== undefined)
            paragraph.markDeleted = true;
          else if (name === "w:del" && parent === "w:trPr" && row !== undefined) row.drop = "always";
          unseen = 1;
          return;
        }
        if (name === "w:p") paragraphs.push({ markDeleted: false, boxes: [] });
        else if (name === "w:tr" || name === "w:tc") cells.push({ out, start: out.length });
        else if (name === "w:vMerge" && parent === "w:tcPr" && attributes["w:val"] !== "restart") {
          // a cell merged into the one above it: Word keeps no text of its own there, only its empty
          // paragraph, which would be a line the cell above does not have
          const cell = cells.at(-1);
          if (cell !== undefined) cell.drop = "if empty";
        } else if (name === "w:txbxContent") {
          out = [];
          boxes.push(out);
        } else if (name === "w:footnote" || name === "w:endnote")
          note = { id: attributes["w:id"] ?? "", start: out.length };
        else if (name === "w:footnoteReference" || name === "w:endnoteReference")
          references.push({
            type: name === "w:footnoteReference" ? "footnote" : "endnote",
            id: attributes["w:id"] ?? "",
          });
        else if (name === "w:r") runs++;
        else if (name === "w:t" || name === "m:t") inText = true;
        else if (runs === 0) return;
        else if (name === "w:tab" || name === "w:ptab") out.push("\t");
        else if (name === "w:br" || name === "w:cr") out.push("\n");
        else if (name === "w:noBreakHyphen") out.push("\u2011");
        else if (name === "w:sym" || name === "w16se:symEx") {
          // w16se:symEx: an emoji, in the mc:Choice whose mc:Fallback has it as text
          const code = Number.parseInt(attributes["w:char"] ?? attributes["w16se:char"] ?? "", 16);
          if (Number.isInteger(code) && code > 0 && code <= 0x10ffff) out.push(String.fromCodePoint(code));
        }
      },
      ontext(chunk) {
        if (inText && unseen === 0) out.push(chunk);
      },
      onclosetag(name) {
        open.pop();
        if (unseen > 0) {
          unseen--;
          return;
        }
        if (name === "w:r") runs--;
        else if (name === "w:t" || name === "m:t") inText = false;
        else if (name === "w:p") {
          const paragraph = paragraphs.pop();
          if (!paragraph?.markDeleted) out.push("\n\n");
          out.push(...(paragraph?.boxes ?? []));
        } else if (name === "w:tr" || name === "w:tc") {
          const cell = cells.pop();
          if (cell === undefined || cell.drop === undefined) return;
          if (cell.drop === "always" || cell.out.slice(cell.start).join("").trim() === "")
            cell.out.length = cell.start;
        } else if (name === "w:txbxContent") {
          const box = (boxes.pop() ?? []).join("");
          out = boxes.at(-1) ?? text;
          const host = paragraphs.at(-1);
          if (host !== undefined) host.boxes.push(box);
          else out.push(box);
        } else if ((name === "w:footnote" || name === "w:endnote") && note !== undefined) {
          notes.set(note.id, out.splice(note.start).join(""));
          note = undefined;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return { text: text.join(""), references, notes };
}

/** The text of a WordprocessingML part (see readPart). */
export function wordprocessingText(xml: string): string {
  return readPart(xml).text;
}
