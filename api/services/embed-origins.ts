/**
 * The web addresses (origins) allowed to embed Podium's widgets and call the API from the
 * browser (organisations.embed_origins; read by api/http/origin-policy.ts). Administrators
 * manage them at /beheer/insluiten. An origin is a scheme, a host and an optional port —
 * `https://www.gemeente.nl`, `http://localhost:8080`, or `http://localhost:*` for any port —
 * never a path: the browser sends only the origin, so a path would match nothing.
 *
 * Adding and removing are single SQL statements on the array (append when absent, remove),
 * so two administrators working at once never undo each other's change.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { recordAudit } from './audit.ts';

export type OriginProblem = 'empty' | 'scheme' | 'path' | 'host' | 'too_long';

/**
 * The origin in its one spelling (lower case, default port dropped), or why it is not one.
 *
 * @example parseOrigin('HTTPS://www.Gemeente.nl/') // { origin: 'https://www.gemeente.nl' }
 * @example parseOrigin('https://www.gemeente.nl/participatie') // { problem: 'path' }
 */
export function parseOrigin(input: string): { origin: string } | { problem: OriginProblem } {
  const text = input.trim();
  if (!text) return { problem: 'empty' };
  if (text.length > 300) return { problem: 'too_long' };
  const anyPort = text.endsWith(':*');
  const base = anyPort ? text.slice(0, -2) : text;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(base)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { problem: 'scheme' };
  const url = URL.parse(base);
  if (!url || !url.hostname) return { problem: 'host' };
  if (url.username || url.password) return { problem: 'host' };
  // Only the root may follow the host (a pasted address often ends in "/").
  const rest = base.slice(base.indexOf('//') + 2).replace(/^[^/?#]*/, '');
  if (rest !== '' && rest !== '/') return { problem: 'path' };
  if (anyPort && url.port) return { problem: 'host' };
  return { origin: anyPort ? `${url.origin}:*` : url.origin };
}

export async function listOrigins(db: Db, organisationId: string): Promise<string[]> {
  const [row] = await db
    .select({ origins: organisations.embedOrigins })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row?.origins ?? [];
}

type OriginChange = { organisationId: string; origin: string; actorId: string };

/** @returns whether the list changed (false: it was there already). */
export const addOrigin = (db: Db, change: OriginChange) => changeOrigins(db, change, 'added');

/** @returns whether the list changed (false: it was not there). */
export const removeOrigin = (db: Db, change: OriginChange) => changeOrigins(db, change, 'removed');

/** One statement that changes the list only when the origin is absent (add) or present (remove), and its audit entry. */
async function changeOrigins(db: Db, change: OriginChange, how: 'added' | 'removed'): Promise<boolean> {
  const origin = sql`${change.origin}::text`;
  const listed = sql`${origin} = any(${organisations.embedOrigins})`;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(organisations)
      .set({
        embedOrigins:
          how === 'added'
            ? sql`array_append(${organisations.embedOrigins}, ${origin})`
            : sql`array_remove(${organisations.embedOrigins}, ${origin})`,
      })
      .where(and(eq(organisations.id, change.organisationId), how === 'added' ? sql`not (${listed})` : listed))
      .returning({ id: organisations.id });
    if (rows.length === 0) return false;
    await recordAudit(tx, {
      organisationId: change.organisationId,
      actorType: 'staff',
      actorId: change.actorId,
      action: how === 'added' ? 'embed_origin.added' : 'embed_origin.removed',
      subjectType: 'organisation',
      subjectId: change.organisationId,
      details: { origin: change.origin },
    });
    return true;
  });
}
