/**
 * Signing in through the municipality's identity provider (OpenID Connect: Entra ID, Keycloak,
 * ADFS and the like), with `openid-client`, a certified relying party.
 *
 * - Authorization code flow with PKCE (S256), `state` and `nonce`. They stay in the database
 *   (`oidc_sign_ins`), keyed by the SHA-256 of a random value that only the browser that started
 *   has, in a ten-minute cookie: an answer is accepted once, in that browser (no log-in CSRF).
 * - Discovery happens on first use, not at start: Podium starts while the provider is down, and
 *   the log-in page says so. A failed discovery is retried after `RETRY_MS`.
 * - Plain http only for a loopback issuer (a test provider on this machine), never otherwise.
 * - Roles come from one claim (`PODIUM_OIDC_ROLES_CLAIM`, e.g. `groups`) through the
 *   organisation's mapping table (./sso-mappings.ts). The provider decides: every sign-in sets the
 *   roles the mapping gives, and no mapped role means no entry (nothing is created).
 * - A person is known by issuer and subject. The first time, an existing account with the same
 *   e-mail address is taken over only when the provider vouches for the address
 *   (`email_verified: true`); otherwise the sign-in is refused, because an address the provider
 *   did not check would let anyone who can name themselves so at the provider into that account.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import * as client from 'openid-client';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { isEmailAddress } from '../../../shared/contracts/email.ts';
import type { Db } from '../../db/client.ts';
import { oidcSignIns, organisations, staffRoles, staffSessions, staffUsers } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { rememberAddress } from './login-throttle.ts';
import type { RoleGrant } from './roles.ts';
import { hashToken, startSession, type NewSession, type SessionPolicy } from './sessions.ts';
import { rolesForClaims } from './sso-mappings.ts';
import { normalizeEmail, type StaffUser } from './users.ts';

/** What the environment says about the provider (api/config.ts). */
export type OidcSettings = {
  issuer: string;
  clientId: string;
  /** Unset for a public client (PKCE only). */
  clientSecret: string | undefined;
  /** The provider's name on the log-in button, e.g. "Demodam-account"; unset: a general phrase. */
  name: string | undefined;
  /** The claim whose values the mapping table maps; a dotted path reaches into objects (`realm_access.roles`). */
  rolesClaim: string;
  scopes: string;
  /** The organisation new accounts belong to (slug); unset: the only one. */
  organisation: string | undefined;
  /** Podium's public address: the redirect URI and the address after logging out are built on it. */
  publicUrl: string;
};

/** Where a sign-in starts (a link on the log-in page), per language. */
export const oidcStartPath = (lang: Locale) =>
  lang === 'en' ? '/en/manage/login/organisation' : '/beheer/inloggen/organisatie';
export const OIDC_START_PATHS = [oidcStartPath('nl'), oidcStartPath('en')];
/** The one redirect URI registered at the provider, for both languages (the language travels with the sign-in). */
export const OIDC_CALLBACK_PATH = '/beheer/inloggen/organisatie/terug';
/** The cookie that binds an answer to the browser that started the sign-in. */
export const OIDC_COOKIE = 'podium_oidc';
export const OIDC_SIGN_IN_TTL_MS = 10 * 60 * 1000;
const RETRY_MS = 15_000;
const TIMEOUT_S = 10;

export const redirectUri = (settings: Pick<OidcSettings, 'publicUrl'>) => `${settings.publicUrl}${OIDC_CALLBACK_PATH}`;

/** Loopback issuers may use plain http: a provider in a test or on the developer's machine. */
export function isLoopbackHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname.toLowerCase());
}

/** The provider, discovered lazily; one per process. */
export type OidcProvider = {
  settings: OidcSettings;
  /** The discovered configuration, or undefined while the provider cannot be reached. */
  configuration(): Promise<client.Configuration | undefined>;
  /** Whether the last discovery failed (without trying again): the log-in page warns then. */
  lastAttemptFailed(): boolean;
  /**
   * Where logging out may send a form's browser: the issuer's origin and, once discovered, the
   * end-session endpoint's (the staff pages' `form-action`).
   */
  formActionOrigins(): string[];
};

/**
 * @example
 * const provider = createOidcProvider(config.oidc)
 * const configuration = await provider.configuration() // undefined while it is down
 */
