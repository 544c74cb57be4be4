import type { z } from "zod";

/**
 * A test, derived from a zod schema, that a value passes the schema and comes out of it unchanged:
 * true only when `schema.safeParse(value)` would succeed with data deep-equal to `value`. A big pack
 * of a hundred thousand entries took zod about 200 ms and a copy of every entry; most entries are
 * already what the schema returns, so they are tested here and only the others are given to zod.
 * (Used for lexicon packs and for compiled files alike.)
 *
 * The values tested are data as JSON.parse or a YAML parser makes them: objects of Object's
 * prototype and arrays of Array's, holding enumerable data properties with string keys. A value
 * built in code with getters, hidden or symbol keys, or arrays of another class, is not.
 *
 * The schema stays the one source of truth: this reads its definition (types, shapes, options) and
 * runs its own checks (regex, lengths, trim, refinements), and gives up (`undefined`) on any part it
 * does not know (exact optionals, symbol keys, recursive schemas, transforms…). A false says
 * nothing: zod decides, and reports the problems.
 */
export type Unchanged = (value: unknown) => boolean;

/** What this reads of a zod schema (zod 4's `_zod` internals, shared by all its schema classes). */
interface Schema {
  _zod: {
    def: Def;
    traits: Set<string>;
    /** the values a literal or enum allows */
    values?: Set<unknown>;
    /** "optional" when a key may be absent, "defaulted" when an absent value is replaced */
    optin?: string;
    /** "optional" when the output may lack the key */
    optout?: string;
    check?: (payload: Payload) => unknown;
  };
}

interface Def {
  type: string;
  checks?: Schema[];
  when?: (payload: Payload) => boolean;
  innerType?: Schema;
  element?: Schema;
  shape?: Record<string, Schema>;
  options?: Schema[];
  discriminator?: string;
  keyType?: Schema;
  valueType?: Schema;
  coerce?: boolean;
}

interface Payload {
  value: unknown;
  issues: unknown[];
}

const made = new WeakMap<object, Unchanged | undefined>();

/** The test for `schema`, or undefined when the schema uses a part this does not know. */
export function unchangedBy(schema: z.core.$ZodType): Unchanged | undefined {
  return derive(schema as unknown as Schema);
}

function derive(schema: Schema): Unchanged | undefined {
  if (made.has(schema)) return made.get(schema);
  // a schema that contains itself is not derived: met again while deriving, it gives up
  made.set(schema, undefined);
  const test = withChecks(schema, base(schema));
  made.set(schema, test);
  return test;
}

/** The test of the schema's type alone, before its checks. */
function base(schema: Schema): Unchanged | undefined {
  const def = schema._zod.def;
  if (def.coerce || schema._zod.traits.has("$ZodExactOptional")) return undefined;
  switch (def.type) {
    case "string":
      return (v) => typeof v === "string";
    case "number":
      return (v) => typeof v === "number" && Number.isFinite(v);
    case "boolean":
      return (v) => typeof v === "boolean";
    case "literal":
    case "enum": {
      const values = schema._zod.values;
      return values && ((v) => values.has(v));
    }
    case "optional":
      return optional(def.innerType);
    case "default": {
      // an absent value is replaced by the default: changed
      const inner = def.innerType && derive(def.innerType);
      return inner && ((v) => v !== undefined && inner(v));
    }
    case "array": {
      const element = def.element && derive(def.element);
      return element && ((v) => isPlainArray(v) && everyItem(v, element));
    }
    case "object":
      return object(def);
    case "union":
      return def.discriminator === undefined ? union(def) : discriminated(def);
    case "record":
      return record(def);
    default:
      return undefined;
  }
}

function optional(innerType: Schema | undefined): Unchanged | undefined {
  // an optional default still replaces an absent value
  if (!innerType || innerType._zod.optin === "defaulted") return undefined;
  const inner = derive(innerType);
  return inner && ((v) => v === undefined || inner(v));
}

