import type { Basis, RuleKind, Severity } from "../lexicon/schema.js";

/** What rules share: all of a rule but its entry. Read-only: one look serves many rules. */
export interface Look {
  readonly lexiconId: string;
  readonly kind: RuleKind;
  readonly category: string;
  readonly severity: Severity;
  readonly message: string;
  readonly basis?: Basis | undefined;
  /** copy it, never change it */
  readonly suggestions: readonly string[];
  readonly profileKey: number;
  readonly boundary: boolean;
  /** replace: the replacement; canonical: the canonical form */
  readonly fixText?: string | undefined;
  /** enumeration: items in order */
  readonly items?: readonly string[] | undefined;
  readonly name?: string | undefined;
  /** enumeration: items a list needs, without its name just before, to be checked (default: all but one) */
  readonly minItems?: number | undefined;
  /** near: characters within which all groups must occur */
  readonly within?: number | undefined;
  readonly groupCount?: number | undefined;
  /** pattern: RE2 source */
  readonly pattern?: string | undefined;
}

/**
 * The suggestions of a look that has none: most entries of a big word list suggest nothing, and
 * one shared list instead of one each spares a finding of the rule a cold cache line.
 */
export const NO_SUGGESTIONS: readonly string[] = Object.freeze([]);

/**
 * A look with every field present, in one order (the optional ones undefined when absent), so
 * that every look has one shape and reading a field of a rule's look stays one fast path however
 * many kinds of rules a screen meets. Its lists are its own copies.
 */
export function lookOf(fields: Look): Look {
  return {
    lexiconId: fields.lexiconId,
    kind: fields.kind,
    category: fields.category,
    severity: fields.severity,
    message: fields.message,
    basis: fields.basis,
    suggestions: fields.suggestions.length === 0 ? NO_SUGGESTIONS : [...fields.suggestions],
    profileKey: fields.profileKey,
    boundary: fields.boundary,
    fixText: fields.fixText,
    items: fields.items && [...fields.items],
    name: fields.name,
    minItems: fields.minItems,
    within: fields.within,
    groupCount: fields.groupCount,
    pattern: fields.pattern,
  };
}

/**
 * Looks shared as rules are made: an entry's look is the last one made for its pack when equal, or
 * else one of the last few made with its message (a pack's entries under one message may alternate
 * two severities or categories). A big word list's entries then share one look, in constant time
 * per entry: a list of every look of a message would be searched for each entry.
 */
export class SharedLooks {
  /** The look wanted next: written field by field, then `share`d (copied only when new). */
  readonly wanted: { -readonly [K in keyof Look]: Look[K] } = lookOf({
    lexiconId: "",
    kind: "term",
    category: "",
    severity: "warning",
    message: "",
    suggestions: NO_SUGGESTIONS,
    profileKey: 0,
    boundary: false,
  });
  private last: Look | undefined;
  /** per message, the last looks made with it, the newest last */
  private readonly byMessage = new Map<string, Look[]>();

  /** The look equal to `wanted`: one made before, or a new copy of it. */
  share(): Look {
    const wanted = this.wanted;
    if (this.last !== undefined && sameLook(this.last, wanted)) return this.last;
    let recent = this.byMessage.get(wanted.message);
    if (recent === undefined) {
      recent = [];
      this.byMessage.set(wanted.message, recent);
    }
    let look = recent.find((l) => sameLook(l, wanted));
    if (look === undefined) {
      look = lookOf(wanted);
      if (recent.push(look) > RECENT_PER_MESSAGE) recent.shift();
    }
    this.last = look;
    return look;
  }
}

/** How many looks of one message are kept to compare an entry with. */
const RECENT_PER_MESSAGE = 8;

function sameLook(a: Look, b: Look): boolean {
  return (
    a.lexiconId === b.lexiconId &&
    a.kind === b.kind &&
    a.category === b.category &&
    a.severity === b.severity &&
    a.message === b.message &&
    a.basis === b.basis &&
    sameList(a.suggestions, b.suggestions) &&
    a.profileKey === b.profileKey &&
    a.boundary === b.boundary &&
    a.fixText === b.fixText &&
    sameList(a.items, b.items) &&
    a.name === b.name &&
    a.minItems === b.minItems &&
    a.within === b.within &&
    a.groupCount === b.groupCount &&
    a.pattern === b.pattern
  );
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
