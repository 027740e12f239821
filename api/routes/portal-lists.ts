/**
 * The portal's growing lists, served into the built pages: a consultation's page (its
 * newest responses), its responses pages (`/consultaties/<slug>/reacties/` and `…/<n>/`,
 * English `/en/consultations/<slug>/responses/…`) and the home page (recently answered).
 * The build makes one shell per page and leaves the lists out (they grow with history);
 * these routes fill the shells' slots from the database with the same render functions
 * (shared/render/published-lists.ts), so published input shows at once, without a rebuild,
 * and without JavaScript.
 *
 * Caching: every answer carries an `ETag` and `Last-Modified` derived from the content
 * revision (it moves with every publication, answer, erasure) and the shell file, so a
 * browser or proxy that has the page gets a 304 without the lists being read, and a short
 * `Cache-Control` lets a shared cache absorb bursts while a publication still shows within
 * seconds.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import type { Locale } from '../../shared/contracts/public-content.ts';
import {
  renderAllResponsesLink,
  renderNewestResponses,
  renderRecentlyAnswered,
  renderResponsesList,
} from '../../shared/render/published-lists.ts';
import { routes } from '../../shared/urls.ts';
import type { AppEnv } from '../http/app-env.ts';
import { messageFor } from '../messages/texts.ts';
import {
  listsRevision,
  readNewestResponses,
  readRecentlyAnswered,
  readResponsesPage,
} from '../services/portal-lists.ts';
import { messagePage } from '../views/message-page.ts';
import { fillSlot, loadShell } from '../views/page-shell.ts';
import { responsesPage } from '../views/responses-page.ts';

/** Short: a shared cache absorbs bursts, and a publication still shows within seconds. */
export const PORTAL_LIST_CACHE_CONTROL = 'public, max-age=2';

type Options = { siteDir: () => string };

/** A page number as the portal writes it: 2 and up, no sign, no leading zero. */
const PAGE_NUMBER = /^[1-9][0-9]{0,8}$/;

/**
 * Each of these answers is a portal page: counted as a visit when it is served (a 200 or a
 * 304; http/visit-counting.ts), as the static pages are.
 */
const countedAsPage: MiddlewareHandler<AppEnv> = async function countedAsPage(c, next) {
  c.set('countAs', 'page');
  await next();
};

export function portalListRoutes(options: Options): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const lang of ['nl', 'en'] as const) {
    const home = routes.home(lang);
    app.get(home, countedAsPage, (c, next) => servedHome(c, next, options, lang));
    // The route builders give `/consultaties/x/` and `/consultaties/x/reacties/`; Hono's
    // patterns take their place.
    const consultation = routes.consultation(lang, ':slug');
    const responses = routes.responses(lang, ':slug');
    app.get(consultation.replace('%3Aslug', ':slug'), countedAsPage, (c, next) =>
      servedConsultation(c, next, options, lang, c.req.param('slug') ?? ''),
    );
    app.get(responses.replace('%3Aslug', ':slug'), countedAsPage, (c, next) =>
      servedResponses(c, next, options, lang, c.req.param('slug') ?? '', '1'),
    );
    app.get(`${responses.replace('%3Aslug', ':slug')}:page/`, countedAsPage, (c, next) =>
      servedResponses(c, next, options, lang, c.req.param('slug') ?? '', c.req.param('page') ?? ''),
    );
  }
  return app;
}

/**
 * The validators of a served page: the content revision, the shell file and the address.
 * Answers 304 when the browser's copy is current, before any list is read.
 */
