/**
 * Word segmentation, behind one interface so the core stays browser-safe: nodejieba lives in
 * @shengao/node, Intl.Segmenter (or jieba-wasm) in the browser.
 */
export interface Segmenter {
  readonly name: string;
  /** The lexicon terms, each kept as one word where the text holds it as a word. */
  addWords(words: readonly string[]): void;
  /**
   * Word boundaries of `text`: ascending UTF-16 offsets where a word starts, plus `text.length`.
   * Offset 0 is always included.
   */
  boundaries(text: string): Int32Array;
}
