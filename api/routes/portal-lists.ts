/**
 * The portal's growing lists, served into the built pages: a consultation's page (its
 * newest responses), its responses pages (`/consultaties/<slug>/reacties/` and `…/<n>/`,
 * English `/en/consultations/<slug>/responses/…`), the home page (recently answered), the
 * list of mirrored conversations (`/gesprekken/`, `…/<n>/`) and a conversation's page (its
 * posts). The build makes one shell per page and leaves
 * the lists out (they grow with history); these routes fill the shells' slots from the
 * database with the same render functions (shared/render/published-lists.ts, thread.ts), so
 * published input shows at once, without a rebuild, and without JavaScript.
 *
 * Caching: every answer carries an `ETag` and `Last-Modified` derived from the content
 * revision (it moves with every publication, answer, erasure) and the shell file, so a
 * browser or proxy that has the page gets a 304 without the lists being read, and a short
 * `Cache-Control` lets a shared cache absorb bursts while a publication still shows within
 * seconds.
 */
import { statSync } from 'node:fs';
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
  renderPager,
  renderResponsesList,
  responsesTitle,
} from '../../shared/render/published-lists.ts';
import {
  conversationTitle,
  renderConversationHead,
  renderThreadPageRange,
  renderThreadPosts,
} from '../../shared/render/thread.ts';
import { html } from '../../shared/html/index.ts';
import { textsFor } from '../../shared/i18n.ts';
import * as threadTexts from '../../shared/texts/thread.ts';
import { routes } from '../../shared/urls.ts';
import { currentBuild } from '../build/current-build.ts';
import type { AppEnv } from '../http/app-env.ts';
import type { MadePages } from '../http/made-pages.ts';
import { messageFor } from '../messages/texts.ts';
import {
  listsRevision,
  readNewestResponses,
  readRecentlyAnswered,
  readResponsesPage,
} from '../services/portal-lists.ts';
import { readPublicThreadPage } from '../services/social/public-mirror.ts';
import { conversationConsultation, readConversationListPage } from '../services/social/conversation-list.ts';
import { conversationListTitle, renderConversationList } from '../../shared/render/conversation-list.ts';
import { messagePage } from '../views/message-page.ts';
import { fillSlot, loadShell } from '../views/page-shell.ts';
import { numberedPage } from '../views/numbered-page.ts';

/** Short: a shared cache absorbs bursts, and a publication still shows within seconds. */
export const PORTAL_LIST_CACHE_CONTROL = 'public, max-age=2';

type Options = { siteDir: () => string; pages: MadePages };

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
    const conversations = routes.conversations(lang);
    app.get(conversations, countedAsPage, (c, next) => servedConversations(c, next, options, lang, '1'));
    // A page number, or a conversation's id (servedConversation): each lets the other through.
    app.get(`${conversations}:page{[0-9]+}/`, countedAsPage, (c, next) =>
      servedConversations(c, next, options, lang, c.req.param('page') ?? ''),
    );
    // The built page every conversation is served in, by its file's name too.
    app.get(`${routes.conversationShell(lang)}index.html`, (c) => notFound(c, lang, 'thread_not_found'));
    const conversation = routes.conversation(lang, ':id').replace('%3Aid', ':id');
    app.get(conversation, countedAsPage, (c, next) =>
      servedConversation(c, next, options, lang, c.req.param('id') ?? '', '1'),
    );
    app.get(`${conversation}:page/`, countedAsPage, (c, next) =>
      servedConversation(c, next, options, lang, c.req.param('id') ?? '', c.req.param('page') ?? ''),
    );
  }
  return app;
}

type Validators = { etag: string; lastModified: Date };

/**
 * The validators of a served page: the content revision, the shell's version and the address.
 * The shell's version is the build it belongs to (no file is read for it), or for a site that
 * is not a build link the shell file's time and size.
 */
async function validators(c: Context<AppEnv>, siteDir: string, urlPath: string): Promise<Validators> {
  const revision = await listsRevision(c.get('db'));
  const shell = shellVersion(siteDir, urlPath) ?? (await fileVersion(shellFile(siteDir, urlPath)));
  const etag = `"${createHash('sha256')
    .update(`${revision.version}\0${shell ? shell.id : '-'}\0${c.req.path}`)
    .digest('base64url')
    .slice(0, 27)}"`;
  const times = [revision.changedAt?.getTime() ?? 0, shell?.mtimeMs ?? 0];
  // HTTP dates have whole seconds.
  return { etag, lastModified: new Date(Math.floor(Math.max(...times) / 1000) * 1000) };
}

