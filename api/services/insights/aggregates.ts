/**
 * The insights figures counted by the database: grouped and counted in SQL, so what comes
 * back to Node grows with the number of weeks, channels and topics, never with the number of
 * items (loading every item took 10 s at a million items, issue 18). The item set is the one
 * `loadItems` (items.ts) describes, written as one SQL statement; the definitions are those of
 * the pure functions in figures.ts, which stay as the reference the tests check these against
 * (tests/api/staff/insights/aggregates.test.ts):
 *
 * - counts per ISO week in Amsterdam, channel, sentiment label and topic, in one grouped scan;
 * - response times per promise: the item set of `itemsSql` with `needing`, read by
 *   response-times.ts, from the roll-up or from these items;
 * - staff checks of sentiment labels, joined to the item set;
 * - themes: the only figure that needs the texts. They are read for at most THEME_SAMPLE items
 *   per topic: all of them below that, so the themes are exactly as before; above it a fixed
 *   sample (ordered by a hash of the item id, so the same item is in or out in every period and
 *   on every reload) spread over the whole period, and the figure says so (`sample`). Only
 *   the sample is read, through an index on the hash (`themeFigures`). The clustering itself
 *   is remembered by a hash of its exact input (`clustered`, below).
 */
import { createHash } from 'node:crypto';
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import {
  consultations,
  needingAnswer,
  sentimentCorrections,
  socialAuthors,
  socialPlatform,
  socialPosts,
  socialThreads,
  staffReplies,
  submissionDayCounts,
  submissions,
  topics,
} from '../../db/schema.ts';
import { rowsOf } from '../../db/rows.ts';
import {
  themesPerTopic,
  type Correction,
  type SentimentCounts,
  type SentimentGroup,
  type SentimentLabel,
  type TopicThemes,
  type VolumeWeek,
} from './figures.ts';
import { CHANNELS, type Channel, type InsightsFilter } from './filters.ts';
import { guidelines, inPeriod, namesOf, type Guideline, type InsightItem, type Names } from './items.ts';
import { DEFAULT_PROMISE, promiseOf, rootAccountOf } from '../office-hours/due-times.ts';
import { loadThemeCorrections, type ThemeCorrections } from './theme-corrections.ts';
import { TIME_ZONE } from './weeks.ts';

/** Texts per topic the themes are drawn from; above it, a fixed sample of this many. */
export const THEME_SAMPLE = 1000;

/** What every query of one organisation needs: its promises and names. */
export type Context = {
  organisationId: string;
  guidelines: Guideline[];
  names: Names;
};

export async function loadContext(db: Db, organisationId: string): Promise<Context> {
  return {
    organisationId,
    guidelines: await guidelines(db, organisationId),
    names: await namesOf(db, organisationId),
  };
}

/** A case over a few known values: `when value then result` for each, else `otherwise`. */
const caseOf = (subject: SQL, cases: ReadonlyArray<[string, SQL]>, otherwise: SQL) =>
  cases.length === 0
    ? otherwise
    : sql`(case ${subject} ${sql.join(
        cases.map(([value, result]) => sql`when ${value}::text then ${result}`),
        sql` `,
      )} else ${otherwise} end)`;
/** A guideline's promise (due-times.ts `promiseOf`), as SQL literals. */
const unitOf = (g: Guideline) => sql`${promiseOf(g).unit}::text`;
const amountOf = (g: Guideline) => sql`${promiseOf(g).amount}::int`;
/** A post's first published answer, for posts stored before `first_response_at` was kept (submissions keep it in `first_published_reply_at`). */
const firstAnswer = (column: SQL, id: SQL) =>
  sql`(select min(r.published_at) from ${staffReplies} r where r.${column} = ${id} and r.published_at is not null)`;

