/**
 * The staff JSON API for mirrored threads (`/api/staff/threads`): import from a post address
 * or a platform's JSON, list, re-sync now, remove with everything derived, and describe media.
 * Plain Hono, described in /api/openapi.json by documented-api.ts; the session cookie (or an
 * API key), the X-CSRF-Token header and the permission (`threads.import` to import, list and
 * re-sync; `threads.manage` to remove and describe) are checked by `requireStaff`. Errors are problem details in the caller's language.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { SocialPlatform } from '../../../shared/contracts/social-thread.ts';
import { fieldErrorsFromZod, problem, invalidFields } from '../../http/problem.ts';
import type { MessageCode } from '../../messages/texts.ts';
import { NeedsImportError } from '../../services/social/fetch-thread.ts';
import { combineExportFiles } from '../../services/social/import-payload.ts';
import { SocialImportError } from '../../services/social/model.ts';
import { RateLimitedError, SourceHttpError } from '../../services/social/polite-fetch.ts';
import { ForbiddenSourceError } from '../../services/social/safe-fetch.ts';
import {
  deleteThread,
  describeMedia,
  DEFAULT_IMPORT_SETTINGS,
  importedPostsSummary,
  importThreadFrom,
  listThreadsForStaff,
  resyncThread,
  type ImportSettings,
} from '../../services/social/thread-admin.ts';
import { can } from '../../services/auth/roles.ts';
import { requireStaff, type StaffEnv } from '../kit/guards.ts';
import { InputText } from '../../../shared/contracts/input-text.ts';

/** Largest platform JSON staff may send: a 100-reply page with includes stays far below. */
export const THREAD_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

const Account = InputText.trim().min(1).max(320);

export const ImportBody = z
  .object({
    url: InputText.trim().min(1).max(2000).optional(),
    payload: z.union([z.record(InputText, z.unknown()), z.array(z.unknown())]).optional(),
    /**
     * The files of one thread exactly as the platform gave them (a Mastodon status and its
     * context, in either order; a Bluesky getPostThread answer), as an upload sends them.
     */
    files: z.array(z.record(InputText, z.unknown())).min(1).max(2).optional(),
    platform: SocialPlatform.optional(),
    rootId: InputText.trim().min(1).max(500).optional(),
    consultation: InputText.trim().min(1).max(200).optional(),
    title: z
      .object({ nl: InputText.trim().min(1).max(200), en: InputText.trim().min(1).max(200).optional() })
      .optional(),
    ownAccounts: z.array(Account).max(50).optional(),
    officialAccounts: z.array(Account).max(200).optional(),
    /** Publish the replies screening did not flag at once: a moderation decision, so it needs queue.decide. */
    publish: z.boolean().optional(),
  })
  .strict()
  .refine((body) => [body.url, body.payload, body.files].filter((v) => v !== undefined).length === 1, {
    path: ['url'],
    message: 'Send one of url, payload or files',
  });

export const DescriptionBody = z
  .object({
    postId: InputText.trim().min(1).max(500),
    mediaIndex: z.number().int().min(0).max(20),
    text: InputText.max(1500),
    lang: z.enum(['nl', 'en']),
  })
  .strict();

/** What an import took in: the thread, its counts, and the posts flagged for personal data. */
export const ImportResult = z.object({
  id: z.uuid(),
  created: z.boolean(),
  platform: SocialPlatform,
  stats: z.object({
    added: z.number(),
    updated: z.number(),
    edited: z.number(),
    withheld: z.number().openapi({ description: 'Posts the source now blocks or hides: they leave the mirror' }),
    deleted: z.number(),
  }),
  replies: z.object({ published: z.number(), waiting: z.number() }),
  /** Posts in the thread now (not deleted, no placeholders). */
  posts: z.number(),
  /** Posts screening flagged for personal data (AVG), with what was found; each id is its queue item. */
  flagged: z.array(z.object({ id: z.uuid(), postedAt: InputText, kinds: z.array(InputText) })),
});
type ImportResult = z.infer<typeof ImportResult>;

const ThreadId = z.uuid();

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

function invalid(c: Context, error: z.ZodError) {
  return invalidFields(c, fieldErrorsFromZod(error));
}

/** Why a source could not be read, as the right status and words. */
function sourceProblem(c: Context, error: unknown, fromUrl: boolean): Response {
  const say = (status: 422 | 502 | 503, code: MessageCode) => problem(c, status, code);
  if (error instanceof ForbiddenSourceError) return say(422, 'thread_source_forbidden');
  if (error instanceof NeedsImportError) return say(422, 'thread_needs_json');
  if (error instanceof SocialImportError) return say(422, fromUrl ? 'thread_not_post_url' : 'thread_payload_invalid');
  if (error instanceof RateLimitedError) {
    const seconds = Math.max(1, Math.ceil((error.retryAt.getTime() - Date.now()) / 1000));
    const response = say(503, 'thread_rate_limited');
    response.headers.set('Retry-After', String(seconds));
    return response;
  }
  if (error instanceof SourceHttpError && (error.status === 404 || error.status === 410)) {
    return say(422, 'thread_source_not_found');
  }
  if (fromUrl) return say(502, 'thread_source_failed');
  throw error;
}

