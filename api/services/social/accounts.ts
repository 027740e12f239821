/**
 * The registry of the municipality's connected social-media accounts: the official accounts
 * Podium may post answers as and takes mentions in for (intake.ts). Administrators connect
 * an account with its credential — Mastodon: an access token for the account on the
 * municipality's instance, got through OAuth (mastodon-oauth.ts, which also revokes it at the
 * instance on disconnecting) or pasted;
 * Bluesky: an app password, checked by logging in at the account's PDS
 * (`com.atproto.server.createSession` through `@atproto/api`) — which Podium stores sealed
 * (secret-box.ts) and from then on shows only the handle. Revoking removes the credential.
 * Credentials never appear in logs, audit details, exports or any answer of this module.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { socialAccountIntake, socialAccounts } from '../../db/schema.ts';
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
  /** PODIUM_BLUESKY_APPVIEW: where a Bluesky thread is re-read after an answer was posted into it. */
  blueskyAppView?: string | undefined;
};

/** What staff see of an account: never its token. */
export type ConnectedAccount = {
  id: string;
  platform: 'mastodon' | 'bluesky';
  instanceUrl: string;
  handle: string;
  createdAt: Date;
  revokedAt: Date | null;
  /** Set when the platform refused the credential while taking mentions in: connect it again. */
  attentionSince: Date | null;
};

/**
 * A connection that a new one of the same account replaced: its credential is deleted here,
 * and still sealed in this value, so mastodon-oauth.ts can revoke it at the instance after the
 * new one is stored. Never shown, logged or audited.
 */
export type ReplacedConnection = { id: string; tokenSealed: string | null; mastodonAppId: string | null };

export type ConnectOutcome =
  | { kind: 'connected'; account: ConnectedAccount; replaced: ReplacedConnection[] }
  | { kind: 'no_secret_key' }
  | { kind: 'bad_instance' }
  | { kind: 'token_rejected' }
  | { kind: 'unreachable' }
  /** Bluesky: what was typed is not an app password (xxxx-xxxx-xxxx-xxxx); nothing was sent. */
  | { kind: 'not_app_password' };

