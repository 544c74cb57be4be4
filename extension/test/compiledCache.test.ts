import { COMPILED_FORMAT } from "@shengao/core";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "../lib/settings";

// The background's compiled copy of the lexicons, kept in storage between service-worker wakes:
// against a fake storage, with the module loaded afresh as a woken worker loads it.
const { browser, stored } = await vi.hoisted(() => import("./fakeBrowser"));
vi.mock("wxt/browser", () => ({ browser }));

/** The cache module as a freshly woken service worker has it: nothing in memory. */
async function wokenWorker() {
  vi.resetModules();
  return await import("../lib/lexicons/compiledCache");
}

type Cached = { key: string; compiledAt: number; data: { format: string } };
const cached = () => stored.get("compiledCache") as Cached;

describe("the compiled lexicons cached in storage", () => {
  beforeEach(() => stored.clear());

  it("are loaded by a woken worker instead of compiled again", async () => {
    await (await wokenWorker()).compiledPayload(DEFAULT_SETTINGS);
    const first = cached();
    expect(first.data.format).toBe(COMPILED_FORMAT);
    const payload = await (await wokenWorker()).compiledPayload(DEFAULT_SETTINGS);
    expect(cached().compiledAt).toBe(first.compiledAt);
    expect(payload.data).toBe(first.data);
  });

  it("of another compiled form, left by an earlier version, are compiled again, not loaded", async () => {
    await (await wokenWorker()).compiledPayload(DEFAULT_SETTINGS);
    const old = { ...cached(), compiledAt: 1, data: { ...cached().data, format: "shengao-compiled/2" } };
    stored.set("compiledCache", old);
    const payload = await (await wokenWorker()).compiledPayload(DEFAULT_SETTINGS);
    expect(payload.data.format).toBe(COMPILED_FORMAT);
    expect(cached().compiledAt).not.toBe(1);
    expect(cached().key).toBe(old.key);
  });
});
