import type { MonthTally } from "../analysis/summary.js";
import { escapeHtml } from "./escape.js";

const HEIGHT = 260;
const MARGIN = { top: 16, right: 16, bottom: 64, left: 48 };
const BAND_MIN = 22;
const PLOT_MIN_WIDTH = 640;
/** Stacked from the bottom: errors first, so the bars' bases compare the serious findings. */
const SERIES = [
  { key: "error", label: "错误" },
  { key: "warning", label: "警告" },
  { key: "info", label: "提示" },
] as const;

/**
 * Findings per month as stacked bars, an inline SVG drawn here rather than by a script in the page:
 * the report opens offline and prints as it shows. One `<g class="month">` per month, empty ones too.
 */
export function monthChart(months: readonly MonthTally[]): string {
  if (months.length === 0) return `<p class="empty">没有可画的月份（时间范围内没有文档）。</p>`;
  const band = Math.max(BAND_MIN, PLOT_MIN_WIDTH / months.length);
  const plotWidth = band * months.length;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const width = MARGIN.left + plotWidth + MARGIN.right;
  const max = niceMax(Math.max(...months.map((month) => month.total)));
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const labelEvery = Math.ceil(months.length / 36);

  const ticks = tickValues(max)
    .map(
      (value) =>
        `<g class="tick"><line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y(value)}" y2="${y(value)}"/>` +
        `<text x="${MARGIN.left - 6}" y="${y(value) + 4}" text-anchor="end">${value}</text></g>`,
    )
    .join("");

  const bars = months
    .map((month, i) => {
      const x = MARGIN.left + i * band + band * 0.15;
      const barWidth = band * 0.7;
      let base = 0;
      const rects = SERIES.filter(({ key }) => month[key] > 0)
        .map(({ key }) => {
          const top = y(base + month[key]);
          const rect = `<rect class="${key}" x="${fixed(x)}" y="${fixed(top)}" width="${fixed(barWidth)}" height="${fixed(y(base) - top)}"/>`;
          base += month[key];
          return rect;
        })
        .join("");
      const labelX = fixed(x + barWidth / 2);
      const labelY = MARGIN.top + plotHeight + 12;
      const label =
        i % labelEvery === 0
          ? `<text class="label" x="${labelX}" y="${labelY}" transform="rotate(-45 ${labelX} ${labelY})" text-anchor="end">${escapeHtml(month.key)}</text>`
          : "";
      const title =
        `${month.key}：文档 ${month.documents} 篇，问题 ${month.total} 个` +
        `（错误 ${month.error}，警告 ${month.warning}，提示 ${month.info}）`;
      return `<g class="month" data-month="${escapeHtml(month.key)}" data-total="${month.total}"><title>${escapeHtml(title)}</title>${rects}${label}</g>`;
    })
    .join("");

  const legend = SERIES.map(
    ({ key, label }) => `<span class="legend-item"><span class="swatch ${key}"></span>${label}</span>`,
  ).join("");
  return (
    `<figure class="chart"><svg role="img" aria-label="每月问题数（按级别堆叠）" ` +
    `viewBox="0 0 ${fixed(width)} ${HEIGHT}" width="${fixed(width)}" height="${HEIGHT}">` +
    `${ticks}<line class="axis" x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y(0)}" y2="${y(0)}"/>${bars}</svg>` +
    `<figcaption>每月问题数，按级别堆叠：${legend}</figcaption></figure>`
  );
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1): round numbers on the axis. */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * magnitude >= value) ?? 10;
  return step * magnitude;
}

/** Whole numbers only: up to 5 every 1; then 1, 2, 5 × 10ⁿ in 5, 4, 5 steps. */
function tickValues(max: number): number[] {
  const leading = max / 10 ** Math.floor(Math.log10(max));
  const steps = max <= 5 ? max : leading === 2 ? 4 : 5;
  return Array.from({ length: steps + 1 }, (_, i) => (max / steps) * i);
}

function fixed(value: number): string {
  return String(Math.round(value * 10) / 10);
}
