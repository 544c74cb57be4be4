import {
  duplicatePacks,
  formatProblem,
  notUtf8Problem,
  type Pack,
  parseCompiled,
  parseLexicon,
  usablePacks,
  validatePacks,
} from "@shengao/core";
import { browser } from "wxt/browser";
import { type Language, loadLanguage, saveLanguage, t } from "../../lib/i18n";
import {
  compiledImportRef,
  compiledPackIds,
  type DroppedImport,
  dropCompiledSources,
  isCompiledSource,
  storeCompiledSource,
} from "../../lib/lexicons/compiledImports";
import { customTermProblems, parseAllPacks } from "../../lib/lexicons/compileSettings";
import { formatCustomTerms, parseCustomTerms, usualSeverity } from "../../lib/lexicons/customPack";
import { askBackground } from "../../lib/messages";
import { el } from "../../lib/overlay/dom";
import {
  type CompiledImportRef,
  type CustomTerm,
  type ImportedPack,
  loadSettings,
  type Settings,
  saveSettings,
} from "../../lib/settings";
import { SITE_PROFILES, siteKey } from "../../lib/sites/profiles";

/**
 * Options: sites, packs, categories, pack import (validated by the core's own parseLexicon and
 * validatePacks, or parseCompiled for a compiled file; errors shown with line:column, the previous
 * packs kept on failure), custom terms.
 */
async function main(): Promise<void> {
  await loadLanguage();
  const settings = await loadSettings();
  document.title = t("options_title");
  const app = document.getElementById("app") as HTMLElement;
  // the page is drawn afresh after each change elsewhere on it (an import, the language): custom
  // terms typed and not yet saved are carried over, not lost
  const unsaved = unsavedCustomTerms();
  app.replaceChildren(
    el(document, "h1", { text: t("options_title") }),
    languagePicker(),
    await sitesBox(settings),
    ...packBoxes(settings),
    importBox(settings),
    customTermsBox(settings, unsaved),
  );
  void showDroppedImports(app);
}

/** What the custom-terms box holds when the user edited it since it was drawn, else undefined. */
function unsavedCustomTerms(): { text: string; severity: string } | undefined {
  const text = document.getElementById("custom-terms");
  const severity = document.getElementById("custom-severity");
  if (!(text instanceof HTMLTextAreaElement) || !(severity instanceof HTMLSelectElement)) return undefined;
  return text.dataset.edited === "true" || severity.dataset.edited === "true"
    ? { text: text.value, severity: severity.value }
    : undefined;
}

function languagePicker(): HTMLElement {
  const select = el(document, "select", { attrs: { id: "language" } }, [
    el(document, "option", { text: "中文（简体）", attrs: { value: "zh-CN" } }),
    el(document, "option", { text: "English", attrs: { value: "en" } }),
  ]);
  void loadLanguage().then((l) => {
    select.value = l;
  });
  select.addEventListener("change", async () => {
    await saveLanguage(select.value as Language);
    await main();
  });
  return el(document, "label", { className: "row" }, [
    el(document, "span", { text: t("options_language") }),
    select,
  ]);
}

function checkbox(
  label: string,
  checked: boolean,
  onChange: (checked: boolean) => void,
  detail?: string,
  id?: string,
): HTMLElement {
  const box = el(document, "input", { attrs: { type: "checkbox", ...(id ? { "data-id": id } : {}) } });
  box.checked = checked;
  box.addEventListener("change", () => onChange(box.checked));
  return el(document, "label", { className: "row" }, [
    box,
    el(document, "span", { text: label }),
    detail ? el(document, "span", { className: "detail", text: detail }) : undefined,
  ]);
}

const toggled = (list: string[], item: string, on: boolean) =>
  on ? list.filter((x) => x !== item) : [...new Set([...list, item])];

async function sitesBox(settings: Settings): Promise<HTMLElement> {
  // the origins granted on request (popup: 在此网站启用审稿), once each: the known sites' own
  // match patterns are among the granted origins too, and are listed above by their profile
  const granted = [
    ...new Set(
      ((await browser.permissions.getAll()).origins ?? [])
        .map((o) => new URL(o.replace("*.", "")).hostname)
        .filter((host) => siteKey(host) === host),
    ),
  ];
  const rows = [
    ...SITE_PROFILES.map((p) => ({ key: p.id, label: p.name, detail: sitesOf(p.matches) })),
    ...granted.map((host) => ({ key: host, label: host, detail: t("options_site_granted") })),
  ];
  return el(document, "fieldset", { attrs: { id: "sites" } }, [
    el(document, "legend", { text: t("options_sites") }),
    el(document, "p", { className: "hint", text: t("options_sites_hint") }),
    ...rows.map((r) =>
      checkbox(
        r.label,
        !settings.disabledSites.includes(r.key),
        async (on) => {
          const current = await loadSettings();
          await saveSettings({ disabledSites: toggled(current.disabledSites, r.key, on) });
        },
        r.detail,
        r.key,
      ),
    ),
  ]);
}

