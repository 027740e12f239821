import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { madePages } from '../../../api/http/made-pages.ts';

const PAGE = `<!doctype html><html lang="nl"><title>Fietsroute</title><main>${'Een bijdrage. '.repeat(200)}</main></html>`;
const TAG = '"abc"';

/** An app answering the page kept under TAG, or 404 when none is. */
function appWith(pages: ReturnType<typeof madePages>) {
  const app = new Hono();
  app.get('/pagina/', (c) => {
    const kept = pages.find(TAG);
    return kept === undefined ? c.text('not kept', 404) : pages.answer(c, TAG, kept);
  });
  return app;
}

describe('pages made per request and kept', () => {
  it('are found under their tag until they are ten seconds old, then made again', () => {
    let clock = 1_000;
    const pages = madePages({ now: () => clock });
    assert.equal(pages.find(TAG), undefined);
    pages.keep(TAG, PAGE);
    assert.equal(pages.find(TAG), PAGE);
    assert.equal(pages.find('"other"'), undefined, 'another tag (a publication, a rebuild) finds nothing');
    clock += 9_999;
    assert.equal(pages.find(TAG), PAGE);
    clock += 1;
    assert.equal(pages.find(TAG), undefined);
  });

  it('are sent as Brotli or gzip as the browser accepts, with a weak tag, and as they are otherwise', async () => {
    const pages = madePages();
    pages.keep(TAG, PAGE);
    const app = appWith(pages);
    const br = await app.request('/pagina/', { headers: { 'Accept-Encoding': 'gzip, br' } });
    assert.equal(br.headers.get('Content-Encoding'), 'br');
    assert.equal(br.headers.get('ETag'), `W/${TAG}`);
    assert.equal(br.headers.get('Vary'), 'Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    assert.equal(Number(br.headers.get('Content-Length')), brBytes.length);
    assert.ok(brBytes.length < PAGE.length / 4, `${brBytes.length} bytes`);
    assert.equal(brotliDecompressSync(brBytes).toString(), PAGE);

    const gzip = await app.request('/pagina/', { headers: { 'Accept-Encoding': 'gzip, br;q=0' } });
    assert.equal(gzip.headers.get('Content-Encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString(), PAGE);

    const plain = await app.request('/pagina/');
    assert.equal(plain.headers.get('Content-Encoding'), null);
    assert.equal(plain.headers.get('ETag'), TAG);
    assert.equal(plain.headers.get('Content-Type'), 'text/html; charset=UTF-8');
    assert.equal(await plain.text(), PAGE);

    const head = await app.request('/pagina/', { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
    assert.equal(head.status, 200);
    assert.equal((await head.arrayBuffer()).byteLength, 0);
  });

  it('forget the oldest page first when full', () => {
    const pages = madePages();
    for (let i = 0; i <= 500; i++) pages.keep(`"${i}"`, `page ${i}`);
    assert.equal(pages.find('"0"'), undefined);
    assert.equal(pages.find('"1"'), 'page 1');
    assert.equal(pages.find('"500"'), 'page 500');
  });
});
