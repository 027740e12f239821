/**
 * Portal pages made per request — a built shell with the published lists filled in
 * (routes/portal-lists.ts) — kept once made, with their compressed forms.
 *
 * Making one read the shell from disk, read the lists from the database, rendered them and
 * gzipped 17 KB on the fly: about 20 ms of a 2-core server per view of a consultation page,
 * which a bare static server sends in a fraction of a millisecond (tests/bench/reads.ts). What
 * such a page shows changes only with its validator — the content revision, the shell file and
 * the address, hashed into its ETag — so a page is kept under that tag and made again only when
 * the tag changes (a publication, a rebuild). Kept at most MAX_AGE_MS besides, since a status
 * shown on the page also follows the clock until the rebuild that the status change starts.
 *
 * Compressed once per encoding a browser asks for (Brotli, else gzip), so the answer carries
 * its Content-Encoding and transfer.ts leaves it alone.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';

const MAX_ENTRIES = 500;
const MAX_AGE_MS = 10_000;
/** Brotli's middle quality: most of its gain over gzip, at a cost close to gzip's. */
const BROTLI_QUALITY = 5;

type Entry = { html: string; madeAt: number; encoded: Map<string, Uint8Array<ArrayBuffer>> };

const ENCODERS: Record<'br' | 'gzip' | 'identity', (html: string) => Uint8Array<ArrayBuffer>> = {
  br: (html) =>
    new Uint8Array(brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })),
  gzip: (html) => new Uint8Array(gzipSync(html)),
  identity: (html) => new TextEncoder().encode(html),
};

/** The encoding to send for an Accept-Encoding header: Brotli, else gzip, else none. */
function chosenEncoding(header: string | undefined): 'br' | 'gzip' | 'identity' {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name && !params.some((param) => /^\s*q=0(?:\.0*)?\s*$/.test(param))) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  return accepted.has('gzip') || accepted.has('*') ? 'gzip' : 'identity';
}

export type MadePages = {
  /** The page kept under this tag, if it is still young enough to send. */
  find(tag: string): string | undefined;
  /** Keeps a page just made under its tag. */
  keep(tag: string, html: string): void;
  /** The answer for a page, compressed as the browser accepts; the caller set its other validators. */
  answer(c: Context, tag: string, html: string): Response;
};

export function madePages(options: { now?: () => number } = {}): MadePages {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const fresh = (tag: string) => {
    const entry = entries.get(tag);
    if (entry && now() - entry.madeAt < MAX_AGE_MS) return entry;
    if (entry) entries.delete(tag);
    return undefined;
  };
  return {
    find: (tag) => fresh(tag)?.html,
    keep(tag, html) {
      entries.delete(tag);
      // The oldest made is forgotten first: Maps keep insertion order.
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(tag, { html, madeAt: now(), encoded: new Map() });
    },
    answer(c, tag, html) {
      const encoding = chosenEncoding(c.req.header('Accept-Encoding'));
      const entry = fresh(tag);
      let body = entry?.html === html ? entry.encoded.get(encoding) : undefined;
      if (!body) {
        body = ENCODERS[encoding](html);
        if (entry?.html === html) entry.encoded.set(encoding, body);
      }
      c.header('Content-Type', 'text/html; charset=UTF-8');
      c.header('Vary', 'Accept-Encoding');
      c.header('Content-Length', String(body.length));
      // The bytes differ per encoding: a compressed answer's tag can only say "same meaning".
      c.header('ETag', encoding === 'identity' ? tag : `W/${tag}`);
      if (encoding !== 'identity') c.header('Content-Encoding', encoding);
      return c.req.method === 'HEAD' ? c.body(null, 200) : c.body(body, 200);
    },
  };
}
