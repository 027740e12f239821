/**
 * Two-step verification on both databases: setting it up, the log-in in two steps (wrong,
 * old and reused codes, recovery codes, the half-done log-in's life and cookie), turning it
 * off, the organisation's requirement and an administrator's reset, with bad input on every
 * new endpoint.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import {
  auditLog,
  organisations,
  staffPendingLogins,
  staffRecoveryCodes,
  staffSecondFactors,
  staffSessions,
  staffUsers,
} from '../../../../api/db/schema.ts';
import { codeAt } from '../../../../api/services/auth/totp.ts';
import { NOW, openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, ORIGIN, STAFF_PASSWORD, staffPost } from '../../../support/staff.ts';

const STEP = 30_000;
const PENDING = 'podium_login_step';
const SESSION = 'podium_session';

/** The cookie `name` a response sets (not one it deletes), as `name=value`. */
function cookieSet(response: Response, name: string): string | undefined {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);
}

const secretOn = (html: string) =>
  /<code class="staff-secret">([A-Z2-7 ]+)<\/code>/.exec(html)?.[1]?.replaceAll(' ', '');
const recoveryCodesOn = (html: string) =>
  [...html.matchAll(/<li><code class="staff-secret">([a-z0-9-]+)<\/code><\/li>/g)].map((m) => m[1]!);
const csrfOn = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1];

