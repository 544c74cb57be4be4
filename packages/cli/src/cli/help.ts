import type { Command, Help, Option } from "commander";
import { stringWidth } from "../report/width.js";

/** commander writes its section titles in English; reviewers read Chinese. */
const TITLES: Record<string, string> = {
  "Usage:": "用法：",
  "Arguments:": "参数：",
  "Options:": "选项：",
  "Commands:": "命令：",
  "Global Options:": "全局选项：",
};

export const helpConfiguration: Partial<Help> = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  // Defaults and choices are written into our own (Chinese) descriptions instead of "(default: …)".
  optionDescription: (option: Option) => option.description,
  // Align the help's columns by terminal width: Chinese argument names are two columns per character.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI colour codes
  displayWidth: (text: string) => stringWidth(text.replace(/\u001b\[[0-9;]*m/g, "")),
  subcommandTerm: (command: Command) => {
    const args = command.registeredArguments.map((arg) => {
      const name = arg.name() + (arg.variadic ? "..." : "");
      return arg.required ? `<${name}>` : `[${name}]`;
    });
    const options = command.options.length > 0 ? ["[选项]"] : [];
    return [command.name(), ...options, ...args].join(" ");
  },
};

export const PROGRAM_EXAMPLES = `
示例：
  shengao check 稿件.md                     检查一篇稿件
  shengao check drafts/ "posts/**/*.html"   检查文件夹（递归）和 glob 匹配的文件
  pbpaste | shengao check -                 检查标准输入
  shengao check --format sarif -o out.sarif drafts/
  shengao lexicon validate                  检查默认词库的格式
  shengao lexicon test lexicons/ad-law.yaml 运行词库里的自测例句

退出码：0 没有问题；1 有错误级问题（或警告超过 --max-warnings）；2 用法、词库或文件错误。
`;

export const CHECK_HELP_AFTER = `
支持的文件：.txt .md .markdown（按原文检查，行号列号与文件一致）、
  .html .htm（只检查页面上看得见的文字：不含 script、style、head、template）、
  .docx（Word 文档的纯文字）。.html 和 .docx 的行号、列号指提取出来的纯文字，不是文件本身。
  文件夹会递归检查（跳过 node_modules 和以 . 开头的文件夹）；"-" 表示从标准输入读取。
  列号按 UTF-16 码元计数（与 ESLint、SARIF 相同）。

词库：默认使用内置词库文件夹里的全部词库；--lexicon 追加词库（可多次使用，文件或文件夹），
  --no-default-lexicons 只用 --lexicon 给出的词库。有错误的词库会在标准错误里列出并跳过，
  其余词库照常检查，此时退出码为 2。

退出码：0 没有问题；1 有错误级问题，或警告数超过 --max-warnings；2 用法、词库或文件错误。

示例：
  shengao check 稿件.md
  shengao check drafts/ "posts/**/*.{md,html}"
  cat 稿件.txt | shengao check -
  shengao check --quiet drafts/                        只看错误
  shengao check --max-warnings 0 drafts/               有警告也算不通过
  shengao check --lexicon 本社词库.yaml 稿件.docx       在默认词库之外加一个词库
  shengao check --format json -o report.json drafts/
  shengao check --format sarif -o shengao.sarif drafts/  给代码扫描平台用
`;

export const LEXICON_HELP_AFTER = `
不写文件时，处理默认词库文件夹里的全部词库。

示例：
  shengao lexicon validate                       检查词库格式和词库之间的冲突
  shengao lexicon test lexicons/political.yaml   运行自测例句
  shengao lexicon stats --format json
  shengao lexicon build --out lexicons/dist/compiled.json
`;
