/**
 * The figures on the insights pages, computed from the filtered items. Every function is
 * pure, so tests give it hand-made items and check the answer; `index.ts` loads the items
 * and calls them.
 */
import type { LocalizedText } from '../../db/schema.ts';
import { clusterThemes, type ThemeCluster } from '../themes/index.ts';
import { mergeTarget, type ThemeCorrections } from './theme-corrections.ts';
import type { InsightItem, ThemeText } from './items.ts';
import type { ResponsePromise } from '../office-hours/due-times.ts';
import { median, percentile, share } from './stats.ts';
import { isoWeek } from './weeks.ts';
import { CHANNELS, type Channel } from './filters.ts';

export const SENTIMENT_KEYS = ['positive', 'neutral', 'negative'] as const;
export type SentimentLabel = (typeof SENTIMENT_KEYS)[number];
export type SentimentCounts = Record<SentimentLabel | 'unknown', number>;

export type VolumeWeek = { week: string; total: number } & Record<Channel, number>;
export type SentimentGroup = { key: string; name: LocalizedText | null; counts: SentimentCounts };

const DAY_MS = 86_400_000;

function emptyCounts(): SentimentCounts {
  return { positive: 0, neutral: 0, negative: 0, unknown: 0 };
}

/** Items per ISO week (Amsterdam), every week of the period listed, split by channel. */
export function volumePerWeek(items: readonly InsightItem[], weeks: readonly string[]): VolumeWeek[] {
  const rows = new Map(weeks.map((week) => [week, { week, total: 0, portal: 0, widget: 0, social: 0 }]));
  for (const item of items) {
    const row = rows.get(isoWeek(item.createdAt));
    if (!row) continue;
    row.total++;
    row[item.channel]++;
  }
  return [...rows.values()];
}

function countSentiment(counts: SentimentCounts, item: InsightItem): void {
  counts[item.sentiment ?? 'unknown']++;
}

export function sentimentPerWeek(items: readonly InsightItem[], weeks: readonly string[]): SentimentGroup[] {
  const groups = new Map(weeks.map((week) => [week, { key: week, name: null, counts: emptyCounts() }]));
  for (const item of items) {
    const group = groups.get(isoWeek(item.createdAt));
    if (group) countSentiment(group.counts, item);
  }
  return [...groups.values()];
}

