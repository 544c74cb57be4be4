import { readdirSync, readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { z } from "zod";
import { CompiledSchema } from "../src/compiled/schema.js";
import { compile, parseCompiled, parseLexicon } from "../src/index.js";
import { describeIssue, YAML_WORDS } from "../src/lexicon/issues.js";
import { Entry, Pack } from "../src/lexicon/schema.js";
import { type Unchanged, unchangedBy } from "../src/lexicon/unchanged.js";

/** What the test promises: zod accepts the value and returns it deep-equal. */
function zodKeeps(schema: z.ZodType, value: unknown): boolean {
  const result = schema.safeParse(value);
  return result.success && isDeepStrictEqual(result.data, value);
}

function testOf(schema: z.ZodType): Unchanged {
  const test = unchangedBy(schema);
  if (!test) throw new Error("no test derived");
  return test;
}

const dir = new URL("../../../lexicons/", import.meta.url);
const bundled = readdirSync(dir)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => parseYaml(readFileSync(new URL(f, dir), "utf8")) as { entries: unknown[] });
const bundledEntries = bundled.flatMap((p) => p.entries);

// Values a field may wrongly or rightly hold: untrimmed, empty, one code point in two units, a
// list reference, URLs good and bad, numbers out of range, the wrong kind.
const leaf = fc.constantFrom<unknown>(
  "a1",
  "t.x-1",
  "Bad Id",
  " 词 ",
  "",
  "中",
  "𠮷",
  "$list",
  "https://example.org/a",
  "not a url",
  "词语",
  "error",
  "term",
  0,
  1,
  3,
  -1,
  1.5,
  501,
  Number.NaN,
  true,
  false,
  null,
  undefined,
);
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("v"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("document", "url", "article", "flag", "pass", "width", "x"), tie("v"), {
      maxKeys: 3,
    }),
  ),
})).v;

type Path = (string | number)[];

/** Every place in `v` a mutation can land: each existing key or index, and a new key in each object. */
function places(v: unknown, at: Path = []): Path[] {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => places(x, [...at, i]))];
  if (typeof v === "object" && v !== null)
    return [at, [...at, "extra"], ...Object.entries(v).flatMap(([k, x]) => places(x, [...at, k]))];
  return [at];
}

/** A copy of `v` with the value at `path` replaced (or, for undefined, deleted). */
function mutated(v: unknown, path: Path, to: unknown): unknown {
  if (path.length === 0) return to;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  const [key, ...rest] = path as [string | number, ...Path];
  if (rest.length === 0 && to === undefined && !Array.isArray(copy)) delete copy[key];
  else copy[key] = mutated(copy[key], rest, to);
  return copy;
}

/** A value of `base` with one place (chosen by `pick`) given another value. */
const mutationOf = (base: fc.Arbitrary<unknown>) =>
  fc.tuple(base, fc.nat(), value).map(([v, pick, to]) => {
    const all = places(v);
    return mutated(v, all[pick % all.length] as Path, to);
  });