/**
 * Known keys only (zod strips or rejects the others), each passing its field's test; a key left out
 * must be one zod lets be absent and leaves absent (an optional field, not a defaulted one). The
 * value's keys are walked, not the shape's: reading fifteen fields by name from objects of seven
 * shapes took most of the time.
 */
function object(def: Def): Unchanged | undefined {
  const shape = def.shape;
  // symbol keys are not walked, and zod reads a key the value lacks from Object's prototype
  if (!shape || Object.getOwnPropertySymbols(shape).length > 0) return undefined;
  const fields = new Map<string, { test: Unchanged; required: boolean }>();
  let required = 0;
  for (const key of Object.keys(shape)) {
    const field = shape[key] as Schema;
    const test = derive(field);
    if (!test || key in Object.prototype) return undefined;
    const mayBeAbsent = field._zod.optin === "optional" && field._zod.optout === "optional";
    fields.set(key, { test, required: !mayBeAbsent });
    if (!mayBeAbsent) required++;
  }
  return (v) => {
    if (!isPlainObject(v)) return false;
    let found = 0;
    for (const key in v) {
      const field = fields.get(key);
      if (field === undefined || !field.test(v[key])) return false;
      if (field.required) found++;
    }
    return found === required;
  };
}

/**
 * zod returns the first option that passes. Decided here only when no two options accept the same
 * kind of value (a string or an object, as a basis is), so the option of the value's kind is the
 * only one that can pass.
 */
function union(def: Def): Unchanged | undefined {
  const byKind = new Map<string, Unchanged>();
  for (const option of def.options ?? []) {
    const kind = kindOf(option);
    const test = derive(option);
    if (kind === undefined || byKind.has(kind) || !test) return undefined;
    byKind.set(kind, test);
  }
  return (v) => byKind.get(valueKind(v))?.(v) === true;
}

/** The option is the one whose literal the discriminator holds. */
function discriminated(def: Def): Unchanged | undefined {
  const discriminator = def.discriminator as string;
  const byValue = new Map<unknown, Unchanged>();
  for (const option of def.options ?? []) {
    const tag = option._zod.def.shape?.[discriminator];
    const test = derive(option);
    if (tag?._zod.def.type !== "literal" || !tag._zod.values || !test) return undefined;
    for (const value of tag._zod.values) {
      if (byValue.has(value)) return undefined;
      byValue.set(value, test);
    }
  }
  return (v) => isPlainObject(v) && byValue.get(v[discriminator])?.(v) === true;
}

/** String keys passing the key's test, values the value's. */
function record(def: Def): Unchanged | undefined {
  // keys of an enum are all required, and a number key schema reads keys as numbers
  if (!def.keyType || def.keyType._zod.values || kindOf(def.keyType) !== "string") return undefined;
  const key = derive(def.keyType);
  const value = def.valueType && derive(def.valueType);
  if (!key || !value) return undefined;
  return (v) => {
    if (!isPlainObject(v)) return false;
    for (const k in v) if (k === "__proto__" || !key(k) || !value(v[k])) return false;
    return true;
  };
}

/** Adds the schema's own checks, in zod's order; a check that changes the value (trim) is a change. */
function withChecks(schema: Schema, test: Unchanged | undefined): Unchanged | undefined {
  if (!test) return undefined;
  // a schema that is itself a check (a string format such as url) runs first, as in zod
  const checks = [
    ...(schema._zod.traits.has("$ZodCheck") ? [schema] : []),
    ...(schema._zod.def.checks ?? []),
  ];
  if (checks.length === 0) return test;
  if (checks.some((c) => typeof c._zod.check !== "function")) return undefined;
  const passes = checks.map(checkTest);
  return (value) => {
    if (!test(value)) return false;
    for (let i = 0; i < passes.length; i++) if (!(passes[i] as Unchanged)(value)) return false;
    return true;
  };
}

