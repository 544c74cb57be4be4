import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Finding } from "@shengao/core";
import {
  Document,
  EndnoteReferenceRun,
  Footer,
  FootnoteReferenceRun,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  SimpleField,
  TabStopType,
  TextRun,
} from "docx";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { docxText } from "../src/input/docx.js";
import { fromFsError } from "../src/input/errors.js";
import { htmlVisibleText } from "../src/input/html.js";
import { joinSoftBreaks, softBreaks, sourceOffset } from "../src/input/markdown.js";
import { wordprocessingText } from "../src/input/wordprocessing.js";
import { FIXTURES, runCli, WITH_TEST_PACK } from "./helpers.js";

interface JsonResult {
  filePath: string;
  findings: Finding[];
  unreadable?: { code: string; message: string };
}

async function checkJson(paths: string[], options: Parameters<typeof runCli>[1] = {}) {
  const result = await runCli(["check", ...WITH_TEST_PACK, "--format", "json", ...paths], options);
  return { ...result, reports: JSON.parse(result.stdout) as JsonResult[] };
}

describe("Markdown soft breaks", () => {
  /** The joined text, checked against the source: every character but a break's space is the file's. */
  const joinedText = (source: string) => {
    const joined = joinSoftBreaks(source);
    if (joined === undefined) return undefined;
    const { text, breaks } = joined;
    for (let i = 0; i < text.length; i++) {
      const at = sourceOffset(joined, i);
      if (breaks.at.includes(i))
        expect(source.slice(at, sourceOffset(joined, i + 1)), JSON.stringify(source)).toMatch(
          /^(\r\n|\r|\n)[ \t>]*$/,
        );
      else expect(source[at], JSON.stringify(source)).toBe(text[i]);
    }
    expect(sourceOffset(joined, text.length)).toBe(source.length);
    return text;
  };

  it("reads each line ending a renderer joins as one space, in paragraphs, headings, quotes and list items", () => {
    expect(joinedText("朝鲜也称北\n韩。")).toBe("朝鲜也称北 韩。");
    expect(joinedText("朝鲜也称北\r\n韩。")).toBe("朝鲜也称北 韩。");
    expect(joinedText("> 北\n> 韩")).toBe("> 北 韩");
    expect(joinedText("- 北\n  韩\n- 美国")).toBe("- 北 韩\n- 美国");
    expect(joinedText("北\n韩\n===")).toBe("北 韩\n===");
    expect(joinedText("*北\n韩*和[台\n湾](x)")).toBe("*北 韩*和[台 湾](x)");
  });

  it("takes the next line's quote markers and indentation into the break, however deep", () => {
    expect(joinedText("- 外层\n    - 提到北\n      韩的情况\n")).toBe("- 外层\n    - 提到北 韩的情况\n");
    expect(joinedText("> > > 北\n> > > 韩")).toBe("> > > 北 韩");
    expect(joinedText("> - 北\r\n>   韩")).toBe("> - 北 韩");
    expect(joinedText("- > 北\n  > 韩")).toBe("- > 北 韩");
    expect(joinedText("1.  北\n\t韩")).toBe("1.  北 韩");
    expect(joinedText("a[^1]\n\n[^1]: 北\n    韩")).toBe("a[^1]\n\n[^1]: 北 韩");
    // a lazy line lacks markers: only those it has go
    expect(joinedText("> > 北\n> 韩")).toBe("> > 北 韩");
    expect(joinedText("> > 北\n韩")).toBe("> > 北 韩");
  });

  it("keeps a > that is text: a continuation line indented past where it could open a quote", () => {
    expect(joinedText("北\n    > 韩")).toBe("北 > 韩");
    expect(joinedText("- 北\n      > 韩")).toBe("- 北 > 韩");
    expect(joinedText("> 北\n    > 韩")).toBe("> 北 > 韩");
    expect(joinedText("- > 北\n      > 韩")).toBe("- > 北 > 韩");
    expect(joinedText("北\n\\> 韩")).toBe("北 \\> 韩");
  });

  it("keeps the line endings that are lines: blank lines, hard breaks, code, tables, items, front matter", () => {
    for (const kept of [
      "北\n\n韩",
      "# 北\n韩",
      "北  \n韩",
      "北\\\n韩",
      "```\n北\n韩\n```",
      "    北\n    韩",
      "- 台湾\n- 美国",
      "1. 台湾\n2. 美国",
      "| 甲 |\n| --- |\n| 北 |\n| 韩 |",
      "---\ntitle: 北\ntags: 韩\n---\n",
      "> 北\n>\n> 韩",
    ])
      expect(joinedText(kept), JSON.stringify(kept)).toBeUndefined();
    // a --- with a blank line after it is a thematic break, not front matter
    expect(joinedText("---\n\n北\n韩\n\n---\n")).toBe("---\n\n北 韩\n\n---\n");
    // in one file, only the soft break goes
    expect(joinedText("```\n北\n韩\n```\n\n北\n韩")).toBe("```\n北\n韩\n```\n\n北 韩");
    // after front matter, offsets are still the file's
    expect(joinedText("---\ntitle: 北\n---\n> 北\n> 韩")).toBe("---\ntitle: 北\n---\n> 北 韩");
  });

  it("the quick look before parsing never passes over a soft break the parser finds", () => {
    const LINES = [
      "北",
      "韩。",
      "",
      "- 台湾",
      "  美国",
      "* 甲",
      "+ 乙",
      "1. 一",
      "2. 二",
      "10. 十",
      "# 标题",
      "## 二级",
      "#没有空格",
      "> 引用",
      "> - 引用的项",
      ">",
      "```",
      "~~~",
      "    缩进",
      "---",
      "===",
      "***",
      "- - -",
      "-",
      "=",
      "| 甲 | 乙 |",
      "| --- | --- |",
      "北  ",
      "北\\",
      "<div>",
      "</div>",
      "+++",
      "title: 标题",
      "\t制表",
      "   - 三格",
      "    - 四格",
      "1) 一",
      "[链接",
      "\u3000",
      "\u00a0",
      "\ufeff",
      "```x``` 北",
      "-*-",
      "***_",
      "----- *",
      "~~~ `x`",
      "`代码",
      "> > 深引用",
      "      六格",
      "  > 两格引用",
      "\t> 制表引用",
    ];
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    let parsed = 0;
    for (let n = 0; n < 3000; n++) {
      const count = 2 + Math.floor(random() * 6);
      const lines = Array.from({ length: count }, () => LINES[Math.floor(random() * LINES.length)] as string);
      const source = lines.join(random() < 0.2 ? "\r\n" : "\n");
      const breaks = softBreaks(source);
      const joined = joinedText(source);
      if (breaks.length === 0) {
        expect(joined, JSON.stringify(source)).toBeUndefined();
        continue;
      }
      parsed++;
      let expected = source;
      for (const { start, end } of breaks.reverse())
        expected = `${expected.slice(0, start)} ${expected.slice(end)}`;
      expect(joined, JSON.stringify(source)).toBe(expected);
    }
    // the draw did meet soft breaks
    expect(parsed).toBeGreaterThan(300);
  });
});

