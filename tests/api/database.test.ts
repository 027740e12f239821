import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { Config } from '../../api/config.ts';
import { openDatabase, PGLITE_SHARED_BUFFERS } from '../../api/db/client.ts';
import { DataDirLockedError } from '../../api/db/data-dir-lock.ts';
import { consultations, organisations, questions, staffReplies, submissions, topics } from '../../api/db/schema.ts';
import { seedIfEmpty } from '../../api/server.ts';
import { seedDemoData } from '../../api/services/seed.ts';
import { NOW } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

describe('the embedded database on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podium-pglite-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is created in a directory that does not exist yet, and keeps its data after closing', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const first = await openDatabase({ dataDir });
    await first.migrate();
    await seedDemoData(first.db, NOW);
    await first.close();

    const second = await openDatabase({ dataDir });
    await second.migrate();
    assert.equal(await second.db.$count(organisations), 1);
    await second.close();
  });

  it("keeps a small buffer cache, since it lives in the server's own memory", async () => {
    const dataDir = join(dir, 'buffers');
    const database = await openDatabase({ dataDir });
    const result = (await database.db.execute(sql`show shared_buffers`)) as unknown as {
      rows: Array<{ shared_buffers: string }>;
    };
    assert.equal(result.rows[0]?.shared_buffers, PGLITE_SHARED_BUFFERS);
    await database.close();
  });

  it('refuses a second opening while the first is open, instead of losing data', async () => {
    const dataDir = join(dir, 'busy');
    const owner = await openDatabase({ dataDir });
    try {
      await assert.rejects(openDatabase({ dataDir }), DataDirLockedError);
    } finally {
      await owner.close();
    }
    const again = await openDatabase({ dataDir });
    await again.close();
  });
});

for (const target of databaseTargets()) {
  describe(`migrations and demo data (${target.name})`, () => {
    it('can run twice without changing anything', async () => {
      // Empty, not the migrated template the other tests start from: this runs every migration.
      const database = await target.openEmpty();
      try {
        await database.migrate();
        await database.migrate();
        const first = await seedDemoData(database.db, NOW);
        const tables = [organisations, topics, consultations, questions, submissions, staffReplies];
        const counts = () => Promise.all(tables.map((table) => database.db.$count(table)));
        const before = JSON.stringify(await counts());
        const second = await seedDemoData(database.db, NOW);
        assert.equal(first.created, true);
        assert.equal(second.created, false);
        assert.equal(JSON.stringify(await counts()), before);
        assert.deepEqual(JSON.parse(before), [1, 2, 2, 5, 20, 12]);
      } finally {
        await database.close();
      }
    });
  });
}

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  describe('servers started together on one empty PostgreSQL database', () => {
    it('seed the demo once: the others find it under the migration lock', async () => {
      const name = `podium_test_together_${process.pid}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const servers = await Promise.all([0, 1, 2].map(() => openDatabase({ url: url.toString() })));
      try {
        const printed: string[] = [];
        const config = { seedDemo: true, publicUrl: 'http://127.0.0.1' } as Config;
        await Promise.all(
          servers.map((database) =>
            database.migrate(() => seedIfEmpty(database, config, (line) => printed.push(line))),
          ),
        );
        assert.equal(printed.filter((line) => line.startsWith('Seeded the demo')).length, 1);
        assert.deepEqual(
          await Promise.all([organisations, consultations].map((t) => servers[0]!.db.$count(t))),
          [1, 2],
        );
      } finally {
        for (const database of servers) await database.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    });
  });
}
