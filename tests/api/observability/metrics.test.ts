/**
 * `/metrics` and the request log on a real app: who may read the metrics, what they count,
 * and that neither the metrics nor the log lines carry a path's secrets.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count, inArray } from 'drizzle-orm';
import { socialPosts, submissions } from '../../../api/db/schema.ts';
import { publishJob, publishRollUpMismatch } from '../../../api/observability/events.ts';
import { createLogger } from '../../../api/observability/log.ts';
import { createMetrics, type Metrics } from '../../../api/observability/metrics.ts';
import { WAITING_STATES } from '../../../api/services/office-hours/due-times.ts';
import { openTestApp, postJson, validAnswers, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';

const TOKEN = 'scraper-token-0123456789';
const scrape = (t: TestApp, token = TOKEN) =>
  t.app.request('/metrics', { headers: { Authorization: `Bearer ${token}` } });

/** The value of one sample line, e.g. `podium_queue_items{source="input",state="new"}`. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && wanted.every((pair) => l.slice(0, l.indexOf('}')).includes(pair)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

for (const target of databaseTargets()) {
  describe(`metrics and the request log (${target.name})`, () => {
    let t: TestApp;
    let metrics: Metrics;
    const lines: string[] = [];
    before(async () => {
      t = await openTestApp(target, {
        observability: (db) => {
          metrics = createMetrics(db);
          return { log: createLogger('json', (line) => lines.push(line)), metrics, metricsToken: TOKEN };
        },
      });
    });
    after(async () => {
      metrics.close();
      await t.close();
    });

    it('answers 404 without the token or with a wrong one, as if there were no such address', async () => {
      assert.equal((await t.app.request('/metrics')).status, 404);
      assert.equal((await scrape(t, 'scraper-token-wrong-wrong')).status, 404);
      assert.equal((await scrape(t, `${TOKEN}x`)).status, 404);
    });

    it('counts requests by route pattern and status for a scraper with the token', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await t.app.request('/api/health')).status, 200);
      const response = await scrape(t);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('Content-Type') ?? '', /^text\/plain/);
      const text = await response.text();
      assert.equal(
        sample(text, 'podium_http_requests_total', { method: 'GET', route: '/api/health', status: '200' }),
        3,
      );
      assert.equal(
        sample(text, 'podium_http_request_duration_seconds_count', { method: 'GET', route: '/api/health' }),
        3,
      );
      assert.ok(text.includes('podium_process_resident_memory_bytes'), 'process figures are included');
    });

    it('labels a follow-up page by its pattern, so the code is in neither the metrics nor the log', async () => {
      const secret = 'ZZ9-PLURAL-Z-ALPHA';
      await t.app.request(`/volg/${secret}`);
      await t.app.request(`/api/follow-up/${secret}`);
      const text = await (await scrape(t)).text();
      assert.ok(!text.includes(secret));
      assert.ok(!lines.join('\n').includes(secret));
      assert.match(text, /podium_http_requests_total\{method="GET",route="\/volg\/:code[^"]*"/);
      assert.match(text, /podium_http_requests_total\{method="GET",route="\/api\/follow-up\/:code"/);
    });

    it('writes one JSON line per request with method, route, status and duration', async () => {
      lines.length = 0;
      await t.app.request('/api/health');
      const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const request = records.find((record) => record.msg === 'request');
      assert.ok(request, lines.join('\n'));
      assert.equal(request.method, 'GET');
      assert.equal(request.route, '/api/health');
      assert.equal(request.status, 200);
      assert.equal(typeof request.ms, 'number');
      assert.deepEqual(Object.keys(request).sort(), ['level', 'method', 'ms', 'msg', 'route', 'status', 'time']);
    });

    it('shows the items waiting in the queue as the database counts them', async () => {
      const before = sample(await (await scrape(t)).text(), 'podium_queue_items', { source: 'input', state: 'new' });
      const sent = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: validAnswers,
        consent: false,
      });
      assert.equal(sent.status, 201, await sent.text());
      const text = await (await scrape(t)).text();
      for (const [source, table] of [
        ['input', submissions],
        ['social', socialPosts],
      ] as const) {
        const [row] = await t.db
          .select({ n: count() })
          .from(table)
          .where(inArray(table.reviewState, [...WAITING_STATES]));
        const shown = WAITING_STATES.reduce(
          (sum, state) => sum + (sample(text, 'podium_queue_items', { source, state }) ?? Number.NaN),
          0,
        );
        assert.equal(shown, row!.n, `${source} waiting items`);
      }
      assert.equal(sample(text, 'podium_queue_items', { source: 'input', state: 'new' }), before! + 1);
    });

    it('counts background job passes by job and outcome', async () => {
      publishJob({ job: 'mail-sender', ms: 20, ok: true });
      publishJob({ job: 'mail-sender', ms: 30, ok: false });
      const text = await (await scrape(t)).text();
      assert.equal(sample(text, 'podium_job_duration_seconds_count', { job: 'mail-sender', outcome: 'ok' }), 1);
      assert.equal(sample(text, 'podium_job_duration_seconds_count', { job: 'mail-sender', outcome: 'failed' }), 1);
    });

    it('counts a roll-up that disagreed with its items, from zero', async () => {
      const before = await (await scrape(t)).text();
      assert.equal(sample(before, 'podium_roll_up_mismatches_total', { roll_up: 'response_time_counts' }), 0);
      publishRollUpMismatch({ rollUp: 'response_time_counts' });
      const text = await (await scrape(t)).text();
      assert.equal(sample(text, 'podium_roll_up_mismatches_total', { roll_up: 'response_time_counts' }), 1);
    });
  });
}

for (const target of databaseTargets()) {
  describe(`metrics of rate limits (${target.name})`, () => {
    let t: TestApp;
    let metrics: Metrics;
    before(async () => {
      t = await openTestApp(target, {
        rateLimits: {
          submit: { limit: 1, windowSeconds: 600 },
          follow_up: null,
          rights: null,
          login: null,
          email_link: null,
        },
        observability: (db) => {
          metrics = createMetrics(db);
          return { metrics, metricsToken: TOKEN };
        },
      });
    });
    after(async () => {
      metrics.close();
      await t.close();
    });

    it('counts a refused request under its route group', async () => {
      const send = () =>
        postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', { answers: validAnswers });
      assert.equal((await send()).status, 201);
      assert.equal((await send()).status, 429);
      const text = await (await scrape(t)).text();
      assert.equal(sample(text, 'podium_rate_limit_refusals_total', { group: 'submit' }), 1);
      assert.equal(sample(text, 'podium_rate_limit_refusals_total', { group: 'login' }), 0);
    });
  });
}
