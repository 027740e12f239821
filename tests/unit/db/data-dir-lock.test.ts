import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { acquireDataDirLock, DataDirLockedError } from '../../../api/db/data-dir-lock.ts';

const lockModule = fileURLToPath(new URL('../../../api/db/data-dir-lock.ts', import.meta.url));

/** A child process that takes the lock, says how that went, and holds it for `holdMs`. */
function lockingChild(dir: string, holdMs: number) {
  const script = `
    import { acquireDataDirLock } from ${JSON.stringify(lockModule)};
    try { acquireDataDirLock(${JSON.stringify(dir)}); console.log('locked'); }
    catch (error) { console.log(error.name); }
    setTimeout(() => {}, ${holdMs});`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
  const said = new Promise<string>((resolve) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
  });
  return { child, said };
}

const ownLine = () => readFileSync(join('/proc', String(process.pid), 'stat'), 'utf8');

describe('the data directory lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podium-lock-'));
  const lockFile = join(dir, 'podium.lock');
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('records the owner and its start time, and is removed on release', () => {
    const lock = acquireDataDirLock(dir);
    const [pid, startedAt] = readFileSync(lock.path, 'utf8').split(' ');
    assert.equal(pid, String(process.pid));
    assert.equal(
      startedAt,
      ownLine()
        .slice(ownLine().lastIndexOf(')') + 2)
        .split(' ')[19],
    );
    lock.release();
    assert.ok(!existsSync(lock.path));
  });

  it('refuses a directory that a running process holds, with a clear message', async () => {
    const holder = lockingChild(dir, 30_000);
    try {
      assert.equal(await holder.said, 'locked');
      assert.throws(
        () => acquireDataDirLock(dir),
        (error: unknown) => {
          assert.ok(error instanceof DataDirLockedError);
          assert.match(error.message, new RegExp(`pid ${holder.child.pid}`));
          assert.match(error.message, /DATABASE_URL/);
          return true;
        },
      );
    } finally {
      holder.child.kill('SIGKILL');
      await new Promise((resolve) => holder.child.once('exit', resolve));
    }
  });

  it('takes over the lock of an owner killed with SIGKILL', () => {
    // The previous test killed its holder without any chance to clean up.
    assert.ok(existsSync(lockFile));
    const lock = acquireDataDirLock(dir);
    assert.match(readFileSync(lock.path, 'utf8'), new RegExp(`^${process.pid} `));
    lock.release();
  });

  it('takes over a lock left by a process that no longer runs', () => {
    writeFileSync(lockFile, '999999999');
    acquireDataDirLock(dir).release();
  });

  it('takes over a lock that carries its own pid: a restarted container is pid 1 again', () => {
    writeFileSync(lockFile, `${process.pid} 1`);
    const lock = acquireDataDirLock(dir);
    assert.notEqual(readFileSync(lock.path, 'utf8'), `${process.pid} 1`);
    lock.release();
  });

  it('takes over a lock whose pid now belongs to a process that started at another moment', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(lockFile, `${other.pid} 1`);
      acquireDataDirLock(dir).release();
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('lets exactly one of two processes racing over a stale lock win, five times out of five', async () => {
    for (let round = 0; round < 5; round++) {
      writeFileSync(lockFile, '999999999');
      const racers = [lockingChild(dir, 3_000), lockingChild(dir, 3_000)];
      try {
        const outcomes = (await Promise.all(racers.map((r) => r.said))).sort();
        assert.deepEqual(outcomes, ['DataDirLockedError', 'locked'], `round ${round}`);
      } finally {
        for (const racer of racers) racer.child.kill('SIGKILL');
        await Promise.all(racers.map((r) => new Promise((resolve) => r.child.once('exit', resolve))));
      }
    }
  });
});
