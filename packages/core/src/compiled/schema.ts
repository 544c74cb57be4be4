import { z } from "zod";
import type { PackInfo, RuleInfo } from "../compile.js";
import { Basis, RULE_KINDS, Severity } from "../lexicon/schema.js";
import type { Look } from "../rules/looks.js";
import {
  COMPILED_FORMAT,
  type CompiledLexicons,
  type EncodedAutomaton,
  type ProfileData,
} from "../serialize.js";

/**
 * The structure of the compiled form (`shengao lexicon build`, `Screener.serialize()`) as zod sees
 * it. The types are serialize.ts's; the checks at the end of this file fail to compile if the two
 * drift apart. What the structure cannot say (base64 lengths, indices in range) is in check.ts.
 */

export { COMPILED_FORMAT };

const Index = z.int().nonnegative();

const PackInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  file: z.string(),
  entries: Index,
});

const lookCommon = {
  lexiconId: z.string(),
  category: z.string(),
  severity: Severity,
  message: z.string(),
  basis: Basis.optional(),
  suggestions: z.array(z.string()),
  // one bit per normalisation switch (normalize/profile.ts)
  profileKey: z.int().min(0).max(31),
  boundary: z.boolean(),
};

// Each kind with the fields its rule finder reads without checking (rules/*.ts).
const LookSchema = z.discriminatedUnion("kind", [
  z.object({ ...lookCommon, kind: z.literal("term") }),
  z.object({ ...lookCommon, kind: z.literal("replace"), fixText: z.string() }),
  z.object({ ...lookCommon, kind: z.literal("canonical"), fixText: z.string() }),
  z.object({
    ...lookCommon,
    kind: z.literal("enumeration"),
    items: z.array(z.string()).min(1),
    name: z.string().optional(),
    minItems: z.int().min(2).optional(),
  }),
  z.object({ ...lookCommon, kind: z.literal("juxtaposition") }),
  z.object({
    ...lookCommon,
    kind: z.literal("near"),
    within: z.int().positive(),
    groupCount: z.int().positive(),
  }),
  z.object({ ...lookCommon, kind: z.literal("pattern"), pattern: z.string() }),
]);

const RuleInfoSchema = z.object({
  ruleId: z.string(),
  lexiconId: z.string(),
  entryId: z.string(),
  kind: z.enum(RULE_KINDS),
  category: z.string(),
  severity: Severity,
  disabled: z.boolean(),
});

const EncodedAutomatonSchema = z.object({
  alphabet: z.string(),
  rootNext: z.string(),
  edgeStart: z.string(),
  edgeChar: z.string(),
  edgeTarget: z.string(),
  fail: z.string(),
  out: z.string(),
  outLink: z.string(),
  patternLength: z.string(),
});

const ProfileSchema = z.object({
  key: z.int().min(0).max(31),
  automaton: EncodedAutomatonSchema,
  targets: z.object({ start: z.array(z.int()), data: z.array(z.int()) }),
});

export const CompiledSchema = z.object({
  format: z.literal(COMPILED_FORMAT),
  packs: z.array(PackInfoSchema),
  looks: z.array(LookSchema),
  rules: z.object({ entry: z.array(z.string()), look: z.array(Index) }),
  disabled: z.array(RuleInfoSchema),
  profiles: z.array(ProfileSchema),
  segmenterWords: z.array(z.string()),
});

// The schema and serialize.ts describe the same data: each must be assignable to the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTypes: [
  Same<z.infer<typeof PackInfoSchema>, PackInfo>,
  Same<z.infer<typeof RuleInfoSchema>, RuleInfo>,
  Same<z.infer<typeof EncodedAutomatonSchema>, EncodedAutomaton>,
  Same<z.infer<typeof ProfileSchema>, ProfileData<EncodedAutomaton>>,
  z.infer<typeof LookSchema> extends Look ? true : false,
  z.infer<typeof CompiledSchema> extends CompiledLexicons ? true : false,
] = [true, true, true, true, true, true];
void sameTypes;
