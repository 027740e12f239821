import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { tryOsLock, waitForOsLock } from '../../../api/lib/os-lock.ts';

const lockModule = fileURLToPath(new URL('../../../api/lib/os-lock.ts', import.meta.url));

describe('a lock the operating system keeps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podium-os-lock-'));
  const path = join(dir, 'build.lock');
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused to a second taker in the same process until released', () => {
    const lock = tryOsLock(path);
    assert.ok(lock);
    assert.equal(tryOsLock(path), undefined);
    lock.release();
    const again = tryOsLock(path);
    assert.ok(again);
    again.release();
  });

  it('lets a waiter in as soon as the holder is killed with SIGKILL, without blocking the event loop', async () => {
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { tryOsLock } from ${JSON.stringify(lockModule)};
         console.log(tryOsLock(${JSON.stringify(path)}) ? 'held' : 'refused');
         setInterval(() => {}, 60_000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const said = await new Promise<string>((resolve) =>
        holder.stdout.once('data', (chunk: Buffer) => resolve(String(chunk))),
      );
      assert.equal(said.trim(), 'held');
      let waited = false;
      const waiting = waitForOsLock(path, () => (waited = true), 50);
      // The event loop goes on while the waiter polls.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(waited, true);
      holder.kill('SIGKILL');
      const lock = await waiting;
      lock.release();
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
