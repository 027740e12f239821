/**
 * Opt-in listening: per connected account, administrators name the hashtags (and, on
 * Bluesky, keywords) of the municipality's topics, and the intake (intake.ts) also takes in
 * public posts that carry them — Mastodon `GET /api/v1/timelines/tag/:hashtag` on the
 * account's instance, Bluesky `app.bsky.feed.searchPosts` through the account's PDS. Off by
 * default; switching it on takes in what is posted from then on, not the history.
 *
 * Minimised: a heard post is not a mention, so its conversation is not read. Only the post is
 * kept — its text, time, address, language and the author's handle (what is needed to answer
 * and to give the author a pseudonym), no display name, profile address, avatar, counts or
 * media — as a conversation of its own, marked `heard_by` with the term, so the queue shows it
 * as heard by listening. Its raw payload keeps only what answering needs (Bluesky: the CID and
 * the reply references).
 *
 * Every change is audited with before and after, on the version the administrator saw.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { socialAccounts, socialListening, type ListeningCursor } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';

export const MAX_TERMS = 20;
export const MAX_TERM_LENGTH = 100;

export type ListeningSettings = {
  accountId: string;
  platform: 'mastodon' | 'bluesky';
  handle: string;
  enabled: boolean;
  terms: string[];
  version: number;
  updatedAt: Date | null;
};

export type TermProblem = 'too_many' | 'too_long' | 'invalid' | 'keyword_on_mastodon' | 'required';

export type TermsResult = { kind: 'ok'; terms: string[] } | { kind: 'invalid'; problem: TermProblem; term?: string };

const HASHTAG = /^#[\p{L}\p{N}_]+$/u;
// Control characters, quotes and search operators have no place in a term.
const KEYWORD = /^[\p{L}\p{N}][\p{L}\p{N}\p{Zs}'’._-]*$/u;

/** Whether a term is a hashtag (`#fietspad`) rather than a keyword. */
export const isHashtag = (term: string) => term.startsWith('#');

/**
 * The terms as typed (one per line or comma-separated), normalised: trimmed, inner spaces
 * collapsed, duplicates (case-insensitive) left out; a hashtag keeps its `#`.
 *
 * @example
 * parseTerms(['#Fietspad', 'fietspad ', '#fietspad'], 'bluesky') // { kind: 'ok', terms: ['#Fietspad', 'fietspad'] }
 */
export function parseTerms(raw: readonly string[], platform: 'mastodon' | 'bluesky'): TermsResult {
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const typed of raw) {
    const term = typed.trim().replace(/\s+/g, ' ');
    if (!term) continue;
    if ([...term].length > MAX_TERM_LENGTH) return { kind: 'invalid', problem: 'too_long', term };
    if (isHashtag(term) ? !HASHTAG.test(term) : !KEYWORD.test(term))
      return { kind: 'invalid', problem: 'invalid', term };
    // Mastodon searches public posts by hashtag only (the tag timeline); full-text search is not public.
    if (platform === 'mastodon' && !isHashtag(term)) return { kind: 'invalid', problem: 'keyword_on_mastodon', term };
    const key = term.toLocaleLowerCase('nl');
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  if (terms.length > MAX_TERMS) return { kind: 'invalid', problem: 'too_many' };
  return { kind: 'ok', terms };
}

/** The listening settings of the organisation's active accounts, by account id (defaults where none were saved). */
export async function listListening(db: Db, organisationId: string): Promise<Map<string, ListeningSettings>> {
  const rows = await db
    .select({ account: socialAccounts, listening: socialListening })
    .from(socialAccounts)
    .leftJoin(socialListening, eq(socialListening.accountId, socialAccounts.id))
    .where(and(eq(socialAccounts.organisationId, organisationId), isNull(socialAccounts.revokedAt)));
  return new Map(
    rows.map(({ account, listening }) => [
      account.id,
      {
        accountId: account.id,
        platform: account.platform as 'mastodon' | 'bluesky',
        handle: account.handle,
        enabled: listening?.enabled ?? false,
        terms: listening?.terms ?? [],
        version: listening?.version ?? 1,
        updatedAt: listening?.updatedAt ?? null,
      },
    ]),
  );
}

