import type { RuleInfo } from "../compile.js";
import type { Automaton } from "../match/automaton.js";
import { patternError } from "../rules/pattern.js";
import { ROLES_OF_KIND, Role, ruleIdOf } from "../rules/rule.js";
import {
  type CompiledLexicons,
  decodeAutomaton,
  type EncodedAutomaton,
  type ProfileData,
} from "../serialize.js";
import type { JsonPath } from "./jsonLocation.js";
import type { CompiledProblemCode } from "./problem.js";

export type Report = (code: CompiledProblemCode, path: JsonPath, message: string) => void;

const ROLES = new Set<number>(Object.values(Role));

/**
 * What the structure cannot say about compiled lexicons and the screener trusts without checking:
 * the base64 arrays decode to whole numbers, every index points inside its array, the automaton's
 * links lead to shallower states (so scanning ends and a match never starts before the text), and
 * targets name rules, roles and items that exist. A file that fails here would crash the screener,
 * hang it, or screen wrong without a word. Each array reports its first fault only.
 */
export function checkCompiled(data: CompiledLexicons, report: Report): void {
  checkPacks(data, report);
  const rulesNamed = checkRules(data, report);
  const keys = new Map<number, number>();
  data.profiles.forEach((profile, p) => {
    const at = ["profiles", p];
    const earlier = keys.get(profile.key);
    if (earlier !== undefined)
      report("bad-automaton", [...at, "key"], `归一化配置 ${profile.key} 与 profiles.${earlier} 重复`);
    keys.set(profile.key, p);
    const automaton = decodeChecked(profile.automaton, [...at, "automaton"], report);
    if (!automaton) return;
    const alphabetSize = profile.automaton.alphabet.length;
    if (!checkAutomaton(automaton, alphabetSize, [...at, "automaton"], report)) return;
    if (rulesNamed)
      checkTargets(profile.targets, automaton.patternLength.length, data, [...at, "targets"], report);
  });
}

function checkPacks(data: CompiledLexicons, report: Report): void {
  const seen = new Map<string, number>();
  data.packs.forEach((pack, i) => {
    const earlier = seen.get(pack.id);
    if (earlier !== undefined)
      report("duplicate-pack", ["packs", i, "id"], `词库编号「${pack.id}」与 packs.${earlier} 重复`);
    seen.set(pack.id, i);
  });
}

/**
 * Looks of known packs, whose patterns compile; rules that name a look, with ids that are unique.
 * False when some rule names no look (its targets cannot be checked then).
 */
function checkRules(data: CompiledLexicons, report: Report): boolean {
  const packs = new Set(data.packs.map((p) => p.id));
  const profiles = new Set(data.profiles.map((p) => p.key));
  data.looks.forEach((look, i) => {
    const at = ["looks", i];
    if (!packs.has(look.lexiconId))
      report("bad-rule", [...at, "lexiconId"], `规则所属的词库「${look.lexiconId}」不在 packs 中`);
    if (look.kind === "pattern") {
      if (!profiles.has(look.profileKey))
        report(
          "bad-rule",
          [...at, "profileKey"],
          `pattern 规则的归一化配置 ${look.profileKey} 不在 profiles 中，这条规则永远不会命中`,
        );
      const why = patternError(look.pattern as string);
      if (why !== undefined) report("bad-rule", [...at, "pattern"], `正则表达式无法编译（RE2）：${why}`);
    }
  });
  const { entry, look } = data.rules;
  if (look.length !== entry.length) {
    report("bad-rule", ["rules", "look"], `有 ${look.length} 项，应与 rules.entry 一样有 ${entry.length} 项`);
    return false;
  }
  const ruleIds = new Set<string>();
  for (let i = 0; i < entry.length; i++) {
    const shared = data.looks[look[i] as number];
    if (!shared) {
      const have =
        data.looks.length === 0
          ? "looks 是空的"
          : `looks 只有 ${data.looks.length} 种（0–${data.looks.length - 1}）`;
      report("bad-rule", ["rules", "look", i], `指向第 ${look[i]} 种规则，但 ${have}`);
      return false;
    }
    const ruleId = ruleIdOf(shared.lexiconId, entry[i] as string);
    if (ruleIds.has(ruleId)) {
      report("bad-rule", ["rules", "entry", i], `规则编号「${ruleId}」重复`);
      break;
    }
    ruleIds.add(ruleId);
  }
  checkDisabled(data, packs, ruleIds, report);
  return true;
}

