// Writes lexicons/schema/lexicon.schema.json from the zod schema, the format's one source of truth.
import { writeFileSync } from "node:fs";
import { lexiconJsonSchema } from "../packages/core/src/lexicon/schema.js";

export const SCHEMA_PATH = new URL("../lexicons/schema/lexicon.schema.json", import.meta.url);

export function schemaText(): string {
  return `${JSON.stringify(lexiconJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() as string)) {
  writeFileSync(SCHEMA_PATH, schemaText());
  console.log(`wrote ${SCHEMA_PATH.pathname}`);
}
