/**
 * The report's only style sheet, inlined. Fonts are the reader's own (no web fonts: the report opens
 * offline); colours follow the terminal reporter's: red errors, amber warnings, blue hints.
 */
export const STYLES = `
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; --line: #d0d4da; --muted: #5f6670; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; color: #1d2129; background: #fff;
  font: 15px/1.6 system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 20px 0 6px; word-break: break-all; }
.meta, .muted, figcaption { color: var(--muted); font-size: 13px; }
nav { margin: 12px 0; font-size: 14px; }
nav a { margin-right: 12px; }
a { color: #0b57d0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 12px; margin: 0; }
.cards div { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
.cards dt { color: var(--muted); font-size: 13px; }
.cards dd { margin: 0; font-size: 24px; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #f5f6f8; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.path { word-break: break-all; }
.chart { margin: 0; overflow-x: auto; }
.chart svg { display: block; max-width: 100%; height: auto; font-size: 11px; }
.chart .tick line { stroke: #eceef1; }
.chart .axis { stroke: #8a9099; }
.chart text { fill: var(--muted); }
rect.error, .swatch.error { fill: var(--error); background: var(--error); }
rect.warning, .swatch.warning { fill: #f0a020; background: #f0a020; }
rect.info, .swatch.info { fill: var(--info); background: var(--info); }
.month:hover rect { opacity: 0.8; }
.legend-item { margin-left: 10px; white-space: nowrap; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border-radius: 2px; }
.sev { display: inline-block; min-width: 2.6em; padding: 0 6px; border-radius: 3px; color: #fff;
  font-size: 12px; text-align: center; }
.sev.error { background: var(--error); }
.sev.warning { background: var(--warning); }
.sev.info { background: var(--info); }
.findings { list-style: none; padding: 0; margin: 0; }
.findings li { padding: 8px 0; border-bottom: 1px dashed var(--line); }
.context { display: block; margin-top: 4px; padding: 4px 8px; background: #f7f7f9; border-radius: 4px;
  white-space: pre-wrap; word-break: break-all; }
mark { background: #ffe08a; padding: 0 1px; }
code { font-size: 13px; }
.empty { color: var(--muted); }
.alert { margin: 12px 0; padding: 10px 14px; border: 1px solid var(--error); border-left-width: 6px;
  border-radius: 4px; background: #fdecea; }
.alert ul { margin: 6px 0 0; padding-left: 20px; }
.alert.caution { border-color: var(--warning); background: #fff4e0; }
.alert.caution ul { margin: 0; }
.lexicon-run { font-size: 14px; }
.lexicon-run p { margin: 8px 0 4px; }
.lexicon-run ul { margin: 0; padding-left: 20px; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
@media print { nav { display: none; } .findings li, tr { break-inside: avoid; } }
`;
