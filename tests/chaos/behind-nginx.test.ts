/**
 * The deployment the README shows: three Podium processes on one PostgreSQL database
 * (TEST_DATABASE_URL) behind nginx from Debian, configured with the README's own
 * `podium.conf`. Any process answers any request; what one accepted, every other reads; a
 * resident's rate limit holds across them, counted by the address nginx saw. Without a
 * PostgreSQL server the same layout runs with one process on the embedded database (it
 * admits one process).
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startNginx, type Nginx } from './support/nginx.ts';
import { killAll, PORTS, scratchDatabase, startPodium, tempDir, type PodiumProcess } from './support/podium-process.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const TOKEN = 'behind-nginx-metrics-token';
const SUBMIT_LIMIT = 4;
const answers = {
  route: 'parklaan',
  veiligheid: 2,
  voorzieningen: ['verlichting'],
  toelichting: 'Via de proxy verstuurd.',
};

/** How many requests to `route` one process counted, from its own /metrics. */
async function countedBy(server: PodiumProcess, route: string, status: number): Promise<number> {
  const text = await (
    await fetch(`${server.baseUrl}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })
  ).text();
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('podium_http_requests_total{') &&
        l.includes(`route="${route}"`) &&
        l.includes(`status="${status}"`),
    );
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

const submit = (nginx: Nginx, claimedAddress: string) =>
  fetch(`${nginx.baseUrl}/api/consultations/fietsroute-stationsstraat/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': claimedAddress },
    body: JSON.stringify({ answers, consent: false }),
  });

describe(`${serverUrl ? 'three servers' : 'one server'} behind nginx, as the README deploys them`, () => {
  const dir = tempDir('nginx');
  let servers: PodiumProcess[] = [];
  let nginx: Nginx | undefined;
  let drop: (() => Promise<void>) | undefined;

  before(async () => {
    const where = serverUrl
      ? await scratchDatabase(serverUrl).then((database) => {
          drop = database.drop;
          return () => ({ databaseUrl: database.url });
        })
      : () => ({ dataDir: join(dir, 'data') });
    servers = Array.from({ length: serverUrl ? 3 : 1 }, (_, index) =>
      startPodium({
        where: where(),
        distDir: join(dir, 'dist'),
        port: PORTS.behindProxy + 1 + index,
        env: {
          PODIUM_TRUST_PROXY: '1',
          PODIUM_METRICS_TOKEN: TOKEN,
          PODIUM_RATE_LIMITS: `submit=${SUBMIT_LIMIT}/600,follow_up=off,rights=off,login=off,email_link=off`,
        },
      }),
    );
    // The first creates the schema and builds; the others wait for its locks.
    await Promise.all(servers.map((server) => server.healthy()));
    nginx = await startNginx({
      dir: join(dir, 'nginx'),
      port: PORTS.behindProxy,
      upstreamPorts: servers.map((server) => server.port),
    });
  });

  after(async () => {
    await nginx?.stop();
    await killAll();
    await drop?.().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('spreads requests over every process, and each serves the portal and the API', async () => {
    for (let i = 0; i < 6 * servers.length; i++) {
      const response = await fetch(`${nginx!.baseUrl}/api/health`);
      assert.equal(response.status, 200, nginx!.log());
      assert.equal((await response.json()).status, 'ok');
    }
    for (const [index, server] of servers.entries()) {
      assert.ok((await countedBy(server, '/api/health', 200)) > 0, `process ${index} answered none`);
    }
    const page = await fetch(`${nginx!.baseUrl}/consultaties/fietsroute-stationsstraat/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<main[\s>][\s\S]*<\/html>\s*$/);
  });

  it('lets every process read the input one of them accepted', async () => {
    const sent = await submit(nginx!, '198.51.100.7');
    assert.equal(sent.status, 201, await sent.clone().text());
    const { code } = (await sent.json()) as { code: string };
    for (let i = 0; i < 2 * servers.length; i++) {
      const read = await fetch(`${nginx!.baseUrl}/api/follow-up/${code}`);
      assert.equal(read.status, 200, `read ${i}`);
    }
    for (const [index, server] of servers.entries()) {
      assert.ok((await countedBy(server, '/api/follow-up/:code', 200)) > 0, `process ${index} read none`);
    }
  });

  it("holds a resident's rate limit across the processes, whatever address the client claims", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < SUBMIT_LIMIT + 3; i++) statuses.push((await submit(nginx!, `203.0.113.${i}`)).status);
    // The earlier test sent one from the same address (nginx saw 127.0.0.1 both times).
    assert.deepEqual(
      statuses,
      [...Array(SUBMIT_LIMIT - 1).fill(201), ...Array(4).fill(429)],
      'accepted until the limit, then refused on every process',
    );
  });
});
