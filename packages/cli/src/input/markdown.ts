import type { Nodes } from "mdast";
import { fromMarkdown, type Handle } from "mdast-util-from-markdown";
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

/** Markdown read as a renderer joins its lines: the text to screen and where it left the file. */
export interface JoinedMarkdown {
  /** The source with each soft break (see joinSoftBreaks) one space. */
  text: string;
  /**
   * The breaks, for sourceOffset: `at[i]` is where the i-th break's space stands in `text`
   * (ascending), `dropped[i]` how many code units of the source the breaks up to it, it included,
   * left out.
   */
  breaks: { at: number[]; dropped: number[] };
}

/** A soft break in the source: [start, end) is its line ending and the next line's container prefix. */
export interface SoftBreak {
  start: number;
  end: number;
}

/**
 * The Markdown source with each soft line break (a line ending inside a paragraph, heading or list
 * item's text, which a renderer joins) read as one space, together with the quote markers and
 * indentation the next line starts with, which the renderer strips: a term a writer wrapped, even
 * in a nested list item or a quote in a quote (北\n      韩, 北\n> > 韩), reads as the one run a
 * reader sees (a space for each unit of the break and prefix was more noise between its characters
 * than the screener skips). Hard breaks, blank lines, code, tables and front matter keep their line
 * endings. Returns undefined when there is no soft break; sourceOffset takes an offset of the text
 * back to the file.
 */
export function joinSoftBreaks(source: string): JoinedMarkdown | undefined {
  const start = bodyStart(source);
  if (!maySoftBreak(source.slice(start))) return undefined;
  const breaks = breaksFrom(source, start);
  return breaks.length === 0 ? undefined : joinAt(source, breaks);
}

/**
 * The offset in the source of an offset in the joined text: one in a break's space is the break's
 * start, one after it is shifted by the units the breaks before it left out. So a span ending just
 * after a space, or starting on it, covers the whole break in the source, its prefix included.
 */
export function sourceOffset(joined: JoinedMarkdown, offset: number): number {
  const { at, dropped } = joined.breaks;
  // the last break whose space stands before `offset`
  let low = 0;
  let high = at.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((at[middle] as number) < offset) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? offset : offset + (dropped[low - 1] as number);
}

/** Every soft break in the source, in order, as the parser finds them after the front matter. */
export function softBreaks(source: string): SoftBreak[] {
  return breaksFrom(source, bodyStart(source));
}

/** The source with each break one space, and where those spaces are. */
function joinAt(source: string, breaks: SoftBreak[]): JoinedMarkdown {
  const parts: string[] = [];
  const at: number[] = [];
  const dropped: number[] = [];
  let from = 0;
  let left = 0;
  for (const { start, end } of breaks) {
    parts.push(source.slice(from, start), " ");
    at.push(start - left);
    left += end - start - 1;
    dropped.push(left);
    from = end;
  }
  parts.push(source.slice(from));
  return { text: parts.join(""), breaks: { at, dropped } };
}

/**
 * Where the Markdown the parser reads begins: after the front matter, or after a byte order mark,
 * which is no text (given to the parser, it made ***\n----- * one paragraph).
 */
function bodyStart(source: string): number {
  return frontMatter(source)?.end ?? (source.charCodeAt(0) === 0xfeff ? 1 : 0);
}

/**
 * The tokens that begin a line of a paragraph without being its text: a quote's marker, a list
 * item's or footnote's indentation, and the white space a continuation line starts with (which
 * may be followed by a > that is text: 北\n    > 韩 outside a quote keeps its >).
 */
const LINE_PREFIXES = ["blockQuotePrefix", "listItemIndent", "gfmFootnoteDefinitionIndent", "linePrefix"];

/** softBreaks of the source parsed from `start` on. */
function breaksFrom(source: string, start: number): SoftBreak[] {
  // where each prefix the parser reads past begins (in the source) → where it ends
  const prefixes = new Map<number, number>();
  const prefix: Handle = (token) => {
    const from = start + token.start.offset;
    prefixes.set(from, Math.max(prefixes.get(from) ?? from, start + token.end.offset));
  };
  const tree = fromMarkdown(source.slice(start), {
    extensions: [gfm()],
    mdastExtensions: [
      gfmFromMarkdown(),
      { enter: Object.fromEntries(LINE_PREFIXES.map((type) => [type, prefix])) },
    ],
  });
  const breaks: SoftBreak[] = [];
  collect(tree, source, start, prefixes, breaks);
  return breaks;
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

/**
 * The soft breaks of the text nodes (offsets in the source, the parsed text starting at `start`):
 * each line ending inside one, with the prefixes that follow it on the next line.
 */
function collect(
  node: Nodes,
  source: string,
  start: number,
  prefixes: Map<number, number>,
  breaks: SoftBreak[],
): void {
  if (node.type === "text") {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from === undefined || to === undefined) return;
    for (let i = start + from; i < start + to; i++) {
      const c = source.charCodeAt(i);
      if (c !== 0x0a && c !== 0x0d) continue;
      let end = c === 0x0d && source.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
      for (let next = prefixes.get(end); next !== undefined && next > end; next = prefixes.get(end))
        end = next;
      breaks.push({ start: i, end });
      i = end - 1;
    }
    return;
  }
  if ("children" in node) for (const child of node.children) collect(child, source, start, prefixes, breaks);
}
