/**
 * Connecting the municipality's Mastodon account through OAuth, as Mastodon documents it
 * (docs.joinmastodon.org/spec/oauth, /methods/apps, /methods/oauth):
 *
 * 1. `beginMastodonAuthorization`: Podium's application on the instance is registered once
 *    (POST /api/v1/apps with our callback as redirect URI and the narrowest scopes the intake,
 *    the poster and announcements need) and reused after; its client id and secret are sealed
 *    like tokens. A `state` and a PKCE verifier (S256; Mastodon 4.3+ checks it, older instances
 *    ignore it) are kept for ten minutes, bound to the staff session that started.
 * 2. The administrator gives consent on the instance, which sends the browser back to
 *    `MASTODON_CALLBACK_PATH` with `code` and `state`, or with `error` when they declined.
 * 3. `completeMastodonAuthorization`: the state is accepted once, in that session only; the code
 *    is exchanged at /oauth/token and the token goes through the same check and sealed storage as
 *    a pasted one (accounts.ts: verify_credentials), remembering the application. Every refusal
 *    on the way back (declined, unknown, expired or reused state, another session's state, a
 *    failing exchange) is audited as `social_account.connect_refused`, with its reason only.
 *    Reconnecting an account replaces its token: once the new one is stored, the old one is
 *    revoked at the instance (`revokeReplacedTokens`); when that fails the new connection stays,
 *    and the failure is audited and said on the page.
 * 4. `disconnectAccount`: the token is deleted here first, then revoked at /oauth/revoke.
 *
 * Every request goes to the instance through the SSRF guard (public https only, unless
 * PODIUM_IMPORT_ALLOW_PRIVATE) and the pinned safe fetch. No token, code, verifier or client
 * secret is logged, audited or returned.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { Db } from '../../db/client.ts';
import { mastodonApps, mastodonAuthorizations, socialAccounts } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import {
  connectMastodonAccount,
  instanceOrigin,
  revokeAccount,
  tokenOf,
  type ConnectedAccount,
  type PostingSettings,
  type ReplacedConnection,
} from './accounts.ts';
import { assertPublicSource } from './polite-fetch.ts';
import { createSafeFetch } from './safe-fetch.ts';
import { open, seal } from './secret-box.ts';

/**
 * What Podium does with the account: read who it is (verify_credentials), its notifications
 * (the intake) and statuses (threads, the tag timeline for listening), and post statuses with
 * media (answers and announcements). Nothing else: no follows, no blocks, no account settings.
 */
export const MASTODON_SCOPES = 'read:accounts read:notifications read:statuses write:statuses write:media';

/** The one redirect URI registered at every instance, for both languages (the language travels with the state). */
export const MASTODON_CALLBACK_PATH = '/beheer/sociale-accounts/mastodon/terug';
export const AUTHORIZATION_TTL_MS = 10 * 60 * 1000;
const TIMEOUT_MS = 10_000;

export type OAuthSettings = PostingSettings & {
  /** Podium's public address (PODIUM_PUBLIC_URL), on which the redirect URI is built. */
  publicUrl: string;
};

export const mastodonRedirectUri = (publicUrl: string) => `${publicUrl.replace(/\/$/, '')}${MASTODON_CALLBACK_PATH}`;

export type BeginOutcome =
  | { kind: 'authorize'; url: string; instanceUrl: string }
  | { kind: 'no_secret_key' }
  | { kind: 'bad_instance' }
  /** The instance did not answer, or not as Mastodon does. */
  | { kind: 'unreachable' }
  /** The instance answered /api/v1/apps with a refusal (registrations closed, rate limit). */
  | { kind: 'registration_refused' };

/** Why a connection through OAuth was refused on the way back; each has its sentence on the accounts page. */
export type CallbackRefusal =
  /** No authorization under way with this state (none, unknown or already used), or it took longer than ten minutes. */
  | 'expired'
  /** The state belongs to an authorization another staff session started; it is used up all the same. */
  | 'other_session'
  /** The administrator declined on the instance. */
  | 'denied'
  /** The instance sent another error back, or no code. */
  | 'provider_error'
  /** The instance refused to exchange the code for a token. */
  | 'token_error'
  /** The token the instance gave does not open the account (verify_credentials). */
  | 'token_rejected'
  | 'unreachable'
  | 'no_secret_key';

