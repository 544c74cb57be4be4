/**
 * The parts of `wxt/browser` the background's lexicon code uses, against a Map instead of the
 * extension's storage, with a manifest version a test can change as an update would. A test file
 * mocks `wxt/browser` with `browser` (see compiledImports.test.ts).
 */
export const stored = new Map<string, unknown>();
export const manifest = { version: "1.0.0" };

export const browser = {
  storage: {
    local: {
      get: async (key: string) => (stored.has(key) ? { [key]: stored.get(key) } : {}),
      set: async (items: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(items)) stored.set(k, v);
      },
      remove: async (keys: string[]) => {
        for (const k of keys) stored.delete(k);
      },
    },
  },
  runtime: { getManifest: () => ({ version: manifest.version }) },
};