export function staffThreadRoutes(options: { settings?: () => ImportSettings } = {}): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const settings = options.settings ?? (() => DEFAULT_IMPORT_SETTINGS);
  // Import, list and re-sync: `threads.import` (webcare too); remove and describe: `threads.manage`.
  const importer = requireStaff('threads.import');
  const manager = requireStaff('threads.manage');

  app.get('/api/staff/threads', importer, async (c) => {
    const session = c.get('session')!;
    return c.json(await listThreadsForStaff(c.get('db'), session.user.organisationId));
  });

  app.post('/api/staff/threads', importer, async (c) => {
    const session = c.get('session')!;
    const parsed = ImportBody.safeParse(await jsonBody(c));
    if (!parsed.success) return invalid(c, parsed.error);
    const body = parsed.data;
    if (body.publish && !can(session.roles, 'queue.decide')) return problem(c, 403, 'staff_forbidden');
    try {
      const outcome = await importThreadFrom(c.get('db'), {
        organisationId: session.user.organisationId,
        url: body.url,
        payload: body.files ? combineExportFiles(body.files) : body.payload,
        platform: body.platform,
        rootId: body.rootId,
        consultation: body.consultation,
        title: body.title,
        accounts: { ownAccounts: body.ownAccounts ?? [], officialAccounts: body.officialAccounts ?? [] },
        actor: { id: session.user.id },
        publish: body.publish,
        settings: settings(),
        now: c.get('now')(),
      });
      if (outcome.kind === 'unknown_platform') return problem(c, 422, 'thread_unknown_platform');
      if (outcome.kind === 'unknown_consultation') return problem(c, 422, 'unknown_consultation');
      const summary = await importedPostsSummary(c.get('db'), outcome.threadId);
      const result: ImportResult = {
        id: outcome.threadId,
        created: outcome.created,
        platform: outcome.platform,
        stats: outcome.stats,
        replies: { published: outcome.published, waiting: outcome.waiting },
        posts: summary.posts,
        flagged: summary.flagged,
      };
      return c.json(result, outcome.created ? 201 : 200);
    } catch (error) {
      return sourceProblem(c, error, body.url !== undefined);
    }
  });

  app.post('/api/staff/threads/:id/sync', importer, async (c) => {
    const session = c.get('session')!;
    const id = ThreadId.safeParse(c.req.param('id'));
    if (!id.success) return problem(c, 404, 'thread_not_found');
    const result = await resyncThread(c.get('db'), {
      organisationId: session.user.organisationId,
      threadId: id.data,
      settings: settings(),
      now: c.get('now')(),
      actor: { id: session.user.id },
    });
    switch (result.kind) {
      case 'not_found':
        return problem(c, 404, 'thread_not_found');
      case 'not_syncable':
        return problem(c, 409, 'thread_not_syncable');
      case 'rate_limited': {
        const response = problem(c, 503, 'thread_rate_limited');
        response.headers.set('Retry-After', result.retryAt.toUTCString());
        return response;
      }
      case 'failed':
        return problem(c, 502, 'thread_source_failed');
      case 'removed':
        return c.json({ kind: 'removed' });
      case 'synced':
        return c.json({ kind: 'synced', stats: result.stats });
    }
  });

  app.delete('/api/staff/threads/:id', manager, async (c) => {
    const session = c.get('session')!;
    const id = ThreadId.safeParse(c.req.param('id'));
    if (!id.success) return problem(c, 404, 'thread_not_found');
    const result = await deleteThread(c.get('db'), {
      organisationId: session.user.organisationId,
      threadId: id.data,
      actor: { id: session.user.id },
      now: c.get('now')(),
    });
    if (result.kind === 'not_found') return problem(c, 404, 'thread_not_found');
    return c.json({ deleted: { posts: result.posts, authors: result.authors } });
  });

  app.put('/api/staff/threads/:id/media-descriptions', manager, async (c) => {
    const session = c.get('session')!;
    const id = ThreadId.safeParse(c.req.param('id'));
    if (!id.success) return problem(c, 404, 'thread_not_found');
    const parsed = DescriptionBody.safeParse(await jsonBody(c));
    if (!parsed.success) return invalid(c, parsed.error);
    const result = await describeMedia(c.get('db'), {
      organisationId: session.user.organisationId,
      threadId: id.data,
      ...parsed.data,
      staffUserId: session.user.id,
      now: c.get('now')(),
    });
    if (result.kind === 'not_found') return problem(c, 404, 'thread_not_found');
    if (result.kind === 'no_media') return problem(c, 404, 'media_not_found');
    return c.json({ saved: true, mediaUrl: result.mediaUrl });
  });

  return app;
}
