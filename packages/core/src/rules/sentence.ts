/**
 * The end of a sentence or paragraph (a comma does not end one): words on either side of it are not
 * said together, so a relation of words (an enumeration's name and its list, near words) stops there.
 */
const SENTENCE_END = /[。｡．！!？?；;…\n\r\u2028\u2029]/g;
/** A letter or digit, half- or full-width: a full-width ． between two is a number's point (No．1, 3．5). */
const ALNUM = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/;

/** True when text[from, to) holds the end of a sentence or paragraph. */
export function crossesSentenceEnd(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  const span = text.slice(from, to);
  for (const end of span.matchAll(SENTENCE_END)) {
    const at = from + (end.index as number);
    if (end[0] !== "．" || !ALNUM.test(text.charAt(at - 1)) || !ALNUM.test(text.charAt(at + 1))) return true;
  }
  return false;
}
