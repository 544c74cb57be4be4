/**
 * The end of a sentence or paragraph (a comma does not end one): words on either side of it are not
 * said together, so a relation of words (an enumeration's name and its list, near words) stops there.
 */
const SENTENCE_END = /[。｡．！!？?；;…\n\r\u2028\u2029]/;

/** True when text[from, to) holds the end of a sentence or paragraph. */
export function crossesSentenceEnd(text: string, from: number, to: number): boolean {
  return from < to && SENTENCE_END.test(text.slice(from, to));
}
