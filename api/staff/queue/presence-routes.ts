/**
 * Presence on items (who else has one open), as a small JSON API for the item page's
 * script, and the script itself:
 *
 * - `POST /api/staff/items/{id}/presence` — the heartbeat: records the caller as present and
 *   answers who else is (`PresenceAnswer`). Session cookie and `X-CSRF-Token`, like every
 *   unsafe staff API request; 401 without a session, 404 for an item the caller cannot see.
 * - `POST /api/staff/items/{id}/presence/leave` — the goodbye the page sends on `pagehide`
 *   with `navigator.sendBeacon`, which cannot set headers: the CSRF token may come as the
 *   form field `csrf` instead. 204.
 *
 * Neither request counts as activity for the session's idle time (kit/session.ts).
 */
import { readFile } from 'node:fs/promises';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { problem } from '../../http/problem.ts';
import { can } from '../../services/auth/roles.ts';
import { csrfTokenMatches } from '../../services/auth/sessions.ts';
import { findItem } from '../../services/moderation/index.ts';
import { endPresence, heartbeat } from '../../services/moderation/presence.ts';
import { field, formBody, requireStaff, type StaffEnv } from '../kit/guards.ts';
import { presencePaths } from './paths.ts';
import { presenceAnswer } from './presence-view.ts';

const ItemId = z.uuid();
const Lang = z.enum(['nl', 'en']).catch('nl');
const script = new URL('../kit/assets/presence.js', import.meta.url);

export function presenceRoutes(): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  app.get(presencePaths.script, async (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(await readFile(script, 'utf8'), 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });

  app.post(presencePaths.heartbeat(':id'), requireStaff('queue.read'), async (c) => {
    const session = c.get('session')!;
    const id = c.req.param('id') ?? '';
    if (!ItemId.safeParse(id).success) return problem(c, 404, 'not_found');
    const now = c.get('now')();
    const viewer = { organisationId: session.user.organisationId, roles: session.roles };
    // Only an item the caller may see: nobody learns who reads items hidden from them.
    if (!(await findItem(c.get('db'), viewer, id, now))) return problem(c, 404, 'not_found');
    const others = await heartbeat(
      c.get('db'),
      { itemId: id, staffUserId: session.user.id, organisationId: session.user.organisationId },
      now,
    );
    return c.json(presenceAnswer(Lang.parse(c.req.query('lang')), others, now));
  });

  app.post(presencePaths.leave(':id'), async (c) => {
    const refused = await leaveRefusal(c);
    if (refused) return refused;
    const id = c.req.param('id') ?? '';
    if (!ItemId.safeParse(id).success) return problem(c, 404, 'not_found');
    await endPresence(c.get('db'), { itemId: id, staffUserId: c.get('session')!.user.id });
    return c.body(null, 204);
  });

  return app;
}

/** The staff API's checks for the goodbye, with the CSRF token from the header or the beacon's form. */
async function leaveRefusal(c: Context<StaffEnv>): Promise<Response | undefined> {
  const session = c.get('session');
  if (!session) return problem(c, 401, 'staff_login_required');
  // A personal API key is no ambient credential: it needs no token (kit/guards.ts requireStaff).
  if (session.apiKeyId === undefined) {
    const header = c.req.header('X-CSRF-Token');
    const token = header ?? field(await formBody(c), 'csrf');
    if (!csrfTokenMatches(session, token)) return problem(c, 403, 'staff_csrf');
  }
  if (!can(session.roles, 'queue.read')) return problem(c, 403, 'staff_forbidden');
  return undefined;
}
