import type { ScreenContext } from "./context.js";
import { enumerations, LIST_MARKS, listGap } from "./lists.js";
import { type Hit, Role, type Rule } from "./rule.js";
import { crossesSentenceEnd } from "./sentence.js";
import { outside, type Span } from "./spans.js";

/** How far before a list its name (四个意识：…) may stand and still announce it. */
const NAME_REACH = 12;
/** Spaces, quotes, brackets, colons and dashes, which may stand between a name and its list. */
const PUNCTUATION = /[\s"'“”‘’「」『』《》〈〉()（）[\]【】:：—\-－]/g;
/** The name's own head noun, which may follow it before the list: “五位一体”总体布局：… */
const NAME_HEAD = "(?:总体布局|战略布局|战略|总要求)?";
/**
 * What else may: the name's own head noun (“五位一体”总体布局：), words that say the list is what
 * the name holds (即, 是指, 主要包括, 的科学内涵是, 集中体现为), after a comma too (增强“四个意识”，
 * 即政治意识…). Other words make the list another's: in 贯彻新发展理念，推动创新、协调发展 and
 * 以新发展理念引领科技创新、开放合作 the items are common words said of something else.
 */
const INTRODUCER = new RegExp(
  `^${NAME_HEAD}` +
    "(?:的?(?:科学|核心|精神|基本|主要|具体|丰富)?(?:内涵|内容|要求|要义|含义))?" +
    "(?:[，,]?(?:即|也就是|就是|是指|指的是|指|主要包括|具体包括|包括|包含|涵盖|分别是|分别为|概括为|" +
    "集中体现为|体现为|主要是|要求我们|要求|是))?$",
);
/**
 * Words that announce the list only when it is all that is said: 科学家精神是爱国、创新、求实…。
 * lists the spirit's items, where 科学家精神是爱国、奉献精神的集中体现 says what it is made of.
 */
const LOOSE_INTRODUCER = new RegExp(`^${NAME_HEAD}[，,]?(?:是|就是|也就是|主要是|要求)$`);
/** What closes the list a loose word announced: 等, closing quotes, then a clause's end or the text's. */
const CLAUSE_CLOSE =
  /^[ \t\u3000]*(?:等等|等)?[”’」』》）)\]】"']*[ \t\u3000]*(?:$|[，,：:。｡．！!？?；;…\n\r\u2028\u2029])/;
/** A list mark and the words after it, up to the next mark or a clause's end: one more item. */
const NEXT_ITEM = /^[ \t\u3000]*[、､﹑]([^、､﹑，,：:。｡．！!？?；;…\s]*)/;
/** How far after a list its name may follow and still say what the list is (…共享的新发展理念). */
const NAME_AFTER_REACH = 4;
const NAME_AFTER = /^(?:的|等|这一|这个|这)?$/;

/**
 * A fixed enumeration written out must hold every item, in the official order, each spelled right.
 * A list counts as an attempt at the enumeration when it holds all items but one (or more; the
 * entry's `minItems` where it says how many), or when the enumeration's name stands just before
 * it; mentioning a single item, or just the name, is not an attempt.
 */
