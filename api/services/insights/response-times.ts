/**
 * The insights' response times (figures.ts `responseTimes`, `responseOverall`), counted by the
 * database: items that need an answer (`needsAnswer`), calendar days from arrival to the first
 * answer, and "on time" and "overdue" against each item's stored due moment (`response_due_at`:
 * the promise as it was made, in the office calendar, which the inbox showed while the item
 * waited), grouped by the promise it was counted from.
 *
 * Two ways to the same figures, which the tests hold to the item-by-item reference alike:
 *
 * - **From the roll-up** (the whole organisation, or one channel): answered input from
 *   `response_time_counts` (counts per day, channel and response-time bucket), residents'
 *   posts (a fiftieth of the items) and input still waiting for an answer (a few percent, and
 *   "overdue" depends on the moment) read live. A percentile reads only the bucket that holds
 *   its rank (through the index `submissions_answer_times`), none where every answer in that
 *   bucket took the same time. The counts grow with the days (and the buckets each day's
 *   answers use), the bucket reads still with the answers in the percentiles' buckets (each
 *   4.4 % wide: a few percent of the answers where times spread).
 * - **From the items** (a topic or a consultation): the roll-up is per organisation, so these
 *   read their own items, through `submissions_needing_answer_per_consultation`.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { awaitingAnswer, consultations, needingAnswer, responseTimeCounts, submissions } from '../../db/schema.ts';
import { rowsOf } from '../../db/rows.ts';
import { publishRollUpMismatch } from '../../observability/events.ts';
import type { ResponseTimeRow } from './figures.ts';
import { CHANNELS, type Channel, type InsightsFilter } from './filters.ts';
import { inPeriod } from './items.ts';
import { itemsSql, postItemsSql, type Context } from './aggregates.ts';
import { promiseOf, type ResponsePromise } from '../office-hours/due-times.ts';

const DAY_MS = 86_400_000;

type ResponseFigures = Omit<ResponseTimeRow, 'key' | 'name' | 'channel' | 'promise'>;

/** One group's figures as the database gives them, whichever way they were counted. */
type GroupRow = {
  /** The promise's key; null for the row over every group. */
  pkey: string | null;
  channel: Channel;
  /** The unit of the group's promises (one per group: figures.ts `PromiseRange`), the lowest and highest amount. */
  unit: ResponsePromise['unit'] | null;
  min_amount: number | null;
  max_amount: number | null;
  answered: number;
  /** Days to the lower and upper middle value and the 90th percentile; null when no item was answered. */
  quantiles: [number, number, number] | null;
  promised: number;
  on_time: number;
  open: number;
  overdue: number;
};

/**
 * The response figures, from the roll-up where the filter allows (`way` forces one way, for
 * the tests and the benchmark; a forced roll-up that disagrees with the items throws).
 */
export async function responseFigures(
  db: Db,
  context: Context,
  filter: InsightsFilter,
  now: Date,
  way?: 'roll-up' | 'items',
): Promise<{ rows: ResponseTimeRow[]; overall: ResponseFigures }> {
  const whole = !filter.topic && !filter.consultation;
  if (way === 'roll-up' && !whole)
    throw new Error('The response-time roll-up counts whole organisations, not a topic or consultation.');
  const rollUp = way === 'roll-up' || (way === undefined && whole);
  const rolledUp = rollUp ? await fromRollUp(db, context, filter, now) : undefined;
  if (way === 'roll-up' && !rolledUp) throw new Error('The response-time roll-up disagrees with the items.');
  if (rollUp && !rolledUp) publishRollUpMismatch({ rollUp: 'response_time_counts' });
  const groups = rolledUp ?? (await fromItems(db, context, filter, now));
  const result: ResponseTimeRow[] = groups
    .filter((row) => row.pkey !== null)
    .sort((a, b) => a.pkey!.localeCompare(b.pkey!))
    .map((row) => ({
      key: row.pkey!,
      name: context.guidelines.find((g) => g.key === row.pkey)?.name ?? null,
      channel: row.channel,
      promise: row.unit === null ? null : { unit: row.unit, from: row.min_amount!, to: row.max_amount! },
      ...figuresOf(row),
    }));
  return { rows: result, overall: figuresOf(groups.find((row) => row.pkey === null)) };
}

