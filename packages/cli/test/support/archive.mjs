// @ts-check
// A generated archive with known planted findings, for the report's tests (vitest and Playwright)
// and its throughput benchmark. Plain JavaScript, so `node bench/report-throughput.mjs` can use it.
import { mkdir, utimes, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Document, Packer, Paragraph } from "docx";

/**
 * @typedef {{ ruleId: string; lexiconId: string; entryId: string; category: string;
 *   severity: "error" | "warning" | "info" }} PlantedFinding
 * @typedef {{ text: string; findings: PlantedFinding[] }} Plant
 * @typedef {"front-matter" | "meta" | "file-name" | "mtime"} DateSource
 * @typedef {{ path: string; format: "txt" | "md" | "html" | "docx"; date: string; dateSource: DateSource;
 *   findings: PlantedFinding[] }} PlantedDocument
 * @typedef {{ path: string; code: string }} BrokenFile
 * @typedef {{ root: string; documents: PlantedDocument[]; broken: BrokenFile[]; ignored: string[];
 *   sentences: string[]; hostile: { path: string; text: string } }} ArchiveManifest
 */

/** @param {string} ruleId @param {string} category @param {PlantedFinding["severity"]} severity */
const finding = (ruleId, category, severity) => {
  const [lexiconId = "", entryId = ""] = ruleId.split("/");
  return { ruleId, lexiconId, entryId, category, severity };
};

/**
 * Sentences that each give exactly these findings with the default lexicons plus the CLI's test pack
 * (the tests check that first, so an edited lexicon fails there, with a clear message).
 * @type {Record<string, Plant>}
 */
export const PLANTS = {
  northKorea: {
    text: "北韩科学院代表团访问了我省。",
    findings: [finding("editorial/north-korea", "禁用词", "error")],
  },
  congress: {
    text: "学会召开理事会，传达学习党的第二十次代表大会精神。",
    findings: [finding("formulation/congress-20", "规范表述", "error")],
  },
  best: {
    text: "本课程是全省最好的科研写作培训。",
    findings: [
      finding("advertising/zuihao", "广告法", "warning"),
      finding("cli-test/absolute-claim", "广告法", "warning"),
    ],
  },
  hearsay: { text: "据悉，明天下雨。", findings: [finding("cli-test/hint-word", "测试", "info")] },
};

/** Sentences without findings. */
export const FILLERS = [
  "今天天气晴朗，学会组织青年科技工作者参观了科技馆。",
  "专家们就人工智能在医学影像中的应用展开了讨论。",
  "本期推送介绍了三种常见的实验室安全隐患及防范措施。",
  "会议由学会秘书长主持，各专业委员会负责人参加。",
  "欢迎广大会员踊跃投稿，分享科研心得与科普经验。",
];

