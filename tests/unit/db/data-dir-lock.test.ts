import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { acquireDataDirLock, DataDirLockedError, OWNER_FILE } from '../../../api/db/data-dir-lock.ts';

const lockModule = fileURLToPath(new URL('../../../api/db/data-dir-lock.ts', import.meta.url));

/**
 * A process that takes the lock when it reads "go" on its standard input (at once when
 * `waitForGo` is false), prints its own view of its pid and the outcome, and holds the lock.
 */
function lockingChild(dir: string, options: { waitForGo?: boolean; inNewPidNamespace?: boolean } = {}) {
  const script = `
    import { acquireDataDirLock } from ${JSON.stringify(lockModule)};
    const take = () => {
      try { acquireDataDirLock(${JSON.stringify(dir)}); console.log(process.pid + ' locked'); }
      catch (error) { console.log(process.pid + ' ' + error.name + ' ' + error.message); }
    };
    ${options.waitForGo ? "console.log('ready'); process.stdin.once('data', take);" : 'take();'}
    setInterval(() => {}, 60_000);`;
  const node = [process.execPath, '--input-type=module', '-e', script];
  const [command, ...args] = options.inNewPidNamespace
    ? ['unshare', '--pid', '--fork', '--mount-proc', '--kill-child', ...node]
    : node;
  const child = spawn(command!, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
    waiters.splice(0).forEach((wake) => wake());
  });
  const line = (index: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (lines[index] !== undefined) return resolve(lines[index]);
        if (child.exitCode !== null || child.signalCode !== null) return reject(new Error('the child ended'));
        waiters.push(check);
      };
      child.once('exit', check);
      check();
    });
  return { child, line };
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** The host pid of the process that `unshare --fork` started (pid 1 inside its namespace). */
function forkedChildOf(pid: number): number {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
  assert.equal(children.length, 1);
  return Number(children[0]);
}

const canUnsharePid = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true']).status === 0;

describe('the data directory lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podium-lock-'));
  const children: ChildProcess[] = [];
  const track = <T extends { child: ChildProcess }>(started: T) => (children.push(started.child), started);
  after(async () => {
    await Promise.all(children.map(kill));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second opening by the same process, names the owner, and is free again after release', () => {
    const lock = acquireDataDirLock(dir);
    assert.equal(readFileSync(join(dir, OWNER_FILE), 'utf8'), String(process.pid));
    assert.throws(
      () => acquireDataDirLock(dir),
      (error: unknown) => error instanceof DataDirLockedError && error.pid === process.pid,
    );
    lock.release();
    assert.ok(!existsSync(join(dir, OWNER_FILE)));
    acquireDataDirLock(dir).release();
  });

  it('refuses a directory that a running process holds, with a clear message', async () => {
    const holder = track(lockingChild(dir));
    assert.equal(await holder.line(0), `${holder.child.pid} locked`);
    assert.throws(
      () => acquireDataDirLock(dir),
      (error: unknown) => {
        assert.ok(error instanceof DataDirLockedError);
        assert.match(error.message, new RegExp(`in use by another Podium process \\(pid ${holder.child.pid}\\)`));
        assert.match(error.message, /DATABASE_URL/);
        return true;
      },
    );
    await kill(holder.child);
  });

  it('is free the moment its owner is killed with SIGKILL: the operating system releases it', async () => {
    const holder = track(lockingChild(dir));
    assert.equal(await holder.line(0), `${holder.child.pid} locked`);
    await kill(holder.child);
    // The killed owner could not clean up: its pid is still written down, and does not matter.
    assert.equal(readFileSync(join(dir, OWNER_FILE), 'utf8'), String(holder.child.pid));
    acquireDataDirLock(dir).release();
  });

  it('lets a restarted container whose server is pid 1 again start after pid 1 was killed with SIGKILL', async (t) => {
    if (!canUnsharePid) {
      // Without the right to make a pid namespace (not root): the same situation in this
      // process, whose pid is the one written down by a holder that is gone.
      t.diagnostic('unshare --pid is not permitted here; the previous owner is simulated with our own pid');
      const holder = track(lockingChild(dir));
      await holder.line(0);
      await kill(holder.child);
      const lock = acquireDataDirLock(dir);
      lock.release();
      return;
    }
    const first = track(lockingChild(dir, { inNewPidNamespace: true }));
    assert.equal(await first.line(0), '1 locked');
    // SIGKILL from outside: inside its namespace, pid 1 ignores the signal.
    const pidOne = forkedChildOf(first.child.pid!);
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    process.kill(pidOne, 'SIGKILL');
    await exited;
    assert.equal(readFileSync(join(dir, OWNER_FILE), 'utf8'), '1');

    const second = track(lockingChild(dir, { inNewPidNamespace: true }));
    assert.equal(await second.line(0), '1 locked');
    // And it really holds it: a third process is refused.
    assert.throws(() => acquireDataDirLock(dir), DataDirLockedError);
    await kill(second.child);
  });

  it('lets exactly one of two processes racing for it win, 20 rounds out of 20, and tells the other why', async () => {
    for (let round = 0; round < 20; round++) {
      // Every other round the race is over a lock left by an owner killed with SIGKILL.
      if (round % 2 === 1) {
        const killed = track(lockingChild(dir));
        await killed.line(0);
        await kill(killed.child);
      }
      const racers = [track(lockingChild(dir, { waitForGo: true })), track(lockingChild(dir, { waitForGo: true }))];
      for (const racer of racers) assert.equal(await racer.line(0), 'ready');
      for (const racer of racers) racer.child.stdin!.write('go\n');
      const outcomes = await Promise.all(racers.map((racer) => racer.line(1)));
      const winners = outcomes.filter((outcome) => outcome.endsWith(' locked'));
      const losers = outcomes.filter((outcome) => !outcome.endsWith(' locked'));
      assert.equal(winners.length, 1, `round ${round}: ${outcomes.join(' | ')}`);
      assert.match(
        losers[0]!,
        /^\d+ DataDirLockedError The data directory .* is in use by another Podium process/,
        `round ${round}`,
      );
      await Promise.all(racers.map((racer) => kill(racer.child)));
    }
  });
});
