import { existsSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { EXTENSION_DIR, PAGES_DIR, PAGES_DIST } from "./paths";
import { startStaticServer } from "./server";

/**
 * Bundles the editor pages from the real npm packages (TipTap, Quill), checks the extension is
 * built, and starts the static server the pages are answered from.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(EXTENSION_DIR, "manifest.json"))) {
    throw new Error(
      `No built extension in ${EXTENSION_DIR}: run pnpm --filter @shengao/extension build first`,
    );
  }
  await build({
    entryPoints: [join(PAGES_DIR, "tiptap.ts"), join(PAGES_DIR, "quill.ts")],
    bundle: true,
    format: "iife",
    outdir: PAGES_DIST,
    logLevel: "warning",
  });
  const server = await startStaticServer(PAGES_DIR);
  process.env.SHENGAO_E2E_SERVER = server.url;
  return () => server.close();
}
