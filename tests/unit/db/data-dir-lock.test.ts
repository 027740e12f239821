import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { acquireDataDirLock, DataDirLockedError } from '../../../api/db/data-dir-lock.ts';

describe('the data directory lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podium-lock-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('records the owner and is removed on release', () => {
    const lock = acquireDataDirLock(dir);
    assert.equal(readFileSync(lock.path, 'utf8'), String(process.pid));
    lock.release();
    assert.ok(!existsSync(lock.path));
  });

  it('refuses a directory that a running process holds, with a clear message', async () => {
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(dir, 'podium.lock'), String(sleeper.pid));
      assert.throws(
        () => acquireDataDirLock(dir),
        (error: unknown) => {
          assert.ok(error instanceof DataDirLockedError);
          assert.match(error.message, new RegExp(`pid ${sleeper.pid}`));
          assert.match(error.message, /DATABASE_URL/);
          return true;
        },
      );
    } finally {
      sleeper.kill();
      rmSync(join(dir, 'podium.lock'), { force: true });
    }
  });

  it('takes over a lock left by a process that no longer runs', () => {
    writeFileSync(join(dir, 'podium.lock'), '999999999');
    const lock = acquireDataDirLock(dir);
    assert.equal(readFileSync(lock.path, 'utf8'), String(process.pid));
    lock.release();
  });
});