/**
 * The items of the period and filter, one row each: kind, id, channel, at, label, state,
 * topic_id, cid, lang; with `needing` only the items that need (or got) an answer (figures.ts
 * `needsAnswer`), with first_at (the first published answer), due_at (the stored due moment),
 * pkey, punit and pamount (the promise its due moment was counted from: items.ts
 * `inputPromiseOf`, `postPromiseOf`).
 */
export function itemsSql(context: Context, filter: InsightsFilter, needing: boolean): SQL {
  const { organisationId } = context;
  // Input's promise (due-times.ts `inputPromise`): the channel guideline's hours, else the consultation's working days.
  const byHours = CHANNELS.flatMap((channel) => {
    const guideline = context.guidelines.find((g) => g.key === channel && g.responseHours !== null);
    return guideline ? [[channel, guideline] as const] : [];
  });
  const submissionChannel = sql`${submissions.channel}::text`;
  const submissionConditions: SQL[] = [
    sql`${consultations.organisationId} = ${organisationId}::uuid`,
    sql`${submissions.erasedAt} is null`,
    inPeriod(submissions.createdAt, filter),
  ];
  if (filter.topic) submissionConditions.push(sql`${topics.slug} = ${filter.topic}::text`);
  if (filter.consultation) submissionConditions.push(sql`${consultations.slug} = ${filter.consultation}::text`);
  if (filter.channel) submissionConditions.push(sql`${submissions.channel}::text = ${filter.channel}::text`);
  // The predicate of the partial index `submissions_needing_answer`: the response times read that index alone.
  if (needing) submissionConditions.push(needingAnswer(submissions));
  const submissionAnswers = needing
    ? sql`, coalesce(${submissions.firstResponseAt}, ${submissions.firstPublishedReplyAt}) as first_at,
        ${submissions.responseDueAt} as due_at, ${submissionChannel} as pkey,
        ${caseOf(
          submissionChannel,
          byHours.map(([channel, g]) => [channel, unitOf(g)]),
          sql`'working_days'::text`,
        )} as punit,
        ${caseOf(
          submissionChannel,
          byHours.map(([channel, g]) => [channel, amountOf(g)]),
          sql`${consultations.responseDays}`,
        )} as pamount`
    : sql``;
  const submissionRows = sql`select 'submission'::text as kind, ${submissions.id} as id, ${submissions.channel}::text as channel,
      ${submissions.createdAt} as at, ${submissions.sentiment}->>'label' as label, ${submissions.reviewState}::text as state,
      ${consultations.topicId} as topic_id, ${submissions.consultationId} as cid, ${submissions.language}::text as lang
      ${submissionAnswers}
    from ${submissions}
    join ${consultations} on ${consultations.id} = ${submissions.consultationId}
    ${filter.topic ? sql`join ${topics} on ${topics.id} = ${consultations.topicId}` : sql``}
    where ${sql.join(submissionConditions, sql` and `)}`;
  if (filter.channel && filter.channel !== 'social') return submissionRows;
  return sql`${submissionRows}
    union all
    ${postItemsSql(context, filter, needing)}`;
}

