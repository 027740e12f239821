/**
 * A new embedded database is created and migrated in a child process before the server opens
 * it (api/db/prepare-data-dir.ts), so the server does not keep the memory that took.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../../api/db/client.ts';
import { acquireDataDirLock } from '../../../api/db/data-dir-lock.ts';
import { isNewDataDir, prepareDataDirApart } from '../../../api/db/prepare-data-dir.ts';
import { rowsOf } from '../../../api/db/rows.ts';

describe('a new embedded database prepared apart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podium-prepare-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is created and migrated by a child process, so the server finds every migration applied', async () => {
    const dataDir = join(dir, 'data');
    assert.equal(isNewDataDir(dataDir), true);
    assert.equal(await prepareDataDirApart(dataDir), true);
    assert.equal(isNewDataDir(dataDir), false);
    const database = await openDatabase({ dataDir });
    try {
      const [applied] = rowsOf<{ n: number }>(
        await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
      );
      const [table] = rowsOf<{ name: string | null }>(
        await database.db.execute(sql`select to_regclass('public.submissions')::text as name`),
      );
      assert.ok(applied!.n > 40, `${applied!.n} migrations applied`);
      assert.equal(table!.name, 'submissions');
    } finally {
      await database.close();
    }
  });

  it('answers false when the child cannot, leaving the directory to the server that reports why', async () => {
    const dataDir = join(dir, 'held');
    mkdirSync(dataDir);
    const lock = acquireDataDirLock(dataDir);
    try {
      assert.equal(await prepareDataDirApart(dataDir), false);
      assert.equal(isNewDataDir(dataDir), true);
    } finally {
      lock.release();
    }
  });
});