for (const target of databaseTargets()) {
  describe(`two-step verification (${target.name})`, () => {
    let t: TestApp;
    let clock = NOW;
    let secretKey: Buffer | undefined = randomBytes(32);
    let organisationId: string;
    before(async () => {
      t = await openTestApp(target, {
        now: () => clock,
        socialPosting: () => ({ secretKey, allowPrivateHosts: false }),
      });
      const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam'));
      organisationId = org!.id;
    });
    beforeEach(() => {
      clock = NOW;
    });
    after(() => t.close());

    const later = (ms: number) => {
      clock = new Date(clock.getTime() + ms);
    };
    const get = (path: string, cookie?: string) => t.app.request(path, { headers: cookie ? { Cookie: cookie } : {} });
    const passwordLogin = (email: string, password = STAFF_PASSWORD, path = '/beheer/inloggen') =>
      staffPost(t, path, [
        ['email', email],
        ['password', password],
      ]);
    const idOf = async (email: string) =>
      (await t.db.select().from(staffUsers).where(eq(staffUsers.email, email)))[0]!.id;
    const actions = async (subjectId: string) =>
      (await t.db.select().from(auditLog).where(eq(auditLog.subjectId, subjectId))).map((row) => row.action);

    /** Sets up a factor for a logged-in account: returns the secret and the recovery codes. */
    async function enrol(who: { cookie: string; csrf: string }) {
      const started = await staffPost(t, '/beheer/tweestapsverificatie/instellen', [['csrf', who.csrf]], who.cookie);
      assert.equal(started.status, 303);
      const page = await (await get('/beheer/tweestapsverificatie', who.cookie)).text();
      const secret = secretOn(page)!;
      assert.ok(secret, 'the page shows the key');
      const confirmed = await staffPost(
        t,
        '/beheer/tweestapsverificatie/bevestigen',
        [
          ['csrf', who.csrf],
          ['code', codeAt(secret, clock)],
        ],
        who.cookie,
      );
      assert.equal(confirmed.status, 200);
      return { secret, recoveryCodes: recoveryCodesOn(await confirmed.text()) };
    }

    /** A colleague with an active factor; the clock moved past the step used to confirm it. */
    async function enrolled(email: string) {
      await addStaffUser(t, email, 'webcare');
      const who = await logIn(t, email);
      const factor = await enrol(who);
      later(STEP);
      return { ...factor, id: await idOf(email) };
    }

    async function pendingLogin(email: string): Promise<string> {
      const response = await passwordLogin(email);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/inloggen/code');
      assert.equal(cookieSet(response, SESSION), undefined, 'no session before the second step');
      return cookieSet(response, PENDING)!;
    }

    const sendCode = (pending: string | undefined, code: string, path = '/beheer/inloggen/code') =>
      staffPost(t, path, [['code', code]], pending);

    // ---- setting it up ----------------------------------------------------------------

    it('shows the key in groups of four and as an otpauth link, and counts it only after a first right code', async () => {
      await addStaffUser(t, 'enrol@2fa.example', 'moderator');
      const who = await logIn(t, 'enrol@2fa.example');
      const id = await idOf('enrol@2fa.example');
      const off = await (await get('/beheer/tweestapsverificatie', who.cookie)).text();
      assert.match(off, /<h1>Tweestapsverificatie<\/h1>/);
      assert.match(off, /Tweestapsverificatie instellen/);

      await staffPost(t, '/beheer/tweestapsverificatie/instellen', [['csrf', who.csrf]], who.cookie);
      const page = await (await get('/beheer/tweestapsverificatie', who.cookie)).text();
      assert.match(page, /<code class="staff-secret">(?:[A-Z2-7]{4} ){7}[A-Z2-7]{4}<\/code>/);
      const secret = secretOn(page)!;
      assert.match(page, new RegExp(`href="otpauth://totp/[^"]*secret=${secret}`));
      assert.match(page, /autocomplete="one-time-code"/);
      // The same key again on a reload: the app already has it.
      assert.equal(secretOn(await (await get('/beheer/tweestapsverificatie', who.cookie)).text()), secret);

      const [row] = await t.db.select().from(staffSecondFactors).where(eq(staffSecondFactors.staffUserId, id));
      assert.equal(row!.confirmedAt, null);
      assert.ok(row!.secretSealed.startsWith('v1.'), 'sealed at rest');
      assert.ok(!row!.secretSealed.includes(secret));
      // Not yet counting: a log-in still needs only the password.
      assert.equal((await passwordLogin('enrol@2fa.example')).headers.get('Location'), '/beheer/');

      const wrong = await staffPost(
        t,
        '/beheer/tweestapsverificatie/bevestigen',
        [
          ['csrf', who.csrf],
          ['code', codeAt(secret, new Date(clock.getTime() - 3 * STEP))],
        ],
        who.cookie,
      );
      assert.equal(wrong.status, 422);
      assert.match(await wrong.text(), /Deze code klopt niet of is al gebruikt/);

      const confirmed = await staffPost(
        t,
        '/beheer/tweestapsverificatie/bevestigen',
        [
          ['csrf', who.csrf],
          ['code', codeAt(secret, clock)],
        ],
        who.cookie,
      );
      assert.equal(confirmed.status, 200);
      const html = await confirmed.text();
      assert.match(html, /<h1>Bewaar uw herstelcodes<\/h1>/);
      const codes = recoveryCodesOn(html);
      assert.equal(codes.length, 10);
      const stored = await t.db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, id));
      assert.equal(stored.length, 10);
      for (const code of codes) assert.ok(stored.every((s) => !s.codeHash.includes(code.replace('-', ''))));
      assert.ok((await actions(id)).includes('staff.second_factor_enrolled'));
      // Shown once: the page now says how many are left, never the codes.
      const status = await (await get('/beheer/tweestapsverificatie', who.cookie)).text();
      assert.match(status, /U heeft nog 10 herstelcodes over/);
      assert.doesNotMatch(status, new RegExp(codes[0]!));
    });

    it('refuses to set up a factor without PODIUM_SECRET_KEY, and says why', async () => {
      await addStaffUser(t, 'nokey@2fa.example', 'webcare');
      const who = await logIn(t, 'nokey@2fa.example');
      const kept = secretKey;
      secretKey = undefined;
      try {
        const page = await (await get('/beheer/tweestapsverificatie', who.cookie)).text();
        assert.match(page, /PODIUM_SECRET_KEY\) is niet ingesteld/);
        assert.doesNotMatch(page, /Tweestapsverificatie instellen<\/button>/);
        const start = await staffPost(t, '/beheer/tweestapsverificatie/instellen', [['csrf', who.csrf]], who.cookie);
        assert.equal(start.status, 422);
        const rows = await t.db
          .select()
          .from(staffSecondFactors)
          .where(eq(staffSecondFactors.staffUserId, await idOf('nokey@2fa.example')));
        assert.equal(rows.length, 0);
      } finally {
        secretKey = kept;
      }
    });

    it('refuses bad input when setting up: no token, no code, a code too long, no key started', async () => {
      await addStaffUser(t, 'badsetup@2fa.example', 'webcare');
      const who = await logIn(t, 'badsetup@2fa.example');
      assert.equal((await staffPost(t, '/beheer/tweestapsverificatie/instellen', [], who.cookie)).status, 403);
      const early = await staffPost(
        t,
        '/beheer/tweestapsverificatie/bevestigen',
        [
          ['csrf', who.csrf],
          ['code', '123456'],
        ],
        who.cookie,
      );
      assert.equal(early.status, 422);
      assert.match(await early.text(), /Begin opnieuw met instellen/);
      await staffPost(t, '/beheer/tweestapsverificatie/instellen', [['csrf', who.csrf]], who.cookie);
      for (const [code, message] of [
        ['', 'Vul de code in.'],
        ['1'.repeat(65), 'Dit is te lang voor een code.'],
      ] as const) {
        const response = await staffPost(
          t,
          '/beheer/tweestapsverificatie/bevestigen',
          [
            ['csrf', who.csrf],
            ['code', code],
          ],
          who.cookie,
        );
        assert.equal(response.status, 422);
        const html = await response.text();
        assert.match(html, new RegExp(message.replace('.', '\\.')));
        assert.match(html, /aria-invalid="true"/);
      }
    });

    // ---- the log-in in two steps --------------------------------------------------------

    it('logs in in two steps: no session after the password, a session after the code', async () => {
      const { secret } = await enrolled('twostep@2fa.example');
      const pending = await pendingLogin('twostep@2fa.example');
      // The half-done log-in opens nothing of the workbench.
      const queue = await get('/beheer/', pending);
      assert.equal(queue.status, 303);
      assert.match(queue.headers.get('Location') ?? '', /\/beheer\/inloggen/);
      const step = await get('/beheer/inloggen/code', pending);
      assert.equal(step.status, 200);
      const html = await step.text();
      assert.match(html, /<h1>Code invullen<\/h1>/);
      assert.match(html, /<input[^>]*id="code"[^>]*autocomplete="one-time-code"/);

      const done = await sendCode(pending, codeAt(secret, clock));
      assert.equal(done.status, 303);
      assert.equal(done.headers.get('Location'), '/beheer/');
      const session = cookieSet(done, SESSION)!;
      assert.equal((await get('/beheer/', session)).status, 200);
      // The pending log-in is used up.
      assert.equal((await sendCode(pending, codeAt(secret, clock))).status, 303);
      const id = await idOf('twostep@2fa.example');
      assert.equal(
        (await t.db.select().from(staffPendingLogins).where(eq(staffPendingLogins.staffUserId, id))).length,
        0,
      );
    });

    it('keeps where the person was going through the second step, in English too', async () => {
      const { secret } = await enrolled('next@2fa.example');
      const response = await staffPost(t, '/en/manage/login', [
        ['email', 'next@2fa.example'],
        ['password', STAFF_PASSWORD],
        ['next', '/en/manage/notifications'],
      ]);
      assert.equal(response.headers.get('Location'), '/en/manage/login/code');
      const pending = cookieSet(response, PENDING)!;
      const page = await (await get('/en/manage/login/code', pending)).text();
      assert.match(page, /<html lang="en">/);
      assert.match(page, /<h1>Enter your code<\/h1>/);
      const done = await sendCode(pending, codeAt(secret, clock), '/en/manage/login/code');
      assert.equal(done.headers.get('Location'), '/en/manage/notifications');
    });

    it('accepts a code one step old or ahead, but not two, and never the same step twice', async () => {
      const { secret } = await enrolled('window@2fa.example');
      // Well past the step the factor was confirmed with, so the step before now is unused.
      later(3 * STEP);
      let pending = await pendingLogin('window@2fa.example');
      const old = await sendCode(pending, codeAt(secret, new Date(clock.getTime() - 2 * STEP)));
      assert.equal(old.status, 422);
      assert.match(await old.text(), /Deze code klopt niet of is al gebruikt/);
      const ahead = await sendCode(pending, codeAt(secret, new Date(clock.getTime() + 2 * STEP)));
      assert.equal(ahead.status, 422);
      const previous = codeAt(secret, new Date(clock.getTime() - STEP));
      assert.equal((await sendCode(pending, previous)).status, 303);

      // The same code in a new log-in, and a code of the step before it: both refused.
      pending = await pendingLogin('window@2fa.example');
      assert.equal((await sendCode(pending, previous)).status, 422);
      assert.equal((await sendCode(pending, codeAt(secret, new Date(clock.getTime() - 2 * STEP)))).status, 422);
      // The code of now (a later step) is taken.
      assert.equal((await sendCode(pending, codeAt(secret, clock))).status, 303);
      pending = await pendingLogin('window@2fa.example');
      assert.equal((await sendCode(pending, codeAt(secret, clock))).status, 422, 'a code is not reusable');
      const audit = await actions(await idOf('window@2fa.example'));
      assert.ok(audit.includes('staff.second_factor_failed'));
    });

    it('lets a recovery code in once, then tells how many are left', async () => {
      const { recoveryCodes, id } = await enrolled('recover@2fa.example');
      const pending = await pendingLogin('recover@2fa.example');
      const done = await sendCode(pending, recoveryCodes[3]!.toUpperCase());
      assert.equal(done.status, 303);
      assert.equal(done.headers.get('Location'), '/beheer/tweestapsverificatie?herstelcode=9');
      const page = await (await get(done.headers.get('Location')!, cookieSet(done, SESSION))).text();
      assert.match(page, /U bent aangemeld met een herstelcode\. U heeft nog 9 herstelcodes\./);
      const again = await pendingLogin('recover@2fa.example');
      assert.equal((await sendCode(again, recoveryCodes[3]!)).status, 422, 'a recovery code works once');
      assert.ok((await actions(id)).includes('staff.recovery_code_used'));
    });

    it('lets a recovery code in when the key is gone, and says why an app code cannot be checked', async () => {
      const { secret, recoveryCodes } = await enrolled('keyless@2fa.example');
      const kept = secretKey;
      secretKey = undefined;
      try {
        const pending = await pendingLogin('keyless@2fa.example');
        const refused = await sendCode(pending, codeAt(secret, clock));
        assert.equal(refused.status, 422);
        assert.match(await refused.text(), /Gebruik een herstelcode/);
        assert.equal((await sendCode(pending, recoveryCodes[0]!)).status, 303);
      } finally {
        secretKey = kept;
      }
    });

    it('ends a half-done log-in after five minutes, and binds it to the browser that typed the password', async () => {
      const { secret } = await enrolled('pending@2fa.example');
      const pending = await pendingLogin('pending@2fa.example');
      // Another browser (no cookie, or a made-up one) gets nowhere.
      for (const cookie of [undefined, `${PENDING}=${'x'.repeat(43)}`]) {
        const response = await sendCode(cookie, codeAt(secret, clock));
        assert.equal(response.status, 303);
        assert.equal(response.headers.get('Location'), '/beheer/inloggen?verlopen');
        assert.equal(cookieSet(response, SESSION), undefined);
      }
      later(5 * 60_000 + 1000);
      const late = await sendCode(pending, codeAt(secret, clock));
      assert.equal(late.headers.get('Location'), '/beheer/inloggen?verlopen');
      assert.equal(cookieSet(late, SESSION), undefined);
    });

    it('throttles code guessing with the log-in throttle', async () => {
      const { secret } = await enrolled('guess@2fa.example');
      const pending = await pendingLogin('guess@2fa.example');
      const right = codeAt(secret, clock);
      const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
      for (let i = 0; i < 5; i++) assert.equal((await sendCode(pending, wrong)).status, 422);
      const throttled = await sendCode(pending, right);
      assert.equal(throttled.status, 429);
      assert.ok(Number(throttled.headers.get('Retry-After')) > 0);
      assert.match(await throttled.text(), /Te veel verkeerde codes/);
      later(31_000);
      const pendingAgain = await pendingLogin('guess@2fa.example');
      assert.equal((await sendCode(pendingAgain, codeAt(secret, clock))).status, 303);
    });

    it('refuses bad input at the second step: no code, a code too long', async () => {
      await enrolled('badstep@2fa.example');
      const pending = await pendingLogin('badstep@2fa.example');
      const empty = await sendCode(pending, '   ');
      assert.equal(empty.status, 422);
      const html = await empty.text();
      assert.match(html, /<title>Fout: Code invullen/);
      assert.match(html, /Vul de code in\./);
      const long = await sendCode(pending, 'a'.repeat(65));
      assert.equal(long.status, 422);
      assert.match(await long.text(), /Dit is te lang voor een code\./);
      // Form fields of another kind are not a code.
      const response = await t.app.request('/beheer/inloggen/code', {
        method: 'POST',
        headers: { Origin: ORIGIN, Cookie: pending, 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: '123456' }),
      });
      assert.equal(response.status, 422);
    });

    // ---- turning it off -----------------------------------------------------------------

    it('turns off with a current code or the password, and refuses anything less', async () => {
      const { secret, id } = await enrolled('disable@2fa.example');
      const pending = await pendingLogin('disable@2fa.example');
      const done = await sendCode(pending, codeAt(secret, clock));
      const cookie = cookieSet(done, SESSION)!;
      const csrf = csrfOn(await (await get('/beheer/tweestapsverificatie', cookie)).text())!;
      const disable = (fields: Array<[string, string]>) =>
        staffPost(t, '/beheer/tweestapsverificatie/uitzetten', [['csrf', csrf], ...fields], cookie);
      const cases: Array<[Array<[string, string]>, RegExp]> = [
        [[], /Vul een code uit uw app of uw wachtwoord in\./],
        [
          [
            ['code', '123456'],
            ['password', STAFF_PASSWORD],
          ],
          /niet allebei/,
        ],
        [[['code', codeAt(secret, clock)]], /Deze code klopt niet of is al gebruikt/],
        [[['password', 'not the password']], /Dit wachtwoord klopt niet\./],
        [[['code', '9'.repeat(70)]], /te lang/],
      ];
      for (const [fields, message] of cases) {
        const response = await disable(fields);
        assert.equal(response.status, 422, String(message));
        assert.match(await response.text(), message);
      }
      assert.equal(
        (await staffPost(t, '/beheer/tweestapsverificatie/uitzetten', [['password', STAFF_PASSWORD]], cookie)).status,
        403,
      );
      const off = await disable([['password', STAFF_PASSWORD]]);
      assert.equal(off.status, 303);
      assert.equal(off.headers.get('Location'), '/beheer/tweestapsverificatie?uit');
      assert.equal(
        (await t.db.select().from(staffSecondFactors).where(eq(staffSecondFactors.staffUserId, id))).length,
        0,
      );
      assert.equal(
        (await t.db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, id))).length,
        0,
      );
      assert.ok((await actions(id)).includes('staff.second_factor_disabled'));
      assert.equal((await passwordLogin('disable@2fa.example')).headers.get('Location'), '/beheer/');
    });

    it('turns off with a current code from the app', async () => {
      const { secret } = await enrolled('disable-code@2fa.example');
      const who = await (async () => {
        const pending = await pendingLogin('disable-code@2fa.example');
        const done = await sendCode(pending, codeAt(secret, clock));
        return cookieSet(done, SESSION)!;
      })();
      later(STEP);
      const csrf = csrfOn(await (await get('/beheer/tweestapsverificatie', who)).text())!;
      const off = await staffPost(
        t,
        '/beheer/tweestapsverificatie/uitzetten',
        [
          ['csrf', csrf],
          ['code', codeAt(secret, clock)],
        ],
        who,
      );
      assert.equal(off.status, 303);
    });

    // ---- the requirement, and an administrator's reset ------------------------------------

    it('lets an administrator require a second factor, after which a colleague sets one up before anything else', async () => {
      await addStaffUser(t, 'policy-admin@2fa.example', 'administrator');
      await addStaffUser(t, 'newcomer@2fa.example', 'webcare');
      const admin = await logIn(t, 'policy-admin@2fa.example');
      const page = await (await get('/beheer/inlogbeveiliging', admin.cookie)).text();
      assert.match(page, /<h1>Inlogbeveiliging<\/h1>/);
      const version = /name="version" value="(\d+)"/.exec(page)![1]!;
      const save = (fields: Array<[string, string]>) =>
        staffPost(t, '/beheer/inlogbeveiliging', [['csrf', admin.csrf], ...fields], admin.cookie);

      const saved = await save([
        ['required', 'yes'],
        ['version', version],
      ]);
      assert.equal(saved.status, 303);
      assert.equal(saved.headers.get('Location'), '/beheer/inlogbeveiliging?opgeslagen=verplicht');
      assert.match(await (await get(saved.headers.get('Location')!, admin.cookie)).text(), /verplicht\./);
      const [audit] = await t.db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.action, 'organisation.second_factor_requirement'), eq(auditLog.subjectId, organisationId)),
        );
      assert.equal(audit!.details['required'], true);

      // A save on the page as it was before is refused, with the choice kept.
      const stale = await save([
        ['required', 'no'],
        ['version', version],
      ]);
      assert.equal(stale.status, 409);
      const staleHtml = await stale.text();
      assert.match(staleHtml, /Iemand anders heeft deze instelling intussen gewijzigd/);
      assert.match(staleHtml, /<input[^>]*id="required"[^>]*checked/);

      // The colleague: the password, then straight to setting up; nothing else opens.
      const response = await passwordLogin('newcomer@2fa.example');
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/tweestapsverificatie');
      assert.equal(cookieSet(response, SESSION), undefined);
      const pending = cookieSet(response, PENDING)!;
      assert.equal((await get('/beheer/', pending)).status, 303);
      assert.equal((await get('/beheer/inloggen/code', pending)).status, 303);
      const setup = await (await get('/beheer/tweestapsverificatie', pending)).text();
      assert.match(setup, /Uw organisatie vraagt tweestapsverificatie/);
      assert.doesNotMatch(setup, /<nav/);
      assert.equal((await staffPost(t, '/beheer/tweestapsverificatie/instellen', [], pending)).status, 303);
      const secret = secretOn(await (await get('/beheer/tweestapsverificatie', pending)).text())!;
      const wrong = await staffPost(t, '/beheer/tweestapsverificatie/bevestigen', [['code', '000000']], pending);
      assert.equal(wrong.status, 422);
      assert.equal(cookieSet(wrong, SESSION), undefined);
      const confirmed = await staffPost(
        t,
        '/beheer/tweestapsverificatie/bevestigen',
        [['code', codeAt(secret, clock)]],
        pending,
      );
      assert.equal(confirmed.status, 200);
      assert.equal(recoveryCodesOn(await confirmed.text()).length, 10);
      const session = cookieSet(confirmed, SESSION)!;
      assert.ok(session, 'the session starts once the factor is set up');
      assert.equal((await get('/beheer/', session)).status, 200);

      // Required: the colleague cannot turn it off.
      const csrf = csrfOn(await (await get('/beheer/tweestapsverificatie', session)).text())!;
      const off = await staffPost(
        t,
        '/beheer/tweestapsverificatie/uitzetten',
        [
          ['csrf', csrf],
          ['password', STAFF_PASSWORD],
        ],
        session,
      );
      assert.equal(off.status, 422);
      assert.match(await off.text(), /u kunt het niet uitzetten/);

      // Optional again: a colleague without a factor logs in with the password alone.
      const current = /name="version" value="(\d+)"/.exec(
        await (await get('/beheer/inlogbeveiliging', admin.cookie)).text(),
      )![1]!;
      const optional = await save([
        ['required', 'no'],
        ['version', current],
      ]);
      assert.equal(optional.headers.get('Location'), '/beheer/inlogbeveiliging?opgeslagen=vrijwillig');
      await addStaffUser(t, 'after-policy@2fa.example', 'webcare');
      assert.equal((await passwordLogin('after-policy@2fa.example')).headers.get('Location'), '/beheer/');
    });

    it('refuses bad input on the requirement page: no choice, an unknown choice, a bad version, no key', async () => {
      await addStaffUser(t, 'policy-bad@2fa.example', 'administrator');
      const admin = await logIn(t, 'policy-bad@2fa.example');
      const version = /name="version" value="(\d+)"/.exec(
        await (await get('/beheer/inlogbeveiliging', admin.cookie)).text(),
      )![1]!;
      const save = (fields: Array<[string, string]>) =>
        staffPost(t, '/beheer/inlogbeveiliging', [['csrf', admin.csrf], ...fields], admin.cookie);
      for (const fields of [
        [['version', version]],
        [
          ['required', 'maybe'],
          ['version', version],
        ],
      ] as Array<Array<[string, string]>>) {
        const response = await save(fields);
        assert.equal(response.status, 422);
        assert.match(await response.text(), /Kies vrijwillig of verplicht\./);
      }
      const badVersion = await save([
        ['required', 'yes'],
        ['version', 'abc'],
      ]);
      assert.equal(badVersion.status, 409);
      const kept = secretKey;
      secretKey = undefined;
      try {
        const noKey = await save([
          ['required', 'yes'],
          ['version', version],
        ]);
        assert.equal(noKey.status, 422);
        assert.match(await noKey.text(), /niemand kan het instellen/);
      } finally {
        secretKey = kept;
      }
      const [org] = await t.db.select().from(organisations).where(eq(organisations.id, organisationId));
      assert.equal(org!.requireSecondFactor, false);
      assert.equal(String(org!.secondFactorPolicyVersion), version);
    });

    it('lets an administrator reset a colleague’s factor from the colleague’s page, ending their sessions', async () => {
      await addStaffUser(t, 'reset-admin@2fa.example', 'administrator');
      const admin = await logIn(t, 'reset-admin@2fa.example');
      const { secret, id } = await enrolled('lost-phone@2fa.example');
      const pending = await pendingLogin('lost-phone@2fa.example');
      const colleagueSession = cookieSet(await sendCode(pending, codeAt(secret, clock)), SESSION)!;

      const page = await (await get(`/beheer/collegas/${id}`, admin.cookie)).text();
      assert.match(page, /<h2>Tweestapsverificatie<\/h2>/);
      assert.match(page, /Aan sinds/);
      assert.match(page, new RegExp(`action="/beheer/collegas/${id}/tweestapsverificatie"`));
      const reset = await staffPost(
        t,
        `/beheer/collegas/${id}/tweestapsverificatie`,
        [['csrf', admin.csrf]],
        admin.cookie,
      );
      assert.equal(reset.status, 303);
      assert.equal(reset.headers.get('Location'), `/beheer/collegas/${id}?tweestap=hersteld`);
      assert.match(
        await (await get(reset.headers.get('Location')!, admin.cookie)).text(),
        /De tweestapsverificatie van uw collega is hersteld\./,
      );
      assert.equal(
        (await t.db.select().from(staffSecondFactors).where(eq(staffSecondFactors.staffUserId, id))).length,
        0,
      );
      assert.equal((await t.db.select().from(staffSessions).where(eq(staffSessions.staffUserId, id))).length, 0);
      assert.equal((await get('/beheer/', colleagueSession)).status, 303);
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'staff.second_factor_reset'), eq(auditLog.subjectId, id)));
      assert.ok(entry);
      assert.equal((await passwordLogin('lost-phone@2fa.example')).headers.get('Location'), '/beheer/');

      // Again: nothing to reset. A made-up colleague or id: not found.
      const none = await staffPost(
        t,
        `/beheer/collegas/${id}/tweestapsverificatie`,
        [['csrf', admin.csrf]],
        admin.cookie,
      );
      assert.equal(none.headers.get('Location'), `/beheer/collegas/${id}?tweestap=geen`);
      for (const other of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
        const response = await staffPost(
          t,
          `/beheer/collegas/${other}/tweestapsverificatie`,
          [['csrf', admin.csrf]],
          admin.cookie,
        );
        assert.equal(response.status, 404);
      }
      assert.equal((await staffPost(t, `/beheer/collegas/${id}/tweestapsverificatie`, [], admin.cookie)).status, 403);
    });
  });
}
