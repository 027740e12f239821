/**
 * A burst of JSON input, the server killed with SIGKILL in the middle of it, a restart:
 * every input that was acknowledged (201 with a follow-up code) is still there and readable,
 * and a retry of every request with its Idempotency-Key stores nothing twice.
 * On the embedded database (a data directory) and on the PostgreSQL server (TEST_DATABASE_URL).
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { like } from 'drizzle-orm';
import { openDatabase } from '../../api/db/client.ts';
import { submissions } from '../../api/db/schema.ts';
import { killAll, PORTS, scratchDatabase, startPodium, tempDir, type Where } from './support/podium-process.ts';

const PATH = '/api/consultations/fietsroute-stationsstraat/submissions';
const BURST = 120;
const IN_FLIGHT = 8;

type Outcome = { key: string; body: string; code?: string };

/** Sends the burst, a few requests at a time; kills the server once `killAfter` were acknowledged. */
async function burst(baseUrl: string, run: string, killAfter: number, kill: () => Promise<void>) {
  const outcomes: Outcome[] = [];
  let acknowledged = 0;
  let killing: Promise<void> | undefined;
  let next = 0;
  const worker = async () => {
    while (next < BURST) {
      const index = next++;
      const key = `chaos-${run}-${String(index).padStart(4, '0')}`;
      const body = JSON.stringify({
        answers: { route: 'parklaan', veiligheid: (index % 5) + 1, toelichting: `Chaos-invoer ${run} nummer ${index}` },
      });
      const outcome: Outcome = { key, body };
      outcomes.push(outcome);
      const response = await post(baseUrl, key, body).catch(() => undefined);
      if (response?.status === 201) {
        outcome.code = (await response.json()).code;
        acknowledged += 1;
        if (acknowledged === killAfter) killing = kill();
      } else {
        await response?.body?.cancel();
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  await killing;
  return outcomes;
}

function post(baseUrl: string, key: string, body: string) {
  return fetch(`${baseUrl}${PATH}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body,
    signal: AbortSignal.timeout(30_000),
  });
}

async function checkAfterRestart(baseUrl: string, outcomes: Outcome[]): Promise<void> {
  const acknowledged = outcomes.filter((outcome) => outcome.code);
  for (const { code } of acknowledged) {
    const response = await fetch(`${baseUrl}/api/follow-up/${code}`);
    assert.equal(response.status, 200, `follow-up code ${code} is readable after the restart`);
    assert.equal((await response.json()).code, code);
  }
  // A retry of every request: the acknowledged ones answer with their first receipt; the
  // others are stored now (or were stored just before the kill, and answer with that).
  for (const outcome of outcomes) {
    const response = await post(baseUrl, outcome.key, outcome.body);
    assert.ok([200, 201].includes(response.status), `${outcome.key}: ${response.status}`);
    const { code } = await response.json();
    if (outcome.code) {
      assert.equal(response.status, 200, `${outcome.key} was stored before the kill`);
      assert.equal(code, outcome.code);
    }
    outcome.code = code;
  }
  // And once more: now every one is a replay.
  for (const outcome of outcomes) {
    const response = await post(baseUrl, outcome.key, outcome.body);
    assert.equal(response.status, 200, outcome.key);
    assert.equal((await response.json()).code, outcome.code);
  }
}

async function countStored(where: Where, run: string): Promise<{ rows: number; keys: number }> {
  const database = await openDatabase('dataDir' in where ? { dataDir: where.dataDir } : { url: where.databaseUrl });
  try {
    const rows = await database.db
      .select({ key: submissions.idempotencyKey })
      .from(submissions)
      .where(like(submissions.idempotencyKey, `chaos-${run}-%`));
    return { rows: rows.length, keys: new Set(rows.map((row) => row.key)).size };
  } finally {
    await database.close();
  }
}

async function burstKillRestart(where: Where, distDir: string, run: string, port: number): Promise<void> {
  const first = startPodium({ where, distDir, port });
  await first.healthy();
  const outcomes = await burst(first.baseUrl, run, BURST / 4, () => first.kill9());
  const acknowledged = outcomes.filter((outcome) => outcome.code).length;
  assert.ok(acknowledged >= BURST / 4, `at least ${BURST / 4} acknowledged before the kill`);
  assert.ok(acknowledged < BURST, 'the kill came in the middle of the burst');

  const second = startPodium({ where, distDir, port: first.port });
  await second.healthy();
  await checkAfterRestart(second.baseUrl, outcomes);
  await second.stop();

  assert.deepEqual(await countStored(where, run), { rows: BURST, keys: BURST }, 'every request stored exactly once');
}

describe('kill -9 in the middle of a burst of input', () => {
  const dirs: string[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    await killAll();
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('loses no acknowledged input and stores no retry twice (embedded database)', async () => {
    const dir = tempDir('burst-pglite');
    dirs.push(dir);
    await burstKillRestart({ dataDir: join(dir, 'data') }, join(dir, 'dist'), 'pglite', PORTS.burst);
  });

  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    it('loses no acknowledged input and stores no retry twice (PostgreSQL server)', async () => {
      const dir = tempDir('burst-pg');
      dirs.push(dir);
      const database = await scratchDatabase(serverUrl);
      cleanups.push(database.drop);
      await burstKillRestart({ databaseUrl: database.url }, join(dir, 'dist'), 'pg', PORTS.burst + 1);
    });
  }
});