/** Entries switched off: of known packs, named as their pack and entry say, each once, none screened. */
function checkDisabled(
  data: CompiledLexicons,
  packs: Set<string>,
  ruleIds: Set<string>,
  report: Report,
): void {
  data.disabled.some((info, i) => {
    const fault = disabledFault(info, packs, ruleIds);
    if (fault) report("bad-rule", ["disabled", i, fault.field], fault.message);
    else ruleIds.add(info.ruleId);
    return fault !== undefined; // the first fault only
  });
}

function disabledFault(
  info: RuleInfo,
  packs: Set<string>,
  ruleIds: Set<string>,
): { field: keyof RuleInfo; message: string } | undefined {
  if (info.disabled !== true) return { field: "disabled", message: "应为 true：这里只列停用的条目" };
  if (!packs.has(info.lexiconId))
    return { field: "lexiconId", message: `所属的词库「${info.lexiconId}」不在 packs 中` };
  const ruleId = ruleIdOf(info.lexiconId, info.entryId);
  if (info.ruleId !== ruleId) return { field: "ruleId", message: `应为「${ruleId}」` };
  if (ruleIds.has(ruleId)) return { field: "ruleId", message: `规则编号「${ruleId}」重复` };
  return undefined;
}

type ArrayField = Exclude<keyof EncodedAutomaton, "alphabet">;