/** Per topic, in the order topics first appear; items without a topic under key `''`. */
export function sentimentPerTopic(items: readonly InsightItem[]): SentimentGroup[] {
  const groups = new Map<string, SentimentGroup>();
  for (const item of items) {
    const key = item.topic?.slug ?? '';
    const group = groups.get(key) ?? { key, name: item.topic?.title ?? null, counts: emptyCounts() };
    countSentiment(group.counts, item);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export function sentimentPerChannel(items: readonly InsightItem[]): SentimentGroup[] {
  return CHANNELS.map((channel) => {
    const counts = emptyCounts();
    for (const item of items) if (item.channel === channel) countSentiment(counts, item);
    return { key: channel, name: null, counts };
  }).filter((group) => Object.values(group.counts).some((n) => n > 0));
}

/** Share of labelled items with this label (items without a label are not in the base). */
export function sentimentShare(counts: SentimentCounts, label: SentimentLabel): number | null {
  return share(counts[label], counts.positive + counts.neutral + counts.negative);
}

export type ThemeExample = {
  id: string;
  kind: InsightItem['kind'];
  consultation: string | null;
  reviewState: string | null;
  excerpt: string;
};
export type TopicTheme = {
  /** The label's feature ("c:bike+c:path"): the same words give the same key in every period. */
  key: string;
  /** The most characteristic phrase, as residents wrote it (named in the other language when nobody did). */
  label: { nl: string; en: string };
  /** Renamed or merged by staff (theme_corrections). */
  corrected: boolean;
  /** Further characteristic words of the theme. */
  terms: Array<{ nl: string; en: string }>;
  count: number;
  /** The most typical contributions first. */
  examples: ThemeExample[];
};
export type TopicThemes = {
  topic: { slug: string; title: LocalizedText } | null;
  themes: TopicTheme[];
};

const EXCERPT_LENGTH = 120;

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

/**
 * Staff corrections on one topic's themes: a merged theme joins its target (which keeps its
 * own typical examples first; when the target is not among this topic's themes the merged
 * theme takes its key), and a renamed theme gets staff's name (English falls back on the
 * Dutch). Largest first again, as merging changes the counts.
 */
function corrected(
  themes: readonly ThemeCluster[],
  corrections: ThemeCorrections,
): Array<ThemeCluster & { corrected: boolean }> {
  const byKey = new Map<string, ThemeCluster & { corrected: boolean }>();
  // Targets first, so a target's examples come before those of what was merged into it.
  const order = [...themes].sort(
    (a, b) => Number(Boolean(corrections.get(a.key)?.mergeInto)) - Number(Boolean(corrections.get(b.key)?.mergeInto)),
  );
  for (const theme of order) {
    const key = mergeTarget(theme.key, corrections) ?? theme.key;
    const into = byKey.get(key);
    if (into) {
      into.ids = [...into.ids, ...theme.ids];
      into.terms = [...into.terms, theme.label, ...theme.terms].filter(
        (term, i, all) => term.nl !== into.label.nl && all.findIndex((t) => t.nl === term.nl) === i,
      );
      into.corrected = true;
    } else {
      byKey.set(key, { ...theme, key, corrected: key !== theme.key });
    }
  }
  for (const theme of byKey.values()) {
    const label = corrections.get(theme.key)?.label;
    if (label?.nl) {
      theme.label = { nl: label.nl, en: label.en || label.nl };
      theme.corrected = true;
    }
  }
  return [...byKey.values()].sort((a, b) => b.ids.length - a.ids.length || a.key.localeCompare(b.key));
}

/**
 * Themes per topic: contributions grouped by what they are about, Dutch and English together
 * (api/services/themes/), largest first, with up to three typical example items each.
 */
export function themesPerTopic(
  items: readonly InsightItem[],
  texts: readonly ThemeText[],
  options: { limit?: number; corrections?: ThemeCorrections } = {},
): TopicThemes[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const textById = new Map(texts.map((t) => [t.id, t.text]));
  const topics = new Map<string, { topic: InsightItem['topic']; texts: ThemeText[] }>();
  for (const text of texts) {
    const item = byId.get(text.id);
    if (!item) continue;
    const key = item.topic?.slug ?? '';
    const entry = topics.get(key) ?? { topic: item.topic, texts: [] };
    entry.texts.push(text);
    topics.set(key, entry);
  }
  return [...topics.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { topic, texts: topicTexts }]) => ({
      topic,
      themes: corrected(clusterThemes(topicTexts), options.corrections ?? new Map())
        .slice(0, options.limit ?? 10)
        .map((theme) => ({
          key: theme.key,
          label: theme.label,
          corrected: theme.corrected,
          terms: theme.terms,
          count: theme.ids.length,
          examples: theme.ids.slice(0, 3).map((id) => {
            const item = byId.get(id)!;
            return {
              id,
              kind: item.kind,
              consultation: item.consultation?.slug ?? null,
              reviewState: item.reviewState,
              excerpt: excerpt(textById.get(id) ?? ''),
            };
          }),
        })),
    }))
    .filter((entry) => entry.themes.length > 0);
}

export type ResponseTimeRow = {
  /** The channel guideline's key (`portal`, `widget`, `mastodon:@account`) the promise comes from. */
  key: string;
  /** The guideline's name, when the promise comes from one. */
  name: LocalizedText | null;
  channel: Channel;
  /** The promises its items are given: one unit, from the lowest amount to the highest (consultations differ). */
  promise: PromiseRange | null;
  answered: number;
  medianDays: number | null;
  p90Days: number | null;
  /** Answered within the promise; null when the channel has no promise. */
  onTime: number | null;
  onTimeShare: number | null;
  open: number;
  overdue: number;
};

/**
 * Items that need an answer: those staff marked as needing one or answered, and every
 * item that has a published answer. Times are calendar days from arrival to the first
 * response (`first_response_at`); "on time" is measured against the item's stored due moment
 * (`dueAt`: the promise as it was made, in the office calendar, which the inbox showed).
 */
