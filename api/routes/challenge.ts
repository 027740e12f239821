/**
 * `GET /api/challenge`: a proof-of-work challenge (ALTCHA protocol) for a public form.
 * Public and cookie-free like the rest of the public API; never cached, each one is new.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ProofOfWorkChallenge } from '../../shared/contracts/public-content.ts';
import type { AppEnv } from '../http/app-env.ts';
import { validationHook } from '../http/problem.ts';

const challengeRoute = createRoute({
  method: 'get',
  path: '/api/challenge',
  tags: ['Public'],
  summary: 'A proof-of-work challenge for sending input',
  description:
    'Find the number n (0 ≤ n ≤ maxnumber) with SHA-256(salt + n) = challenge, then send ' +
    'base64(JSON {algorithm, challenge, number, salt, signature}) as `altcha` with the input. ' +
    'A challenge expires (see `expires` in the salt) and a solution counts once. Input without a ' +
    'solution is still accepted; it is marked "no proof of work" for moderators.',
  responses: {
    200: { description: 'A new challenge', content: { 'application/json': { schema: ProofOfWorkChallenge } } },
  },
});

export function challengeRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(challengeRoute, async (c) => {
    const challenge = await c.get('proofOfWork').challenge(c.get('now')());
    return c.json(challenge, 200, { 'Cache-Control': 'no-store' });
  });
  return app;
}
