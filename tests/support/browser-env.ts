/**
 * Where the browser tests' Podium lives: its own embedded database and build output,
 * on a port of its own, so `npm test` never touches a developer's ./data or ./dist.
 */
import { join } from 'node:path';
import { TEST_OIDC_CLIENT } from './oidc-provider-client.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const TEST_PORT = Number(process.env.PODIUM_TEST_PORT ?? 4399);
export const TEST_BASE_URL = `http://127.0.0.1:${TEST_PORT}`;
/**
 * The test identity provider (./oidc-provider-server.ts) the browser tests' Podium signs in
 * through: the port after Podium's, unless PODIUM_TEST_OIDC_PORT says otherwise.
 */
export const TEST_OIDC_PORT = Number(process.env.PODIUM_TEST_OIDC_PORT ?? TEST_PORT + 1);
export const TEST_OIDC_ISSUER = `http://127.0.0.1:${TEST_OIDC_PORT}`;
export const TEST_OIDC_NAME = 'Demodam-account';

/**
 * The people at the test provider. The journey's new administrator has no Podium account
 * until they sign in; their group is mapped to a role on the sign-in settings page first.
 */
export const OIDC_ACCOUNTS = {
  'nieuwe-beheerder': {
    email: 'nieuwe.beheerder@demodam.example',
    email_verified: true,
    name: 'Nina Nieuw',
    groups: ['podium-beheer'],
  },
  // The municipality's own administrator of the authoring journey, in a group of their own.
  'gemeente-beheerder': {
    email: 'gemeente.beheerder@demodam.example',
    email_verified: true,
    name: 'Gerda Gemeente',
    groups: ['podium-gemeentebeheer'],
  },
} as const;

/**
 * Where the journeys' local Bluesky AppView listens (the platform server started on this port):
 * the port after the identity provider's, unless PODIUM_TEST_BLUESKY_PORT says otherwise.
 */
export const TEST_BLUESKY_PORT = Number(process.env.PODIUM_TEST_BLUESKY_PORT ?? TEST_OIDC_PORT + 2);

export function browserTestEnv(root: string): Record<string, string> {
  // A separate directory (and PODIUM_TEST_PORT) lets two browser runs share a checkout.
  const base = process.env.PODIUM_TEST_DIR ?? join(root, '.podium-test');
  return {
    PODIUM_DATA_DIR: join(base, 'data'),
    PODIUM_DIST_DIR: join(base, 'dist'),
    PODIUM_SNAPSHOT: join(base, 'dist', 'snapshot.json'),
    PODIUM_OPENAPI: join(base, 'dist', 'openapi.json'),
    PODIUM_PUBLIC_URL: TEST_BASE_URL,
    PORT: String(TEST_PORT),
    // Plain lines: the server's output is shown beside the test report, where a JSON line per
    // request would bury it (the JSON log is tested in tests/api/observability/).
    PODIUM_LOG_FORMAT: 'text',
    HOST: '127.0.0.1',
    // The suite sends far more input from one address than residents would; the limits
    // themselves are tested in tests/api/rate-limits.test.ts.
    PODIUM_RATE_LIMITS: 'submit=100000/60,follow_up=100000/60,rights=100000/60,login=100000/60,email_link=100000/60',
    // Connected accounts: a sealing key (a test value, never a real one), the local Mastodon
    // instance the journeys start on 127.0.0.1, and a poster that does not keep them waiting.
    PODIUM_SECRET_KEY: '7e57'.repeat(16),
    PODIUM_IMPORT_ALLOW_PRIVATE: '1',
    PODIUM_SOCIAL_POST_SECONDS: '1',
    // Bluesky threads are read from the local AppView a journey starts on this port.
    PODIUM_BLUESKY_APPVIEW: `http://127.0.0.1:${TEST_BLUESKY_PORT}`,
    // Staff sign in through the test identity provider too (loopback: plain http is allowed).
    PODIUM_OIDC_ISSUER: TEST_OIDC_ISSUER,
    PODIUM_OIDC_CLIENT_ID: TEST_OIDC_CLIENT.id,
    PODIUM_OIDC_CLIENT_SECRET: TEST_OIDC_CLIENT.secret,
    PODIUM_OIDC_NAME: TEST_OIDC_NAME,
    // Mentions on the local instance arrive within a couple of seconds (webcare-answers-a-mention).
    PODIUM_SOCIAL_POLL_SECONDS: '2',
    // Visits reach the insights within a second (analyst-reads-reach), not a minute.
    PODIUM_VISIT_FLUSH_SECONDS: '1',
  };
}