/** The residents' posts of `itemsSql`, with the same columns. */
export function postItemsSql(context: Context, filter: InsightsFilter, needing: boolean): SQL {
  const { organisationId } = context;
  // A post's promise (due-times.ts `socialPromise`): the guideline of the account its thread was
  // written to, else its platform's first, else the consultation's working days, else five.
  const social = context.guidelines.filter((g) => g.channel === 'social');
  const threadGuideline = (thread: SQL, platform: SQL) =>
    caseOf(
      sql`${platform} || ':' || ${rootAccountOf(thread)}`,
      social.map((g) => [g.key, sql`${g.key}::text`]),
      caseOf(
        platform,
        socialPlatform.enumValues.flatMap((name) => {
          const first = social.find((g) => g.platform === name);
          return first ? [[name, sql`${first.key}::text`]] : [];
        }),
        sql`null::text`,
      ),
    );
  // Without social guidelines every post falls back to its platform: no thread needs looking up.
  const guidelineKey = social.length > 0 ? sql`tg.guideline_key` : sql`null::text`;
  const threadTopic = sql`coalesce(${socialThreads.topicId}, ${consultations.topicId})`;
  const postConditions: SQL[] = [
    sql`${socialThreads.organisationId} = ${organisationId}::uuid`,
    sql`${socialThreads.removedAt} is null`,
    sql`${socialPosts.deletedAt} is null`,
    sql`${socialPosts.placeholder} is null`,
    sql`${socialPosts.submissionId} is null`,
    sql`(${socialPosts.authorId} is null or ${socialAuthors.isOwnAccount} = false)`,
    inPeriod(socialPosts.postedAt, filter),
  ];
  if (filter.topic) postConditions.push(sql`${topics.slug} = ${filter.topic}::text`);
  if (filter.consultation) postConditions.push(sql`${consultations.slug} = ${filter.consultation}::text`);
  const firstAt = sql`coalesce(${socialPosts.firstResponseAt}, ${firstAnswer(sql.raw('social_post_id'), sql`${socialPosts.id}`)})`;
  // A post has no review state that asks for an answer: it needs one once it got one.
  if (needing) postConditions.push(sql`${firstAt} is not null`);
  const postAnswers = needing
    ? sql`, ${firstAt} as first_at, ${socialPosts.responseDueAt} as due_at,
        coalesce(${guidelineKey}, ${socialThreads.platform}::text) as pkey,
        ${caseOf(
          guidelineKey,
          social.map((g) => [g.key, unitOf(g)]),
          sql`${DEFAULT_PROMISE.unit}::text`,
        )} as punit,
        ${caseOf(
          guidelineKey,
          social.map((g) => [g.key, amountOf(g)]),
          sql`coalesce(${consultations.responseDays}, ${DEFAULT_PROMISE.amount}::int)`,
        )} as pamount`
    : sql``;
  // The guideline per thread: a derived table the planner reads once per thread (memoized), not once per post.
  const threadGuidelines =
    needing && social.length > 0
      ? sql`left join (select th.id as thread_id,
          ${threadGuideline(sql`th.id`, sql`th.platform::text`)} as guideline_key
        from ${socialThreads} th where th.organisation_id = ${organisationId}::uuid) tg
        on tg.thread_id = ${socialThreads.id}`
      : sql``;
  return sql`select 'social_post'::text as kind, ${socialPosts.id} as id, 'social'::text as channel, ${socialPosts.postedAt} as at,
      ${socialPosts.sentiment}->>'label' as label, null::text as state, ${threadTopic} as topic_id,
      ${socialThreads.consultationId} as cid, (case when ${socialPosts.language} = 'en' then 'en' else 'nl' end) as lang
      ${postAnswers}
    from ${socialPosts}
    join ${socialThreads} on ${socialThreads.id} = ${socialPosts.threadId}
    left join ${socialAuthors} on ${socialAuthors.id} = ${socialPosts.authorId}
    left join ${consultations} on ${consultations.id} = ${socialThreads.consultationId}
    ${threadGuidelines}
    ${filter.topic ? sql`left join ${topics} on ${topics.id} = ${threadTopic}` : sql``}
    where ${sql.join(postConditions, sql` and `)}`;
}

export type CountFigures = {
  items: number;
  perChannel: Record<Channel, number>;
  volume: VolumeWeek[];
  sentimentByWeek: SentimentGroup[];
  sentimentByTopic: SentimentGroup[];
  sentimentByChannel: SentimentGroup[];
};

function emptyCounts(): SentimentCounts {
  return { positive: 0, neutral: 0, negative: 0, unknown: 0 };
}

/**
 * The items of the period and filter counted per Amsterdam day, channel, label, topic and
 * public state (`published`, `rejected` or `other`; residents' posts are `other`):
 * submissions from the roll-up the database keeps (`submission_day_counts`, a few rows per
 * consultation and day instead of every item), residents' posts counted from the posts, as
 * `itemsSql` selects them (a fiftieth of the items, read through the index on posted_at).
 */
