/**
 * Passkeys on both databases, with a software authenticator (tests/support/webauthn.ts) whose
 * answers the server checks for real: registering (named, listed, first one brings recovery
 * codes), the log-in's second step with a passkey, removing one, the organisation's
 * requirement met by a passkey, and an administrator's reset. Bad input on every new endpoint:
 * a missing token, bad names, a cancelled ceremony, garbage, a challenge answered twice, from
 * another session, too late or at another origin, an unknown credential, a counter that went back.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import {
  auditLog,
  organisations,
  staffPasskeyChallenges,
  staffPasskeys,
  staffRecoveryCodes,
  staffUsers,
} from '../../../../api/db/schema.ts';
import { relyingPartyFor } from '../../../../api/services/auth/passkeys.ts';
import { removeOwnPasskey } from '../../../../api/services/auth/second-factor.ts';
import { NOW, openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, ORIGIN, STAFF_PASSWORD, staffPost } from '../../../support/staff.ts';
import { SoftAuthenticator } from '../../../support/webauthn.ts';

const PENDING = 'podium_login_step';
const SESSION = 'podium_session';
const ADD_OPTIONS = '/beheer/tweestapsverificatie/passkeys/opties';
const ADD = '/beheer/tweestapsverificatie/passkeys';
const REMOVE = '/beheer/tweestapsverificatie/passkeys/verwijderen';
const STEP_OPTIONS = '/beheer/inloggen/passkey/opties';
const STEP = '/beheer/inloggen/passkey';

function cookieSet(response: Response, name: string): string | undefined {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);
}

const recoveryCodesOn = (html: string) =>
  [...html.matchAll(/<li><code class="staff-secret">([a-z0-9-]+)<\/code><\/li>/g)].map((m) => m[1]!);

describe('the relying party of a public address', () => {
  it('is the host name and origin of the address; loopback becomes localhost; other IP addresses none', () => {
    assert.deepEqual(relyingPartyFor('https://podium.demodam.nl', 'Podium'), {
      id: 'podium.demodam.nl',
      origin: 'https://podium.demodam.nl',
      name: 'Podium',
    });
    assert.deepEqual(relyingPartyFor('http://127.0.0.1:4321', 'Podium'), {
      id: 'localhost',
      origin: 'http://localhost:4321',
      name: 'Podium',
    });
    assert.equal(relyingPartyFor('http://[::1]:8080', 'P')?.origin, 'http://localhost:8080');
    assert.equal(relyingPartyFor('https://192.0.2.10', 'P'), undefined);
    assert.equal(relyingPartyFor('not a url', 'P'), undefined);
  });
});

for (const target of databaseTargets()) {
  describe(`passkeys (${target.name})`, () => {
    let t: TestApp;
    let clock = NOW;
    const secretKey = randomBytes(32);
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

    const get = (path: string, cookie?: string) => t.app.request(path, { headers: cookie ? { Cookie: cookie } : {} });
    const idOf = async (email: string) =>
      (await t.db.select().from(staffUsers).where(eq(staffUsers.email, email)))[0]!.id;
    const actions = async (subjectId: string) =>
      (await t.db.select().from(auditLog).where(eq(auditLog.subjectId, subjectId))).map((row) => row.action);
    const passkeysOf = async (id: string) => t.db.select().from(staffPasskeys).where(eq(staffPasskeys.staffUserId, id));

    type Who = { cookie: string; csrf?: string | undefined };
    const tokenFields = (who: Who): Array<[string, string]> => (who.csrf ? [['csrf', who.csrf]] : []);

    async function addOptions(who: Who, name: string) {
      return staffPost(t, ADD_OPTIONS, [...tokenFields(who), ['name', name]], who.cookie);
    }

    /** Registers a passkey through the two requests the page's script makes. */
    async function addPasskey(who: Who, name: string, authenticator = new SoftAuthenticator(), origin = ORIGIN) {
      const options = await addOptions(who, name);
      assert.equal(options.status, 200, await options.clone().text());
      const answer = authenticator.register(await options.json(), origin);
      return staffPost(t, ADD, [...tokenFields(who), ['name', name], ['response', JSON.stringify(answer)]], who.cookie);
    }

    async function withPasskey(email: string, role: 'webcare' | 'administrator' = 'webcare') {
      await addStaffUser(t, email, role);
      const who = await logIn(t, email);
      const authenticator = new SoftAuthenticator();
      const added = await addPasskey(who, 'laptop', authenticator);
      assert.equal(added.status, 200);
      return { who, authenticator, id: await idOf(email), recoveryCodes: recoveryCodesOn(await added.text()) };
    }

    async function pendingLogin(email: string): Promise<string> {
      const response = await staffPost(t, '/beheer/inloggen', [
        ['email', email],
        ['password', STAFF_PASSWORD],
      ]);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/inloggen/code');
      return cookieSet(response, PENDING)!;
    }

    async function signIn(pending: string, authenticator: SoftAuthenticator, spoil = {}) {
      const options = await staffPost(t, STEP_OPTIONS, [], pending);
      assert.equal(options.status, 200);
      const answer = authenticator.sign(await options.json(), ORIGIN, spoil);
      return staffPost(t, STEP, [['response', JSON.stringify(answer)]], pending);
    }

    // ---- registering ----------------------------------------------------------------------

    it('registers a named passkey: options bound to the session, recovery codes with the first, the list with dates', async () => {
      await addStaffUser(t, 'first@passkey.example', 'moderator');
      const who = await logIn(t, 'first@passkey.example');
      const id = await idOf('first@passkey.example');
      const page = await (await get('/beheer/tweestapsverificatie', who.cookie)).text();
      assert.match(page, /<h2 id="passkeys-heading">Passkeys<\/h2>/);
      assert.match(page, /U heeft nog geen passkey\./);
      // Without script the form stays hidden and the page says why; the scripts are same-origin files.
      assert.match(page, /<p data-passkey-unavailable>/);
      assert.match(page, /<form[^>]*hidden[^>]*data-passkey-register/);
      assert.match(page, /<script type="module" src="\/beheer\/assets\/webauthn\.js"><\/script>/);
      assert.match(page, /<script type="module" src="\/beheer\/assets\/passkeys\.js"><\/script>/);

      const options = await addOptions(who, 'laptop werk');
      assert.equal(options.status, 200);
      const json = (await options.json()) as { rp: { id: string }; challenge: string; user: { name: string } };
      assert.equal(json.rp.id, 'localhost');
      assert.equal(json.user.name, 'first@passkey.example');
      const [challenge] = await t.db
        .select()
        .from(staffPasskeyChallenges)
        .where(eq(staffPasskeyChallenges.challenge, json.challenge));
      assert.equal(challenge!.purpose, 'register');
      assert.match(challenge!.boundTo, /^session:/);
      assert.equal(challenge!.expiresAt.getTime(), NOW.getTime() + 5 * 60_000);

      const authenticator = new SoftAuthenticator();
      const answer = authenticator.register(json as never, ORIGIN);
      const added = await staffPost(
        t,
        ADD,
        [
          ['csrf', who.csrf],
          ['name', '  laptop   werk '],
          ['response', JSON.stringify(answer)],
        ],
        who.cookie,
      );
      assert.equal(added.status, 200);
      const html = await added.text();
      assert.match(html, /<h1>Bewaar uw herstelcodes<\/h1>/);
      assert.equal(recoveryCodesOn(html).length, 10);
      const [row] = await passkeysOf(id);
      assert.equal(row!.name, 'laptop werk');
      assert.equal(row!.credentialId, authenticator.id);
      assert.deepEqual(row!.transports, ['internal']);
      assert.equal(row!.lastUsedAt, null);
      assert.equal(
        (await t.db.select().from(staffPasskeyChallenges).where(eq(staffPasskeyChallenges.staffUserId, id))).length,
        0,
        'the challenge is used up',
      );
      assert.ok((await actions(id)).includes('staff.passkey_added'));

      const listed = await (await get('/beheer/tweestapsverificatie?passkey=toegevoegd', who.cookie)).text();
      assert.match(listed, /Passkey ‘laptop werk’ is toegevoegd\./);
      assert.match(listed, /<h3>laptop werk<\/h3>/);
      assert.match(listed, /<dt>Toegevoegd<\/dt><dd><time datetime="[^"]+">/);
      assert.match(listed, /<dt>Laatst gebruikt<\/dt><dd>Nog niet<\/dd>/);
      assert.match(listed, /U heeft nog 10 herstelcodes over\./);

      // A second passkey: no new recovery codes, the same name refused before the ceremony.
      const taken = await addOptions(who, 'LAPTOP WERK');
      assert.equal(taken.status, 422);
      assert.match(((await taken.json()) as { message: string }).message, /al een passkey met deze naam/);
      const second = await addPasskey(who, 'telefoon');
      assert.equal(second.status, 303);
      assert.equal(second.headers.get('Location'), '/beheer/tweestapsverificatie?passkey=toegevoegd');
      assert.equal((await passkeysOf(id)).length, 2);
      assert.equal(
        (await t.db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, id))).length,
        10,
      );
      // The same authenticator twice is one factor, not two.
      const again = await addPasskey(who, 'nog eens', authenticator);
      assert.equal(again.status, 409);
      assert.match(await again.text(), /Deze passkey is al toegevoegd\./);
    });

    it('refuses bad input when registering, keeping the name typed', async () => {
      await addStaffUser(t, 'bad@passkey.example', 'webcare');
      const who = await logIn(t, 'bad@passkey.example');
      const id = await idOf('bad@passkey.example');
      // No CSRF token: refused, for the options and the passkey.
      assert.equal((await addOptions({ cookie: who.cookie }, 'x')).status, 403);
      assert.equal((await staffPost(t, ADD, [['name', 'x']], who.cookie)).status, 403);
      // Anonymous: the log-in page.
      assert.ok([401, 303].includes((await staffPost(t, ADD_OPTIONS, [['name', 'x']])).status));

      for (const [name, message] of [
        ['', 'Vul een naam in voor de passkey.'],
        ['   ', 'Vul een naam in voor de passkey.'],
        ['x'.repeat(61), 'Gebruik voor de naam hoogstens 60 tekens.'],
      ] as const) {
        const options = await addOptions(who, name);
        assert.equal(options.status, 422);
        assert.equal(((await options.json()) as { message: string }).message, message);
        const form = await staffPost(
          t,
          ADD,
          [
            ['csrf', who.csrf],
            ['name', name],
          ],
          who.cookie,
        );
        assert.equal(form.status, 422);
        const html = await form.text();
        assert.ok(html.includes(message), message);
        assert.match(html, /<input[^>]*id="passkey-name"[^>]*aria-invalid="true"/);
      }

      const send = (fields: Array<[string, string]>) =>
        staffPost(t, ADD, [['csrf', who.csrf], ['name', 'sleutel'], ...fields], who.cookie);
      for (const [fields, message] of [
        [[['ceremony', 'cancelled']], 'Het toevoegen van de passkey is afgebroken'],
        [[['ceremony', 'unsupported']], 'Deze browser kan geen passkeys gebruiken'],
        [[['ceremony', 'failed']], 'De browser kon de passkey niet gebruiken'],
        [[], 'Voor een passkey is JavaScript nodig'],
        [[['response', '{not json']], 'Podium kon deze passkey niet controleren'],
        [[['response', JSON.stringify({ id: 'x', type: 'public-key' })]], 'Podium kon deze passkey niet controleren'],
      ] as const) {
        const response = await send(fields as unknown as Array<[string, string]>);
        assert.equal(response.status, 422, message);
        const html = await response.text();
        assert.ok(html.includes(message), message);
        assert.match(html, /id="staff-error-summary"/);
        assert.match(html, /<input[^>]*id="passkey-name"[^>]*value="sleutel"/, 'the name typed is kept');
        // The summary links to the add button, which shows the same message (not the name, which was right).
        assert.match(html, /<a href="#passkey-add">/);
        assert.match(html, new RegExp(`id="passkey-add-error"[^>]*>(?:(?!</p>)[\\s\\S])*${message}`));
        assert.match(html, /<button[^>]*id="passkey-add"[^>]*aria-describedby="passkey-add-error"/);
        assert.doesNotMatch(html, /<input[^>]*id="passkey-name"[^>]*aria-invalid/);
      }

      // Far too large for an answer: refused before anything reads it.
      assert.ok([413, 422].includes((await send([['response', 'x'.repeat(70_000)]])).status));

      // A right answer, but no challenge was asked for (or it was used): refused.
      const authenticator = new SoftAuthenticator();
      const options = await (await addOptions(who, 'sleutel')).json();
      const answer = JSON.stringify(authenticator.register(options, ORIGIN));
      // At another origin, or for another relying party: refused, and the challenge is gone with it.
      const elsewhere = await send([
        ['response', JSON.stringify(authenticator.register(options, 'https://evil.example'))],
      ]);
      assert.equal(elsewhere.status, 422);
      assert.match(await elsewhere.text(), /Podium kon deze passkey niet controleren/);
      const reused = await send([['response', answer]]);
      assert.equal(reused.status, 422);
      assert.match(await reused.text(), /Dit duurde te lang of is al eens verstuurd/);

      // Too late: five minutes is the limit.
      const late = await (await addOptions(who, 'sleutel')).json();
      clock = new Date(NOW.getTime() + 5 * 60_000 + 1);
      const tooLate = await send([['response', JSON.stringify(authenticator.register(late, ORIGIN))]]);
      assert.match(await tooLate.text(), /Dit duurde te lang/);
      clock = NOW;

      // A challenge of another session of the same person does not count here.
      const other = await logIn(t, 'bad@passkey.example');
      const theirs = await (await addOptions(other, 'sleutel')).json();
      const crossed = await send([['response', JSON.stringify(authenticator.register(theirs, ORIGIN))]]);
      assert.match(await crossed.text(), /Dit duurde te lang of is al eens verstuurd/);

      const wrongRp = await (await addOptions(who, 'sleutel')).json();
      const spoiled = authenticator.register(wrongRp, ORIGIN, { rpId: 'evil.example' });
      assert.equal((await send([['response', JSON.stringify(spoiled)]])).status, 422);

      assert.equal((await passkeysOf(id)).length, 0, 'nothing was kept');
      assert.ok(!(await actions(id)).includes('staff.passkey_added'));
    });

    // ---- signing in -------------------------------------------------------------------------

    it('asks a passkey for the second step, and starts the session with a right signature', async () => {
      const { authenticator, id } = await withPasskey('signin@passkey.example');
      const pending = await pendingLogin('signin@passkey.example');
      const step = await (await get('/beheer/inloggen/code', pending)).text();
      assert.match(step, /Bevestig nu met uw passkey\./);
      assert.match(step, /<form[^>]*action="\/beheer\/inloggen\/passkey"[^>]*hidden[^>]*data-passkey-sign-in/);
      assert.match(step, /Een van uw herstelcodes/, 'no app: the code field asks for a recovery code');
      assert.match(step, /src="\/beheer\/assets\/passkeys\.js"/);

      const options = await staffPost(t, STEP_OPTIONS, [], pending);
      const json = (await options.json()) as { allowCredentials: { id: string }[]; rpId: string };
      assert.deepEqual(
        json.allowCredentials.map((c) => c.id),
        [authenticator.id],
      );
      assert.equal(json.rpId, 'localhost');
      const answer = authenticator.sign(json as never, ORIGIN);
      const done = await staffPost(t, STEP, [['response', JSON.stringify(answer)]], pending);
      assert.equal(done.status, 303);
      assert.equal(done.headers.get('Location'), '/beheer/');
      const session = cookieSet(done, SESSION)!;
      assert.equal((await get('/beheer/', session)).status, 200);
      const [row] = await passkeysOf(id);
      assert.equal(row!.counter, 1);
      assert.equal(row!.lastUsedAt?.getTime(), NOW.getTime());
      assert.ok((await actions(id)).includes('staff.passkey_used'));
      // The pending log-in is used up: the same answer again leads back to the log-in page.
      const replay = await staffPost(t, STEP, [['response', JSON.stringify(answer)]], pending);
      assert.equal(replay.status, 303);
      assert.match(replay.headers.get('Location') ?? '', /\/beheer\/inloggen\?verlopen/);
      // The English step page offers it too.
      const english = await pendingLogin('signin@passkey.example');
      const en = await (await get('/en/manage/login/code', english)).text();
      assert.match(en, /Log in with passkey/);
      assert.match(en, /action="\/en\/manage\/login\/passkey"/);
    });

    it('refuses a bad second step: no pending log-in, a cancelled ceremony, garbage, an unknown credential, a counter that went back', async () => {
      const { authenticator, id, recoveryCodes } = await withPasskey('badstep@passkey.example');
      // No pending log-in: nothing to sign, nothing to send.
      assert.equal((await staffPost(t, STEP_OPTIONS, [])).status, 401);
      const noPending = await staffPost(t, STEP, [['response', '{}']]);
      assert.equal(noPending.status, 303);
      assert.match(noPending.headers.get('Location') ?? '', /verlopen/);

      const pending = await pendingLogin('badstep@passkey.example');
      for (const [fields, message] of [
        [[['ceremony', 'cancelled']], 'Aanmelden met de passkey is afgebroken'],
        [[], 'Voor een passkey is JavaScript nodig'],
        [[['response', '[]']], 'Podium kon deze passkey niet controleren'],
      ] as const) {
        const response = await staffPost(t, STEP, fields as unknown as Array<[string, string]>, pending);
        assert.equal(response.status, 422, message);
        const html = await response.text();
        assert.ok(html.includes(message), message);
        assert.match(html, /<button[^>]*id="passkey"[^>]*aria-describedby="passkey-error"/);
      }
      // An answer without a challenge asked for.
      const unasked = authenticator.sign({ challenge: 'AAAA', rpId: 'localhost' } as never, ORIGIN, { step: 0 });
      const stale = await staffPost(t, STEP, [['response', JSON.stringify(unasked)]], pending);
      assert.match(await stale.text(), /Dit duurde te lang of is al eens verstuurd/);

      // Another person's passkey (or one never registered) is unknown here.
      const stranger = new SoftAuthenticator();
      const unknown = await signIn(pending, stranger);
      assert.equal(unknown.status, 422);
      assert.match(await unknown.text(), /Deze passkey hoort niet bij uw account/);

      // A signature by the right credential id with another key: refused.
      const forged = await signIn(pending, stranger, { credentialId: authenticator.id });
      assert.equal(forged.status, 422);
      assert.match(await forged.text(), /Podium kon deze passkey niet controleren/);

      // A counter that went back (a copied authenticator?): refused, the stored counter kept.
      assert.equal((await signIn(pending, authenticator)).status, 303);
      assert.equal((await passkeysOf(id))[0]!.counter, 1);
      const again = await pendingLogin('badstep@passkey.example');
      const cloned = await signIn(again, authenticator, { step: 0 });
      assert.equal(cloned.status, 409);
      assert.match(await cloned.text(), /teller terug die lager is/);
      assert.equal((await passkeysOf(id))[0]!.counter, 1);
      const failures = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'staff.second_factor_failed')));
      assert.ok(failures.some((row) => (row.details as { result?: string }).result === 'counter'));
      assert.ok(failures.some((row) => (row.details as { result?: string }).result === 'unknown_credential'));

      // Recovery codes still work for an account with only passkeys.
      const recovery = await staffPost(t, '/beheer/inloggen/code', [['code', recoveryCodes[0]!]], again);
      assert.equal(recovery.status, 303);
      assert.equal(recovery.headers.get('Location'), '/beheer/tweestapsverificatie?herstelcode=9');
    });

    it('throttles passkey sign-in attempts like codes, and lets the right one through after the wait', async () => {
      const { authenticator, id } = await withPasskey('throttle@passkey.example');
      const pending = await pendingLogin('throttle@passkey.example');
      const stranger = new SoftAuthenticator();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await signIn(pending, stranger)).status);
      // Five free failures (the account's rule), then a wait that the sixth is told about.
      assert.deepEqual(statuses.slice(0, 5), [422, 422, 422, 422, 422]);
      const refused = await signIn(pending, authenticator);
      assert.equal(refused.status, 429, 'the right passkey waits too while the account is throttled');
      assert.ok(Number(refused.headers.get('Retry-After')) > 0);
      assert.match(await refused.text(), /id="passkey-error"/);
      const failures = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'staff.second_factor_failed')));
      assert.ok(failures.some((row) => (row.details as { result?: string }).result === 'throttled'));
      clock = new Date(NOW.getTime() + 60 * 60 * 1000);
      const later = await pendingLogin('throttle@passkey.example');
      assert.equal((await signIn(later, authenticator)).status, 303);
    });

    // ---- removing -----------------------------------------------------------------------------

    it('removes a passkey with the password; the last one takes the recovery codes with it', async () => {
      const { who, id } = await withPasskey('remove@passkey.example');
      const [only] = await passkeysOf(id);
      const page = await (await get('/beheer/tweestapsverificatie', who.cookie)).text();
      assert.match(page, /<legend>Passkey<\/legend>/);
      assert.match(page, new RegExp(`<input type="radio" id="passkey" name="passkey" value="${only!.id}">`));

      const remove = (fields: Array<[string, string]>, cookie = who.cookie) => staffPost(t, REMOVE, fields, cookie);
      assert.equal(
        (
          await remove([
            ['passkey', only!.id],
            ['password', STAFF_PASSWORD],
          ])
        ).status,
        403,
        'no token',
      );
      for (const [fields, message] of [
        [[['password', STAFF_PASSWORD]], 'Kies welke passkey u verwijdert.'],
        [
          [
            ['passkey', 'not-an-id'],
            ['password', STAFF_PASSWORD],
          ],
          'Kies welke passkey u verwijdert.',
        ],
        [[['passkey', only!.id]], 'Vul uw wachtwoord in.'],
        [
          [
            ['passkey', only!.id],
            ['password', 'wrong'],
          ],
          'Dit wachtwoord klopt niet.',
        ],
        [
          [
            ['passkey', '00000000-0000-4000-8000-000000000000'],
            ['password', STAFF_PASSWORD],
          ],
          'Deze passkey bestaat niet (meer).',
        ],
      ] as const) {
        const response = await remove([['csrf', who.csrf], ...(fields as unknown as Array<[string, string]>)]);
        assert.equal(response.status, 422, message);
        assert.ok((await response.text()).includes(message), message);
      }
      assert.equal((await passkeysOf(id)).length, 1);

      const removed = await remove([
        ['csrf', who.csrf],
        ['passkey', only!.id],
        ['password', STAFF_PASSWORD],
      ]);
      assert.equal(removed.status, 303);
      assert.equal(removed.headers.get('Location'), '/beheer/tweestapsverificatie?passkey=verwijderd');
      assert.equal((await passkeysOf(id)).length, 0);
      assert.equal(
        (await t.db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, id))).length,
        0,
      );
      assert.ok((await actions(id)).includes('staff.passkey_removed'));
      assert.match(
        await (await get('/beheer/tweestapsverificatie?passkey=verwijderd', who.cookie)).text(),
        /De passkey is verwijderd\./,
      );
      // No factor left: the password alone logs in again.
      const login = await staffPost(t, '/beheer/inloggen', [
        ['email', 'remove@passkey.example'],
        ['password', STAFF_PASSWORD],
      ]);
      assert.equal(login.headers.get('Location'), '/beheer/');
    });

    // ---- the requirement, and an administrator's reset ---------------------------------------

    it('meets the requirement with a passkey at log-in, refuses removing the last one, and is reset by an administrator', async () => {
      await addStaffUser(t, 'chief@passkey.example', 'administrator');
      const admin = await logIn(t, 'chief@passkey.example');
      await addStaffUser(t, 'held@passkey.example', 'webcare');
      const id = await idOf('held@passkey.example');
      const policy = await (await get('/beheer/inlogbeveiliging', admin.cookie)).text();
      const version = /name="version" value="(\d+)"/.exec(policy)![1]!;
      const before = /(\d+) van de (\d+) actieve accounts/.exec(policy)!;
      const required = await staffPost(
        t,
        '/beheer/inlogbeveiliging',
        [
          ['csrf', admin.csrf],
          ['version', version],
          ['required', 'yes'],
        ],
        admin.cookie,
      );
      assert.equal(required.status, 303);
      try {
        const login = await staffPost(t, '/beheer/inloggen', [
          ['email', 'held@passkey.example'],
          ['password', STAFF_PASSWORD],
        ]);
        assert.equal(login.headers.get('Location'), '/beheer/tweestapsverificatie');
        const pending = cookieSet(login, PENDING)!;
        const page = await (await get('/beheer/tweestapsverificatie', pending)).text();
        assert.match(page, /data-passkey-register/);
        // No session yet, so no CSRF token: the pending cookie is the owner.
        const authenticator = new SoftAuthenticator();
        const added = await addPasskey({ cookie: pending }, 'telefoon', authenticator);
        assert.equal(added.status, 200);
        assert.equal(recoveryCodesOn(await added.text()).length, 10);
        const session = cookieSet(added, SESSION)!;
        assert.ok(session, 'both factors proven: a session');
        const [challenge] = await t.db
          .select()
          .from(staffPasskeyChallenges)
          .where(eq(staffPasskeyChallenges.staffUserId, id));
        assert.equal(challenge, undefined);

        const counted = await (await get('/beheer/inlogbeveiliging', admin.cookie)).text();
        const after = /(\d+) van de (\d+) actieve accounts/.exec(counted)!;
        assert.equal(Number(after[1]), Number(before[1]) + 1, 'a passkey counts as a factor');

        // The last factor cannot go while it is required.
        const page2 = await get('/beheer/tweestapsverificatie', session);
        const html = await page2.text();
        assert.match(html, /uw enige passkey kunt u pas verwijderen/);
        const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
        const [row] = await passkeysOf(id);
        const refused = await staffPost(
          t,
          REMOVE,
          [
            ['csrf', csrf],
            ['passkey', row!.id],
            ['password', STAFF_PASSWORD],
          ],
          session,
        );
        assert.equal(refused.status, 422);
        assert.equal((await passkeysOf(id)).length, 1);

        // The administrator's reset takes the passkeys, the recovery codes and the sessions.
        const colleague = await (await get(`/beheer/collegas/${id}`, admin.cookie)).text();
        assert.match(colleague, /1 passkey\./);
        const reset = await staffPost(
          t,
          `/beheer/collegas/${id}/tweestapsverificatie`,
          [['csrf', admin.csrf]],
          admin.cookie,
        );
        assert.equal(reset.status, 303);
        assert.match(reset.headers.get('Location') ?? '', /tweestap=hersteld/);
        assert.equal((await passkeysOf(id)).length, 0);
        assert.equal(
          (await t.db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, id))).length,
          0,
        );
        assert.equal((await get('/beheer/', session)).status, 303, 'the colleague’s session ended');
      } finally {
        const now = await (await get('/beheer/inlogbeveiliging', admin.cookie)).text();
        await staffPost(
          t,
          '/beheer/inlogbeveiliging',
          [
            ['csrf', admin.csrf],
            ['version', /name="version" value="(\d+)"/.exec(now)![1]!],
            ['required', 'no'],
          ],
          admin.cookie,
        );
      }
    });

    it('refuses one of two removals sent at once when together they would take the last required factor', async () => {
      const { who, id } = await withPasskey('twice@passkey.example');
      assert.equal((await addPasskey(who, 'telefoon')).status, 303);
      const [first, second] = await passkeysOf(id);
      await t.db.update(organisations).set({ requireSecondFactor: true }).where(eq(organisations.id, organisationId));
      try {
        const user = { id, organisationId };
        const results = await Promise.all(
          [first!, second!].map((passkey) =>
            removeOwnPasskey(t.db, {
              user,
              passkeyId: passkey.id,
              password: STAFF_PASSWORD,
              address: '192.0.2.7',
              now: NOW,
            }),
          ),
        );
        assert.deepEqual(results.map((r) => r.kind).sort(), ['removed', 'required']);
        assert.equal((await passkeysOf(id)).length, 1, 'one factor is left');
      } finally {
        await t.db
          .update(organisations)
          .set({ requireSecondFactor: false })
          .where(eq(organisations.id, organisationId));
      }
    });

    it('serves the ceremony scripts as same-origin files', async () => {
      const library = await get('/beheer/assets/webauthn.js');
      assert.equal(library.status, 200);
      assert.match(library.headers.get('Content-Type') ?? '', /text\/javascript/);
      assert.match(await library.text(), /SimpleWebAuthnBrowser/);
      const ours = await get('/beheer/assets/passkeys.js');
      assert.equal(ours.status, 200);
      assert.match(await ours.text(), /data-passkey-register/);
      void organisationId;
    });
  });
}
