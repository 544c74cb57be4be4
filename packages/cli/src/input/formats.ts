import { extname } from "node:path";
import { InputError } from "./errors.js";

/** How each supported file type turns into the text we screen. */
export type InputKind = "text" | "markdown" | "html" | "docx";

const KINDS: Record<string, InputKind> = {
  ".txt": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".docx": "docx",
};

export const SUPPORTED_EXTENSIONS = Object.keys(KINDS);

export function inputKindOf(file: string): InputKind | undefined {
  return KINDS[extname(file).toLowerCase()];
}

/**
 * Documents a folder may hold that cannot be read (old Word, WPS, PDF …): met in a folder they are
 * listed as unsupported, not passed over, so that an archive's .doc files never silently drop out
 * of its analysis. Other files (images, spreadsheets) are no drafts and are passed over.
 */
const UNSUPPORTED_DOCUMENTS = new Set([".doc", ".wps", ".pdf", ".rtf", ".odt", ".pages"]);

export function isUnsupportedDocument(file: string): boolean {
  return UNSUPPORTED_DOCUMENTS.has(extname(file).toLowerCase());
}

export function unsupportedType(shownAs: string): InputError {
  const docx = isUnsupportedDocument(shownAs) ? "；请另存为 .docx 或 .txt" : "";
  return new InputError(
    "unsupported-type",
    shownAs,
    `不支持的文件类型：${shownAs}（支持 ${SUPPORTED_EXTENSIONS.join(" ")}${docx}；unsupported file type）`,
  );
}
