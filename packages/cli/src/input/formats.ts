import { extname } from "node:path";

/** How each supported file type turns into the text we screen. */
export type InputKind = "text" | "html" | "docx";

const KINDS: Record<string, InputKind> = {
  ".txt": "text",
  ".md": "text",
  ".markdown": "text",
  ".html": "html",
  ".htm": "html",
  ".docx": "docx",
};

export const SUPPORTED_EXTENSIONS = Object.keys(KINDS);

export function inputKindOf(file: string): InputKind | undefined {
  return KINDS[extname(file).toLowerCase()];
}