/** Packs and categories as the compiler sees them (all packs, the disabled ones included). */
function packBoxes(settings: Settings): HTMLElement[] {
  // read from the parsed packs: listing them needs no compiling (the background compiles once)
  const parsed = parseAllPacks(settings);
  const { usable, problems } = usablePacks(parsed);
  const packs = usable.map((p) => p.pack as Pack);
  // a compiled import's packs are listed from what it held when imported (settings.compiledImports)
  const rows = [
    ...packs.map((p) => ({ ...p, entries: p.entries.length, detail: "" })),
    ...settings.compiledImports.flatMap((ref) =>
      ref.packs.map((p) => ({ ...p, detail: ` · ${t("options_pack_compiled", ref.file)}` })),
    ),
  ];
  const categories = [
    ...new Set([
      ...packs.flatMap((p) => p.entries.map((e) => e.category ?? p.defaults.category)),
      ...settings.compiledImports.flatMap((ref) => ref.categories),
    ]),
  ].sort();
  const errors = problems.filter((p) => p.severity === "error");
  return [
    el(document, "fieldset", { attrs: { id: "packs" } }, [
      el(document, "legend", { text: t("options_packs") }),
      ...rows.map((p) =>
        checkbox(
          `${p.name}（${p.id} ${p.version}）`,
          !settings.disabledPacks.includes(p.id),
          async (on) => {
            const current = await loadSettings();
            await saveSettings({ disabledPacks: toggled(current.disabledPacks, p.id, on) });
          },
          t("options_pack_entries", p.entries) + p.detail,
          p.id,
        ),
      ),
      errors.length > 0 ? el(document, "p", { className: "hint", text: t("options_problems") }) : undefined,
      errors.length > 0
        ? el(document, "pre", { className: "problems", text: errors.map(formatProblem).join("\n") })
        : undefined,
    ]),
    el(document, "fieldset", { attrs: { id: "categories" } }, [
      el(document, "legend", { text: t("options_categories") }),
      ...categories.map((c) =>
        checkbox(
          c,
          !settings.disabledCategories.includes(c),
          async (on) => {
            const current = await loadSettings();
            await saveSettings({ disabledCategories: toggled(current.disabledCategories, c, on) });
          },
          undefined,
          c,
        ),
      ),
    ]),
  ];
}

/** The place given to a clash in a pack already kept: only the imported file's clashes are shown. */
const START = { line: 1, column: 1 };

/** What an import did: problems (nothing changed) or the line to show. */
type ImportResult = { problems: string[] } | { problems: []; done: string; warnings: string[] };

/** Checks an imported lexicon source against the current packs and keeps it when it passes. */
async function importPack(source: string, file: string, settings: Settings): Promise<ImportResult> {
  const parsed = parseLexicon(source, file);
  // an imported pack of the same id is an earlier version of it (本会词库2025.yaml after
  // society.yaml): the new file replaces it, as a file of the same name does
  const earlier = parsed.pack ? sameIdImports(settings, parsed.pack.id, file) : [];
  const replaces = [file, ...earlier.map((p) => p.file)];
  const others = packsBesides(settings, replaces);
  const problems = [...parsed.problems, ...validatePacks([...others, parsed]).filter((p) => p.file === file)];
  if (parsed.pack) {
    const ids = [...compiledPackIds(settings, file), { id: parsed.pack.id, file }];
    // located only when it clashes: locating in a big JSON pack parses it again
    const clashes = duplicatePacks(ids, (i) => (i === ids.length - 1 ? parsed.locate(["id"]) : START));
    problems.push(...clashes.filter((p) => p.file === file));
  }
  const errors = problems.filter((p) => p.severity === "error").map(formatProblem);
  if (errors.length > 0 || !parsed.pack) return { problems: errors };
  await keepImport(settings, replaces, { pack: { file, source } });
  const replaced = earlier.map((p) => `${p.file}（${p.version}）`).join("、");
  return {
    problems: [],
    done:
      t("options_import_ok", parsed.pack.name, parsed.pack.entries.length) +
      (earlier.length > 0 ? t("options_import_replaced", parsed.pack.id, replaced, parsed.pack.version) : ""),
    // imported all the same, but said as the CLI's validate says them (not-json …)
    warnings: problems.filter((p) => p.severity === "warning").map(formatProblem),
  };
}

/**
 * Checks a compiled file (`shengao lexicon build`) with the core's parseCompiled and against the
 * pack ids in use, then stores its text and a reference in the settings.
 */
