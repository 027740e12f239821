/**
 * Accessible inline SVG charts for the staff pages, without JavaScript: horizontal bars,
 * one series or stacked. Each chart is one image (role="img") named by its title and
 * described by its computed summary; the page shows the same data as a table next to it.
 *
 * Widths are percentages and heights pixels, so bars follow the page width while labels
 * keep their size (no scaled-down text at 320 px). Series differ by pattern as well as
 * colour, and in forced-colours mode everything is drawn in system colours (staff.css).
 */
import { html, join, nothing, type Html } from '../../../shared/html/index.ts';

export type Series = { key: string; label: string };
export type BarRow = { label: string; value: number; display: string };
export type StackRow = { label: string; values: Record<string, number> };

const BAR = 16;
/** Names are cut to this length, values never. */
const LABEL_CHARS = 22;
/** What fits on one line at 320 CSS px; a chart with a longer label puts values on a line of their own. */
const LINE_CHARS = 30;

type Layout = { row: number; barY: number; twoLines: boolean };

function layoutFor(labels: Array<{ name: string; value: string }>): Layout {
  const twoLines = labels.some((l) => shortLabel(l.name).length + l.value.length + 2 > LINE_CHARS);
  return twoLines ? { row: 58, barY: 38, twoLines } : { row: 40, barY: 20, twoLines };
}

/** Three series, told apart without colour: solid, diagonal hatching, cross-hatching. */
const PATTERNS = ['solid', 'hatch', 'cross'] as const;

function shortLabel(text: string): string {
  return text.length <= LABEL_CHARS ? text : `${text.slice(0, LABEL_CHARS - 1).trimEnd()}…`;
}

function pct(value: number): string {
  return `${Math.max(0, Math.min(100, value * 100)).toFixed(2)}%`;
}

function frame(id: string, title: string, summary: string, rows: number, layout: Layout, inner: Html): Html {
  const height = Math.max(rows, 1) * layout.row + 4;
  return html`<svg role="img" class="insights-chart" width="100%" height="${height}" aria-labelledby="${id}-title ${id}-desc" focusable="false">
<title id="${id}-title">${title}</title>
<desc id="${id}-desc">${summary}</desc>
${inner}
</svg>`;
}

function label(y: number, layout: Layout, name: string, value: string): Html {
  const text = (dy: number, content: string) => html`<text x="0" y="${y + dy}" class="chart-label">${content}</text>`;
  if (layout.twoLines) return html`${text(14, shortLabel(name))}${value && text(32, value)}`;
  return text(14, `${shortLabel(name)}${value ? `: ${value}` : ''}`);
}

function defs(id: string): Html {
  return html`<defs>
<pattern id="${id}-hatch" patternUnits="userSpaceOnUse" width="6" height="6"><rect width="6" height="6" class="chart-pattern-bg chart-series-2"/><path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" class="chart-pattern-line"/></pattern>
<pattern id="${id}-cross" patternUnits="userSpaceOnUse" width="6" height="6"><rect width="6" height="6" class="chart-pattern-bg chart-series-3"/><path d="M0,0 l6,6 M6,0 l-6,6" class="chart-pattern-line"/></pattern>
</defs>`;
}

function fill(id: string, index: number): Html {
  const pattern = PATTERNS[index % PATTERNS.length]!;
  return pattern === 'solid'
    ? html`class="chart-fill chart-series-1"`
    : html`fill="url(#${id}-${pattern})" class="chart-patterned"`;
}

/**
 * One bar per row, its length the value against `max` (1 for shares). A track shows the
 * whole scale when the values are shares.
 */
export function barChart(options: { id: string; title: string; summary: string; rows: BarRow[]; max?: number }): Html {
  const max = options.max ?? Math.max(1, ...options.rows.map((r) => r.value));
  const layout = layoutFor(options.rows.map((r) => ({ name: r.label, value: r.display })));
  const inner = options.rows.map((row, i) => {
    const y = i * layout.row;
    const track =
      options.max !== undefined &&
      html`<rect x="0" y="${y + layout.barY}" width="100%" height="${BAR}" class="chart-track"/>`;
    const bar =
      row.value > 0 &&
      html`<rect x="0" y="${y + layout.barY}" width="${pct(row.value / max)}" height="${BAR}" class="chart-fill chart-series-1"/>`;
    return html`${label(y, layout, row.label, row.display)}${track}${bar}`;
  });
  return frame(options.id, options.title, options.summary, options.rows.length, layout, join(inner, '\n'));
}

/**
 * Stacked bars: per row the series side by side, as shares of the row (`mode: 'share'`)
 * or as amounts against the largest row (`mode: 'amount'`).
 */
export function stackedChart(options: {
  id: string;
  title: string;
  summary: string;
  series: Series[];
  rows: Array<StackRow & { note: string }>;
  mode: 'share' | 'amount';
}): Html {
  const { id, series } = options;
  const totals = options.rows.map((row) => series.reduce((sum, s) => sum + (row.values[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const layout = layoutFor(options.rows.map((r) => ({ name: r.label, value: r.note })));
  const inner = options.rows.map((row, i) => {
    const y = i * layout.row;
    const total = totals[i]!;
    const base = options.mode === 'share' ? total : max;
    let x = 0;
    const segments = series.map((s, index) => {
      const value = row.values[s.key] ?? 0;
      if (value <= 0 || base <= 0) return nothing;
      const width = value / base;
      const rect = html`<rect x="${pct(x)}" y="${y + layout.barY}" width="${pct(width)}" height="${BAR}" ${fill(id, index)}/>`;
      x += width;
      return rect;
    });
    return html`${label(y, layout, row.label, row.note)}${segments}`;
  });
  return frame(
    id,
    options.title,
    options.summary,
    options.rows.length,
    layout,
    html`${defs(id)}\n${join(inner, '\n')}`,
  );
}

/** The legend of a stacked chart: the same patterns as small swatches, with words. */
export function legend(id: string, heading: string, series: Series[]): Html {
  const items = series.map(
    (s, index) =>
      html`<li><svg class="chart-swatch" width="18" height="18" aria-hidden="true" focusable="false">${index > 0 && defs(`${id}-legend-${index}`)}<rect x="1" y="1" width="16" height="16" ${fill(`${id}-legend-${index}`, index)}/></svg>${s.label}</li>`,
  );
  return html`<div class="insights-legend"><p class="insights-legend-heading">${heading}</p><ul>${items}</ul></div>`;
}