describe("unchangedBy", () => {
  it("says true of an entry exactly when zod returns it unchanged: bundled entries, one place changed", () => {
    const test = testOf(Entry);
    fc.assert(
      fc.property(mutationOf(fc.constantFrom(...bundledEntries)), (v) => {
        expect(test(v)).toBe(zodKeeps(Entry, v));
      }),
      { numRuns: 3000 },
    );
  });

  it("says true of a bundled entry zod returns as it is, and false of one zod fills in", () => {
    const test = testOf(Entry);
    const kept = bundledEntries.filter((e) => zodKeeps(Entry, e));
    // most entries of a reviewer's file need nothing filled in; those are taken without zod
    expect(kept.length).toBeGreaterThan(bundledEntries.length / 2);
    for (const e of bundledEntries) expect(test(e)).toBe(zodKeeps(Entry, e));
  });

  it("says true of compiled lexicons exactly when zod returns them unchanged", () => {
    const test = testOf(CompiledSchema);
    const packs = readdirSync(dir)
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => parseLexicon(readFileSync(new URL(f, dir), "utf8"), f));
    const compiled = JSON.parse(JSON.stringify(compile(packs).serialize())) as unknown;
    expect(test(compiled)).toBe(true);
    const all = places(compiled);
    const changed = fc
      .tuple(fc.nat(all.length - 1), value)
      .map(([i, to]) => mutated(compiled, all[i] as Path, to));
    fc.assert(
      fc.property(changed, (v) => {
        expect(test(v)).toBe(zodKeeps(CompiledSchema, v));
      }),
      { numRuns: 1000 },
    );
  });

  it("runs the schema's checks as zod does", () => {
    const cases: [z.ZodType, unknown, boolean][] = [
      [z.string().trim(), " a", false],
      [z.string().trim(), "a", true],
      // zod counts code points: 𠮷 is two units and one code point
      [z.string().min(2), "𠮷", false],
      [z.string().min(2), "𠮷a", true],
      [z.string().max(1), "ab", false],
      [z.string().url(), "not a url", false],
      [z.string().url(), "https://example.org", true],
      [z.int().min(0).max(31), 32, false],
      [z.int().min(0).max(31), 3.5, false],
      [z.int().positive(), 0, false],
      [z.number(), Number.POSITIVE_INFINITY, false],
      [z.object({ a: z.number() }).refine((o) => o.a > 1), { a: 1 }, false],
      [z.object({ a: z.number() }).refine((o) => o.a > 1), { a: 2 }, true],
      [z.object({ a: z.string().optional() }), {}, true],
      [z.object({ a: z.string() }), {}, false],
      [z.object({ a: z.string() }), { a: "x", b: 1 }, false],
      [z.object({ a: z.array(z.string()).default([]) }), {}, false],
      [z.record(z.string(), z.number()), { a: 1 }, true],
      // zod's output is an object of Object's prototype
      [z.object({ a: z.string() }), Object.assign(Object.create(null), { a: "x" }), false],
      [z.record(z.string(), z.number()), Object.assign(Object.create(null), { a: 1 }), false],
      // a hole, which zod reads as undefined
      [z.array(z.string()), Object.assign(new Array<string>(2), { 1: "a" }), false],
      [z.array(z.string().optional()), Object.assign(new Array<string>(2), { 1: "a" }), false],
      [z.array(z.string()), new (class extends Array<string> {})(), false],
      // zod trims a URL
      [z.string().url(), " https://example.org", false],
      // a key JSON.parse makes own, which zod strips
      [z.record(z.string(), z.array(z.string())), JSON.parse('{"__proto__": ["x"]}'), false],
      [z.number().lt(3), 3, false],
      [z.number().lt(3), 2, true],
      [z.object({ a: z.string().default("x") }), { a: "y" }, true],
      // absent, where only undefined is allowed: zod wants the key
      [z.object({ a: z.literal(undefined) }), {}, false],
    ];
    for (const [schema, v, kept] of cases) {
      expect(testOf(schema)(v)).toBe(kept);
      expect(zodKeeps(schema, v)).toBe(kept);
    }
    // a global pattern keeps its place between tests; zod starts it again each time
    const global = testOf(z.string().regex(/a/g));
    expect([global("a"), global("a")]).toEqual([true, true]);
  });

  it("derives no test from a schema with a part it does not know", () => {
    expect(unchangedBy(z.string().transform((s) => s.length))).toBeUndefined();
    expect(unchangedBy(z.object({ a: z.lazy(() => z.string()) }))).toBeUndefined();
    expect(unchangedBy(z.array(z.coerce.number()))).toBeUndefined();
    // two options that both take strings: which one zod returns is not read from the value's kind
    expect(unchangedBy(z.union([z.string().trim(), z.string()]))).toBeUndefined();
    expect(unchangedBy(z.object({ a: z.string().default("x").optional() }))).toBeUndefined();
    expect(unchangedBy(z.object({ a: z.string().exactOptional() }))).toBeUndefined();
    expect(unchangedBy(z.object({ [Symbol("s")]: z.string() }))).toBeUndefined();
    // zod reads a missing toString from Object's prototype
    expect(unchangedBy(z.object({ toString: z.string().optional() }))).toBeUndefined();
    const a = z.object({ k: z.literal("a") });
    expect(unchangedBy(z.discriminatedUnion("k", [a, a.extend({ b: z.string() })]))).toBeUndefined();
    const Tree: z.ZodType = z.object({
      get children() {
        return z.array(Tree);
      },
    });
    expect(unchangedBy(Tree)).toBeUndefined();
  });
});

