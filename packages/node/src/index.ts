export { createJiebaSegmenter } from "./jiebaSegmenter.js";
export { DEFAULT_LEXICON_DIR, listLexiconFiles, readLexiconFiles, unreadSubfolders } from "./lexiconFiles.js";
