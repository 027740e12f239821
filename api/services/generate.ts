/**
 * Fills a database with generated input, to measure Podium at the size of a large
 * municipality (`npx podium generate --items 1000000`). Everything is set-based SQL
 * (`insert … select … from generate_series`), so a million items take about a minute
 * on PostgreSQL instead of hours of single inserts; the same SQL runs on PGlite.
 *
 * The data are deterministic in the item number `g` (1…N), so tests can work out what
 * the figures must be. Generated consultations are named `gen-<run>-NN`, their items
 * carry follow-up codes `GEN<run>-<g>`: a second run adds a new set beside the first.
 *
 * Mix per item number (of every 200 items): new 8, in review 2, escalated 1, needs an
 * answer 9, published 120, answered 30, rejected 30; the waiting ones (the first 20) arrived
 * in the last 30 days, the others over the whole period. Channel: portal 6 in 10, widget 3,
 * social 1. Sentiment: no label on every 10th item, else positive/neutral/negative in turn.
 * Every answered item and every 4th published one has a published staff reply, after
 * `g % 20` days. One social post per 50 items in 10 mirrored threads (four in five of them
 * published, so they show on their thread's page; each thread a tree, conversations of five
 * replies, each to the one before, under its first post), written by 300 residents in turn (so the
 * mirror's pseudonyms and the item page's author names meet a real number of people). The
 * audit log holds
 * what using Podium would have written: every item's arrival, a decision on every decided
 * one, every answer (about 2.3 entries per item).
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { consultations, organisations, topics } from '../db/schema.ts';
import { rowsOf } from '../db/rows.ts';
import { markContentChanged } from './content-revision.ts';
import { seedDemoData } from './seed.ts';
import { foldDayCounts } from './day-counts.ts';

/** The residents the generated social posts are by, in turn. */
const GENERATED_AUTHORS = 300;

export type GenerateOptions = {
  items: number;
  /** Consultations to spread the items over; default one per 20,000 items, 4 to 48. */
  consultations?: number;
  /** Items are spread over this many days before `now` (the newest item is the last). */
  days?: number;
  now?: Date;
  log?: (line: string) => void;
};

export type GenerateReport = {
  run: string;
  consultations: string[];
  submissions: number;
  answers: number;
  replies: number;
  socialPosts: number;
  ms: number;
};

/** The review-state mix of every 200 items, in the order `g % 200` walks through it. */
export const REVIEW_MIX: ReadonlyArray<readonly [state: string, count: number]> = [
  ['new', 8],
  ['in_review', 2],
  ['escalated', 1],
  ['needs_answer', 9],
  ['published', 120],
  ['answered', 30],
  ['rejected', 30],
];

const WORDS = [
  'fietspad',
  'parkeren',
  'bomen',
  'verlichting',
  'veiligheid',
  'snelheid',
  'oversteek',
  'bankjes',
  'speeltuin',
  'geluid',
  'groen',
  'bushalte',
];

export function defaultConsultations(items: number): number {
  return Math.min(48, Math.max(4, Math.ceil(items / 20_000)));
}

/** The case expression giving an item's review state from its number, as REVIEW_MIX says. */
function reviewCase(g: string): string {
  let upper = 0;
  const arms = REVIEW_MIX.map(([state, count]) => {
    upper += count;
    return `when ${g} % 200 < ${upper} then '${state}'`;
  });
  return `(case ${arms.join(' ')} end)`;
}