function dayCountsSql(context: Context, filter: InsightsFilter): SQL {
  const conditions: SQL[] = [
    sql`${consultations.organisationId} = ${context.organisationId}::uuid`,
    sql`${submissionDayCounts.day} between ${filter.from}::date and ${filter.to}::date`,
  ];
  if (filter.topic) conditions.push(sql`${topics.slug} = ${filter.topic}::text`);
  if (filter.consultation) conditions.push(sql`${consultations.slug} = ${filter.consultation}::text`);
  if (filter.channel) conditions.push(sql`${submissionDayCounts.channel}::text = ${filter.channel}::text`);
  const submissionCounts = sql`select ${submissionDayCounts.day} as day, ${submissionDayCounts.channel}::text as channel,
      nullif(${submissionDayCounts.label}, '') as label, ${consultations.topicId} as topic_id,
      ${submissionDayCounts.state} as state, ${submissionDayCounts.n} as n
    from ${submissionDayCounts}
    join ${consultations} on ${consultations.id} = ${submissionDayCounts.consultationId}
    ${filter.topic ? sql`join ${topics} on ${topics.id} = ${consultations.topicId}` : sql``}
    where ${sql.join(conditions, sql` and `)}`;
  if (filter.channel && filter.channel !== 'social') return submissionCounts;
  return sql`${submissionCounts}
    union all
    select (p.at at time zone ${TIME_ZONE})::date, p.channel, p.label, p.topic_id, 'other', count(*)::int
    from (${postItemsSql(context, filter, false)}) p
    group by 1, 2, 3, 4`;
}

/** Volume and sentiment per week, topic and channel (figures.ts `volumePerWeek`, `sentimentPer…`), from the day counts. */
export async function countFigures(
  db: Db,
  context: Context,
  filter: InsightsFilter,
  weeks: readonly string[],
): Promise<CountFigures> {
  const rows = rowsOf<{ week: string; channel: Channel; label: string | null; topic_id: string | null; n: number }>(
    await db.execute(sql`select to_char(c.day, ${'IYYY"-W"IW'}) as week, c.channel, c.label, c.topic_id, sum(c.n)::int as n
      from (${dayCountsSql(context, filter)}) c
      group by 1, 2, 3, 4 having sum(c.n) <> 0`),
  );
  const volume = new Map(weeks.map((week) => [week, { week, total: 0, portal: 0, widget: 0, social: 0 }]));
  const byWeek = new Map(weeks.map((week) => [week, { key: week, name: null, counts: emptyCounts() }]));
  const byTopic = new Map<string, SentimentGroup>();
  const byChannel = new Map(CHANNELS.map((channel) => [channel, emptyCounts()]));
  const perChannel: Record<Channel, number> = { portal: 0, widget: 0, social: 0 };
  let items = 0;
  for (const row of rows) {
    const label = (row.label ?? 'unknown') as SentimentLabel | 'unknown';
    items += row.n;
    perChannel[row.channel] += row.n;
    const week = volume.get(row.week);
    if (week) {
      week.total += row.n;
      week[row.channel] += row.n;
      byWeek.get(row.week)!.counts[label] += row.n;
    }
    const topic = row.topic_id ? context.names.topics.get(row.topic_id) : undefined;
    const key = topic?.slug ?? '';
    const group = byTopic.get(key) ?? { key, name: topic?.title ?? null, counts: emptyCounts() };
    group.counts[label] += row.n;
    byTopic.set(key, group);
    byChannel.get(row.channel)![label] += row.n;
  }
  return {
    items,
    perChannel,
    volume: [...volume.values()],
    sentimentByWeek: [...byWeek.values()],
    sentimentByTopic: [...byTopic.values()].sort((a, b) => a.key.localeCompare(b.key)),
    sentimentByChannel: CHANNELS.map((channel) => ({
      key: channel,
      name: null,
      counts: byChannel.get(channel)!,
    })).filter((group) => Object.values(group.counts).some((n) => n > 0)),
  };
}

