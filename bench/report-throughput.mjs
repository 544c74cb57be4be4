// Throughput of `shengao report` on a generated archive of 10,000 documents (txt, md, html, docx):
// the built CLI as a user runs it, on the main thread only (--jobs 1) and on every core (the main
// thread and a worker thread per other core), each timed from start to exit (lexicon compile, nodejieba, reading, screening, writing the
// report), median of 3, runs interleaved so a burst of load on a shared machine hits both alike.
// Run after `pnpm build`: node bench/report-throughput.mjs [documents]. Not part of the tests.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateArchive } from "../packages/cli/test/support/archive.mjs";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(REPO, "packages/cli/dist/bin.js");
const OUT = join(REPO, "bench/out/report-throughput.json");
const DOCUMENTS = Number(process.argv[2] ?? 10_000);
const RUNS = 3;
const cores = availableParallelism();

const dir = mkdtempSync(join(tmpdir(), "shengao-report-bench-"));
try {
  const started = performance.now();
  const manifest = await generateArchive(join(dir, "archive"), { documents: DOCUMENTS, seed: 10_000 });
  const generatedS = (performance.now() - started) / 1000;
  const bytes = folderBytes(join(dir, "archive"));
  console.error(
    `${manifest.documents.length} documents, ${(bytes / 1e6).toFixed(1)} MB, generated in ${generatedS.toFixed(0)} s`,
  );

  const modes = [
    { name: "main thread (--jobs 1)", args: ["--jobs", "1"] },
    { name: `main + ${cores - 1} worker thread(s) (--jobs ${cores})`, args: ["--jobs", String(cores)] },
  ];
  const times = modes.map(() => []);
  const load = [];
  for (let run = 0; run < RUNS; run++) {
    for (const [i, mode] of modes.entries()) {
      load.push(loadavg()[0]);
      const start = performance.now();
      const result = spawnSync(
        process.execPath,
        [CLI, "report", "archive", "--out", `out-${i}`, ...mode.args],
        {
          cwd: dir,
          encoding: "utf8",
        },
      );
      const seconds = (performance.now() - start) / 1000;
      // 1 is expected: the archive has error findings on purpose
      if (result.status !== 1) throw new Error(`${mode.name}: exit ${result.status}\n${result.stderr}`);
      times[i].push(seconds);
      console.error(`${mode.name}, run ${run + 1}: ${seconds.toFixed(1)} s`);
    }
  }
  load.push(loadavg()[0]);

  const results = modes.map((mode, i) => {
    const wallS = median(times[i]);
    return {
      mode: mode.name,
      wallS: round(wallS),
      runsS: times[i].map(round),
      docsPerS: Math.round(manifest.documents.length / wallS),
      mbPerS: round(bytes / 1e6 / wallS),
    };
  });
  const record = {
    date: new Date().toISOString(),
    documents: manifest.documents.length,
    megabytes: round(bytes / 1e6),
    node: process.version,
    cpu: cpus()[0]?.model ?? "unknown",
    cores,
    loadAverage1m: { min: round(Math.min(...load)), max: round(Math.max(...load)) },
    results,
  };
  mkdirSync(join(REPO, "bench/out"), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(record, null, 2)}\n`);

  console.log(
    `\`shengao report\`, ${record.documents} documents (${record.megabytes} MB of txt/md/html/docx), ` +
      `${cores} cores, Node ${record.node}, load average ${record.loadAverage1m.min}–${record.loadAverage1m.max} ` +
      `during the runs; wall time from start to exit, median of ${RUNS}:\n`,
  );
  console.log("| mode | wall time | documents/s | MB/s | runs |");
  console.log("|---|---:|---:|---:|---|");
  for (const r of results) {
    console.log(`| ${r.mode} | ${r.wallS} s | ${r.docsPerS} | ${r.mbPerS} | ${r.runsS.join(" / ")} s |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function folderBytes(folder) {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(value) {
  return Math.round(value * 100) / 100;
}