export const CALLBACK_REFUSALS: readonly CallbackRefusal[] = [
  'expired',
  'other_session',
  'denied',
  'provider_error',
  'token_error',
  'token_rejected',
  'unreachable',
  'no_secret_key',
];

/**
 * What became of the token a reconnection replaced: `none` when nothing was replaced or Podium
 * holds no client to revoke it with (a pasted token), `revoked` when the instance confirmed,
 * `failed` when it could not (audited; the administrator revokes it there).
 */
export type ReplacedRevocation = 'none' | 'revoked' | 'failed';

export type CompleteOutcome =
  | { kind: 'connected'; account: ConnectedAccount; replacedToken: ReplacedRevocation }
  | { kind: 'refused'; reason: CallbackRefusal; instanceUrl?: string };

const hash = (value: string) => createHash('sha256').update(value).digest('base64url');

/** A POST to the instance, as JSON or as a form, through the SSRF-safe fetch; redirects are refused. */
function postTo(settings: PostingSettings, url: string, body: URLSearchParams | Record<string, string>) {
  const form = body instanceof URLSearchParams;
  const http = settings.fetch ?? createSafeFetch({ allowPrivate: settings.allowPrivateHosts });
  return http(url, {
    method: 'POST',
    headers: {
      'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      Accept: 'application/json',
    },
    body: form ? body.toString() : JSON.stringify(body),
    redirect: 'error',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

/** The instance's origin when Podium may reach it, else undefined (malformed, or private without the setting). */
function reachableOrigin(raw: string, allowPrivateHosts: boolean): string | undefined {
  const origin = instanceOrigin(raw);
  if (!origin) return undefined;
  try {
    assertPublicSource(origin, allowPrivateHosts);
    return origin;
  } catch {
    return undefined;
  }
}

type Credentials = { clientId: string; clientSecret: string };
type App = { id: string; instanceUrl: string; credentials: Credentials };

const appOf = (row: typeof mastodonApps.$inferSelect, key: Buffer): App => ({
  id: row.id,
  instanceUrl: row.instanceUrl,
  credentials: JSON.parse(open(row.credentialsSealed, key)) as Credentials,
});

/** Podium's application on the instance: the one registered before, or a new registration. */
async function applicationAt(
  db: Db,
  params: { organisationId: string; origin: string; redirectUri: string; now: Date },
  settings: OAuthSettings & { secretKey: Buffer },
): Promise<App | 'unreachable' | 'registration_refused'> {
  const where = and(
    eq(mastodonApps.organisationId, params.organisationId),
    eq(mastodonApps.instanceUrl, params.origin),
    eq(mastodonApps.redirectUri, params.redirectUri),
    eq(mastodonApps.scopes, MASTODON_SCOPES),
  );
  const [known] = await db.select().from(mastodonApps).where(where);
  if (known) {
    try {
      return appOf(known, settings.secretKey);
    } catch {
      // Sealed under another key (PODIUM_SECRET_KEY was changed): useless, so registered anew.
      await db.delete(mastodonApps).where(eq(mastodonApps.id, known.id));
    }
  }
  let registered: { client_id?: unknown; client_secret?: unknown };
  try {
    const response = await postTo(settings, `${params.origin}/api/v1/apps`, {
      client_name: 'Podium',
      redirect_uris: params.redirectUri,
      scopes: MASTODON_SCOPES,
      website: new URL(settings.publicUrl).origin,
    });
    if (response.status >= 400 && response.status < 500) return 'registration_refused';
    if (!response.ok) return 'unreachable';
    registered = (await response.json()) as typeof registered;
  } catch {
    return 'unreachable';
  }
  if (typeof registered.client_id !== 'string' || typeof registered.client_secret !== 'string') return 'unreachable';
  const credentials = { clientId: registered.client_id, clientSecret: registered.client_secret };
  // Two administrators registering at once: the first row wins and the other registration is unused.
  await db
    .insert(mastodonApps)
    .values({
      organisationId: params.organisationId,
      instanceUrl: params.origin,
      redirectUri: params.redirectUri,
      scopes: MASTODON_SCOPES,
      credentialsSealed: seal(JSON.stringify(credentials), settings.secretKey),
      createdAt: params.now,
    })
    .onConflictDoNothing();
  const [row] = await db.select().from(mastodonApps).where(where);
  return appOf(row!, settings.secretKey);
}

/**
 * Starts connecting an account on `instance`: the address to send the administrator's browser
 * to (the instance's /oauth/authorize), bound to their staff session.
 *
 * @example
 * const begun = await beginMastodonAuthorization(db, { organisationId, staffSessionId: session.id, instance: 'social.gemeente.nl', lang: 'nl', now }, settings)
 * if (begun.kind === 'authorize') return c.html(renderAuthorizePage({ url: begun.url }))
 */
export async function beginMastodonAuthorization(
  db: Db,
  params: { organisationId: string; staffSessionId: string; instance: string; lang: Locale; now: Date },
  settings: OAuthSettings,
): Promise<BeginOutcome> {
  const { secretKey } = settings;
  // Refused before anything is registered: the client secret would have nowhere safe to stay.
  if (!secretKey) return { kind: 'no_secret_key' };
  const origin = reachableOrigin(params.instance, settings.allowPrivateHosts);
  if (!origin) return { kind: 'bad_instance' };
  const redirectUri = mastodonRedirectUri(settings.publicUrl);
  const app = await applicationAt(
    db,
    { organisationId: params.organisationId, origin, redirectUri, now: params.now },
    { ...settings, secretKey },
  );
  if (typeof app === 'string') return { kind: app };
  const state = randomBytes(32).toString('base64url');
  const verifier = randomBytes(32).toString('base64url');
  // Unfinished authorizations go as new ones start, so the table stays small without a job.
  await db.delete(mastodonAuthorizations).where(lt(mastodonAuthorizations.expiresAt, params.now));
  await db.insert(mastodonAuthorizations).values({
    id: hash(state),
    appId: app.id,
    staffSessionId: params.staffSessionId,
    codeVerifierSealed: seal(verifier, secretKey),
    lang: params.lang,
    createdAt: params.now,
    expiresAt: new Date(params.now.getTime() + AUTHORIZATION_TTL_MS),
  });
  const url = new URL('/oauth/authorize', origin);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: app.credentials.clientId,
    redirect_uri: redirectUri,
    scope: MASTODON_SCOPES,
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    lang: params.lang,
  }).toString();
  return { kind: 'authorize', url: url.href, instanceUrl: origin };
}

/** The language an authorization was started in, so its answer is shown in it; undefined for an unknown state. */
export async function authorizationLanguage(db: Db, state: string | undefined): Promise<Locale | undefined> {
  if (!state) return undefined;
  const [row] = await db
    .select({ lang: mastodonAuthorizations.lang })
    .from(mastodonAuthorizations)
    .where(eq(mastodonAuthorizations.id, hash(state)));
  return row?.lang;
}

/**
 * Finishes connecting from the instance's answer (the callback's query), in the staff session
 * that started: the state is used up whatever happens next.
 */
export async function completeMastodonAuthorization(
  db: Db,
  params: {
    organisationId: string;
    staffUserId: string;
    staffSessionId: string;
    query: { state?: string | undefined; code?: string | undefined; error?: string | undefined };
    now: Date;
  },
  settings: OAuthSettings,
): Promise<CompleteOutcome> {
  /**
   * Audited with the reason and the instance only: never the code, state, verifier or token.
   * `state` tells an unknown (or used) state from a missing or late one; `error` is the
   * instance's OAuth error code, a short word (RFC 6749 §4.1.2.1), cut short all the same.
   */
  const refuse = async (
    reason: CallbackRefusal,
    instanceUrl?: string,
    extra: { state?: 'missing' | 'unknown' | 'late'; error?: string } = {},
  ): Promise<CompleteOutcome> => {
    await recordAudit(db, {
      organisationId: params.organisationId,
      actorType: 'staff',
      actorId: params.staffUserId,
      at: params.now,
      action: 'social_account.connect_refused',
      subjectType: 'social_account',
      subjectId: null,
      details: { platform: 'mastodon', reason, ...(instanceUrl ? { instance: instanceUrl } : {}), ...extra },
    });
    return { kind: 'refused', reason, ...(instanceUrl ? { instanceUrl } : {}) };
  };
  const { secretKey } = settings;
  if (!params.query.state) return refuse('expired', undefined, { state: 'missing' });
  const [attempt] = await db
    .delete(mastodonAuthorizations)
    .where(eq(mastodonAuthorizations.id, hash(params.query.state)))
    .returning();
  const [appRow] = attempt ? await db.select().from(mastodonApps).where(eq(mastodonApps.id, attempt.appId)) : [];
  if (!attempt || !appRow || appRow.organisationId !== params.organisationId) {
    return refuse('expired', undefined, { state: 'unknown' });
  }
  const origin = appRow.instanceUrl;
  // Another session's state is used up above all the same: whoever holds it cannot try it again.
  if (attempt.staffSessionId !== params.staffSessionId) return refuse('other_session', origin);
  if (attempt.expiresAt <= params.now) return refuse('expired', origin, { state: 'late' });
  if (params.query.error) {
    const error = params.query.error.replace(/[^a-z_]/g, '').slice(0, 40);
    return refuse(error === 'access_denied' ? 'denied' : 'provider_error', origin, { error });
  }
  if (!params.query.code) return refuse('provider_error', origin);
  if (!secretKey) return refuse('no_secret_key', origin);
  // The instance is checked again: the setting may have changed in the ten minutes.
  if (!reachableOrigin(origin, settings.allowPrivateHosts)) return refuse('unreachable', origin);
  const app = appOf(appRow, secretKey);

  let token: string;
  try {
    const response = await postTo(
      settings,
      `${origin}/oauth/token`,
      new URLSearchParams({
        grant_type: 'authorization_code',
        code: params.query.code,
        client_id: app.credentials.clientId,
        client_secret: app.credentials.clientSecret,
        redirect_uri: appRow.redirectUri,
        code_verifier: open(attempt.codeVerifierSealed, secretKey),
        scope: MASTODON_SCOPES,
      }),
    );
    const answer = (await response.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown };
    if (answer.error === 'invalid_client') {
      // The instance no longer knows our application (deleted there): the next attempt registers anew.
      await db.delete(mastodonApps).where(eq(mastodonApps.id, app.id));
    }
    if (response.status >= 400 && response.status < 500) return refuse('token_error', origin);
    if (!response.ok || typeof answer.access_token !== 'string' || !answer.access_token) {
      return refuse('unreachable', origin);
    }
    token = answer.access_token;
  } catch {
    return refuse('unreachable', origin);
  }

  const outcome = await connectMastodonAccount(
    db,
    {
      organisationId: params.organisationId,
      staffUserId: params.staffUserId,
      instance: origin,
      token,
      now: params.now,
      mastodonAppId: app.id,
    },
    settings,
  );
  if (outcome.kind === 'connected') {
    const replacedToken = await revokeReplacedTokens(
      db,
      {
        organisationId: params.organisationId,
        staffUserId: params.staffUserId,
        account: outcome.account,
        replaced: outcome.replaced,
        newToken: token,
        now: params.now,
      },
      settings,
    );
    return { kind: 'connected', account: outcome.account, replacedToken };
  }
  // A token Podium does not keep should not stay valid at the instance either.
  await revokeAtInstance(origin, app.credentials, token, settings);
  const reason: CallbackRefusal =
    outcome.kind === 'token_rejected' || outcome.kind === 'no_secret_key' ? outcome.kind : 'unreachable';
  return refuse(reason, origin);
}

/**
 * Revokes at the instance the tokens a new connection of the same account replaced (they are
 * deleted here already, in the transaction that stored the new one). Runs after the new
 * connection is stored, so a failing revoke never costs it; a failure is audited, and the
 * caller says it on the page. A pasted token (no application) is not Podium's to revoke, and a
 * token the instance gave again (the same string) stays, as it is the new connection's.
 *
 * @example
 * const replacedToken = await revokeReplacedTokens(db, { organisationId, staffUserId, account, replaced, newToken, now }, settings)
 */
export async function revokeReplacedTokens(
  db: Db,
  params: {
    organisationId: string;
    staffUserId: string;
    account: ConnectedAccount;
    replaced: ReplacedConnection[];
    newToken: string;
    now: Date;
  },
  settings: PostingSettings,
): Promise<ReplacedRevocation> {
  let result: ReplacedRevocation = 'none';
  const key = settings.secretKey;
  for (const old of params.replaced) {
    if (!old.tokenSealed || !old.mastodonAppId || !key) continue;
    const [appRow] = await db.select().from(mastodonApps).where(eq(mastodonApps.id, old.mastodonAppId));
    let done = false;
    try {
      const token = open(old.tokenSealed, key);
      if (token === params.newToken) continue;
      if (appRow && reachableOrigin(appRow.instanceUrl, settings.allowPrivateHosts)) {
        done = await revokeAtInstance(appRow.instanceUrl, appOf(appRow, key).credentials, token, settings);
      }
    } catch {
      // Sealed under another key: Podium cannot read it to revoke it, which is a failure to say.
      done = false;
    }
    if (done) {
      if (result === 'none') result = 'revoked';
      continue;
    }
    result = 'failed';
    await recordAudit(db, {
      organisationId: params.organisationId,
      actorType: 'staff',
      actorId: params.staffUserId,
      at: params.now,
      action: 'social_account.replaced_token_not_revoked',
      subjectType: 'social_account',
      subjectId: params.account.id,
      details: {
        platform: params.account.platform,
        handle: params.account.handle,
        instance: appRow?.instanceUrl ?? params.account.instanceUrl,
        replaced: old.id,
      },
    });
  }
  return result;
}

/** POST /oauth/revoke; true when the instance confirmed (Mastodon answers 200 also for an unknown token). */
async function revokeAtInstance(
  origin: string,
  credentials: Credentials,
  token: string,
  settings: PostingSettings,
): Promise<boolean> {
  try {
    const response = await postTo(
      settings,
      `${origin}/oauth/revoke`,
      new URLSearchParams({ client_id: credentials.clientId, client_secret: credentials.clientSecret, token }),
    );
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

export type DisconnectOutcome =
  | { kind: 'not_found' }
  /**
   * Revoked here (token deleted, audited). `atInstance`: `revoked` when the instance confirmed,
   * `failed` when it could not be reached or refused (the administrator revokes it there),
   * `not_applicable` for a pasted token or a Bluesky app password (Podium holds no client for it).
   */
  | { kind: 'revoked'; atInstance: 'revoked' | 'failed' | 'not_applicable' };

/**
 * Disconnects an account: its token is deleted here at once (accounts.ts `revokeAccount`), then,
 * for a token Podium got through OAuth, revoked at the instance.
 */
export async function disconnectAccount(
  db: Db,
  params: { organisationId: string; staffUserId: string; accountId: string; now: Date },
  settings: PostingSettings,
): Promise<DisconnectOutcome> {
  const [row] = await db
    .select({ account: socialAccounts, app: mastodonApps })
    .from(socialAccounts)
    .leftJoin(mastodonApps, eq(mastodonApps.id, socialAccounts.mastodonAppId))
    .where(and(eq(socialAccounts.id, params.accountId), eq(socialAccounts.organisationId, params.organisationId)));
  if (!(await revokeAccount(db, params))) return { kind: 'not_found' };
  if (!row?.app || !settings.secretKey) return { kind: 'revoked', atInstance: 'not_applicable' };
  let token: string | undefined;
  let credentials: Credentials;
  try {
    token = tokenOf(row.account, settings.secretKey);
    credentials = appOf(row.app, settings.secretKey).credentials;
  } catch {
    return { kind: 'revoked', atInstance: 'failed' };
  }
  if (!token) return { kind: 'revoked', atInstance: 'not_applicable' };
  if (!reachableOrigin(row.app.instanceUrl, settings.allowPrivateHosts))
    return { kind: 'revoked', atInstance: 'failed' };
  const done = await revokeAtInstance(row.app.instanceUrl, credentials, token, settings);
  return { kind: 'revoked', atInstance: done ? 'revoked' : 'failed' };
}
