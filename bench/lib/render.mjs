// The bench's results as markdown: figures per lexicon size, the targets of the benchmark issue
// (met or missed, and by how much), segmenters, and what the other bench scripts measured.
const fmt = (x, digits = 1) => (x == null ? "–" : x.toFixed(digits));

function table(header, rows) {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

function fastestPeer(lexicon, peers) {
  return peers.reduce((best, p) => (lexicon.engines[p].mbPerS > lexicon.engines[best].mbPerS ? p : best));
}

/**
 * How many times the ceiling loop's time an engine takes: timed with it post by post (pairedMs),
 * or, in a record made before that, from the two MB/s.
 */
function toCeiling(lexicon, name) {
  const e = lexicon.engines[name];
  if (!e) return null;
  return e.ceilingRatio ?? lexicon.engines.ceiling.mbPerS / e.mbPerS;
}

function lexiconTable(lexicon, peers) {
  const peer = fastestPeer(lexicon, peers);
  const rows = Object.entries(lexicon.engines).map(([name, e]) => [
    name,
    fmt(e.buildMs, 0),
    fmt(e.loadCompiledMs, 0),
    e.postMs == null ? "–" : fmt(e.postMs, 3),
    fmt(e.mbPerS, 2) + (e.textScreened < 1 ? ` (on ${(e.textScreened * 100).toFixed(0)}% of the text)` : ""),
    fmt(e.mbPerS / lexicon.engines[peer].mbPerS, 2),
    e.memory ? fmt(e.memory.peakMb, 0) : "–",
    e.memory ? fmt(e.memory.retainedMb, 0) : "–",
    e.findingsPerPost ?? "–",
  ]);
  return table(
    [
      "engine",
      "build ms",
      "load compiled ms",
      "10k-char post ms",
      "MB/s",
      `× ${peer}`,
      "peak MB",
      "retained MB",
      "matches / post",
    ],
    rows,
  );
}

function targets(results) {
  const rows = [];
  const check = (what, ok, measured, target) =>
    rows.push([what, measured, target, ok ? "met" : "**missed**"]);
  for (const lexicon of results.lexicons) {
    const e = lexicon.engines;
    const peer = fastestPeer(lexicon, results.peers);
    const vsPeer = e["shengao exact"].mbPerS / e[peer].mbPerS;
    check(
      `${lexicon.terms} terms: exact vs fastest peer (${peer})`,
      vsPeer >= 2,
      `${fmt(vsPeer, 2)}×`,
      "≥ 2×",
    );
    const ceiling = toCeiling(lexicon, "shengao exact");
    const matching = toCeiling(lexicon, "shengao exact, matching only");
    check(
      `${lexicon.terms} terms: exact / ceiling loop, timed on the same posts`,
      ceiling <= 3,
      matching == null ? `${fmt(ceiling, 1)}×` : `${fmt(ceiling, 1)}× (matching alone: ${fmt(matching, 1)}×)`,
      "≤ 3×",
    );
    const norm = e["shengao normalised"].mbPerS / e[peer].mbPerS;
    check(`${lexicon.terms} terms: normalised vs fastest peer`, norm >= 1, `${fmt(norm, 2)}×`, "≥ 1×");
  }
  // the per-post, build and memory targets, for one entry per term and for one word list
  const at100k = results.lexicons.find((l) => l.terms === 100_000);
  const perEngine = ["shengao exact", "shengao normalised"].map((name) => [name, at100k?.engines[name]]);
  for (const [name, e] of [...perEngine, ...Object.entries(at100k?.wordLists ?? {})]) {
    if (!e) continue;
    check(`${name}: 10k-char post, 100k terms`, e.postMs < 1, `${fmt(e.postMs, 3)} ms`, "< 1 ms");
    check(`${name}: build of 100k terms`, e.buildMs < 300, `${fmt(e.buildMs, 0)} ms`, "< 300 ms");
    check(
      `${name}: peak memory, 100k terms`,
      e.memory.peakMb < 150,
      `${fmt(e.memory.peakMb, 0)} MB`,
      "< 150 MB",
    );
  }
  for (const row of results.extension?.results ?? []) {
    check(
      `extension: ${row.characters}-character draft in a ${row.editor}, pause → highlights drawn`,
      row.drawnMs < 50,
      `${fmt(row.drawnMs, 1)} ms`,
      "< 50 ms",
    );
  }
  return table(["target", "measured", "target", ""], rows);
}

function wordListTable(lexicon) {
  if (!lexicon.wordLists) return "";
  const rows = Object.entries(lexicon.wordLists).map(([name, e]) => [
    name,
    fmt(e.buildMs, 0),
    fmt(e.postMs, 3),
    fmt(e.memory.peakMb, 0),
    fmt(e.memory.retainedMb, 0),
    e.findingsPerPost,
  ]);
  return table(
    [
      "one entry of all the terms",
      "build ms",
      "10k-char post ms",
      "peak MB",
      "retained MB",
      "findings / post",
    ],
    rows,
  );
}

/** Words mint-filter missed that no overlap explains: it has no failure links (see agreement.mjs). */
function mintMisses(a) {
  if (!a.mintMissedOther) return "";
  return `, and ${a.mintMissedOther} more that nothing overlaps (e.g. ${a.mintMissedExample}): with no failure links it resumes after a longer term that began earlier and failed, as 泪如雨下 hides 如雨 in 泪如雨。`;
}

/** How shengao exact agreed with modern-ahocorasick: the same, or but for a term overlapping itself. */
function exactAgreement(a) {
  if (!a.selfOverlapping) return "identical in shengao exact and both modern-ahocorasick builds";
  return `identical in both modern-ahocorasick builds, and in shengao exact but for ${a.selfOverlapping} occurrence(s) overlapping an earlier one of the same term (shengao reports those once: 深深 in 深深深)`;
}

function secondCorpusSection(second, peers) {
  if (!second) return "";
  const intro = ["## A second real corpus: classical poetry", ""];
  if (!second.lexicons) return [...intro, `Left out of this run: ${second.why}`, ""].join("\n");
  const sections = second.lexicons.flatMap((l) => {
    const peer = fastestPeer(l, peers);
    const rows = Object.entries(l.engines).map(([name, e]) => [
      name,
      fmt(e.mbPerS, 2) +
        (e.textScreened < 1 ? ` (on ${(e.textScreened * 100).toFixed(0)}% of the text)` : ""),
      fmt(e.mbPerS / l.engines[peer].mbPerS, 2),
      name === "ceiling" ? "–" : fmt(toCeiling(l, name), 1),
      fmt(e.matchesPer10k, 1),
    ]);
    return [
      `### ${l.terms.toLocaleString("en")} terms`,
      "",
      `Agreement checked first on ${l.agreement.posts} posts: ${l.agreement.matches} exact matches, ${exactAgreement(l.agreement)}; shengao normalised found the same plus ${l.agreement.extraNormalised} more (mostly traditional forms of the simplified terms); mint-filter missed ${l.agreement.mintMissedOverlapping} overlapped words of ${l.agreement.distinctWords}, as on the first corpus${mintMisses(l.agreement)}.`,
      "",
      table(["engine", "MB/s", `× ${peer}`, "ceiling / engine", "matches per 10k chars"], rows),
      "",
    ];
  });
  return [
    ...intro,
    `${fmt(second.textMb, 1)} MB of ${second.source} (npm; fetched by the bench into bench/.cache), not repeated: ci and qu in simplified characters, Tang and Song shi in traditional ones, so exact matching of the simplified jieba terms finds less there than matching with every normalisation on. Same terms and engines as above, posts of ≤ 10,000 characters. "ceiling / engine" is, for shengao, its time over the ceiling loop's on the same posts, timed post by post; for the peers, the ceiling's MB/s over theirs.`,
    "",
    ...sections,
  ].join("\n");
}

function segmenterTable(seg) {
  const rows = Object.entries(seg.segmenters).map(([name, s]) => [
    name,
    fmt(s.mbPerS, 2),
    fmt(s.agreement.precision * 100, 1),
    fmt(s.agreement.recall * 100, 1),
    fmt(s.agreement.f1 * 100, 1),
  ]);
  return table(["segmenter", "MB/s", "precision %", "recall %", "F1 % (vs nodejieba)"], rows);
}

function extensionSection(ext) {
  if (!ext) return "";
  const rows = ext.results.map((r) => [
    r.editor,
    r.characters,
    r.findings,
    fmt(r.drawnMs, 1),
    fmt(r.frameMs, 1),
    fmt(r.drawnMaxMs, 1),
    fmt(r.keystrokeMs, 1),
  ]);
  return [
    "",
    "## Extension: keystroke pause → highlights (bench/extension-latency.mjs)",
    "",
    `Chromium ${ext.chromium}, the built extension, ${ext.runs} runs on ${ext.date.slice(0, 10)}; User Timing marks from the end of the ${ext.debounceMs} ms debounce to the marks drawn, and to the next frame.`,
    "",
    table(
      [
        "editor",
        "characters",
        "findings",
        "median ms",
        "to next frame ms",
        "worst ms",
        "keystroke handler ms",
      ],
      rows,
    ),
    "",
  ].join("\n");
}

function reportSection(report) {
  if (!report) return "";
  const rows = report.results.map((r) => [r.mode, fmt(r.wallS, 2), r.docsPerS, fmt(r.mbPerS, 2)]);
  const load = report.loadAverage1m;
  return [
    "",
    "## Archive reports (bench/report-throughput.mjs)",
    "",
    `\`shengao report\` over ${report.documents.toLocaleString("en")} generated documents (${fmt(report.megabytes, 2)} MB) on ${report.date.slice(0, 10)}, ${report.cores} cores, load average ${fmt(load?.min, 1)}–${fmt(load?.max, 1)}; median of 3 runs.`,
    "",
    table(["mode", "wall s", "documents/s", "MB/s"], rows),
    "",
  ].join("\n");
}

export function renderMarkdown(results) {
  const m = results.machine;
  const parts = [
    "# shengao benchmark results",
    "",
    `Run ${m.date.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GiB, Node ${m.node}; ` +
      `load average ${fmt(m.loadBefore, 2)} before, ${fmt(m.loadAfter, 2)} after (a shared machine: read the ratios, not the absolute times). ` +
      `${results.quick ? "Quick run." : "Full run."} Text: the real corpus repeated to ${fmt(results.textMb, 1)} MB of UTF-8, screened as posts of ≤ 10,000 characters cut at line ends. ` +
      "Lexicons: words of two or more Han characters drawn from jieba's dictionary with a fixed seed, one entry per term. " +
      '"Build" parses, validates and compiles the pack, from its JSON text as a file read gives it; "load compiled" parses and loads the output of `shengao lexicon build` (what the extension does). ' +
      "Times are medians of runs interleaved across engines; peak MB is the peak RSS of a fresh Node process that builds the engine " +
      "(from the pack's JSON text read from a file for shengao, from the term array read from a file for the peers) and screens one post, no garbage collection forced (as in a user's process), median of three such processes — Node itself (about 45 MB) and the input included; " +
      "retained MB is the heap the built engine keeps after garbage collection (measured in other processes, between forced collections).",
    "",
    "## Targets",
    "",
    targets(results),
    "",
    ...results.lexicons.flatMap((l) => [
      `## ${l.terms.toLocaleString("en")} terms`,
      "",
      `Agreement checked first on ${l.agreement.posts} posts: ${l.agreement.matches} exact matches, ${exactAgreement(l.agreement)}; mint-filter (which reports words, not places) found the same words except ${l.agreement.mintMissedOverlapping} of ${l.agreement.distinctWords} (distinct per post, summed), each of whose occurrences overlaps another match: mint-filter moves on past each match it reports, so it never reports overlapping ones${mintMisses(l.agreement)}; shengao normalised found all of them plus ${l.agreement.extraNormalised} more (across noise, width, case, traditional forms).`,
      "",
      lexiconTable(l, results.peers),
      "",
      ...(l.wordLists
        ? [
            "The same terms written as one entry (a reviewer's long word list) instead of one entry each: one rule instead of a hundred thousand to build, and within one entry overlapping hits resolve to the leftmost longest, so fewer findings per post.",
            "",
            wordListTable(l),
            "",
          ]
        : []),
    ]),
    secondCorpusSection(results.secondCorpus, results.peers),
    "## Segmenters",
    "",
    `On ${fmt(results.segmentation.sampleMb, 2)} MB of the corpus. Agreement: word boundaries between two Han characters, compared with nodejieba's (the CLI's segmenter), mean over posts.`,
    "",
    segmenterTable(results.segmentation),
    extensionSection(results.extension),
    reportSection(results.report),
  ];
  return `${parts.join("\n")}\n`;
}