/** Items per channel only, for the comparison with the previous period. */
export async function channelCounts(
  db: Db,
  context: Context,
  filter: InsightsFilter,
): Promise<Record<Channel, number>> {
  const rows = rowsOf<{ channel: Channel; n: number }>(
    await db.execute(
      sql`select c.channel, sum(c.n)::int as n from (${dayCountsSql(context, filter)}) c group by 1 having sum(c.n) <> 0`,
    ),
  );
  const counts: Record<Channel, number> = { portal: 0, widget: 0, social: 0 };
  for (const row of rows) counts[row.channel] += row.n;
  return counts;
}

/** Staff checks of the labels of the filtered items (the input of figures.ts `accuracy`). */
export async function labelChecks(db: Db, context: Context, filter: InsightsFilter): Promise<Correction[]> {
  const rows = rowsOf<{ predicted: SentimentLabel; label: SentimentLabel; n: number }>(
    await db.execute(sql`select sc.predicted, sc.label, count(*)::int as n
      from ${sentimentCorrections} sc join (${itemsSql(context, filter, false)}) i on i.id = sc.subject_id
      where sc.organisation_id = ${context.organisationId}::uuid
      group by 1, 2`),
  );
  return rows.flatMap((row) => Array.from({ length: row.n }, () => ({ predicted: row.predicted, label: row.label })));
}

export type SampledTopicThemes = TopicThemes & {
  /** Set when the topic had more than THEME_SAMPLE items: the themes count within a fixed sample of `size`. */
  sample?: { size: number; of: number };
};

/**
 * Themes per topic (figures.ts `themesPerTopic`) from the texts the database gives: open
 * answers as they may be published (personal data redacted by screening) and post texts;
 * input whose rejection stands (status `rejected`) left out. At most THEME_SAMPLE items per
 * topic: the `sample` with the lowest hash of their id (then id), the same in every period
 * and on every reload.
 *
 * Nothing reads every item of the period: a topic's count comes from the day counts, and its
 * sample from the index on (consultation, hash of the id, created_at), read only below a
 * hash under which about `cut` of the topic's items lie (twice the sample: hashes are spread
 * evenly, so fewer than `sample` practically never do, over twenty standard deviations
 * below). Should it happen, that topic is read in full, so the sample is the same either way
 * (`cut` is a parameter only so that a test can make it happen).
 * Hashing and ranking every item of two years took 1.5 s at a million items.
 */
export async function themeFigures(
  db: Db,
  context: Context,
  filter: InsightsFilter,
  sample = THEME_SAMPLE,
  cut = 2 * sample + 64,
): Promise<SampledTopicThemes[]> {
  const counts = await themeCounts(db, context, filter);
  const all = [...counts];
  const bounds = (full: ReadonlySet<string | null>) =>
    all.map(([topicId, of]) => ({ topicId, upTo: full.has(topicId) ? HASH_MAX : hashUpTo(cut, of) }));
  let rows = await themeSample(db, context, filter, sample, bounds(new Set()));
  const read = new Map<string | null, number>();
  for (const row of rows) read.set(row.topic_id, (read.get(row.topic_id) ?? 0) + 1);
  const short = new Set(
    all.filter(([topicId, of]) => (read.get(topicId) ?? 0) < Math.min(of, sample)).map(([topicId]) => topicId),
  );
  if (short.size > 0) rows = await themeSample(db, context, filter, sample, bounds(short));
  const items: InsightItem[] = [];
  const texts: Array<{ id: string; text: string; lang: string }> = [];
  for (const row of rows) {
    if (row.text === null) continue;
    const topic = row.topic_id ? (context.names.topics.get(row.topic_id) ?? null) : null;
    const consultation = row.cid ? context.names.consultations.get(row.cid) : undefined;
    items.push({
      kind: row.kind,
      id: row.id,
      channel: 'portal',
      promiseKey: null,
      promiseName: null,
      promise: null,
      language: row.lang,
      createdAt: new Date(0),
      sentiment: null,
      reviewState: row.state,
      topic,
      consultation: consultation ? { slug: consultation.slug, title: consultation.title } : null,
      firstAnswerAt: null,
      dueAt: null,
    });
    texts.push({ id: row.id, text: row.text, lang: row.lang });
  }
  const sampled = new Map<string, number>();
  for (const [topicId, of] of counts)
    if (of > sample) sampled.set((topicId && context.names.topics.get(topicId)?.slug) || '', of);
  const corrections = await loadThemeCorrections(db, context.organisationId);
  const themes = clustered(items, texts, corrections);
  return themes.map((entry) => {
    const of = sampled.get(entry.topic?.slug ?? '');
    return of === undefined ? entry : { ...entry, sample: { size: sample, of } };
  });
}

