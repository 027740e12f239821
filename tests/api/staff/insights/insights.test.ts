/**
 * Insights on a small organisation made by hand, where every figure is known; one figure
 * is also computed independently with plain SQL. Then the pages and exports: who may
 * open them, and what bad filters get.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../../api/db/client.ts';
import {
  auditLog,
  channelGuidelines,
  consultations,
  organisations,
  questions,
  sentimentCorrections,
  socialAuthors,
  socialPosts,
  socialThreads,
  staffReplies,
  submissionAnswers,
  submissions,
  topics,
  type SentimentRecord,
} from '../../../../api/db/schema.ts';
import { computeInsights } from '../../../../api/services/insights/index.ts';
import { responseTimes } from '../../../../api/services/insights/figures.ts';
import { loadItems } from '../../../../api/services/insights/items.ts';
import { fillMissingClocks, recomputeWaitingDueTimes } from '../../../../api/services/office-hours/due-times.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn } from '../../../support/staff.ts';

const PERIOD = { from: '2026-11-02', to: '2026-11-27' };
const at = (iso: string) => new Date(iso);
const label = (l: SentimentRecord['label']): SentimentRecord => ({
  label: l,
  score: 0,
  confidence: 0.9,
  method: 'test',
  at: '2026-11-01T00:00:00Z',
});

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Toetsdam: a few items with known weeks, labels, answers, a thread and two corrections. */
async function seedToetsdam(db: Db): Promise<{ organisationId: string; ids: Record<string, string> }> {
  const [org] = await db.insert(organisations).values({ slug: 'toetsdam', name: 'Gemeente Toetsdam' }).returning();
  const organisationId = org!.id;
  const [topic] = await db
    .insert(topics)
    .values({ organisationId, slug: 'toets-verkeer', title: { nl: 'Verkeer' }, description: { nl: 'Verkeer' } })
    .returning();
  const [consultation] = await db
    .insert(consultations)
    .values({
      organisationId,
      topicId: topic!.id,
      slug: 'toets-blauwe-zone',
      title: { nl: 'Blauwe zone' },
      summary: { nl: '-' },
      background: { nl: '-' },
      afterwards: { nl: '-' },
      whoDecides: { nl: '-' },
      status: 'open',
      responseDays: 10,
      opensAt: at('2026-10-01T00:00:00Z'),
      closesAt: at('2026-12-31T00:00:00Z'),
    })
    .returning();
  const [question] = await db
    .insert(questions)
    .values({ consultationId: consultation!.id, key: 'idee', position: 1, kind: 'open_text', prompt: { nl: 'Idee' } })
    .returning();
  await db.insert(channelGuidelines).values({
    organisationId,
    key: 'portal',
    channel: 'portal',
    name: { nl: 'Portaal Toetsdam', en: 'Toetsdam portal' },
    responseDays: 5,
    // Promised in office hours: then the clock counts this promise for portal input, not the consultation's.
    responseHours: 16,
  });
  const ids: Record<string, string> = {};
  const add = async (
    name: string,
    values: Partial<typeof submissions.$inferInsert> & { createdAt: Date },
    text?: string,
    replyAt?: string,
  ) => {
    const [row] = await db
      .insert(submissions)
      .values({
        consultationId: consultation!.id,
        channel: 'portal',
        language: 'nl',
        followUpCode: `TOET-${name.toUpperCase().padEnd(4, 'X')}-0000`,
        status: 'published',
        reviewState: 'published',
        ...values,
      })
      .returning();
    ids[name] = row!.id;
    if (text)
      await db.insert(submissionAnswers).values({ submissionId: row!.id, questionId: question!.id, value: text });
    if (replyAt)
      await db
        .insert(staffReplies)
        .values({ submissionId: row!.id, language: 'nl', body: 'Dank u.', publishedAt: at(replyAt) });
  };
  await add(
    's1',
    { createdAt: at('2026-11-02T09:00:00Z'), sentiment: label('negative'), reviewState: 'answered' },
    undefined,
    '2026-11-04T09:00:00Z',
  );
  await add(
    's2',
    { createdAt: at('2026-11-03T09:00:00Z'), sentiment: label('positive'), reviewState: 'answered' },
    undefined,
    '2026-11-13T09:00:00Z',
  );
  // 00:30 on Monday 9 November in Amsterdam: week 46, though still Sunday in UTC.
  await add('s3', {
    createdAt: at('2026-11-08T23:30:00Z'),
    sentiment: label('neutral'),
    channel: 'widget',
    reviewState: 'needs_answer',
  });
  await add(
    's4',
    { createdAt: at('2026-11-17T10:00:00Z'), sentiment: label('negative') },
    'De blauwe zone is te klein',
  );
  await add(
    's5',
    { createdAt: at('2026-11-18T10:00:00Z'), sentiment: label('negative') },
    'Maak de blauwe zone groter',
  );
  await add('s6', { createdAt: at('2026-10-20T10:00:00Z'), sentiment: label('positive') }); // before the period
  await add('s7', { createdAt: at('2026-11-19T10:00:00Z'), erasedAt: at('2026-11-20T10:00:00Z') }); // erased

  const [thread] = await db
    .insert(socialThreads)
    .values({
      organisationId,
      consultationId: consultation!.id,
      platform: 'mastodon',
      externalId: 'toets-1',
      title: { nl: 'Draad over de blauwe zone' },
    })
    .returning();
  const [own, resident] = await db
    .insert(socialAuthors)
    .values([
      { platform: 'mastodon', externalId: 'toetsdam', isOwnAccount: true, isOfficial: true },
      { platform: 'mastodon', externalId: 'bewoner' },
    ])
    .returning();
  // Mirrored as they were posted: the clock counts a post's promise from when Podium received it.
  const post = (externalId: string, values: Partial<typeof socialPosts.$inferInsert> & { postedAt: Date }) => ({
    threadId: thread!.id,
    externalId,
    createdAt: values.postedAt,
    contentHtml: '<p>x</p>',
    contentText: 'x',
    ...values,
  });
  await db.insert(socialPosts).values([
    post('root', {
      postedAt: at('2026-11-10T09:00:00Z'),
      authorId: own!.id,
      position: 0,
      likeCount: 10,
      repostCount: 4,
    }),
    post('p1', {
      postedAt: at('2026-11-10T12:00:00Z'),
      authorId: resident!.id,
      position: 1,
      depth: 1,
      likeCount: 3,
      repostCount: 1,
      sentiment: label('negative'),
    }),
    post('p2', {
      postedAt: at('2026-11-11T12:00:00Z'),
      authorId: resident!.id,
      position: 2,
      depth: 1,
      likeCount: 2,
      sentiment: label('neutral'),
    }),
    post('p3', {
      postedAt: at('2026-11-11T13:00:00Z'),
      authorId: resident!.id,
      position: 3,
      depth: 1,
      likeCount: 50,
      deletedAt: at('2026-11-12T00:00:00Z'),
    }),
  ]);
  await db.insert(sentimentCorrections).values([
    {
      organisationId,
      subjectType: 'submission',
      subjectId: ids.s4!,
      language: 'nl',
      text: '-',
      predicted: 'neutral',
      predictedMethod: 'test',
      label: 'negative',
    },
    {
      organisationId,
      subjectType: 'submission',
      subjectId: ids.s1!,
      language: 'nl',
      text: '-',
      predicted: 'negative',
      predictedMethod: 'test',
      label: 'negative',
    },
  ]);
  return { organisationId, ids };
}