describe("text and Markdown", () => {
  it("screens the raw file: offsets and line/column point into the file itself", async () => {
    const { reports } = await checkJson(["drafts/post.md"]);
    const raw = readFileSync(join(FIXTURES, "drafts/post.md"), "utf8");
    const findings = reports[0]?.findings ?? [];
    expect(findings.length).toBeGreaterThanOrEqual(3);
    const lines = raw.split("\n");
    for (const finding of findings) {
      expect(raw.slice(finding.start, finding.end)).toBe(finding.text);
      const line = lines[finding.line - 1] ?? "";
      expect(line.slice(finding.column - 1, finding.column - 1 + finding.text.length)).toBe(finding.text);
    }
    // the Markdown quote marker does not hide the term after it
    expect(findings.filter((f) => f.text === "台湾总统").map((f) => f.line)).toEqual([3, 6]);
  });

  it("a term wrapped across a Markdown soft break is found, placed on the file's own lines", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-soft-"));
    const text = "# 标题\n\n昨天台湾总\n统发表讲话。\n\n> 引用：台湾\r\n> 总统\n";
    writeFileSync(join(dir, "wrapped.md"), text);
    // in plain text a line ending is a line: nothing joins them
    writeFileSync(join(dir, "wrapped.txt"), text);
    const { reports } = await checkJson(["wrapped.md", "wrapped.txt"], { cwd: dir });
    const findings = reports[0]?.findings ?? [];
    expect(findings.map((f) => [f.text, f.line, f.column, f.endLine, f.endColumn])).toEqual([
      ["台湾总\n统", 3, 3, 4, 2],
      ["台湾\r\n> 总统", 6, 6, 7, 5],
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(reports[1]?.findings).toEqual([]);
    const stylish = await runCli(["check", ...WITH_TEST_PACK, "wrapped.md"], { cwd: dir });
    expect(stylish.stdout).toContain("3:3  错误");
    expect(stylish.stdout).toContain("3 | 昨天台湾总");
  });

  describe("a term wrapped in a nested list item or a quote in a quote", () => {
    const PACK = [
      "id: wrapped",
      "name: 折行测试",
      "version: 1.0.0",
      "entries:",
      "  - id: north-korea",
      "    kind: replace",
      "    terms: [北韩]",
      "    replacement: 朝鲜",
      "    message: 应称朝鲜",
      "    severity: error",
      "    category: 规范表述",
      "  - id: leader-title",
      "    kind: replace",
      "    terms: [台湾总统]",
      "    replacement: 台湾地区领导人",
      "    message: 应使用规范表述“台湾地区领导人”",
      "    severity: error",
      "    category: 规范表述",
      "",
    ].join("\n");

    /** Checks the Markdown files (name → text) with the pack above; their findings by name. */
    async function findingsOf(files: Record<string, string>): Promise<Record<string, Finding[]>> {
      const dir = mkdtempSync(join(tmpdir(), "shengao-nested-"));
      writeFileSync(join(dir, "pack.yaml"), PACK);
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      const result = await runCli(
        [
          "check",
          "--no-default-lexicons",
          "--lexicon",
          "pack.yaml",
          "--format",
          "json",
          ...Object.keys(files),
        ],
        { cwd: dir },
      );
      const reports = JSON.parse(result.stdout) as JsonResult[];
      return Object.fromEntries(reports.map((report) => [report.filePath, report.findings]));
    }
    const found = (text: string, finding: Finding) => {
      const lines = text.split(/\r\n|\r|\n/);
      return {
        text: finding.text,
        at: [finding.line, finding.column],
        first: lines[finding.line - 1]?.[finding.column - 1],
        last: lines[finding.endLine - 1]?.[finding.endColumn - 2],
      };
    };

    it("is found across the next line's indentation, placed on the file's lines", async () => {
      const text = "- 外层\n    - 这是一个很长的句子提到北\n      韩的情况\n";
      const { "nested.md": findings = [] } = await findingsOf({ "nested.md": text });
      expect(findings.map((f) => found(text, f))).toEqual([
        { text: "北\n      韩", at: [2, 18], first: "北", last: "韩" },
      ]);
      expect(text.slice(findings[0]?.start, findings[0]?.end)).toBe("北\n      韩");
    });

    it("is found across a deep quote's markers", async () => {
      const text = "> > > 这是引用里的引用里的北\r\n> > > 韩的情况\n";
      const { "quote.md": findings = [] } = await findingsOf({ "quote.md": text });
      expect(findings.map((f) => found(text, f))).toEqual([
        { text: "北\r\n> > > 韩", at: [1, 17], first: "北", last: "韩" },
      ]);
    });

    it("a fix replaces the source's characters, the break and the next line's prefix with them", async () => {
      const text = "- 外层\n    - 很长的句子提到台湾\n      总统和北\n      韩的情况\n";
      const { "fix.md": findings = [] } = await findingsOf({ "fix.md": text });
      expect(findings.map((f) => f.text)).toEqual(["台湾\n      总统", "北\n      韩"]);
      const fixed = findings
        .map((f) => f.fix)
        .reverse()
        .reduce(
          (t, fix) => (fix === undefined ? t : t.slice(0, fix.start) + fix.replacement + t.slice(fix.end)),
          text,
        );
      expect(fixed).toBe("- 外层\n    - 很长的句子提到台湾地区领导人和朝鲜的情况\n");
    });

    it("every finding after many joined breaks spans the term in the file: seeded random files", async () => {
      let seed = 11;
      const random = () => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return seed / 2 ** 32;
      };
      const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
      const TERMS = ["北韩", "台湾总统"];
      const FILLER = ["这是一些文字", "关于", "的情况说明", "，", "今天", "据报道"];
      /** One container's lines: a paragraph wrapped at random places, quotes and list items around it. */
      const block = (terms: string[]) => {
        const quotes = "> ".repeat(Math.floor(random() * 4));
        const depth = Math.floor(random() * 4) - 1;
        const lines: string[] = [];
        for (let k = 0; k < depth; k++) lines.push(`${quotes}${"  ".repeat(k)}- 外层`);
        const first = depth < 0 ? quotes : `${quotes}${"  ".repeat(depth)}- `;
        const next = depth < 0 ? quotes : `${quotes}${"  ".repeat(depth + 1)}`;
        // the line that opens the item (or the paragraph), after its parents' lines
        const opening = Math.max(depth, 0);
        let words = "";
        for (let n = 0; n < 6; n++) {
          words += pick(FILLER);
          if (random() < 0.5) {
            const term = pick(TERMS);
            terms.push(term);
            words += term;
          }
        }
        const chars = [...words];
        let line = "";
        for (let i = 0; i < chars.length; i++) {
          line += chars[i];
          // wrap often, inside terms too, but never leave a line empty
          if (random() < 0.3 && i + 1 < chars.length) {
            lines.push(`${lines.length === opening ? first : next}${line}`);
            line = "";
          }
        }
        lines.push(`${lines.length === opening ? first : next}${line}`);
        return lines;
      };
      const files: Record<string, string> = {};
      const expected: Record<string, string[]> = {};
      for (let f = 0; f < 20; f++) {
        const terms: string[] = [];
        const blocks = Array.from({ length: 8 }, () => block(terms).join(random() < 0.2 ? "\r\n" : "\n"));
        files[`draft-${f}.md`] = `${blocks.join("\n\n")}\n`;
        expected[`draft-${f}.md`] = terms;
      }
      const findings = await findingsOf(files);
      let joinedAcross = 0;
      for (const [name, text] of Object.entries(files)) {
        const own = findings[name] ?? [];
        expect(
          own.map((f) => f.text.replace(/(\r\n|\r|\n)[ \t>]*/g, "")),
          name,
        ).toEqual(expected[name]);
        const lines = text.split(/\r\n|\r|\n/);
        for (const finding of own) {
          expect(text.slice(finding.start, finding.end), name).toBe(finding.text);
          expect(lines[finding.line - 1]?.[finding.column - 1], name).toBe(finding.text[0]);
          expect(lines[finding.endLine - 1]?.[finding.endColumn - 2], name).toBe(finding.text.at(-1));
          expect([finding.fix?.start, finding.fix?.end], name).toEqual([finding.start, finding.end]);
          if (finding.endLine > finding.line) joinedAcross++;
        }
      }
      // the draw did wrap terms across prefixes
      expect(joinedAcross).toBeGreaterThan(30);
    });
  });

  it("reads a GB18030 (GBK) file and says so", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-gbk-"));
    // “昨天台湾总统讲话” encoded as GBK: not valid UTF-8
    writeFileSync(join(dir, "gbk.txt"), Buffer.from("d7f2cceccca8cde5d7dccdb3bdb2bbb0", "hex"));
    const { reports, stderr } = await checkJson(["gbk.txt"], { cwd: dir });
    expect(reports[0]?.findings.map((f) => f.text)).toEqual(["台湾总统"]);
    expect(stderr).toContain("不是 UTF-8 编码，已按 GB18030 读取");
    const piped = await checkJson(["-"], { stdin: readFileSync(join(dir, "gbk.txt")) });
    expect(piped.reports[0]?.findings.map((f) => f.text)).toEqual(["台湾总统"]);
    expect(piped.stderr).toContain("提示：<stdin> 不是 UTF-8 编码，已按 GB18030 读取");
  });

  it("reads a Big5 file (traditional Chinese) as Big5 and says so, where GB18030 made mojibake that passed clean", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-big5-"));
    // “學會今天宣布，台灣總統將來訪，與青年科技工作者座談。” encoded as Big5
    const big5 =
      "bec7b77ca4b5a4d1abc5a5aca141a578c657c160b2ceb14ea8d3b358a141bb50ab43a67eaceca7dea475a740aaccae79bdcda143";
    writeFileSync(join(dir, "big5.txt"), Buffer.from(big5, "hex"));
    const { reports, stderr } = await checkJson(["big5.txt"], { cwd: dir });
    expect(reports[0]?.findings.map((f) => f.text)).toEqual(["台灣總統"]);
    expect(stderr).toContain("看来是繁体中文的 Big5，已按 Big5 读取");
    // GBK with characters beyond GB2312 (镕, 喆, 堃, 昇, whose trails are low) stays GBK
    const gbk =
      "d6d0b9fabfc6d0adcbf9caf4c8abb9fad1a7bbe1c1aabacfbfaad5b9bfc6c6d5bbeeb6afa3acd6ece946bbf9a1a2cdf5d1a1b5c8bfc6d1a7bcd2b5c4cac2bca3b1bbb9e3b7bab4abcbcca3ac86b4a1a288d2a1a2954eb5c8d7d6d2b2b3a3bcfbd3dac8cbc3fba1a3";
    writeFileSync(join(dir, "gbk.txt"), Buffer.from(gbk, "hex"));
    const plain = await runCli(["check", ...WITH_TEST_PACK, "gbk.txt"], { cwd: dir });
    expect(plain.stderr).toContain("已按 GB18030 读取");
    expect(plain.stdout).not.toContain("Big5");
  });
});

