/**
 * The Hono application: public API, form posts, per-submission pages, the OpenAPI
 * document, and (when given) the built portal and widget bundle as static files.
 * Built without a server so tests call it with `app.request()`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { cors } from 'hono/cors';
import { LANGUAGES_HEADER, organisationPresentation, THEME_HEADER } from './http/organisation-presentation.ts';
import { HTTPException } from 'hono/http-exception';
import type { Db, DatabaseKind } from './db/client.ts';
import { pingDatabase } from './db/client.ts';
import type { AppEnv } from './http/app-env.ts';
import { createOriginPolicy } from './http/origin-policy.ts';
import { describeError } from './lib/log-error.ts';
import { problem } from './http/problem.ts';
import { rateLimit } from './http/rate-limit.ts';
import { securityHeaders } from './http/security-headers.ts';
import { staticSiteFromMemory } from './http/static-site.ts';
import { madePages } from './http/made-pages.ts';
import { compressShareable, conditionalGet, IMMUTABLE } from './http/transfer.ts';
import { metricsHandler, requestObserver } from './observability/http.ts';
import type { Logger } from './observability/log.ts';
import type { Metrics } from './observability/metrics.ts';

/** The widget chunks Vite names `chunks-<name>-<hash>.js` (widgets/vite.config.ts). */
const HASHED_CHUNK = /\/chunks-[^/]*-[A-Za-z0-9_-]{8}\.js$/;
import { isUnstorableText } from './http/unstorable-text.ts';
import { downloadCounting, portalFileKind, portalPageCounting, widgetViewCounting } from './http/visit-counting.ts';
import type { VisitCounter } from './services/reach/counter.ts';
import { DEFAULT_RATE_LIMITS, type RateLimitRules } from './services/rate-limit.ts';
import type { RateLimitStore } from './services/rate-limit-stores.ts';
import { rightsRoutes } from './routes/rights.ts';
import { archiveRoutes } from './routes/archive.ts';
import { submissionPages } from './routes/pages.ts';
import { portalListRoutes } from './routes/portal-lists.ts';
import { publicRoutes } from './routes/public.ts';
import { submissionRoutes } from './routes/submissions.ts';
import { challengeRoutes } from './routes/challenge.ts';
import { createProofOfWork, type ProofOfWorkSettings } from './services/proof-of-work.ts';
import { threadRoutes } from './routes/threads.ts';
import { moderationPublicRoutes } from './routes/moderation-public.ts';
import { sameOrigin, staffHeaders, staffSession } from './staff/kit/session.ts';
import { OIDC_CALLBACK_PATH, OIDC_START_PATHS, type OidcProvider } from './services/auth/oidc.ts';
import { announcementImageRoutes } from './routes/announcements.ts';
import { organisationLogoRoutes } from './routes/organisation-logo.ts';
import { consultationImageRoutes } from './routes/consultation-images.ts';
import { bodyLimits } from './http/body-limits.ts';
import {
  ANNOUNCEMENT_FORM_MAX_BYTES,
  LOGO_API_MAX_BYTES,
  LOGO_API_PATH,
  ORGANISATION_FORM_MAX_BYTES,
  settingsPaths,
  CONSULTATION_IMAGE_API,
  CONSULTATION_IMAGE_FORM,
  CONSULTATION_IMAGE_FORM_MAX_BYTES,
  CONSULTATION_IMAGE_JSON_MAX_BYTES,
  staffWorkbench,
  THREAD_IMPORT_FORM_MAX_BYTES,
  THREAD_IMPORT_MAX_BYTES,
  threadImportTooLarge,
  threadPaths,
} from './staff/workbench.ts';
import { openDataRoutes } from './routes/open-data.ts';
import { rightsPages } from './routes/rights-pages.ts';
import { unsubscribeRoutes } from './routes/unsubscribe.ts';
import { setMailPublicUrl } from './services/notifications/settings.ts';
import { PRIVATE_PATHS, privateResponse } from './http/private-response.ts';
import type { ImportSettings } from './services/social/thread-admin.ts';
import type { PostingSettings } from './services/social/accounts.ts';
import { notFoundPage, rateLimitedPage } from './views/message-page.ts';
import { loadShell } from './views/page-shell.ts';

