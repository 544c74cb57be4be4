// Copies the repository's default lexicon packs (lexicons/*.yaml) into this package's lexicons/,
// so that the package installed outside the repository screens with them (see lexiconFiles.ts).
// A build step, not a second source: the copy is not committed.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(packageRoot, "..", "..", "lexicons");
const target = join(packageRoot, "lexicons");
rmSync(target, { recursive: true, force: true });
mkdirSync(target);
const packs = readdirSync(source).filter((name) => /\.(ya?ml|json)$/i.test(name));
if (packs.length === 0) throw new Error(`no lexicon packs in ${source}`);
for (const name of packs) copyFileSync(join(source, name), join(target, name));
console.log(`copied ${packs.length} lexicon packs into ${target}`);
