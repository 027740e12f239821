import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Database } from '../../../api/db/client.ts';
import { withNamedStatements } from '../../../api/db/named-statements.ts';
import { rowsOf } from '../../../api/db/rows.ts';
import { consultations } from '../../../api/db/schema.ts';
import { databaseTargets } from '../../support/databases.ts';

describe('statements sent through postgres.js', () => {
  /** A stand-in client that records the options each statement was sent with. */
  function recordingClient() {
    const sent: Array<{ query: string; options: { prepare?: boolean } }> = [];
    const client = {
      unsafe: (query: string, _parameters: unknown[], options: { prepare?: boolean }) => {
        sent.push({ query, options });
        return Promise.resolve([]);
      },
      begin: (callback: (scoped: unknown) => unknown) => callback(client),
      options: { parsers: {} },
    };
    return { client: client as unknown as postgres.Sql, sent };
  }

  it('are named even when drizzle asks for an unnamed one, inside transactions too', async () => {
    const { client, sent } = recordingClient();
    const named = withNamedStatements(client);
    await named.unsafe('select $1', [1], { prepare: false });
    await named.begin((tx) => tx.unsafe('select $1', [2], { prepare: false }));
    assert.deepEqual(
      sent.map((s) => s.options.prepare),
      [true, true],
    );
    assert.equal(named.options, client.options, 'everything else is the client itself');
  });
});

for (const target of databaseTargets().filter((t) => t.name !== 'PGlite')) {
  describe(`named statements on the server (${target.name})`, () => {
    let database: Database;
    before(async () => {
      database = await target.open();
    });
    after(() => database.close());

    it('keeps a statement with parameters on its connection, to be sent again in one round trip', async () => {
      const statements = await database.db.transaction(async (tx) => {
        await tx.select().from(consultations).where(eq(consultations.slug, 'fietsroute-stationsstraat'));
        return rowsOf<{ statement: string }>(await tx.execute(sql`select statement from pg_prepared_statements`));
      });
      assert.ok(
        statements.some((s) => s.statement.includes('from "consultations" where "consultations"."slug" = $1')),
        statements.map((s) => s.statement).join('\n'),
      );
    });

    it('plans each execution for its own parameters, as an unnamed statement was', async () => {
      const [row] = rowsOf<{ plan_cache_mode: string }>(await database.db.execute(sql`show plan_cache_mode`));
      assert.equal(row?.plan_cache_mode, 'force_custom_plan');
    });
  });
}
