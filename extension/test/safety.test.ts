import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Drafts are private and page or lexicon text must never become HTML: the extension's own code
// has no network API and no HTML parsing sink. (The built extension's requests are watched in
// test/e2e; this keeps the source honest.)
const ROOT = new URL("..", import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|html)$/.test(name) ? [path] : [];
  });
}

const files = [...sources(join(ROOT, "lib")), ...sources(join(ROOT, "entrypoints"))];

describe("extension source", () => {
  it("has files to check", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each([
    ["innerHTML", /\.innerHTML\b/],
    ["outerHTML", /\.outerHTML\b/],
    ["insertAdjacentHTML", /insertAdjacentHTML/],
    ["document.write", /\.write(ln)?\(/],
    ["DOMParser", /DOMParser/],
    ["fetch", /\bfetch\(/],
    ["XMLHttpRequest", /XMLHttpRequest/],
    ["WebSocket", /WebSocket/],
    ["sendBeacon", /sendBeacon/],
    ["EventSource", /EventSource/],
  ])("never uses %s", (_name, pattern) => {
    const hits = files.filter((f) => pattern.test(readFileSync(f, "utf8")));
    expect(hits).toEqual([]);
  });
});
