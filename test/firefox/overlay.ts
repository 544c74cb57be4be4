import type { Page } from "puppeteer-core";

/**
 * What the extension drew, read the way the Chromium tests read it (test/e2e/support/editors.ts):
 * `.mark` elements with data-rule / data-severity, and the publish `.dialog`, in the shadow root
 * of the <shengao-overlay> element it adds to the page.
 */
export interface Mark {
  rule: string;
  severity: string;
}

/** Rethrows a wait's timeout with what was awaited: "Waiting failed: 20000ms exceeded" says nothing. */
async function waiting<T>(what: string, timeout: number, wait: Promise<T>): Promise<T> {
  return wait.catch((error: unknown) => {
    throw new Error(
      `no ${what} within ${timeout / 1000} s (${error instanceof Error ? error.message : error})`,
    );
  });
}

export function marks(page: Page): Promise<Mark[]> {
  return page.evaluate(() => {
    const root = document.querySelector("shengao-overlay")?.shadowRoot;
    return [...(root?.querySelectorAll<HTMLElement>(".mark") ?? [])].map((m) => ({
      rule: m.dataset.rule ?? "",
      severity: m.dataset.severity ?? "",
    }));
  });
}

/** Waits for the mark of `rule`; generous, as in the Chromium tests: a loaded CI machine is slow. */
export async function waitForMark(page: Page, rule: string, timeout = 30_000): Promise<Mark> {
  await waiting(
    `mark for ${rule}`,
    timeout,
    page.waitForFunction(
      (ruleId) =>
        Boolean(
          document
            .querySelector("shengao-overlay")
            ?.shadowRoot?.querySelector(`.mark[data-rule="${ruleId}"]`),
        ),
      { timeout },
      rule,
    ),
  );
  const found = (await marks(page)).find((m) => m.rule === rule);
  if (!found) throw new Error(`no mark for ${rule}`);
  return found;
}

/** The publish dialog's text, once it shows. */
export async function waitForDialog(page: Page, timeout = 10_000): Promise<string> {
  const handle = await waiting(
    "publish dialog",
    timeout,
    page.waitForFunction(
      () => document.querySelector("shengao-overlay")?.shadowRoot?.querySelector(".dialog")?.textContent,
      { timeout },
    ),
  );
  return String(await handle.jsonValue());
}

export function dialogShown(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    Boolean(document.querySelector("shengao-overlay")?.shadowRoot?.querySelector(".dialog")),
  );
}

/**
 * Waits until the extension has screened and drawn `text` in full: its content script records a
 * `shengao:drawn` User Timing measure after each screen, with the length of the text screened
 * (extension/lib/content/trackedEditor.ts). Resolves to the number of findings shown then. So a
 * clean draft is proved screened, not merely not marked yet.
 */
export async function waitForDrawn(page: Page, textLength: number, timeout = 30_000): Promise<number> {
  const handle = await waiting(
    `screening of the ${textLength}-character draft (shengao:drawn)`,
    timeout,
    page.waitForFunction(
      (length) => {
        const drawn = performance.getEntriesByName("shengao:drawn").at(-1) as PerformanceMeasure | undefined;
        const detail = drawn?.detail as { length: number; findings: number } | undefined;
        return detail?.length === length ? { findings: detail.findings } : undefined;
      },
      { timeout },
      textLength,
    ),
  );
  const { findings } = (await handle.jsonValue()) as { findings: number };
  return findings;
}

/** The clicks the page's own publish handler received (test/e2e/pages/common.js). */
export function publishClicks(page: Page): Promise<{ trusted: boolean }[]> {
  return page.evaluate(() => (window as unknown as { publishClicks: { trusted: boolean }[] }).publishClicks);
}