/** The items the themes are drawn from, per topic: submissions not rejected (from the day counts) and residents' posts. */
async function themeCounts(db: Db, context: Context, filter: InsightsFilter): Promise<Map<string | null, number>> {
  const rows = rowsOf<{ topic_id: string | null; n: number }>(
    await db.execute(sql`select c.topic_id, sum(c.n)::int as n from (${dayCountsSql(context, filter)}) c
      where c.state <> 'rejected' group by 1 having sum(c.n) > 0`),
  );
  return new Map(rows.map((row) => [row.topic_id, row.n]));
}

const HASH_MIN = -2147483648;
const HASH_MAX = 2147483647;

/** The largest hash (an int4, as `hashtext` gives) of the lowest `cut / of` of the range: about `cut` of `of` items lie at or below it. */
export function hashUpTo(cut: number, of: number): number {
  if (of <= cut) return HASH_MAX;
  return Math.ceil(HASH_MIN + (cut / of) * 2 ** 32) - 1;
}

type SampleRow = {
  id: string;
  kind: InsightItem['kind'];
  topic_id: string | null;
  cid: string | null;
  state: string | null;
  lang: string;
  text: string | null;
};

/**
 * The `sample` items with the lowest (hash, id) per topic among those whose hash is at most
 * the topic's `upTo`, with their texts, oldest first.
 */