describe("a web page's declared charset", () => {
  it("reads a short Big5 page as the Big5 it says it is, where a guess took it for GBK mojibake", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-charset-"));
    // 台灣總統 in Big5: four characters, too few to tell from GBK by their bytes
    const body = Buffer.from("a578c657c160b2ce", "hex");
    const page = (meta: string) =>
      Buffer.concat([
        Buffer.from(`<html><head>${meta}</head><body><p>`),
        body,
        Buffer.from("</p></body></html>"),
      ]);
    writeFileSync(join(dir, "meta.html"), page('<meta charset="big5">'));
    writeFileSync(
      join(dir, "http-equiv.html"),
      page('<meta http-equiv="Content-Type" content="text/html; charset=BIG5">'),
    );
    for (const file of ["meta.html", "http-equiv.html"]) {
      const { reports, stderr } = await checkJson([file], { cwd: dir });
      expect(
        reports[0]?.findings.map((f) => f.text),
        file,
      ).toEqual(["台灣總統"]);
      expect(stderr).toContain(`提示：${file} 不是 UTF-8 编码，已按网页声明的 Big5 读取`);
    }
    // a declaration that does not fit the bytes is passed over: UTF-8 is read as UTF-8
    writeFileSync(join(dir, "utf8.html"), Buffer.from('<meta charset="big5"><p>台湾总统</p>'));
    const utf8 = await checkJson(["utf8.html"], { cwd: dir });
    expect(utf8.reports[0]?.findings.map((f) => f.text)).toEqual(["台湾总统"]);
    expect(utf8.stderr).not.toContain("提示");
  });
});

