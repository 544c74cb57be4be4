import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type BrowserContext,
  test as base,
  chromium,
  expect,
  type Page,
  type TestInfo,
  type Worker,
} from "@playwright/test";
import { CHROMIUM, EXTENSION_DIR, OTHER_SITE_BASE, SITE_BASE } from "./paths";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--lang=zh-CN",
];

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request the pages and the service worker made. */
  requests: string[];
  /** Requests to anything but the test pages and the extension; the router refused them. */
  foreign: string[];
  extensionId?: string;
  worker?: Worker;
  close(): Promise<void>;
}

/**
 * A Chromium with (or without) the built extension, or the extension in `extensionDir`. Pages under
 * SITE_BASE and OTHER_SITE_BASE are answered from the local static server; any other http(s)
 * request is recorded and aborted.
 */
export async function launch(withExtension: boolean, extensionDir = EXTENSION_DIR): Promise<Session> {
  const server = process.env.SHENGAO_E2E_SERVER;
  if (!server) throw new Error("the static server is not running (globalSetup)");
  const userDataDir = mkdtempSync(join(tmpdir(), "shengao-e2e-"));
  const args = withExtension
    ? [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
    : CHROMIUM_ARGS;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    locale: "zh-CN",
    viewport: { width: 1000, height: 720 },
  });
  const requests: string[] = [];
  const foreign: string[] = [];
  context.on("request", (request) => {
    const url = request.url();
    requests.push(url);
    if (!isAllowed(url)) foreign.push(url);
  });
  // http(s) only: the extension's own chrome-extension:// files load as they are
  await context.route(/^https?:\/\//, async (route) => {
    const url = route.request().url();
    const base = [SITE_BASE, OTHER_SITE_BASE].find((b) => url.startsWith(b));
    if (base === undefined) {
      if (!foreign.includes(url)) foreign.push(url);
      return route.abort("blockedbyclient");
    }
    const response = await fetch(new URL(url.slice(base.length), server));
    await route.fulfill({
      status: response.status,
      contentType: response.headers.get("content-type") ?? undefined,
      body: Buffer.from(await response.arrayBuffer()),
    });
  });
  let worker: Worker | undefined;
  let extensionId: string | undefined;
  if (withExtension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
    extensionId = new URL(worker.url()).host;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    requests,
    foreign,
    extensionId,
    worker,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

function isAllowed(url: string): boolean {
  return (
    url.startsWith(SITE_BASE) ||
    url.startsWith(OTHER_SITE_BASE) ||
    url.startsWith("chrome-extension://") ||
    url.startsWith("data:") ||
    url.startsWith("blob:") ||
    url.startsWith("about:")
  );
}

/**
 * Runs `body` with a browser session, then attaches a screenshot of every open page (so a failure
 * can be looked at) and fails if anything made a request beyond the test pages and the extension.
 */
export async function withSession<T>(
  testInfo: TestInfo,
  withExtension: boolean,
  body: (session: Session) => Promise<T>,
): Promise<T> {
  const session = await launch(withExtension);
  try {
    const result = await body(session);
    await attachScreenshots(testInfo, session, withExtension ? "final" : "without-extension");
    expect(session.foreign, "requests beyond the local test pages and the extension").toEqual([]);
    return result;
  } catch (error) {
    await attachScreenshots(testInfo, session, "failed").catch(() => undefined);
    throw error;
  } finally {
    await session.close();
  }
}

export async function attachScreenshots(testInfo: TestInfo, session: Session, label: string): Promise<void> {
  for (const [i, page] of session.context.pages().entries()) {
    if (!page.isClosed()) await snapshot(testInfo, page, `${label}-${i}`);
  }
}

let shots = 0;

/**
 * A screenshot of one page at a step of a test: written into the test's folder under test-results
 * (kept whether the test passes or fails) and attached to the report.
 */
export async function snapshot(testInfo: TestInfo, page: Page, label: string): Promise<void> {
  const path = testInfo.outputPath(
    `${String(++shots).padStart(2, "0")}-${label.replace(/[^\w-]+/g, "-")}.png`,
  );
  await page.screenshot({ path });
  await testInfo.attach(label, { path, contentType: "image/png" });
}

/** Opens one of the extension's own pages (popup.html, options.html) in a new tab. */
/**
 * The popup, opened as a tab (Playwright cannot click the toolbar button) with `?tab=` naming the
 * page it reports on, the way the extension opens it in a window itself.
 */
export async function openPopup(session: Session, page: Page): Promise<Page> {
  const tabId = await session.worker?.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === url || t.pendingUrl === url)?.id ?? tabs[0]?.id;
  }, page.url());
  return extensionPage(session, `popup.html?tab=${tabId}`);
}

export async function extensionPage(session: Session, path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
}

/**
 * `ext`: a fresh browser with the extension for each test (settings and ignored findings never
 * leak between tests), checked and photographed as in `withSession`.
 */
export const test = base.extend<{ ext: Session }>({
  ext: async ({ browserName: _ }, use, testInfo) => {
    await withSession(testInfo, true, (session) => use(session));
  },
});

export { expect };