for (const target of databaseTargets()) {
  describe(`insights figures (${target.name})`, () => {
    let t: TestApp;
    let organisationId: string;
    let ids: Record<string, string>;
    const now = new Date('2026-11-27T10:00:00Z');
    before(async () => {
      t = await openTestApp(target);
      ({ organisationId, ids } = await seedToetsdam(t.db));
      // Every item's due moment, as Podium sets it on arrival (rows written here have none yet).
      await fillMissingClocks(t.db);
    });
    after(() => t.close());

    it('counts input per ISO week in Amsterdam and channel, leaving out erased input and the municipality’s own posts', async () => {
      const insights = await computeInsights(t.db, organisationId, PERIOD, now);
      assert.deepEqual(insights.volume, [
        { week: '2026-W45', total: 2, portal: 2, widget: 0, social: 0 },
        { week: '2026-W46', total: 3, portal: 0, widget: 1, social: 2 },
        { week: '2026-W47', total: 2, portal: 2, widget: 0, social: 0 },
        { week: '2026-W48', total: 0, portal: 0, widget: 0, social: 0 },
      ]);
    });

    it('takes a period in Amsterdam days: input at 00:30 local time belongs to that day, not the UTC one', async () => {
      // s3 arrived on 8 November 23:30 UTC, 9 November 00:30 in Amsterdam.
      const from9th = await computeInsights(t.db, organisationId, { from: '2026-11-09', to: '2026-11-09' }, now);
      const upTo8th = await computeInsights(t.db, organisationId, { from: '2026-11-08', to: '2026-11-08' }, now);
      assert.equal(from9th.items, 1);
      assert.equal(upTo8th.items, 0);
    });

    it('agrees with the weekly volume computed independently in plain SQL', async () => {
      const independent = await rowsOf<{ week: string; n: number | string }>(
        t.db,
        sql`select week, count(*) as n from (
          select to_char(s.created_at at time zone 'Europe/Amsterdam', 'IYYY-"W"IW') as week
            from submissions s join consultations c on c.id = s.consultation_id
           where c.organisation_id = ${organisationId} and s.erased_at is null
             and s.created_at >= timestamptz '2026-11-02 00:00 Europe/Amsterdam'
             and s.created_at < timestamptz '2026-11-28 00:00 Europe/Amsterdam'
          union all
          select to_char(p.posted_at at time zone 'Europe/Amsterdam', 'IYYY-"W"IW')
            from social_posts p join social_threads th on th.id = p.thread_id
            left join social_authors a on a.id = p.author_id
           where th.organisation_id = ${organisationId} and p.deleted_at is null and p.placeholder is null
             and p.submission_id is null and not coalesce(a.is_own_account, false)
             and p.posted_at >= timestamptz '2026-11-02 00:00 Europe/Amsterdam'
             and p.posted_at < timestamptz '2026-11-28 00:00 Europe/Amsterdam'
        ) items group by week order by week`,
      );
      const insights = await computeInsights(t.db, organisationId, PERIOD, now);
      assert.ok(independent.length > 0);
      assert.deepEqual(
        insights.volume.filter((w) => w.total > 0).map((w) => [w.week, w.total]),
        independent.map((row) => [row.week, Number(row.n)]),
      );
    });

    it('gives sentiment per week, topic and channel', async () => {
      const insights = await computeInsights(t.db, organisationId, PERIOD, now);
      assert.deepEqual(
        insights.sentimentByWeek.map((g) => [g.key, g.counts.positive, g.counts.neutral, g.counts.negative]),
        [
          ['2026-W45', 1, 0, 1],
          ['2026-W46', 0, 2, 1],
          ['2026-W47', 0, 0, 2],
          ['2026-W48', 0, 0, 0],
        ],
      );
      assert.deepEqual(
        insights.sentimentByTopic.map((g) => [g.key, g.counts.negative]),
        [['toets-verkeer', 4]],
      );
      assert.deepEqual(
        insights.sentimentByChannel.map((g) => [g.key, g.counts.negative]),
        [
          ['portal', 3],
          ['widget', 0],
          ['social', 1],
        ],
      );
    });

    it('measures response times against the promise the inbox counted: the channel’s office hours, else the consultation’s working days', async () => {
      const insights = await computeInsights(t.db, organisationId, PERIOD, now);
      const portal = insights.responseTimes.find((r) => r.key === 'portal')!;
      // 16 office hours: s1 (Monday 09:00) was due and answered on Wednesday 09:00, s2 answered in 10 days (late).
      assert.deepEqual(
        [portal.promise, portal.answered, portal.medianDays, portal.p90Days, portal.onTime, portal.open],
        [{ unit: 'hours', from: 16, to: 16 }, 2, 6, 10, 1, 0],
      );
      const widget = insights.responseTimes.find((r) => r.key === 'widget')!;
      // No widget guideline: the consultation's 10 working days, which ended on 20 November.
      assert.deepEqual(
        [widget.promise, widget.answered, widget.open, widget.overdue],
        [{ unit: 'working_days', from: 10, to: 10 }, 0, 1, 1],
      );
    });

    it('counts an answer recorded as first_response_at, against the due moment the office calendar gave while the item waited', async () => {
      // The widget item arrived on Monday 9 November with 10 working days: due 20 November.
      // With the office closed 3–20 November, its working days only start on 23 November: the
      // calendar's page recomputes the due moments of waiting items, not of answered ones.
      const closed = Array.from({ length: 18 }, (_, i) => `2026-11-${String(3 + i).padStart(2, '0')}`);
      await t.db.update(organisations).set({ closedDays: closed }).where(eq(organisations.id, organisationId));
      await recomputeWaitingDueTimes(t.db, organisationId);
      try {
        const open = await computeInsights(t.db, organisationId, PERIOD, now);
        const widgetOpen = open.responseTimes.find((r) => r.key === 'widget')!;
        assert.deepEqual([widgetOpen.answered, widgetOpen.open, widgetOpen.overdue], [0, 1, 0]);
        await t.db
          .update(submissions)
          .set({ firstResponseAt: new Date('2026-11-26T10:00:00Z') })
          .where(eq(submissions.id, ids.s3!));
        const answered = await computeInsights(t.db, organisationId, PERIOD, now);
        const widget = answered.responseTimes.find((r) => r.key === 'widget')!;
        assert.deepEqual([widget.answered, widget.onTime, widget.open, widget.overdue], [1, 1, 0, 0]);
        // s2 (due 5 November, answered 13 November) keeps the due moment of its time and stays
        // late; counted again with the office closed from 3 November, it would be on time.
        const portal = answered.responseTimes.find((r) => r.key === 'portal')!;
        assert.equal(portal.onTime, 1);
      } finally {
        await t.db.update(organisations).set({ closedDays: [] }).where(eq(organisations.id, organisationId));
        await t.db.update(submissions).set({ firstResponseAt: null }).where(eq(submissions.id, ids.s3!));
        await recomputeWaitingDueTimes(t.db, organisationId);
      }
    });

    it('counts an answered post under the guideline of the account its thread was written to, as the clock does', async () => {
      const [own] = await t.db
        .update(socialAuthors)
        .set({ handle: '@toetsdam@social.toetsdam.example' })
        .where(eq(socialAuthors.externalId, 'toetsdam'))
        .returning();
      // Two Mastodon guidelines: the platform's first by key is another account's.
      await t.db.insert(channelGuidelines).values([
        {
          organisationId,
          key: 'mastodon:@andere@social.toetsdam.example',
          channel: 'social',
          platform: 'mastodon',
          name: { nl: 'Mastodon @andere' },
          responseDays: 1,
        },
        {
          organisationId,
          key: 'mastodon:@toetsdam@social.toetsdam.example',
          channel: 'social',
          platform: 'mastodon',
          name: { nl: 'Mastodon @toetsdam' },
          responseDays: 3,
        },
      ]);
      await recomputeWaitingDueTimes(t.db, organisationId);
      // p1 (Tuesday 10 November 12:00) answered on Friday 13 November 12:00: within 3 working days, not within 1.
      await t.db
        .update(socialPosts)
        .set({ firstResponseAt: new Date('2026-11-13T12:00:00Z') })
        .where(eq(socialPosts.externalId, 'p1'));
      try {
        const insights = await computeInsights(t.db, organisationId, PERIOD, now);
        const account = insights.responseTimes.find((r) => r.key === 'mastodon:@toetsdam@social.toetsdam.example');
        assert.deepEqual(
          [account?.promise, account?.answered, account?.medianDays, account?.onTime, account?.name],
          [{ unit: 'working_days', from: 3, to: 3 }, 1, 3, 1, { nl: 'Mastodon @toetsdam' }],
        );
        // The same as the item-by-item reference.
        const items = await loadItems(t.db, organisationId, PERIOD);
        assert.deepEqual(insights.responseTimes, responseTimes(items, now));
      } finally {
        await t.db.update(socialPosts).set({ firstResponseAt: null }).where(eq(socialPosts.externalId, 'p1'));
        await t.db
          .delete(channelGuidelines)
          .where(and(eq(channelGuidelines.organisationId, organisationId), eq(channelGuidelines.channel, 'social')));
        await t.db.update(socialAuthors).set({ handle: null }).where(eq(socialAuthors.id, own!.id));
        await recomputeWaitingDueTimes(t.db, organisationId);
      }
    });

    it('sums up the engagement of a mirrored thread without deleted posts', async () => {
      const insights = await computeInsights(t.db, organisationId, PERIOD, now);
      assert.deepEqual(
        insights.engagement.map((e) => [e.title?.nl, e.replies, e.likes, e.reposts]),
        [['Draad over de blauwe zone', 2, 15, 5]],
      );
    });

    it('measures sentiment accuracy on the staff corrections of the filtered items', async () => {
      const insights = await computeInsights(t.db, organisationId, PERIOD, now);
      assert.deepEqual([insights.accuracy.reviewed, insights.accuracy.agreed, insights.accuracy.rate], [2, 1, 0.5]);
      const negative = insights.accuracy.perClass.find((c) => c.label === 'negative')!;
      assert.deepEqual([negative.staff, negative.method, negative.agreed, negative.recall], [2, 1, 1, 0.5]);
      const onlyWidget = await computeInsights(t.db, organisationId, { ...PERIOD, channel: 'widget' }, now);
      assert.equal(onlyWidget.accuracy.reviewed, 0);
    });

    it('finds the themes of a topic with the items they come from', async () => {
      const insights = await computeInsights(t.db, organisationId, PERIOD, now);
      const zone = insights.themes[0]?.themes.find((theme) => theme.label.nl === 'blauwe zone');
      assert.equal(zone?.count, 2);
      assert.equal(zone?.examples.length, 2);
      assert.ok(zone?.examples.every((e) => e.consultation === 'toets-blauwe-zone'));
    });

    it('narrows every figure with the channel, topic and consultation filters', async () => {
      const social = await computeInsights(t.db, organisationId, { ...PERIOD, channel: 'social' }, now);
      assert.equal(social.items, 2);
      const portal = await computeInsights(t.db, organisationId, { ...PERIOD, channel: 'portal' }, now);
      assert.equal(portal.items, 4);
      assert.deepEqual(portal.engagement, []);
      const other = await computeInsights(
        t.db,
        organisationId,
        { ...PERIOD, consultation: 'fietsroute-stationsstraat' },
        now,
      );
      assert.equal(other.items, 0, 'another organisation’s consultation shows nothing of Toetsdam');
    });
  });

  describe(`insights pages and exports (${target.name})`, () => {
    let t: TestApp;
    let analyst: { cookie: string };
    let member: { cookie: string };
    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'analist@demodam.example', 'analyst');
      await addStaffUser(t, 'afdeling@demodam.example', 'department_member', { department: 'verkeer' });
      analyst = await logIn(t, 'analist@demodam.example');
      member = await logIn(t, 'afdeling@demodam.example');
    });
    after(() => t.close());

    const get = (path: string, cookie?: string) => t.app.request(path, { headers: cookie ? { Cookie: cookie } : {} });

    it('sends anonymous visitors of the pages and exports to the log-in page', async () => {
      for (const path of ['/beheer/inzichten/', '/en/manage/insights/', '/beheer/inzichten/export/volume.csv']) {
        const response = await get(path);
        assert.equal(response.status, 303, path);
        assert.match(response.headers.get('Location') ?? '', /inloggen|login/);
      }
    });

    it('refuses a role without insights.read, on the page and on the exports', async () => {
      const page = await get('/beheer/inzichten/', member.cookie);
      assert.equal(page.status, 403);
      assert.doesNotMatch(await page.text(), /Inbreng per week/);
      const csv = await get('/beheer/inzichten/export/volume.csv', member.cookie);
      assert.equal(csv.status, 403);
      assert.doesNotMatch(csv.headers.get('Content-Type') ?? '', /csv/);
    });

    it('shows analysts every figure with a chart, a summary and a table, and links to both exports', async () => {
      const response = await get('/beheer/inzichten/?from=2026-09-01&to=2026-11-27', analyst.cookie);
      assert.equal(response.status, 200);
      const html = await response.text();
      for (const title of [
        'Inbreng per week',
        'Sentiment per week',
        'Antwoordtijden per kanaal',
        'Nauwkeurigheid van sentiment',
      ])
        assert.match(html, new RegExp(`<h2 id="[a-z-]+-heading">${title}</h2>`));
      assert.match(
        html,
        /<svg role="img" class="insights-chart"[^>]*aria-labelledby="chart-volume-title chart-volume-desc"/,
      );
      assert.match(html, /<caption id="volume-caption">/);
      assert.match(html, /<th scope="col">Week<\/th>/);
      assert.match(html, /href="\/beheer\/inzichten\/export\/volume\.csv\?from=2026-09-01&amp;to=2026-11-27"/);
      assert.match(html, /href="\/beheer\/inzichten\/"[^>]*>Inzichten</, 'the nav links to insights for analysts');
      assert.doesNotMatch(html, /href="\/beheer\/audit\/"/, 'no audit-log link for an analyst');
    });

    it('exports a figure as CSV with a header row and as JSON with the same rows', async () => {
      const query = '?from=2026-11-02&to=2026-11-27';
      const csv = await get(`/beheer/inzichten/export/volume.csv${query}`, analyst.cookie);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('Content-Type') ?? '', /^text\/csv/);
      assert.match(
        csv.headers.get('Content-Disposition') ?? '',
        /attachment; filename="podium-volume-2026-11-02-2026-11-27\.csv"/,
      );
      const lines = (await csv.text()).split('\r\n');
      assert.equal(lines[0], 'Week,Totaal,Portaal,Widget,Sociale media');
      const json = await (await get(`/en/manage/insights/export/volume.json${query}`, analyst.cookie)).json();
      assert.deepEqual(
        json.columns.map((c: { label: string }) => c.label),
        ['Week', 'Total', 'Portal', 'Widget', 'Social media'],
      );
      assert.equal(json.rows.length, lines.filter(Boolean).length - 1);
      for (const [index, row] of json.rows.entries())
        assert.equal(lines[index + 1], [row.week, row.total, row.portal, row.widget, row.social].join(','));
    });

    it('logs each export in the audit log', async () => {
      await get('/beheer/inzichten/export/accuracy.json', analyst.cookie);
      const entries = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'insights.exported'), eq(auditLog.subjectId, 'accuracy')));
      assert.equal(entries.length, 1);
      assert.equal((entries[0]!.details as { format: string }).format, 'json');
    });

    it('refuses bad filters on exports with a clear message in the language of the path', async () => {
      const dutch = await get('/beheer/inzichten/export/volume.csv?from=2026-13-01&channel=fax', analyst.cookie);
      assert.equal(dutch.status, 400);
      assert.match(dutch.headers.get('Content-Type') ?? '', /problem\+json/);
      const body = await dutch.json();
      assert.deepEqual(
        body.errors.map((e: { field: string }) => e.field),
        ['from', 'channel'],
      );
      assert.match(body.errors[0].message, /Vul de begindatum in als JJJJ-MM-DD/);
      const english = await (
        await get('/en/manage/insights/export/volume.json?from=2026-11-20&to=2026-11-01', analyst.cookie)
      ).json();
      assert.equal(english.errors[0].message, 'The start date must be before the end date.');
      const topic = await (await get('/en/manage/insights/export/volume.json?topic=nope', analyst.cookie)).json();
      assert.equal(topic.errors[0].message, 'This topic does not exist. Choose one from the list.');
      const span = await get('/beheer/inzichten/export/volume.json?from=2020-01-01&to=2026-11-27', analyst.cookie);
      assert.match((await span.json()).errors[0].message, /hoogstens twee jaar/);
    });

    it('answers an unknown figure or format with 404 and says which', async () => {
      const figure = await get('/beheer/inzichten/export/geheim.csv', analyst.cookie);
      assert.equal(figure.status, 404);
      assert.equal((await figure.json()).errors[0].message, 'Dit figuur bestaat niet.');
      const format = await get('/en/manage/insights/export/volume.xlsx', analyst.cookie);
      assert.equal((await format.json()).errors[0].message, 'Choose CSV or JSON.');
    });

    it('shows bad filters on the page in an error summary, keeping what was typed', async () => {
      const response = await get('/en/manage/insights/?from=yesterday', analyst.cookie);
      assert.equal(response.status, 400);
      const html = await response.text();
      assert.match(html, /<title>Error: Insights/);
      assert.match(html, /<a href="#insights-from">Enter the start date as YYYY-MM-DD/);
      assert.match(html, /id="insights-from" name="from" value="yesterday"/);
      assert.match(html, /aria-invalid="true"/);
    });
  });
}
