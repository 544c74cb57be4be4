/**
 * The repository's default lexicons (lexicons/*.yaml), bundled as text at build time. They are
 * parsed and compiled once in the background, never in a page.
 */
const files = import.meta.glob<string>("../../../lexicons/*.{yaml,yml}", {
  query: "?raw",
  import: "default",
  eager: true,
});

export const DEFAULT_LEXICONS: readonly { file: string; source: string }[] = Object.entries(files)
  .map(([path, source]) => ({ file: `lexicons/${path.split("/").pop()}`, source }))
  .sort((a, b) => a.file.localeCompare(b.file));
