import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ForbiddenSourceError } from '../../../../api/services/social/safe-fetch.ts';
import {
  assertPublicSource,
  getJson,
  HostBudget,
  parseResetHeader,
  politeFetch,
  RateLimitedError,
  SourceHttpError,
  waitUntilFromHeaders,
} from '../../../../api/services/social/polite-fetch.ts';

const NOW = Date.parse('2026-11-27T10:00:00Z');

/** A clock that sleeping moves forward, and a fetch that answers from a script. */
function fakeWorld(responses: Array<() => Response>) {
  let now = NOW;
  const slept: number[] = [];
  const requests: string[] = [];
  return {
    slept,
    requests,
    options: {
      now: () => now,
      sleep: async (ms: number) => {
        slept.push(ms);
        now += ms;
      },
      fetch: async (url: string) => {
        requests.push(url);
        const next = responses.shift();
        if (!next) throw new Error('no more responses');
        return next();
      },
    },
  };
}

describe('rate limits', () => {
  it('reads reset headers as ISO dates, epoch seconds or delta seconds', () => {
    assert.equal(parseResetHeader('2026-11-27T10:05:00Z', NOW), NOW + 300_000);
    assert.equal(parseResetHeader(String(NOW / 1000 + 60), NOW), NOW + 60_000);
    assert.equal(parseResetHeader('30', NOW), NOW + 30_000);
    assert.equal(parseResetHeader('Fri, 27 Nov 2026 10:00:10 GMT', NOW), NOW + 10_000);
    assert.equal(parseResetHeader('later', NOW), undefined);
  });

  it('waits only when the budget is spent or the host answered 429', () => {
    const spent = new Headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2026-11-27T10:01:00Z' });
    assert.equal(waitUntilFromHeaders(spent, 200, NOW), NOW + 60_000);
    const left = new Headers({ 'x-ratelimit-remaining': '299', 'x-ratelimit-reset': '2026-11-27T10:01:00Z' });
    assert.equal(waitUntilFromHeaders(left, 200, NOW), undefined);
    assert.equal(waitUntilFromHeaders(new Headers({ 'retry-after': '5' }), 429, NOW), NOW + 5000);
  });

  it('retries after a 429 at the time Retry-After names', async () => {
    const world = fakeWorld([
      () => new Response('slow down', { status: 429, headers: { 'retry-after': '7' } }),
      () => Response.json({ ok: true }),
    ]);
    const response = await politeFetch('https://m.example/api/v1/statuses/1', world.options);
    assert.equal(response.status, 200);
    assert.deepEqual(world.slept, [7000]);
    assert.equal(world.requests.length, 2);
  });

  it('backs off on a 429 with Bluesky ratelimit-* headers (reset in epoch seconds)', async () => {
    const world = fakeWorld([
      () =>
        new Response('', {
          status: 429,
          headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': String(NOW / 1000 + 3) },
        }),
      () => Response.json({}),
    ]);
    await politeFetch('https://public.api.bsky.app/xrpc/x', world.options);
    assert.deepEqual(world.slept, [3000]);
  });

  it('holds the next request to a host until its spent budget resets', async () => {
    const budget = new HostBudget();
    const world = fakeWorld([
      () =>
        Response.json({}, { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2026-11-27T10:00:02Z' } }),
      () => Response.json({}),
    ]);
    await politeFetch('https://m.example/a', { ...world.options, budget });
    assert.deepEqual(world.slept, []);
    await politeFetch('https://m.example/b', { ...world.options, budget });
    assert.deepEqual(world.slept, [2000]);
  });

  it('gives up with the retry time when the host asks for a longer wait than allowed', async () => {
    const world = fakeWorld([() => new Response('', { status: 429, headers: { 'retry-after': '900' } })]);
    await assert.rejects(
      politeFetch('https://m.example/a', { ...world.options, maxWaitMs: 60_000 }),
      (error: unknown) => error instanceof RateLimitedError && error.retryAt.getTime() === NOW + 900_000,
    );
  });

  it('retries network errors and 503s with exponential back-off, then gives up', async () => {
    const world = fakeWorld([
      () => {
        throw new TypeError('fetch failed');
      },
      () => new Response('', { status: 503 }),
      () => Response.json({}),
    ]);
    const response = await politeFetch('https://m.example/a', world.options);
    assert.equal(response.status, 200);
    assert.equal(world.slept.length, 2);
    assert.ok(world.slept[0]! >= 1000 && world.slept[1]! >= 2000);
  });

  it('refuses plain HTTP, localhost and private addresses, so pasted URLs cannot probe our network', () => {
    for (const url of [
      'http://social.example/api',
      'https://localhost/api',
      'https://127.0.0.1/api',
      'https://10.1.2.3/api',
      'https://192.168.1.10/api',
      'https://172.20.0.1/api',
      'https://169.254.169.254/latest',
      'https://[::1]/api',
      'https://db.internal/api',
      'https://intranet/api',
    ]) {
      assert.throws(() => assertPublicSource(url), ForbiddenSourceError, url);
    }
    assert.doesNotThrow(() => assertPublicSource('https://social.overheid.nl/api/v1/statuses/1'));
    assert.doesNotThrow(() => assertPublicSource('http://localhost:3000/api', true));
    // Not an address at all: refused as a source (a 422 for staff), also where private hosts are allowed.
    for (const bad of ['', 'not a url', 'https://', 'https://[::1']) {
      assert.throws(() => assertPublicSource(bad), ForbiddenSourceError, bad);
      assert.throws(() => assertPublicSource(bad, true), ForbiddenSourceError, bad);
    }
  });

  it('refuses a response body larger than the limit instead of reading it all', async () => {
    const world = fakeWorld([() => new Response('x'.repeat(2000))]);
    await assert.rejects(
      getJson('https://m.example/a', { ...world.options, maxBytes: 1000 }),
      (error: unknown) => error instanceof SourceHttpError && error.code === 'ResponseTooLarge',
    );
  });

  it("reports the platform's error code with the status", async () => {
    const world = fakeWorld([() => Response.json({ error: 'NotFound', message: 'Post not found' }, { status: 400 })]);
    await assert.rejects(
      getJson('https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread', world.options),
      (error: unknown) => error instanceof SourceHttpError && error.status === 400 && error.code === 'NotFound',
    );
  });
});
