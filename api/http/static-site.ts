/**
 * The built portal, served from memory. Every request for a page used to open the file,
 * stream it through a web stream and close it again; for the small files a portal is made of
 * (pages of a few KB, precompressed beside them) that cost about four times what a bare Node
 * static server spends (tests/bench/reads.ts). A build is never changed once it is swapped in
 * (builds.ts writes each build to a directory of its own and switches the `site` link), so a
 * file read once can be kept until the link points elsewhere: the link is read on every
 * request (one cheap system call) and the cache starts empty for each new build.
 *
 * Only files up to FILE_LIMIT bytes are kept, and at most CACHE_LIMIT bytes in all; larger
 * files and anything not found here go on to the next handler (Hono's serveStatic), so
 * nothing is served differently, only faster.
 */
import { statSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { currentBuild } from '../build/current-build.ts';

const FILE_LIMIT = 512 * 1024;
const CACHE_LIMIT = 64 * 1024 * 1024;

/** Precompressed siblings the build writes (build/precompress.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

type Variant = { body: Uint8Array<ArrayBuffer>; encoding: string | undefined; lastModified: string; etag: string };
/** A path's answer per encoding, or `null` when the path has no file small enough to keep. */
type Entry = { variants: Map<string, Variant>; type: string } | null;

function accepted(header: string | undefined): Set<string> {
  const names = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name || params.some((param) => /^\s*q=0(?:\.0*)?\s*$/.test(param))) continue;
    names.add(name);
  }
  return names;
}

function readVariant(file: string, encoding: string | undefined): Variant | undefined {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return undefined;
  }
  if (!stats.isFile() || stats.size > FILE_LIMIT) return undefined;
  // Copied once into a buffer of its own, so the answer can hand it out as it is.
  const body = new Uint8Array(readFileSync(file));
  const lastModified = stats.mtime.toUTCString();
  // The same tag transfer.ts gives a file: modification time, size and encoding.
  const etag = `W/"${Date.parse(lastModified).toString(36)}-${body.length.toString(36)}-${encoding ?? 'identity'}"`;
  return { body, encoding, lastModified, etag };
}

export function staticSiteFromMemory(options: {
  /** The `site` link of the dist directory. */
  root: () => string;
  /** Cache-Control for a path, or undefined to send none. */
  cacheControl: (path: string, type: string) => string | undefined;
}): MiddlewareHandler {
  let build = '';
  let cache = new Map<string, Entry>();
  let cachedBytes = 0;

  function buildOf(root: string): string {
    const target = currentBuild(root);
    // Not a link (a directory copied by hand): it can change under us, so keep nothing.
    if (!target) return '';
    if (target !== build) {
      build = target;
      cache = new Map();
      cachedBytes = 0;
    }
    return target;
  }

  function load(dir: string, path: string): Entry {
    const relative = path.endsWith('/') ? `${path}index.html` : path;
    const file = join(dir, normalize(relative));
    if (!file.startsWith(`${dir}/`)) return null;
    const identity = readVariant(file, undefined);
    if (!identity) return null;
    const variants = new Map<string, Variant>([['identity', identity]]);
    for (const { name, suffix } of ENCODINGS) {
      const variant = readVariant(`${file}${suffix}`, name);
      if (variant) variants.set(name, variant);
    }
    return { variants, type: getMimeType(file) ?? 'application/octet-stream' };
  }

  return async function staticSiteFromMemory(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const dir = buildOf(options.root());
    if (!dir) return next();
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      return next();
    }
    if (path.includes('\0')) return next();
    let entry = cache.get(path);
    if (entry === undefined) {
      entry = load(dir, path);
      const size = entry ? [...entry.variants.values()].reduce((sum, v) => sum + v.body.length, 0) : 0;
      // Past the limit new paths are read each time rather than evicting: a portal's pages fit.
      if (cachedBytes + size <= CACHE_LIMIT && cache.size < 100_000) {
        cache.set(path, entry);
        cachedBytes += size;
      }
    }
    if (!entry) return next();
    const wanted = accepted(c.req.header('Accept-Encoding'));
    const encoding = ENCODINGS.find(({ name }) => wanted.has(name) && entry.variants.has(name))?.name;
    const variant = entry.variants.get(encoding ?? 'identity')!;
    c.header('Content-Type', entry.type);
    c.header('Content-Length', String(variant.body.length));
    c.header('Last-Modified', variant.lastModified);
    c.header('ETag', variant.etag);
    if (entry.variants.size > 1) c.header('Vary', 'Accept-Encoding');
    if (variant.encoding) c.header('Content-Encoding', variant.encoding);
    const cacheControl = options.cacheControl(path, entry.type);
    if (cacheControl) c.header('Cache-Control', cacheControl);
    return c.req.method === 'HEAD' ? c.body(null, 200) : c.body(variant.body, 200);
  };
}
