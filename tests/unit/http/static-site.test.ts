import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { Hono } from 'hono';
import { precompressDirectory } from '../../../api/build/precompress.ts';
import { staticSiteFromMemory } from '../../../api/http/static-site.ts';
import { conditionalGet } from '../../../api/http/transfer.ts';

const page = (words: string) =>
  `<!doctype html><html lang="nl"><title>${words}</title>${'<p>Denk mee.</p>'.repeat(200)}`;

describe('the built portal served from memory', () => {
  let dist: string;
  let app: Hono;

  async function build(id: string, files: Record<string, string | Buffer>): Promise<void> {
    const dir = join(dist, 'site-builds', id);
    for (const [path, body] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), body);
    }
    await precompressDirectory(dir);
    // As builds.ts swaps a build in: a new link renamed over the old one.
    symlinkSync(join('site-builds', id), join(dist, 'site.next'));
    renameSync(join(dist, 'site.next'), join(dist, 'site'));
  }

  before(async () => {
    dist = mkdtempSync(join(tmpdir(), 'podium-static-site-'));
    await build('one', {
      'index.html': page('Eerste bouw'),
      'consultaties/fietsroute/index.html': page('Fietsroute'),
      '_astro/Base.CehwdOCI.css': 'body{margin:0}\n'.repeat(200),
      'big.bin': Buffer.alloc(600 * 1024, 1),
    });
    app = new Hono();
    app.use(conditionalGet());
    app.use(
      staticSiteFromMemory({
        root: () => join(dist, 'site'),
        cacheControl: (path, type) => (type.startsWith('text/html') ? 'no-cache' : undefined),
      }),
    );
    app.get('*', (c) => c.text('passed on', 404));
  });
  after(() => rmSync(dist, { recursive: true, force: true }));

  it('sends the precompressed file the browser accepts, with its type, tag, caching rule and Vary', async () => {
    const response = await app.request('/consultaties/fietsroute/', { headers: { 'Accept-Encoding': 'gzip, br' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Encoding'), 'br');
    assert.equal(response.headers.get('Content-Type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('Cache-Control'), 'no-cache');
    assert.equal(response.headers.get('Vary'), 'Accept-Encoding');
    assert.match(response.headers.get('ETag') ?? '', /^W\/".+-br"$/);
    const body = Buffer.from(await response.arrayBuffer());
    assert.equal(Number(response.headers.get('Content-Length')), body.length);
    assert.equal(brotliDecompressSync(body).toString(), page('Fietsroute'));
  });

  it('sends the plain file when no encoding is accepted, or the accepted one is refused with q=0', async () => {
    for (const header of [undefined, 'br;q=0, gzip;q=0']) {
      const response = await app.request('/', header ? { headers: { 'Accept-Encoding': header } } : {});
      assert.equal(response.headers.get('Content-Encoding'), null);
      assert.equal(await response.text(), page('Eerste bouw'));
    }
  });

  it('answers a repeated request with 304 when the browser has the tag', async () => {
    const first = await app.request('/', { headers: { 'Accept-Encoding': 'br' } });
    const again = await app.request('/', {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': first.headers.get('ETag')! },
    });
    assert.equal(again.status, 304);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await app.request('/', { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '');
    assert.ok(Number(response.headers.get('Content-Length')) > 0);
  });

  it('serves the new build as soon as the link points to it, never a page of the old one', async () => {
    assert.match(await (await app.request('/')).text(), /Eerste bouw/);
    await build('two', { 'index.html': page('Tweede bouw') });
    assert.match(await (await app.request('/')).text(), /Tweede bouw/);
    assert.equal((await app.request('/consultaties/fietsroute/')).status, 404, 'a page the new build lacks');
  });

  it('passes on what it does not keep: large files, missing files, paths out of the build, other methods', async () => {
    await build('three', { 'index.html': page('Derde bouw'), 'big.bin': Buffer.alloc(600 * 1024, 1) });
    for (const path of [
      '/big.bin',
      '/bestaat-niet/',
      '/../site-builds/one/index.html',
      '/%2e%2e/site-builds/one/index.html',
    ])
      assert.equal(await (await app.request(path)).text(), 'passed on', path);
    assert.equal((await app.request('/', { method: 'POST' })).status, 404);
  });
});
