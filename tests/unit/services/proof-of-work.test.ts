import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { checkSolution, createChallenge, type Challenge } from '../../../api/services/proof-of-work.ts';

const NOW = new Date('2026-11-27T10:00:00Z');
const SECRET = 'unit-test-secret';

function numberFor(challenge: Challenge): number {
  for (let n = 0; n <= challenge.maxnumber; n++)
    if (
      createHash('sha256')
        .update(challenge.salt + n)
        .digest('hex') === challenge.challenge
    )
      return n;
  throw new Error('unsolvable');
}

const payload = (challenge: Challenge, changes: Record<string, unknown> = {}) =>
  Buffer.from(
    JSON.stringify({
      algorithm: challenge.algorithm,
      challenge: challenge.challenge,
      number: numberFor(challenge),
      salt: challenge.salt,
      signature: challenge.signature,
      ...changes,
    }),
  ).toString('base64');

describe('proof-of-work challenges', () => {
  const settings = { maxNumber: 2_000, ttlSeconds: 60 };

  it('accepts the solution of its own challenge until the second it expires', () => {
    const challenge = createChallenge(SECRET, NOW, settings);
    const solution = payload(challenge);
    const valid = checkSolution(SECRET, solution, new Date(NOW.getTime() + 59_999));
    assert.deepEqual(valid, {
      status: 'valid',
      challenge: challenge.challenge,
      expiresAt: new Date(NOW.getTime() + 60_000),
    });
    assert.deepEqual(checkSolution(SECRET, solution, new Date(NOW.getTime() + 60_000)), { status: 'expired' });
  });

  it('refuses a salt whose expiry was moved, since the challenge no longer matches it', () => {
    const challenge = createChallenge(SECRET, NOW, settings);
    const later = challenge.salt.replace(/expires=\d+/, 'expires=9999999999');
    assert.deepEqual(checkSolution(SECRET, payload(challenge, { salt: later }), NOW), { status: 'invalid' });
  });

  it('refuses a challenge signed with another secret', () => {
    const challenge = createChallenge('another-secret', NOW, settings);
    assert.deepEqual(checkSolution(SECRET, payload(challenge), NOW), { status: 'invalid' });
  });

  it('refuses a number given as text and a salt without an expiry', () => {
    const challenge = createChallenge(SECRET, NOW, settings);
    const number = numberFor(challenge);
    assert.deepEqual(checkSolution(SECRET, payload(challenge, { number: String(number) }), NOW), {
      status: 'invalid',
    });
    const bare = { ...challenge, salt: 'abc' };
    bare.challenge = createHash('sha256').update('abc7').digest('hex');
    bare.signature = createHmac('sha256', SECRET).update(bare.challenge).digest('hex');
    assert.equal(checkSolution(SECRET, payload(bare), NOW).status, 'invalid');
  });

  it('calls an empty payload missing, not invalid', () => {
    assert.deepEqual(checkSolution(SECRET, undefined, NOW), { status: 'missing' });
    assert.deepEqual(checkSolution(SECRET, '  ', NOW), { status: 'missing' });
  });
});
