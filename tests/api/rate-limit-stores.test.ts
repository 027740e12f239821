/**
 * The Redis rate-limit store: atomic across connections (two API processes), windows that
 * recover and expire, and the database as fallback when Redis is away. The Redis cases
 * run when TEST_REDIS_URL names a server (.ci/run sets it when one answers); the fallback
 * needs no server.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../api/app.ts';
import { rateLimits } from '../../api/db/schema.ts';
import { DEFAULT_RATE_LIMITS } from '../../api/services/rate-limit.ts';
import { redisRateLimitStore } from '../../api/services/rate-limit-stores.ts';
import { NOW, openTestApp, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

const rule = { limit: 30, windowSeconds: 600 };
const redisUrls = process.env.TEST_REDIS_URL ? [process.env.TEST_REDIS_URL] : [];

for (const target of databaseTargets()) {
  for (const url of redisUrls) {
    describe(`rate limits counted in Redis (${target.name})`, () => {
      let t: TestApp;
      // A prefix per run: parallel test runs on one Redis never share counters.
      const keyPrefix = `podium-test:${randomUUID()}:`;
      const first = redisRateLimitStore(url, { keyPrefix, log: () => {} });
      const second = redisRateLimitStore(url, { keyPrefix, log: () => {} });
      before(async () => {
        t = await openTestApp(target);
        await Promise.all(
          [first.redis, second.redis].map((r) =>
            r.status === 'ready' ? undefined : new Promise((resolve) => r.once('ready', resolve)),
          ),
        );
      });
      after(async () => {
        const keys = await first.redis.keys(`${keyPrefix}*`);
        if (keys.length) await first.redis.del(...keys.map((k) => k.slice(keyPrefix.length)));
        await first.close();
        await second.close();
        await t.close();
      });

      it('lets exactly the limit through when two processes count at once', async () => {
        const hits = Array.from({ length: 50 }, (_, i) =>
          (i % 2 ? first : second).hit(t.db, { group: 'submit', client: '203.0.113.7', rule, now: NOW }),
        );
        const verdicts = await Promise.all(hits);
        assert.equal(verdicts.filter((v) => v.allowed).length, 30);
        assert.deepEqual(
          verdicts.map((v) => v.count).sort((a, b) => a - b),
          Array.from({ length: 50 }, (_, i) => i + 1),
        );
        assert.equal((await t.db.select().from(rateLimits)).length, 0, 'nothing counted in the database');
      });

      it('says when to retry, and recovers in the next window', async () => {
        const late = new Date(NOW.getTime() + 60_000);
        const refused = await first.hit(t.db, { group: 'submit', client: '203.0.113.7', rule, now: late });
        assert.equal(refused.allowed, false);
        assert.equal(refused.retryAfterSeconds, 540);
        const next = new Date(NOW.getTime() + 600_000);
        const allowed = await second.hit(t.db, { group: 'submit', client: '203.0.113.7', rule, now: next });
        assert.deepEqual([allowed.allowed, allowed.count], [true, 1]);
      });

      it('keeps other clients and groups apart, and lets keys expire with their window', async () => {
        const other = await first.hit(t.db, { group: 'submit', client: '198.51.100.1', rule, now: NOW });
        assert.equal(other.count, 1);
        const group = await first.hit(t.db, { group: 'rights', client: '203.0.113.7', rule, now: NOW });
        assert.equal(group.count, 1);
        const keys = await first.redis.keys(`${keyPrefix}*`);
        assert.ok(keys.length >= 3);
        for (const key of keys) {
          const ttl = await first.redis.pttl(key.slice(keyPrefix.length));
          assert.ok(ttl > 0 && ttl <= 601_000, `${key}: ${ttl}`);
          assert.doesNotMatch(key, /203\.0\.113\.7/, 'addresses are stored hashed');
        }
      });

      it('goes on counting in the database when Redis goes away mid-window, and back in Redis when it returns', async () => {
        // Its own connection, so closing it leaves the shared Redis server (and the other stores) alone.
        const store = redisRateLimitStore(url, { keyPrefix, log: () => {} });
        await (store.redis.status === 'ready'
          ? undefined
          : new Promise((resolve) => store.redis.once('ready', resolve)));
        const limited = { limit: 5, windowSeconds: 600 };
        const hit = () => store.hit(t.db, { group: 'follow_up', client: '192.0.2.77', rule: limited, now: NOW });
        const before = [await hit(), await hit(), await hit()];
        assert.deepEqual(
          before.map((v) => v.count),
          [1, 2, 3],
        );
        store.redis.disconnect(); // Redis is now unreachable for this store: every command fails
        const during = [await hit(), await hit(), await hit()];
        assert.deepEqual(
          during.map((v) => [v.count, v.allowed]),
          [
            [4, true],
            [5, true],
            [6, false],
          ],
          'the database went on from the count Redis had reached',
        );
        assert.equal((await t.db.select().from(rateLimits)).length, 1, 'counted in the database meanwhile');

        if (store.redis.status !== 'end') await new Promise((resolve) => store.redis.once('end', resolve));
        await store.redis.connect();
        const back = await hit();
        assert.deepEqual([back.count, back.allowed], [7, false], 'Redis picks up the count of the outage');
        await store.close();
      });

      it('answers 429 with Retry-After through the app', async () => {
        const app = createApp({
          db: t.db,
          databaseKind: t.database.kind,
          now: () => NOW,
          rateLimits: { ...DEFAULT_RATE_LIMITS, follow_up: { limit: 2, windowSeconds: 60 } },
          rateLimitStore: first,
        });
        const statuses = [];
        for (let i = 0; i < 3; i += 1) statuses.push((await app.request('/api/follow-up/AAAA-AAAA-AAAA')).status);
        assert.deepEqual(statuses, [404, 404, 429]);
        const refused = await app.request('/api/follow-up/AAAA-AAAA-AAAA');
        assert.ok(Number(refused.headers.get('Retry-After')) > 0);
      });
    });
  }

  describe(`rate limits when Redis is away (${target.name})`, () => {
    let t: TestApp;
    // Port 9 (discard) refuses connections: Redis is "down" from the first request.
    const store = redisRateLimitStore('redis://127.0.0.1:9', { log: () => {} });
    before(async () => {
      t = await openTestApp(target);
    });
    after(async () => {
      await store.close();
      await t.close();
    });

    it('counts in the database instead, so the limit still holds', async () => {
      const verdicts = [];
      for (let i = 0; i < 3; i += 1) {
        verdicts.push(
          await store.hit(t.db, {
            group: 'login',
            client: '192.0.2.5',
            rule: { limit: 2, windowSeconds: 60 },
            now: NOW,
          }),
        );
      }
      assert.deepEqual(
        verdicts.map((v) => v.allowed),
        [true, true, false],
      );
      assert.equal((await t.db.select().from(rateLimits)).length, 1);
    });
  });
}
