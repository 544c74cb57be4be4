export { createJiebaSegmenter } from "./jiebaSegmenter.js";
export { DEFAULT_LEXICON_DIR, readLexiconFiles, unreadSubfolders } from "./lexiconFiles.js";
