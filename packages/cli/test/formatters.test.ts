import { describe, expect, it } from "vitest";
import { json } from "../src/report/json.js";
import { sarif } from "../src/report/sarif.js";
import { stylish } from "../src/report/stylish.js";
import type { FileReport } from "../src/report/types.js";
import { expectGolden, findingIn } from "./helpers.js";

// Hand-made findings: the reporters are tested apart from the screening engine.
const postText = "# 标题\n\n昨天台湾总统发表讲话。\n据悉，这是最好的👍产品，最好！\n";
const pageText = "新闻\n台湾总统到访\n";

const files: FileReport[] = [
  {
    filePath: "drafts/post.md",
    text: postText,
    extracted: false,
    findings: [
      findingIn(postText, "台湾总统", {
        ruleId: "politics/leader-title",
        kind: "replace",
        category: "规范表述",
        severity: "error",
        message: "应使用规范表述“台湾地区领导人”",
        suggestions: ["台湾地区领导人"],
        basis: { document: "新华社新闻信息报道中的禁用词和慎用词", article: "第一条" },
        fix: {
          start: postText.indexOf("台湾总统"),
          end: postText.indexOf("台湾总统") + 4,
          replacement: "台湾地区领导人",
        },
      }),
      findingIn(postText, "据悉", { ruleId: "style/source", severity: "info", message: "请写明消息来源" }),
      findingIn(postText, "最好", {
        ruleId: "ad-law/absolute",
        severity: "warning",
        message: "绝对化用语",
        category: "广告法",
        suggestions: ["较好", "很好"],
      }),
      findingIn(
        postText,
        "最好",
        { ruleId: "ad-law/absolute", severity: "warning", message: "绝对化用语", category: "广告法" },
        1,
      ),
    ],
  },
  { filePath: "drafts/clean.txt", text: "没有问题的稿子\n", extracted: false, findings: [] },
  {
    filePath: "drafts/页面.html",
    text: pageText,
    extracted: true,
    findings: [
      findingIn(pageText, "台湾总统", {
        ruleId: "politics/leader-title",
        kind: "replace",
        category: "规范表述",
        severity: "error",
        message: "应使用规范表述“台湾地区领导人”",
        suggestions: ["台湾地区领导人"],
        fix: { start: 3, end: 7, replacement: "台湾地区领导人" },
      }),
    ],
  },
];

describe("reporters (golden files)", () => {
  it("stylish without colour", () => {
    expectGolden("reporters.stylish.txt", stylish(files, { color: false }));
  });

  it("json", () => {
    expectGolden("reporters.json", json(files, { color: false }));
  });

  it("sarif", () => {
    const problems = [
      { file: "drafts/missing.md", message: "找不到文件：drafts/missing.md（no such file）" },
    ];
    expectGolden("reporters.sarif", sarif(files, { color: false, runProblems: problems }));
  });
});

describe("stylish", () => {
  it("colours only when asked", () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes
    const ansi = /\u001b\[/;
    expect(stylish(files, { color: true })).toMatch(ansi);
    expect(stylish(files, { color: false })).not.toMatch(ansi);
  });

  it("counts every severity in the summary", () => {
    expect(stylish(files, { color: false })).toContain("✖ 5 个问题（2 个错误，2 个警告，1 个提示）");
  });

  it("says so when nothing was found", () => {
    const clean = stylish([files[1] as FileReport], { color: false });
    expect(clean).toBe("✔ 没有发现问题（检查了 1 个文件）\n");
  });

  it("tells that positions of extracted text are not file positions", () => {
    const out = stylish(files, { color: false });
    expect(out).toContain("drafts/页面.html  （行号、列号按提取出的纯文字计算）");
    expect(out).not.toContain("drafts/post.md  （");
  });
});

