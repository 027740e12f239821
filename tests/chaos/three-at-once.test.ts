/**
 * Three servers started at the same moment from one installation all serve: on one fresh
 * PostgreSQL database (TEST_DATABASE_URL) every round, sharing the deployment's dist directory
 * — or each with its own (PODIUM_CHAOS_SEPARATE_DIST=1), which used to collide in the
 * installation's `.astro/` all the same. Without a PostgreSQL server: three embedded
 * databases, each with its own dist directory, from the one installation.
 *
 * PODIUM_CHAOS_ROUNDS sets the number of rounds (default 3; the proof is 10:
 * `PODIUM_CHAOS_ROUNDS=10 node --test tests/chaos/three-at-once.test.ts`).
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { killAll, PORTS, scratchDatabase, startPodium, tempDir, type Where } from './support/podium-process.ts';

const ROUNDS = Number(process.env.PODIUM_CHAOS_ROUNDS ?? 3);
const SEPARATE_DIST = process.env.PODIUM_CHAOS_SEPARATE_DIST === '1';
const serverUrl = process.env.TEST_DATABASE_URL;

async function assertServes(baseUrl: string, label: string): Promise<void> {
  const health = await fetch(`${baseUrl}/api/health`);
  assert.equal(health.status, 200, `${label}: health`);
  assert.equal((await health.json()).status, 'ok', `${label}: health`);
  for (const page of ['/', '/consultaties/fietsroute-stationsstraat/']) {
    const response = await fetch(`${baseUrl}${page}`);
    assert.equal(response.status, 200, `${label}: ${page}`);
    assert.match(await response.text(), /<main[\s>][\s\S]*<\/html>\s*$/, `${label}: ${page} is a whole page`);
  }
}

describe('three servers started at once from one installation', () => {
  const dirs: string[] = [];
  const drops: (() => Promise<void>)[] = [];
  after(async () => {
    await killAll();
    for (const drop of drops) await drop().catch(() => undefined);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const rounds = serverUrl ? ROUNDS : 1;
  const on = serverUrl ? 'one PostgreSQL database' : 'three embedded databases';
  it(`all serve, ${rounds} rounds out of ${rounds} (${on})`, async () => {
    for (let round = 0; round < rounds; round++) {
      const dir = tempDir('three');
      dirs.push(dir);
      let where: (index: number) => Where;
      if (serverUrl) {
        const database = await scratchDatabase(serverUrl);
        drops.push(database.drop);
        where = () => ({ databaseUrl: database.url });
      } else {
        where = (index) => ({ dataDir: join(dir, `data-${index}`) });
      }
      const separate = SEPARATE_DIST || !serverUrl;
      const servers = [0, 1, 2].map((index) =>
        startPodium({
          where: where(index),
          distDir: join(dir, separate ? `dist-${index}` : 'dist'),
          port: PORTS.threeAtOnce + index,
        }),
      );
      await Promise.all(servers.map((server) => server.healthy()));
      for (const [index, server] of servers.entries())
        await assertServes(server.baseUrl, `round ${round}, server ${index}`);
      for (const [index, server] of servers.entries()) {
        const errors = server
          .output()
          .split('\n')
          .filter((line) => /failed|Error/.test(line));
        // The lines themselves in the message: CI keeps only the end of a long run's output.
        assert.deepEqual(errors, [], `round ${round}, server ${index} printed no error`);
      }
      await Promise.all(servers.map((server) => server.stop()));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
