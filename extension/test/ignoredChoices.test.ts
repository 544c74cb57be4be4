import { beforeEach, describe, expect, it, vi } from "vitest";
import type { IgnoredChoice } from "../lib/ignoredChoices";

// The background's store of what the user let be, per page address: against a fake session
// storage, or none (a browser without storage.session), with the module loaded afresh each time.
const session = new Map<string, unknown>();
const sessionArea = {
  get: async (key: string) => (session.has(key) ? { [key]: structuredClone(session.get(key)) } : {}),
  set: async (items: Record<string, unknown>) => {
    // a tick between read and write, as a real storage has: concurrent adds would lose one
    await new Promise((resolve) => setTimeout(resolve, 1));
    for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
  },
};
const browser: { storage: { session?: typeof sessionArea } } = { storage: { session: sessionArea } };
vi.mock("wxt/browser", () => ({ browser }));

async function store() {
  vi.resetModules();
  return await import("../lib/ignoredChoices");
}

const problem = (key: string, draft = [1, 2, 3]): IgnoredChoice => ({ kind: "problem", key, draft });
const occurrence = (key: string, draft = [1, 2, 3]): IgnoredChoice => ({ kind: "occurrence", key, draft });

describe("the choices kept per page address for the session", () => {
  beforeEach(() => {
    session.clear();
    browser.storage.session = sessionArea;
  });

  it("are kept by address in storage.session, each once, with its latest draft signature", async () => {
    const { ignoredIn, rememberIgnored } = await store();
    expect(await ignoredIn("https://mp.weixin.qq.com/a")).toEqual({ choices: [] });
    await rememberIgnored("https://mp.weixin.qq.com/a", occurrence("r\n前\n北韩\n后"));
    await rememberIgnored("https://mp.weixin.qq.com/a", problem("r\n北韩", [1]));
    await rememberIgnored("https://mp.weixin.qq.com/a", problem("r\n北韩", [2]));
    await rememberIgnored("https://mp.weixin.qq.com/b", problem("s\n最好"));
    // a woken service worker reads them from the session's storage
    const again = await store();
    expect(await again.ignoredIn("https://mp.weixin.qq.com/a")).toEqual({
      choices: [occurrence("r\n前\n北韩\n后"), problem("r\n北韩", [2])],
    });
    expect(await again.ignoredIn("https://mp.weixin.qq.com/b")).toEqual({ choices: [problem("s\n最好")] });
    expect(session.has("ignoredChoices")).toBe(true);
  });

  it("keep every one of choices added at once, from two pages", async () => {
    const { ignoredIn, rememberIgnored } = await store();
    await Promise.all([
      rememberIgnored("a", problem("1")),
      rememberIgnored("b", problem("2")),
      rememberIgnored("a", occurrence("3")),
    ]);
    expect(await ignoredIn("a")).toEqual({ choices: [problem("1"), occurrence("3")] });
    expect(await ignoredIn("b")).toEqual({ choices: [problem("2")] });
  });

  it("are read after a choice being written (a reload right after the click)", async () => {
    const { ignoredIn, rememberIgnored } = await store();
    void rememberIgnored("a", problem("1"));
    expect(await ignoredIn("a")).toEqual({ choices: [problem("1")] });
  });

  it("let the addresses least recently touched go past the limit, and the oldest choices of one", async () => {
    const { ignoredIn, rememberIgnored, MAX_DRAFTS, MAX_CHOICES } = await store();
    let now = 1_000;
    const clock = vi.spyOn(Date, "now").mockImplementation(() => now++);
    try {
      for (let d = 0; d <= MAX_DRAFTS; d++) await rememberIgnored(`draft ${d}`, problem("p"));
      expect((await ignoredIn("draft 0")).choices).toEqual([]);
      expect((await ignoredIn("draft 1")).choices).toEqual([problem("p")]);
      for (let c = 0; c <= MAX_CHOICES; c++) await rememberIgnored("many", occurrence(`o${c}`));
      const { choices } = await ignoredIn("many");
      expect(choices).toHaveLength(MAX_CHOICES);
      expect(choices[0]?.key).toBe("o1");
    } finally {
      clock.mockRestore();
    }
  });

  it("ignore what is not a choice in the storage (left by an earlier version)", async () => {
    const { ignoredIn } = await store();
    session.set("ignoredChoices", { a: { occurrences: ["x"], problems: ["y"], at: 1 } });
    expect(await ignoredIn("a")).toEqual({ choices: [] });
  });

  it("hold in the background's memory where there is no storage.session", async () => {
    delete browser.storage.session;
    const { ignoredIn, rememberIgnored } = await store();
    await rememberIgnored("a", problem("1"));
    expect(await ignoredIn("a")).toEqual({ choices: [problem("1")] });
    expect(session.size).toBe(0);
  });
});
