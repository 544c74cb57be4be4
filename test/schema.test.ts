import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { SCHEMA_PATH, schemaText } from "../scripts/write-schema.js";

it("the committed JSON Schema is the one derived from the zod schema (run `pnpm schema`)", () => {
  expect(readFileSync(SCHEMA_PATH, "utf8")).toBe(schemaText());
});
