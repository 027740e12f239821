import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { staffSessions, staffUsers } from '../../../../api/db/schema.ts';
import { NOW, openTestApp, postForm, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, ORIGIN, STAFF_PASSWORD, staffPost } from '../../../support/staff.ts';

const MINUTE = 60 * 1000;

for (const target of databaseTargets()) {
  describe(`staff log-in and sessions (${target.name})`, () => {
    let t: TestApp;
    let clock = NOW;
    before(async () => {
      t = await openTestApp(target, { now: () => clock });
    });
    beforeEach(() => {
      clock = NOW;
    });
    after(() => t.close());

    const later = (minutes: number) => {
      clock = new Date(NOW.getTime() + minutes * MINUTE);
    };
    const login = (email: string, password: string, headers: Record<string, string> = { Origin: ORIGIN }) =>
      postForm(
        t.app,
        '/beheer/inloggen',
        [
          ['email', email],
          ['password', password],
        ],
        headers,
      );

    it('shows a log-in form with autocomplete tokens, no paste blocking and no puzzle', async () => {
      const response = await t.app.request('/beheer/inloggen');
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
      assert.match(response.headers.get('Content-Security-Policy') ?? '', /frame-ancestors 'none'/);
      const html = await response.text();
      assert.match(html, /<html lang="nl">/);
      assert.match(html, /<input[^>]*id="email"[^>]*autocomplete="username"/);
      assert.match(html, /<input[^>]*id="password"[^>]*type="password"[^>]*autocomplete="current-password"/);
      assert.doesNotMatch(html, /onpaste|captcha/i);
      assert.match(html, /<label for="email">E-mailadres<\/label>/);
    });

    it('has an English log-in page', async () => {
      const html = await (await t.app.request('/en/manage/login')).text();
      assert.match(html, /<html lang="en">/);
      assert.match(html, /<title>Log in – Podium workbench<\/title>/);
      assert.match(html, /action="\/en\/manage\/login"/);
    });

    it('answers empty fields with an error summary and messages next to them, keeping the e-mail address', async () => {
      const response = await postForm(
        t.app,
        '/beheer/inloggen',
        [
          ['email', 'iemand@demodam.example'],
          ['password', ''],
        ],
        { Origin: ORIGIN },
      );
      assert.equal(response.status, 422);
      const html = await response.text();
      assert.match(html, /<title>Fout: Inloggen/);
      assert.match(html, /class="staff-error-summary"[^>]*autofocus/);
      assert.match(html, /<a href="#password">Vul uw wachtwoord in\.<\/a>/);
      assert.match(
        html,
        /id="password-error"><span class="staff-visually-hidden">Fout: <\/span>Vul uw wachtwoord in\./,
      );
      assert.match(html, /<input[^>]*id="password"[^>]*aria-invalid="true"[^>]*aria-describedby="password-error"/);
      assert.match(html, /value="iemand@demodam\.example"/);
    });

    it('logs in with the right password and sets an HttpOnly, SameSite session cookie', async () => {
      await addStaffUser(t, 'moderator@demodam.example', 'moderator');
      const response = await login('Moderator@Demodam.example', STAFF_PASSWORD);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/');
      const cookie = response.headers.get('Set-Cookie') ?? '';
      assert.match(cookie, /^podium_session=[\w-]{43};/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.match(cookie, /Path=\//);
      assert.doesNotMatch(cookie, /Secure/, 'plain http in tests');
      assert.doesNotMatch(cookie, /Expires|Max-Age/, 'a browser-session cookie');
    });

    it('stores only a hash of the session token', async () => {
      await addStaffUser(t, 'hash@demodam.example', 'moderator');
      const response = await login('hash@demodam.example', STAFF_PASSWORD);
      const token = (response.headers.get('Set-Cookie') ?? '').split(';')[0]!.split('=')[1]!;
      const rows = await t.db.select().from(staffSessions);
      assert.ok(rows.length > 0);
      assert.ok(rows.every((row) => row.id !== token && /^[0-9a-f]{64}$/.test(row.id)));
    });

    it('refuses a wrong password and an unknown address with the same message', async () => {
      await addStaffUser(t, 'wrong@demodam.example', 'moderator');
      const wrong = await login('wrong@demodam.example', 'not the password at all');
      const unknown = await login('nobody@demodam.example', 'not the password at all');
      assert.equal(wrong.status, 401);
      assert.equal(unknown.status, 401);
      const message = /Het e-mailadres of het wachtwoord klopt niet/;
      assert.match(await wrong.text(), message);
      assert.match(await unknown.text(), message);
      assert.equal(wrong.headers.get('Set-Cookie'), null);
    });

    it('refuses a log-in post without our origin (CSRF)', async () => {
      await addStaffUser(t, 'csrf@demodam.example', 'moderator');
      const noOrigin = await login('csrf@demodam.example', STAFF_PASSWORD, {});
      const otherSite = await login('csrf@demodam.example', STAFF_PASSWORD, { Origin: 'https://evil.example' });
      assert.equal(noOrigin.status, 403);
      assert.equal(otherSite.status, 403);
      assert.match(await otherSite.text(), /Dit formulier is verlopen of kwam niet van deze werkplek/);
      const sameSite = await login('csrf@demodam.example', STAFF_PASSWORD, { 'Sec-Fetch-Site': 'same-origin' });
      assert.equal(sameSite.status, 303);
    });

    it('sends people who are not logged in to the log-in page, and back afterwards', async () => {
      const response = await t.app.request('/beheer/');
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/inloggen?next=%2Fbeheer%2F');
      await addStaffUser(t, 'next@demodam.example', 'moderator');
      const back = await postForm(
        t.app,
        '/beheer/inloggen',
        [
          ['email', 'next@demodam.example'],
          ['password', STAFF_PASSWORD],
          ['next', '/en/manage/'],
        ],
        { Origin: ORIGIN },
      );
      assert.equal(back.headers.get('Location'), '/en/manage/');
    });

    it('never sends people to another site after log-in', async () => {
      await addStaffUser(t, 'redirect@demodam.example', 'moderator');
      for (const next of ['//evil.example/staff/', 'https://evil.example/', '/\\evil.example', '/elders']) {
        const response = await postForm(
          t.app,
          '/beheer/inloggen',
          [
            ['email', 'redirect@demodam.example'],
            ['password', STAFF_PASSWORD],
            ['next', next],
          ],
          { Origin: ORIGIN },
        );
        assert.equal(response.headers.get('Location'), '/beheer/', next);
      }
    });

    it('ends a session after thirty idle minutes and clears the cookie', async () => {
      await addStaffUser(t, 'idle@demodam.example', 'moderator');
      const { cookie } = await logIn(t, 'idle@demodam.example');
      later(31);
      const response = await t.app.request('/beheer/', { headers: { Cookie: cookie } });
      assert.equal(response.status, 303);
      assert.match(response.headers.get('Location') ?? '', /^\/beheer\/inloggen/);
      assert.match(response.headers.get('Set-Cookie') ?? '', /podium_session=;/);
    });

    it('keeps a session alive while it is used, up to twelve hours after log-in', async () => {
      await addStaffUser(t, 'busy@demodam.example', 'moderator');
      const { cookie } = await logIn(t, 'busy@demodam.example');
      for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
        later(minutes);
        assert.equal((await t.app.request('/beheer/', { headers: { Cookie: cookie } })).status, 200, `${minutes} min`);
      }
      later(12 * 60 + 1);
      assert.equal((await t.app.request('/beheer/', { headers: { Cookie: cookie } })).status, 303);
    });

    it('extends the session on request and says until when, for the warning script', async () => {
      await addStaffUser(t, 'extend@demodam.example', 'moderator');
      const { cookie, csrf } = await logIn(t, 'extend@demodam.example');
      later(28);
      const response = await t.app.request('/beheer/sessie/verlengen', {
        method: 'POST',
        headers: {
          Cookie: cookie,
          Origin: ORIGIN,
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ csrf }).toString(),
      });
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), {
        status: 'extended',
        expiresAt: new Date(NOW.getTime() + 58 * MINUTE).toISOString(),
      });
      later(50);
      assert.equal((await t.app.request('/beheer/', { headers: { Cookie: cookie } })).status, 200);
    });

    it('extends the session without JavaScript too, returning to the page', async () => {
      await addStaffUser(t, 'extend-nojs@demodam.example', 'moderator');
      const { cookie, csrf } = await logIn(t, 'extend-nojs@demodam.example');
      const response = await staffPost(
        t,
        '/beheer/sessie/verlengen',
        [
          ['csrf', csrf],
          ['next', '/en/manage/'],
        ],
        cookie,
      );
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/en/manage/');
    });

    it('refuses to extend without the CSRF token, and reports an ended session', async () => {
      await addStaffUser(t, 'extend-bad@demodam.example', 'moderator');
      const { cookie } = await logIn(t, 'extend-bad@demodam.example');
      const json = { Accept: 'application/json' };
      const noToken = await t.app.request('/beheer/sessie/verlengen', {
        method: 'POST',
        headers: { ...json, Cookie: cookie, Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'csrf=wrong',
      });
      assert.equal(noToken.status, 403);
      later(45);
      const ended = await t.app.request('/beheer/sessie/verlengen', {
        method: 'POST',
        headers: { ...json, Cookie: cookie, Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'csrf=whatever',
      });
      assert.equal(ended.status, 401);
    });

    it('logs out with the CSRF token; the old cookie no longer works', async () => {
      await addStaffUser(t, 'logout@demodam.example', 'moderator');
      const { cookie, csrf } = await logIn(t, 'logout@demodam.example');
      assert.equal((await staffPost(t, '/beheer/uitloggen', [['csrf', 'forged']], cookie)).status, 403);
      const response = await staffPost(t, '/beheer/uitloggen', [['csrf', csrf]], cookie);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/inloggen?uitgelogd');
      assert.match(response.headers.get('Set-Cookie') ?? '', /podium_session=;/);
      assert.equal((await t.app.request('/beheer/', { headers: { Cookie: cookie } })).status, 303);
      assert.match(
        await (await t.app.request('/beheer/inloggen?uitgelogd')).text(),
        /role="status">U bent uitgelogd\./,
      );
    });

    it('refuses a disabled account', async () => {
      await addStaffUser(t, 'disabled@demodam.example', 'moderator');
      await t.db.update(staffUsers).set({ disabledAt: NOW }).where(eq(staffUsers.email, 'disabled@demodam.example'));
      assert.equal((await login('disabled@demodam.example', STAFF_PASSWORD)).status, 401);
    });
  });

  describe(`staff cookies behind a TLS-terminating proxy (${target.name})`, () => {
    let trusted: TestApp;
    let direct: TestApp;
    before(async () => {
      trusted = await openTestApp(target, { trustProxyHops: 1 });
      direct = await openTestApp(target);
      await addStaffUser(trusted, 'proxy@demodam.example', 'moderator');
      await addStaffUser(direct, 'proxy@demodam.example', 'moderator');
    });
    after(async () => {
      await trusted.close();
      await direct.close();
    });
    const viaProxy = (app: TestApp['app'], proto: string) =>
      postForm(
        app,
        '/beheer/inloggen',
        [
          ['email', 'proxy@demodam.example'],
          ['password', STAFF_PASSWORD],
        ],
        { Origin: ORIGIN, 'X-Forwarded-Proto': proto, 'X-Forwarded-For': '198.51.100.20' },
      );

    it('sets a Secure __Host- cookie when a trusted proxy says the browser used HTTPS, and reads it back', async () => {
      const response = await viaProxy(trusted.app, 'https');
      assert.equal(response.status, 303);
      const cookie = response.headers.get('Set-Cookie') ?? '';
      assert.match(cookie, /^__Host-podium_session=/);
      assert.match(cookie, /; Secure/);
      assert.match(response.headers.get('Strict-Transport-Security') ?? '', /max-age=/);
      const page = await trusted.app.request('/beheer/', {
        headers: { Cookie: cookie.split(';')[0]!, 'X-Forwarded-Proto': 'https' },
      });
      assert.equal(page.status, 200, 'the middleware reads the same cookie');
    });

    it('keeps the cookie plain behind a trusted proxy that says the browser used HTTP', async () => {
      const cookie = (await viaProxy(trusted.app, 'http')).headers.get('Set-Cookie') ?? '';
      assert.match(cookie, /^podium_session=/);
      assert.doesNotMatch(cookie, /Secure/);
    });

    it('ignores X-Forwarded-Proto from a client when no proxy is trusted', async () => {
      const response = await viaProxy(direct.app, 'https');
      assert.equal(response.status, 303);
      const cookie = response.headers.get('Set-Cookie') ?? '';
      assert.match(cookie, /^podium_session=/);
      assert.doesNotMatch(cookie, /Secure/);
      assert.equal(response.headers.get('Strict-Transport-Security'), null);
    });
  });

  describe(`staff cookies over HTTPS (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target, { publicUrl: 'https://podium.demodam.example' });
    });
    after(() => t.close());

    it('uses a Secure __Host- cookie when the public address is https', async () => {
      await addStaffUser(t, 'https@demodam.example', 'moderator');
      const response = await postForm(
        t.app,
        '/beheer/inloggen',
        [
          ['email', 'https@demodam.example'],
          ['password', STAFF_PASSWORD],
        ],
        { Origin: 'https://podium.demodam.example' },
      );
      assert.equal(response.status, 303);
      const cookie = response.headers.get('Set-Cookie') ?? '';
      assert.match(cookie, /^__Host-podium_session=/);
      assert.match(cookie, /Secure/);
      assert.match(cookie, /Path=\//);
      assert.doesNotMatch(cookie, /Domain=/);
    });
  });
}