export type AppOptions = {
  db: Db;
  databaseKind: DatabaseKind;
  /** Directory of the built portal; a function because a rebuild swaps it. */
  siteDir?: () => string;
  widgetsDir?: string;
  now?: () => Date;
  /** Largest request body the API reads, in bytes. */
  maxBodyBytes?: number;
  /** The public address (PODIUM_PUBLIC_URL): staff cookies are Secure when it is https. */
  publicUrl?: string;
  /** Per route group; `null` turns a group's limit off. */
  rateLimits?: RateLimitRules;
  /** Proxies in front whose `X-Forwarded-For` and `X-Forwarded-Proto` are trusted (0: none). */
  trustProxyHops?: number;
  /** Signing secret for proof-of-work challenges (PODIUM_POW_SECRET); unset: kept in the database. */
  powSecret?: string | undefined;
  powSettings?: ProofOfWorkSettings | undefined;
  /** Where rate-limit counters live (api/services/rate-limit-stores.ts); the database when not given. */
  rateLimitStore?: RateLimitStore;
  /** How staff imports read threads (config.threadImports); read per request, so tests can change it. */
  threadImports?: () => ImportSettings;
  /** Request log lines (JSON format only) and metrics; `/metrics` is served when a token is given. */
  observability?: { log?: Logger; metrics?: Metrics; metricsToken?: string | undefined };
  /** The key that seals connected accounts' tokens, and how their instances are reached (config). */
  socialPosting?: () => PostingSettings;
  /** The organisation's identity provider for staff sign-in (config.oidc), discovered on first use. */
  oidc?: OidcProvider | undefined;
  /** Counts page visits, downloads and widget views (api/services/reach/); nothing is counted without it. */
  visits?: VisitCounter;
};

export const API_VERSION = '0.1.0';

/** The OpenAPI document's one description: served at /api/openapi.json and written for the portal's build. */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Podium API',
    version: API_VERSION,
    description:
      'Public API of Podium, the accessible participation portal. Errors are RFC 9457 problem details ' +
      '(application/problem+json) with per-field messages in Dutch or English, chosen by Accept-Language.',
  },
} as const;

