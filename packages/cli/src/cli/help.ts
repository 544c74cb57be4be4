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
  shengao report 公众号存档/ --since 2025-01  分析一批稿件，生成 HTML 报告（shengao-report/report.html）
  shengao lexicon validate                  检查默认词库的格式
  shengao lexicon test lexicons/advertising.yaml  运行词库里的自测例句

退出码：0 没有问题；1 有错误级问题（或警告超过 --max-warnings）；2 用法、词库或文件错误。
`;

export const CHECK_HELP_AFTER = `
支持的文件：.txt .md .markdown（按原文检查，行号列号与文件一致；Markdown 段落里的
  换行像渲染后一样接起来查，下一行开头的引用符号和缩进一并略去，嵌套列表、多层引用里折行处
  断开的词也能查到）、
  .html .htm（只检查页面正文的文字：不含 script、style、head、template；
  标了 hidden 或 display:none 的文字也检查，它仍在发布的页面里；SVG 图表里的文字、图片的 alt 说明也检查）、
  .docx（Word 文档的纯文字：一段一行，段与段之间空一行，手动换行另起一行；域、内容控件、
  注音的正文文字（不含注音）、公式都检查，文本框的文字接在它所在的段落之后；修订里删去的文字
  不检查；正文之后依次是脚注、尾注、页眉、页脚，各以“脚注 1：”“页眉：”这样的一行开头；批注不检查）。
  .html 和 .docx 的行号、列号指提取出来的纯文字，不是文件本身（json 里标为
  "positionsIn": "extracted-text"，这些问题不带 fix，以免改坏文件；sarif 里这些问题只指向文件
  第 1 行，在说明文字里写明提取出的文字第几行第几列）。
  json 也按输入顺序列出无法检查的输入（"unreadable": 代码和原因；像 ESLint 一样记为
  一个致命错误："errorCount": 1, "fatalErrorCount": 1）。
  文件夹会递归检查（跳过 node_modules 和以 . 开头的文件夹；其中无法检查的文档，如 .doc .wps .pdf，
  列为错误，请另存为 .docx 或 .txt；文件夹里 shengao report 生成的报告页面跳过不查；
  链接按它指向的文件或文件夹检查，指向不存在的文件时列为错误）；"-" 表示从标准输入读取。
  列号按 UTF-16 码元计数（与 ESLint、SARIF 相同），文件开头的 BOM 不算一列。
  文本按 UTF-8 读取；UTF-16（记事本的“Unicode”，带 BOM 的或由零字节认出的）按 UTF-16；都不是时按 GB18030（GBK）读取，看来是繁体中文的 Big5 时按 Big5 读取（网页用 <meta charset> 声明了 Big5 或 GBK 的，按声明读取），并提示；UTF-8 文件里个别字节有误时仍按 UTF-8 读，坏字节换成 � 并提示。里面是二进制内容的（PDF、图片等被存成或改名成 .txt、.md）不检查，列为无法检查。

词库：默认使用内置词库文件夹里的全部词库；--lexicon 追加词库（可多次使用，文件或文件夹；
  文件夹只读它本身里的词库，子文件夹里的不读，并给出警告），
  --no-default-lexicons 只用 --lexicon 给出的词库。有错误的词库会在标准错误里列出并跳过，
  其余词库照常检查，此时退出码为 2。词库的警告（如 overrides 指向不存在的条目）也在标准错误里列出，
  不影响检查和退出码。

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
不写文件时，处理默认词库文件夹里的全部词库。validate 检查给出的词库时连同默认词库一起检查，
与 check 读词库的方式相同（与默认条目判法冲突的，check 会整个停用这个词库）；只检查给出的词库：--no-default-lexicons。

示例：
  shengao lexicon validate                       检查词库格式和词库之间的冲突
  shengao lexicon validate 本社.yaml             检查本单位词库，连同默认词库
  shengao lexicon test lexicons/editorial.yaml   运行自测例句
  shengao lexicon stats --format json
  shengao lexicon build --out lexicons/dist/compiled.json
`;

export const REPORT_HELP_AFTER = `
给定期的意识形态风险分析用：检查一批文档（导出的公众号历史文章、期刊各期稿件……），写出
  report.html（一个文件，离线可打开，不引用任何外部资源）和 report.json（同样的数据）：
  总数，按类别、级别、词库、条目统计，按月趋势图，错误最多的文档，每个问题的上下文和原文链接。

支持的文件与 check 相同：.txt .md .markdown .html .htm .docx；文件夹递归检查。
每篇文档的日期依次取自：Markdown 文章开头的日期字段（date: 2025-03-21，或 Date:、publishDate:、发布日期：）、
  HTML 的 meta 标签（name="date"、property="article:published_time" 等），没有时取网页上显示的发表时间
  （从浏览器保存的微信文章页面：id="publish_time"）、文件名（2025-03-21-标题.md、20250321.txt），
  都没有时取文件的修改时间。--since、--until 按这个日期筛选（含当天）。
  文档自己写的日期或文件名里的日期无法识别（如 2025-02-30、20240230）时改用下一种，报告的“日期无法识别的文档”里列出。
  按修改时间定日期的文档（复制、解压存档会改变修改时间）在报告开头计数，并在“按修改时间定日期的文档”里列出；
  读取时有提示的文档（不是 UTF-8、按 GB18030 或 Big5 读取，个别字节有误）在“读取提示”里列出；
  文字相同的文档（转发、重复导出）在“内容相同的文档”里列出，它们的问题每篇都计入总数。
  没有一个文件能读取时，报告注明没有分析结果，退出码为 2。
无法读取、已损坏或不支持的文件（包括文件夹里的 .doc .wps .pdf 等）列在报告里并写明原因，不会中断分析。
有错误的词库跳过不用，其余词库照常分析；报告开头会注明哪些词库没有使用及其错误（报告不完整）。
shengao 写的报告页面在存档里任何位置都不算作文档。--out 文件夹里已有的 report.html、
  report.json 只有是 shengao 写的报告才覆盖；不是的（例如存档里一篇叫 report.html 的稿件），
  报告不写，退出码 2。
文档多时在全部 CPU 核上并行检查（工作线程）；--jobs 1 只用主线程。

退出码：0 报告已生成，时间范围内没有错误级问题；1 有错误级问题；2 参数、词库错误、报告无法写入，或没有一个文件能读取。

示例：
  shengao report 公众号存档/
  shengao report "期刊/**/*.docx" --since 2025-01 --until 2025-06 --out 上半年报告
  shengao report --lexicon 本社词库.yaml archive/ posts/*.html
`;
