import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Db } from '../../../api/db/client.ts';
import { createOriginPolicy, originMatches } from '../../../api/http/origin-policy.ts';

describe('embedding origins', () => {
  it('match exactly when the pattern names a port or none', () => {
    assert.ok(originMatches('https://www.demodam.nl', 'https://www.demodam.nl'));
    assert.ok(!originMatches('https://demodam.nl', 'https://www.demodam.nl'));
    assert.ok(!originMatches('http://www.demodam.nl', 'https://www.demodam.nl'));
    assert.ok(!originMatches('https://www.demodam.nl:8443', 'https://www.demodam.nl'));
  });

  it('match any port when the pattern ends in :*', () => {
    assert.ok(originMatches('http://localhost:3000', 'http://localhost:*'));
    assert.ok(originMatches('http://localhost', 'http://localhost:*'));
    assert.ok(!originMatches('https://localhost:3000', 'http://localhost:*'));
    assert.ok(!originMatches('http://localhost.evil.example:3000', 'http://localhost:*'));
  });

  it('refuse anything that is not a plain origin', () => {
    for (const origin of ['null', '', 'http://localhost:3000/path', 'javascript:alert(1)']) {
      assert.ok(!originMatches(origin, 'http://localhost:*'), origin);
    }
  });

  it('never fail on an origin or a pattern that is not an address: they match nothing', () => {
    for (const bad of ['', 'null', '%', 'http://', 'https://[::1', '\ud800', 'javascript:alert(1)']) {
      assert.ok(!originMatches(bad, 'https://www.demodam.nl'), bad);
      assert.ok(!originMatches('https://www.demodam.nl', bad), bad);
      assert.ok(!originMatches('https://www.demodam.nl', `${bad}:*`), bad);
    }
  });

  it('are read once and answered per origin, and a forgotten list is never answered from the old one', async () => {
    let stored = ['https://www.demodam.nl'];
    let reads = 0;
    // The one query the policy makes: the organisations' embedding origins.
    const db = {
      select: () => ({
        from: () => ({
          orderBy: async () => {
            reads++;
            return [{ embedOrigins: stored }];
          },
        }),
      }),
    } as unknown as Db;
    const policy = createOriginPolicy(db);
    assert.equal(await policy.allows(''), false, 'no Origin header');
    assert.equal(await policy.allows('https://www.demodam.nl'), true);
    assert.equal(await policy.allows('https://www.demodam.nl'), true);
    assert.equal(await policy.allows('https://evil.example'), false);
    assert.equal(reads, 1);
    stored = ['https://evil.example'];
    policy.forget();
    assert.equal(await policy.allows('https://www.demodam.nl'), false);
    assert.equal(await policy.allows('https://evil.example'), true);
    assert.equal(reads, 2);
  });
});
