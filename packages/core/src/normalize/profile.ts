import type { NormalizeSwitches } from "../lexicon/schema.js";

/** Which normalisations apply to an entry: every switch resolved to true or false. */
export interface NormalizeProfile {
  width: boolean;
  case: boolean;
  traditional: boolean;
  invisible: boolean;
  noise: boolean;
}

export const SWITCHES = ["width", "case", "traditional", "invisible", "noise"] as const;

export const ALL_ON: NormalizeProfile = {
  width: true,
  case: true,
  traditional: true,
  invisible: true,
  noise: true,
};

/** Entry switches win over the pack's defaults, which win over "all on". */
export function resolveProfile(...layers: (NormalizeSwitches | undefined)[]): NormalizeProfile {
  const profile = { ...ALL_ON };
  for (const name of SWITCHES) {
    for (const layer of layers) {
      const value = layer?.[name];
      if (value !== undefined) {
        profile[name] = value;
        break;
      }
    }
  }
  return profile;
}

/** A small integer naming the profile; entries with equal keys share one automaton. */
export function profileKey(profile: NormalizeProfile): number {
  let key = 0;
  SWITCHES.forEach((name, bit) => {
    if (profile[name]) key |= 1 << bit;
  });
  return key;
}

export function profileFromKey(key: number): NormalizeProfile {
  const profile = { ...ALL_ON };
  SWITCHES.forEach((name, bit) => {
    profile[name] = (key & (1 << bit)) !== 0;
  });
  return profile;
}