function figuresOf(row: GroupRow | undefined): ResponseFigures {
  if (!row)
    return { answered: 0, medianDays: null, p90Days: null, onTime: null, onTimeShare: null, open: 0, overdue: 0 };
  const onTime = row.promised === 0 ? null : row.on_time;
  const [midLow, midHigh, p90] = row.quantiles ?? [];
  return {
    answered: row.answered,
    medianDays: midLow === undefined ? null : (midLow + midHigh!) / 2,
    p90Days: p90 ?? null,
    onTime,
    onTimeShare: onTime === null ? null : onTime / row.promised,
    open: row.open,
    overdue: row.overdue,
  };
}

/**
 * The ranks (from 1) of the lower and upper middle value and of the 90th percentile among n
 * sorted values: the median is the mean of the two middle values (stats.ts `median`), the
 * 90th percentile the nearest rank ⌈0.9n⌉ (stats.ts `percentile`, the same float product).
 */
export function quantileRanks(n: number): [number, number, number] {
  return [Math.floor((n + 1) / 2), Math.floor(n / 2) + 1, Math.max(1, Math.ceil((90 / 100) * n))];
}

/**
 * The fractions `percentile_disc` is asked for, in one sort of the response times: the lower
 * middle value (rank ⌈n/2⌉), the upper one (rank ⌊n/2⌋ + 1: a fraction a hair above a half
 * rounds up to it for any n below 500 million) and the 90th percentile by nearest rank
 * (⌈0.9n⌉): `quantileRanks`.
 */
const MIDDLES_AND_P90 = '{0.5,0.500000001,0.9}';

/** Every figure from the items of the period and filter, in one statement. */
async function fromItems(db: Db, context: Context, filter: InsightsFilter, now: Date): Promise<GroupRow[]> {
  const needing = itemsSql(context, filter, true);
  const rows = rowsOf<Omit<GroupRow, 'quantiles'> & { overall: number; quantiles: number[] | null }>(
    await db.execute(sql`
      -- Not flattened (offset 0): otherwise every use of a converted column below repeats its conversion.
      with i as (
        select n.pkey, n.punit, n.pamount, n.channel, podium_epoch_ms(n.first_at) as first_ms,
          podium_epoch_ms(n.due_at) as due_ms, podium_response_ms(n.at, n.first_at) / ${DAY_MS}::float8 as days_f
        from (${needing}) n offset 0
      )
      select grouping(i.pkey)::int as overall, i.pkey, min(i.channel) as channel,
        min(i.punit) as unit, min(i.pamount)::int as min_amount, max(i.pamount)::int as max_amount,
        count(i.first_ms)::int as answered,
        percentile_disc(${MIDDLES_AND_P90}::float8[]) within group (order by i.days_f) as quantiles,
        count(*) filter (where i.first_ms is not null and i.due_ms is not null)::int as promised,
        count(*) filter (where i.first_ms <= i.due_ms)::int as on_time,
        count(*) filter (where i.first_ms is null)::int as open,
        count(*) filter (where i.first_ms is null and i.due_ms < podium_epoch_ms(${now.toISOString()}::timestamptz))::int as overdue
      from i
      group by grouping sets ((i.pkey), ())`),
  );
  return rows
    .filter((row) => row.overall === 1 || row.pkey !== null)
    .map(({ overall, quantiles, ...row }) => ({
      ...row,
      pkey: overall === 1 ? null : row.pkey,
      quantiles: quantiles ? (quantiles.map(Number) as [number, number, number]) : null,
    }));
}

/** A bucket of answered items: how many, and bounds of their response times (ms). */
type Bucket = { bucket: number; answered: number; minMs: number; maxMs: number };

/**
 * Every figure from the roll-up, with posts and waiting input read live, all in one snapshot
 * (a read-only repeatable-read transaction: the roll-up's rows are written in the same
 * transactions as the items, so an answer committed between two of these statements cannot
 * be counted in one and not the other); undefined when the roll-up and the items disagree on
 * a bucket all the same, so that the figures come from the items rather than from a wrong rank.
 */