async function themeSample(
  db: Db,
  context: Context,
  filter: InsightsFilter,
  sample: number,
  topics: ReadonlyArray<{ topicId: string | null; upTo: number }>,
): Promise<SampleRow[]> {
  if (topics.length === 0) return [];
  const bounds = JSON.stringify(topics.map((t) => ({ topic_id: t.topicId, up_to: t.upTo })));
  const hash = (id: SQL | AnyPgColumn) => sql`hashtext(${id}::text)`;
  // Per topic, a range of the index on (consultation, hash, created_at) for each of its
  // consultations. The bound is written into the statement as an int4 literal: a parameter
  // (or a bound joined from a table) leaves the planner guessing a third of the rows, and it
  // then reads the whole period instead.
  const submissionRows = topics.flatMap(({ topicId, upTo }) => {
    const ids = [...context.names.consultations]
      .filter(([, c]) => c.topicId === topicId && (!filter.consultation || c.slug === filter.consultation))
      .map(([id]) => id);
    if (ids.length === 0) return [];
    const conditions: SQL[] = [
      inArray(submissions.consultationId, ids),
      inPeriod(submissions.createdAt, filter),
      sql`${submissions.erasedAt} is null`,
      sql`${submissions.status} <> 'rejected'`,
    ];
    if (upTo < HASH_MAX) conditions.push(sql`${hash(submissions.id)} <= ${sql.raw(String(Math.trunc(upTo)))}`);
    if (filter.channel) conditions.push(sql`${submissions.channel}::text = ${filter.channel}::text`);
    return [
      sql`select ${submissions.id} as id, 'submission'::text as kind, ${submissions.createdAt} as at,
        ${topicId}::uuid as topic_id, ${submissions.consultationId} as cid, ${submissions.reviewState}::text as state,
        ${submissions.language}::text as lang, ${hash(submissions.id)} as h
      from ${submissions} where ${sql.join(conditions, sql` and `)}`,
    ];
  });
  // Residents' posts are a fiftieth of the items: read for the period and bounded after.
  const postRows =
    filter.channel && filter.channel !== 'social'
      ? []
      : [
          sql`select p.id, p.kind, p.at, p.topic_id, p.cid, p.state, p.lang, ${hash(sql`p.id`)} as h
    from (${postItemsSql(context, filter, false)}) p
    join b on b.topic_id is not distinct from p.topic_id and ${hash(sql`p.id`)} <= b.up_to`,
        ];
  const candidates = [...submissionRows, ...postRows];
  if (candidates.length === 0) return [];
  return rowsOf<SampleRow>(
    await db.execute(sql`
      with b as (select * from jsonb_to_recordset(${bounds}::jsonb) as b(topic_id uuid, up_to int)),
      candidates as materialized (${sql.join(candidates, sql` union all `)}),
      ranked as (select c.*, row_number() over (partition by c.topic_id order by c.h, c.id) as rank from candidates c),
      sampled as materialized (select * from ranked where rank <= ${sample}),
      answer_texts as (
        select a.submission_id as id, string_agg(coalesce(
            (select f.value->>'redacted'
              from jsonb_array_elements(case when jsonb_typeof(s.screening->'fields') = 'array'
                then s.screening->'fields' else '[]'::jsonb end) with ordinality as f(value, n)
              where f.value->>'question' = q.key order by f.n limit 1),
            a.value #>> '{}'), chr(10) order by q.position) as text
        from sampled x
        join submission_answers a on a.submission_id = x.id
        join questions q on q.id = a.question_id
        join ${submissions} s on s.id = x.id
        where x.kind = 'submission' and q.kind = 'open_text' and jsonb_typeof(a.value) = 'string'
        group by a.submission_id
      )
      select c.id, c.kind, c.topic_id, c.cid, c.state, c.lang, coalesce(p.content_text, t.text) as text
      from sampled c
      left join answer_texts t on t.id = c.id
      left join ${socialPosts} p on c.kind = 'social_post' and p.id = c.id
      order by date_trunc('milliseconds', c.at), c.id`),
  );
}

const clusters = new Map<string, TopicThemes[]>();
const CLUSTER_CACHE = 64;

/**
 * `themesPerTopic`, remembered by its exact input: the clustering (a pairwise step over up to
 * 400 texts per topic) takes about a second whatever the number of items, while the texts of
 * a period rarely change between two views. The key is a hash of everything the function
 * reads (each item's id, kind, topic, consultation, state and language, every text, the
 * staff corrections), so a changed text, state or correction is clustered again; never stale.
 */
function clustered(
  items: readonly InsightItem[],
  texts: ReadonlyArray<{ id: string; text: string; lang: string }>,
  corrections: ThemeCorrections,
): TopicThemes[] {
  const hash = createHash('sha256');
  for (const item of items)
    hash.update(
      JSON.stringify([
        item.id,
        item.kind,
        item.topic,
        item.consultation?.slug ?? null,
        item.reviewState,
        item.language,
      ]),
    );
  for (const text of texts) hash.update(JSON.stringify([text.id, text.text, text.lang]));
  hash.update(JSON.stringify([...corrections.entries()]));
  const key = hash.digest('hex');
  const known = clusters.get(key);
  if (known) {
    // The most recently used last, so the oldest is the one forgotten.
    clusters.delete(key);
    clusters.set(key, known);
    return structuredClone(known);
  }
  const themes = themesPerTopic(items, texts, { corrections });
  if (clusters.size >= CLUSTER_CACHE) clusters.delete(clusters.keys().next().value!);
  clusters.set(key, themes);
  return structuredClone(themes);
}
