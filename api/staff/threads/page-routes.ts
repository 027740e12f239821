/**
 * The thread-import page (/beheer/gesprekken, /en/manage/conversations; permission
 * `threads.import`: webcare, moderators, administrators): import a social-media thread by a
 * post's address or from the files the platform exported, show it with a consultation under
 * a title, see what was taken in and what screening flagged, and re-sync a live thread.
 * The rules are in api/services/social/thread-admin.ts, shared with the JSON API
 * (./routes.ts) and `npx podium import`; both importing and re-syncing are audited there.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import { can } from '../../services/auth/roles.ts';
import { NeedsImportError } from '../../services/social/fetch-thread.ts';
import { combineExportFiles } from '../../services/social/import-payload.ts';
import { SocialImportError } from '../../services/social/model.ts';
import { RateLimitedError, SourceHttpError } from '../../services/social/polite-fetch.ts';
import { ForbiddenSourceError } from '../../services/social/safe-fetch.ts';
import {
  consultationChoices,
  DEFAULT_IMPORT_SETTINGS,
  importedPostsSummary,
  importThreadFrom,
  listThreadsForStaff,
  resyncThread,
  type ImportSettings,
} from '../../services/social/thread-admin.ts';
import type { FieldError } from '../kit/components.ts';
import { formatTime } from '../kit/format.ts';
import { field, pageSession, staffForm, staffPage, type FormBody, type StaffEnv } from '../kit/guards.ts';
import { renderMessagePage } from '../kit/shell.ts';
import { staffPaths } from '../queue/paths.ts';
import { threadPaths } from './paths.ts';
import { THREAD_IMPORT_MAX_BYTES } from './routes.ts';
import * as threadTexts from './texts.ts';
import { renderThreadPage, type ImportFormValues, type ImportResultView, type ThreadPageState } from './view.ts';

type Texts = typeof threadTexts.nl;
type Refusal = FieldError & { target?: string };

const ThreadId = z.uuid();

/** The typed values, kept as typed (trimmed, cut at a length no field allows) for the form. */
function valuesOf(body: FormBody): ImportFormValues {
  const value = (name: string, max: number) => (field(body, name) ?? '').trim().slice(0, max);
  return {
    url: value('url', 2100),
    consultation: value('consultation', 200),
    titleNl: value('titleNl', 300),
    titleEn: value('titleEn', 300),
  };
}

/** The files chosen; a browser sends an empty part when none was (also the announcement page's reply import). */
export function chosenFiles(body: FormBody): File[] {
  const raw = Object.hasOwn(body, 'files') ? body['files'] : undefined;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((f): f is File => typeof f !== 'string' && (f.size > 0 || f.name !== ''));
}

/** The export files as one payload, or why not (on the files field); shared with the announcement page. */
export async function readExport(files: File[], m: Texts): Promise<{ payload: unknown } | { refusal: string }> {
  if (files.length > 2) return { refusal: m.errors.tooManyFiles };
  if (files.reduce((sum, file) => sum + file.size, 0) > THREAD_IMPORT_MAX_BYTES) return { refusal: m.errors.tooLarge };
  const documents: unknown[] = [];
  for (const file of files) {
    try {
      documents.push(JSON.parse(await file.text()) as unknown);
    } catch {
      return { refusal: m.errors.notJson(file.name || 'JSON') };
    }
  }
  try {
    return { payload: combineExportFiles(documents) };
  } catch (error) {
    if (!(error instanceof SocialImportError)) throw error;
    return { refusal: documents.length === 1 ? m.errors.contextOnly : m.errors.filesDontPair };
  }
}