describe("parsing packs with unchanged entries", () => {
  const head = { id: "t", name: "测试", version: "1.0.0" };
  const entry = mutationOf(fc.constantFrom(...bundledEntries));

  it("gives the pack and problems zod gives, in JSON and in YAML", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...bundledEntries), entry), { maxLength: 6 }),
        (entries) => {
          // as a file holds it: no undefined, no NaN
          const raw: unknown = JSON.parse(JSON.stringify({ ...head, entries }));
          const expected = Pack.safeParse(raw);
          // one problem per issue, but for unknown keys: one per key (at the key); in the file's order
          const messages = expected.success
            ? []
            : (Pack.safeParse(raw, { reportInput: true }).error?.issues ?? [])
                .flatMap((i): z.core.$ZodIssue[] =>
                  i.code === "unrecognized_keys" ? i.keys.map((key) => ({ ...i, keys: [key] })) : [i],
                )
                .map((i) => describeIssue(i, YAML_WORDS))
                .sort();
          for (const [source, file] of [
            [JSON.stringify(raw), "t.json"],
            [stringifyYaml(raw), "t.yaml"],
          ] as const) {
            const parsed = parseLexicon(source, file);
            expect(parsed.pack).toStrictEqual(expected.success ? expected.data : undefined);
            // zod's issues of the whole pack, each one problem
            expect(parsed.problems.map((p) => p.message).sort()).toEqual(messages);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("fills in what an entry leaves to its defaults, and keeps a pack whose head zod fills in", () => {
    const raw = {
      ...head,
      entries: [
        { id: "a", kind: "term", message: "m", terms: ["甲乙"] },
        { id: "b", kind: "term", message: "m", terms: ["丙丁"], examples: { flag: ["丙丁"] } },
        { id: "c", kind: "enumeration", message: "m", items: ["一", "二"] },
      ],
    };
    const parsed = parseLexicon(JSON.stringify(raw), "t.json");
    expect(parsed.pack).toStrictEqual(Pack.parse(raw));
    expect(parsed.pack?.entries[1]).toMatchObject({ examples: { flag: ["丙丁"], pass: [] } });
    expect(parsed.pack?.entries[2]).toMatchObject({ wrongItems: {} });
    expect(parsed.pack?.defaults).toEqual({
      severity: "warning",
      category: "其他",
      normalize: {},
      boundary: false,
    });
  });

  it("reports a bad entry among good ones where zod does", () => {
    const entries = Array.from({ length: 50 }, (_, i) => ({
      id: `e${i}`,
      kind: "term",
      message: "m",
      terms: ["词语"],
    }));
    entries[37] = { ...entries[37], terms: [" "] } as (typeof entries)[number];
    const parsed = parseLexicon(JSON.stringify({ ...head, entries }, null, 2), "t.json");
    expect(parsed.pack).toBeUndefined();
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ code: "schema", line: expect.any(Number) });
    expect(parsed.locate(["entries", 37, "terms", 0]).line).toBe(parsed.problems[0]?.line);
    // a bad head and good entries, then a bad head and a bad entry: each problem reported
    const badHead = parseLexicon(
      JSON.stringify({ ...head, version: "1", entries: entries.slice(0, 3) }),
      "t.json",
    );
    expect(badHead.problems.map((p) => p.code)).toEqual(["schema"]);
    const both = parseLexicon(JSON.stringify({ ...head, version: "1", entries }), "t.json");
    expect(both.problems.map((p) => p.code)).toEqual(["schema", "schema"]);
  });
});

/** The compiled file of one bundled entry, as JSON.parse reads it. */
function builtFile() {
  const pack = { id: "t", name: "测试", version: "1.0.0", entries: [bundledEntries[0]] };
  return JSON.parse(JSON.stringify(compile([parseLexicon(JSON.stringify(pack), "t.json")]).serialize()));
}

describe("the fast path is taken", () => {
  // zod writes an object's keys in the schema's order; an entry taken as it is keeps the file's
  it("keeps an entry of a pack as the file wrote it", () => {
    const entry = { terms: ["词语"], message: "m", kind: "term", id: "a" };
    const parsed = parseLexicon(
      JSON.stringify({ id: "t", name: "测试", version: "1.0.0", entries: [entry] }),
      "t.json",
    );
    expect(Object.keys(parsed.pack?.entries[0] ?? {})).toEqual(Object.keys(entry));
    expect(Object.keys(Entry.parse(entry))).not.toEqual(Object.keys(entry));
  });

  it("keeps a compiled file as it was written", () => {
    const built = builtFile();
    const reordered = {
      ...built,
      looks: built.looks.map((l: object) => Object.fromEntries(Object.entries(l).reverse())),
    };
    const data = parseCompiled(JSON.stringify(reordered), "c.json").data;
    expect(Object.keys(data?.looks[0] ?? {})).toEqual(Object.keys(reordered.looks[0]));
    expect(Object.keys(CompiledSchema.parse(reordered).looks[0] ?? {})).not.toEqual(
      Object.keys(reordered.looks[0]),
    );
  });
});

describe("parsing compiled lexicons", () => {
  it("takes a file as built, and one with a key zod strips gives what zod gives", () => {
    const built = builtFile();
    expect(parseCompiled(JSON.stringify(built), "c.json").data).toStrictEqual(built);
    const extra = { ...built, looks: built.looks.map((l: object) => ({ ...l, note: "x" })) };
    const parsed = parseCompiled(JSON.stringify(extra), "c.json");
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toStrictEqual(built);
  });
});