export function createOidcProvider(
  settings: OidcSettings,
  options: { now?: () => number; log?: (line: string) => void } = {},
): OidcProvider {
  const now = options.now ?? Date.now;
  let ready: client.Configuration | undefined;
  let inFlight: Promise<client.Configuration | undefined> | undefined;
  let failedAt: number | undefined;
  const discover = async () => {
    const issuer = new URL(settings.issuer);
    try {
      const configuration = await client.discovery(
        issuer,
        settings.clientId,
        { redirect_uris: [redirectUri(settings)], response_types: ['code'] },
        settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(),
        { timeout: TIMEOUT_S, ...(isLoopbackHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {}) },
      );
      ready = configuration;
      failedAt = undefined;
      return configuration;
    } catch (error) {
      failedAt = now();
      options.log?.(`The identity provider ${issuer.origin} cannot be reached: ${(error as Error).message}`);
      return undefined;
    } finally {
      inFlight = undefined;
    }
  };
  return {
    settings,
    configuration: async () => {
      if (ready) return ready;
      if (failedAt !== undefined && now() - failedAt < RETRY_MS) return undefined;
      inFlight ??= discover();
      return inFlight;
    },
    lastAttemptFailed: () => !ready && failedAt !== undefined,
    formActionOrigins: () => {
      const endSession = ready?.serverMetadata().end_session_endpoint;
      return [...new Set([new URL(settings.issuer).origin, ...(endSession ? [new URL(endSession).origin] : [])])];
    },
  };
}

export type BeginResult = { kind: 'redirect'; url: string; cookie: string } | { kind: 'unavailable' };

/** Starts a sign-in: the address to send the browser to, and the cookie value that binds the answer to it. */
export async function beginSignIn(
  db: Db,
  provider: OidcProvider,
  input: { lang: Locale; next: string | undefined; now: Date },
): Promise<BeginResult> {
  const configuration = await provider.configuration();
  if (!configuration) return { kind: 'unavailable' };
  const cookie = randomBytes(32).toString('base64url');
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  // Unfinished sign-ins go as new ones start, so the table stays small without a job.
  await db.delete(oidcSignIns).where(lt(oidcSignIns.expiresAt, input.now));
  await db.insert(oidcSignIns).values({
    id: hashToken(cookie),
    state,
    nonce,
    codeVerifier,
    lang: input.lang,
    next: input.next ?? null,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + OIDC_SIGN_IN_TTL_MS),
  });
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(provider.settings),
    scope: provider.settings.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ui_locales: input.lang,
  });
  return { kind: 'redirect', url: url.href, cookie };
}

/** Why a sign-in through the provider was refused; each has its own sentence on the log-in page. */
export type RefusalReason =
  /** No sign-in under way in this browser, or it took too long, or the state does not match. */
  | 'expired'
  /** The provider answered with an error (e.g. the person cancelled), or its answer did not check out. */
  | 'provider_error'
  | 'unavailable'
  /** The mapping gives none of the person's groups a role. */
  | 'no_role'
  | 'disabled'
  /** A Podium account has this address, and the provider does not vouch for it. */
  | 'unverified_email'
  /** The address belongs to an account linked to another person at the provider. */
  | 'email_in_use'
  /** The provider gave no usable e-mail address, needed for a new account. */
  | 'no_email'
  | 'no_organisation';

export type CompleteResult =
  | { kind: 'ok'; lang: Locale; next: string | undefined; session: NewSession; staffUserId: string }
  | { kind: 'refused'; lang: Locale; reason: RefusalReason };

const SSO_REFUSED = 'staff.login_sso_refused';

/**
 * Finishes a sign-in from the provider's answer (the callback address with its query), for the
 * browser whose cookie value is `cookie`: checks state, PKCE and nonce (openid-client), reads the
 * claims, and finds, links or creates the account with the roles the mapping gives.
 */
