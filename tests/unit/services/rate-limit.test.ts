import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RATE_LIMITS, parseRateLimits, rateLimitKey } from '../../../api/services/rate-limit.ts';

describe('reading rate limits from the environment', () => {
  it('keeps the defaults when nothing is set', () => {
    assert.deepEqual(parseRateLimits(undefined), DEFAULT_RATE_LIMITS);
    assert.deepEqual(parseRateLimits(' '), DEFAULT_RATE_LIMITS);
  });

  it('overrides the groups that are named and can turn one off', () => {
    const rules = parseRateLimits('submit=5/60, rights=off');
    assert.deepEqual(rules.submit, { limit: 5, windowSeconds: 60 });
    assert.equal(rules.rights, null);
    assert.deepEqual(rules.follow_up, DEFAULT_RATE_LIMITS.follow_up);
  });

  it('refuses unknown groups and malformed values with a message that says what to write', () => {
    assert.throws(() => parseRateLimits('bogus=5/60'), /unknown group "bogus"/);
    assert.throws(() => parseRateLimits('submit=5'), /submit=30\/600/);
    assert.throws(() => parseRateLimits('submit=0/60'), /requests\/seconds/);
    assert.throws(() => parseRateLimits('submit=-1/60'), /requests\/seconds/);
  });
});

describe('the stored rate-limit key', () => {
  it('tells groups and clients apart without holding the address', () => {
    const key = rateLimitKey('submit', '198.51.100.1');
    assert.match(key, /^submit:[\w-]{22}$/);
    assert.doesNotMatch(key, /198/);
    assert.notEqual(key, rateLimitKey('submit', '198.51.100.2'));
    assert.notEqual(key, rateLimitKey('rights', '198.51.100.1'));
  });
});
