import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

/**
 * YAML front matter opening a Markdown file (Jekyll, Hugo): `---`, its lines, then `---` or `...`.
 * `content` is what lies between; `end` is where the closing line ends, before its line break.
 */
export function frontMatter(markdown: string): { content: string; end: number } | undefined {
  // a blank line after the first --- makes it a thematic break, the text after it no YAML
  const match = /^\uFEFF?---[ \t]*\r?\n(?![ \t]*\r?\n)([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?=\r?\n|$)/.exec(
    markdown,
  );
  return match === null ? undefined : { content: match[1] ?? "", end: match[0].length };
}

const LINE_END = /\r\n|\r|\n/;
/** A line with nothing but spaces and tabs: Markdown's blank line (an ideographic space is text). */
const BLANK = /^[ \t]*$/;
/** A code fence: three backticks with no backtick after them (```x``` is inline code), or tildes. */
const FENCE = "`{3,}[^`]*$|~{3,}";
/** A thematic break: three or more of one of - * _, spaces between. */
const THEMATIC = "(?:-[ \\t]*){3,}$|(?:\\*[ \\t]*){3,}$|(?:_[ \\t]*){3,}$";
/** A line after which no text continues: an ATX heading, a code fence, a thematic break. */
const ENDS_BLOCK = new RegExp(`^ {0,3}(?:#{1,6}(?:[ \\t]|$)|${FENCE}|${THEMATIC})`);
/**
 * A line that starts a block of its own, even right after a paragraph's line: a bullet, an ordered
 * item numbered 1, a heading, a fence, a thematic break. Not a quote mark (in a quote, the next line
 * of a paragraph has one too), nor a setext underline (after a list item's line, === is more text).
 */
const STARTS_BLOCK = new RegExp(
  `^ {0,3}(?:[-*+][ \\t]+\\S|1[.)][ \\t]+\\S|#{1,6}(?:[ \\t]|$)|${FENCE}|${THEMATIC})`,
);

/**
 * The Markdown source with each soft line break (a line ending inside a paragraph, heading or
 * list item's text, which a renderer joins) turned into spaces, one per code unit: a term a writer
 * wrapped (北\n韩) reads as the one run a reader sees, while every offset still names the same
 * character of the file. Hard breaks, blank lines, code, tables and front matter keep their line
 * endings. Returns undefined when there is no soft break.
 */
export function joinSoftBreaks(source: string): string | undefined {
  const start = bodyStart(source);
  if (!maySoftBreak(source.slice(start))) return undefined;
  const units = unitsFrom(source, start);
  if (units.length === 0) return undefined;
  const chars = source.split("");
  for (const unit of units) chars[unit] = " ";
  return chars.join("");
}

/**
 * The offsets of the units (\r and \n) of every soft line break in the source, as the parser finds
 * them after the front matter.
 */
export function softBreakUnits(source: string): number[] {
  return unitsFrom(source, bodyStart(source));
}

/**
 * Where the Markdown the parser reads begins: after the front matter, or after a byte order mark,
 * which is no text (given to the parser, it made ***\n----- * one paragraph).
 */
function bodyStart(source: string): number {
  return frontMatter(source)?.end ?? (source.charCodeAt(0) === 0xfeff ? 1 : 0);
}

/** softBreakUnits of the source parsed from `start` on. */
function unitsFrom(source: string, start: number): number[] {
  const tree = fromMarkdown(source.slice(start), {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  const units: number[] = [];
  collect(tree, source, start, units);
  return units;
}

/**
 * Whether two lines of the text could be one paragraph's (a cheap look, so that most files, whose
 * paragraphs are one line each, are never parsed): never false where a soft break is.
 */
function maySoftBreak(text: string): boolean {
  const lines = text.split(LINE_END);
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] as string;
    const next = lines[i + 1] as string;
    if (BLANK.test(line) || BLANK.test(next) || ENDS_BLOCK.test(line) || STARTS_BLOCK.test(next)) continue;
    return true;
  }
  return false;
}

/** Offsets (in the source, the parsed text starting at `start`) of the line-ending units inside text nodes. */
function collect(node: Nodes, source: string, start: number, units: number[]): void {
  if (node.type === "text") {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from === undefined || to === undefined) return;
    for (let i = start + from; i < start + to; i++) {
      const c = source.charCodeAt(i);
      if (c === 0x0a || c === 0x0d) units.push(i);
    }
    return;
  }
  if ("children" in node) for (const child of node.children) collect(child, source, start, units);
}
