/**
 * The colleagues pages (api/staff/colleagues/) and their rules (api/services/auth/colleagues.ts):
 * inviting by e-mail through the outbox, choosing a password with the single-use link, roles
 * and (de)activation on the version seen, and the last administrator who must stay.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import {
  auditLog,
  departments,
  outboxMessages,
  staffInvitations,
  staffRoles,
  staffSessions,
  staffUsers,
} from '../../../../api/db/schema.ts';
import { NOW, openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, staffPost } from '../../../support/staff.ts';

type Login = { cookie: string; csrf: string };
const DAY = 24 * 60 * 60 * 1000;

for (const target of databaseTargets()) {
  describe(`colleagues: inviting, roles and deactivating (${target.name})`, () => {
    let t: TestApp;
    let clock = NOW;
    let admin: Login;
    let adminId: string;
    let departmentId: string;

    before(async () => {
      t = await openTestApp(target, { now: () => clock });
      adminId = await addStaffUser(t, 'beheer@demodam.example', 'administrator');
      admin = await logIn(t, 'beheer@demodam.example');
      const [department] = await t.db.select().from(departments).limit(1);
      departmentId = department!.id;
    });
    beforeEach(() => {
      clock = NOW;
    });
    after(() => t.close());

    const get = async (path: string, who?: Login) => {
      const response = await t.app.request(path, { headers: who ? { Cookie: who.cookie } : {} });
      return { status: response.status, html: await response.text(), location: response.headers.get('Location') };
    };
    const invite = (fields: Array<[string, string]>, who: Login = admin) =>
      staffPost(t, '/beheer/collegas/uitnodigen', [['csrf', who.csrf], ...fields], who.cookie);
    const versionOf = async (id: string) =>
      (await t.db.select({ v: staffUsers.version }).from(staffUsers).where(eq(staffUsers.id, id)))[0]!.v;
    /** The link in the newest invitation mail to this address. */
    const linkFor = async (email: string) => {
      const mails = await t.db
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.recipient, email), eq(outboxMessages.kind, 'staff.invitation')));
      const text = mails.at(-1)?.text ?? '';
      const url = /https?:\/\/\S+\/(?:beheer\/wachtwoord-instellen|en\/manage\/set-password)\?token=\S+/.exec(
        text,
      )?.[0];
      assert.ok(url, `an invitation mail with a link to ${email}`);
      const parsed = new URL(url);
      return { path: parsed.pathname, token: parsed.searchParams.get('token')!, mail: mails.at(-1)! };
    };
    const setPassword = (path: string, token: string, password: string, repeat = password) =>
      staffPost(t, path, [
        ['token', token],
        ['password', password],
        ['repeat', repeat],
      ]);

    it('invites a colleague by e-mail: an account without password, a hashed token and a mail with the link', async () => {
      const response = await invite([
        ['name', 'Anouk de Vries'],
        ['email', 'Anouk@Demodam.example'],
        ['role', 'webcare'],
        ['department', departmentId],
        ['language', 'nl'],
      ]);
      assert.equal(response.status, 303);
      const [user] = await t.db.select().from(staffUsers).where(eq(staffUsers.email, 'anouk@demodam.example'));
      assert.ok(user, 'the account exists, its address in lower case');
      assert.equal(user.passwordHash, null);
      assert.equal(response.headers.get('Location'), `/beheer/collegas?uitgenodigd=${user.id}`);
      const roles = await t.db.select().from(staffRoles).where(eq(staffRoles.staffUserId, user.id));
      assert.deepEqual(roles.map((r) => [r.role, r.departmentId]).sort(), [
        ['department_member', departmentId],
        ['webcare', null],
      ]);

      const { token, mail, path } = await linkFor('anouk@demodam.example');
      assert.equal(path, '/beheer/wachtwoord-instellen');
      assert.equal(mail.locale, 'nl');
      assert.match(mail.subject, /Uitnodiging/);
      const [invitation] = await t.db.select().from(staffInvitations).where(eq(staffInvitations.staffUserId, user.id));
      assert.notEqual(invitation!.tokenHash, token, 'the database keeps a hash, never the token');
      assert.equal(invitation!.expiresAt.getTime(), NOW.getTime() + 7 * DAY);

      const page = await get(`/beheer/collegas?uitgenodigd=${user.id}`, admin);
      assert.match(page.html, /De uitnodiging voor anouk@demodam\.example staat klaar om te versturen\./);
      assert.match(page.html, /Anouk de Vries/);
      assert.match(page.html, /Uitgenodigd, nog geen wachtwoord gekozen/);
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'staff.invited'), eq(auditLog.subjectId, user.id)));
      assert.equal(entry?.actorId, adminId);
    });

    it('lets the invited colleague choose a password once, and then log in with it', async () => {
      await invite([
        ['name', 'Bram Jansen'],
        ['email', 'bram@demodam.example'],
        ['role', 'moderator'],
        ['language', 'en'],
      ]);
      const { path, token } = await linkFor('bram@demodam.example');
      assert.equal(path, '/en/manage/set-password');
      const shown = await get(`${path}?token=${token}`);
      assert.equal(shown.status, 200);
      assert.match(shown.html, /Welcome, Bram Jansen/);
      assert.match(shown.html, /autocomplete="new-password"/);

      const done = await setPassword(path, token, 'een lange zin als wachtwoord');
      assert.equal(done.status, 200);
      assert.match(await done.text(), /Your password has been saved/);
      const login = await staffPost(t, '/beheer/inloggen', [
        ['email', 'bram@demodam.example'],
        ['password', 'een lange zin als wachtwoord'],
      ]);
      assert.equal(login.status, 303, 'the new password logs in');

      const again = await setPassword(path, token, 'een andere lange zin hier');
      assert.equal(again.status, 404, 'a used link opens nothing');
      assert.match(await again.text(), /does not work \(any more\)/);
      assert.equal((await get(`${path}?token=${token}`)).status, 404);
    });

    it('refuses an expired, malformed or unknown link without setting anything', async () => {
      await invite([
        ['name', 'Cor'],
        ['email', 'cor@demodam.example'],
        ['role', 'analyst'],
        ['language', 'nl'],
      ]);
      const { path, token } = await linkFor('cor@demodam.example');
      clock = new Date(NOW.getTime() + 8 * DAY);
      const expired = await setPassword(path, token, 'een lange zin als wachtwoord');
      assert.equal(expired.status, 404);
      assert.match(await expired.text(), /Deze link werkt niet \(meer\)/);
      for (const bad of ['', 'kort', `${token}x`, 'A'.repeat(43)]) {
        assert.equal((await setPassword(path, bad, 'een lange zin als wachtwoord')).status, 404, bad);
        assert.equal((await get(`${path}?token=${encodeURIComponent(bad)}`)).status, 404, bad);
      }
      const [user] = await t.db.select().from(staffUsers).where(eq(staffUsers.email, 'cor@demodam.example'));
      assert.equal(user!.passwordHash, null);
    });

    it('sends the invitation again with a new link: earlier links stop working, the new one works once', async () => {
      try {
        await invite([
          ['name', 'Elif Kaya'],
          ['email', 'elif@demodam.example'],
          ['role', 'webcare'],
          ['language', 'en'],
        ]);
        const first = await linkFor('elif@demodam.example');
        const [user] = await t.db.select().from(staffUsers).where(eq(staffUsers.email, 'elif@demodam.example'));
        const person = await get(`/beheer/collegas/${user!.id}`, admin);
        assert.match(person.html, /<h2>Uitnodiging opnieuw versturen<\/h2>/);
        assert.match(person.html, new RegExp(`action="/beheer/collegas/${user!.id}/uitnodiging"`));

        // Six days later (the first link still works for a day), with a session of that day.
        clock = new Date(NOW.getTime() + 6 * DAY);
        const later = await logIn(t, 'beheer@demodam.example');
        const resent = await staffPost(
          t,
          `/beheer/collegas/${user!.id}/uitnodiging`,
          [['csrf', later.csrf]],
          later.cookie,
        );
        assert.equal(resent.status, 303);
        assert.equal(resent.headers.get('Location'), `/beheer/collegas/${user!.id}?opnieuw-uitgenodigd`);
        const shown = await get(resent.headers.get('Location')!, later);
        assert.match(
          shown.html,
          /Een nieuwe uitnodiging voor elif@demodam\.example staat klaar om te versturen\. De link in eerdere uitnodigingen werkt niet meer\./,
        );

        const mails = await t.db
          .select()
          .from(outboxMessages)
          .where(
            and(eq(outboxMessages.recipient, 'elif@demodam.example'), eq(outboxMessages.kind, 'staff.invitation')),
          );
        assert.equal(mails.length, 2, 'a second mail is queued');
        const second = mails.find((mail) => !mail.text.includes(first.token))!;
        assert.equal(second.locale, 'en', 'in the language of the first invitation');
        const token = /token=([A-Za-z0-9_-]{43})/.exec(second.text)![1]!;
        assert.notEqual(token, first.token);

        assert.equal((await get(`${first.path}?token=${first.token}`)).status, 404, 'the first link opens nothing');
        assert.equal((await setPassword(first.path, first.token, 'een lange zin als wachtwoord')).status, 404);
        // The new link is valid for a week from the resend: past the first link's week.
        clock = new Date(NOW.getTime() + 10 * DAY);
        assert.equal((await get(`/en/manage/set-password?token=${token}`)).status, 200);
        assert.equal((await setPassword('/en/manage/set-password', token, 'een lange zin als wachtwoord')).status, 200);
        assert.equal((await setPassword('/en/manage/set-password', token, 'nog een lange zin hier')).status, 404);

        const [entry] = await t.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'staff.invitation_resent'), eq(auditLog.subjectId, user!.id)));
        assert.equal(entry?.actorId, adminId);
        assert.deepEqual(entry?.details, { earlierLinksStopped: 1 });

        // With a password chosen, the page offers no resend, and a post is refused with the reason.
        const latest = await logIn(t, 'beheer@demodam.example');
        const after = await get(`/beheer/collegas/${user!.id}`, latest);
        assert.doesNotMatch(after.html, /Uitnodiging opnieuw versturen/);
        const refused = await staffPost(
          t,
          `/beheer/collegas/${user!.id}/uitnodiging`,
          [
            ['csrf', latest.csrf],
            ['lang', 'en'],
          ],
          latest.cookie,
        );
        assert.equal(refused.status, 409);
        const html = await refused.text();
        assert.match(html, /This colleague has chosen a password already/);
        assert.match(html, /href="#resend-button"/);
        assert.equal(
          (await t.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, 'elif@demodam.example'))).length,
          2,
          'no third mail',
        );
      } finally {
        // Logging in later ended the earlier session (it had expired by then): a new one for the next tests.
        clock = NOW;
        admin = await logIn(t, 'beheer@demodam.example');
      }
    });

    it('sends no new invitation to a deactivated or unknown colleague, nor without a valid form', async () => {
      await invite([
        ['name', 'Fenna'],
        ['email', 'fenna@demodam.example'],
        ['role', 'analyst'],
        ['language', 'nl'],
      ]);
      const first = await linkFor('fenna@demodam.example');
      const [user] = await t.db.select().from(staffUsers).where(eq(staffUsers.email, 'fenna@demodam.example'));
      const off = await staffPost(
        t,
        `/beheer/collegas/${user!.id}/status`,
        [
          ['csrf', admin.csrf],
          ['version', String(await versionOf(user!.id))],
          ['action', 'deactivate'],
        ],
        admin.cookie,
      );
      assert.equal(off.status, 303);
      assert.doesNotMatch((await get(`/beheer/collegas/${user!.id}`, admin)).html, /Uitnodiging opnieuw versturen/);
      const refused = await staffPost(
        t,
        `/beheer/collegas/${user!.id}/uitnodiging`,
        [['csrf', admin.csrf]],
        admin.cookie,
      );
      assert.equal(refused.status, 409);
      assert.match(await refused.text(), /Dit account staat uit\. Zet het eerst weer aan/);

      const unknown = await staffPost(
        t,
        '/beheer/collegas/00000000-0000-4000-8000-000000000000/uitnodiging',
        [['csrf', admin.csrf]],
        admin.cookie,
      );
      assert.equal(unknown.status, 404);
      assert.equal(
        (await staffPost(t, '/beheer/collegas/niet-een-id/uitnodiging', [['csrf', admin.csrf]], admin.cookie)).status,
        404,
      );
      const noCsrf = await staffPost(t, `/beheer/collegas/${user!.id}/uitnodiging`, [], admin.cookie);
      assert.equal(noCsrf.status, 403);
      const mails = await t.db
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.recipient, 'fenna@demodam.example'), eq(outboxMessages.kind, 'staff.invitation')));
      assert.equal(mails.length, 1, 'only the first invitation');
      assert.ok(mails[0]!.text.includes(first.token));
    });

    it('refuses a short or mistyped password with a message at the field, and the link keeps working', async () => {
      await invite([
        ['name', 'Dirk'],
        ['email', 'dirk@demodam.example'],
        ['role', 'analyst'],
        ['language', 'nl'],
      ]);
      const { path, token } = await linkFor('dirk@demodam.example');
      const short = await setPassword(path, token, 'kort');
      assert.equal(short.status, 422);
      assert.match(await short.text(), /Het wachtwoord is te kort: gebruik minstens 12 tekens\./);
      const mismatch = await setPassword(path, token, 'een lange zin als wachtwoord', 'een lange zin als wachtwoorD');
      assert.equal(mismatch.status, 422);
      const html = await mismatch.text();
      assert.match(html, /De twee wachtwoorden zijn niet hetzelfde/);
      assert.match(html, /href="#repeat-password"/);
      assert.equal((await setPassword(path, token, 'een lange zin als wachtwoord')).status, 200);
    });

    it('refuses an invitation with bad input, says why at each field in the form’s language, and keeps what was typed', async () => {
      const before = await t.db.select().from(staffUsers);
      const response = await invite([
        ['lang', 'en'],
        ['name', ''],
        ['email', 'not an address'],
        ['role', 'superuser'],
        ['language', 'fr'],
      ]);
      assert.equal(response.status, 422);
      const html = await response.text();
      assert.match(html, /Fill in the name/);
      assert.match(html, /Fill in a valid e-mail address/);
      assert.match(html, /One of the chosen roles does not exist/);
      assert.match(html, /Choose the language of the invitation/);
      assert.match(html, /value="not an address"/);

      const none = await invite([
        ['name', 'Eva'],
        ['email', 'eva@demodam.example'],
        ['language', 'nl'],
      ]);
      assert.equal(none.status, 422);
      assert.match(await none.text(), /Kies minstens één rol of afdeling\./);
      const unknownDepartment = await invite([
        ['name', 'Eva'],
        ['email', 'eva@demodam.example'],
        ['department', '00000000-0000-4000-8000-000000000000'],
        ['language', 'nl'],
      ]);
      assert.equal(unknownDepartment.status, 422);
      assert.match(await unknownDepartment.text(), /Een van de gekozen afdelingen bestaat niet/);
      const exists = await invite([
        ['name', 'Nog een beheerder'],
        ['email', 'BEHEER@demodam.example'],
        ['role', 'administrator'],
        ['language', 'nl'],
      ]);
      assert.equal(exists.status, 409);
      assert.match(await exists.text(), /Er is al een account met dit e-mailadres/);
      assert.equal((await t.db.select().from(staffUsers)).length, before.length, 'no account was made');
    });

    it('changes roles on the version seen, and refuses a form on an older version', async () => {
      const id = await addStaffUser(t, 'femke@demodam.example', 'webcare');
      const version = await versionOf(id);
      const saved = await staffPost(
        t,
        `/beheer/collegas/${id}/rollen`,
        [
          ['csrf', admin.csrf],
          ['version', String(version)],
          ['role', 'moderator'],
          ['department', departmentId],
        ],
        admin.cookie,
      );
      assert.equal(saved.status, 303);
      assert.equal(saved.headers.get('Location'), `/beheer/collegas/${id}?opgeslagen`);
      const roles = await t.db.select().from(staffRoles).where(eq(staffRoles.staffUserId, id));
      assert.deepEqual(roles.map((r) => r.role).sort(), ['department_member', 'moderator']);
      assert.match((await get(`/beheer/collegas/${id}?opgeslagen`, admin)).html, /De rollen zijn opgeslagen\./);

      const stale = await staffPost(
        t,
        `/beheer/collegas/${id}/rollen`,
        [
          ['csrf', admin.csrf],
          ['version', String(version)],
          ['role', 'analyst'],
        ],
        admin.cookie,
      );
      assert.equal(stale.status, 409);
      assert.match(await stale.text(), /Iemand anders heeft deze collega intussen gewijzigd/);
      const after = await t.db.select().from(staffRoles).where(eq(staffRoles.staffUserId, id));
      assert.deepEqual(after.map((r) => r.role).sort(), ['department_member', 'moderator'], 'nothing changed');

      for (const fields of [
        [['version', String(version + 1)]],
        [
          ['version', String(version + 1)],
          ['role', 'root'],
        ],
        [['role', 'analyst']],
      ] as Array<Array<[string, string]>>) {
        const bad = await staffPost(
          t,
          `/beheer/collegas/${id}/rollen`,
          [['csrf', admin.csrf], ...fields],
          admin.cookie,
        );
        assert.equal(bad.status, 422, JSON.stringify(fields));
      }
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'staff.roles_changed'), eq(auditLog.subjectId, id)));
      assert.deepEqual(entry?.details, { before: ['webcare'], after: ['moderator', 'department_member'] });
    });

    it('deactivates a colleague, whose session ends at once, and reactivates them', async () => {
      const id = await addStaffUser(t, 'gijs@demodam.example', 'moderator');
      const gijs = await logIn(t, 'gijs@demodam.example');
      assert.equal((await get('/beheer/', gijs)).status, 200);
      const off = await staffPost(
        t,
        `/beheer/collegas/${id}/status`,
        [
          ['csrf', admin.csrf],
          ['version', String(await versionOf(id))],
          ['action', 'deactivate'],
        ],
        admin.cookie,
      );
      assert.equal(off.status, 303);
      assert.equal((await t.db.select().from(staffSessions).where(eq(staffSessions.staffUserId, id))).length, 0);
      assert.equal((await get('/beheer/', gijs)).status, 303, 'the old cookie opens nothing');
      const page = await get(`/beheer/collegas/${id}?uitgezet`, admin);
      assert.match(page.html, /Het account is uitgezet\./);
      assert.match(page.html, /Uitgezet op/);
      assert.match(page.html, /Account weer aanzetten/);

      const on = await staffPost(
        t,
        `/beheer/collegas/${id}/status`,
        [
          ['csrf', admin.csrf],
          ['version', String(await versionOf(id))],
          ['action', 'reactivate'],
        ],
        admin.cookie,
      );
      assert.equal(on.status, 303);
      await logIn(t, 'gijs@demodam.example');
      const actions = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, id));
      assert.ok(actions.some((a) => a.action === 'staff.deactivated'));
      assert.ok(actions.some((a) => a.action === 'staff.reactivated'));

      const bad = await staffPost(
        t,
        `/beheer/collegas/${id}/status`,
        [
          ['csrf', admin.csrf],
          ['version', String(await versionOf(id))],
          ['action', 'delete'],
        ],
        admin.cookie,
      );
      assert.equal(bad.status, 422);
      assert.match(await bad.text(), /Deze actie bestaat niet/);
    });

    it('keeps the last active administrator: they cannot deactivate themselves or drop the role', async () => {
      // An invited administrator who has not chosen a password does not count.
      await invite([
        ['name', 'Hanna'],
        ['email', 'hanna@demodam.example'],
        ['role', 'administrator'],
        ['language', 'nl'],
      ]);
      const self = await staffPost(
        t,
        `/beheer/collegas/${adminId}/status`,
        [
          ['csrf', admin.csrf],
          ['version', String(await versionOf(adminId))],
          ['action', 'deactivate'],
        ],
        admin.cookie,
      );
      assert.equal(self.status, 409);
      assert.match(await self.text(), /er moet altijd minstens één beheerder actief blijven/);
      const drop = await staffPost(
        t,
        `/beheer/collegas/${adminId}/rollen`,
        [
          ['csrf', admin.csrf],
          ['version', String(await versionOf(adminId))],
          ['role', 'moderator'],
        ],
        admin.cookie,
      );
      assert.equal(drop.status, 409);
      const [me] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, adminId));
      assert.equal(me!.disabledAt, null);
      const roles = await t.db.select().from(staffRoles).where(eq(staffRoles.staffUserId, adminId));
      assert.deepEqual(
        roles.map((r) => r.role),
        ['administrator'],
      );

      // With a second active administrator, the first may step down.
      const otherId = await addStaffUser(t, 'ilse@demodam.example', 'administrator');
      const stepDown = await staffPost(
        t,
        `/beheer/collegas/${adminId}/rollen`,
        [
          ['csrf', admin.csrf],
          ['version', String(await versionOf(adminId))],
          ['role', 'administrator'],
          ['role', 'moderator'],
        ],
        admin.cookie,
      );
      assert.equal(stepDown.status, 303);
      assert.ok(otherId);
    });

    it('shows each colleague’s last log-in, and opens no page for an unknown colleague', async () => {
      const page = await get('/beheer/collegas', admin);
      assert.equal(page.status, 200);
      assert.match(page.html, /Laatst aangemeld<\/dt><dd><time datetime="2026-11-27T10:00:00\.000Z">/);
      assert.match(page.html, /Nog nooit/);
      assert.equal((await get('/beheer/collegas/00000000-0000-4000-8000-000000000000', admin)).status, 404);
      assert.equal((await get('/beheer/collegas/niet-een-id', admin)).status, 404);
      const english = await get('/en/manage/colleagues', admin);
      assert.match(english.html, /Invite a colleague/);
    });
  });
}
