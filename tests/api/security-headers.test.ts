import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../api/app.ts';
import { NON_HTML_CSP, PORTAL_CSP } from '../../api/http/security-headers.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

for (const target of databaseTargets()) {
  describe(`security headers on every kind of response (${target.name})`, () => {
    let t: TestApp;
    let dir: string;
    let app: ReturnType<typeof createApp>;
    let proxied: ReturnType<typeof createApp>;
    before(async () => {
      t = await openTestApp(target);
      dir = mkdtempSync(join(tmpdir(), 'podium-headers-'));
      mkdirSync(join(dir, 'site', '_astro'), { recursive: true });
      mkdirSync(join(dir, 'widgets'), { recursive: true });
      writeFileSync(
        join(dir, 'site', 'index.html'),
        '<!doctype html><html lang="nl"><title>Podium</title><h1>Podium</h1>',
      );
      writeFileSync(join(dir, 'site', '404.html'), '<!doctype html><html lang="nl"><title>Niet gevonden</title>');
      writeFileSync(join(dir, 'site', '_astro', 'page.css'), 'body{margin:0}');
      writeFileSync(join(dir, 'widgets', 'podium-submit.js'), 'export {};');
      const options = {
        db: t.db,
        databaseKind: t.database.kind,
        now: () => NOW,
        siteDir: () => join(dir, 'site'),
        widgetsDir: join(dir, 'widgets'),
      };
      app = createApp(options);
      proxied = createApp({ ...options, trustProxyHops: 1 });
      app.get('/api/test-failure', () => {
        throw new Error('on purpose');
      });
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await t.close();
    });

    const common = (response: Response) => {
      assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
      assert.ok(response.headers.get('Referrer-Policy'));
    };

    it('gives portal pages the strict policy: own scripts and styles only, never framed', async () => {
      const response = await app.request('/');
      assert.equal(response.status, 200);
      common(response);
      const csp = response.headers.get('Content-Security-Policy') ?? '';
      assert.equal(csp, PORTAL_CSP);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(response.headers.get('X-Frame-Options'), 'DENY');
      assert.equal(response.headers.get('Referrer-Policy'), 'strict-origin-when-cross-origin');
      assert.equal(response.headers.get('Cross-Origin-Resource-Policy'), 'same-origin');
    });

    it('lets browsers keep portal pages only if they ask again each time, so a publication shows on reload', async () => {
      const page = await app.request('/');
      assert.equal(page.headers.get('Cache-Control'), 'no-cache');
      const asset = await app.request('/_astro/page.css');
      assert.equal(asset.status, 200);
      assert.notEqual(asset.headers.get('Cache-Control'), 'no-cache', 'assets are not pages');
    });

    it('gives API answers a policy that lets nothing run, and lets embeds read them', async () => {
      const response = await app.request('/api/consultations');
      assert.equal(response.status, 200);
      common(response);
      assert.equal(response.headers.get('Content-Security-Policy'), NON_HTML_CSP);
      assert.equal(response.headers.get('Cross-Origin-Resource-Policy'), 'cross-origin');
    });

    it('serves the widget bundle to other origins without a policy that would break it', async () => {
      const response = await app.request('/widgets/podium-submit.js');
      assert.equal(response.status, 200);
      common(response);
      assert.equal(response.headers.get('Content-Security-Policy'), null);
      assert.equal(response.headers.get('X-Frame-Options'), null);
      assert.equal(response.headers.get('Cross-Origin-Resource-Policy'), 'cross-origin');
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
    });

    it('dresses assets, 404 pages and API 404s too', async () => {
      const css = await app.request('/_astro/page.css');
      assert.equal(css.status, 200);
      assert.equal(css.headers.get('Content-Security-Policy'), NON_HTML_CSP);
      const page = await app.request('/bestaat-niet/');
      assert.equal(page.status, 404);
      assert.equal(page.headers.get('Content-Security-Policy'), PORTAL_CSP);
      const api = await app.request('/api/bestaat-niet');
      assert.equal(api.status, 404);
      common(api);
      assert.equal(api.headers.get('Content-Security-Policy'), NON_HTML_CSP);
    });

    it('dresses server errors and refused bodies', async () => {
      const originalError = console.error;
      console.error = () => {};
      try {
        const failure = await app.request('/api/test-failure');
        assert.equal(failure.status, 500);
        common(failure);
        assert.equal(failure.headers.get('Content-Security-Policy'), NON_HTML_CSP);
      } finally {
        console.error = originalError;
      }
      const tooLarge = await postJson(app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: { ...validAnswers, toelichting: 'x'.repeat(100_000) },
      });
      assert.equal(tooLarge.status, 413);
      common(tooLarge);
    });

    it('keeps the stricter referrer policy of the follow-up pages', async () => {
      const created = await postJson(app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: validAnswers,
      });
      const { code } = await created.json();
      const response = await app.request(`/volg/${code}/`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Referrer-Policy'), 'no-referrer');
      assert.equal(response.headers.get('Content-Security-Policy'), PORTAL_CSP);
    });

    it('sends HSTS over HTTPS only, and believes a proxy only when told to', async () => {
      assert.equal(
        (await app.request('http://podium.example/api/health')).headers.get('Strict-Transport-Security'),
        null,
      );
      assert.match(
        (await app.request('https://podium.example/api/health')).headers.get('Strict-Transport-Security') ?? '',
        /max-age=\d{8}/,
      );
      const forwarded = { headers: { 'X-Forwarded-Proto': 'https' } };
      assert.equal(
        (await app.request('http://podium.example/api/health', forwarded)).headers.get('Strict-Transport-Security'),
        null,
      );
      assert.ok(
        (await proxied.request('http://podium.example/api/health', forwarded)).headers.get('Strict-Transport-Security'),
      );
      const plain = { headers: { 'X-Forwarded-Proto': 'http' } };
      assert.equal(
        (await proxied.request('http://podium.example/api/health', plain)).headers.get('Strict-Transport-Security'),
        null,
      );
    });
  });
}
