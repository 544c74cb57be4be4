import type { Pack, Severity } from "./schema.js";

/** What the packs' overrides say of one entry: switched off, or given another severity. */
export interface Override {
  disabled?: boolean;
  severity?: Severity;
}

/**
 * Every override of the packs, by the rule id it names (`pack/entry`); several on one entry merge,
 * a later pack's fields winning. Compilation applies them; validation judges verdicts by them.
 */
export function overridesOf(packs: readonly Pack[]): Map<string, Override> {
  const overrides = new Map<string, Override>();
  for (const pack of packs) {
    for (const o of pack.overrides) overrides.set(o.entry, { ...overrides.get(o.entry), ...o });
  }
  return overrides;
}
