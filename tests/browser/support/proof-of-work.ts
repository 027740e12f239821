/** Checks, as the server does, that a proof-of-work payload a browser sent solves its challenge. */
import { createHash } from 'node:crypto';
import { expect } from '@playwright/test';

export const isChallenge = (url: URL): boolean => url.pathname === '/api/challenge';

export function expectSolved(payload: string | null | undefined): void {
  expect(payload, 'an altcha payload was sent').toBeTruthy();
  const solution = JSON.parse(Buffer.from(payload!, 'base64').toString('utf8')) as Record<string, unknown>;
  expect(solution).toMatchObject({
    algorithm: 'SHA-256',
    challenge: expect.stringMatching(/^[0-9a-f]{64}$/),
    number: expect.any(Number),
    salt: expect.stringContaining('?expires='),
    signature: expect.stringMatching(/^[0-9a-f]{64}$/),
  });
  const hash = createHash('sha256')
    .update(`${String(solution.salt)}${String(solution.number)}`)
    .digest('hex');
  expect(hash, 'SHA-256(salt + number) is the challenge').toBe(solution.challenge);
}