describe("UTF-8 with a stray byte", () => {
  it("is read as UTF-8, the bad bytes replaced and counted, never as GB18030 mojibake that passes clean", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-stray-"));
    const draft = Buffer.concat([
      Buffer.from("第一行\n昨天台湾总统讲话\n"),
      Buffer.from([0xa9]), // © in Latin-1
      Buffer.from(" 2025 学会\n"),
      Buffer.from("台湾总统").subarray(0, 10), // the last character cut mid-byte
    ]);
    writeFileSync(join(dir, "stray.txt"), draft);
    const { reports, stderr } = await checkJson(["stray.txt"], { cwd: dir });
    expect(reports[0]?.findings.map((f) => [f.text, f.line])).toEqual([["台湾总统", 2]]);
    expect(stderr).toContain("提示：stray.txt 是 UTF-8 编码，但有 2 处字节不是（第一处在第 3 行），已换成 �");
    expect(stderr).not.toContain("GB18030");
  });
});

describe("encodings", () => {
  const text = "第一行\n昨天台湾总统讲话\n";
  const utf16be = (s: string) => Buffer.from(s, "utf16le").swap16();
  it.each([
    [
      "UTF-16LE (Notepad's Unicode)",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    ],
    ["UTF-16BE", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
    ["UTF-8 with a BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
  ])("reads %s by its byte order mark, and says nothing", async (_, bytes) => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-bom-"));
    writeFileSync(join(dir, "稿件.txt"), bytes);
    const { reports, stderr } = await checkJson(["稿件.txt"], { cwd: dir });
    expect(reports[0]?.findings.map((f) => [f.text, f.line, f.column])).toEqual([["台湾总统", 2, 3]]);
    expect(stderr).toBe("");
    const piped = await checkJson(["-"], { stdin: bytes });
    expect(piped.reports[0]?.findings.map((f) => f.text)).toEqual(["台湾总统"]);
  });

  it.each([
    ["UTF-16LE", Buffer.from(text, "utf16le"), "UTF-16LE"],
    ["UTF-16BE", utf16be(text), "UTF-16BE"],
  ])("reads %s without a byte order mark by its zero bytes, and says so", async (_, bytes, name) => {
    // read as UTF-8, its Chinese was ASCII junk (中 is 2D 4E, "-N") and the draft passed clean
    const dir = mkdtempSync(join(tmpdir(), "shengao-nobom-"));
    writeFileSync(join(dir, "稿件.txt"), bytes);
    const { reports, stderr } = await checkJson(["稿件.txt"], { cwd: dir });
    expect(reports[0]?.findings.map((f) => [f.text, f.line, f.column])).toEqual([["台湾总统", 2, 3]]);
    expect(stderr).toBe(`提示：稿件.txt 是没有 BOM 的 UTF-16 编码，已按 ${name} 读取\n`);
  });

  it("counts columns of the first line after a byte order mark, as editors show them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-bom-"));
    writeFileSync(join(dir, "稿件.txt"), `\uFEFF昨天台湾总统讲话\n`);
    const { reports } = await checkJson(["稿件.txt"], { cwd: dir });
    expect(reports[0]?.findings.map((f) => [f.line, f.column, f.endColumn, f.start])).toEqual([[1, 3, 7, 3]]);
    // SARIF's offsets agree with its columns: the mark is no character there either
    const sarif = await runCli(["check", ...WITH_TEST_PACK, "-f", "sarif", "稿件.txt"], { cwd: dir });
    const region = JSON.parse(sarif.stdout).runs[0].results[0].locations[0].physicalLocation.region;
    expect(region).toMatchObject({ startLine: 1, startColumn: 3, charOffset: 2, charLength: 4 });
  });
});

