/**
 * `npm run bench:insights`: how long the insights take for a busy municipality, in process
 * on PGlite: 20,000 items over twelve weeks (portal input with open answers, and posts in
 * mirrored threads), a fifth of them answered. Figures to read, never an assertion.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../api/db/client.ts';
import {
  consultations,
  organisations,
  questions,
  socialPosts,
  socialThreads,
  staffReplies,
  submissionAnswers,
  submissions,
  topics,
} from '../../api/db/schema.ts';
import { computeInsights } from '../../api/services/insights/index.ts';
import { openDataConsultations } from '../../api/services/insights/open-data.ts';
import { figureCsv, figureTable, renderInsightsPage } from '../../api/staff/insights/view.ts';

const ITEMS = Number(process.env.BENCH_INSIGHTS_ITEMS ?? 20_000);
const NOW = new Date('2026-11-27T10:00:00Z');
const WEEK = 7 * 86_400_000;
const words = ['fietspad', 'verlichting', 'blauwe zone', 'parkeren', 'bomen', 'speeltuin', 'drempel', 'bus', 'afval'];
const labels = ['positive', 'neutral', 'negative'] as const;

const database = await openDatabase({ dataDir: 'memory' });
await database.migrate();
const db = database.db;
const [org] = await db.insert(organisations).values({ slug: 'bench', name: 'Bench' }).returning();
const organisationId = org!.id;
const [topic] = await db
  .insert(topics)
  .values({ organisationId, slug: 'bench', title: { nl: 'Bench' }, description: { nl: '-' } })
  .returning();
const [consultation] = await db
  .insert(consultations)
  .values({
    organisationId,
    topicId: topic!.id,
    slug: 'bench',
    title: { nl: 'Bench' },
    summary: { nl: '-' },
    background: { nl: '-' },
    afterwards: { nl: '-' },
    whoDecides: { nl: '-' },
    status: 'open',
    opensAt: new Date(NOW.getTime() - 13 * WEEK),
    closesAt: NOW,
  })
  .returning();
const [question] = await db
  .insert(questions)
  .values({ consultationId: consultation!.id, key: 'idee', position: 1, kind: 'open_text', prompt: { nl: 'Idee' } })
  .returning();
const [thread] = await db
  .insert(socialThreads)
  .values({ organisationId, consultationId: consultation!.id, platform: 'mastodon', externalId: 'bench' })
  .returning();

const seedStart = performance.now();
for (let at = 0; at < ITEMS; at += 1000) {
  const batch = Array.from({ length: Math.min(1000, ITEMS - at) }, (_, j) => at + j);
  const social = batch.filter((i) => i % 5 === 4);
  const portal = batch.filter((i) => i % 5 !== 4);
  const createdAt = (i: number) => new Date(NOW.getTime() - (i / ITEMS) * 12 * WEEK);
  const sentiment = (i: number) => ({ label: labels[i % 3]!, score: 0, confidence: 0.8, method: 'bench', at: '' });
  const rows = await db
    .insert(submissions)
    .values(
      portal.map((i) => ({
        consultationId: consultation!.id,
        channel: i % 2 ? ('portal' as const) : ('widget' as const),
        language: 'nl' as const,
        followUpCode: `BNCH-${String(i).padStart(8, '0')}`,
        reviewState: i % 5 === 0 ? ('answered' as const) : ('published' as const),
        createdAt: createdAt(i),
        sentiment: sentiment(i),
      })),
    )
    .returning({ id: submissions.id, createdAt: submissions.createdAt, state: submissions.reviewState });
  await db.insert(submissionAnswers).values(
    rows.map((row, j) => ({
      submissionId: row.id,
      questionId: question!.id,
      value: `De ${words[j % words.length]} bij de ${words[(j * 7) % words.length]} moet beter`,
    })),
  );
  const answered = rows.filter((row) => row.state === 'answered');
  if (answered.length > 0)
    await db.insert(staffReplies).values(
      answered.map((row) => ({
        submissionId: row.id,
        language: 'nl' as const,
        body: '-',
        publishedAt: new Date(row.createdAt.getTime() + 3 * 86_400_000),
      })),
    );
  if (social.length > 0)
    await db.insert(socialPosts).values(
      social.map((i) => ({
        threadId: thread!.id,
        externalId: String(i),
        position: i,
        depth: 1,
        contentHtml: '-',
        contentText: `Die ${words[i % words.length]} is een probleem`,
        postedAt: createdAt(i),
        likeCount: i % 7,
        sentiment: sentiment(i),
      })),
    );
}
const seedMs = performance.now() - seedStart;

const filter = { from: '2026-09-07', to: '2026-11-27' };
const time = async <T>(label: string, run: () => Promise<T> | T, times = 3): Promise<T> => {
  let result: T | undefined;
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    result = await run();
    runs.push(performance.now() - start);
  }
  console.log(
    `${label.padEnd(44)} ${Math.min(...runs)
      .toFixed(0)
      .padStart(6)} ms (best of ${times})`,
  );
  return result!;
};

console.log(
  `Insights over ${ITEMS.toLocaleString('en')} items (seeded in ${(seedMs / 1000).toFixed(1)} s, PGlite in memory)`,
);
const insights = await time('computeInsights, twelve weeks, no filter', () =>
  computeInsights(db, organisationId, filter, NOW),
);
await time('computeInsights, channel social', () =>
  computeInsights(db, organisationId, { ...filter, channel: 'social' }, NOW),
);
const html = await time('render the page (8 figures, charts, tables)', () =>
  renderInsightsPage({
    lang: 'nl',
    session: { displayName: 'Bench', csrfToken: '-', expiresAt: NOW },
    raw: {},
    filterOptions: { topics: [], consultations: [] },
    result: { insights },
    queueLinks: true,
  }),
);
await time('CSV of the sentiment-per-week figure', () => figureCsv(figureTable(insights, 'sentiment-week', 'nl')));
await time('open data, all consultations', () => openDataConsultations(db));
console.log(`page size: ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB for ${insights.items} items`);
await database.close();
