/**
 * The channel-guidelines settings page and staff API (api/staff/settings/guideline-*.ts) and
 * their service (api/services/channel-guideline-settings.ts): a channel's name, replies,
 * moderating department and posting hours saved on the version seen, audited with before and
 * after, refused when stale (naming who changed what, the typing kept) or malformed (in the
 * caller's language); the new posting hours are the ones announcements are scheduled within.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, channelGuidelines, departments, organisations } from '../../../../api/db/schema.ts';
import { loadChannels } from '../../../../api/services/announcements/compose.ts';
import { withinPostingHours } from '../../../../api/services/announcements/posting-hours.ts';
import {
  guidelineProblems,
  hoursFromWeek,
  weekFromHours,
} from '../../../../api/services/channel-guideline-settings.ts';
import * as auditTexts from '../../../../api/staff/audit/texts.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, apiKeyFor, logIn, staffPost, withKey } from '../../../support/staff.ts';

type Who = { cookie: string; csrf: string };

describe('posting hours per weekday', () => {
  it('fold into one span per distinct period and back', () => {
    const week = [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' }));
    const hours = hoursFromWeek([...week, { day: 6, from: '10:00', to: '12:00' }]);
    assert.deepEqual(hours, [
      { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' },
      { days: [6], from: '10:00', to: '12:00' },
    ]);
    assert.deepEqual(weekFromHours(hours).get(6), { days: [6], from: '10:00', to: '12:00' });
    assert.equal(weekFromHours(hours).get(7), undefined);
  });

  it('are refused when malformed, half filled, ending before they start, on no or an unknown day, or overlapping', () => {
    const base = { name: { nl: 'Portaal' }, repliesAllowed: true, moderatedByDepartmentId: null };
    const problems = (postingHours: Array<{ days: number[]; from: string; to: string }>) =>
      guidelineProblems({ ...base, postingHours }, []).map((p) => `${p.field}:${p.code}`);
    assert.deepEqual(problems([{ days: [1], from: '9:00', to: '25:00' }]), [
      'postingHours.0.from:time_format',
      'postingHours.0.to:time_format',
    ]);
    assert.deepEqual(problems([{ days: [1], from: '09:00', to: '' }]), ['postingHours.0.to:time_half']);
    assert.deepEqual(problems([{ days: [1], from: '17:00', to: '09:00' }]), ['postingHours.0.to:time_order']);
    assert.deepEqual(problems([{ days: [1], from: '09:00', to: '09:00' }]), ['postingHours.0.to:time_order']);
    assert.deepEqual(problems([{ days: [], from: '09:00', to: '10:00' }]), ['postingHours.0.days:weekday_missing']);
    assert.deepEqual(problems([{ days: [0, 8], from: '09:00', to: '10:00' }]), ['postingHours.0.days:weekday_range']);
    assert.deepEqual(
      problems([
        { days: [1, 2], from: '09:00', to: '12:00' },
        { days: [2], from: '11:00', to: '13:00' },
      ]),
      ['postingHours.1.from:hours_overlap'],
    );
    assert.deepEqual(
      problems([
        { days: [1], from: '09:00', to: '12:00' },
        { days: [1], from: '12:00', to: '13:00' },
      ]),
      [],
    );
    assert.deepEqual(
      guidelineProblems({ ...base, name: { nl: ' ', en: 'x'.repeat(121) }, postingHours: [] }, []).map((p) => p.code),
      ['name_required', 'name_too_long'],
    );
    assert.deepEqual(
      guidelineProblems({ ...base, moderatedByDepartmentId: 'elsewhere', postingHours: [] }, ['here']).map(
        (p) => p.code,
      ),
      ['unknown_department'],
    );
  });
});

for (const target of databaseTargets()) {
  describe(`channel guidelines in the workbench (${target.name})`, () => {
    let t: TestApp;
    let admin: Who;
    let colleague: Who;
    let key: string;
    let orgId: string;
    let departmentId: string;

    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'admin@guidelines.example', 'administrator');
      const anna = await addStaffUser(t, 'anna@guidelines.example', 'administrator');
      admin = await logIn(t, 'admin@guidelines.example');
      colleague = await logIn(t, 'anna@guidelines.example');
      key = await apiKeyFor(t, anna);
      const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam'));
      orgId = org!.id;
      const [department] = await t.db.select().from(departments).where(eq(departments.organisationId, orgId));
      departmentId = department!.id;
    });
    after(() => t.close());

    const path = '/beheer/instellingen/kanaalrichtlijnen';
    const page = async (who: Who = admin, at = path) =>
      (await t.app.request(at, { headers: { Cookie: who.cookie } })).text();
    const guideline = async (key: string) =>
      (
        await t.db
          .select()
          .from(channelGuidelines)
          .where(and(eq(channelGuidelines.organisationId, orgId), eq(channelGuidelines.key, key)))
      )[0]!;
    /** The form as the page shows it for one channel, with some fields changed. */
    const formOf = (row: typeof channelGuidelines.$inferSelect, changes: Record<string, string | null> = {}) => {
      const week = weekFromHours(row.postingHours);
      const fields: Record<string, string | null> = {
        id: row.id,
        version: String(row.version),
        'name-nl': row.name.nl,
        'name-en': row.name.en ?? '',
        replies: row.repliesAllowed ? 'ja' : null,
        department: row.moderatedByDepartmentId ?? '',
        ...Object.fromEntries(
          [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [
            [`from-${d}`, week.get(d)?.from ?? ''],
            [`to-${d}`, week.get(d)?.to ?? ''],
          ]),
        ),
        ...changes,
      };
      return Object.entries(fields).filter((f): f is [string, string] => f[1] !== null);
    };
    const send = (who: Who, fields: Array<[string, string]>, lang = 'nl') =>
      staffPost(t, path, [['csrf', who.csrf], ['lang', lang], ...fields], who.cookie);
    const lastEntry = async () =>
      (
        await t.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'channel_guideline.changed'), eq(auditLog.organisationId, orgId)))
          .orderBy(desc(auditLog.id))
          .limit(1)
      )[0]!;

    it('shows each channel’s form in Dutch and in English, linked from the settings index', async () => {
      const nl = await page();
      assert.match(nl, /<h1>Kanaalrichtlijnen<\/h1>/);
      assert.match(nl, /<h2 id="g1-heading">Participatieportaal<\/h2>/);
      // Each row's fields name their channel for screen readers (WCAG 2.4.6), hidden from sight.
      assert.match(
        nl,
        /<label for="g1-1-from">Maandag: van<span class="staff-visually-hidden">, Participatieportaal<\/span><\/label>/,
      );
      assert.match(nl, /id="g1-1-from" name="from-1" type="text" value="08:30"/);
      assert.match(nl, /Reactietermijn: 10 werkdagen\./);
      assert.match(nl, /href="\/beheer\/kantoorkalender"/);
      const en = await page(admin, '/en/manage/settings/channel-guidelines');
      assert.match(en, /<h1>Channel guidelines<\/h1>/);
      assert.match(en, /Save guidelines: Participation portal/);
      assert.match(await page(admin, '/beheer/instellingen'), /href="\/beheer\/instellingen\/kanaalrichtlijnen"/);
    });

    it('saves a channel in one audited change that announcements are then scheduled by', async () => {
      const before = await guideline('portal');
      const response = await send(
        admin,
        formOf(before, {
          'name-en': 'Participation portal (Demodam)',
          replies: null,
          department: departmentId,
          'from-6': '10:00',
          'to-6': '12:30',
          'from-7': '',
          'to-7': '',
        }),
      );
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), `${path}?kanaal=${before.id}`);
      const saved = await guideline('portal');
      assert.equal(saved.version, before.version + 1);
      assert.deepEqual(saved.name, { nl: 'Participatieportaal', en: 'Participation portal (Demodam)' });
      assert.equal(saved.repliesAllowed, false);
      assert.equal(saved.moderatedByDepartmentId, departmentId);
      assert.deepEqual(saved.postingHours, [
        { days: [1, 2, 3, 4, 5], from: '08:30', to: '17:00' },
        { days: [6], from: '10:00', to: '12:30' },
      ]);
      const channels = await loadChannels(t.db, orgId);
      // Saturday 5 December 2026, 11:00 in Amsterdam: within the new hours; 13:00 is not.
      assert.ok(withinPostingHours(channels.portal.hours, new Date('2026-12-05T10:00:00Z'), channels.timeZone));
      assert.ok(!withinPostingHours(channels.portal.hours, new Date('2026-12-05T12:00:00Z'), channels.timeZone));

      const entry = await lastEntry();
      assert.equal(entry.subjectId, 'portal');
      assert.deepEqual(entry.details['fields'], ['name', 'repliesAllowed', 'moderatedByDepartmentId', 'postingHours']);
      assert.deepEqual((entry.details['before'] as Record<string, unknown>)['repliesAllowed'], true);
      assert.deepEqual((entry.details['after'] as Record<string, unknown>)['repliesAllowed'], false);
      assert.equal(
        auditTexts.nl.sentences['channel_guideline.changed']({
          details: entry.details,
          subjectType: entry.subjectType,
          subjectId: entry.subjectId,
        }),
        '{actor} wijzigde de richtlijnen van kanaal ‘Participatieportaal’: naam, reacties toegestaan, modererende afdeling, plaatsingstijden',
      );
      assert.match(
        await page(admin, response.headers.get('Location')!),
        /De richtlijnen van ‘Participatieportaal’ zijn opgeslagen\./,
      );

      const entries = (await t.db.select().from(auditLog).where(eq(auditLog.action, 'channel_guideline.changed')))
        .length;
      const again = await send(admin, formOf(saved));
      assert.equal(again.headers.get('Location'), `${path}?gedaan=niets`);
      assert.equal((await guideline('portal')).version, saved.version);
      assert.equal(
        (await t.db.select().from(auditLog).where(eq(auditLog.action, 'channel_guideline.changed'))).length,
        entries,
      );
    });

    it('refuses malformed hours and an empty name next to their fields, in the form’s language, keeping the typing', async () => {
      const stored = await guideline('widget');
      const nl = await send(
        admin,
        formOf(stored, {
          'name-nl': '',
          'name-en': 'Typed forms',
          'from-1': '9 uur',
          'from-2': '17:00',
          'to-2': '08:00',
          'to-3': '',
        }),
      );
      assert.equal(nl.status, 422);
      const html = await nl.text();
      assert.match(html, /<title>Fout: /);
      assert.match(html, /Vul een Nederlandse naam in\./);
      assert.match(html, /href="#g2-1-from"/);
      assert.match(html, /Vul een tijd in als uu:mm, zoals 09:00\./);
      assert.match(html, /Het einde moet na het begin liggen\./);
      assert.match(html, /Vul zowel het begin als het einde in, of laat beide leeg\./);
      assert.match(html, /id="g2-2-to" name="to-2" type="text" value="08:00"[^>]*aria-invalid="true"/);
      assert.match(html, /value="9 uur"/);
      assert.match(html, /value="Typed forms"/);

      const en = await send(admin, formOf(stored, { 'from-4': '25:00' }), 'en');
      assert.equal(en.status, 422);
      assert.match(await en.text(), /Enter a time as hh:mm, such as 09:00\./);
      const unknown = await send(admin, formOf(stored, { department: '00000000-0000-4000-8000-000000000000' }));
      assert.equal(unknown.status, 422);
      assert.match(await unknown.text(), /Deze afdeling bestaat niet \(meer\)/);
      const noVersion = await send(admin, formOf(stored, { version: 'x' }));
      assert.equal(noVersion.status, 422);
      assert.match(await noVersion.text(), /Deze pagina is te oud\./);
      const missing = await send(admin, formOf(stored, { id: '00000000-0000-4000-8000-000000000000' }));
      assert.equal(missing.status, 404);
      assert.deepEqual(await guideline('widget'), stored, 'nothing was saved');
    });

    it('refuses a save on a version a colleague saved since, saying who changed what, the typing kept', async () => {
      const seen = await guideline('widget');
      const first = await send(colleague, formOf(seen, { 'from-1': '09:00' }));
      assert.equal(first.status, 303);
      const late = await send(admin, formOf(seen, { 'name-nl': 'Formulieren (mijn versie)' }));
      assert.equal(late.status, 409);
      const html = await late.text();
      assert.match(html, /Een collega heeft de richtlijnen van dit kanaal gewijzigd/);
      assert.match(html, /anna wijzigde plaatsingstijden \(/);
      assert.match(html, /value="Formulieren \(mijn versie\)"/);
      // The form now carries the current version: checked and sent again, it saves.
      assert.match(html, new RegExp(`name="version" value="${seen.version + 1}"`));
      assert.equal((await guideline('widget')).name.nl, seen.name.nl);
    });

    it('lists and saves guidelines as JSON on the version seen, refusing stale and malformed input', async () => {
      const list = (await (await withKey(t, key, 'GET', '/api/staff/channel-guidelines')).json()) as {
        guidelines: Array<{ id: string; key: string; version: number; postingHours: unknown; name: { nl: string } }>;
        departments: Array<{ id: string }>;
      };
      const social = list.guidelines.find((g) => g.key.startsWith('mastodon:'))!;
      assert.ok(list.departments.length > 0);
      const body = {
        version: social.version,
        name: { nl: 'Mastodon @demodam', en: 'Mastodon @demodam' },
        repliesAllowed: true,
        moderatedByDepartmentId: null,
        postingHours: [{ days: [1, 2, 3, 4, 5, 5], from: '08:00', to: '18:00' }],
      };
      const saved = await withKey(t, key, 'PUT', `/api/staff/channel-guidelines/${social.id}`, body);
      assert.equal(saved.status, 200);
      const json = (await saved.json()) as { version: number; postingHours: unknown };
      assert.equal(json.version, social.version + 1);
      assert.deepEqual(json.postingHours, [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }]);

      const stale = await withKey(t, key, 'PUT', `/api/staff/channel-guidelines/${social.id}`, body, {
        'Accept-Language': 'en',
      });
      assert.equal(stale.status, 409);
      const problem = (await stale.json()) as { title: string; detail: string };
      assert.match(problem.title, /A colleague has changed the guidelines/);
      assert.match(problem.detail, /version \d+\. Changed: postingHours \(anna\)/);

      const current = { ...body, version: json.version };
      const cases: Array<[unknown, string, RegExp]> = [
        [
          { ...current, postingHours: [{ days: [1], from: '18:00', to: '08:00' }] },
          'postingHours.0.to',
          /einde moet na/,
        ],
        [{ ...current, postingHours: [{ days: [9], from: '08:00', to: '09:00' }] }, 'postingHours.0.days', /maandag/],
        [{ ...current, postingHours: [{ days: [1], from: '8', to: '09:00' }] }, 'postingHours.0.from', /uu:mm/],
        [{ ...current, name: { nl: '' } }, 'name.nl', /Nederlandse naam/],
        [
          { ...current, moderatedByDepartmentId: '00000000-0000-4000-8000-000000000000' },
          'moderatedByDepartmentId',
          /afdeling/,
        ],
        [{ ...current, responseDays: 3 }, '', /.+/],
        [{ ...current, version: 0 }, 'version', /.+/],
        [{ ...current, repliesAllowed: 'ja' }, 'repliesAllowed', /.+/],
      ];
      for (const [input, field, message] of cases) {
        const response = await withKey(t, key, 'PUT', `/api/staff/channel-guidelines/${social.id}`, input);
        assert.equal(response.status, 422, JSON.stringify(input));
        const refused = (await response.json()) as { errors: Array<{ field: string; message: string }> };
        if (field) assert.equal(refused.errors[0]?.field, field, JSON.stringify(input));
        assert.match(refused.errors[0]?.message ?? '', message, JSON.stringify(input));
      }
      const missing = await withKey(
        t,
        key,
        'PUT',
        '/api/staff/channel-guidelines/00000000-0000-4000-8000-000000000000',
        current,
      );
      assert.equal(missing.status, 404);
      const notUuid = await withKey(t, key, 'PUT', '/api/staff/channel-guidelines/portal', current);
      assert.equal(notUuid.status, 422);
      assert.equal((await guideline(social.key)).version, json.version, 'nothing else was saved');
    });
  });
}