async function importCompiled(source: string, file: string, settings: Settings): Promise<ImportResult> {
  const parsed = parseCompiled(source, file);
  if (!parsed.data) return { problems: parsed.problems.map(formatProblem) };
  const sources = packsBesides(settings, [file]).flatMap((p) =>
    p.pack ? [{ id: p.pack.id, file: p.file }] : [],
  );
  const taken = [...sources, ...compiledPackIds(settings, file)];
  const ids = [...taken, ...parsed.data.packs.map((p) => ({ id: p.id, file }))];
  // located only when it clashes: a compiled file is megabytes on one line
  const clashes = duplicatePacks(ids, (i) =>
    i >= taken.length ? parsed.locate(["packs", i - taken.length, "id"]) : START,
  ).filter((p) => p.file === file);
  if (clashes.length > 0) return { problems: clashes.map(formatProblem) };
  const ref = await compiledImportRef(file, source, parsed.data);
  try {
    await storeCompiledSource(ref, source);
  } catch (error) {
    return {
      problems: [t("options_import_not_stored", error instanceof Error ? error.message : String(error))],
    };
  }
  await keepImport(settings, [file], { ref });
  const entries = ref.packs.reduce((n, p) => n + p.entries, 0);
  return {
    problems: [],
    done: t("options_import_compiled_ok", file, ref.packs.length, entries),
    warnings: [],
  };
}

/** The packs the settings hold but for the imports of `files`, which the import replaces. */
function packsBesides(settings: Settings, files: readonly string[]) {
  return parseAllPacks({
    ...settings,
    importedPacks: settings.importedPacks.filter((p) => !files.includes(p.file)),
  });
}

/** Imported pack sources (not `file` itself) whose pack has the id `id`, with their versions. */
function sameIdImports(settings: Settings, id: string, file: string): { file: string; version: string }[] {
  return settings.importedPacks.flatMap((p) => {
    if (p.file === file) return [];
    const pack = parseLexicon(p.source, p.file).pack;
    return pack?.id === id ? [{ file: p.file, version: pack.version }] : [];
  });
}

/** Keeps an accepted import in place of any earlier import of the files it replaces, source or compiled. */
async function keepImport(
  settings: Settings,
  files: readonly string[],
  kept: { pack: ImportedPack } | { ref: CompiledImportRef },
): Promise<void> {
  const replaced = settings.compiledImports.filter((r) => files.includes(r.file));
  const remaining = settings.compiledImports.filter((r) => !files.includes(r.file));
  if ("ref" in kept) remaining.push(kept.ref);
  const importedPacks = settings.importedPacks.filter((p) => !files.includes(p.file));
  if ("pack" in kept) importedPacks.push(kept.pack);
  await saveSettings({ importedPacks, compiledImports: remaining });
  await dropCompiledSources(replaced, remaining);
}

/** An import refused: the packs stay as they were, and each problem is shown with its place. */
function showRefused(status: HTMLElement, problems: readonly string[]): void {
  status.replaceChildren(
    el(document, "p", { text: t("options_import_failed") }),
    el(document, "pre", { className: "problems", text: problems.join("\n") }),
  );
}

function importBox(settings: Settings): HTMLElement {
  const input = el(document, "input", {
    attrs: { type: "file", accept: ".yaml,.yml,.json", id: "import-file" },
  });
  const status = el(document, "div", { className: "import-status", attrs: { id: "import-status" } });
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    // strictly UTF-8: a GBK file read leniently would import garbled terms
    const bytes = new Uint8Array(await file.arrayBuffer());
    const notUtf8 = notUtf8Problem(bytes, file.name);
    if (notUtf8) {
      showRefused(status, [formatProblem(notUtf8)]);
      input.value = "";
      return;
    }
    const source = new TextDecoder().decode(bytes);
    const current = await loadSettings();
    const result = isCompiledSource(source)
      ? await importCompiled(source, file.name, current)
      : await importPack(source, file.name, current);
    if (!("done" in result)) {
      showRefused(status, result.problems);
      input.value = "";
      return;
    }
    await main();
    document
      .getElementById("import-status")
      ?.replaceChildren(
        el(document, "p", { className: "ok", text: result.done }),
        ...(result.warnings.length > 0
          ? [el(document, "pre", { className: "problems warnings", text: result.warnings.join("\n") })]
          : []),
      );
  });
  const removeButton = (remove: (current: Settings) => Promise<void>) => {
    const button = el(document, "button", { text: t("options_import_remove") });
    button.addEventListener("click", async () => {
      await remove(await loadSettings());
      await main();
    });
    return button;
  };
  return el(document, "fieldset", { attrs: { id: "import" } }, [
    el(document, "legend", { text: t("options_import") }),
    el(document, "p", { className: "hint", text: t("options_import_hint") }),
    input,
    ...settings.importedPacks.map((p) =>
      el(document, "div", { className: "imported" }, [
        el(document, "span", { text: p.file }),
        removeButton(async (current) => {
          await saveSettings({ importedPacks: current.importedPacks.filter((q) => q.file !== p.file) });
        }),
      ]),
    ),
    ...settings.compiledImports.map((ref) =>
      el(
        document,
        "div",
        { className: "imported", attrs: { "data-compiled": "true", "data-file": ref.file } },
        [
          el(document, "span", { text: ref.file }),
          el(document, "span", { className: "detail", text: t("options_compiled_file", ref.packs.length) }),
          removeButton(async (current) => {
            const remaining = current.compiledImports.filter((r) => r.file !== ref.file);
            await saveSettings({ compiledImports: remaining });
            await dropCompiledSources([ref], remaining);
          }),
        ],
      ),
    ),
    status,
  ]);
}

