/**
 * The registry of the municipality's connected social-media accounts: the official accounts
 * Podium may post answers as. Administrators connect an account with its access token
 * (Mastodon: a token for the account on the municipality's instance, with `read:accounts`
 * and `write:statuses`); Podium checks it with the instance (`verify_credentials`), stores it
 * sealed (secret-box.ts) and from then on shows only the handle. Revoking removes the token.
 * Tokens never appear in logs, audit details, exports or any answer of this module.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { socialAccounts } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { assertPublicSource } from './polite-fetch.ts';
import { MissingSecretKey, open, seal } from './secret-box.ts';

export type PostingSettings = {
  /** PODIUM_SECRET_KEY; without it no account can be connected and nothing is posted. */
  secretKey: Buffer | undefined;
  /** PODIUM_IMPORT_ALLOW_PRIVATE: instances on private addresses (tests, intranets). */
  allowPrivateHosts: boolean;
  /** The HTTP client; tests may replace it. */
  fetch?: typeof fetch;
};

/** What staff see of an account: never its token. */
export type ConnectedAccount = {
  id: string;
  platform: 'mastodon' | 'bluesky';
  instanceUrl: string;
  handle: string;
  createdAt: Date;
  revokedAt: Date | null;
};

export type ConnectOutcome =
  | { kind: 'connected'; account: ConnectedAccount }
  | { kind: 'no_secret_key' }
  | { kind: 'bad_instance' }
  | { kind: 'token_rejected' }
  | { kind: 'unreachable' };

/** The instance's origin from what an administrator typed: `social.example.nl` or a full URL. */
export function instanceOrigin(raw: string): string | undefined {
  const trimmed = raw.trim();
  const url = URL.parse(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  return url && url.hostname ? url.origin : undefined;
}

const visible = (row: typeof socialAccounts.$inferSelect): ConnectedAccount => ({
  id: row.id,
  platform: row.platform as 'mastodon' | 'bluesky',
  instanceUrl: row.instanceUrl,
  handle: row.handle,
  createdAt: row.createdAt,
  revokedAt: row.revokedAt,
});

/** Connects a Mastodon account: the token is checked with the instance before it is kept. */
export async function connectMastodonAccount(
  db: Db,
  params: { organisationId: string; staffUserId: string; instance: string; token: string; now: Date },
  settings: PostingSettings,
): Promise<ConnectOutcome> {
  // Refused before the token goes anywhere: it would have nowhere safe to stay.
  if (!settings.secretKey) return { kind: 'no_secret_key' };
  const origin = instanceOrigin(params.instance);
  if (!origin) return { kind: 'bad_instance' };
  try {
    assertPublicSource(origin, settings.allowPrivateHosts);
  } catch {
    return { kind: 'bad_instance' };
  }
  let me: { id?: unknown; acct?: unknown; username?: unknown };
  try {
    const response = await (settings.fetch ?? fetch)(`${origin}/api/v1/accounts/verify_credentials`, {
      headers: { Authorization: `Bearer ${params.token}`, Accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status === 401 || response.status === 403) return { kind: 'token_rejected' };
    if (!response.ok) return { kind: 'unreachable' };
    me = (await response.json()) as typeof me;
  } catch {
    return { kind: 'unreachable' };
  }
  if (typeof me.id !== 'string' || typeof (me.acct ?? me.username) !== 'string') return { kind: 'unreachable' };
  const acct = String(me.acct ?? me.username);
  const handle = acct.includes('@') ? `@${acct}` : `@${acct}@${new URL(origin).host}`;
  let sealed: string;
  try {
    sealed = seal(params.token, settings.secretKey);
  } catch (error) {
    if (error instanceof MissingSecretKey) return { kind: 'no_secret_key' };
    throw error;
  }
  const row = await db.transaction(async (tx) => {
    const [account] = await tx
      .insert(socialAccounts)
      .values({
        organisationId: params.organisationId,
        platform: 'mastodon',
        instanceUrl: origin,
        externalId: me.id as string,
        handle,
        tokenSealed: sealed,
        connectedByStaffUserId: params.staffUserId,
        createdAt: params.now,
      })
      .returning();
    await recordAudit(tx, {
      organisationId: params.organisationId,
      actorType: 'staff',
      actorId: params.staffUserId,
      at: params.now,
      action: 'social_account.connected',
      subjectType: 'social_account',
      subjectId: account!.id,
      details: { platform: 'mastodon', handle, instance: origin },
    });
    return account!;
  });
  return { kind: 'connected', account: visible(row) };
}

export async function listAccounts(db: Db, organisationId: string): Promise<ConnectedAccount[]> {
  const rows = await db
    .select()
    .from(socialAccounts)
    .where(eq(socialAccounts.organisationId, organisationId))
    .orderBy(asc(socialAccounts.createdAt));
  return rows.map(visible);
}

/** Revokes an account: its token is deleted at once; answers still waiting for it fail. */
export async function revokeAccount(
  db: Db,
  params: { organisationId: string; staffUserId: string; accountId: string; now: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(socialAccounts)
      .set({ tokenSealed: null, revokedAt: params.now })
      .where(
        and(
          eq(socialAccounts.id, params.accountId),
          eq(socialAccounts.organisationId, params.organisationId),
          isNull(socialAccounts.revokedAt),
        ),
      )
      .returning();
    if (!row) return false;
    await recordAudit(tx, {
      organisationId: params.organisationId,
      actorType: 'staff',
      actorId: params.staffUserId,
      at: params.now,
      action: 'social_account.revoked',
      subjectType: 'social_account',
      subjectId: row.id,
      details: { platform: row.platform, handle: row.handle, instance: row.instanceUrl },
    });
    return true;
  });
}

/** The active account that posts into a thread on this platform and instance. */
export async function accountForThread(
  db: Pick<Db, 'select'>,
  organisationId: string,
  platform: string,
  sourceUrl: string | null,
): Promise<typeof socialAccounts.$inferSelect | undefined> {
  if (platform !== 'mastodon' || !sourceUrl) return undefined;
  const origin = URL.parse(sourceUrl)?.origin;
  if (!origin) return undefined;
  const [row] = await db
    .select()
    .from(socialAccounts)
    .where(
      and(
        eq(socialAccounts.organisationId, organisationId),
        eq(socialAccounts.platform, 'mastodon'),
        eq(socialAccounts.instanceUrl, origin),
        isNull(socialAccounts.revokedAt),
      ),
    )
    .orderBy(asc(socialAccounts.createdAt))
    .limit(1);
  return row;
}

/** The token, for the poster only. */
export function tokenOf(row: typeof socialAccounts.$inferSelect, key: Buffer | undefined): string | undefined {
  return row.tokenSealed ? open(row.tokenSealed, key) : undefined;
}