export async function completeSignIn(
  db: Db,
  provider: OidcProvider,
  input: {
    cookie: string | undefined;
    /** The query string of the callback request, with its leading `?`. */
    search: string;
    address: string;
    now: Date;
    policy?: SessionPolicy;
  },
): Promise<CompleteResult> {
  const { now } = input;
  const [attempt] = input.cookie
    ? await db
        .delete(oidcSignIns)
        .where(eq(oidcSignIns.id, hashToken(input.cookie)))
        .returning()
    : [];
  const lang: Locale = attempt?.lang ?? 'nl';
  const organisationId = await organisationFor(db, provider.settings);
  const refuse = async (reason: RefusalReason, staffUserId?: string): Promise<CompleteResult> => {
    if (organisationId) {
      await recordAudit(db, {
        organisationId,
        at: now,
        actorType: 'system',
        action: SSO_REFUSED,
        ...(staffUserId
          ? { subjectType: 'staff_user', subjectId: staffUserId }
          : { subjectType: 'organisation', subjectId: organisationId }),
        details: { reason },
      });
    }
    return { kind: 'refused', lang, reason };
  };
  if (!attempt || attempt.expiresAt <= now) return refuse('expired');
  const callback = new URL(`${redirectUri(provider.settings)}${input.search}`);
  if (callback.searchParams.get('state') !== attempt.state) return refuse('expired');
  if (!organisationId) return refuse('no_organisation');
  const configuration = await provider.configuration();
  if (!configuration) return refuse('unavailable');

  let claims: Record<string, unknown>;
  try {
    const tokens = await client.authorizationCodeGrant(configuration, callback, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    // Many providers (and OpenID Connect's default for the code flow) give profile claims only
    // at the userinfo endpoint; what the signed ID token says wins.
    const userinfo = configuration.serverMetadata().userinfo_endpoint
      ? await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)
      : {};
    claims = { ...userinfo, ...idClaims };
  } catch {
    return refuse('provider_error');
  }
  const issuer = String(claims['iss']);
  const subject = String(claims['sub']);
  const grants = await rolesForClaims(db, organisationId, claimValues(claims, provider.settings.rolesClaim));

  const found = await findPerson(db, { issuer, subject, claims });
  if (found.kind === 'refused') return refuse(found.reason, found.staffUserId);
  if (found.user?.disabledAt) return refuse('disabled', found.user.id);
  if (grants.length === 0) return refuse('no_role', found.user?.id);

  let user: Pick<StaffUser, 'id' | 'organisationId'>;
  if (found.user) {
    user = found.user;
    await db.transaction(async (tx) => {
      if (found.link) {
        await tx
          .update(staffUsers)
          .set({ oidcIssuer: issuer, oidcSubject: subject, version: sql`${staffUsers.version} + 1` })
          .where(eq(staffUsers.id, user.id));
        await recordAudit(tx, {
          organisationId: user.organisationId,
          at: now,
          actorType: 'system',
          action: 'staff.sso_linked',
          subjectType: 'staff_user',
          subjectId: user.id,
        });
      }
      await syncRoles(tx, user, grants, now);
    });
  } else {
    const email = emailOf(claims);
    if (!email) return refuse('no_email');
    const created = await createAccount(db, {
      organisationId,
      email,
      displayName: nameOf(claims, email),
      issuer,
      subject,
      grants,
      now,
    });
    if (!created) return refuse('email_in_use');
    user = created;
  }

  const session = await startSession(db, user, now, input.policy);
  await db
    .update(staffSessions)
    .set({ viaOidc: true })
    .where(eq(staffSessions.id, hashToken(session.token)));
  // The colleagues page shows the last sign-in from these rows, as for a password log-in.
  await rememberAddress(db, user.id, input.address, now);
  await recordAudit(db, {
    organisationId: user.organisationId,
    at: now,
    actorType: 'staff',
    actorId: user.id,
    action: 'staff.login_sso',
    subjectType: 'staff_user',
    subjectId: user.id,
  });
  return { kind: 'ok', lang, next: attempt.next ?? undefined, session, staffUserId: user.id };
}

/**
 * Where the browser goes after Podium ended a session that started at the provider: the
 * provider's end-session endpoint (RP-initiated logout), which then sends it back to the
 * log-in page. Undefined for a password session or a provider without that endpoint.
 */
export async function providerLogoutUrl(
  db: Db,
  provider: OidcProvider | undefined,
  sessionId: string,
  lang: Locale,
): Promise<string | undefined> {
  if (!provider) return undefined;
  const [row] = await db
    .select({ viaOidc: staffSessions.viaOidc })
    .from(staffSessions)
    .where(eq(staffSessions.id, sessionId))
    .limit(1);
  if (!row?.viaOidc) return undefined;
  const configuration = await provider.configuration();
  if (!configuration?.serverMetadata().end_session_endpoint) return undefined;
  const back = `${provider.settings.publicUrl}${lang === 'en' ? '/en/manage/login' : '/beheer/inloggen'}?uitgelogd`;
  // No id_token_hint: Podium keeps no tokens; client_id names us, as RP-Initiated Logout 1.0 allows.
  return client.buildEndSessionUrl(configuration, {
    client_id: provider.settings.clientId,
    post_logout_redirect_uri: back,
    ui_locales: lang,
  }).href;
}