export async function getListening(
  db: Db,
  organisationId: string,
  accountId: string,
): Promise<ListeningSettings | undefined> {
  return (await listListening(db, organisationId)).get(accountId);
}

export type SaveListeningResult =
  | { kind: 'saved'; settings: ListeningSettings }
  | { kind: 'unchanged'; settings: ListeningSettings }
  | { kind: 'not_found' }
  | { kind: 'stale'; settings: ListeningSettings }
  | { kind: 'invalid'; problem: TermProblem; term?: string };

/**
 * Saves an account's listening on the version the administrator saw. Switching it on needs at
 * least one term; switching it on again starts from that moment.
 */
export async function saveListening(
  db: Db,
  params: {
    organisationId: string;
    staffUserId: string;
    accountId: string;
    enabled: boolean;
    terms: readonly string[];
    expectedVersion: number;
    now: Date;
  },
): Promise<SaveListeningResult> {
  const before = await getListening(db, params.organisationId, params.accountId);
  if (!before) return { kind: 'not_found' };
  const parsed = parseTerms(params.terms, before.platform);
  if (parsed.kind === 'invalid') return parsed;
  if (params.enabled && parsed.terms.length === 0) return { kind: 'invalid', problem: 'required' };
  if (before.version !== params.expectedVersion) return { kind: 'stale', settings: before };
  if (before.enabled === params.enabled && JSON.stringify(before.terms) === JSON.stringify(parsed.terms)) {
    return { kind: 'unchanged', settings: before };
  }
  const saved = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(socialListening).where(eq(socialListening.accountId, params.accountId));
    const switchedOn = params.enabled && !current?.enabled;
    // A term dropped takes its cursor with it; switching on again starts afresh.
    const cursors = switchedOn
      ? {}
      : Object.fromEntries(Object.entries(current?.cursors ?? {}).filter(([term]) => parsed.terms.includes(term)));
    const values = {
      enabled: params.enabled,
      terms: parsed.terms,
      cursors,
      enabledAt: switchedOn ? params.now : (current?.enabledAt ?? null),
      updatedAt: params.now,
      updatedByStaffUserId: params.staffUserId,
    };
    const written = current
      ? await tx
          .update(socialListening)
          .set({ ...values, version: current.version + 1 })
          .where(
            and(eq(socialListening.accountId, params.accountId), eq(socialListening.version, params.expectedVersion)),
          )
          .returning()
      : await tx
          .insert(socialListening)
          .values({ accountId: params.accountId, ...values, version: params.expectedVersion + 1 })
          .onConflictDoNothing()
          .returning();
    if (written.length === 0) return undefined;
    await recordAudit(tx, {
      organisationId: params.organisationId,
      actorType: 'staff',
      actorId: params.staffUserId,
      at: params.now,
      action: 'social_account.listening_changed',
      subjectType: 'social_account',
      subjectId: params.accountId,
      details: {
        handle: before.handle,
        before: { enabled: before.enabled, terms: before.terms },
        after: { enabled: params.enabled, terms: parsed.terms },
      },
    });
    return written[0]!;
  });
  const after = (await getListening(db, params.organisationId, params.accountId))!;
  // Another save won between the check and the write.
  if (!saved) return { kind: 'stale', settings: after };
  return { kind: 'saved', settings: after };
}

/** What the intake listens for on an account, when listening is on. */
export async function activeListening(
  db: Pick<Db, 'select'>,
  accountId: string,
): Promise<{ terms: string[]; cursors: Record<string, ListeningCursor>; enabledAt: Date } | undefined> {
  const [row] = await db.select().from(socialListening).where(eq(socialListening.accountId, accountId));
  if (!row?.enabled || row.terms.length === 0 || !row.enabledAt) return undefined;
  return { terms: row.terms, cursors: row.cursors, enabledAt: row.enabledAt };
}

/** Moves one term's cursor on, leaving the others (and a settings change in between) alone. */
export async function moveListeningCursor(
  db: Db,
  accountId: string,
  term: string,
  cursor: ListeningCursor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(socialListening).where(eq(socialListening.accountId, accountId));
    if (!row || !row.terms.includes(term)) return;
    await tx
      .update(socialListening)
      .set({ cursors: { ...row.cursors, [term]: cursor } })
      .where(eq(socialListening.accountId, accountId));
  });
}
