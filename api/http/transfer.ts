/**
 * Fewer bytes and fewer full answers for what anyone may cache: gzip for answers made per
 * request, validators (ETag, Last-Modified) so a browser that has an answer gets a 304,
 * and a year of caching for files whose name carries their content hash.
 *
 * Only shareable answers are touched. One that is `private` or `no-store` (the staff
 * workbench, anything with a follow-up code or personal data) is sent as it is: compressing
 * a page that holds a secret beside text an attacker chose leaks the secret through the
 * compressed size (BREACH), and such answers must not be revalidated from a cache anyway.
 *
 * Static files come precompressed from the build (build/precompress.ts); their answers
 * already carry Content-Encoding and are left alone here.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

/** Headers a 304 keeps (RFC 9110 15.4.5). */
const KEPT_ON_NOT_MODIFIED = ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary'];
/** Below this a compressed answer saves less than it costs. */
const COMPRESS_FROM_BYTES = 1024;

/** A year, for files whose name changes when their content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

function isShareable(response: Response): boolean {
  const cacheControl = response.headers.get('Cache-Control') ?? '';
  return !/(?:^|,)\s*(?:private|no-store)\b/i.test(cacheControl);
}

function acceptsGzip(c: Context): boolean {
  return /(?:^|,)\s*(?:gzip|\*)\s*(?:,|;(?!\s*q=0(?:\.0*)?\s*(?:,|$))|$)/i.test(c.req.header('Accept-Encoding') ?? '');
}

function addVary(response: Response, header: string): void {
  const vary = response.headers.get('Vary');
  if (
    vary === '*' ||
    vary
      ?.toLowerCase()
      .split(/\s*,\s*/)
      .includes(header.toLowerCase())
  )
    return;
  response.headers.set('Vary', vary ? `${vary}, ${header}` : header);
}

/** gzip on the fly for shareable text answers (CompressionStream: streamed, never buffered). */
export function compressShareable(): MiddlewareHandler {
  return async function compressShareable(c, next) {
    await next();
    const response = c.res;
    const type = response.headers.get('Content-Type') ?? '';
    const length = response.headers.get('Content-Length');
    if (
      c.req.method === 'HEAD' ||
      response.status !== 200 ||
      !response.body ||
      response.headers.has('Content-Encoding') ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      (length !== null && Number(length) < COMPRESS_FROM_BYTES) ||
      /no-transform/i.test(response.headers.get('Cache-Control') ?? '') ||
      !isShareable(response)
    )
      return;
    addVary(response, 'Accept-Encoding');
    if (!acceptsGzip(c)) return;
    // Headers are changed after the assignment: Hono copies the previous answer's headers
    // onto the one assigned.
    c.res = new Response(response.body.pipeThrough(new CompressionStream('gzip')), response);
    c.res.headers.delete('Content-Length');
    c.res.headers.set('Content-Encoding', 'gzip');
    // The bytes differ from the uncompressed answer's: the tag can only say "same meaning".
    const tag = c.res.headers.get('ETag');
    if (tag && !tag.startsWith('W/')) c.res.headers.set('ETag', `W/${tag}`);
  };
}

/**
 * An ETag on every shareable 200 to a GET, and a 304 when the browser already has it.
 * A file's tag comes from its modification time and size (no need to read it); an answer
 * made per request is hashed.
 */
export function conditionalGet(): MiddlewareHandler {
  return async function conditionalGet(c, next) {
    await next();
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.res.status !== 200 || !isShareable(c.res)) return;
    const response = c.res;
    const tag = response.headers.get('ETag') ?? (await tagOf(response));
    if (!tag) return;
    response.headers.set('ETag', tag);
    const ifNoneMatch = c.req.header('If-None-Match');
    const ifModifiedSince = c.req.header('If-Modified-Since');
    const lastModified = response.headers.get('Last-Modified');
    const notModified =
      ifNoneMatch !== undefined
        ? ifNoneMatch.trim() === '*' ||
          (ifNoneMatch.match(/"[^"]*"/g) ?? ([] as string[])).includes(tag.replace(/^W\//, ''))
        : ifModifiedSince !== undefined &&
          lastModified !== null &&
          Date.parse(lastModified) <= Date.parse(ifModifiedSince);
    if (!notModified) return;
    await response.body?.cancel();
    // Hono copies the previous answer's headers onto the one assigned: drop all but these.
    c.res = new Response(null, { status: 304 });
    for (const name of [...c.res.headers.keys()]) if (!KEPT_ON_NOT_MODIFIED.includes(name)) c.res.headers.delete(name);
  };
}

/**
 * A file's tag: its modification time (to the second, as Last-Modified says it) and size. A
 * portal build writes every file anew and takes several seconds, so two builds never share
 * a second.
 */
async function tagOf(response: Response): Promise<string | undefined> {
  const modified = response.headers.get('Last-Modified');
  const length = response.headers.get('Content-Length');
  const encoding = response.headers.get('Content-Encoding') ?? 'identity';
  if (modified && length) return `W/"${Date.parse(modified).toString(36)}-${Number(length).toString(36)}-${encoding}"`;
  if (!response.body) return undefined;
  const bytes = await response.clone().arrayBuffer();
  const digest = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('base64url');
  return `"${digest.slice(0, 27)}"`;
}