/**
 * A second Podium for the journeys of a large municipality: started as `npm start` starts it,
 * on its own embedded database holding the demo and LARGE_MUNICIPALITY_ITEMS generated items
 * (`podium generate`), on the port after the local Bluesky AppView's unless
 * PODIUM_TEST_LARGE_PORT says otherwise.
 */
export const TEST_LARGE_PORT = Number(process.env.PODIUM_TEST_LARGE_PORT ?? TEST_BLUESKY_PORT + 1);
export const TEST_LARGE_BASE_URL = `http://127.0.0.1:${TEST_LARGE_PORT}`;

/**
 * Enough for what only a large municipality meets: more overdue items than the overdue view
 * shows at once (about one in twenty items) and more audit entries than the log browses (about
 * 2.3 per item, against AUDIT_BROWSE_LIMIT's 10,000).
 */
export const LARGE_MUNICIPALITY_ITEMS = 5_000;

/** The large municipality's much-discussed conversation: three pages of a hundred posts. */
export const LONG_CONVERSATION = {
  replies: 250,
  title: { nl: 'Veel besproken: de nieuwe parkeerregels', en: 'Much discussed: the new parking rules' },
} as const;

export function largeMunicipalityEnv(root: string): Record<string, string> {
  const base = join(process.env.PODIUM_TEST_DIR ?? join(root, '.podium-test'), 'large');
  return {
    ...browserTestEnv(root),
    PODIUM_DATA_DIR: join(base, 'data'),
    PODIUM_DIST_DIR: join(base, 'dist'),
    PODIUM_SNAPSHOT: join(base, 'dist', 'snapshot.json'),
    PODIUM_OPENAPI: join(base, 'dist', 'openapi.json'),
    PODIUM_PUBLIC_URL: TEST_LARGE_BASE_URL,
    PORT: String(TEST_LARGE_PORT),
  };
}

/**
 * The staff account the journey specs log in with. It is made with `podium staff add`
 * before `podium start`, as an operator would (the CLI refuses while the server runs).
 */
export const JOURNEY_WEBCARE = {
  email: 'journey-webcare@demodam.example',
  name: 'Wes Care',
  role: 'webcare',
  password: 'journey webcare password 2026',
} as const;

/** The moderator of the journeys; `podium staff add` reads one password, so it shares webcare's. */
export const JOURNEY_MODERATOR = {
  email: 'journey-moderator@demodam.example',
  name: 'Mo Derator',
  role: 'moderator',
  password: JOURNEY_WEBCARE.password,
} as const;

/** The administrator of the journeys (consultations, connected accounts, thread imports); webcare's password too. */
export const JOURNEY_ADMIN = {
  email: 'journey-admin@demodam.example',
  name: 'Bea Heer',
  role: 'administrator',
  password: JOURNEY_WEBCARE.password,
} as const;

/**
 * The administrator and colleague of the two-step verification journey: their own accounts, so
 * the factor one of them sets up never stands in the way of another journey's log-in.
 */
export const JOURNEY_SECURITY_ADMIN = {
  email: 'journey-security-admin@demodam.example',
  name: 'Sam Beveiliging',
  role: 'administrator',
  password: JOURNEY_WEBCARE.password,
} as const;

export const JOURNEY_SECURITY_COLLEAGUE = {
  email: 'journey-security-colleague@demodam.example',
  name: 'Tess Tweestap',
  role: 'moderator',
  password: JOURNEY_WEBCARE.password,
} as const;

/** The analyst of the reach journey: reads insights, nothing else. */
export const JOURNEY_ANALYST = {
  email: 'journey-analyst@demodam.example',
  name: 'Ana Lyse',
  role: 'analyst',
  password: JOURNEY_WEBCARE.password,
} as const;

/** The poster of the journeys: writes and schedules announcements; webcare's password too. */
export const JOURNEY_POSTER = {
  email: 'journey-poster@demodam.example',
  name: 'Pim Poster',
  role: 'poster',
  password: JOURNEY_WEBCARE.password,
} as const;

/** The colleague of the passkey journey: an account of its own, so its passkey stands in no other journey's way. */
export const JOURNEY_PASSKEY = {
  email: 'journey-passkey@demodam.example',
  name: 'Kees Sleutel',
  role: 'webcare',
  password: JOURNEY_WEBCARE.password,
} as const;

export const JOURNEY_ACCOUNTS = [
  JOURNEY_WEBCARE,
  JOURNEY_MODERATOR,
  JOURNEY_ADMIN,
  JOURNEY_SECURITY_ADMIN,
  JOURNEY_SECURITY_COLLEAGUE,
  JOURNEY_ANALYST,
  JOURNEY_POSTER,
  JOURNEY_PASSKEY,
] as const;
