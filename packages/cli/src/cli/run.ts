import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { periodBound } from "../analysis/document-date.js";
import { MIN_DOCUMENTS_FOR_WORKERS } from "../analysis/screen-archive.js";
import { FORMATS } from "../report/index.js";
import { check } from "./check.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import {
  CHECK_HELP_AFTER,
  helpConfiguration,
  LEXICON_HELP_AFTER,
  PROGRAM_EXAMPLES,
  REPORT_HELP_AFTER,
} from "./help.js";
import { type CliIo, processIo } from "./io.js";
import { build } from "./lexicon/build.js";
import { testExamples } from "./lexicon/examples.js";
import { stats } from "./lexicon/stats.js";
import { validate } from "./lexicon/validate.js";
import { DEFAULT_REPORT_DIR, report } from "./report.js";
import { version } from "./version.js";

/** commander's own error messages, said in Chinese first; its English follows in parentheses. */
const USAGE_ERRORS: Record<string, string> = {
  "commander.unknownOption": "未知的选项",
  "commander.unknownCommand": "未知的命令",
  "commander.missingArgument": "缺少参数",
  "commander.optionMissingArgument": "选项缺少取值",
  "commander.missingMandatoryOptionValue": "缺少必需的选项",
  "commander.invalidArgument": "参数取值无效",
  "commander.excessArguments": "参数过多",
  "commander.conflictingOption": "选项冲突",
};

/**
 * Runs the shengao command line with `argv` (without `node` and the script) and returns the exit
 * code. Nothing here touches `process`: everything goes through `io`, so tests need no subprocess.
 */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  // commander's `help` takes one command: `help lexicon test` would show the help of lexicon
  const args = argv[0] === "help" && argv.length > 2 ? [...argv.slice(1), "--help"] : [...argv];
  try {
    await program.parseAsync(args, { from: "user" });
    return exitCode;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT.ok;
    // `help` asked for is exit 0; help shown because a command or a path was missing is a usage error.
    if (error.code === "commander.help") return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    io.stderr.write(`✖ ${usageError(error)}\n运行 ${commandOf(program, args)} --help 查看用法。\n`);
    return EXIT.usage;
  }
}

/**
 * commander's error in Chinese first: what was wrong, its guess at what was meant, the choices
 * an option has; its English (first line) follows in brackets.
 */
function usageError(error: CommanderError): string {
  const [english = "", ...rest] = error.message.replace(/^error: /, "").split("\n");
  const chinese = USAGE_ERRORS[error.code] ?? "用法错误";
  const named = /^unknown (?:command|option) '([^']+)'/.exec(english)?.[1];
  const meant = /Did you mean (?:one of )?(.+)\?\)?$/.exec(rest.join(" "))?.[1];
  const choices = /argument '([^']*)' is invalid\. Allowed choices are (.+)\.$/.exec(english);
  let said = chinese;
  if (named !== undefined) said += `「${named}」`;
  if (meant !== undefined) said += `，是不是要写 ${meant.split(/,\s*/).join(" 或 ")}？`;
  if (choices) said += `「${choices[1]}」，只能是 ${(choices[2] ?? "").split(/,\s*/).join("、")}`;
  return `${said}（${english}）`;
}

/** `shengao lexicon test`: the deepest command the arguments name, whose help tells the rest. */
function commandOf(program: Command, args: readonly string[]): string {
  const names = [program.name()];
  let command = program;
  for (const arg of args) {
    const sub = command.commands.find((c) => c.name() === arg);
    if (sub === undefined) break;
    names.push(arg);
    command = sub;
  }
  return names.join(" ");
}

