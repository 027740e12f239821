import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { precompressDirectory } from '../../api/build/precompress.ts';
import { createApp } from '../../api/app.ts';
import { IMMUTABLE } from '../../api/http/transfer.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

const page = `<!doctype html><html lang="nl"><title>Podium</title>${'<p>Denk mee over de fietsroute.</p>'.repeat(100)}`;

for (const target of databaseTargets()) {
  describe(`compression, validators and long caching (${target.name})`, () => {
    let t: TestApp;
    let dir: string;
    let app: ReturnType<typeof createApp>;
    let code: string;
    before(async () => {
      t = await openTestApp(target);
      dir = mkdtempSync(join(tmpdir(), 'podium-transfer-'));
      mkdirSync(join(dir, 'site', '_astro'), { recursive: true });
      mkdirSync(join(dir, 'widgets'), { recursive: true });
      writeFileSync(join(dir, 'site', 'index.html'), page);
      writeFileSync(join(dir, 'site', '404.html'), '<!doctype html><html lang="nl"><title>Niet gevonden</title>');
      writeFileSync(join(dir, 'site', '_astro', 'Base.CehwdOCI.css'), 'body{margin:0}\n'.repeat(200));
      writeFileSync(join(dir, 'widgets', 'podium-submit.js'), `export {};\n${'//\n'.repeat(600)}`);
      writeFileSync(join(dir, 'widgets', 'chunks-send-D5btXFXE.js'), 'export const send = 1;');
      await precompressDirectory(join(dir, 'site'));
      await precompressDirectory(join(dir, 'widgets'));
      app = createApp({
        db: t.db,
        databaseKind: t.database.kind,
        now: () => NOW,
        siteDir: () => join(dir, 'site'),
        widgetsDir: join(dir, 'widgets'),
      });
      const receipt = await postJson(app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: validAnswers,
      });
      code = (await receipt.json()).code;
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await t.close();
    });

    it('sends a portal page precompressed in the best encoding the browser accepts, and says it varies', async () => {
      const br = await app.request('/', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      assert.equal(br.headers.get('Content-Encoding'), 'br');
      assert.match(br.headers.get('Vary') ?? '', /Accept-Encoding/i);
      assert.ok(Number(br.headers.get('Content-Length')) < page.length / 5);
      const gz = await app.request('/', { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(gz.headers.get('Content-Encoding'), 'gzip');
      assert.equal(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString(), page);
      const plain = await app.request('/');
      assert.equal(plain.headers.get('Content-Encoding'), null);
      assert.equal(await plain.text(), page);
    });

    it('answers a page the browser already has with 304, by tag or by date, keeping its caching rule', async () => {
      const first = await app.request('/', { headers: { 'Accept-Encoding': 'br' } });
      const tag = first.headers.get('ETag');
      assert.ok(tag);
      assert.equal(first.headers.get('Cache-Control'), 'no-cache');
      const byTag = await app.request('/', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': tag } });
      assert.equal(byTag.status, 304);
      assert.equal(await byTag.text(), '');
      assert.equal(byTag.headers.get('Cache-Control'), 'no-cache');
      assert.equal(byTag.headers.get('ETag'), tag);
      // The browser copies a 304's headers onto the page it kept: a policy for "no body"
      // would replace the page's own and block its stylesheet.
      for (const header of ['Content-Length', 'Content-Type', 'Content-Encoding', 'Content-Security-Policy'])
        assert.equal(byTag.headers.get(header), null, `a 304 has no ${header}`);
      const byDate = await app.request('/', {
        headers: { 'If-Modified-Since': first.headers.get('Last-Modified')! },
      });
      assert.equal(byDate.status, 304);
      const otherEncoding = await app.request('/', { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': tag } });
      assert.equal(otherEncoding.status, 200, 'the gzip copy is another representation');
      const stale = await app.request('/', { headers: { 'If-None-Match': '"something-else"' } });
      assert.equal(stale.status, 200);
    });

    it('lets browsers keep files named by their content for a year, and the widget entry files for five minutes', async () => {
      assert.equal((await app.request('/_astro/Base.CehwdOCI.css')).headers.get('Cache-Control'), IMMUTABLE);
      assert.equal((await app.request('/widgets/chunks-send-D5btXFXE.js')).headers.get('Cache-Control'), IMMUTABLE);
      const entry = await app.request('/widgets/podium-submit.js', { headers: { 'Accept-Encoding': 'br' } });
      assert.equal(entry.headers.get('Cache-Control'), 'public, max-age=300');
      assert.equal(entry.headers.get('Content-Encoding'), 'br');
      assert.equal(entry.headers.get('Access-Control-Allow-Origin'), '*');
    });

    it('compresses public JSON on the fly and revalidates it with a tag', async () => {
      const first = await app.request('/api/consultations', { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('Content-Encoding'), 'gzip');
      const body = JSON.parse(gunzipSync(Buffer.from(await first.arrayBuffer())).toString());
      assert.ok(Array.isArray(body) || typeof body === 'object');
      const tag = first.headers.get('ETag');
      assert.match(tag ?? '', /^W\/"/, 'a compressed answer can only promise the same meaning');
      const again = await app.request('/api/consultations', {
        headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': tag! },
      });
      assert.equal(again.status, 304);
      const plain = await app.request('/api/consultations', { headers: { 'If-None-Match': tag! } });
      assert.equal(plain.status, 304, 'the same content, whichever encoding it travelled in');
    });

    it('neither compresses nor tags an answer that holds a follow-up code or belongs to staff', async () => {
      for (const path of [`/api/follow-up/${code}`, '/beheer']) {
        const response = await app.request(path, { headers: { 'Accept-Encoding': 'gzip, br' } });
        assert.match(response.headers.get('Cache-Control') ?? '', /no-store/, path);
        assert.equal(response.headers.get('Content-Encoding'), null, path);
        assert.equal(response.headers.get('ETag'), null, path);
      }
    });

    it('sends errors whole, untagged', async () => {
      const response = await app.request('/api/consultations/bestaat-niet', { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(response.status, 404);
      assert.equal(response.headers.get('ETag'), null);
      assert.equal(response.headers.get('Content-Encoding'), null);
    });
  });
}
