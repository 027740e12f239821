/**
 * Mirrored social-media threads, read-only for the public: the shape the portal and the
 * `podium-thread` widget render. Posts deleted at the source are not served.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Problem } from '../../shared/contracts/public-content.ts';
import { SocialThreadPage, SocialThreadSummary } from '../../shared/contracts/social-thread.ts';
import type { AppEnv } from '../http/app-env.ts';
import { problem, validationHook } from '../http/problem.ts';
import { readPublicThreadPage, THREAD_PAGE_SIZE } from '../services/social/public-mirror.ts';
import { listThreads, shownMedia } from '../services/social/threads.ts';
import {
  fetchMirrorImage,
  findMirroredImage,
  MirrorImages,
  type MirrorImagesOptions,
  MirrorImagesBusy,
  MirrorImageUnavailable,
} from '../services/social/mirror-media.ts';
import { DEFAULT_IMPORT_SETTINGS, type ImportSettings } from '../services/social/thread-admin.ts';
import { InputText } from '../../shared/contracts/input-text.ts';

const problemContent = { 'application/problem+json': { schema: Problem } };

const Slug = InputText.min(1).max(200);

const listThreadsRoute = createRoute({
  method: 'get',
  path: '/api/threads',
  tags: ['Public'],
  summary: 'List mirrored social-media threads, newest first',
  request: { query: z.object({ consultation: Slug.optional(), topic: Slug.optional() }) },
  responses: {
    200: { description: 'Threads', content: { 'application/json': { schema: z.array(SocialThreadSummary) } } },
  },
});

const getThreadRoute = createRoute({
  method: 'get',
  path: '/api/threads/{id}',
  tags: ['Public'],
  summary: 'One mirrored social-media thread, a page at a time',
  description:
    'The post and its replies in reading order (root first, depth first), with `parentId` and `depth` for nesting, ' +
    `\`pageSize\` shown posts to a page (at most ${THREAD_PAGE_SIZE}); a page past the last gives the last page, ` +
    'its `page` says which. `lang` is omitted when the platform declared no plausible language; `media[].alt` is null ' +
    'when there is no description. Posts deleted at the source are left out, or shown as an empty placeholder while ' +
    'replies hang under them.',
  request: {
    params: z.object({ id: z.uuid().openapi({ description: "Podium's id of the thread" }) }),
    query: z.object({
      page: z.coerce.number().int().min(1).max(100_000).default(1).openapi({ example: 1 }),
      pageSize: z.coerce.number().int().min(1).max(THREAD_PAGE_SIZE).default(THREAD_PAGE_SIZE),
    }),
  },
  responses: {
    200: { description: 'A page of the thread', content: { 'application/json': { schema: SocialThreadPage } } },
    404: { description: 'No such thread, or withdrawn because it was deleted at the source', content: problemContent },
    422: { description: 'Not a thread id, or page or page size out of range', content: problemContent },
  },
});

const mediaRoute = createRoute({
  method: 'get',
  path: '/api/threads/{id}/media/{key}',
  tags: ['Public'],
  summary: 'An image of a mirrored post, served by Podium',
  description:
    'The address a public mirror gives an image (`media[].url`): Podium fetches the file from the platform ' +
    'itself, so the reader’s browser never contacts the platform and the address names no one. Only images ' +
    'of published posts; JPEG, PNG, WebP, GIF or AVIF up to 5 MB, fetched within 10 seconds. One fetch per ' +
    'image at a time, whoever asks; an image the platform did not give is answered with 502 and `Retry-After` ' +
    'for five minutes without asking the platform again.',
  request: {
    params: z.object({
      id: z.uuid().openapi({ description: "Podium's id of the thread" }),
      key: InputText.regex(/^[A-Za-z0-9_-]{22}$/).openapi({ description: 'The opaque key from `media[].url`' }),
    }),
  },
  responses: {
    200: { description: 'The image', content: { 'image/*': { schema: InputText.openapi({ format: 'binary' }) } } },
    404: { description: 'No such image in a published post', content: problemContent },
    422: { description: 'Not a thread id or key', content: problemContent },
    502: {
      description: 'The platform did not give an image Podium passes on (now or in the last five minutes)',
      headers: { 'Retry-After': { schema: { type: 'string' }, description: 'Seconds until Podium asks again' } },
      content: problemContent,
    },
    503: {
      description: 'Too many images are being fetched; try again later',
      headers: { 'Retry-After': { schema: { type: 'string' }, description: 'Seconds to wait' } },
      content: problemContent,
    },
  },
});

export function threadRoutes(
  options: { settings?: () => ImportSettings; images?: Omit<MirrorImagesOptions, 'fetchImage'> } = {},
): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const settings = options.settings ?? (() => DEFAULT_IMPORT_SETTINGS);
  const images = new MirrorImages({
    fetchImage: (url) => fetchMirrorImage(url, { allowPrivateHosts: settings().allowPrivateHosts }),
    ...(options.images ?? {}),
  });

  app.openapi(listThreadsRoute, async (c) => c.json(await listThreads(c.get('db'), c.req.valid('query')), 200));

  app.openapi(getThreadRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { page, pageSize } = c.req.valid('query');
    let found = await readPublicThreadPage(c.get('db'), id, page, pageSize);
    // The thread can have shrunk since the reader's last page: they get its last page.
    if (found && 'pastEnd' in found) found = await readPublicThreadPage(c.get('db'), id, found.pastEnd, pageSize);
    if (!found || 'pastEnd' in found) return problem(c, 404, 'thread_not_found') as never;
    const { thread, onPage, pages, shown, from, to } = found;
    const body: SocialThreadPage = {
      ...thread,
      posts: thread.posts.filter((_, index) => onPage[index]),
      earlier: thread.posts.filter((_, index) => !onPage[index]),
      page: found.page,
      pageSize,
      pageCount: pages,
      total: shown,
      from,
      to,
    };
    // Mirrors change with every sync; a short cache keeps widgets cheap and deletions quick.
    return c.json(body, 200, { 'Cache-Control': 'public, max-age=60' });
  });

  app.openapi(mediaRoute, async (c) => {
    const { id, key } = c.req.valid('param');
    // The shown posts' media (withheld posts carry none), with the platform's addresses.
    const thread = await shownMedia(c.get('db'), id);
    const url = thread && findMirroredImage(thread, key);
    if (!url) return problem(c, 404, 'mirror_image_not_found') as never;
    let image;
    try {
      image = await images.get(url);
    } catch (error) {
      const retryAfter = (e: { retryAfterSeconds: number }) => ({
        headers: { 'Retry-After': String(e.retryAfterSeconds) },
      });
      // Unreachable, refused (private host), not an image, too large, too slow: the platform's side.
      if (error instanceof MirrorImageUnavailable)
        return problem(c, 502, 'thread_source_failed', retryAfter(error)) as never;
      if (error instanceof MirrorImagesBusy) return problem(c, 503, 'mirror_images_busy', retryAfter(error)) as never;
      throw error;
    }
    return c.body(image.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': image.type,
      'Content-Length': String(image.body.byteLength),
      'Cache-Control': 'public, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'same-origin',
    }) as never;
  });

  return app;
}