/** Sets the validators; a 304 when the browser's copy is current, before any list is read. */
function notModified(c: Context<AppEnv>, { etag, lastModified }: Validators): Response | undefined {
  c.header('Cache-Control', PORTAL_LIST_CACHE_CONTROL);
  c.header('ETag', etag);
  c.header('Last-Modified', lastModified.toUTCString());
  const ifNoneMatch = c.req.header('If-None-Match');
  const ifModifiedSince = c.req.header('If-Modified-Since');
  const fresh =
    ifNoneMatch !== undefined
      ? ifNoneMatch.trim() === '*' || (ifNoneMatch.match(/"[^"]*"/g) ?? ([] as string[])).includes(etag)
      : ifModifiedSince !== undefined && lastModified.getTime() <= Date.parse(ifModifiedSince);
  return fresh ? c.body(null, 304) : undefined;
}

/** The page kept under these validators, answered (or a 304); undefined when none is kept. */
function keptPage(c: Context<AppEnv>, pages: MadePages, checked: Validators): Response | undefined {
  const kept = pages.find(checked.etag);
  if (kept === undefined) return undefined;
  return notModified(c, checked) ?? pages.answer(c, checked.etag, kept);
}

/** Keeps a page just made and answers it. */
function madePage(c: Context<AppEnv>, pages: MadePages, checked: Validators, page: string): Response {
  pages.keep(checked.etag, page);
  return pages.answer(c, checked.etag, page);
}

const hasSlot = (shell: string, name: string) => shell.includes(`<!--podium:slot ${name}-->`);

const shellFile = (siteDir: string, urlPath: string) => (siteDir ? join(siteDir, urlPath, 'index.html') : undefined);

type ShellVersion = { id: string; mtimeMs: number };
/** When each build seen was written, read once per build. */
const buildTimes = new Map<string, number>();

function shellVersion(siteDir: string, urlPath: string): ShellVersion | undefined {
  const build = siteDir ? currentBuild(siteDir) : undefined;
  if (!build) return undefined;
  let mtimeMs = buildTimes.get(build);
  if (mtimeMs === undefined) {
    mtimeMs = statSync(build, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (buildTimes.size > 100) buildTimes.clear();
    buildTimes.set(build, mtimeMs);
  }
  return { id: `${build}${urlPath}`, mtimeMs };
}

async function fileVersion(file: string | undefined): Promise<ShellVersion | undefined> {
  const found = file ? await stat(file).catch(() => undefined) : undefined;
  return found && { id: `${found.mtimeMs}-${found.size}`, mtimeMs: found.mtimeMs };
}

/** Why a served page is not there: no such list, or no such page of it. */
type NotFoundCode =
  | 'consultation_not_found'
  | 'responses_page_not_found'
  | 'thread_not_found'
  | 'thread_page_not_found'
  | 'conversations_page_not_found';

function notFound(c: Context<AppEnv>, lang: Locale, code: NotFoundCode) {
  c.header('Cache-Control', 'no-cache');
  c.header('ETag', undefined);
  c.header('Last-Modified', undefined);
  return c.html(messagePage({ lang, title: messageFor(lang, 'not_found'), text: messageFor(lang, code) }), 404);
}

/**
 * What every served page does before its list is read: its validators; the page kept under
 * them, or a 304; the built shell with the slot (a build from before the lists were served
 * has them in its files: left to the static files). Then `make` fills the shell, or answers
 * otherwise (a 404). Without a built site the page does not exist, unless `bare`: then
 * `make` gets no shell and writes a bare page.
 */
async function fromShell(
  c: Context<AppEnv>,
  next: () => Promise<void>,
  options: Options,
  shell: { path: string; slot: string; bare?: boolean },
  make: (html: string | undefined) => Promise<string | Response>,
): Promise<Response | void> {
  const siteDir = options.siteDir();
  if (!siteDir && !shell.bare) return next();
  const checked = await validators(c, siteDir, shell.path);
  const kept = keptPage(c, options.pages, checked);
  if (kept) return kept;
  const built = siteDir ? await loadShell(siteDir, shell.path) : undefined;
  if (!(built ? hasSlot(built, shell.slot) : shell.bare)) return next();
  const unchanged = notModified(c, checked);
  if (unchanged) return unchanged;
  const page = await make(built);
  return typeof page === 'string' ? madePage(c, options.pages, checked, page) : page;
}

/**
 * A list paged by number: page 1 has no number in its address (one address per page), a
 * page number is 1 to 999,999,999 without sign or leading zero. A redirect or a 404, or
 * undefined to go on.
 */
function pageAddress(
  c: Context<AppEnv>,
  lang: Locale,
  pageParam: string,
  firstPage: string,
  notFoundCode: Extract<NotFoundCode, `${string}_page_not_found`>,
): Response | undefined {
  if (pageParam === '1' && c.req.path !== firstPage) return c.redirect(firstPage, 301);
  return PAGE_NUMBER.test(pageParam) ? undefined : notFound(c, lang, notFoundCode);
}

function servedHome(
  c: Context<AppEnv>,
  next: () => Promise<void>,
  options: Options,
  lang: Locale,
): Promise<Response | void> {
  return fromShell(c, next, options, { path: routes.home(lang), slot: 'answers' }, async (shell) => {
    const content = renderRecentlyAnswered(lang, await readRecentlyAnswered(c.get('db'), c.get('now')()));
    return fillSlot(shell!, 'answers', content);
  });
}

function servedConsultation(
  c: Context<AppEnv>,
  next: () => Promise<void>,
  options: Options,
  lang: Locale,
  slug: string,
): Promise<Response | void> {
  return fromShell(c, next, options, { path: routes.consultation(lang, slug), slot: 'responses' }, async (shell) => {
    const list = await readNewestResponses(c.get('db'), { slug, now: c.get('now')(), lang });
    if (!list) return notFound(c, lang, 'consultation_not_found');
    return fillSlot(
      fillSlot(shell!, 'responses', renderNewestResponses({ ...list, lang })),
      'responses-link',
      renderAllResponsesLink(lang, slug, list.total),
    );
  });
}

async function servedResponses(
  c: Context<AppEnv>,
  next: () => Promise<void>,
  options: Options,
  lang: Locale,
  slug: string,
  pageParam: string,
): Promise<Response | void> {
  const firstPage = routes.responses(lang, slug);
  const refused = pageAddress(c, lang, pageParam, firstPage, 'responses_page_not_found');
  if (refused) return refused;
  const pageNumber = Number(pageParam);
  // Served in a bare page where no site is built (an API-only deployment).
  return fromShell(c, next, options, { path: firstPage, slot: 'responses', bare: true }, async (shell) => {
    const list = await readResponsesPage(c.get('db'), { slug, page: pageNumber, now: c.get('now')(), lang });
    if (!list) {
      const exists = pageNumber > 1 && (await readResponsesPage(c.get('db'), { slug, page: 1, now: c.get('now')() }));
      return notFound(c, lang, exists ? 'responses_page_not_found' : 'consultation_not_found');
    }
    return numberedPage({
      shell,
      lang,
      page: list.page,
      builtTitle: responsesTitle(list.consultation, lang, 1, 1),
      title: responsesTitle(list.consultation, lang, list.page, list.pages),
      path: (language, n) => routes.responses(language, list.consultation.slug, n),
      slot: 'responses',
      content: renderResponsesList({ ...list, lang }),
    });
  });
}

/** The list of mirrored conversations, a page at a time, in the built shell of its first page. */
async function servedConversations(
  c: Context<AppEnv>,
  next: () => Promise<void>,
  options: Options,
  lang: Locale,
  pageParam: string,
): Promise<Response | void> {
  const firstPage = routes.conversations(lang);
  const refused = pageAddress(c, lang, pageParam, firstPage, 'conversations_page_not_found');
  if (refused) return refused;
  return fromShell(c, next, options, { path: firstPage, slot: 'conversations' }, async (shell) => {
    const list = await readConversationListPage(c.get('db'), Number(pageParam));
    if ('pastEnd' in list) return notFound(c, lang, 'conversations_page_not_found');
    return numberedPage({
      shell,
      lang,
      page: list.page,
      builtTitle: conversationListTitle(lang, 1, 1),
      title: conversationListTitle(lang, list.page, list.pages),
      path: (language, n) => routes.conversations(language, n),
      slot: 'conversations',
      content: renderConversationList(lang, list),
    });
  });
}

/**
 * A mirrored thread's page: the one conversation page the build makes, with this thread's
 * head and a page of its posts as the public sees them now (THREAD_PAGE_SIZE shown posts to
 * a page, the later ones at `…/<n>/`), under the thread's own title and addresses.
 */
async function servedConversation(
  c: Context<AppEnv>,
  next: () => Promise<void>,
  options: Options,
  lang: Locale,
  id: string,
  pageParam: string,
): Promise<Response | void> {
  // The built page all conversations are served in is not a page of its own.
  if (id === '_') return notFound(c, lang, 'thread_not_found');
  // Not a thread's address: the static files and the 404 answer.
  if (!UUID.test(id)) return next();
  const refused = pageAddress(c, lang, pageParam, routes.conversation(lang, id), 'thread_page_not_found');
  if (refused) return refused;
  const shellPath = routes.conversationShell(lang);
  return fromShell(c, next, options, { path: shellPath, slot: 'thread-posts' }, async (shell) => {
    const found = await readPublicThreadPage(c.get('db'), id, Number(pageParam));
    if (!found) return notFound(c, lang, 'thread_not_found');
    if ('pastEnd' in found) return notFound(c, lang, 'thread_page_not_found');
    const { thread, onPage, page, pages } = found;
    const consultation = await conversationConsultation(c.get('db'), id);
    return numberedPage({
      shell: fillSlot(shell!, 'thread-head', renderConversationHead(thread, consultation, lang)),
      lang,
      page,
      builtTitle: textsFor(threadTexts, lang).conversationShellTitle,
      title: conversationTitle(thread, lang, page, pages),
      path: (language, n) => routes.conversation(language, id, n),
      builtPath: routes.conversationShell,
      slot: 'thread-posts',
      content: html`${renderThreadPageRange(lang, found)}${renderThreadPosts(thread, lang, 3, onPage)}
${renderPager(lang, page, pages, (n) => routes.conversation(lang, id, n))}`,
    });
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
