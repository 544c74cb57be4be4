import { beforeEach, describe, expect, it, vi } from "vitest";

// The context menu cannot be clicked from Playwright; its handler is tested here against a fake
// `browser`, and the popup's side (reading the stored selection) in test/e2e/panel.spec.ts.
const calls: { api: string; args: unknown[] }[] = [];
let popupFails = false;
vi.mock("wxt/browser", () => ({
  browser: {
    storage: {
      session: { set: async (...args: unknown[]) => void calls.push({ api: "session.set", args }) },
    },
    action: {
      openPopup: async () => {
        calls.push({ api: "openPopup", args: [] });
        if (popupFails) throw new Error("openPopup needs a user gesture");
      },
    },
    windows: { create: async (...args: unknown[]) => void calls.push({ api: "windows.create", args }) },
    runtime: { getURL: (path: string) => `chrome-extension://id${path}` },
  },
}));

const { MENU_ID, onSelectionMenuClick, SELECTION_KEY } = await import("../lib/selectionMenu");

describe("check the selected text (context menu)", () => {
  beforeEach(() => {
    calls.length = 0;
    popupFails = false;
  });

  it("stores the selection for the popup and opens it", async () => {
    expect(await onSelectionMenuClick({ menuItemId: MENU_ID, selectionText: "北韩代表团" })).toBe("popup");
    expect(calls).toEqual([
      { api: "session.set", args: [{ [SELECTION_KEY]: "北韩代表团" }] },
      { api: "openPopup", args: [] },
    ]);
  });

  it("opens the popup page in a window when the popup cannot open", async () => {
    popupFails = true;
    expect(await onSelectionMenuClick({ menuItemId: MENU_ID, selectionText: "最好" })).toBe("window");
    expect(calls.map((c) => c.api)).toEqual(["session.set", "openPopup", "windows.create"]);
    expect(calls[2]?.args[0]).toMatchObject({ url: "chrome-extension://id/popup.html#selection" });
  });

  it("ignores other menu items and empty selections", async () => {
    expect(await onSelectionMenuClick({ menuItemId: "other", selectionText: "北韩" })).toBe("ignored");
    expect(await onSelectionMenuClick({ menuItemId: MENU_ID })).toBe("ignored");
    expect(calls).toEqual([]);
  });
});