async function fromRollUp(
  db: Db,
  context: Context,
  filter: InsightsFilter,
  now: Date,
): Promise<GroupRow[] | undefined> {
  return db.transaction((tx) => rolledUp(tx, context, filter, now), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

async function rolledUp(db: Db, context: Context, filter: InsightsFilter, now: Date): Promise<GroupRow[] | undefined> {
  const { organisationId } = context;
  const inputChannels = CHANNELS.filter((channel) => !filter.channel || channel === filter.channel);
  const posts = !filter.channel || filter.channel === 'social' ? postItemsSql(context, filter, true) : undefined;
  const ofChannel = (column: SQL) => (filter.channel ? sql` and ${column}::text = ${filter.channel}::text` : sql``);
  const inputOf = sql`${submissions}
    join ${consultations} on ${consultations.id} = ${submissions.consultationId}
    where ${consultations.organisationId} = ${organisationId}::uuid and ${submissions.erasedAt} is null
      and ${inPeriod(submissions.createdAt, filter)} ${ofChannel(sql`${submissions.channel}`)}`;
  const firstAnswer = sql`coalesce(${submissions.firstResponseAt}, ${submissions.firstPublishedReplyAt})`;

  // Answered items per group and bucket: input from the roll-up, posts from the posts.
  const histogram = rowsOf<{
    pkey: string;
    channel: Channel;
    bucket: number;
    answered: number;
    promised: number;
    on_time: number;
    unit: ResponsePromise['unit'] | null;
    min_amount: number | null;
    max_amount: number | null;
    min_ms: number;
    max_ms: number;
  }>(
    await db.execute(sql`
      select h.pkey, min(h.channel) as channel, h.bucket, sum(h.answered)::int as answered,
        sum(h.promised)::int as promised, sum(h.on_time)::int as on_time,
        min(h.punit) as unit, min(h.pamount)::int as min_amount, max(h.pamount)::int as max_amount,
        min(h.min_ms)::float8 as min_ms, max(h.max_ms)::float8 as max_ms
      from (
        select ${responseTimeCounts.channel}::text as pkey, ${responseTimeCounts.channel}::text as channel,
          ${responseTimeCounts.bucket}::int as bucket, ${responseTimeCounts.answered} as answered,
          ${responseTimeCounts.promised} as promised, ${responseTimeCounts.onTime} as on_time,
          null::text as punit, null::int as pamount, ${responseTimeCounts.minMs} as min_ms, ${responseTimeCounts.maxMs} as max_ms
        from ${responseTimeCounts}
        where ${responseTimeCounts.organisationId} = ${organisationId}::uuid
          and ${responseTimeCounts.day} between ${filter.from}::date and ${filter.to}::date
          ${ofChannel(sql`${responseTimeCounts.channel}`)}
        ${
          posts
            ? sql`union all
        select p.pkey, 'social', podium_response_bucket(p.ms)::int, 1, (p.due_at is not null)::int,
          coalesce(podium_epoch_ms(p.first_at) <= podium_epoch_ms(p.due_at), false)::int, p.punit, p.pamount, p.ms, p.ms
        from (select p.*, podium_response_ms(p.at, p.first_at) as ms from (${posts}) p offset 0) p`
            : sql``
        }
      ) h
      group by h.pkey, h.bucket having sum(h.answered) <> 0
      order by h.pkey, h.bucket`),
  );
  // Input still waiting for an answer: "open", and "overdue" now.
  const waiting = rowsOf<{ pkey: Channel; open: number; overdue: number }>(
    await db.execute(sql`
      select ${submissions.channel}::text as pkey, count(*)::int as open,
        count(*) filter (where ${submissions.responseDueAt} < ${now.toISOString()}::timestamptz)::int as overdue
      from ${inputOf} and ${awaitingAnswer(submissions)}
      group by 1`),
  );
  // Input's promise (due-times.ts `inputPromise`): the channel guideline's hours, else the
  // working days of the consultations with input of the period that needs an answer.
  const byHours = new Map(
    inputChannels.flatMap((channel) => {
      const guideline = context.guidelines.find((g) => g.key === channel && g.responseHours !== null);
      return guideline ? [[channel, promiseOf(guideline)] as const] : [];
    }),
  );
  const byDays = inputChannels.filter((channel) => !byHours.has(channel));
  const days =
    byDays.length === 0
      ? []
      : rowsOf<{ channel: Channel; min_amount: number; max_amount: number }>(
          await db.execute(sql`
            select ch.channel::text as channel, min(${consultations.responseDays})::int as min_amount,
              max(${consultations.responseDays})::int as max_amount
            from ${consultations}
            cross join unnest(array[${sql.join(
              byDays.map((channel) => sql`${channel}`),
              sql`, `,
            )}]::channel[]) as ch(channel)
            -- A probe per consultation and channel (limit 1), not a read of every item of the period.
            cross join lateral (select 1 from ${submissions}
                where ${submissions.consultationId} = ${consultations.id} and ${submissions.channel} = ch.channel
                  and ${submissions.erasedAt} is null and ${needingAnswer(submissions)}
                  and ${inPeriod(submissions.createdAt, filter)}
                limit 1) as hit
            where ${consultations.organisationId} = ${organisationId}::uuid
            group by 1`),
        );

  type Group = Omit<GroupRow, 'quantiles'> & { buckets: Bucket[] };
  const empty = (pkey: string | null, channel: Channel): Group => ({
    pkey,
    channel,
    unit: null,
    min_amount: null,
    max_amount: null,
    answered: 0,
    promised: 0,
    on_time: 0,
    open: 0,
    overdue: 0,
    buckets: [],
  });
  const groups = new Map<string, Group>();
  const groupOf = (pkey: string, channel: Channel) =>
    groups.get(pkey) ?? groups.set(pkey, empty(pkey, channel)).get(pkey)!;
  for (const row of histogram) {
    const group = groupOf(row.pkey, row.channel);
    group.answered += row.answered;
    group.promised += row.promised;
    group.on_time += row.on_time;
    group.buckets.push({
      bucket: row.bucket,
      answered: row.answered,
      minMs: Number(row.min_ms),
      maxMs: Number(row.max_ms),
    });
    if (row.unit !== null) {
      group.unit = row.unit;
      group.min_amount = Math.min(group.min_amount ?? Infinity, row.min_amount!);
      group.max_amount = Math.max(group.max_amount ?? -Infinity, row.max_amount!);
    }
  }
  for (const row of waiting) Object.assign(groupOf(row.pkey, row.pkey), { open: row.open, overdue: row.overdue });
  for (const [channel, promise] of byHours)
    if (groups.has(channel))
      Object.assign(groups.get(channel)!, promiseRange(promise.unit, promise.amount, promise.amount));
  for (const row of days)
    if (groups.has(row.channel))
      Object.assign(groups.get(row.channel)!, promiseRange('working_days', row.min_amount, row.max_amount));

  const overall = empty(null, 'portal');
  for (const group of groups.values()) {
    for (const key of ['answered', 'promised', 'on_time', 'open', 'overdue'] as const) overall[key] += group[key];
    overall.buckets.push(...group.buckets);
  }
  overall.buckets = mergeBuckets(overall.buckets);
  const all = [...groups.values(), overall];
  const values = await rankedValues(db, inputOf, firstAnswer, posts, all);
  if (!values) return undefined;
  return all.map(({ buckets: _, ...group }) => ({
    ...group,
    quantiles:
      group.answered === 0
        ? null
        : (quantileRanks(group.answered).map((rank) => values.get(group.pkey)!.get(rank)! / DAY_MS) as [
            number,
            number,
            number,
          ]),
  }));
}

const promiseRange = (unit: ResponsePromise['unit'], min: number, max: number) => ({
  unit,
  min_amount: min,
  max_amount: max,
});

function mergeBuckets(buckets: readonly Bucket[]): Bucket[] {
  const merged = new Map<number, Bucket>();
  for (const b of buckets) {
    const m = merged.get(b.bucket);
    merged.set(
      b.bucket,
      m
        ? {
            ...m,
            answered: m.answered + b.answered,
            minMs: Math.min(m.minMs, b.minMs),
            maxMs: Math.max(m.maxMs, b.maxMs),
          }
        : { ...b },
    );
  }
  return [...merged.values()].sort((a, b) => a.bucket - b.bucket);
}

/**
 * The response time (ms) at each quantile rank of each group: the bucket that holds the rank
 * from the counts; where every item in it took the same time (its bounds are equal), that
 * time, else the bucket's items only, counted per distinct time (many answers take the same
 * time, and a count is cheaper than a sort). Undefined when a rank is not found.
 */
async function rankedValues(
  db: Db,
  inputOf: SQL,
  firstAnswer: SQL,
  posts: SQL | undefined,
  groups: ReadonlyArray<{ pkey: string | null; answered: number; buckets: Bucket[] }>,
): Promise<Map<string | null, Map<number, number>> | undefined> {
  const values = new Map(groups.map((group) => [group.pkey, new Map<number, number>()]));
  // Per group and bucket to read: the ranks wanted within that bucket, and the rank each stands for.
  const wanted: { pkey: string | null; bucket: number; expected: number; ranks: Map<number, number> }[] = [];
  for (const group of groups) {
    if (group.answered === 0) continue;
    for (const rank of new Set(quantileRanks(group.answered))) {
      let before = 0;
      const holder = group.buckets.find((b) => (before += b.answered) >= rank);
      if (!holder) return undefined;
      if (holder.minMs === holder.maxMs) {
        values.get(group.pkey)!.set(rank, holder.minMs);
        continue;
      }
      const within = rank - (before - holder.answered);
      const entry = wanted.find((w) => w.pkey === group.pkey && w.bucket === holder.bucket);
      if (entry) entry.ranks.set(within, rank);
      else
        wanted.push({
          pkey: group.pkey,
          bucket: holder.bucket,
          expected: holder.answered,
          ranks: new Map([[within, rank]]),
        });
    }
  }
  if (wanted.length === 0) return values;
  const list = (numbers: Iterable<number>) =>
    sql.join(
      [...new Set(numbers)].map((n) => sql`${n}::int`),
      sql`, `,
    );
  const buckets = list(wanted.map((w) => w.bucket));
  const inputMs = sql`podium_response_ms(${submissions.createdAt}, ${firstAnswer})`;
  const rows = rowsOf<{ g: number; ms: number; upto: number; n: number; total: number }>(
    await db.execute(sql`
      with w(g, pkey, bucket, ranks) as (values ${sql.join(
        wanted.map((w, i) => sql`(${i}::int, ${w.pkey}::text, ${w.bucket}::int, array[${list(w.ranks.keys())}])`),
        sql`, `,
      )}),
      -- The items of the buckets wanted, each time computed once (materialized: not flattened).
      i as materialized (
        select x.pkey, podium_response_bucket(x.ms)::int as bucket, x.ms from (
          select ${submissions.channel}::text as pkey, ${inputMs} as ms
          from ${inputOf}
            and (${submissions.firstResponseAt} is not null or ${submissions.firstPublishedReplyAt} is not null)
            and podium_response_bucket(${inputMs}) in (${buckets})
          ${posts ? sql`union all select p.pkey, podium_response_ms(p.at, p.first_at) from (${posts}) p` : sql``}
        ) x where podium_response_bucket(x.ms) in (${buckets})
      ),
      c as (select i.pkey, i.bucket, i.ms, count(*) as n from i group by 1, 2, 3),
      t as (
        select w.g, c.ms, sum(c.n) as n from w join c on c.bucket = w.bucket and (w.pkey is null or c.pkey = w.pkey)
        group by 1, 2
      ),
      v as (
        select t.g, t.ms, t.n, sum(t.n) over (partition by t.g order by t.ms) as upto,
          sum(t.n) over (partition by t.g) as total
        from t
      )
      -- Only the times at a wanted rank: the ranks from upto − n + 1 to upto hold this time.
      select v.g, v.ms::float8 as ms, v.upto::int as upto, v.n::int as n, v.total::int as total from v join w on w.g = v.g
      where exists (select 1 from unnest(w.ranks) r where r <= v.upto and r > v.upto - v.n)`),
  );
  for (const [g, entry] of wanted.entries()) {
    const found = values.get(entry.pkey)!;
    for (const [within, rank] of entry.ranks) {
      const row = rows.find((r) => Number(r.g) === g && r.upto >= within && r.upto - r.n < within);
      // The bucket must hold as many items as the roll-up counted, or the rank means nothing.
      if (!row || row.total !== entry.expected) return undefined;
      found.set(rank, Number(row.ms));
    }
  }
  return values;
}