describe("HTML", () => {
  const html = readFileSync(join(FIXTURES, "drafts/page.html"), "utf8");

  it("keeps only the visible text, one line per block, entities decoded, white space collapsed", () => {
    expect(htmlVisibleText(html)).toBe(
      "新闻 & 评论\n昨天台湾总统 发表讲话。\n这是最好的安排\n据悉，明天\u00a0下雨。\n",
    );
  });

  it("screens text marked hidden or display:none: it is still in the published page (as the help says)", () => {
    expect(htmlVisibleText('<p hidden>北韩</p><div style="display:none">台湾总统</div>')).toBe(
      "北韩\n台湾总统\n",
    );
  });

  it("never screens script, style, head or template text", async () => {
    const { reports } = await checkJson(["drafts/page.html"]);
    const findings = reports[0]?.findings ?? [];
    // the page has 台湾总统 in head, style, two scripts and a template, and once in the body
    expect(findings.filter((f) => f.text === "台湾总统")).toHaveLength(1);
    expect(findings.find((f) => f.text === "台湾总统")?.line).toBe(2);
    // 最好 from a character reference (&#26368;好) is screened; the one in <title> is not
    expect(findings.filter((f) => f.text === "最好").map((f) => f.line)).toEqual([3]);
  });

  it("screens an SVG chart's labels, each a line, and an image's alt text, as its own line", () => {
    const chart =
      '<p>图表：<svg viewBox="0 0 10 10"><style>text{fill:red}</style><text x="1">台湾</text>' +
      '<text x="5"><tspan>总统</tspan>支持率</text></svg></p>';
    // 台湾 and 总统 are two labels: no 台湾总统 across them
    expect(htmlVisibleText(chart)).toBe("图表：\n台湾\n总统支持率\n");
    expect(
      htmlVisibleText('<p>见下图<img src="a.png" alt=" 北韩 \n 阅兵 "><img src="b.png" alt="">。</p>'),
    ).toBe("见下图\n北韩 阅兵\n。\n");
  });

  it("handles <br>, <pre> and nested hidden elements", () => {
    expect(htmlVisibleText("<div>a<br/>b<br><br>c</div>")).toBe("a\nb\n\nc\n");
    expect(htmlVisibleText("<pre>  x\n  y</pre><p>z</p>")).toBe("  x\n  y\nz\n");
    expect(htmlVisibleText("<p>前<script>if (a < b) { x = '<p>台湾总统</p>'; }</script>后</p>")).toBe(
      "前后\n",
    );
    expect(htmlVisibleText("")).toBe("");
  });
});