/** The instance's origin from what an administrator typed: `social.example.nl` or a full URL. */
export function instanceOrigin(raw: string): string | undefined {
  const trimmed = raw.trim();
  const url = URL.parse(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  return url && url.hostname ? url.origin : undefined;
}

const visible = (row: typeof socialAccounts.$inferSelect, attentionSince: Date | null = null): ConnectedAccount => ({
  id: row.id,
  platform: row.platform as 'mastodon' | 'bluesky',
  instanceUrl: row.instanceUrl,
  handle: row.handle,
  createdAt: row.createdAt,
  revokedAt: row.revokedAt,
  attentionSince: row.revokedAt ? null : attentionSince,
});

/** Connects a Mastodon account: the token is checked with the instance before it is kept. */
export async function connectMastodonAccount(
  db: Db,
  params: {
    organisationId: string;
    staffUserId: string;
    instance: string;
    token: string;
    now: Date;
    /** Set when the token came through OAuth (mastodon-oauth.ts): its application revokes it. */
    mastodonAppId?: string;
  },
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
  return storeAccount(db, {
    ...params,
    platform: 'mastodon',
    instanceUrl: origin,
    externalId: me.id as string,
    handle,
    secret: params.token,
    secretKey: settings.secretKey,
  });
}

/** An app password as Bluesky makes them; an account's own password is refused before it goes anywhere. */
export const APP_PASSWORD = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/i;

/** Bluesky's own PDS host; accounts elsewhere give their PDS's address. */
export const DEFAULT_BLUESKY_PDS = 'https://bsky.social';

/**
 * Connects a Bluesky account with an app password: Podium logs in at the PDS
 * (createSession) before it keeps anything, and keeps the DID the PDS names, so a later
 * change of handle does not break the link. The session the login made is kept sealed for
 * the intake's first poll (createSession is rate-limited per account).
 */
export async function connectBlueskyAccount(
  db: Db,
  params: {
    organisationId: string;
    staffUserId: string;
    /** The PDS's address; empty for bsky.social. */
    pds: string;
    identifier: string;
    appPassword: string;
    now: Date;
  },
  settings: PostingSettings,
): Promise<ConnectOutcome> {
  if (!settings.secretKey) return { kind: 'no_secret_key' };
  if (!APP_PASSWORD.test(params.appPassword)) return { kind: 'not_app_password' };
  const origin = instanceOrigin(params.pds.trim() || DEFAULT_BLUESKY_PDS);
  if (!origin) return { kind: 'bad_instance' };
  try {
    assertPublicSource(origin, settings.allowPrivateHosts);
  } catch {
    return { kind: 'bad_instance' };
  }
  // Loaded when used: @atproto/api takes about 0.4 s of CPU to import, paid by every process otherwise.
  const { AtpAgent } = await import('@atproto/api');
  const agent = new AtpAgent({ service: origin, fetch: settings.fetch ?? fetch });
  let session: { did: string; handle: string; accessJwt: string; refreshJwt: string };
  try {
    const result = await agent.login({ identifier: params.identifier.replace(/^@/, ''), password: params.appPassword });
    session = result.data;
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    return status === 401 || status === 400 ? { kind: 'token_rejected' } : { kind: 'unreachable' };
  }
  if (typeof session?.did !== 'string' || !session.did.startsWith('did:')) return { kind: 'unreachable' };
  return storeAccount(db, {
    ...params,
    platform: 'bluesky',
    instanceUrl: origin,
    externalId: session.did,
    handle: `@${session.handle}`,
    secret: params.appPassword,
    secretKey: settings.secretKey,
    session: JSON.stringify({ accessJwt: session.accessJwt, refreshJwt: session.refreshJwt }),
  });
}

/**
 * Keeps a checked account, sealed, with its audit entry. Connecting an account that is
 * already connected replaces the earlier connection (its credential is deleted), so one
 * account is one row that posts and polls, also after an administrator renewed a refused token.
 */
async function storeAccount(
  db: Db,
  params: {
    organisationId: string;
    staffUserId: string;
    now: Date;
    platform: 'mastodon' | 'bluesky';
    instanceUrl: string;
    externalId: string;
    handle: string;
    secret: string;
    secretKey: Buffer;
    session?: string;
    mastodonAppId?: string;
  },
): Promise<ConnectOutcome> {
  let sealed: string;
  let sealedSession: string | null = null;
  try {
    sealed = seal(params.secret, params.secretKey);
    if (params.session) sealedSession = seal(params.session, params.secretKey);
  } catch (error) {
    if (error instanceof MissingSecretKey) return { kind: 'no_secret_key' };
    throw error;
  }
  const { row, replaced } = await db.transaction(async (tx) => {
    const current = and(
      eq(socialAccounts.organisationId, params.organisationId),
      eq(socialAccounts.platform, params.platform),
      eq(socialAccounts.externalId, params.externalId),
      isNull(socialAccounts.revokedAt),
    );
    // Read before the credential is deleted: the caller revokes the old token at the instance.
    const replaced: ReplacedConnection[] = await tx
      .select({
        id: socialAccounts.id,
        tokenSealed: socialAccounts.tokenSealed,
        mastodonAppId: socialAccounts.mastodonAppId,
      })
      .from(socialAccounts)
      .where(current)
      .for('update');
    await tx.update(socialAccounts).set({ tokenSealed: null, revokedAt: params.now }).where(current);
    for (const old of replaced) await tx.delete(socialAccountIntake).where(eq(socialAccountIntake.accountId, old.id));
    const [account] = await tx
      .insert(socialAccounts)
      .values({
        organisationId: params.organisationId,
        platform: params.platform,
        instanceUrl: params.instanceUrl,
        externalId: params.externalId,
        handle: params.handle,
        tokenSealed: sealed,
        mastodonAppId: params.mastodonAppId ?? null,
        connectedByStaffUserId: params.staffUserId,
        createdAt: params.now,
      })
      .returning();
    // Polled from the moment of connecting: what arrived before is for an import, not the queue.
    await tx.insert(socialAccountIntake).values({
      accountId: account!.id,
      nextPollAt: params.now,
      sessionSealed: sealedSession,
    });
    await recordAudit(tx, {
      organisationId: params.organisationId,
      actorType: 'staff',
      actorId: params.staffUserId,
      at: params.now,
      action: 'social_account.connected',
      subjectType: 'social_account',
      subjectId: account!.id,
      details: {
        platform: params.platform,
        handle: params.handle,
        instance: params.instanceUrl,
        ...(params.mastodonAppId ? { through: 'oauth' } : {}),
        ...(replaced.length > 0 ? { replaces: replaced.map((r) => r.id) } : {}),
      },
    });
    return { row: account!, replaced };
  });
  return { kind: 'connected', account: visible(row), replaced };
}

export async function listAccounts(db: Db, organisationId: string): Promise<ConnectedAccount[]> {
  const rows = await db
    .select({ account: socialAccounts, attentionSince: socialAccountIntake.attentionSince })
    .from(socialAccounts)
    .leftJoin(socialAccountIntake, eq(socialAccountIntake.accountId, socialAccounts.id))
    .where(eq(socialAccounts.organisationId, organisationId))
    .orderBy(asc(socialAccounts.createdAt));
  return rows.map((r) => visible(r.account, r.attentionSince));
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
    // The Bluesky session goes with the app password; nothing is polled for it any more.
    await tx.delete(socialAccountIntake).where(eq(socialAccountIntake.accountId, row.id));
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

/**
 * The active account that posts into a thread: on Mastodon the account on the thread's own
 * instance (a status id means something only there); on Bluesky, one network, the
 * organisation's connected Bluesky account, whatever its PDS.
 */
export async function accountForThread(
  db: Pick<Db, 'select'>,
  organisationId: string,
  platform: string,
  sourceUrl: string | null,
): Promise<typeof socialAccounts.$inferSelect | undefined> {
  let instance: string | undefined;
  if (platform === 'mastodon') {
    instance = sourceUrl ? URL.parse(sourceUrl)?.origin : undefined;
    if (!instance) return undefined;
  } else if (platform !== 'bluesky') {
    return undefined;
  }
  const [row] = await db
    .select()
    .from(socialAccounts)
    .where(
      and(
        eq(socialAccounts.organisationId, organisationId),
        eq(socialAccounts.platform, platform as 'mastodon' | 'bluesky'),
        instance ? eq(socialAccounts.instanceUrl, instance) : undefined,
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
