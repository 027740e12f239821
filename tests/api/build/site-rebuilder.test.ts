import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createSiteRebuilder } from '../../../api/build/site-rebuilder.ts';
import { consultations } from '../../../api/db/schema.ts';
import { currentContentVersion, markContentChanged, nextStatusChange } from '../../../api/services/content-revision.ts';
import { NOW, openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';

for (const target of databaseTargets()) {
  describe(`rebuilding the portal when published content changes (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
    });
    after(() => t.close());

    /** A rebuilder on a clock the test moves by hand. */
    async function rebuilderWithClock(
      options: { debounceMs?: number; maxWaitMs?: number; failFirst?: boolean; busyFirst?: boolean } = {},
    ) {
      let clock = NOW.getTime();
      let calls = 0;
      const rebuilder = await createSiteRebuilder({
        db: t.db,
        debounceMs: options.debounceMs ?? 1_000,
        maxWaitMs: options.maxWaitMs ?? 10_000,
        now: () => new Date(clock),
        rebuild: async () => {
          calls += 1;
          if (options.failFirst && calls === 1) throw new Error('astro build failed');
          if (options.busyFirst && calls === 1) return 'busy';
        },
      });
      return {
        rebuilder,
        advance: (ms: number) => {
          clock += ms;
        },
        calls: () => calls,
      };
    }

    test('counts changes in the database, so every API process sees them', async () => {
      const before = await currentContentVersion(t.db);
      await markContentChanged(t.db);
      await markContentChanged(t.db);
      assert.equal(await currentContentVersion(t.db), before + 2);
    });

    test('builds once after a burst of changes has settled, not once per change', async () => {
      const { rebuilder, advance, calls } = await rebuilderWithClock();
      await rebuilder.tick();
      assert.equal(calls(), 0, 'nothing changed yet');
      for (let i = 0; i < 3; i += 1) {
        await markContentChanged(t.db);
        advance(400);
        await rebuilder.tick();
      }
      assert.equal(calls(), 0, 'still changing: wait');
      advance(1_000);
      await rebuilder.tick();
      assert.equal(calls(), 1);
      advance(5_000);
      await rebuilder.tick();
      assert.equal(calls(), 1, 'no new change, no new build');
    });

    test('builds after the maximum wait even while changes keep coming', async () => {
      const { rebuilder, advance, calls } = await rebuilderWithClock({ debounceMs: 1_000, maxWaitMs: 3_000 });
      for (let i = 0; i < 8; i += 1) {
        await markContentChanged(t.db);
        advance(500);
        await rebuilder.tick();
      }
      assert.equal(calls(), 1);
    });

    test('tries again after a failed build, while the previous build stays online', async () => {
      const { rebuilder, advance, calls } = await rebuilderWithClock({ failFirst: true });
      await markContentChanged(t.db);
      await rebuilder.tick();
      advance(1_000);
      await rebuilder.tick();
      assert.equal(calls(), 1);
      assert.equal(rebuilder.builds, 0);
      advance(1_000);
      await rebuilder.tick();
      assert.equal(calls(), 2);
      assert.equal(rebuilder.builds, 1);
    });

    test('waits for its turn when another process holds the builder lease, and tries again after the debounce', async () => {
      const { rebuilder, advance, calls } = await rebuilderWithClock({ busyFirst: true });
      await markContentChanged(t.db);
      await rebuilder.tick();
      advance(1_000);
      await rebuilder.tick();
      assert.equal(calls(), 1);
      assert.equal(rebuilder.builds, 0, 'another process built');
      advance(500);
      await rebuilder.tick();
      assert.equal(calls(), 1, 'not before the debounce');
      advance(500);
      await rebuilder.tick();
      assert.equal(calls(), 2);
      assert.equal(rebuilder.builds, 1);
    });

    test('rebuilds when a consultation opens or closes, without any edit', async () => {
      const [open] = await t.db
        .select({ closesAt: consultations.closesAt })
        .from(consultations)
        .where(eq(consultations.slug, 'fietsroute-stationsstraat'));
      const next = await nextStatusChange(t.db, NOW);
      assert.ok(next, 'the demo has a consultation that still closes');
      assert.ok(next.getTime() <= open!.closesAt.getTime());

      const { rebuilder, advance, calls } = await rebuilderWithClock();
      await rebuilder.tick();
      assert.equal(calls(), 0);
      advance(next.getTime() - NOW.getTime() + 1);
      await rebuilder.tick();
      assert.equal(calls(), 1);
    });
  });
}