export function needsAnswer(item: InsightItem): boolean {
  return item.firstAnswerAt !== null || item.reviewState === 'needs_answer' || item.reviewState === 'answered';
}

export function responseTimes(items: readonly InsightItem[], now: Date): ResponseTimeRow[] {
  const groups = new Map<string, InsightItem[]>();
  for (const item of items) {
    if (!needsAnswer(item)) continue;
    const key = item.promiseKey ?? item.channel;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, group]) => ({
      key,
      name: group[0]!.promiseName,
      channel: group[0]!.channel,
      promise: promiseRange(group),
      ...responseFigures(group, now),
    }));
}

/**
 * The promises of a group's items. One unit per group: input's is its channel guideline's
 * hours or else the consultations' working days, a post's its guideline's or else working days.
 */
export type PromiseRange = { unit: ResponsePromise['unit']; from: number; to: number };

function promiseRange(group: readonly InsightItem[]): PromiseRange | null {
  const promises = group.flatMap((item) => (item.promise ? [item.promise] : []));
  if (promises.length === 0) return null;
  let from = Infinity;
  let to = -Infinity;
  for (const { amount } of promises) [from, to] = [Math.min(from, amount), Math.max(to, amount)];
  return { unit: promises[0]!.unit, from, to };
}

/** The same figures over every item that needs an answer, whatever its channel. */
export function responseOverall(items: readonly InsightItem[], now: Date): ResponseFigures {
  return responseFigures(items.filter(needsAnswer), now);
}

type ResponseFigures = Omit<ResponseTimeRow, 'key' | 'name' | 'channel' | 'promise'>;

function responseFigures(group: readonly InsightItem[], now: Date): ResponseFigures {
  const due = (item: InsightItem) => item.dueAt;
  const answered = group.filter((item) => item.firstAnswerAt !== null);
  const days = answered.map((item) => (item.firstAnswerAt!.getTime() - item.createdAt.getTime()) / DAY_MS);
  const promised = answered.filter((item) => item.dueAt !== null);
  const onTime = promised.length === 0 ? null : promised.filter((item) => item.firstAnswerAt! <= due(item)!).length;
  const open = group.filter((item) => item.firstAnswerAt === null);
  return {
    answered: answered.length,
    medianDays: median(days),
    p90Days: percentile(days, 90),
    onTime,
    onTimeShare: onTime === null ? null : share(onTime, promised.length),
    open: open.length,
    overdue: open.filter((item) => item.dueAt !== null && item.dueAt < now).length,
  };
}

export type AccuracyClass = {
  label: SentimentLabel;
  /** Items staff gave this label, items the method gave it, and items both gave it. */
  staff: number;
  method: number;
  agreed: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
};
export type Accuracy = { reviewed: number; agreed: number; rate: number | null; perClass: AccuracyClass[] };
export type Correction = { predicted: SentimentLabel; label: SentimentLabel };

/** The method's labels against the labels staff checked, with staff as the truth. */
export function accuracy(corrections: readonly Correction[]): Accuracy {
  const agreed = corrections.filter((c) => c.predicted === c.label).length;
  const perClass = SENTIMENT_KEYS.map((label) => {
    const staff = corrections.filter((c) => c.label === label).length;
    const method = corrections.filter((c) => c.predicted === label).length;
    const both = corrections.filter((c) => c.label === label && c.predicted === label).length;
    const precision = share(both, method);
    const recall = share(both, staff);
    const f1 =
      precision === null || recall === null
        ? null
        : precision + recall === 0
          ? 0
          : (2 * precision * recall) / (precision + recall);
    return { label, staff, method, agreed: both, precision, recall, f1 };
  });
  return { reviewed: corrections.length, agreed, rate: share(agreed, corrections.length), perClass };
}

export type EngagementRow = {
  threadId: string;
  title: LocalizedText | null;
  platform: string;
  sourceUrl: string | null;
  consultation: string | null;
  /** Mirrored replies posted in the period, and the likes and reposts the platform reports on them and the root. */
  replies: number;
  likes: number;
  reposts: number;
};