/** Why a source could not be read, in words for the field it came from, and the status to answer with. */
function sourceRefusal(
  error: unknown,
  fromUrl: boolean,
  m: Texts,
  lang: Locale,
): { message: string; status: 422 | 502 | 503 } {
  const refused = (message: string) => ({ message, status: 422 as const });
  if (error instanceof ForbiddenSourceError) return refused(m.errors.forbidden);
  if (error instanceof NeedsImportError)
    return refused(m.errors.needsFile(m.platforms[error.platform as keyof Texts['platforms']] ?? error.platform));
  if (error instanceof SocialImportError) return refused(fromUrl ? m.errors.notPostUrl : m.errors.malformed);
  if (error instanceof RateLimitedError)
    return { message: m.errors.rateLimited(formatTime(error.retryAt, lang)), status: 503 };
  if (error instanceof SourceHttpError && (error.status === 404 || error.status === 410))
    return refused(m.errors.notFound);
  if (fromUrl) return { message: m.errors.unreachable, status: 502 };
  throw error;
}

export function threadPageRoutes(options: { settings?: () => ImportSettings } = {}): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const settings = options.settings ?? (() => DEFAULT_IMPORT_SETTINGS);

  for (const lang of ['nl', 'en'] as const) {
    app.get(threadPaths.page(lang), async (c) => {
      const session = staffPage(c, lang, 'threads.import');
      if (session instanceof Response) return session;
      return page(c, lang, session, {});
    });
  }

  app.post(threadPaths.importForm, async (c) => {
    const form = await staffForm(c, 'threads.import');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const m = textsFor(threadTexts, lang);
    const values = valuesOf(body);
    const files = chosenFiles(body);
    const errors: Refusal[] = [];
    const refuse = (status: 422 | 502 | 503, more: Refusal[] = []) => {
      const all = [...errors, ...more];
      // A browser never fills a file field in again: say so where the file was.
      if (files.length > 0) {
        const onFiles = all.find((e) => e.field === 'files');
        if (onFiles) onFiles.message = `${onFiles.message} ${m.errors.chooseFileAgain}`;
        else all.push({ field: 'files', message: m.errors.chooseFileAgain });
      }
      return page(c, lang, session, { values, errors: all }, status);
    };

    if (values.url === '' && files.length === 0) errors.push({ field: 'url', message: m.errors.noSource });
    else if (values.url !== '' && files.length > 0) errors.push({ field: 'url', message: m.errors.bothSources });
    else if (values.url.length > 2000) errors.push({ field: 'url', message: m.errors.urlTooLong });
    else if (values.url !== '' && !/^(https?|at):\/\//i.test(values.url))
      errors.push({ field: 'url', message: m.errors.notPostUrl });
    if (values.titleNl === '') errors.push({ field: 'titleNl', message: m.errors.titleMissing });
    else if (values.titleNl.length > 200) errors.push({ field: 'titleNl', message: m.errors.titleTooLong });
    if (values.titleEn.length > 200) errors.push({ field: 'titleEn', message: m.errors.titleTooLong });
    const choices = await consultationChoices(c.get('db'), session.user.organisationId);
    if (values.consultation !== '' && !choices.some((choice) => choice.slug === values.consultation))
      errors.push({ field: 'consultation', message: m.errors.unknownConsultation });

    let payload: unknown;
    if (files.length > 0 && values.url === '') {
      const read = await readExport(files, m);
      if ('refusal' in read) errors.push({ field: 'files', message: read.refusal });
      else payload = read.payload;
    }
    if (errors.length > 0) return refuse(422);

    const fromUrl = values.url !== '';
    let outcome;
    try {
      outcome = await importThreadFrom(c.get('db'), {
        organisationId: session.user.organisationId,
        ...(fromUrl ? { url: values.url } : { payload }),
        consultation: values.consultation || undefined,
        title: { nl: values.titleNl, ...(values.titleEn ? { en: values.titleEn } : {}) },
        actor: { id: session.user.id },
        settings: settings(),
        now: c.get('now')(),
      });
    } catch (error) {
      const { message, status } = sourceRefusal(error, fromUrl, m, lang);
      return refuse(status, [{ field: fromUrl ? 'url' : 'files', message }]);
    }
    if (outcome.kind === 'unknown_platform')
      return refuse(422, [{ field: 'files', message: m.errors.unknownPlatform }]);
    if (outcome.kind === 'unknown_consultation')
      return refuse(422, [{ field: 'consultation', message: m.errors.unknownConsultation }]);

    const summary = await importedPostsSummary(c.get('db'), outcome.threadId);
    const title = lang === 'en' && values.titleEn ? values.titleEn : values.titleNl;
    const result: ImportResultView = {
      title,
      created: outcome.created,
      posts: summary.posts,
      stats: outcome.stats,
      waiting: outcome.waiting,
      flagged: summary.flagged,
    };
    const status = outcome.created
      ? m.result.imported(title, summary.posts)
      : m.result.reimported(title, summary.posts);
    return page(c, lang, session, { status, result }, outcome.created ? 201 : 200);
  });

  app.post(threadPaths.syncRoute, async (c) => {
    const form = await staffForm(c, 'threads.import');
    if (form instanceof Response) return form;
    const { lang, session } = form;
    const m = textsFor(threadTexts, lang);
    const id = ThreadId.safeParse(c.req.param('id'));
    const threads = await listThreadsForStaff(c.get('db'), session.user.organisationId);
    const thread = id.success ? threads.find((t) => t.id === id.data) : undefined;
    const notFound = { field: 'sync', target: 'threads-caption', message: m.errors.threadNotFound };
    if (!thread) return page(c, lang, session, { syncErrors: [notFound] }, 404);
    const title = (lang === 'en' ? (thread.title?.en ?? thread.title?.nl) : thread.title?.nl) ?? m.untitled;
    // A thread from a file, or taken down at its source, has nothing to read again.
    if (!thread.live || thread.removedAt) {
      const message = m.errors.notSyncable;
      return page(c, lang, session, { syncErrors: [{ field: 'sync', target: 'threads-caption', message }] }, 409);
    }
    const result = await resyncThread(c.get('db'), {
      organisationId: session.user.organisationId,
      threadId: thread.id,
      settings: settings(),
      now: c.get('now')(),
      actor: { id: session.user.id },
    });
    const refusal = (message: string, status: 404 | 409 | 502 | 503) =>
      page(c, lang, session, { syncErrors: [{ field: 'sync', target: `sync-${thread.id}`, message }] }, status);
    switch (result.kind) {
      case 'not_found':
        return refusal(m.errors.threadNotFound, 404);
      case 'not_syncable':
        return refusal(m.errors.notSyncable, 409);
      case 'rate_limited':
        return refusal(m.errors.rateLimited(formatTime(result.retryAt, lang)), 503);
      case 'failed':
        return refusal(m.errors.syncFailed, 502);
      case 'removed':
        return page(c, lang, session, { status: m.syncRemoved(title) });
      case 'synced':
        return page(c, lang, session, {
          status: m.synced(title, result.stats),
        });
    }
  });

  return app;
}

async function page(
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  extra: Pick<ThreadPageState, 'values' | 'errors' | 'syncErrors' | 'status' | 'result'>,
  status: 200 | 201 | 404 | 409 | 422 | 502 | 503 = 200,
) {
  const db = c.get('db');
  const state: ThreadPageState = {
    lang,
    session: pageSession(session),
    threads: await listThreadsForStaff(db, session.user.organisationId),
    consultations: await consultationChoices(db, session.user.organisationId),
    ...extra,
    itemHref: can(session.roles, 'queue.read') ? (id) => staffPaths.item(lang, id) : undefined,
  };
  return c.html(renderThreadPage(state), status);
}

/**
 * The answer to an import form larger than even the transport allows (the route refuses
 * what is merely over 2 MB itself, with the typed values kept): in the form's language.
 */
export function threadImportTooLarge(c: Context): Response {
  const lang: Locale = c.req.query('lang') === 'en' ? 'en' : 'nl';
  const m = textsFor(threadTexts, lang).errors;
  return c.html(
    renderMessagePage({
      lang,
      title: m.tooLargeTitle,
      message: m.tooLargeBody,
      link: { href: threadPaths.page(lang), text: m.back },
    }),
    413,
  );
}
