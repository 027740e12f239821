import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase, withSteadyPlans, type Database } from '../../../api/db/client.ts';
import { rowsOf } from '../../../api/db/rows.ts';
import { databaseTargets } from '../../support/databases.ts';

for (const target of databaseTargets()) {
  describe(`statements with steady plans (${target.name})`, () => {
    let database: Database;
    before(async () => {
      database = await target.open();
    });
    after(() => database.close());

    const planMode = async (db: Database['db']) =>
      rowsOf<{ plan_cache_mode: string }>(await db.execute(sql`show plan_cache_mode`))[0]!.plan_cache_mode;

    if (target.name === 'PGlite') {
      it('are the database itself on the embedded database (one connection)', () => {
        assert.equal(withSteadyPlans(database.db), database.db);
      });
    } else {
      it('may keep their plans, where every other statement is planned for its own parameters', async () => {
        const steady = withSteadyPlans(database.db);
        assert.notEqual(steady, database.db);
        assert.equal(await planMode(steady), 'auto');
        assert.equal(await planMode(database.db), 'force_custom_plan');
      });

      it('run without parallel workers, on both kinds of connection', async () => {
        for (const db of [database.db, withSteadyPlans(database.db)]) {
          const [row] = rowsOf<{ max_parallel_workers_per_gather: string }>(
            await db.execute(sql`show max_parallel_workers_per_gather`),
          );
          assert.equal(row!.max_parallel_workers_per_gather, '0');
        }
      });

      it('use as many parallel workers as the operator set', async () => {
        const url = process.env.TEST_DATABASE_URL!;
        const workers = await openDatabase({ url, parallelWorkers: 3 });
        try {
          for (const db of [workers.db, withSteadyPlans(workers.db)]) {
            const [row] = rowsOf<{ max_parallel_workers_per_gather: string }>(
              await db.execute(sql`show max_parallel_workers_per_gather`),
            );
            assert.equal(row!.max_parallel_workers_per_gather, '3');
          }
        } finally {
          await workers.close();
        }
      });

      it('write to the same database as every other statement', async () => {
        const steady = withSteadyPlans(database.db);
        await steady.execute(sql`create table if not exists steady_probe (n int)`);
        await steady.execute(sql`insert into steady_probe values (1)`);
        const rows = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from steady_probe`));
        assert.equal(rows[0]!.n, 1);
        await database.db.execute(sql`drop table steady_probe`);
      });
    }
  });
}
