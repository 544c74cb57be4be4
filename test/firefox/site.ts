import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import type { HTTPRequest, Page } from "puppeteer-core";
import { PAGES_DIR, SITE_BASE, SITE_ORIGIN } from "../e2e/support/paths";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/**
 * Serves the Chromium tests' pages (test/e2e/pages) at SITE_BASE, a known site's origin, so the
 * production build's content script runs there as is. The answers come from this process through
 * WebDriver BiDi request interception, the way Playwright's router does it for the Chromium tests:
 * the request is stopped before DNS or any connection, so no server, certificate or hosts mapping
 * is needed for https. Any other http(s) request is recorded in `foreign` and aborted.
 */
export async function serveKnownSite(page: Page, foreign: string[]): Promise<void> {
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    answer(request, foreign).catch((error: unknown) => {
      foreign.push(`${request.url()} (not answered: ${error})`);
    });
  });
}

async function answer(request: HTTPRequest, foreign: string[]): Promise<void> {
  const url = request.url();
  if (!/^https?:\/\//.test(url)) return request.continue();
  if (url.startsWith(SITE_BASE)) {
    // the URL parser has already resolved any ../, so the path stays inside the pages folder
    const path = new URL(url).pathname.slice(new URL(SITE_BASE).pathname.length);
    const body = await readFile(join(PAGES_DIR, path)).catch(() => undefined);
    if (body === undefined) return request.respond({ status: 404, body: "not found" });
    return request.respond({
      status: 200,
      contentType: TYPES[extname(path)] ?? "application/octet-stream",
      body,
    });
  }
  // Firefox asks the site for /favicon.ico by itself: the site's own origin, not a leak
  if (url.startsWith(`${SITE_ORIGIN}/`)) return request.respond({ status: 404, body: "not found" });
  foreign.push(url);
  return request.abort("blockedbyclient");
}
