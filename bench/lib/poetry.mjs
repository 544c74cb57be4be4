// A second real corpus, larger than the one in test/corpus and not repeated: classical Chinese
// poetry from the npm package chinese-poetry (songci and yuanqu in simplified characters, the Tang
// poems of quantangshi in traditional ones). It is 85 MB to download, so it is not a dependency:
// the bench fetches it from the npm registry on first use and keeps it in bench/.cache.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const POETRY_PACKAGE = "chinese-poetry@2.0.1";
const CACHE = join(dirname(fileURLToPath(import.meta.url)), "../.cache/chinese-poetry");
/** The collections read, in this order: modern simplified forms first, then traditional ones. */
const COLLECTIONS = ["songci", "yuanqu", "quantangshi"];

/** The package's data folder, fetched once with `npm pack`; undefined (and why) when it cannot be. */
function poetryDir() {
  const dist = join(CACHE, "package/dist");
  if (existsSync(join(dist, COLLECTIONS[0]))) return { dist };
  try {
    rmSync(CACHE, { recursive: true, force: true });
    mkdirSync(CACHE, { recursive: true });
    const tarball = execFileSync("npm", ["pack", POETRY_PACKAGE, "--silent"], {
      cwd: CACHE,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).trim();
    const wanted = COLLECTIONS.map((c) => `package/dist/${c}`);
    execFileSync("tar", ["-xzf", join(CACHE, tarball), "-C", CACHE, ...wanted]);
    rmSync(join(CACHE, tarball));
    return { dist };
  } catch (error) {
    return {
      why: `${POETRY_PACKAGE} could not be fetched from the npm registry: ${error.message.split("\n")[0]}`,
    };
  }
}

/** Lines of a collection's JSON files: each poem's title, then its lines, as a post would have them. */
function* poems(dir) {
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const data = JSON.parse(readFileSync(join(dir, file), "utf8"));
    for (const poem of Array.isArray(data) ? data : []) {
      const lines = [poem.title ?? poem.rhythmic, ...(poem.paragraphs ?? [])].filter(
        (l) => typeof l === "string" && l.length > 0,
      );
      if (lines.length > 1) yield lines.join("\n");
    }
  }
}

/**
 * About `bytes` of UTF-8 poetry, each collection contributing an equal share (so both scripts are
 * in it), never repeated; `{ why }` instead when the package cannot be had.
 */
export function poetryText(bytes) {
  const { dist, why } = poetryDir();
  if (!dist) return { why };
  const share = bytes / COLLECTIONS.length;
  const parts = [];
  for (const collection of COLLECTIONS) {
    let size = 0;
    for (const poem of poems(join(dist, collection))) {
      parts.push(poem);
      size += Buffer.byteLength(poem) + 2;
      if (size >= share) break;
    }
  }
  return { text: parts.join("\n\n"), source: `${POETRY_PACKAGE}: ${COLLECTIONS.join(", ")}` };
}
