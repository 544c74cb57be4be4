import { z } from "zod";

/**
 * The lexicon format, written once. Types, the committed JSON Schema (lexicons/schema/lexicon.schema.json)
 * and the reviewers' guide all derive from this file.
 */

export const SEVERITIES = ["error", "warning", "info"] as const;
export const Severity = z.enum(SEVERITIES).describe("error：必须修改；warning：建议修改；info：提示");
export type Severity = z.infer<typeof Severity>;

export const RULE_KINDS = [
  "term",
  "replace",
  "canonical",
  "enumeration",
  "juxtaposition",
  "near",
  "pattern",
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "id 只能用小写字母、数字、点、下划线和连字符，且以字母或数字开头");

const Text = z.string().trim().min(1, "不能为空");

export const NormalizeSwitches = z
  .object({
    width: z.boolean().describe("全角转半角并做 NFKC 兼容归一"),
    case: z.boolean().describe("大小写折叠"),
    traditional: z.boolean().describe("繁体转简体（OpenCC 字表）"),
    invisible: z.boolean().describe("删除零宽字符、BOM、软连字符、组合符号"),
    noise: z
      .boolean()
      .describe(
        "跳过词内插入的空格、标点、符号和表情（如 台 湾、台*湾）；句号、逗号等结束一句或分句的标点和顿号不跳过",
      ),
  })
  .partial()
  .strict()
  .describe("归一化开关；未写的开关取词库 defaults，再取默认值（全部开启）");
export type NormalizeSwitches = z.infer<typeof NormalizeSwitches>;

export const Basis = z
  .union([
    Text,
    z
      .object({
        document: Text.describe("依据的文件或标准名称"),
        article: Text.optional().describe("条款、章节"),
        url: z.string().url().optional(),
      })
      .strict(),
  ])
  .describe("依据：所引文件及条款");
export type Basis = z.infer<typeof Basis>;

const Examples = z
  .object({
    flag: z.array(Text).default([]).describe("必须被本条目标出的句子"),
    pass: z.array(Text).default([]).describe("不得被本条目标出的句子"),
  })
  .strict()
  .describe("自测例句");

const Terms = z.array(Text).min(1, "至少写一个词");

// Fields an entry may leave out are optional rather than defaulted: a default is a fresh array
// per entry, and a word list of 100,000 entries made 500,000 of them (half of zod's time).
const entryCommon = {
  id: Id.describe("条目编号，在本词库内唯一"),
  message: Text.describe("提示语（中文）"),
  severity: Severity.optional(),
  category: Text.optional().describe("类别，如 规范表述、禁用词、慎用词、广告法"),
  tags: z.array(Text).optional(),
  basis: Basis.optional(),
  suggestions: z.array(Text).optional().describe("建议的写法"),
  normalize: NormalizeSwitches.optional(),
  boundary: z.boolean().optional().describe("true：命中必须是完整的词，切断分词结果的命中不算"),
  exceptions: z.array(Text).optional().describe("包含命中的更长短语，在这些短语里不算问题"),
  examples: Examples.optional(),
};

/** A list is written inline, or names a list of the pack (`$countries`). */
const ListRef = z.union([
  z.array(Text).min(1),
  z
    .string()
    .regex(
      /^\$[a-z0-9_-]+$/,
      "列表引用写作 $ 加列表名，列表名只能用小写英文字母、数字、_ 和 -（如 $countries）",
    ),
]);

export const TermEntry = z
  .object({ ...entryCommon, kind: z.literal("term"), terms: Terms.describe("要标出的词及其变体") })
  .strict();
export const ReplaceEntry = z
  .object({
    ...entryCommon,
    kind: z.literal("replace"),
    terms: Terms.describe("错误写法"),
    replacement: Text.describe("正确写法，即一键修改的内容"),
  })
  .strict();
export const CanonicalEntry = z
  .object({
    ...entryCommon,
    kind: z.literal("canonical"),
    canonical: Text.describe("必须完整、准确书写的规范表述"),
    variants: Terms.describe("常见的错误写法：缺字、截短、换词"),
  })
  .strict();
export const EnumerationEntry = z
  .object({
    ...entryCommon,
    kind: z.literal("enumeration"),
    name: Text.optional().describe("总称，如 四个意识"),
    items: z.array(Text).min(2, "至少两项").describe("各项，按规定顺序"),
    minItems: z
      .number()
      .int()
      .min(2)
      .optional()
      .describe(
        "不紧跟在总称后面时，列出至少几项才按本条检查；不写则为全部的项或只少一项（至少两项）。其中几项单独连用也是常见写法的，写成全部的项数",
      ),
    wrongItems: z
      .record(z.string(), z.array(Text))
      .default({})
      .describe("常见的错项：正确项 → 错误写法，如 大局意识: [全局意识]"),
  })
  .strict();
export const JuxtapositionEntry = z
  .object({
    ...entryCommon,
    kind: z.literal("juxtaposition"),
    first: ListRef.describe("一组词，如 台湾、香港、澳门"),
    second: ListRef.describe("不得与第一组并列的词，如 国家名称（可写 $countries）"),
  })
  .strict();
export const NearEntry = z
  .object({
    ...entryCommon,
    kind: z.literal("near"),
    groups: z.array(Terms).min(2, "至少两组").describe("每组写若干同义词；各组都出现才算命中"),
    within: z.number().int().positive().max(500).describe("各组命中须在多少个字之内"),
  })
  .strict();
export const PatternEntry = z
  .object({
    ...entryCommon,
    kind: z.literal("pattern"),
    pattern: Text.describe("RE2 语法的正则表达式（线性时间，不支持回溯引用和环视）"),
  })
  .strict();

export const Entry = z.discriminatedUnion("kind", [
  TermEntry,
  ReplaceEntry,
  CanonicalEntry,
  EnumerationEntry,
  JuxtapositionEntry,
  NearEntry,
  PatternEntry,
]);
export type Entry = z.infer<typeof Entry>;
export type EntryOf<K extends RuleKind> = Extract<Entry, { kind: K }>;

export const Override = z
  .object({
    entry: z.string().regex(/^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/, "写作 词库编号/条目编号"),
    disabled: z.boolean().optional(),
    severity: Severity.optional(),
  })
  .strict()
  .refine((o) => o.disabled !== undefined || o.severity !== undefined, "写 disabled 或 severity");
export type Override = z.infer<typeof Override>;

export const Pack = z
  .object({
    $schema: z.string().optional(),
    id: Id.describe("词库编号"),
    name: Text.describe("词库名称"),
    description: Text.optional(),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, "版本号写作 1.0.0"),
    basis: Basis.optional(),
    defaults: z
      .object({
        severity: Severity.default("warning"),
        category: Text.default("其他"),
        normalize: NormalizeSwitches.default({}),
        boundary: z.boolean().default(false),
      })
      .strict()
      .default({ severity: "warning", category: "其他", normalize: {}, boundary: false }),
    lists: z
      .record(
        z
          .string()
          .regex(
            /^[a-z0-9_-]+$/,
            "列表名只能用小写英文字母、数字、_ 和 -（如 countries），引用时写 $countries",
          ),
        z.array(Text).min(1),
      )
      .default({})
      .describe("可被引用的词表"),
    overrides: z.array(Override).default([]).describe("停用其他词库的条目，或改变其级别"),
    entries: z.array(Entry).default([]),
  })
  .strict();
export type Pack = z.infer<typeof Pack>;
export type PackInput = z.input<typeof Pack>;

export function lexiconJsonSchema(): unknown {
  return z.toJSONSchema(Pack, { io: "input", target: "draft-7" });
}
