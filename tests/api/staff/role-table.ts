/**
 * The role table: every staff route and what it asks of its caller. The role-boundary
 * test (./role-boundaries.test.ts) calls each route as every role, and the registry test
 * (./kit/registry.test.ts) holds the nav entries against it. A new staff route is named here.
 */
import type { Permission } from '../../../api/services/auth/roles.ts';

/**
 * What a route asks of its caller:
 * - `public`: anyone (log-in page, assets, redirects to the address with a slash);
 * - `session`: any logged-in staff member (log-out, extending a session, the landing page);
 * - a permission from api/services/auth/roles.ts.
 */
export type Access = 'public' | 'session' | Permission;

export const ROUTES: Record<string, Access> = {
  'GET /beheer/assets/staff.css': 'public',
  'GET /beheer/assets/session.js': 'public',
  'GET /beheer': 'public',
  'GET /en/manage': 'public',
  'GET /beheer/inloggen': 'public',
  'POST /beheer/inloggen': 'public',
  'GET /en/manage/login': 'public',
  'POST /en/manage/login': 'public',
  // signing in through the identity provider (api/staff/auth/oidc-routes.ts): 404 when none is configured
  'GET /beheer/inloggen/organisatie': 'public',
  'GET /en/manage/login/organisation': 'public',
  'GET /beheer/inloggen/organisatie/terug': 'public',
  'POST /beheer/uitloggen': 'session',
  'POST /beheer/sessie/verlengen': 'session',
  'GET /beheer/': 'session',
  // colleagues (api/staff/colleagues/); the set-password page is the invitation mail's link
  'GET /beheer/collegas': 'admin',
  'GET /en/manage/colleagues': 'admin',
  'GET /beheer/collegas/:id': 'admin',
  'GET /en/manage/colleagues/:id': 'admin',
  'POST /beheer/collegas/uitnodigen': 'admin',
  'POST /beheer/collegas/:id/rollen': 'admin',
  'POST /beheer/collegas/:id/status': 'admin',
  'GET /beheer/wachtwoord-instellen': 'public',
  'GET /en/manage/set-password': 'public',
  'POST /beheer/wachtwoord-instellen': 'public',
  'POST /en/manage/set-password': 'public',
  // embedding origins (api/staff/embedding/)
  'GET /beheer/insluiten': 'admin',
  'GET /en/manage/embedding': 'admin',
  'POST /beheer/insluiten': 'admin',
  'POST /beheer/insluiten/verwijderen': 'admin',
  // which groups at the identity provider give which role (api/staff/sign-in/)
  'GET /beheer/aanmelden-via-organisatie': 'admin',
  'GET /en/manage/single-sign-on': 'admin',
  'POST /beheer/aanmelden-via-organisatie': 'admin',
  // notifications (api/staff/notifications/)
  'GET /beheer/meldingen': 'session',
  'GET /en/manage/notifications': 'session',
  'POST /beheer/meldingen/gelezen': 'session',
  'POST /beheer/meldingen/voorkeuren': 'session',
  'GET /en/manage/': 'session',
  'POST /beheer/items/decision': 'queue.decide',
  // an item at its permanent address, and its one form (each part asks its own permission)
  'GET /beheer/assets/inbox.js': 'public',
  'GET /beheer/items/:id': 'queue.read',
  'GET /en/manage/items/:id': 'queue.read',
  'POST /beheer/items/:id': 'queue.read',
  // saved views (api/staff/queue/saved-views-routes.ts) and presence (presence-routes.ts)
  'GET /beheer/weergaven': 'queue.read',
  'GET /en/manage/views': 'queue.read',
  'POST /beheer/weergaven': 'queue.read',
  'POST /beheer/weergaven/:id/naam': 'queue.read',
  'POST /beheer/weergaven/:id/verwijderen': 'queue.read',
  'GET /beheer/assets/presence.js': 'public',
  'POST /api/staff/items/:id/presence': 'queue.read',
  'GET /api/staff/inbox/new': 'queue.read',
  'POST /api/staff/items/:id/presence/leave': 'queue.read',
  // webcare (api/staff/webcare/)
  'GET /beheer/assets/readability.js': 'public',
  'GET /beheer/assets/shortcuts.js': 'public',
  'POST /api/staff/readability': 'queue.read',
  'GET /beheer/items/:id/antwoord': 'queue.answer',
  'GET /en/manage/items/:id/answer': 'queue.answer',
  'POST /beheer/items/:id/antwoord': 'queue.answer',
  'GET /beheer/te-laat': 'queue.read',
  'GET /en/manage/overdue': 'queue.read',
  'GET /beheer/sjablonen': 'admin',
  'GET /en/manage/templates': 'admin',
  'POST /beheer/sjablonen': 'admin',
  'POST /beheer/sjablonen/:id/verwijderen': 'admin',
  'GET /beheer/routering': 'admin',
  'GET /en/manage/routing': 'admin',
  'POST /beheer/routering': 'admin',
  'POST /beheer/routering/:id/verwijderen': 'admin',
  // connected social-media accounts (api/staff/accounts/)
  'GET /beheer/sociale-accounts': 'admin',
  'GET /en/manage/social-accounts': 'admin',
  'POST /beheer/sociale-accounts': 'admin',
  'POST /beheer/sociale-accounts/:id/intrekken': 'admin',
  // the office calendar (api/staff/calendar/)
  'GET /beheer/kantoorkalender': 'admin',
  'GET /en/manage/office-calendar': 'admin',
  'POST /beheer/kantoorkalender': 'admin',
  'GET /beheer/consultaties': 'queue.read',
  'GET /en/manage/consultations': 'queue.read',
  'GET /beheer/consultaties/:slug': 'queue.read',
  'GET /en/manage/consultations/:slug': 'queue.read',
  // consultation authoring (api/staff/consultations/)
  'GET /beheer/consultaties-opstellen': 'consultations.manage',
  'GET /en/manage/consultation-authoring': 'consultations.manage',
  'GET /beheer/consultaties-opstellen/nieuw': 'consultations.manage',
  'GET /en/manage/consultation-authoring/new': 'consultations.manage',
  'POST /beheer/consultaties-opstellen/nieuw': 'consultations.manage',
  'GET /beheer/consultaties-opstellen/:slug': 'consultations.manage',
  'GET /en/manage/consultation-authoring/:slug': 'consultations.manage',
  'POST /beheer/consultaties-opstellen/:slug': 'consultations.manage',
  'POST /beheer/consultaties-opstellen/:slug/fase': 'consultations.manage',
  'GET /beheer/consultaties-opstellen/:slug/uitkomst': 'consultations.manage',
  'GET /en/manage/consultation-authoring/:slug/outcome': 'consultations.manage',
  'POST /beheer/consultaties-opstellen/:slug/uitkomst': 'consultations.manage',
  'GET /api/staff/consultations': 'consultations.manage',
  'POST /api/staff/consultations': 'consultations.manage',
  'GET /api/staff/consultations/:slug': 'consultations.manage',
  'PUT /api/staff/consultations/:slug': 'consultations.manage',
  'POST /api/staff/consultations/:slug/stage': 'consultations.manage',
  'PUT /api/staff/consultations/:slug/outcome': 'consultations.manage',
  'GET /beheer/sneltoetsen': 'queue.read',
  'GET /en/manage/shortcuts': 'queue.read',
  // insights and the audit log (api/staff/insights/, api/staff/audit/)
  'GET /beheer/inzichten': 'public',
  'GET /en/manage/insights': 'public',
  'GET /beheer/inzichten/': 'insights.read',
  'GET /en/manage/insights/': 'insights.read',
  'GET /beheer/inzichten/export/:file': 'insights.read',
  'GET /en/manage/insights/export/:file': 'insights.read',
  'GET /beheer/inzichten/thema': 'themes.correct',
  'GET /en/manage/insights/theme': 'themes.correct',
  'POST /beheer/inzichten/thema': 'themes.correct',
  'GET /beheer/audit': 'public',
  'GET /en/manage/audit': 'public',
  'GET /beheer/audit/': 'admin',
  'GET /en/manage/audit/': 'admin',
  'GET /beheer/audit/export.csv': 'admin',
  'GET /beheer/audit/export.json': 'admin',
  'GET /en/manage/audit/export.csv': 'admin',
  'GET /en/manage/audit/export.json': 'admin',
  // mirrored threads (api/staff/threads/)
  'GET /api/staff/threads': 'threads.manage',
  'POST /api/staff/threads': 'threads.manage',
  'POST /api/staff/threads/:id/sync': 'threads.manage',
  'DELETE /api/staff/threads/:id': 'threads.manage',
  'PUT /api/staff/threads/:id/media-descriptions': 'threads.manage',
  // privacy requests and retention (api/staff/privacy/)
  'GET /beheer/privacy': 'privacy',
  'GET /en/manage/privacy': 'privacy',
  'GET /beheer/privacy/bewaartermijnen': 'privacy',
  'GET /en/manage/privacy/retention': 'privacy',
  'POST /beheer/privacy/zoeken': 'privacy',
  'POST /beheer/privacy/export': 'privacy',
  'POST /beheer/privacy/verwijderen': 'privacy',
  'POST /beheer/privacy/bewaartermijnen': 'privacy',
};