describe("Word (.docx)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "shengao-docx-"));
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph("第一段没有问题。"),
            new Paragraph({ children: [new TextRun("昨天台湾"), new TextRun({ text: "总统", bold: true })] }),
            new Paragraph("据悉，明天下雨。"),
          ],
        },
      ],
    });
    writeFileSync(join(dir, "稿件.docx"), await Packer.toBuffer(doc));
  });

  it("screens the raw text; a term split across formatting runs is still found", async () => {
    const { reports, code } = await checkJson(["稿件.docx"], { cwd: dir });
    expect(code).toBe(1);
    const findings = reports[0]?.findings ?? [];
    expect(findings.map((f) => f.text)).toEqual(["台湾总统", "据悉"]);
    // positions refer to the extracted text: paragraphs separated by a blank line
    expect(findings.map((f) => [f.line, f.column])).toEqual([
      [3, 3],
      [5, 1],
    ]);
  });

  it("ends a line at a manual line break, so that no term is matched across it", async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [new TextRun("昨天台"), new TextRun({ text: "湾总统来访，据悉", break: 1 })],
            }),
          ],
        },
      ],
    });
    writeFileSync(join(dir, "换行.docx"), await Packer.toBuffer(doc));
    const { reports } = await checkJson(["换行.docx"], { cwd: dir });
    // a raw text that dropped the break found 台湾总统 across the two lines
    expect(reports[0]?.findings.map((f) => [f.text, f.line, f.column])).toEqual([["据悉", 2, 7]]);
  });

  it("screens footnotes, endnotes, page headers and footers after the body, each part named", async () => {
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph("据悉此说有误。")] } },
      endnotes: { 1: { children: [new Paragraph("台湾总统一词须改。")] } },
      sections: [
        {
          headers: {
            default: new Header({
              children: [
                new Paragraph({
                  // a tab stop of the paragraph's settings is no tab in its text
                  tabStops: [{ type: TabStopType.RIGHT, position: 9000 }],
                  children: [
                    new TextRun("最好的科普期刊"),
                    new TextRun({ children: ["\t第 ", PageNumber.CURRENT, " 页"] }),
                  ],
                }),
              ],
            }),
          },
          footers: { default: new Footer({ children: [new Paragraph("据悉专栏")] }) },
          children: [
            new Paragraph({
              children: [new TextRun("正文没有问题"), new FootnoteReferenceRun(1), new TextRun("。")],
            }),
            new Paragraph({ children: [new TextRun("第二段"), new EndnoteReferenceRun(1)] }),
          ],
        },
      ],
    });
    writeFileSync(join(dir, "注释.docx"), await Packer.toBuffer(doc));
    const text = await docxText(readFileSync(join(dir, "注释.docx")), "注释.docx");
    expect(text).toBe(
      "正文没有问题。\n\n第二段\n\n" +
        "脚注 1：\n据悉此说有误。\n\n" +
        "尾注 1：\n台湾总统一词须改。\n\n" +
        // the page number is a field: its instruction (PAGE) is not text, its cached value absent
        "页眉：\n最好的科普期刊\t第  页\n\n" +
        "页脚：\n据悉专栏\n\n",
    );
    const { reports } = await checkJson(["注释.docx"], { cwd: dir });
    expect(reports[0]?.findings.map((f) => [f.text, f.line])).toEqual([
      ["据悉", 6],
      ["台湾总统", 9],
      ["最好", 12],
      ["据悉", 15],
    ]);
  });

  it("reads a header's XML as the body: alignment tabs, hyphens, symbols, a text box once", () => {
    const xml = `<w:hdr xmlns:w="w" xmlns:mc="mc"><w:p>
      <w:pPr><w:tabs><w:tab w:val="center" w:pos="4153"/></w:tabs></w:pPr>
      <w:r><w:t>最</w:t></w:r><w:r><w:ptab w:relativeTo="margin" w:alignment="right"/><w:t>好</w:t></w:r>
      <w:r><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:sym w:font="Symbol" w:char="2192"/></w:r>
      <w:r><w:instrText> PAGE </w:instrText><w:delText>删去的</w:delText></w:r>
      <w:r><mc:AlternateContent>
        <mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>据悉框内</w:t></w:r></w:p></w:txbxContent></mc:Choice>
        <mc:Fallback><w:txbxContent><w:p><w:r><w:t>据悉框内</w:t></w:r></w:p></w:txbxContent></mc:Fallback>
      </mc:AlternateContent></w:r></w:p></w:hdr>`;
    // the paragraph's tab stop is no tab; 最 and 好 stay apart; the text box is read once, after
    // its paragraph
    expect(wordprocessingText(xml)).toBe("最\t好A\u2011B→\n\n据悉框内\n\n");
  });

  /** A Word file made by the docx library, its body's paragraphs replaced by `body` (WordprocessingML). */
  async function wordWithBody(body: string): Promise<Buffer> {
    const made = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("@")] }] }));
    const zip = await JSZip.loadAsync(made);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    zip.file("word/document.xml", xml.replace(/<w:body>.*(?=<w:sectPr)/s, `<w:body>${body}`));
    return zip.generateAsync({ type: "nodebuffer" });
  }

  const run = (text: string) => `<w:r><w:t>${text}</w:t></w:r>`;
  const textBox = (text: string) =>
    `<w:drawing><wp:anchor><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>` +
    `<w:txbxContent><w:p>${run(text)}</w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>`;

  it.each([
    [
      "a simple field's text (w:fldSimple)",
      `<w:p><w:fldSimple w:instr=" TITLE ">${run("台湾总统")}</w:fldSimple></w:p>`,
      "台湾总统\n\n",
    ],
    [
      "a phonetic guide's base text, not the pinyin above it (w:ruby)",
      `<w:p>${run("昨天")}<w:r><w:ruby><w:rubyPr><w:hps w:val="10"/></w:rubyPr><w:rt>${run("tái wān")}</w:rt>` +
        `<w:rubyBase>${run("台湾")}</w:rubyBase></w:ruby></w:r>${run("总统")}</w:p>`,
      "昨天台湾总统\n\n",
    ],
    [
      "runs of a set direction (w:dir, w:bdo)",
      `<w:p><w:dir w:val="ltr">${run("台湾")}</w:dir><w:bdo w:val="ltr">${run("总统")}</w:bdo></w:p>`,
      "台湾总统\n\n",
    ],
    [
      "a text box with no older copy, after its paragraph, not inside its sentence",
      `<w:p>${run("前")}<w:r><mc:AlternateContent><mc:Choice Requires="wps">${textBox("台湾总统")}</mc:Choice></mc:AlternateContent></w:r>${run("后")}</w:p>` +
        `<w:p><w:r>${textBox("据悉")}</w:r></w:p>`,
      "前后\n\n台湾总统\n\n\n\n据悉\n\n",
    ],
    [
      "a text box with its VML copy, once",
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">${textBox("台湾总统")}</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>` +
        `<w:txbxContent><w:p>${run("台湾总统")}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
      "\n\n台湾总统\n\n",
    ],
    [
      "an equation's text",
      `<w:p>${run("这是")}<m:oMath><m:r><m:t>最好</m:t></m:r></m:oMath></w:p>`,
      "这是最好\n\n",
    ],
    [
      "a carriage return as a line end, an alignment tab as a tab",
      `<w:p><w:r><w:t>台湾</w:t><w:cr/><w:t>总统</w:t><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>最好</w:t></w:r></w:p>`,
      "台湾\n总统\t最好\n\n",
    ],
    [
      "a complex field's result, not its instruction",
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/据悉" </w:instrText></w:r>` +
        `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run("台湾总统")}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
      "台湾总统\n\n",
    ],
    [
      "content controls, hyperlinks, smart tags, custom XML and tracked insertions",
      `<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent><w:p><w:hyperlink w:anchor="x">${run("台")}</w:hyperlink>` +
        `<w:smartTag w:uri="urn:x" w:element="place">${run("湾")}</w:smartTag><w:customXml w:element="c">${run("总")}</w:customXml>` +
        `<w:sdt><w:sdtContent><w:ins w:id="1" w:author="编辑">${run("统")}</w:ins></w:sdtContent></w:sdt></w:p></w:sdtContent></w:sdt>`,
      "台湾总统\n\n",
    ],
    [
      "no tracked deletion, nor the place a tracked move left; a deleted paragraph mark joins two paragraphs",
      `<w:p>${run("台湾")}<w:del w:id="2" w:author="编辑"><w:r><w:delText>最好</w:delText></w:r></w:del>` +
        `<w:moveFrom w:id="3" w:author="编辑">${run("据悉")}</w:moveFrom>${run("总")}</w:p>` +
        `<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="编辑"/></w:rPr></w:pPr>${run("统")}</w:p><w:p>${run("讲话")}</w:p>`,
      "台湾总\n\n统讲话\n\n",
    ],
    [
      "a table: no deleted row, no line for a cell merged into the one above",
      `<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p>${run("台湾")}</w:p></w:tc><w:tc><w:p>${run("总统")}</w:p></w:tc></w:tr>` +
        `<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p>${run("据悉")}</w:p></w:tc></w:tr>` +
        `<w:tr><w:trPr><w:del w:id="5" w:author="编辑"/></w:trPr><w:tc><w:p><w:del w:id="6" w:author="编辑"><w:r><w:delText>最好</w:delText></w:r></w:del></w:p></w:tc></w:tr></w:tbl>`,
      "台湾\n\n总统\n\n据悉\n\n",
    ],
  ])("reads %s in the body as in a header", async (_, paragraphs, text) => {
    expect(await docxText(await wordWithBody(paragraphs), "稿件.docx")).toBe(text);
    expect(wordprocessingText(`<w:hdr>${paragraphs}</w:hdr>`)).toBe(text);
  });

  it("screens a field's text in the body and in a footnote, where it passed unread", async () => {
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph({ children: [new SimpleField("SUBJECT", "据悉")] })] } },
      sections: [
        {
          children: [
            new Paragraph({
              children: [new SimpleField("TITLE", "台湾总统讲话"), new FootnoteReferenceRun(1)],
            }),
          ],
        },
      ],
    });
    writeFileSync(join(dir, "域.docx"), await Packer.toBuffer(doc));
    const { reports, code } = await checkJson(["域.docx"], { cwd: dir });
    expect(code).toBe(1);
    expect(reports[0]?.findings.map((f) => [f.text, f.line])).toEqual([
      ["台湾总统", 1],
      ["据悉", 4],
    ]);
  });

  it("finds the main part where the package says it is; a package without one is no .docx", async () => {
    const zip = await JSZip.loadAsync(await wordWithBody(`<w:p>${run("台湾总统")}</w:p>`));
    const rels = (await zip.file("_rels/.rels")?.async("string")) ?? "";
    zip.file("word/正文.xml", (await zip.file("word/document.xml")?.async("string")) ?? "");
    zip.file(
      "word/_rels/正文.xml.rels",
      (await zip.file("word/_rels/document.xml.rels")?.async("string")) ?? "",
    );
    zip.remove("word/document.xml");
    zip.file("_rels/.rels", rels.replace(/Target="\/?word\/document\.xml"/, 'Target="word/正文.xml"'));
    expect(rels).toMatch(/Target="\/?word\/document\.xml"/);
    expect(await docxText(await zip.generateAsync({ type: "nodebuffer" }), "稿件.docx")).toBe("台湾总统\n\n");
    zip.remove("word/正文.xml");
    const hollow = await zip.generateAsync({ type: "nodebuffer" });
    await expect(docxText(hollow, "空.docx")).rejects.toMatchObject({ code: "corrupt-docx" });
  });

  it("says in --help that positions refer to the extracted text", async () => {
    const { stdout } = await runCli(["check", "--help"]);
    expect(stdout).toMatch(/\.html 和 \.docx 的行号、列号指提取出来的纯文字/);
  });
});

describe("stdin", () => {
  it("reads - as text and reports it as <stdin>", async () => {
    const { reports, code } = await checkJson(["-"], { stdin: "第一行\n这是最好的\n" });
    expect(code).toBe(0);
    expect(reports[0]?.filePath).toBe("<stdin>");
    expect(reports[0]?.findings.map((f) => [f.text, f.line, f.column])).toEqual([["最好", 2, 3]]);
  });

  it("decodes stdin bytes as UTF-8 even when split inside a character", async () => {
    const bytes = Buffer.from("台湾总统", "utf8");
    const result = await runCli(["check", ...WITH_TEST_PACK, "-f", "json", "-"], { stdin: bytes });
    expect(JSON.parse(result.stdout)[0].findings[0].text).toBe("台湾总统");
  });
});

describe("file-system errors", () => {
  it.each([
    ["ENOENT", "找不到文件：a.md（no such file）"],
    ["EACCES", "没有读取权限：a.md（permission denied）"],
    ["EPERM", "没有读取权限：a.md（permission denied）"],
  ])("%s becomes a Chinese message naming the file", (code, message) => {
    const error = Object.assign(new Error(code), { code });
    expect(fromFsError(error, "a.md").message).toBe(message);
  });

  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot)(
    "an unreadable file (chmod 000) is reported, exit 2 (skipped as root: root reads anything)",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "shengao-perm-"));
      writeFileSync(join(dir, "locked.txt"), "台湾总统");
      writeFileSync(join(dir, "open.txt"), "最好");
      chmodSync(join(dir, "locked.txt"), 0o000);
      const result = await checkJson(["locked.txt", "open.txt"], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("没有读取权限：locked.txt");
      expect(result.reports.map((r) => r.filePath)).toEqual(["open.txt"]);
    },
  );
});

describe("a binary file saved or renamed as text", () => {
  it("is not screened as mojibake that passes clean: it is named as no text, the rest still checked, exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-binary-"));
    // a PNG's first bytes (zeros among them), a run of bytes without zeros but full of controls
    writeFileSync(
      join(dir, "scan.txt"),
      Buffer.from("89504e470d0a1a0a0000000d49484452000001000000010008060000005c72a866", "hex"),
    );
    const controls = Buffer.from(
      Array.from({ length: 400 }, (_, i) => [0x01, 0x02, 0x8f, 0xc3, 0x10][i % 5] as number),
    );
    writeFileSync(join(dir, "blob.md"), controls);
    // a draft with a terminal colour pasted in and a form feed is still text
    writeFileSync(join(dir, "draft.txt"), "台湾总统\u001b[0m讲话。\f\n");
    // one stray zero byte, and PowerPoint's \v line breaks, are still text
    writeFileSync(join(dir, "stray.txt"), `${"明天下雨。".repeat(80)}台湾总统\u0000`);
    writeFileSync(join(dir, "slides.txt"), "第一行\v第二行\v台湾总统\v第四行\v");
    const { code, reports, stderr } = await checkJson(
      ["scan.txt", "blob.md", "draft.txt", "stray.txt", "slides.txt"],
      {
        cwd: dir,
      },
    );
    expect(code).toBe(2);
    expect(reports.map((r) => [r.filePath, r.unreadable?.code])).toEqual([
      ["scan.txt", "not-text"],
      ["blob.md", "not-text"],
      ["draft.txt", undefined],
      ["stray.txt", undefined],
      ["slides.txt", undefined],
    ]);
    for (const k of [2, 3, 4]) expect(reports[k]?.findings.map((f) => f.text)).toEqual(["台湾总统"]);
    expect(stderr).toContain("不是文本文件：scan.txt，里面是二进制内容");
    const piped = await checkJson(["-"], { stdin: controls });
    expect([piped.code, piped.reports[0]?.unreadable?.code]).toEqual([2, "not-text"]);
  });
});