function buildProgram(io: CliIo, setExit: (code: ExitCode) => void): Command {
  const program = new Command("shengao")
    .description("审稿 shengao：新媒体稿件发布前检查规范表述、禁用词和广告法用语（全部在本机完成，不联网）")
    .configureHelp(helpConfiguration)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => {},
      getOutHelpWidth: () => 100,
      getErrHelpWidth: () => 100,
    })
    .exitOverride()
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [命令]", "显示某个命令的帮助")
    .version(version, "-v, --version", "显示版本号")
    .usage("[选项] <命令>")
    .addHelpText("after", PROGRAM_EXAMPLES);

  program
    .command("check")
    .description("检查稿件：文件、文件夹、glob，或 - 表示标准输入")
    .argument("[路径...]", "要检查的文件、文件夹或 glob；- 表示标准输入")
    .usage("[选项] <路径...>")
    .addOption(
      new Option("-f, --format <格式>", "输出格式：stylish（默认，给人看）、json、sarif")
        .choices(FORMATS)
        .default("stylish"),
    )
    .option("-l, --lexicon <路径>", "追加词库文件或文件夹（可多次使用）", collect, [])
    .option("--no-default-lexicons", "不用默认词库，只用 --lexicon 给出的词库")
    .option("-q, --quiet", "只报告错误级问题（警告、提示不输出也不计数）", false)
    .option("--max-warnings <数量>", "警告数超过这个数时退出码为 1", nonNegativeInteger)
    .option(
      "-o, --output <文件>",
      "把报告写入文件，而不是标准输出（不能是被检查的文件或所用的词库文件；.txt、.md、.html 等会被检查的类型，不能写进被检查的文件夹）",
    )
    .addHelpText("after", CHECK_HELP_AFTER)
    .action(async (paths: string[], options, command: Command) => {
      if (paths.length === 0) {
        io.stderr.write("✖ 请给出要检查的文件（no paths given）\n\n");
        command.help({ error: true });
      }
      setExit(await check(paths, options, io));
    });

  program
    .command("report")
    .description("分析一批已发布或待发布的稿件，生成 HTML 报告和 JSON 数据（意识形态风险分析）")
    .argument("[路径...]", "要分析的文件、文件夹或 glob")
    .usage("[选项] <路径...>")
    .option(
      "-o, --out <文件夹>",
      `报告写到这个文件夹：report.html 和 report.json（默认：${DEFAULT_REPORT_DIR}）`,
      DEFAULT_REPORT_DIR,
    )
    .option("--since <日期>", "只统计这一天及以后的文档：2025-03-01、2025-03（该月第一天）或 2025", (value) =>
      dateBound(value, "start"),
    )
    .option(
      "--until <日期>",
      "只统计这一天及以前的文档：2025-03-31、2025-03（该月最后一天）或 2025",
      (value) => dateBound(value, "end"),
    )
    .option("-l, --lexicon <路径>", "追加词库文件或文件夹（可多次使用）", collect, [])
    .option("--no-default-lexicons", "不用默认词库，只用 --lexicon 给出的词库")
    .option(
      "-j, --jobs <数量>",
      `同时检查的线程数（含主线程）；1 表示只用主线程（默认：文档达 ${MIN_DOCUMENTS_FOR_WORKERS} 篇时用全部 CPU 核）`,
      positiveInteger,
    )
    .addHelpText("after", REPORT_HELP_AFTER)
    .action(async (paths: string[], options, command: Command) => {
      if (paths.length === 0) {
        io.stderr.write("✖ 请给出要分析的文件或文件夹（no paths given）\n\n");
        command.help({ error: true });
      }
      if (options.since !== undefined && options.until !== undefined && options.since > options.until) {
        io.stderr.write(
          `✖ --since ${options.since} 晚于 --until ${options.until}，时间范围是空的（empty period）\n`,
        );
        setExit(EXIT.usage);
        return;
      }
      setExit(await report(paths, options, io));
    });

  const lexicon = program
    .command("lexicon")
    .description("词库维护命令（给审校人员）：validate、test、stats、build")
    .usage("<validate|test|stats|build> [文件...] [选项]")
    .addHelpText("after", LEXICON_HELP_AFTER);
  lexicon
    .command("validate")
    .usage("[文件...] [选项]")
    .description("检查词库格式和词库之间的冲突；有错误时退出码为 1")
    .argument("[文件...]", "词库文件或文件夹（默认：内置词库文件夹）；连同默认词库一起检查，与 check 相同")
    .option("--no-default-lexicons", "只检查给出的词库，不连同默认词库")
    .action(async (files: string[], options: { defaultLexicons: boolean }) =>
      setExit(await validate(files, io, options.defaultLexicons)),
    );
  lexicon
    .command("test")
    .usage("[文件...] [选项]")
    .description("运行词库条目里的自测例句（examples.flag / examples.pass）；有失败时退出码为 1")
    .argument("[文件...]", "词库文件或文件夹（默认：内置词库文件夹）")
    .action(async (files: string[]) => setExit(await testExamples(files, io)));
  lexicon
    .command("stats")
    .usage("[文件...] [选项]")
    .description("按词库 × 类型、按级别统计条目数，以及要找的词语和例外有多少")
    .argument("[文件...]", "词库文件或文件夹（默认：内置词库文件夹）")
    .addOption(
      new Option("-f, --format <格式>", "table（默认）或 json").choices(["table", "json"]).default("table"),
    )
    .action(async (files: string[], options: { format: "table" | "json" }) =>
      setExit(await stats(files, options.format, io)),
    );
  lexicon
    .command("build")
    .usage("[文件...] [选项]")
    .description("编译词库，写出给浏览器扩展用的 JSON；词库有错误时拒绝生成")
    .argument("[文件...]", "词库文件或文件夹（默认：内置词库文件夹）")
    .option(
      "--out <文件>",
      "输出文件，不能是词库源文件（默认：shengao 自己目录下的 lexicons/dist/compiled.json，不是当前文件夹）",
    )
    .action(async (files: string[], options: { out?: string }) =>
      setExit(await build(files, options.out, io)),
    );
  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInteger(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError(`须为正整数（not a positive integer）`);
  return Number(value);
}

function dateBound(value: string, end: "start" | "end"): string {
  const date = periodBound(value, end);
  if (date === undefined) {
    throw new InvalidArgumentError(`须为日期，如 2025-03-21、2025-03 或 2025（not a date）`);
  }
  return date;
}

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`须为非负整数（not a non-negative integer）`);
  return Number(value);
}