/** The values of the roles claim: a list, one string, or nothing; a dotted path reaches into objects. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = Object.hasOwn(claims, path) ? claims[path] : undefined;
  if (value === undefined && path.includes('.')) {
    value = claims;
    for (const part of path.split('.')) {
      value =
        value && typeof value === 'object' && Object.hasOwn(value, part)
          ? (value as Record<string, unknown>)[part]
          : undefined;
    }
  }
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function emailOf(claims: Record<string, unknown>): string | undefined {
  for (const key of ['email', 'preferred_username', 'upn']) {
    const value = claims[key];
    if (typeof value === 'string' && isEmailAddress(normalizeEmail(value))) return normalizeEmail(value);
  }
  return undefined;
}

function nameOf(claims: Record<string, unknown>, email: string): string {
  const text = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string).trim() : '');
  const name = text('name') || [text('given_name'), text('family_name')].filter(Boolean).join(' ');
  return (name || email.split('@')[0]!).slice(0, 200);
}

/** The provider vouches for the address only with `email_verified: true` (some send the string). */
const emailVerified = (claims: Record<string, unknown>) =>
  claims['email_verified'] === true || claims['email_verified'] === 'true';

type Found =
  | { kind: 'found'; user: StaffUser | undefined; link: boolean }
  | { kind: 'refused'; reason: RefusalReason; staffUserId: string };

async function findPerson(
  db: Db,
  person: { issuer: string; subject: string; claims: Record<string, unknown> },
): Promise<Found> {
  const [known] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.oidcIssuer, person.issuer), eq(staffUsers.oidcSubject, person.subject)))
    .limit(1);
  if (known) return { kind: 'found', user: known, link: false };
  const email = typeof person.claims['email'] === 'string' ? normalizeEmail(person.claims['email']) : undefined;
  if (!email) return { kind: 'found', user: undefined, link: false };
  const [same] = await db.select().from(staffUsers).where(eq(staffUsers.email, email)).limit(1);
  if (!same) return { kind: 'found', user: undefined, link: false };
  if (same.oidcSubject) return { kind: 'refused', reason: 'email_in_use', staffUserId: same.id };
  if (!emailVerified(person.claims)) return { kind: 'refused', reason: 'unverified_email', staffUserId: same.id };
  return { kind: 'found', user: same, link: true };
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const grantKey = (g: RoleGrant) => `${g.role}:${g.departmentId ?? ''}`;

/** Sets the roles the mapping gives, when they differ; audited as a change by Podium. */
async function syncRoles(tx: Tx, user: Pick<StaffUser, 'id' | 'organisationId'>, grants: RoleGrant[], now: Date) {
  const before = await tx
    .select({ role: staffRoles.role, departmentId: staffRoles.departmentId })
    .from(staffRoles)
    .where(eq(staffRoles.staffUserId, user.id));
  const same =
    before.length === grants.length && before.map(grantKey).sort().join() === grants.map(grantKey).sort().join();
  if (same) return;
  await tx.delete(staffRoles).where(eq(staffRoles.staffUserId, user.id));
  await tx.insert(staffRoles).values(grants.map((g) => ({ staffUserId: user.id, ...g })));
  await tx
    .update(staffUsers)
    .set({ version: sql`${staffUsers.version} + 1` })
    .where(eq(staffUsers.id, user.id));
  await recordAudit(tx, {
    organisationId: user.organisationId,
    at: now,
    actorType: 'system',
    action: 'staff.roles_changed',
    subjectType: 'staff_user',
    subjectId: user.id,
    details: { before: before.map((g) => g.role), after: grants.map((g) => g.role), via: 'sso' },
  });
}

async function createAccount(
  db: Db,
  input: {
    organisationId: string;
    email: string;
    displayName: string;
    issuer: string;
    subject: string;
    grants: RoleGrant[];
    now: Date;
  },
): Promise<Pick<StaffUser, 'id' | 'organisationId'> | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffUsers)
      .values({
        organisationId: input.organisationId,
        email: input.email,
        displayName: input.displayName,
        passwordHash: null,
        oidcIssuer: input.issuer,
        oidcSubject: input.subject,
        createdAt: input.now,
      })
      .onConflictDoNothing()
      .returning({ id: staffUsers.id, organisationId: staffUsers.organisationId });
    if (!row) return undefined;
    await tx.insert(staffRoles).values(input.grants.map((g) => ({ staffUserId: row.id, ...g })));
    await recordAudit(tx, {
      organisationId: input.organisationId,
      at: input.now,
      actorType: 'system',
      action: 'staff.created',
      subjectType: 'staff_user',
      subjectId: row.id,
      details: { roles: input.grants.map((g) => g.role), via: 'sso' },
    });
    return row;
  });
}

/** The organisation sign-ins belong to: the configured one, or the only one. */
async function organisationFor(db: Db, settings: Pick<OidcSettings, 'organisation'>): Promise<string | undefined> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(settings.organisation ? eq(organisations.slug, settings.organisation) : undefined)
    .limit(2);
  return rows.length === 1 ? rows[0]!.id : undefined;
}