export function findEnumerations(rule: Rule, hits: readonly Hit[], ctx: ScreenContext): Span[] {
  const items = rule.look.items as readonly string[];
  const exceptions = hits.filter((h) => h.role === Role.exception);
  const names = hits.filter((h) => h.role === Role.name);
  const listed = outside(
    hits.filter((h) => h.role === Role.item || h.role === Role.wrongItem),
    exceptions,
  );
  const spans: Span[] = [];
  for (const run of enumerations(ctx.text, listed)) {
    const first = run[0] as Hit;
    const last = run[run.length - 1] as Hit;
    const named = names.some(
      (n) =>
        nameGap(ctx.text, n.end, first.start, NAME_REACH, INTRODUCER) &&
        (!LOOSE_INTRODUCER.test(stripped(ctx.text, n.end, first.start)) ||
          closesClause(ctx.text, last.end, items, ctx.text.slice(n.start, n.end))),
    );
    const namedAfter = names.some((n) => nameGap(ctx.text, last.end, n.start, NAME_AFTER_REACH, NAME_AFTER));
    const allButOne = Math.max(2, items.length - 1);
    const enough = rule.look.minItems ?? allButOne;
    // without its name, a list is the enumeration when it holds enough items, all but one of them
    // right (构建开放、协同、创新、共享、共赢的格局 is another list of common words); with its name
    // after it (…共享的新发展理念), when it holds all items but one
    const rightItems = run.filter((h) => h.role === Role.item).length;
    const attempt =
      (run.length >= enough && rightItems >= enough - 1) ||
      (named && run.length >= 2) ||
      (namedAfter && run.length >= allButOne);
    if (!attempt) continue;
    const slots = run.map((h) => h.arg);
    const right =
      run.every((h) => h.role === Role.item) &&
      slots.length === items.length &&
      slots.every((slot, i) => slot === i);
    if (right) continue;
    const span: Span = { start: first.start, end: last.end };
    const separator = uniformSeparator(ctx.text, run);
    if (separator !== null) span.replacement = items.join(separator);
    spans.push(span);
  }
  return spans;
}

/**
 * Whether a name may stand across text[from, to) from its list: near enough, within one sentence
 * (弘扬科学家精神。会上强调创新、协同 names no spirit's items), and nothing there but punctuation and
 * the `words` that may join them.
 */
function nameGap(text: string, from: number, to: number, reach: number, words: RegExp): boolean {
  return (
    from <= to &&
    to - from <= reach &&
    !crossesSentenceEnd(text, from, to) &&
    words.test(stripped(text, from, to))
  );
}

/** text[from, to) without the punctuation that may stand between a name and its list. */
function stripped(text: string, from: number, to: number): string {
  return text.slice(from, to).replace(PUNCTUATION, "");
}

/**
 * Whether the list ending at `from` is all the clause says: it ends there, or goes on with items
 * not the enumeration's (爱国、奉献、严谨。), each no longer than its longest, to the clause's end,
 * or it is then called by the end of its name (科学家精神是爱国、创新、奉献的精神。).
 * 科学家精神是爱国、奉献、担当精神在科技界的集中体现 goes on with more than an item.
 */
function closesClause(text: string, from: number, items: readonly string[], name: string): boolean {
  const longest = Math.max(...items.map((item) => item.length));
  // eight more items at most: the slice is long enough that its end is the text's wherever read
  let rest = text.slice(from, from + 16 * (longest + 4) + name.length);
  for (let more = 0; more < 8; more++) {
    if (CLAUSE_CLOSE.test(rest) || calledByName(rest, name)) return true;
    const next = NEXT_ITEM.exec(rest);
    const item = next?.[1];
    if (next === null || item === undefined || item.length === 0 || item.length > longest) return false;
    rest = rest.slice(next[0].length);
  }
  return false;
}

/** `rest` is 的 and the end of the name, two characters or more of it, then the clause's end (…的精神。). */
function calledByName(rest: string, name: string): boolean {
  const of = /^[ \t\u3000]*的/.exec(rest);
  if (of === null) return false;
  const after = rest.slice(of[0].length);
  for (let k = name.length; k >= 2; k--)
    if (after.startsWith(name.slice(-k)) && CLAUSE_CLOSE.test(after.slice(k))) return true;
  return false;
}

/** The one plain separator used between all items (、 or ，), if the list uses exactly one. */
function uniformSeparator(text: string, run: readonly Hit[]): string | null {
  let separator: string | null = null;
  for (let i = 1; i < run.length; i++) {
    const gap = listGap(text, run[i - 1] as Hit, run[i] as Hit);
    if (gap === null || gap.length !== 1 || !LIST_MARKS.includes(gap)) return null;
    if (separator !== null && gap !== separator) return null;
    separator = gap;
  }
  return separator ?? "、";
}
