import { type Hit, Role } from "./rule.js";

/** ints per hit: rule, role, arg, start, end, the same rule's next hit (-1: none), `Kept` */
const WIDTH = 7;
const RULE = 0;
const ROLE = 1;
const ARG = 2;
const START = 3;
const END = 4;
const NEXT = 5;
const KEPT = 6;

/** Whether a hit makes a finding: not (yet), kept by its rule, or a lone hit (`addLone`). */
export const Kept = { no: 0, yes: 1, lone: 2 } as const;
export type Kept = (typeof Kept)[keyof typeof Kept];

/**
 * The hits of one screen, grouped by rule, in flat arrays reused across screens. A big word list
 * hits a thousand rules of a post once each: an object and a list per hit cost as much as finding
 * the hits did, so a hit is a row of ints, and the rule's hits become `Hit` objects only when a
 * rule asks for them (`hitsOf`).
 */
export class HitTable {
  /** the rules hit, in the order of their first hit */
  readonly rulesHit: number[] = [];
  /**
   * per rule, side by side so that a hit on a rule touches one cache line of a big lexicon's
   * table: its first hit (-1: none), its last hit (where the next one is chained)
   */
  private readonly ofRule: Int32Array;
  /** grows to the most hits a screen has had and stays so, as the normalisation buffer does */
  private rows = new Int32Array(WIDTH * 256);
  /** the hits added since the last `clear`, rows 0 to length - 1, in the order they were added */
  length = 0;

  constructor(rules: number) {
    this.ofRule = new Int32Array(2 * rules).fill(-1);
  }

  add(rule: number, role: Role, arg: number, start: number, end: number): void {
    const h = this.row(rule, role, arg, start, end, Kept.no);
    const of = this.ofRule;
    const r = 2 * rule;
    if (of[r] === -1) {
      of[r] = h;
      this.rulesHit.push(rule);
    } else this.rows[(of[r + 1] as number) * WIDTH + NEXT] = h;
    of[r + 1] = h;
  }

  /**
   * Adds a hit that is a finding of its rule by itself, if it keeps to words (`keepsWords`): a hit
   * that no other hit of its rule can hide or overlap. It joins no rule's hits (`first`, `next`,
   * `rulesHit`), sparing a big word list's hit the cold line of its rule in the table.
   */
  addLone(rule: number, start: number, end: number): void {
    this.row(rule, Role.hit, 0, start, end, Kept.lone);
  }

  private row(rule: number, role: Role, arg: number, start: number, end: number, kept: Kept): number {
    if ((this.length + 1) * WIDTH > this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const h = this.length++;
    const at = h * WIDTH;
    const rows = this.rows;
    rows[at + RULE] = rule;
    rows[at + ROLE] = role;
    rows[at + ARG] = arg;
    rows[at + START] = start;
    rows[at + END] = end;
    rows[at + NEXT] = -1;
    rows[at + KEPT] = kept;
    return h;
  }

  /** The first hit of `rule` (-1: none), read with `role`, `start` and `end` without an object. */
  first(rule: number): number {
    return this.ofRule[2 * rule] as number;
  }

  role(h: number): Role {
    return this.rows[h * WIDTH + ROLE] as Role;
  }

  start(h: number): number {
    return this.rows[h * WIDTH + START] as number;
  }

  end(h: number): number {
    return this.rows[h * WIDTH + END] as number;
  }

  /** The hit of the same rule added after hit `h`, or -1. */
  next(h: number): number {
    return this.rows[h * WIDTH + NEXT] as number;
  }

  rule(h: number): number {
    return this.rows[h * WIDTH + RULE] as number;
  }

  /** Marks hit `h` as one that makes a finding, for a caller that reads the hits in order. */
  keep(h: number): void {
    this.rows[h * WIDTH + KEPT] = Kept.yes;
  }

  kept(h: number): Kept {
    return this.rows[h * WIDTH + KEPT] as Kept;
  }

  /** Every hit of `rule`, in the order they were added. */
  hitsOf(rule: number): Hit[] {
    const hits: Hit[] = [];
    for (let h = this.first(rule); h !== -1; h = this.next(h)) hits.push(this.hit(h));
    return hits;
  }

  /** Forgets every hit; only the rules hit are reset, not the whole table. */
  clear(): void {
    for (const rule of this.rulesHit) this.ofRule[2 * rule] = -1;
    this.rulesHit.length = 0;
    this.length = 0;
  }

  private hit(h: number): Hit {
    const at = h * WIDTH;
    const rows = this.rows;
    return {
      rule: rows[at + RULE] as number,
      role: rows[at + ROLE] as Role,
      arg: rows[at + ARG] as number,
      start: rows[at + START] as number,
      end: rows[at + END] as number,
    };
  }
}
