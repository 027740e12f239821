/**
 * One portal builder at a time for the deployment (api/build/builder-lease.ts): on the
 * PostgreSQL server a second process finds the lease taken and builds nothing; on the
 * embedded database the one process that owns it always holds it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { withBuilderLease } from '../../../api/build/builder-lease.ts';
import type { Database } from '../../../api/db/client.ts';
import { databaseTargets } from '../../support/databases.ts';

for (const target of databaseTargets()) {
  describe(`the deployment's builder lease (${target.name})`, () => {
    let database: Database;
    before(async () => {
      database = await target.open();
    });
    after(() => database.close());

    test('runs the build and hands back what it made when nobody else builds', async () => {
      const result = await withBuilderLease(database.db, database.kind, async () => 'built');
      assert.deepEqual(result, { built: true, value: 'built' });
    });

    test('lets only one of two builders that start together build, and frees the lease afterwards', async () => {
      let release!: () => void;
      const holding = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const first = new Promise<void>((resolve) => (started = resolve));
      const one = withBuilderLease(database.db, database.kind, async () => {
        started();
        await holding;
        return 1;
      });
      await first;
      const two = await withBuilderLease(database.db, database.kind, async () => 2);
      release();
      if (database.kind === 'pglite') {
        // One process owns an embedded database: there is nobody to share the lease with.
        assert.deepEqual(two, { built: true, value: 2 });
      } else {
        assert.deepEqual(two, { built: false });
      }
      assert.deepEqual(await one, { built: true, value: 1 });
      assert.deepEqual(await withBuilderLease(database.db, database.kind, async () => 3), { built: true, value: 3 });
    });

    test('a builder that waits gets the lease once the holder is done', async () => {
      let release!: () => void;
      const holding = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const first = new Promise<void>((resolve) => (started = resolve));
      const order: string[] = [];
      const one = withBuilderLease(database.db, database.kind, async () => {
        started();
        await holding;
        order.push('first');
      });
      await first;
      let waited = false;
      const two = withBuilderLease(database.db, database.kind, async () => order.push('second'), {
        waitMs: 10_000,
        retryMs: 20,
        onWait: () => (waited = true),
      });
      setTimeout(release, 100);
      await Promise.all([one, two]);
      if (database.kind === 'postgres') {
        assert.equal(waited, true);
        assert.deepEqual(order, ['first', 'second']);
      } else {
        assert.deepEqual(order, ['second', 'first']);
      }
    });
  });
}
