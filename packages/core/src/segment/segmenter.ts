/**
 * Word segmentation, behind one interface so the core stays browser-safe: nodejieba lives in
 * @shengao/node, Intl.Segmenter (or jieba-wasm) in the browser.
 */
export interface Segmenter {
  readonly name: string;
  /** Adds lexicon terms to the dictionary so a term is kept as one word. */
  addWords(words: readonly string[]): void;
  /**
   * Word boundaries of `text`: ascending UTF-16 offsets where a word starts, plus `text.length`.
   * Offset 0 is always included.
   */
  boundaries(text: string): Int32Array;
}