async function validate(
  c: Context<AppEnv>,
  shellFile: string | undefined,
): Promise<{ notModified: Response } | { etag: string; lastModified: Date }> {
  const revision = await listsRevision(c.get('db'));
  const shell = shellFile ? await stat(shellFile).catch(() => undefined) : undefined;
  const etag = `"${createHash('sha256')
    .update(`${revision.version}\0${shell ? `${shell.mtimeMs}-${shell.size}` : '-'}\0${c.req.path}`)
    .digest('base64url')
    .slice(0, 27)}"`;
  const times = [revision.changedAt?.getTime() ?? 0, shell?.mtimeMs ?? 0];
  // HTTP dates have whole seconds.
  const lastModified = new Date(Math.floor(Math.max(...times) / 1000) * 1000);
  c.header('Cache-Control', PORTAL_LIST_CACHE_CONTROL);
  c.header('ETag', etag);
  c.header('Last-Modified', lastModified.toUTCString());
  const ifNoneMatch = c.req.header('If-None-Match');
  const ifModifiedSince = c.req.header('If-Modified-Since');
  const fresh =
    ifNoneMatch !== undefined
      ? ifNoneMatch.trim() === '*' || (ifNoneMatch.match(/"[^"]*"/g) ?? ([] as string[])).includes(etag)
      : ifModifiedSince !== undefined && lastModified.getTime() <= Date.parse(ifModifiedSince);
  if (fresh) return { notModified: c.body(null, 304) };
  return { etag, lastModified };
}

const hasSlot = (shell: string, name: string) => shell.includes(`<!--podium:slot ${name}-->`);

const shellFile = (siteDir: string, urlPath: string) => (siteDir ? join(siteDir, urlPath, 'index.html') : undefined);

function notFound(c: Context<AppEnv>, lang: Locale, code: 'consultation_not_found' | 'responses_page_not_found') {
  c.header('Cache-Control', 'no-cache');
  c.header('ETag', undefined);
  c.header('Last-Modified', undefined);
  return c.html(messagePage({ lang, title: messageFor(lang, 'not_found'), text: messageFor(lang, code) }), 404);
}

async function servedHome(
  c: Context<AppEnv>,
  next: () => Promise<void>,
  options: Options,
  lang: Locale,
): Promise<Response | void> {
  const siteDir = options.siteDir();
  const path = routes.home(lang);
  const shell = siteDir ? await loadShell(siteDir, path) : undefined;
  // Without a built site (an API-only deployment) there is no home page to fill; a build
  // from before the lists were served has them in its files.
  if (!shell || !hasSlot(shell, 'answers')) return next();
  const checked = await validate(c, shellFile(siteDir, path));
  if ('notModified' in checked) return checked.notModified;
  const content = renderRecentlyAnswered(lang, await readRecentlyAnswered(c.get('db'), c.get('now')()));
  return c.html(fillSlot(shell, 'answers', content));
}

async function servedConsultation(
  c: Context<AppEnv>,
  next: () => Promise<void>,
  options: Options,
  lang: Locale,
  slug: string,
): Promise<Response | void> {
  const siteDir = options.siteDir();
  const path = routes.consultation(lang, slug);
  const shell = siteDir ? await loadShell(siteDir, path) : undefined;
  // Not built (yet): the page does not exist on the portal; the static files and the 404 answer.
  if (!shell || !hasSlot(shell, 'responses')) return next();
  const checked = await validate(c, shellFile(siteDir, path));
  if ('notModified' in checked) return checked.notModified;
  const list = await readNewestResponses(c.get('db'), { slug, now: c.get('now')(), lang });
  if (!list) return notFound(c, lang, 'consultation_not_found');
  const page = fillSlot(
    fillSlot(shell, 'responses', renderNewestResponses({ ...list, lang })),
    'responses-link',
    renderAllResponsesLink(lang, slug, list.total),
  );
  return c.html(page);
}

async function servedResponses(
  c: Context<AppEnv>,
  next: () => Promise<void>,
  options: Options,
  lang: Locale,
  slug: string,
  pageParam: string,
): Promise<Response | void> {
  // Page 1 has no number in its address: one address per page.
  if (pageParam === '1' && c.req.path !== routes.responses(lang, slug)) {
    return c.redirect(routes.responses(lang, slug), 301);
  }
  if (!PAGE_NUMBER.test(pageParam)) return notFound(c, lang, 'responses_page_not_found');
  const pageNumber = Number(pageParam);
  const siteDir = options.siteDir();
  const firstPage = routes.responses(lang, slug);
  const shell = siteDir ? await loadShell(siteDir, firstPage) : undefined;
  // A build from before the lists were served holds every page as a file.
  if (shell && !hasSlot(shell, 'responses')) return next();
  const checked = await validate(c, shellFile(siteDir, firstPage));
  if ('notModified' in checked) return checked.notModified;
  const list = await readResponsesPage(c.get('db'), { slug, page: pageNumber, now: c.get('now')(), lang });
  if (!list) {
    const exists = pageNumber > 1 && (await readResponsesPage(c.get('db'), { slug, page: 1, now: c.get('now')() }));
    return notFound(c, lang, exists ? 'responses_page_not_found' : 'consultation_not_found');
  }
  const content = renderResponsesList({ ...list, lang });
  return c.html(
    responsesPage({ shell, consultation: list.consultation, lang, page: list.page, pages: list.pages, content }),
  );
}