/** What a check's definition says of its kind, for the kinds lexicons use most. */
interface CheckDef {
  check?: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  value?: unknown;
  inclusive?: boolean;
  tx?: (value: unknown) => unknown;
}

/**
 * True when `check` passes the value unchanged. The checks every field of a big pack runs (trim,
 * a minimum length, a pattern, an integer in range) are read from their definitions; zod's way of
 * running a check, a payload object each time, was most of the cost. These readings ignore the
 * check's condition (`when`): a check zod would skip passes, so they can only say false more often.
 * Any other check, or a case the reading cannot settle, is run as zod runs it.
 */
function checkTest(check: Schema): Unchanged {
  const def = check._zod.def as Def & CheckDef;
  const run = runCheck(check);
  const { tx, pattern, minimum, value: bound, inclusive } = def;
  // an overwrite may change an object in place: only a primitive is given to it
  if (def.check === "overwrite" && tx) return (v) => (typeof v !== "object" || v === null) && tx(v) === v;
  if (def.check === "number_format" && def.format === "safeint") return (v) => Number.isSafeInteger(v);
  if (def.check === "greater_than" && typeof bound === "number")
    return (v) => typeof v === "number" && (inclusive ? v >= bound : v > bound);
  if (def.check === "less_than" && typeof bound === "number")
    return (v) => typeof v === "number" && (inclusive ? v <= bound : v < bound);
  if (def.check === "string_format" && def.format === "regex" && pattern)
    return (v) => {
      if (typeof v !== "string") return run(v);
      pattern.lastIndex = 0;
      return pattern.test(v);
    };
  if (def.check === "min_length" && typeof minimum === "number")
    // zod counts a string's code points (one or two units each) when its units alone do not settle it
    return (v) =>
      (Array.isArray(v) && v.length >= minimum) ||
      (typeof v === "string" && v.length >= 2 * minimum) ||
      run(v);
  return run;
}

/**
 * Runs `check` as zod's runChecks does: its condition (`when`), then the check on a payload. A
 * refinement sees the value itself where zod gives it its copy: one that changes what it is given
 * is not supported (the lexicon schemas have none).
 */
function runCheck(check: Schema): Unchanged {
  const when = check._zod.def.when;
  const run = check._zod.check as (payload: Payload) => unknown;
  return (value) => {
    const payload: Payload = { value, issues: [] };
    if (when && !when(payload)) return true;
    // a promise is an asynchronous check, which a synchronous parse refuses
    if (run(payload) instanceof Promise) return false;
    return payload.issues.length === 0 && payload.value === value;
  };
}

type Kind = "string" | "number" | "boolean" | "object" | "array" | "other";

/** The one kind of value a schema can accept, when there is one. */
function kindOf(schema: Schema): Kind | undefined {
  const def = schema._zod.def;
  switch (def.type) {
    case "string":
    case "number":
    case "boolean":
    case "array":
      return def.type;
    case "object":
    case "record":
      return "object";
    case "literal":
    case "enum": {
      const kinds = new Set([...(schema._zod.values ?? [])].map(valueKind));
      return kinds.size === 1 ? [...kinds][0] : undefined;
    }
    default:
      return undefined;
  }
}

function valueKind(v: unknown): Kind {
  if (Array.isArray(v)) return "array";
  const type = typeof v;
  if (type === "string" || type === "number" || type === "boolean") return type;
  return isPlainObject(v) ? "object" : "other";
}

/** Every index; a hole is a change (zod's output has undefined there, where `every` skips it). */
function everyItem(items: unknown[], test: Unchanged): boolean {
  for (let i = 0; i < items.length; i++) if (!(i in items) || !test(items[i])) return false;
  return true;
}

/** An array of Array's prototype: zod's output is one. */
function isPlainArray(v: unknown): v is unknown[] {
  return Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype;
}

/** An object of Object's prototype: zod's output is one, so an object of another prototype changes. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}
