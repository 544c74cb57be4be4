/**
 * The span a one-click fix replaces: the finding's own, widened where replacing only it would leave
 * the text wrong.
 *
 * - Quotation marks: matching skips the marks inside a term, so in 台湾“总统” the hit 台湾“总统 holds
 *   the opening mark and not the closing one, and replacing it left 台湾地区领导人”. A mark the span
 *   opens (or closes) whose partner stands just after (or before) it is taken in too, and so is a
 *   mark the replacement writes itself just outside it (“一带一路”倡议 for “一带一路战略”).
 * - A replacement that begins (or ends) with what the text already has just before (or after) the
 *   span: 党的二十大三中全会, its hit 二十大三中全会 fixed to 党的二十届三中全会, gave 党的党的…. Two
 *   characters or more only: one in common (访朝 before 北韩, fixed to 朝鲜) is mostly chance.
 */
export function fixSpan(
  text: string,
  start: number,
  end: number,
  replacement: string,
): { start: number; end: number } {
  let from = start;
  let to = end;
  // a mark the replacement writes itself, standing just outside: 服务“一带一路战略” fixed to
  // “一带一路”倡议 takes in the “ before it (then its partner, below), not 服务““一带一路”倡议”
  if (isMark(replacement.charAt(0)) && text.charAt(from - 1) === replacement.charAt(0)) from--;
  if (
    isMark(replacement.charAt(replacement.length - 1)) &&
    text.charAt(to) === replacement.charAt(replacement.length - 1)
  )
    to++;
  for (const [open, close] of PAIRS) {
    const balance = count(text, open, from, to) - count(text, close, from, to);
    if (balance > 0 && text.startsWith(close, to)) to += close.length;
    else if (balance < 0 && text.endsWith(open, from)) from -= open.length;
  }
  for (const quote of SAME_BOTH_SIDES) {
    if (count(text, quote, from, to) % 2 === 0) continue;
    // the odd mark closes a quote opened before the span when one is open there, else opens one
    const openBefore = countBefore(text, quote, from) % 2 === 1;
    if (openBefore && text.endsWith(quote, from)) from -= quote.length;
    else if (!openBefore && text.startsWith(quote, to)) to += quote.length;
  }
  const before = sharedEdge(replacement, text.slice(Math.max(0, from - MAX_SHARED), from), "start");
  const after = sharedEdge(replacement, text.slice(to, to + MAX_SHARED), "end");
  if (before + after < replacement.length) {
    from -= before;
    to += after;
  }
  return { start: from, end: to };
}

/**
 * True when the words are quoted as words, not used: 不称“北朝鲜”, 把台湾当局称为“台湾政府”是错误的,
 * “北韩”一词. A post explaining a usage rule names the wrong form on purpose; a one-click fix there
 * would make it say 不称“朝鲜”. Such a finding keeps its suggestions and loses its fix.
 */
export function isQuotedMention(text: string, start: number, end: number): boolean {
  const open = text.charAt(start - 1);
  const pair = PAIRS.find(([o]) => o === open && o !== "《" && o !== "（" && o !== "(" && o !== "【");
  const close = pair?.[1] ?? (SAME_BOTH_SIDES.includes(open) ? open : undefined);
  if (close === undefined || !text.startsWith(close, end)) return false;
  const before = text.slice(Math.max(0, start - 1 - MENTION_LOOKBACK), start - 1);
  const after = text.slice(end + close.length, end + close.length + MENTION_LOOKBACK);
  return NAMED_BEFORE.test(before) || NAMED_AFTER.test(after);
}

/**
 * What says a quoted wording is named, not used: a rule against it just before (不称“…”, 不要写成
 * “…”), or a word naming it, or a judgement of it, just after (“…”一词, “…”是错误的). 称“…” alone is
 * no sign: 媒体称“台湾总统”出席 uses the words, and its fix is right.
 */
const NAMED_BEFORE =
  /(?:不|勿|别|不要|不得|不能|不应|不宜|不可|避免|禁止|慎用|而非|切忌)(?:称|称为|称作|叫|叫作|叫做|说成|写成|写作|用|使用)$/;
const NAMED_AFTER =
  /^(?:一词|这个词|这一词|这种说法|这一说法|的说法|等说法|的称呼|等称呼|的提法|等提法|的写法|等写法|是错误的|是不对的|不妥|有误)/;
const MENTION_LOOKBACK = 6;

const PAIRS: readonly [string, string][] = [
  ["“", "”"],
  ["‘", "’"],
  ["「", "」"],
  ["『", "』"],
  ["《", "》"],
  ["〈", "〉"],
  ["（", "）"],
  ["(", ")"],
  ["【", "】"],
];
const SAME_BOTH_SIDES = ['"', "'"];
const MAX_SHARED = 8;
const MIN_SHARED = 2;

const MARKS = new Set([...PAIRS.flat(), ...SAME_BOTH_SIDES]);

function isMark(char: string): boolean {
  return MARKS.has(char);
}

/** How often `mark` (one character) stands in text[from, to): a span's few characters, not the text's. */
function count(text: string, mark: string, from: number, to: number): number {
  const c = mark.charCodeAt(0);
  let n = 0;
  for (let i = Math.max(0, from); i < to && i < text.length; i++) if (text.charCodeAt(i) === c) n++;
  return n;
}

/**
 * How often `mark` stands in text[0, before). Each finding of a text asks this: the places of the
 * mark are found once per text and mark, and searched, where counting from the start each time made
 * a text's fixes cost the square of its length (20,000 lines with a finding each: 17 s).
 */
function countBefore(text: string, mark: string, before: number): number {
  let places = markPlaces.get(mark);
  if (places === undefined || places.text !== text) {
    const at: number[] = [];
    for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) at.push(i);
    places = { text, at };
    markPlaces.set(mark, places);
  } else {
    // the same text again, perhaps another string of it (screened twice, built anew): kept as this
    // one, the next call compares it by reference, not character by character
    places.text = text;
  }
  let lo = 0;
  let hi = places.at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((places.at[mid] as number) < before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per mark, where it stands in the last text asked about (one text is screened at a time). */
const markPlaces = new Map<string, { text: string; at: number[] }>();

/**
 * How many characters (at least MIN_SHARED, else 0) the replacement's start has in common with the
 * end of `nearby` (side "start": the text before the span), or its end with the start of `nearby`.
 */
function sharedEdge(replacement: string, nearby: string, side: "start" | "end"): number {
  const most = Math.min(replacement.length - 1, nearby.length);
  for (let k = most; k >= MIN_SHARED; k--) {
    const edge = side === "start" ? replacement.slice(0, k) : replacement.slice(-k);
    if (side === "start" ? nearby.endsWith(edge) : nearby.startsWith(edge)) return k;
  }
  return 0;
}
