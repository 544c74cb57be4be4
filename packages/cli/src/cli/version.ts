import { createRequire } from "node:module";

/** The CLI's version, from its package.json (two folders up from both src/cli and dist/cli). */
export const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };
