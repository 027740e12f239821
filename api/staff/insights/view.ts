/**
 * The insights page and its exports. Every figure is first made into one table (columns
 * and rows, with its title and computed summary); the page draws the chart and the table
 * from it, and the CSV and JSON exports are the same table, so they cannot disagree.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { formatDecimal, formatPercent } from '../../../shared/format.ts';
import * as insightsTexts from './texts.ts';
import * as reachTexts from './reach-texts.ts';
import type { FilterError, FilterOptions, InsightsFilter, RawFilter } from '../../services/insights/filters.ts';
import { filterQuery } from '../../services/insights/filters.ts';
import {
  SENTIMENT_KEYS,
  sentimentShare,
  type SentimentGroup,
  type TopicTheme,
} from '../../services/insights/figures.ts';
import { FIGURES, type FigureId, type Insights } from '../../services/insights/index.ts';
import { weekLabel } from '../../services/insights/weeks.ts';
import { classified, compareNegative, negativeEstimate, negativeTrend } from '../../services/insights/claims.ts';
import { attrs, html, join, nothing, type Html } from '../../../shared/html/index.ts';
import { barChart, legend, stackedChart } from './charts.ts';
import { toCsv } from '../../lib/csv.ts';
import { insightsPaths } from './paths.ts';
import { errorSummary, fieldError, pick } from '../kit/components.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { staffPaths } from '../queue/paths.ts';

export { insightsPaths };

type Format = 'text' | 'count' | 'share' | 'days';
export type Column = { key: string; label: string; format: Format };
export type Cell = string | number | null;
/** A row's values; `html` holds markup shown in place of a value (the CSV and JSON keep the value). */
export type FigureRow = { values: Record<string, Cell>; html?: Record<string, Html> };
export type FigureTable = {
  id: FigureId;
  title: string;
  summary: string;
  columns: Column[];
  rows: FigureRow[];
  /** What the numbers count, shown under the summary. */
  note?: string;
};

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

function sentimentColumns(lang: Locale, first: Column): Column[] {
  const t = textsFor(insightsTexts, lang);
  return [
    first,
    { key: 'total', label: t.columns.total, format: 'count' },
    ...SENTIMENT_KEYS.map((k) => ({ key: k, label: t.sentiment[k], format: 'count' as const })),
    { key: 'unknown', label: t.sentiment.unknown, format: 'count' },
    { key: 'classified', label: t.columns.classified, format: 'count' },
    ...SENTIMENT_KEYS.map((k) => ({
      key: `${k}Share`,
      label: t.columns.share(t.sentiment[k]),
      format: 'share' as const,
    })),
    { key: 'negativeLow', label: t.columns.negativeLow, format: 'share' },
    { key: 'negativeHigh', label: t.columns.negativeHigh, format: 'share' },
  ];
}

function sentimentRow(first: Cell, group: SentimentGroup): Record<string, Cell> {
  const c = group.counts;
  const negative = negativeEstimate(c);
  return {
    key: first,
    total: c.positive + c.neutral + c.negative + c.unknown,
    positive: c.positive,
    neutral: c.neutral,
    negative: c.negative,
    unknown: c.unknown,
    classified: classified(c),
    positiveShare: round(sentimentShare(c, 'positive'), 4),
    neutralShare: round(sentimentShare(c, 'neutral'), 4),
    negativeShare: round(sentimentShare(c, 'negative'), 4),
    negativeLow: round(negative?.low ?? null, 4),
    negativeHigh: round(negative?.high ?? null, 4),
  };
}

export function channelName(lang: Locale, channel: string): string {
  return textsFor(insightsTexts, lang).channels[channel] ?? channel;
}

/** One figure as a table, with its title and the sentence that sums it up. */
export function figureTable(
  insights: Insights,
  id: FigureId,
  lang: Locale,
  options: { queueLinks: boolean; correctLinks?: boolean } = { queueLinks: false },
): FigureTable {
  const t = textsFor(insightsTexts, lang);
  const f = t.figures;
  const col = t.columns;
  const spansYears = new Set(insights.weeks.map((w) => w.slice(0, 4))).size > 1;
  switch (id) {
    case 'volume': {
      const total = insights.volume.reduce((sum, w) => sum + w.total, 0);
      const busiest = insights.volume.reduce<(typeof insights.volume)[number] | undefined>(
        (best, w) => (w.total > (best?.total ?? 0) ? w : best),
        undefined,
      );
      return {
        id,
        title: f.volume.title,
        summary: f.volume.summary(
          total,
          busiest && { week: weekLabel(busiest.week, spansYears), count: busiest.total },
        ),
        columns: [
          { key: 'week', label: col.week, format: 'text' },
          { key: 'total', label: col.total, format: 'count' },
          ...(['portal', 'widget', 'social'] as const).map((ch) => ({
            key: ch,
            label: channelName(lang, ch),
            format: 'count' as const,
          })),
        ],
        rows: insights.volume.map((w) => ({
          values: { week: w.week, total: w.total, portal: w.portal, widget: w.widget, social: w.social },
        })),
      };
    }
    case 'sentiment-week': {
      const trend = negativeTrend(insights.sentimentByWeek.map((g) => ({ week: g.key, counts: g.counts })));
      return {
        id,
        title: f.sentimentWeek.title,
        summary: f.sentimentWeek.summary(trend, (key) => t.week(weekLabel(key, spansYears))),
        columns: sentimentColumns(lang, { key: 'key', label: col.week, format: 'text' }),
        rows: insights.sentimentByWeek.map((g) => ({ values: sentimentRow(g.key, g) })),
      };
    }
    case 'sentiment-topic': {
      const named = insights.sentimentByTopic.map((g) => ({
        name: pick(g.name, lang) || t.sentiment.unknown,
        group: g,
      }));
      return {
        id,
        title: f.sentimentTopic.title,
        summary: f.sentimentTopic.summary(
          compareNegative(named.map(({ name, group }) => ({ name, counts: group.counts }))),
        ),
        columns: sentimentColumns(lang, { key: 'key', label: col.topic, format: 'text' }),
        rows: named.map(({ name, group }) => ({ values: sentimentRow(name, group) })),
      };
    }
    case 'sentiment-channel': {
      const named = insights.sentimentByChannel.map((g) => ({ name: channelName(lang, g.key), group: g }));
      return {
        id,
        title: f.sentimentChannel.title,
        summary: f.sentimentChannel.summary(
          compareNegative(named.map(({ name, group }) => ({ name, counts: group.counts }))),
        ),
        columns: sentimentColumns(lang, { key: 'key', label: col.channel, format: 'text' }),
        rows: named.map(({ name, group }) => ({ values: sentimentRow(name, group) })),
      };
    }
    case 'themes': {
      let top: { term: string; topic: string; count: number } | undefined;
      const rows: FigureRow[] = [];
      for (const entry of insights.themes) {
        const topic = pick(entry.topic?.title, lang) || t.sentiment.unknown;
        for (const theme of entry.themes) {
          const label = theme.label[lang];
          if (!top || theme.count > top.count) top = { term: label, topic, count: theme.count };
          const examples = theme.examples.map((example, index) => {
            const text = html`<q>${example.excerpt}</q>`;
            if (!options.queueLinks) return html`<li>${text}</li>`;
            return html`<li>${text} <a href="${staffPaths.item(lang, example.id)}">${f.themes.queueLink(index + 1)}</a></li>`;
          });
          rows.push({
            values: {
              topic,
              term: label,
              terms: alsoMentioned(theme, lang),
              count: theme.count,
              examples: theme.examples.map((e) => e.id).join(' '),
            },
            html: {
              examples: html`<ul class="insights-examples">${examples}</ul>`,
              term: html`${label}${theme.corrected ? html` <span class="insights-corrected">${f.themes.corrected}</span>` : nothing}${
                options.correctLinks
                  ? html`<br><a href="${insightsPaths.theme(lang, theme.key)}">${f.themes.correct}<span class="staff-visually-hidden">: ${label}</span></a>`
                  : nothing
              }`,
            },
          });
        }
      }
      return {
        id,
        title: f.themes.title,
        summary: [
          f.themes.summary(top),
          ...sampledThemes(insights, (entry) => pick(entry.topic?.title, lang) || t.sentiment.unknown).map(
            ({ size, topics }) => f.themes.sampled(size, topics),
          ),
        ].join(' '),
        columns: [
          { key: 'topic', label: col.topic, format: 'text' },
          { key: 'term', label: col.term, format: 'text' },
          { key: 'terms', label: col.alsoMentioned, format: 'text' },
          { key: 'count', label: col.count, format: 'count' },
          { key: 'examples', label: col.examples, format: 'text' },
        ],
        rows,
      };
    }
    case 'response-times': {
      const o = insights.responseOverall;
      return {
        id,
        title: f.responseTimes.title,
        summary: f.responseTimes.summary(
          { answered: o.answered, median: o.medianDays, onTime: o.onTimeShare, overdue: o.overdue },
          lang,
        ),
        columns: [
          { key: 'channel', label: col.channel, format: 'text' },
          { key: 'promise', label: col.promise, format: 'text' },
          { key: 'answered', label: col.answered, format: 'count' },
          { key: 'medianDays', label: col.medianDays, format: 'days' },
          { key: 'p90Days', label: col.p90Days, format: 'days' },
          { key: 'onTimeShare', label: col.onTimeShare, format: 'share' },
          { key: 'open', label: col.open, format: 'count' },
          { key: 'overdue', label: col.overdue, format: 'count' },
        ],
        rows: insights.responseTimes.map((r) => ({
          values: {
            channel: pick(r.name, lang) || channelName(lang, r.channel),
            promise: r.promise === null ? null : t.promise(r.promise),
            answered: r.answered,
            medianDays: round(r.medianDays, 2),
            p90Days: round(r.p90Days, 2),
            onTimeShare: round(r.onTimeShare, 4),
            open: r.open,
            overdue: r.overdue,
          },
        })),
      };
    }
    case 'engagement': {
      const name = (row: Insights['engagement'][number]) =>
        pick(row.title, lang) || `${row.platform}${row.consultation ? ` (${row.consultation})` : ''}`;
      const top = insights.engagement[0];
      return {
        id,
        title: f.engagement.title,
        summary: f.engagement.summary(top && { name: name(top), replies: top.replies, likes: top.likes }),
        columns: [
          { key: 'thread', label: col.thread, format: 'text' },
          { key: 'platform', label: col.platform, format: 'text' },
          { key: 'replies', label: col.replies, format: 'count' },
          { key: 'likes', label: col.likes, format: 'count' },
          { key: 'reposts', label: col.reposts, format: 'count' },
        ],
        rows: insights.engagement.map((row) => ({
          values: {
            thread: name(row),
            platform: row.platform,
            replies: row.replies,
            likes: row.likes,
            reposts: row.reposts,
          },
        })),
      };
    }
    case 'reach-consultation':
    case 'reach-channel':
    case 'compare':
      return reachTable(insights, id, lang, options.queueLinks);
    case 'accuracy': {
      const a = insights.accuracy;
      return {
        id,
        title: f.accuracy.title,
        summary: f.accuracy.summary(a, lang),
        columns: [
          { key: 'label', label: col.label, format: 'text' },
          { key: 'staff', label: col.staffSaid, format: 'count' },
          { key: 'method', label: col.methodSaid, format: 'count' },
          { key: 'agreed', label: col.agreed, format: 'count' },
          { key: 'precision', label: col.precision, format: 'share' },
          { key: 'recall', label: col.recall, format: 'share' },
          { key: 'f1', label: col.f1, format: 'share' },
        ],
        rows: a.perClass.map((c) => ({
          values: {
            label: t.sentiment[c.label],
            staff: c.staff,
            method: c.method,
            agreed: c.agreed,
            precision: round(c.precision, 4),
            recall: round(c.recall, 4),
            f1: round(c.f1, 4),
          },
        })),
      };
    }
  }
}

/** The reach figures and the period comparison (words in reach-texts.ts). */
function reachTable(
  insights: Insights,
  id: 'reach-consultation' | 'reach-channel' | 'compare',
  lang: Locale,
  queueLinks: boolean,
): FigureTable {
  const r = textsFor(reachTexts, lang);
  const col = r.columns;
  const social: Column[] = (['replies', 'likes', 'reposts', 'quotes'] as const).map((key) => ({
    key,
    label: col[key],
    format: 'count',
  }));
  if (id === 'reach-consultation') {
    const named = insights.reach.perConsultation.map((row) => ({
      name: row.consultation ? pick(row.consultation.title, lang) || row.consultation.slug : r.otherPages,
      row,
    }));
    const top = named
      .filter((n) => n.row.consultation && n.row.pageVisits > 0)
      .sort((a, b) => b.row.pageVisits - a.row.pageVisits)[0];
    return {
      id,
      title: r.reachConsultation.title,
      summary: r.reachConsultation.summary(
        insights.reach.totals.pageVisits,
        top && { name: top.name, visits: top.row.pageVisits },
      ),
      note: r.reachConsultation.what,
      columns: [
        { key: 'consultation', label: col.consultation, format: 'text' },
        { key: 'pageVisits', label: col.pageVisits, format: 'count' },
        { key: 'downloads', label: col.downloads, format: 'count' },
        { key: 'widgetViews', label: col.widgetViews, format: 'count' },
        ...social,
      ],
      rows: named.map(({ name, row }) => ({
        values: {
          consultation: name,
          pageVisits: row.pageVisits,
          downloads: row.downloads,
          widgetViews: row.widgetViews,
          replies: row.replies,
          likes: row.likes,
          reposts: row.reposts,
          quotes: row.quotes,
        },
      })),
    };
  }
  if (id === 'reach-channel') {
    const rows = insights.reach.perChannel;
    return {
      id,
      title: r.reachChannel.title,
      summary: r.reachChannel.summary(rows.length, rows.filter((row) => row.channel === 'widget').length),
      note: r.reachConsultation.what,
      columns: [
        { key: 'channel', label: col.channel, format: 'text' },
        { key: 'visits', label: col.visits, format: 'count' },
        ...social,
      ],
      rows: rows.map((row) => {
        if (row.channel === 'social')
          return {
            values: {
              channel: r.socialOn(row.platform),
              visits: null,
              replies: row.replies,
              likes: row.likes,
              reposts: row.reposts,
              quotes: row.quotes,
            },
          };
        const name =
          row.channel === 'widget' ? r.widgetOn(row.origin) : row.channel === 'portal' ? r.portalPages : r.downloads;
        return {
          values: { channel: name, visits: row.visits, replies: null, likes: null, reposts: null, quotes: null },
        };
      }),
    };
  }
  const c = insights.comparison;
  const f = insights.filter;
  return {
    id,
    title: r.compare.title,
    summary: r.compare.summary(c.measures, c.minimum),
    columns: [
      { key: 'measure', label: col.measure, format: 'text' },
      { key: 'current', label: col.current(f.from, f.to), format: 'count' },
      { key: 'previous', label: col.previous(c.previous.from, c.previous.to), format: 'count' },
      { key: 'change', label: col.change, format: 'count' },
    ],
    rows: c.measures.map((m) => {
      const values = { measure: r.measures[m.measure], current: m.current, previous: m.previous, change: m.change };
      // The channel an item count is about (undefined: every channel); null: not a count of items.
      const channel =
        m.measure === 'items'
          ? f.channel
          : m.measure === 'portal' || m.measure === 'widget' || m.measure === 'social'
            ? m.measure
            : null;
      if (!queueLinks || channel === null || (f.channel && channel !== f.channel)) return { values };
      // Drill-down: the inbox narrowed to exactly the items this number counts.
      const link = (count: number, period: { from: string; to: string }) => {
        const query = new URLSearchParams({ from: period.from, to: period.to });
        if (channel) query.set('channel', channel);
        if (f.consultation) query.set('consultation', f.consultation);
        if (f.topic) query.set('topic', f.topic);
        return html`<a href="${staffPaths.queue(lang)}?${query.toString()}">${String(count)}<span class="staff-visually-hidden">: ${r.compare.itemsLink(`${r.measures[m.measure]}, ${period.from} – ${period.to}`)}</span></a>`;
      };
      return { values, html: { current: link(m.current, f), previous: link(m.previous, c.previous) } };
    }),
  };
}

function display(value: Cell, format: Format, lang: Locale): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (format === 'share') return formatPercent(value, lang);
  if (format === 'days') return formatDecimal(value, lang);
  return String(value);
}

export function figureCsv(table: FigureTable): string {
  return toCsv(
    table.columns.map((c) => c.label),
    table.rows.map((row) => table.columns.map((c) => row.values[c.key])),
  );
}

export function figureJson(table: FigureTable, filter: InsightsFilter, generatedAt: Date) {
  return {
    figure: table.id,
    title: table.title,
    summary: table.summary,
    filter,
    generatedAt: generatedAt.toISOString(),
    columns: table.columns.map(({ key, label }) => ({ key, label })),
    rows: table.rows.map((row) => row.values),
  };
}

function renderTable(table: FigureTable, lang: Locale): Html {
  const captionId = `${table.id}-caption`;
  const head = table.columns.map((c) => html`<th scope="col">${c.label}</th>`);
  const body = table.rows.map((row) => {
    const cells = table.columns.map((c, index) => {
      const content = row.html?.[c.key] ?? display(row.values[c.key] ?? null, c.format, lang);
      return index === 0
        ? html`<th scope="row">${content}</th>`
        : html`<td${attrs({ class: c.format !== 'text' ? 'insights-number' : undefined })}>${content}</td>`;
    });
    return html`<tr>${cells}</tr>`;
  });
  // A wide table scrolls inside its own region (allowed for tables by WCAG 1.4.10); the
  // region is focusable so keyboard users can scroll it too.
  return html`<div class="insights-table" role="region" tabindex="0" aria-labelledby="${captionId}">
<table>
<caption id="${captionId}">${table.title} – ${textsFor(insightsTexts, lang).chartTable.toLowerCase()}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${join(body, '\n')}
</tbody>
</table>
</div>`;
}

function chartFor(table: FigureTable, lang: Locale): Html {
  const t = textsFor(insightsTexts, lang);
  const id = `chart-${table.id}`;
  const sentimentSeries = SENTIMENT_KEYS.map((k) => ({ key: k, label: t.sentiment[k] }));
  const value = (row: FigureRow, key: string) => Number(row.values[key] ?? 0);
  switch (table.id) {
    case 'volume':
      return barChart({
        id,
        title: table.title,
        summary: table.summary,
        rows: table.rows.map((row) => ({
          label: t.week(weekLabel(String(row.values.week), false)),
          value: value(row, 'total'),
          display: String(value(row, 'total')),
        })),
      });
    case 'sentiment-week':
    case 'sentiment-topic':
    case 'sentiment-channel':
      return html`${legend(id, t.legend, sentimentSeries)}
${stackedChart({
  id,
  title: table.title,
  summary: table.summary,
  series: sentimentSeries,
  mode: 'share',
  rows: table.rows.map((row) => {
    const key = String(row.values.key);
    const labelled = value(row, 'positive') + value(row, 'neutral') + value(row, 'negative');
    return {
      label: table.id === 'sentiment-week' ? t.week(weekLabel(key, false)) : key,
      note:
        labelled === 0
          ? '—'
          : `${formatPercent(Number(row.values.negativeShare), lang)} ${t.sentiment.negative.toLowerCase()} (n=${labelled})`,
      values: { positive: value(row, 'positive'), neutral: value(row, 'neutral'), negative: value(row, 'negative') },
    };
  }),
})}`;
    case 'response-times':
      return shareBars(id, table, lang, t.figures.responseTimes.chartValue, 'channel', 'onTimeShare');
    case 'engagement': {
      const series = [
        { key: 'replies', label: t.columns.replies },
        { key: 'likes', label: t.columns.likes },
        { key: 'reposts', label: t.columns.reposts },
      ];
      return html`${legend(id, t.legend, series)}
${stackedChart({
  id,
  title: table.title,
  summary: table.summary,
  series,
  mode: 'amount',
  rows: table.rows.map((row) => ({
    label: String(row.values.thread),
    note: `${value(row, 'replies')} / ${value(row, 'likes')} / ${value(row, 'reposts')}`,
    values: { replies: value(row, 'replies'), likes: value(row, 'likes'), reposts: value(row, 'reposts') },
  })),
})}`;
    }
    case 'accuracy':
      return shareBars(id, table, lang, t.figures.accuracy.chartValue, 'label', 'recall');
    case 'themes':
      return nothing;
    case 'reach-consultation':
      return barChart({
        id,
        title: `${table.title}: ${reachTexts[lang].columns.pageVisits.toLowerCase()}`,
        summary: table.summary,
        rows: table.rows.map((row) => ({
          label: String(row.values.consultation),
          value: value(row, 'pageVisits'),
          display: String(value(row, 'pageVisits')),
        })),
      });
    case 'reach-channel':
      return barChart({
        id,
        title: `${table.title}: ${reachTexts[lang].columns.visits.toLowerCase()}`,
        summary: table.summary,
        rows: table.rows
          .filter((row) => row.values.visits !== null)
          .map((row) => ({
            label: String(row.values.channel),
            value: value(row, 'visits'),
            display: String(value(row, 'visits')),
          })),
      });
    case 'compare': {
      // Both periods as bars next to each other, per measure (one scale: the largest number).
      const r = reachTexts[lang];
      return barChart({
        id,
        title: table.title,
        summary: table.summary,
        rows: table.rows.flatMap((row) => [
          {
            label: `${String(row.values.measure)} – ${r.compare.thisPeriod}`,
            value: value(row, 'current'),
            display: String(value(row, 'current')),
          },
          {
            label: `${String(row.values.measure)} – ${r.compare.previousPeriod}`,
            value: value(row, 'previous'),
            display: String(value(row, 'previous')),
          },
        ]),
      });
    }
  }
}

/** One bar per row for a share between 0 and 1, such as the share answered on time. */
function shareBars(
  id: string,
  table: FigureTable,
  lang: Locale,
  chartValue: string,
  labelKey: string,
  shareKey: string,
): Html {
  return barChart({
    id,
    title: `${table.title}: ${chartValue.toLowerCase()}`,
    summary: table.summary,
    max: 1,
    rows: table.rows.map((row) => ({
      label: String(row.values[labelKey]),
      value: Number(row.values[shareKey] ?? 0),
      display: display(row.values[shareKey] ?? null, 'share', lang),
    })),
  });
}

function renderFigure(table: FigureTable, lang: Locale, filter: InsightsFilter): Html {
  const t = textsFor(insightsTexts, lang);
  const headingId = `${table.id}-heading`;
  const query = filterQuery(filter);
  const links = t.download(table.title);
  const downloads = html`<ul class="insights-downloads" aria-label="${t.downloads}: ${table.title}">
<li><a href="${insightsPaths.export(lang, table.id, 'csv')}?${query}" download>${links.csv}</a></li>
<li><a href="${insightsPaths.export(lang, table.id, 'json')}?${query}" download>${links.json}</a></li>
</ul>`;
  const content =
    table.rows.length === 0 ? html`<p>${t.empty}</p>` : html`${chartFor(table, lang)}\n${renderTable(table, lang)}`;
  return html`<section class="insights-figure" aria-labelledby="${headingId}">
<h2 id="${headingId}">${table.title}</h2>
<p class="insights-summary">${table.summary}</p>
${table.note ? html`<p class="insights-hint">${table.note}</p>` : nothing}
${content}
${downloads}
</section>`;
}

function renderFilterForm(
  lang: Locale,
  raw: RawFilter,
  filter: InsightsFilter | undefined,
  options: FilterOptions,
  errors: FilterError[],
): Html {
  const t = textsFor(insightsTexts, lang);
  const m = t.filters;
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const message = (field: string) => {
    const error = errorFor(field);
    return error && fieldError(lang, `insights-${field}-error`, t.errors[error.code]);
  };
  const invalid = (field: string) =>
    errorFor(field) ? { 'aria-invalid': 'true', 'aria-describedby': `insights-${field}-error` } : {};
  const dateField = (name: 'from' | 'to', label: string) => {
    const value = raw[name] ?? filter?.[name] ?? '';
    return html`<div class="staff-field${errorFor(name) ? ' staff-field--invalid' : ''}">
<label for="insights-${name}">${label}</label>
<p class="insights-hint" id="insights-${name}-hint">${m.dateHint}</p>
${message(name)}
<input${attrs({ type: 'text', autocomplete: 'off', spellcheck: 'false', id: `insights-${name}`, name, value, 'aria-describedby': errorFor(name) ? `insights-${name}-error insights-${name}-hint` : `insights-${name}-hint`, 'aria-invalid': errorFor(name) ? 'true' : undefined })}>
</div>`;
  };
  const select = (name: 'topic' | 'consultation' | 'channel', label: string, choices: Array<[string, string]>) => {
    const current = raw[name];
    const opts = [['', m.any] as [string, string], ...choices].map(
      ([value, text]) => html`<option${attrs({ value, selected: current === value && value !== '' })}>${text}</option>`,
    );
    return html`<div class="staff-field${errorFor(name) ? ' staff-field--invalid' : ''}">
<label for="insights-${name}">${label}</label>
${message(name)}
<select${attrs({ id: `insights-${name}`, name, ...invalid(name) })}>${opts}</select>
</div>`;
  };
  return html`<form method="get" action="${insightsPaths.page(lang)}" class="staff-filters" aria-labelledby="insights-filters-heading">
<h2 id="insights-filters-heading">${m.heading}</h2>
<div class="staff-filter-fields">
${dateField('from', m.from)}
${dateField('to', m.to)}
${select(
  'topic',
  m.topic,
  options.topics.map((o) => [o.slug, pick(o.title, lang)]),
)}
${select(
  'consultation',
  m.consultation,
  options.consultations.map((o) => [o.slug, pick(o.title, lang)]),
)}
${select(
  'channel',
  m.channel,
  (['portal', 'widget', 'social'] as const).map((c) => [c, channelName(lang, c)]),
)}
</div>
<p class="staff-actions"><button type="submit" class="staff-button">${m.apply}</button> <a href="${insightsPaths.page(lang)}">${m.clear}</a></p>
</form>`;
}

export function renderInsightsPage(options: {
  lang: Locale;
  session: PageSession;
  raw: RawFilter;
  filterOptions: FilterOptions;
  result: { insights: Insights } | { errors: FilterError[] };
  queueLinks: boolean;
  correctLinks?: boolean;
}): string {
  const { lang } = options;
  const t = textsFor(insightsTexts, lang);
  const errors = 'errors' in options.result ? options.result.errors : [];
  const insights = 'insights' in options.result ? options.result.insights : undefined;
  const summary = errorSummary(
    lang,
    errors.map((e) => ({ field: e.field, message: t.errors[e.code], target: `insights-${e.field}` })),
  );
  const figures =
    insights &&
    html`<p>${t.filters.period(insights.filter.from, insights.filter.to)}</p>
${join(
  FIGURES.map((id) =>
    renderFigure(
      figureTable(insights, id, lang, { queueLinks: options.queueLinks, correctLinks: options.correctLinks ?? false }),
      lang,
      insights.filter,
    ),
  ),
  '\n',
)}`;
  const body = html`${summary}
<p>${t.intro}</p>
${renderFilterForm(lang, options.raw, insights?.filter, options.filterOptions, errors)}
${figures}`;
  return staffPage({
    lang,
    title: t.title,
    body,
    session: options.session,
    path: insightsPaths.page(lang),
    hasErrors: errors.length > 0,
  });
}

/**
 * A theme's further words in one language, each once and never its own name: two words of
 * one language can share a translation in the other ("hondenpoep" for "dog poo" and "dog
 * mess"), which read as the same word twice.
 */
export function alsoMentioned(theme: Pick<TopicTheme, 'label' | 'terms'>, lang: Locale): string {
  const seen = new Set([theme.label[lang].toLocaleLowerCase(lang)]);
  const words: string[] = [];
  for (const term of theme.terms) {
    const word = term[lang];
    const key = word.toLocaleLowerCase(lang);
    if (seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  return words.join(', ');
}

/** Topics whose themes were drawn from a sample (services/insights/aggregates.ts), per sample size. */
function sampledThemes(
  insights: Insights,
  name: (entry: Insights['themes'][number]) => string,
): Array<{ size: number; topics: string[] }> {
  const sizes = new Map<number, string[]>();
  for (const entry of insights.themes) {
    if (!entry.sample) continue;
    sizes.set(entry.sample.size, [...(sizes.get(entry.sample.size) ?? []), name(entry)]);
  }
  return [...sizes.entries()].map(([size, topics]) => ({ size, topics }));
}
