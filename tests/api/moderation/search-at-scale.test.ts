/**
 * The inbox's search on a queue longer than the window it first tests item by item
 * (input-source.ts): a common word is found among the first items in order, a rare one through
 * the text indexes, and both give the same page as testing every item in order would.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../../api/db/rows.ts';
import { consultations, organisations, questions } from '../../../api/db/schema.ts';
import { listQueue, MODERATION_SOURCES } from '../../../api/services/moderation/index.ts';
import { NOW, openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';

const WAITING = 2_600;

for (const target of databaseTargets()) {
  describe(`searching a long queue (${target.name})`, () => {
    let t: TestApp;
    let viewer: { organisationId: string; roles: Array<{ role: 'moderator'; departmentId: null }> };
    before(async () => {
      t = await openTestApp(target);
      const [org] = await t.db.select({ id: organisations.id }).from(organisations).limit(1);
      viewer = { organisationId: org!.id, roles: [{ role: 'moderator', departmentId: null }] };
      const [consultation] = await t.db
        .select({ id: consultations.id })
        .from(consultations)
        .where(eq(consultations.slug, 'fietsroute-stationsstraat'));
      const [question] = await t.db
        .select({ id: questions.id })
        .from(questions)
        .where(and(eq(questions.consultationId, consultation!.id), eq(questions.key, 'toelichting')));
      // Waiting items a minute apart, oldest first: every one about the crossing, every 1,000th
      // also about the Parklaan; the last ten also about the bridge, which nothing earlier names.
      await t.db.execute(sql`insert into submissions (id, consultation_id, channel, language, follow_up_code, screening,
          review_state, created_at, updated_at)
        select md5('search-' || g)::uuid, ${consultation!.id}::uuid, 'portal', 'nl', 'SEARCH-' || g,
          jsonb_build_object('version', 1, 'screenedAt', '2026-01-01T00:00:00Z', 'fields', '[]'::jsonb), 'new',
          timestamptz '2026-01-01T00:00:00Z' + g * interval '1 minute', timestamptz '2026-01-01T00:00:00Z'
        from generate_series(1, ${WAITING}::int) as g`);
      await t.db.execute(sql`insert into submission_answers (submission_id, question_id, value)
        select md5('search-' || g)::uuid, ${question!.id}::uuid, to_jsonb('De kruising is gevaarlijk'
          || case when g % 1000 = 0 then ', zeker bij de Parklaan' else '' end
          || case when g > ${WAITING - 10}::int then ', en de brug ook' else '' end || '.')
        from generate_series(1, ${WAITING}::int) as g`);
      // The viaduct: named in 150 items dealt with long ago, and in three waiting ones.
      await t.db.execute(sql`insert into submissions (id, consultation_id, channel, language, follow_up_code, screening,
          review_state, created_at, updated_at)
        select md5('viaduct-' || g)::uuid, ${consultation!.id}::uuid, 'portal', 'nl', 'VIADUCT-' || g,
          jsonb_build_object('version', 1, 'screenedAt', '2026-01-01T00:00:00Z', 'fields', '[]'::jsonb),
          (case when g <= 150 then 'published' else 'new' end)::review_state,
          timestamptz '2025-01-01T00:00:00Z' + g * interval '1 hour' + (case when g > 150 then interval '1 year' else interval '0' end),
          timestamptz '2025-01-01T00:00:00Z'
        from generate_series(1, 153) as g`);
      await t.db.execute(sql`insert into submission_answers (submission_id, question_id, value)
        select md5('viaduct-' || g)::uuid, ${question!.id}::uuid, to_jsonb('Het viaduct is te smal.'::text)
        from generate_series(1, 153) as g`);
    });
    after(() => t.close());

    const codes = async (search: string, order?: 'newest') =>
      (await listQueue(t.db, viewer, { search, now: NOW, limit: 26, ...(order ? { order } : {}) }))
        .filter((item) => item.channel !== 'social')
        .map((item) => item.answers.find((a) => a.question === 'toelichting')?.value);

    it('finds a common word among the first items in order, oldest and newest first', async () => {
      const oldest = await codes('kruising');
      assert.equal(oldest.length, 26);
      assert.ok(oldest.every((text) => String(text).includes('kruising')));
      const newest = await codes('kruising', 'newest');
      assert.equal(newest.length, 26);
      assert.match(String(newest[0]), /brug/, 'the newest first');
    });

    it('finds a rare word past the window, every match, in order', async () => {
      const parklaan = await codes('Parklaan');
      assert.equal(parklaan.length, 2, 'too few to fill a page among the first items: found through the index');
      const input = MODERATION_SOURCES.find((source) => source.name === 'input')!;
      assert.equal(await input.count(t.db, viewer, { search: 'Parklaan', now: NOW }), 2);
      const bridge = await codes('brug');
      assert.equal(bridge.length, 10, 'only the last ten name the bridge');
      // The same items in the same order as testing every item in order gives, both ways.
      const expected = async (direction: 'asc' | 'desc') =>
        rowsOf<{ id: string }>(
          await t.db.execute(sql`select s.id from submissions s join submission_answers a on a.submission_id = s.id
            where s.follow_up_code like 'SEARCH-%' and a.value #>> '{}' like '%brug%'
            order by s.created_at ${sql.raw(direction)}, s.id ${sql.raw(direction)}`),
        ).map((row) => row.id);
      const listed = async (order?: 'newest') =>
        (await listQueue(t.db, viewer, { search: 'brug', now: NOW, limit: 26, ...(order ? { order } : {}) }))
          .filter((item) => item.channel !== 'social')
          .map((item) => item.id);
      assert.deepEqual(await listed(), await expected('asc'));
      assert.deepEqual(await listed('newest'), await expected('desc'));
      assert.deepEqual(await codes('nergens'), [], 'a word nobody wrote finds nothing');
    });

    it('finds a word common in input dealt with and rare among the waiting items, every waiting match', async () => {
      const viaduct = await codes('viaduct');
      assert.equal(viaduct.length, 3, 'the three waiting items, not the 150 dealt with');
      const input = MODERATION_SOURCES.find((source) => source.name === 'input')!;
      assert.equal(await input.count(t.db, viewer, { search: 'viaduct', now: NOW }), 3);
    });
  });
}