/** Bytes per element of each typed array (serialize.ts decodes them into these widths). */
const WIDTH: Record<ArrayField, number> = {
  rootNext: 4,
  edgeStart: 4,
  edgeChar: 2,
  edgeTarget: 4,
  fail: 4,
  out: 4,
  outLink: 4,
  patternLength: 4,
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The typed arrays, or undefined (reported) when a field is not base64 of whole elements. */
function decodeChecked(encoded: EncodedAutomaton, at: JsonPath, report: Report): Automaton | undefined {
  let ok = true;
  for (const field of Object.keys(WIDTH) as ArrayField[]) {
    const text = encoded[field];
    if (text.length % 4 !== 0 || !BASE64.test(text)) {
      report("bad-base64", [...at, field], "不是有效的 base64 文本（文件可能被截断或改动过）");
      ok = false;
      continue;
    }
    const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
    const bytes = (text.length / 4) * 3 - padding;
    if (bytes % WIDTH[field] !== 0) {
      report(
        "bad-base64",
        [...at, field],
        `base64 解码后是 ${bytes} 字节，不是 ${WIDTH[field]} 字节一个数的整数倍（文件可能被截断或改动过）`,
      );
      ok = false;
    }
  }
  const seen = new Uint8Array(0x10000);
  for (let i = 0; i < encoded.alphabet.length; i++) {
    const unit = encoded.alphabet.charCodeAt(i);
    if (seen[unit]) {
      report("bad-automaton", [...at, "alphabet"], `字母表中「${encoded.alphabet[i]}」出现了两次`);
      ok = false;
      break;
    }
    seen[unit] = 1;
  }
  return ok ? decodeAutomaton(encoded) : undefined;
}

/**
 * The automaton as `scan` and the screener read it (match/automaton.ts): a trie whose states are
 * all reached from the root by exactly one edge, edges of a state in ascending alphabet order,
 * `rootNext` mirroring the root's edges, failure and output links to strictly shallower states, and
 * each pattern's length equal to the depth of the state where it ends.
 */
function checkAutomaton(a: Automaton, alphabetSize: number, at: JsonPath, report: Report): boolean {
  const fault = (field: keyof EncodedAutomaton, message: string) => {
    report("bad-automaton", [...at, field], message);
    return false;
  };
  const states = a.fail.length;
  const edges = a.edgeChar.length;
  const patterns = a.patternLength.length;
  if (a.rootNext.length !== alphabetSize + 1)
    return fault(
      "rootNext",
      `应有 ${alphabetSize + 1} 项（字母表的字符数加 1），实际 ${a.rootNext.length} 项`,
    );
  if (states < 1) return fault("fail", "至少应有一个状态（根）");
  if (a.edgeStart.length !== states + 1)
    return fault("edgeStart", `应有 ${states + 1} 项（状态数加 1），实际 ${a.edgeStart.length} 项`);
  if (a.out.length !== states) return fault("out", `应有 ${states} 项（状态数），实际 ${a.out.length} 项`);
  if (a.outLink.length !== states)
    return fault("outLink", `应有 ${states} 项（状态数），实际 ${a.outLink.length} 项`);
  if (a.edgeTarget.length !== edges)
    return fault("edgeTarget", `应与 edgeChar 一样有 ${edges} 项，实际 ${a.edgeTarget.length} 项`);
  if (a.edgeStart[0] !== 0 || a.edgeStart[states] !== edges)
    return fault("edgeStart", `应从 0 开始、以边数 ${edges} 结束`);
  for (let s = 0; s < states; s++) {
    if ((a.edgeStart[s + 1] as number) < (a.edgeStart[s] as number))
      return fault("edgeStart", `第 ${s + 1} 项比前一项小`);
  }

  // breadth-first from the root: each state gets its depth from its one incoming edge
  const depth = new Int32Array(states).fill(-1);
  const queue = new Int32Array(states);
  depth[0] = 0;
  let reached = 1;
  for (let head = 0; head < reached; head++) {
    const s = queue[head] as number;
    let previous = 0;
    for (let e = a.edgeStart[s] as number; e < (a.edgeStart[s + 1] as number); e++) {
      const c = a.edgeChar[e] as number;
      if (c < 1 || c > alphabetSize)
        return fault("edgeChar", `第 ${e} 条边的字符编号 ${c} 超出字母表（1–${alphabetSize}）`);
      if (c <= previous) return fault("edgeChar", `状态 ${s} 的边没有按字符编号升序排列（第 ${e} 条边）`);
      previous = c;
      const t = a.edgeTarget[e] as number;
      if (t < 1 || t >= states) return fault("edgeTarget", `第 ${e} 条边指向状态 ${t}，超出 1–${states - 1}`);
      if (depth[t] !== -1) return fault("edgeTarget", `状态 ${t} 有不止一条入边（第 ${e} 条边）`);
      depth[t] = (depth[s] as number) + 1;
      queue[reached++] = t;
    }
  }
  if (reached !== states) return fault("edgeTarget", `有 ${states - reached} 个状态从根出发到达不了`);

  let rootChildren = 0;
  for (let c = 0; c < a.rootNext.length; c++) if (a.rootNext[c] !== 0) rootChildren++;
  if (rootChildren !== (a.edgeStart[1] as number)) return fault("rootNext", "与根状态的边不一致");
  for (let e = 0; e < (a.edgeStart[1] as number); e++) {
    if (a.rootNext[a.edgeChar[e] as number] !== a.edgeTarget[e])
      return fault("rootNext", "与根状态的边不一致");
  }

  for (let s = 1; s < states; s++) {
    const f = a.fail[s] as number;
    if (f < 0 || f >= states || (depth[f] as number) >= (depth[s] as number))
      return fault("fail", `状态 ${s} 的失败链接 ${f} 没有指向更浅的状态`);
  }
  for (let s = 0; s < states; s++) {
    const o = a.out[s] as number;
    if (o < -1 || o >= patterns) return fault("out", `状态 ${s} 输出第 ${o} 个词，超出 0–${patterns - 1}`);
    if (o >= 0 && a.patternLength[o] !== depth[s])
      return fault(
        "patternLength",
        `第 ${o} 个词的长度记为 ${a.patternLength[o]}，但它结束的状态深度是 ${depth[s]}`,
      );
    const l = a.outLink[s] as number;
    if (l === -1) continue;
    if (l < 0 || l >= states || (a.out[l] as number) < 0 || (depth[l] as number) >= (depth[s] as number))
      return fault("outLink", `状态 ${s} 的输出链接 ${l} 没有指向更浅的、有词结束的状态`);
  }
  return true;
}

/** Targets of pattern p: triples (rule, role, arg) in data[start[p] .. start[p + 1]). */
function checkTargets(
  targets: ProfileData<unknown>["targets"],
  patterns: number,
  { looks, rules }: CompiledLexicons,
  at: JsonPath,
  report: Report,
): boolean {
  const { start, data } = targets;
  const fault = (path: JsonPath, message: string) => {
    report("bad-target", [...at, ...path], message);
    return false;
  };
  if (start.length !== patterns + 1)
    return fault(
      ["start"],
      `应有 ${patterns + 1} 项（自动机的词数 ${patterns} 加 1），实际 ${start.length} 项`,
    );
  if (start[0] !== 0) return fault(["start", 0], `第一项应为 0，实际是 ${start[0]}`);
  for (let p = 1; p <= patterns; p++) {
    const value = start[p] as number;
    if (value < (start[p - 1] as number) || value % 3 !== 0)
      return fault(
        ["start", p],
        `应是不小于前一项的 3 的倍数（每个目标三个数：规则、角色、参数），实际是 ${value}`,
      );
  }
  if (start[patterns] !== data.length)
    return fault(["start", patterns], `最后一项应等于 data 的长度 ${data.length}，实际是 ${start[patterns]}`);
  for (let t = 0; t < data.length; t += 3) {
    const index = data[t] as number;
    const role = data[t + 1] as number;
    const arg = data[t + 2] as number;
    // read from the rule's look, as the screener will: no rule is made to be checked
    const look = looks[rules.look[index] as number];
    const count = rules.entry.length;
    if (!look)
      return fault(["data", t], `指向第 ${index} 条规则，但 rules 只有 ${count} 条（0–${count - 1}）`);
    if (!ROLES.has(role)) return fault(["data", t + 1], `角色 ${role} 不存在（应为 0–${ROLES.size - 1}）`);
    if (arg < 0) return fault(["data", t + 2], `参数 ${arg} 不能是负数`);
    if (!ROLES_OF_KIND[look.kind].includes(role as Role))
      return fault(
        ["data", t + 1],
        `规则「${ruleIdOf(look.lexiconId, rules.entry[index] as string)}」是 ${look.kind}，不会有角色 ${role}（${roleName(role)}）的词`,
      );
    if (role === Role.item || role === Role.wrongItem) {
      const items = look.kind === "enumeration" ? (look.items?.length ?? 0) : 0;
      if (arg >= items)
        return fault(
          ["data", t + 2],
          `列举项编号 ${arg} 超出规则「${ruleIdOf(look.lexiconId, rules.entry[index] as string)}」的 ${items} 项`,
        );
    }
    if (role === Role.group) {
      const groups = look.kind === "near" ? (look.groupCount ?? 0) : 0;
      if (arg >= groups)
        return fault(
          ["data", t + 2],
          `词组编号 ${arg} 超出规则「${ruleIdOf(look.lexiconId, rules.entry[index] as string)}」的 ${groups} 组`,
        );
    }
  }
  return true;
}

function roleName(role: number): string {
  return Object.entries(Role).find(([, value]) => value === role)?.[0] ?? String(role);
}