describe("json", () => {
  it("gives every file with its findings and counts", () => {
    const parsed = JSON.parse(json(files, { color: false }));
    expect(parsed.map((r: { filePath: string }) => r.filePath)).toEqual(files.map((f) => f.filePath));
    expect(parsed[0]).toMatchObject({ errorCount: 1, warningCount: 2, infoCount: 1 });
    expect(parsed[0].findings).toEqual(files[0]?.findings);
    expect(Object.keys(parsed[1]).sort()).toEqual([
      "errorCount",
      "fatalErrorCount",
      "filePath",
      "findings",
      "infoCount",
      "positionsIn",
      "warningCount",
    ]);
  });

  it("says where positions are, and gives no fix for extracted text, whose file it would corrupt", () => {
    const parsed = JSON.parse(json(files, { color: false }));
    expect(parsed.map((r: { positionsIn: string }) => r.positionsIn)).toEqual([
      "file",
      "file",
      "extracted-text",
    ]);
    expect(parsed[0].findings[0].fix).toEqual(files[0]?.findings[0]?.fix);
    expect(parsed[2].findings[0]).not.toHaveProperty("fix");
    expect(parsed[2].findings[0].suggestions).toEqual(["台湾地区领导人"]);
    expect(parsed[2].errorCount).toBe(1);
  });

  it("lists the inputs it could not read, with the reason, but not a broken lexicon", () => {
    const runProblems = [
      {
        file: "drafts/旧稿.doc",
        message: "不支持的文件类型：drafts/旧稿.doc",
        inputCode: "unsupported-type" as const,
      },
      { file: "lexicons/坏词库.yaml", message: "词库有错误，未使用：lexicons/坏词库.yaml" },
    ];
    const parsed = JSON.parse(json(files, { color: false, runProblems }));
    expect(parsed).toHaveLength(files.length + 1);
    expect(parsed[files.length]).toEqual({
      filePath: "drafts/旧稿.doc",
      unreadable: { code: "unsupported-type", message: "不支持的文件类型：drafts/旧稿.doc" },
      findings: [],
      errorCount: 1,
      fatalErrorCount: 1,
      warningCount: 0,
      infoCount: 0,
    });
  });

  it("puts each unreadable input in its place among the others", () => {
    const unreadable = (file: string, at?: number) => ({
      file,
      message: `无法读取文件：${file}`,
      inputCode: "unreadable" as const,
      ...(at === undefined ? {} : { at }),
    });
    const runProblems = [
      unreadable("a.txt", 0),
      unreadable("b.txt", 2),
      unreadable("c.txt", 2),
      unreadable("z.txt"),
    ];
    const parsed = JSON.parse(json(files, { color: false, runProblems }));
    expect(parsed.map((r: { filePath: string }) => r.filePath)).toEqual([
      "a.txt",
      files[0]?.filePath,
      files[1]?.filePath,
      "b.txt",
      "c.txt",
      files[2]?.filePath,
      "z.txt",
    ]);
  });
});

describe("sarif", () => {
  const log = JSON.parse(sarif(files, { color: false }));
  const run = log.runs[0];

  it("declares SARIF 2.1.0, the tool and UTF-16 columns", () => {
    expect(log.version).toBe("2.1.0");
    expect(run.tool.driver.name).toBe("shengao");
    expect(run.columnKind).toBe("utf16CodeUnits");
  });

  it("lists each rule once, with category and level, and results point at them", () => {
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(["politics/leader-title", "style/source", "ad-law/absolute"]);
    for (const result of run.results) expect(ids[result.ruleIndex]).toBe(result.ruleId);
    expect(run.tool.driver.rules[2]).toMatchObject({
      properties: { category: "广告法" },
      defaultConfiguration: { level: "warning" },
    });
    expect(run.results.map((r: { level: string }) => r.level)).toEqual([
      "error",
      "note",
      "warning",
      "warning",
      "error",
    ]);
  });

  it("regions cut the snippet out of the text by charOffset/charLength", () => {
    for (const result of run.results) {
      const location = result.locations[0].physicalLocation;
      const file = files.find((f) => encodeURI(f.filePath) === location.artifactLocation.uri);
      const { charOffset, charLength, snippet } = result.properties?.extractedRegion ?? location.region;
      expect(file?.text.slice(charOffset, charOffset + charLength)).toBe(snippet.text);
    }
  });

  it("gives text extracted from .html or .docx only the file's first line, as its lines are not the file's", () => {
    const extracted = run.results[4];
    expect(extracted.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "drafts/%E9%A1%B5%E9%9D%A2.html" },
      region: { startLine: 1 },
    });
    expect(extracted.message.text).toMatch(/（提取出的文字第 \d+ 行第 \d+ 列：「.+」）$/);
    expect(extracted.properties.extractedRegion).toMatchObject({ startLine: expect.any(Number) });
    expect(run.results[0].locations[0].physicalLocation.region).toBeDefined();
  });

  it("names a file outside the working directory by a file:// URI, its absolute path being none", () => {
    const outside = [{ ...(files[0] as FileReport), filePath: "/tmp/稿件 一.md" }];
    const uri = JSON.parse(sarif(outside, { color: false })).runs[0].results[0].locations[0].physicalLocation
      .artifactLocation.uri;
    expect(uri).toBe("file:///tmp/%E7%A8%BF%E4%BB%B6%20%E4%B8%80.md");
  });

  it("percent-encodes Chinese file names and offers fixes only for files not extracted", () => {
    const uris = run.results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => {
        return r.locations[0]?.physicalLocation.artifactLocation.uri;
      },
    );
    expect(uris).toContain("drafts/%E9%A1%B5%E9%9D%A2.html");
    expect(run.results[0].fixes).toHaveLength(1);
    expect(run.results[4].fixes).toBeUndefined();
    expect(run.results[4].properties.positionsIn).toBe("extracted-text");
  });

  it("marks the run unsuccessful when an input could not be read", () => {
    const failed = JSON.parse(sarif(files, { color: false, runProblems: [{ message: "坏" }] }));
    expect(failed.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].executionSuccessful).toBe(true);
  });
});