export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  const origins = createOriginPolicy(options.db);
  const now = options.now ?? (() => new Date());
  const siteDir = options.siteDir ?? (() => '');
  if (options.publicUrl) setMailPublicUrl(options.publicUrl);
  const proofOfWork = createProofOfWork(options.db, { secret: options.powSecret, settings: options.powSettings });

  // Outermost, so the time and status include everything below, errors and refusals too.
  if (options.observability) app.use(requestObserver(options.observability));
  app.use(async function context(c, next) {
    c.set('db', options.db);
    c.set('databaseKind', options.databaseKind);
    c.set('now', now);
    c.set('origins', origins);
    c.set('proofOfWork', proofOfWork);
    await next();
  });
  // First, so it also dresses 404s, errors and 429s.
  app.use(securityHeaders({ trustProxy: (options.trustProxyHops ?? 0) > 0 }));
  // Before every route's own middleware, so they see the final Cache-Control (private
  // answers are neither compressed nor revalidated).
  app.use(compressShareable());
  app.use(conditionalGet());

  app.use(
    '/api/*',
    cors({
      // Only the organisation's embedding origins; others get no CORS headers, so browsers refuse.
      origin: async (origin) => ((await origins.allows(origin)) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Accept-Language', 'Idempotency-Key'],
      exposeHeaders: ['Idempotent-Replayed', 'Location', THEME_HEADER, LANGUAGES_HEADER],
      credentials: false,
      maxAge: 600,
    }),
  );
  app.use(
    '/api/*',
    bodyLimits(options.maxBodyBytes ?? 64 * 1024, (c) => problem(c, 413, 'body_too_large'), [
      { matches: (path) => path === '/api/staff/threads', maxSize: THREAD_IMPORT_MAX_BYTES },
      { matches: (path) => path === LOGO_API_PATH, maxSize: LOGO_API_MAX_BYTES },
      { matches: (path) => CONSULTATION_IMAGE_API.test(path), maxSize: CONSULTATION_IMAGE_JSON_MAX_BYTES },
    ]),
  );
  const limits = {
    rules: options.rateLimits ?? DEFAULT_RATE_LIMITS,
    trustProxyHops: options.trustProxyHops ?? 0,
    ...(options.rateLimitStore ? { store: options.rateLimitStore } : {}),
    refusalPage: rateLimitedPage,
  };
  for (const path of PRIVATE_PATHS) app.use(path, privateResponse());
  app.use('/api/consultations/:slug/submissions', rateLimit({ group: 'submit', methods: ['POST'], ...limits }));
  // Follow-up codes are secrets: every way to try one counts, the API and the pages alike.
  for (const path of [
    '/api/follow-up',
    '/api/follow-up/*',
    '/volg/*',
    '/bevestiging/*',
    '/en/follow-up/*',
    '/en/confirmation/*',
  ]) {
    app.use(path, rateLimit({ group: 'follow_up', ...limits }));
  }
  app.use('/api/follow-up/:code/:action', rateLimit({ group: 'rights', ...limits }));
  // The log-in's second step (a code) counts as a log-in too.
  for (const path of ['/beheer/inloggen', '/en/manage/login', '/beheer/inloggen/code', '/en/manage/login/code']) {
    app.use(path, rateLimit({ group: 'login', methods: ['POST'], ...limits }));
  }
  // Each start of a sign-in through the identity provider stores a row; each answer costs a token request.
  for (const path of [...OIDC_START_PATHS, OIDC_CALLBACK_PATH]) {
    app.use(path, rateLimit({ group: 'login', methods: ['GET'], ...limits }));
  }
  // The house colours and languages for the widgets, on the JSON they load anyway.
  for (const path of ['/api/consultations', '/api/consultations/*', '/api/threads', '/api/threads/*'])
    app.use(path, organisationPresentation());
  if (options.visits) {
    for (const path of ['/api/consultations/:slug/archive', '/api/threads/:id/archive'])
      app.use(path, downloadCounting(options.visits));
    // (`/api/threads/*` also matches `/api/threads` itself.)
    for (const path of ['/api/consultations/*', '/api/threads/*']) app.use(path, widgetViewCounting(options.visits));
  }
  app.route('/', submissionRoutes({ siteDir }));

  const { metrics, metricsToken } = options.observability ?? {};
  if (metrics && metricsToken) app.get('/metrics', metricsHandler(metrics, metricsToken));

  app.get('/api/health', async (c) => {
    const ok = await pingDatabase(c.get('db'));
    return c.json(
      { status: ok ? 'ok' : 'unavailable', database: c.get('databaseKind'), version: API_VERSION },
      ok ? 200 : 503,
    );
  });
  app.route('/', publicRoutes());
  app.route('/', challengeRoutes());
  app.route('/', threadRoutes(options.threadImports ? { settings: options.threadImports } : {}));
  app.route('/', moderationPublicRoutes());
  app.route('/', rightsRoutes());
  app.route('/', archiveRoutes());
  app.route('/', announcementImageRoutes());
  app.route('/', organisationLogoRoutes());
  app.route('/', consultationImageRoutes());
  app.route('/', openDataRoutes());
  app.doc31('/api/openapi.json', OPENAPI_DOCUMENT);
  app.route('/', submissionPages({ siteDir }));
  // Before the static files: these pages are the built shells with their lists filled in.
  if (options.siteDir) {
    if (options.visits) app.use('*', portalPageCounting(options.visits));
    app.route('/', portalListRoutes({ siteDir, pages: madePages() }));
  }
  // The forms that carry a file (the announcement composer, the organisation's logo, a
  // consultation's image) take more than the rest, so a file that is too large is refused with
  // the form and its texts, not with a bare 413.
  const staffBodyLimits = bodyLimits(options.maxBodyBytes ?? 64 * 1024, (c) => c.text('Request body too large', 413), [
    { matches: (path) => path.startsWith('/beheer/aankondigingen'), maxSize: ANNOUNCEMENT_FORM_MAX_BYTES },
    { matches: (path) => path === settingsPaths.organisationSave, maxSize: ORGANISATION_FORM_MAX_BYTES },
    { matches: (path) => CONSULTATION_IMAGE_FORM.test(path), maxSize: CONSULTATION_IMAGE_FORM_MAX_BYTES },
    // A platform's export files (the route refuses over 2 MB itself, in the form's language).
    {
      matches: (path) => path === threadPaths.importForm,
      maxSize: THREAD_IMPORT_FORM_MAX_BYTES,
      onError: threadImportTooLarge,
    },
  ]);
  for (const path of ['/beheer/*', '/en/manage/*']) app.use(path, staffBodyLimits);
  // Every staff address, pages and JSON API alike: no caching or framing, our own origin
  // for unsafe requests, and the session on `c.get('session')` for the guards in api/staff/kit/.
  // (`/beheer/*` also matches `/beheer` itself.)
  const staff = { publicUrl: options.publicUrl, trustProxyHops: options.trustProxyHops ?? 0 };
  for (const path of ['/beheer/*', '/en/manage/*', '/api/staff/*']) {
    app.use(path, staffHeaders({ formActions: () => options.oidc?.formActionOrigins() ?? [] }));
    app.use(path, sameOrigin(staff));
    app.use(path, staffSession(staff));
  }
  app.route(
    '/',
    staffWorkbench({
      ...staff,
      threadImports: options.threadImports,
      socialPosting: options.socialPosting,
      oidc: options.oidc,
    }),
  );
  app.route('/', rightsPages({ siteDir, publicUrl: options.publicUrl ?? '', limits }));
  app.route('/', unsubscribeRoutes({ limits }));

  if (options.widgetsDir) {
    const widgetsDir = options.widgetsDir;
    app.use('/widgets/*', async function widgetHeaders(c, next) {
      await next();
      // Embeds load the bundle from other origins; it sets no cookies and reads none.
      c.header('Access-Control-Allow-Origin', '*');
      // The entry files keep their names (embed codes point at them); the chunks they load
      // carry a content hash.
      c.header('Cache-Control', HASHED_CHUNK.test(c.req.path) ? IMMUTABLE : 'public, max-age=300');
    });
    app.use('/widgets/*', (c, next) =>
      serveStatic({
        root: widgetsDir,
        precompressed: true,
        rewriteRequestPath: (path) => path.replace(/^\/widgets/, ''),
      })(c, next),
    );
  }
  if (options.siteDir) {
    const staticFromMemory = staticSiteFromMemory({
      root: siteDir,
      cacheControl: (path, type) =>
        type.startsWith('text/html') ? 'no-cache' : path.startsWith('/_astro/') ? IMMUTABLE : undefined,
    });
    app.use('*', async function staticSite(c, next) {
      const root = siteDir();
      const path = c.req.path;
      // `/volg` → `/volg/`, as the portal's links are written.
      if (!path.endsWith('/') && !path.split('/').pop()!.includes('.') && existsSync(join(root, path, 'index.html'))) {
        return c.redirect(`${path}/`, 301);
      }
      const fromMemory = await staticFromMemory(c, async () => {});
      if (fromMemory instanceof Response) {
        c.set('countAs', portalFileKind(path, fromMemory.headers.get('Content-Type')));
        return fromMemory;
      }
      const served = await serveStatic({ root, precompressed: true })(c, next);
      // A page changes whenever content is published: the browser may keep it, but must ask
      // again each time (without this, its heuristic freshness served the page from before a
      // publication for minutes).
      // (When no file matched, serveStatic ran the rest of the chain and returns no Response.)
      if (served instanceof Response) {
        c.set('countAs', portalFileKind(path, served.headers.get('Content-Type')));
        const type = served.headers.get('Content-Type');
        if (type?.startsWith('text/html') && !served.headers.has('Cache-Control'))
          served.headers.set('Cache-Control', 'no-cache');
        // Astro names its assets by their content.
        else if (path.startsWith('/_astro/')) served.headers.set('Cache-Control', IMMUTABLE);
      }
      return served;
    });
  }

  app.notFound(async (c) => {
    if (c.req.path.startsWith('/api/')) return problem(c, 404, 'not_found');
    const page = options.siteDir ? await loadShell(siteDir(), '/404.html') : undefined;
    return c.html(page ?? notFoundPage(), 404);
  });

  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      if (error.status === 413) return problem(c, 413, 'body_too_large');
      if (error.status === 400) return problem(c, 400, 'bad_request');
      if (error.status === 415) return problem(c, 415, 'unsupported_media_type');
      return error.getResponse();
    }
    if (isUnstorableText(error)) return problem(c, 400, 'unstorable_text');
    console.error(describeError(error));
    return problem(c, 500, 'server_error');
  });

  return app;
}