export async function generateItems(db: Db, options: GenerateOptions): Promise<GenerateReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const n = Math.floor(options.items);
  if (!Number.isFinite(n) || n < 1) throw new RangeError('items must be a whole number of at least 1');
  const count = options.consultations ?? defaultConsultations(n);
  const days = options.days ?? 730;
  const now = (options.now ?? new Date()).toISOString();
  const run = Date.now().toString(36).slice(-5);

  await seedDemoData(db);
  const [org] = await db.select({ id: organisations.id }).from(organisations).limit(1);
  const topicRows = await db.select({ id: topics.id }).from(topics).where(eq(topics.organisationId, org!.id));
  const topicIds = topicRows.map((t) => t.id);
  const timed = async (what: string, query: ReturnType<typeof sql>) => {
    const t0 = performance.now();
    await db.execute(query);
    log(`  ${what}: ${Math.round(performance.now() - t0)} ms`);
  };

  const slugs = Array.from({ length: count }, (_, i) => `gen-${run}-${String(i + 1).padStart(2, '0')}`);
  const statuses = ['open', 'closed', 'decided'] as const;
  await db.insert(consultations).values(
    slugs.map((slug, i) => ({
      organisationId: org!.id,
      topicId: topicIds[i % topicIds.length]!,
      slug,
      title: { nl: `Gegenereerde consultatie ${i + 1}`, en: `Generated consultation ${i + 1}` },
      summary: { nl: 'Voor metingen.', en: 'For measurements.' },
      background: { nl: 'Gegenereerd.', en: 'Generated.' },
      afterwards: { nl: 'Niets.', en: 'Nothing.' },
      whoDecides: { nl: 'Niemand.', en: 'Nobody.' },
      status: statuses[i % 3]!,
      moderation: 'pre' as const,
      responseDays: 10,
      opensAt: new Date(Date.parse(now) - days * 86_400_000),
      closesAt: new Date(Date.parse(now) + 30 * 86_400_000),
    })),
  );
  const slugList = sql.join(
    slugs.map((s) => sql`${s}`),
    sql`, `,
  );
  // A numbered list of the run's consultations, so an item picks its own with `g % count`.
  const numbered = sql`(select id, (row_number() over (order by slug) - 1)::int as k, topic_id
      from consultations where slug in (${slugList}))`;
  await timed(
    'questions',
    sql`insert into questions (consultation_id, key, position, kind, prompt, required, options, scale_min, scale_max, max_length)
      select c.id, q.key, q.position, q.kind::question_kind, q.prompt::jsonb, false, q.options::jsonb, q.smin, q.smax, q.maxlen
      from ${numbered} c cross join (values
        ('toelichting', 0, 'open_text', '{"nl":"Toelichting","en":"Explanation"}', null, null, null, 2000),
        ('keuze', 1, 'single_choice', '{"nl":"Keuze","en":"Choice"}',
          '[{"value":"ja","label":{"nl":"Ja","en":"Yes"}},{"value":"nee","label":{"nl":"Nee","en":"No"}}]', null, null, null),
        ('score', 2, 'scale', '{"nl":"Cijfer","en":"Score"}', null, 1, 5, null)
      ) as q(key, position, kind, prompt, options, smin, smax, maxlen)`,
  );

  const state = reviewCase('g');
  // The newest item arrives at `now`, the oldest `days` before (an ISO time from Date: safe to inline).
  // Waiting items are the last month's, as in a municipality that keeps up: a backlog of
  // two-year-old items would measure something else.
  const recent = sql.raw(
    `('${now}'::timestamptz - ((${n} - g)::float8 / ${n} * ${Math.min(days, 30)}) * interval '1 day')`,
  );
  const created = sql.raw(`('${now}'::timestamptz - ((${n} - g)::float8 / ${n} * ${days}) * interval '1 day')`);
  const sentimentLabel = `(case when g % 10 = 0 then null else (array['positive','neutral','negative'])[g % 3 + 1] end)`;
  await timed(
    `submissions (${n})`,
    sql`insert into submissions (consultation_id, channel, language, status, follow_up_code, review_state,
        screening, sentiment, created_at, updated_at, published_at, response_due_at, first_response_at,
        first_published_reply_at, resolved_at)
      select c.id,
        (case when g % 10 < 6 then 'portal' when g % 10 < 9 then 'widget' else 'social' end)::channel,
        (case when g % 7 = 0 then 'en' else 'nl' end)::locale,
        (case st when 'published' then 'published' when 'needs_answer' then 'published' when 'answered' then 'answered'
          when 'rejected' then 'rejected' else 'in_moderation' end)::submission_status,
        ${`GEN${run}-`}::text || g,
        st::review_state,
        (case when g % 14 = 0 then jsonb_build_object('version', 1, 'screenedAt', ca, 'proofOfWork', 'missing',
          'fields', jsonb_build_array(jsonb_build_object('question', 'toelichting', 'redacted', 'Bel mij op [telefoonnummer]',
            'flags', jsonb_build_array(jsonb_build_object('kind', 'phone', 'category', 'personal_data',
              'reason', jsonb_build_object('nl', 'Telefoonnummer', 'en', 'Phone number'), 'span', null)))))
         else jsonb_build_object('version', 1, 'screenedAt', ca, 'proofOfWork', 'missing', 'fields', '[]'::jsonb) end),
        (case when lbl is null then null else jsonb_build_object('label', lbl, 'score', 0.5, 'confidence', 0.8,
          'method', 'generated', 'at', ca) end),
        ca, ca,
        (case when st in ('published', 'needs_answer', 'answered') then ca + interval '1 day' end),
        ca + interval '14 days',
        (case when st = 'answered' or (st = 'published' and g % 4 = 0) then ca + (g % 20) * interval '1 day' end),
        (case when st = 'answered' or (st = 'published' and g % 4 = 0) then ca + (g % 20) * interval '1 day' end),
        (case when st in ('published', 'answered', 'rejected') then ca + interval '1 day' end)
      from (select g, case when ${sql.raw(state)} in ('new', 'in_review', 'escalated', 'needs_answer')
              then ${recent} else ${created} end as ca,
            ${sql.raw(state)} as st, ${sql.raw(sentimentLabel)} as lbl
            from generate_series(1, ${n}::int) as g) as s
      join ${numbered} c on c.k = g % ${count}`,
  );
  const codePrefix = `GEN${run}-%`;
  const ours = sql`(select s.id, s.created_at, s.review_state, s.first_response_at, s.language, s.channel,
      s.consultation_id,
      substr(s.follow_up_code, ${`GEN${run}-`.length + 1}::int)::int as g
    from submissions s where s.follow_up_code like ${codePrefix}::text)`;
  await timed(
    `answers (${3 * n})`,
    sql`insert into submission_answers (submission_id, question_id, value)
      select s.id, q.id, case q.key
          when 'toelichting' then to_jsonb(${sql.raw(`'Over ' || (array['${WORDS.join("','")}'])[s.g % ${WORDS.length} + 1]
            || ' en ' || (array['${WORDS.join("','")}'])[(s.g / ${WORDS.length}) % ${WORDS.length} + 1]`)} || ': graag meer aandacht.')
          when 'keuze' then to_jsonb(case when s.g % 2 = 0 then 'ja' else 'nee' end)
          else to_jsonb(s.g % 5 + 1) end
      from ${ours} s join questions q on q.consultation_id = s.consultation_id`,
  );
  // The replies' first publication is already in first_published_reply_at (above), so the
  // trigger that keeps that column finds nothing to change: setting it afterwards rewrote
  // every answered submission (3 million rows and their index entries at 10 million items).
  await timed(
    'staff replies',
    sql`insert into staff_replies (submission_id, language, body, created_at, published_at)
      select s.id, s.language, 'Dank voor uw reactie.', s.first_response_at, s.first_response_at
      from ${ours} s where s.first_response_at is not null`,
  );

  // The audit log grows with the input, as it does in use: the arrival of every item, a
  // moderator's decision on every decided one (the day after), and every answer (none later
  // than now: the newest entries are what the viewer shows first).
  // The decisions and answers are a moderator's: an account of the run's own, switched off
  // (no password, no role), so it names the entries without being anyone who can sign in.
  const [moderator] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into staff_users (organisation_id, email, display_name, disabled_at)
      values (${org!.id}::uuid, ${`generated-${run}@podium.invalid`}, ${`Gegenereerde moderator ${run}`}, ${now}::timestamptz)
      returning id`),
  );
  const staff = sql`${moderator!.id}::uuid`;
  await timed(
    'audit log',
    sql`insert into audit_log (organisation_id, at, actor_type, actor_id, action, subject_type, subject_id, details)
      select ${org!.id}::uuid, e.at, e.actor::actor_type, e.actor_id, e.action, 'submission', s.id::text, e.details
      from ${ours} s
      join consultations c on c.id = s.consultation_id
      cross join lateral (values
        (s.created_at, 'resident', null::uuid, 'submission.received',
          jsonb_build_object('channel', s.channel, 'consultation', c.slug, 'published', false)),
        (case when s.review_state in ('needs_answer', 'published', 'answered', 'rejected')
          then least(s.created_at + interval '1 day', ${now}::timestamptz) end, 'staff', ${staff}, 'submission.decision',
          jsonb_build_object(
            'decision', case s.review_state when 'rejected' then 'reject' when 'published' then 'publish' else 'needs_answer' end,
            'from', 'new', 'to', case s.review_state when 'answered' then 'needs_answer' else s.review_state::text end)),
        (case when s.first_response_at is not null then least(s.first_response_at, ${now}::timestamptz) end, 'staff', ${staff}, 'submission.answered',
          jsonb_build_object('language', s.language, 'from', 'needs_answer', 'to', 'answered', 'public', true))
      ) as e(at, actor, actor_id, action, details)
      where e.at is not null`,
  );

  // Ten mirrored threads, one resident's post per 50 items, spread over the same period.
  const posts = Math.floor(n / 50);
  await timed(
    'social threads',
    sql`insert into social_threads (organisation_id, consultation_id, platform, external_id, source_url)
      select ${org!.id}::uuid, c.id, 'mastodon', ${`gen-${run}-`}::text || t, 'https://mastodon.example/@gemeente/' || t
      from generate_series(0, 9) as t join ${numbered} c on c.k = t % ${count}`,
  );
  // eslint-disable-next-line no-restricted-syntax -- stored post HTML as the importer's sanitiser leaves it, not a page
  const postHtml = '<p>Mooi plan</p>';
  if (posts > 0) {
    await timed(
      `social authors (${GENERATED_AUTHORS})`,
      sql`insert into social_authors (platform, external_id, handle, display_name, url)
        select 'mastodon', ${`gen-${run}-a`}::text || a, ${`inwoner-${run}-`}::text || a || '@mastodon.example',
          'Inwoner ' || a, 'https://mastodon.example/@' || ${`inwoner-${run}-`}::text || a
        from generate_series(0, ${GENERATED_AUTHORS - 1}) as a`,
    );
    await timed(
      `social posts (${posts})`,
      // Post g is the (g / 10)th of thread g % 10. Threads are trees as on the platforms: after
      // the first post, conversations of five, each a reply to the first post and four replies
      // each to the one before (thread 0 has no first post: its conversations start at the top).
      sql`insert into social_posts (thread_id, author_id, external_id, parent_external_id, position, depth, content_html,
          content_text, sentiment, language, posted_at, created_at, review_state, published_at)
        select t.id, au.id, ${`gen-${run}-p`}::text || g,
          (case when g / 10 = 0 then null
            when g / 10 % 5 = 1 then (case when g % 10 = 0 then null else ${`gen-${run}-p`}::text || (g % 10) end)
            else ${`gen-${run}-p`}::text || (g - 10) end),
          g / 10 + 1,
          (case when g / 10 = 0 then 0 else (g / 10 - 1) % 5 + 1 - (g % 10 = 0)::int end),
          ${postHtml}::text, 'Mooi plan, maar let op de ' ||
            (array['${sql.raw(WORDS.join("','"))}'])[g % ${WORDS.length} + 1],
          (case when g % 10 = 0 then null else jsonb_build_object('label', (array['positive','neutral','negative'])[g % 3 + 1],
            'score', 0.5, 'confidence', 0.8, 'method', 'generated', 'at', ${now}::text) end),
          'nl', pa, pa, (case when g % 5 = 0 then 'new' else 'published' end)::review_state,
          -- Published ones show on the portal (their thread's page), as a moderator's decision would.
          (case when g % 5 = 0 then null else least(pa + interval '1 hour', ${now}::timestamptz) end)
        from (select g, ${sql.raw(`('${now}'::timestamptz - ((${posts} - g)::float8 / ${posts} * ${days}) * interval '1 day')`)} as pa
              from generate_series(1, ${posts}::int) as g) as p
        join social_threads t on t.external_id = ${`gen-${run}-`}::text || (g % 10)
        join social_authors au on au.platform = 'mastodon' and au.external_id = ${`gen-${run}-a`}::text || (g % ${GENERATED_AUTHORS})`,
    );
  }
  // Each batch above left its own changes in the day roll-up: folded, as a running server would.
  const t0 = performance.now();
  await foldDayCounts(db);
  log(`  day counts folded: ${Math.round(performance.now() - t0)} ms`);
  // As a database looks once autovacuum has passed over new rows: statistics for the planner,
  // and the visibility map that lets the insights read their covering index alone (an
  // index-only scan; without it the same query read the whole table, 2 × slower at a million
  // items). A server with autovacuum off would otherwise never get either.
  await timed('vacuum (analyze)', sql`vacuum (analyze)`);
  await markContentChanged(db);
  const [counts] = rowsOf<{ submissions: number; answers: number; replies: number; posts: number }>(
    await db.execute(sql`select
      (select count(*) from submissions where follow_up_code like ${codePrefix})::int as submissions,
      (select count(*) from submission_answers a join submissions s on s.id = a.submission_id
        where s.follow_up_code like ${codePrefix})::int as answers,
      (select count(*) from staff_replies r join submissions s on s.id = r.submission_id
        where s.follow_up_code like ${codePrefix})::int as replies,
      (select count(*) from social_posts where external_id like ${`gen-${run}-p%`})::int as posts`),
  );
  return {
    run,
    consultations: slugs,
    submissions: counts!.submissions,
    answers: counts!.answers,
    replies: counts!.replies,
    socialPosts: counts!.posts,
    ms: Math.round(performance.now() - started),
  };
}