/** Text that must come out of the report escaped: it is in a document and in a file name. */
export const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(2)>`;

const FORMATS = /** @type {const} */ (["txt", "md", "html", "docx"]);
const FOLDERS = ["公众号", "期刊/2024", "草稿"];
const FIRST_DAY = Date.UTC(2024, 0, 1);
const DAYS = 547; // 2024-01-01 … 2025-06-30

/**
 * Writes `documents` documents (txt, md, html, docx) under `root`, dated by front matter, meta tag,
 * file name or modification time, some with a conflicting file-name date the document's own date
 * must win over, plus broken files and files the folder walk must skip. Same seed, same archive.
 * @param {string} root
 * @param {{ documents?: number; seed?: number; docxShare?: number }} [options]
 * @returns {Promise<ArchiveManifest>}
 */
export async function generateArchive(root, options = {}) {
  const { documents: count = 300, seed = 20250321, docxShare = 0.25 } = options;
  const random = mulberry32(seed);
  const pick = (/** @type {number} */ n) => Math.floor(random() * n);
  /** @type {PlantedDocument[]} */
  const documents = [];
  const sentences = new Set([...FILLERS, ...Object.values(PLANTS).map((plant) => plant.text)]);

  for (let n = 1; n <= count; n++) {
    const nonDocx = FORMATS.filter((f) => f !== "docx");
    const format = random() < docxShare ? "docx" : (nonDocx[pick(nonDocx.length)] ?? "txt");
    const date = isoDay(FIRST_DAY + pick(DAYS) * 86_400_000);
    const title = `学会动态 ${n}`;
    sentences.add(title);

    /** @type {string[]} */
    const body = [];
    /** @type {PlantedFinding[]} */
    const findings = [];
    for (const plant of Object.values(PLANTS)) {
      // most documents are clean; a few have several findings of a kind
      const times = [0, 0, 0, 0, 0, 1, 1, 2, 3][pick(9)] ?? 0;
      for (let i = 0; i < times; i++) {
        body.push(plant.text);
        findings.push(...plant.findings);
      }
    }
    for (let i = 0, fillers = 1 + pick(4); i < fillers; i++) body.push(FILLERS[pick(FILLERS.length)] ?? "");
    shuffle(body, random);

    const own = (format === "md" || format === "html") && random() < 0.7;
    const named = !own && random() < 0.6;
    /** @type {DateSource} */
    const dateSource = own ? (format === "md" ? "front-matter" : "meta") : named ? "file-name" : "mtime";
    // A document with its own date sometimes has another in its name: the document's own one wins.
    const nameDate = named
      ? date
      : own && random() < 0.5
        ? isoDay(FIRST_DAY + pick(DAYS) * 86_400_000)
        : undefined;
    const folder = FOLDERS[n % FOLDERS.length] ?? "";
    const path = `${folder}/${nameDate === undefined ? "" : `${datedName(nameDate, n)}-`}文章${n}.${format}`;
    const file = join(root, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, await render(format, title, body, own ? date : undefined));
    // mtime always set, and to another day when a date is written elsewhere: it must lose
    const mtimeDay = dateSource === "mtime" ? date : isoDay(FIRST_DAY + pick(DAYS) * 86_400_000);
    const noon = localNoon(mtimeDay);
    await utimes(file, noon, noon);
    documents.push({ path, format, date, dateSource, findings });
  }

  const hostile = {
    path: `草稿/${HOSTILE.replace(/\//g, "")}.txt`,
    text: `${HOSTILE}${PLANTS.northKorea?.text}${HOSTILE}\n`,
  };
  await writeFile(join(root, hostile.path), hostile.text);
  await utimes(join(root, hostile.path), localNoon("2025-06-30"), localNoon("2025-06-30"));
  documents.push({
    path: hostile.path,
    format: "txt",
    date: "2025-06-30",
    dateSource: "mtime",
    findings: PLANTS.northKorea?.findings ?? [],
  });

  const word = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("半截")] }] }));
  const broken = [
    { path: "损坏/乱码.docx", bytes: Buffer.from("这不是 Word 文档") },
    { path: "损坏/空文件.docx", bytes: Buffer.alloc(0) },
    { path: "损坏/半截.docx", bytes: word.subarray(0, Math.floor(word.length / 2)) },
  ];
  for (const { path, bytes } of broken) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), bytes);
  }
  // never screened: hidden and node_modules folders are skipped by the walk; a PDF is listed as a
  // document of a type that cannot be read
  const ignored = [".回收站/旧稿.md", "node_modules/pkg/readme.md"];
  const unsupported = ["损坏/扫描件.pdf"];
  for (const path of [...ignored, ...unsupported]) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), PLANTS.northKorea?.text ?? "");
  }

  return {
    root,
    documents,
    // in the order the folder walk finds them: by name, in code-unit order
    broken: [
      ...broken.map(({ path }) => ({ path, code: "corrupt-docx" })),
      ...unsupported.map((path) => ({ path, code: "unsupported-type" })),
    ].sort((a, b) => (a.path < b.path ? -1 : 1)),
    ignored,
    sentences: [...sentences],
    hostile,
  };
}

/**
 * @param {PlantedDocument["format"]} format @param {string} title @param {string[]} body
 * @param {string | undefined} date the document's own date, written inside it
 * @returns {Promise<string | Buffer>}
 */
async function render(format, title, body, date) {
  if (format === "docx") {
    const children = [title, ...body].map((text) => new Paragraph(text));
    return Packer.toBuffer(new Document({ sections: [{ children }] }));
  }
  if (format === "html") {
    const meta =
      date === undefined
        ? ""
        : date < "2025"
          ? `<meta name="date" content="${date}">`
          : `<meta property="article:published_time" content="${date}T09:30:00+08:00">`;
    // The head's title and script are not visible text: a finding there must not count.
    const hidden = `<title>${title}</title><script>var t = "${PLANTS.northKorea?.text}";</script>`;
    const paragraphs = body.map((text) => `<p>${text}</p>`).join("\n");
    return `<!doctype html><html><head><meta charset="utf-8">${meta}${hidden}</head>\n<body><h1>${title}</h1>\n${paragraphs}\n</body></html>\n`;
  }
  const frontMatter = format === "md" && date !== undefined ? `---\ndate: ${date}\n---\n\n` : "";
  const heading = format === "md" ? `# ${title}` : title;
  return `${frontMatter}${heading}\n\n${body.join("\n\n")}\n`;
}

/** The ways archives put a date in a file name. @param {string} date @param {number} n */
function datedName(date, n) {
  const [y, m, d] = date.split("-");
  if (n % 3 === 0) return `${y}${m}${d}`;
  if (n % 3 === 1) return date;
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** @param {number} time */
function isoDay(time) {
  return new Date(time).toISOString().slice(0, 10);
}

/** Noon local time, so the file manager's day and ours agree in any time zone. @param {string} day */
export function localNoon(day) {
  const [y = 0, m = 1, d = 1] = day.split("-").map(Number);
  return new Date(y, m - 1, d, 12);
}

/** @template T @param {T[]} items @param {() => number} random */
function shuffle(items, random) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = /** @type {[T, T]} */ ([items[j], items[i]]);
  }
}

/** A small seeded generator (mulberry32): the same archive on every machine. @param {number} seed */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