/**
 * Marks the compiled imports the background left out, with why: a file checked when it was
 * imported can fail the checks of a later version of the extension, or clash with a pack an update
 * added, and it then screens nothing. Rows are looked up in `app` as rendered when asked, so a
 * page rendered again in the meantime is not marked twice.
 */
async function showDroppedImports(app: HTMLElement): Promise<void> {
  const rows = [...app.querySelectorAll<HTMLElement>("#import .imported[data-compiled]")];
  // the background answers nothing when it failed (it logs why): then there is nothing to mark
  const dropped: DroppedImport[] = (await askBackground("droppedImports", {})) ?? [];
  for (const { file, problems } of dropped) {
    const row = rows.find((r) => r.dataset.file === file);
    row?.classList.add("dropped");
    row?.append(
      el(document, "p", { className: "hint", text: t("options_compiled_dropped") }),
      el(document, "pre", { className: "problems", text: problems.join("\n") }),
    );
  }
}

/** A site's match patterns as an editor reads them: https://*.weibo.com/* is weibo.com. */
function sitesOf(matches: readonly string[]): string {
  const hosts = matches.map((m) =>
    m
      .replace(/^[a-z]+:\/\//, "")
      .replace(/\/.*$/, "")
      .replace(/^\*\./, ""),
  );
  return [...new Set(hosts)].join("、");
}

function customTermsBox(settings: Settings, unsaved?: { text: string; severity: string }): HTMLElement {
  const text = el(document, "textarea", { attrs: { rows: "6", id: "custom-terms" } });
  const usual = usualSeverity(settings.customTerms);
  text.value =
    unsaved?.text ?? formatCustomTerms(settings.customTerms, usual, (level) => t(`severity_${level}`));
  const severity = el(document, "select", { attrs: { id: "custom-severity" } }, [
    el(document, "option", { text: t("severity_error"), attrs: { value: "error" } }),
    el(document, "option", { text: t("severity_warning"), attrs: { value: "warning" } }),
    el(document, "option", { text: t("severity_info"), attrs: { value: "info" } }),
  ]);
  severity.value = unsaved?.severity ?? usual;
  for (const control of [text, severity]) {
    if (unsaved !== undefined) control.dataset.edited = "true";
    control.addEventListener("input", () => {
      control.dataset.edited = "true";
    });
  }
  const status = el(document, "div", { className: "ok", attrs: { id: "custom-status" } });
  if (unsaved !== undefined) status.textContent = t("options_custom_unsaved");
  const save = el(document, "button", {
    className: "primary",
    text: t("options_save"),
    attrs: { id: "custom-save" },
  });
  save.addEventListener("click", async () => {
    const terms: CustomTerm[] = parseCustomTerms(text.value, severity.value as CustomTerm["severity"]);
    // refused here, by line, rather than saved and then left out with every other custom term
    const problems = customTermProblems(await loadSettings(), terms, text.value);
    if (problems.length > 0) {
      status.className = "problems";
      status.textContent = [
        t("options_custom_refused"),
        ...problems.map((p) =>
          t(
            "options_custom_line",
            p.line,
            p.term,
            p.code === "conflicting-verdict"
              ? `${p.message.split("；")[0]}${t("options_custom_conflict")}`
              : p.message,
          ),
        ),
      ].join("\n");
      return;
    }
    await saveSettings({ customTerms: terms });
    delete text.dataset.edited;
    delete severity.dataset.edited;
    await main();
    document.getElementById("custom-status")?.replaceChildren(t("options_saved"));
  });
  return el(document, "fieldset", { attrs: { id: "custom" } }, [
    el(document, "legend", { text: t("options_custom") }),
    el(document, "p", { className: "hint", text: t("options_custom_hint") }),
    text,
    el(document, "label", { className: "row" }, [
      el(document, "span", { text: t("options_custom_severity") }),
      severity,
    ]),
    save,
    status,
  ]);
}

void main();
