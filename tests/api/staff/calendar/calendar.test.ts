import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, channelGuidelines, organisations, submissions } from '../../../../api/db/schema.ts';
import * as auditTexts from '../../../../api/staff/audit/texts.ts';
import { openTestApp, postJson, validAnswers, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, staffPost } from '../../../support/staff.ts';

const submitPath = '/api/consultations/fietsroute-stationsstraat/submissions';

type Who = { cookie: string; csrf: string };

for (const target of databaseTargets()) {
  describe(`the office-calendar screen (${target.name})`, () => {
    let t: TestApp;
    let admin: Who;
    let colleague: Who;
    let orgId: string;
    let portalId: string;
    let mastodonId: string;
    let demoPromises: Array<{ id: string; days: number }>;

    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'admin@demodam.example', 'administrator');
      await addStaffUser(t, 'anna@demodam.example', 'administrator');
      admin = await logIn(t, 'admin@demodam.example');
      colleague = await logIn(t, 'anna@demodam.example');
      const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam'));
      orgId = org!.id;
      const guidelines = await t.db.select().from(channelGuidelines);
      portalId = guidelines.find((g) => g.key === 'portal')!.id;
      mastodonId = guidelines.find((g) => g.channel === 'social')!.id;
      demoPromises = guidelines.map((g) => ({ id: g.id, days: g.responseDays }));
    });
    after(() => t.close());

    const page = async (who: Who, path = '/beheer/kantoorkalender') =>
      (await t.app.request(path, { headers: { Cookie: who.cookie } })).text();
    const versionOf = (html: string) => /<input type="hidden" name="version" value="(\d*)">/.exec(html)?.[1] ?? '';
    const valueOf = (html: string, id: string) =>
      new RegExp(`id="${id}" name="${id}" type="text" value="([^"]*)"`).exec(html)?.[1];
    const storedVersion = async () =>
      (await t.db.select().from(organisations).where(eq(organisations.id, orgId)))[0]!.calendarVersion;

    /** The whole form as the page sends it: Monday to Friday 09:00–17:00 unless `changes` say otherwise. */
    function form(who: Who, version: string, changes: Record<string, string> = {}, lang = 'nl') {
      const fields: Record<string, string> = { csrf: who.csrf, lang, version, 'liberation-day': 'every_year' };
      for (const day of [0, 1, 2, 3, 4, 5, 6]) {
        const open = day >= 1 && day <= 5;
        Object.assign(fields, {
          [`d${day}-from`]: open ? '09:00' : '',
          [`d${day}-to`]: open ? '17:00' : '',
          [`d${day}-from2`]: '',
          [`d${day}-to2`]: '',
        });
      }
      fields['closed-days'] = '';
      for (const promise of demoPromises) {
        fields[`unit-${promise.id}`] = 'working_days';
        fields[`amount-${promise.id}`] = String(promise.days);
      }
      Object.assign(fields, changes);
      return Object.entries(fields);
    }
    const save = (who: Who, version: string, changes: Record<string, string> = {}, lang = 'nl') =>
      staffPost(t, '/beheer/kantoorkalender', form(who, version, changes, lang), who.cookie);

    async function submitPortalInput() {
      const response = await postJson(t.app, submitPath, { answers: validAnswers, channel: 'portal' });
      assert.equal(response.status, 201);
      const { code } = await response.json();
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      return row!;
    }

    beforeEach(async () => {
      // Every test starts from the demo's calendar and promises, whatever the one before saved.
      await t.db
        .update(organisations)
        .set({ officeHours: null, holidayRules: null, closedDays: [] })
        .where(eq(organisations.id, orgId));
      for (const promise of demoPromises) {
        await t.db
          .update(channelGuidelines)
          .set({ responseDays: promise.days, responseHours: null })
          .where(eq(channelGuidelines.id, promise.id));
      }
    });

    it('shows the opening hours, holidays and each channel’s promise, in Dutch and in English', async () => {
      const nl = await page(admin);
      assert.match(nl, /<h1>Kantoorkalender en reactietermijnen<\/h1>/);
      assert.equal(valueOf(nl, 'd1-from'), '09:00');
      assert.equal(valueOf(nl, 'd5-to'), '17:00');
      assert.equal(valueOf(nl, 'd6-from'), '');
      assert.match(nl, /<legend>Participatieportaal<\/legend>/);
      assert.equal(valueOf(nl, `amount-${portalId}`), '10');
      assert.match(nl, /id="liberation-every_year" name="liberation-day" value="every_year" checked/);
      const en = await page(admin, '/en/manage/office-calendar');
      assert.match(en, /<h1>Office calendar and response promises<\/h1>/);
      assert.match(en, /<legend>Participation portal<\/legend>/);
    });

    it('saves hours, a closed day and a promise in hours at once, audited, and gives waiting items their new due time', async () => {
      const waiting = await submitPortalInput();
      const before = await storedVersion();
      const response = await save(admin, String(before), {
        'd5-from': '8:00',
        'd5-to': '12.00',
        'd5-from2': '13:00',
        'd5-to2': '17:00',
        'good-friday': 'yes',
        'closed-days': '24-12-2027\n2027-12-31\n2027-12-31',
        [`unit-${portalId}`]: 'hours',
        [`amount-${portalId}`]: '4',
        [`unit-${mastodonId}`]: 'working_days',
        [`amount-${mastodonId}`]: '3',
      });
      assert.equal(response.status, 303);
      assert.match(response.headers.get('Location') ?? '', /^\/beheer\/kantoorkalender\?opgeslagen=\d+$/);
      const [org] = await t.db.select().from(organisations).where(eq(organisations.id, orgId));
      assert.equal(org!.calendarVersion, before + 1);
      assert.deepEqual(org!.officeHours?.[5], [
        { from: '08:00', to: '12:00' },
        { from: '13:00', to: '17:00' },
      ]);
      assert.deepEqual(org!.closedDays, ['2027-12-24', '2027-12-31']);
      assert.equal(org!.holidayRules?.goodFriday, true);
      const [portal] = await t.db.select().from(channelGuidelines).where(eq(channelGuidelines.id, portalId));
      assert.equal(portal!.responseHours, 4);
      // Friday 27 November 11:00 in Amsterdam: an hour until the break, three after it.
      const [after] = await t.db.select().from(submissions).where(eq(submissions.id, waiting.id));
      assert.equal(after!.responseDueAt?.toISOString(), '2026-11-27T15:00:00.000Z');
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'office_calendar.changed'), eq(auditLog.organisationId, orgId)))
        .orderBy(desc(auditLog.at), desc(auditLog.id));
      assert.deepEqual(entry!.details['parts'], ['hours', 'holidays', 'closed_days', 'promises']);
      const input = { details: entry!.details, subjectType: entry!.subjectType, subjectId: entry!.subjectId };
      assert.equal(
        auditTexts.nl.sentences['office_calendar.changed'](input),
        '{actor} wijzigde de openingstijden, de feestdagen, de extra sluitingsdagen en de reactietermijnen van de kantoorkalender',
      );
      assert.equal(
        auditTexts.en.sentences['office_calendar.changed'](input),
        '{actor} changed the opening hours, the holidays, the extra closed days and the response promises of the office calendar',
      );
      const shown = await page(admin, response.headers.get('Location')!);
      assert.match(
        shown,
        /role="status">De kantoorkalender is opgeslagen\. (1 wachtend item kreeg|[1-9]\d* wachtende items kregen) een nieuwe uiterste reactietijd/,
      );
      assert.equal(valueOf(shown, 'd5-from2'), '13:00');
      assert.match(shown, /2027-12-24\n2027-12-31<\/textarea>/);
    });

    const PORTAL = 'PORTAL';
    const refusals: Array<[string, Record<string, string>, 'nl' | 'en', RegExp]> = [
      ['a time that does not exist', { 'd1-from': '25:00' }, 'nl', /Maandag: vul een tijd in als uu:mm/],
      ['a start without an end', { 'd2-to': '' }, 'nl', /Dinsdag: vul zowel een begin- als een eindtijd in/],
      [
        'an end before the start',
        { 'd3-from': '17:00', 'd3-to': '09:00' },
        'en',
        /Wednesday: the end time must be after the start time/,
      ],
      [
        'overlapping periods',
        { 'd4-to': '13:00', 'd4-from2': '12:00', 'd4-to2': '17:00' },
        'nl',
        /Donderdag: de tweede periode moet beginnen na het einde van de eerste/,
      ],
      [
        'a week without opening hours',
        {
          'd1-from': '',
          'd1-to': '',
          'd2-from': '',
          'd2-to': '',
          'd3-from': '',
          'd3-to': '',
          'd4-from': '',
          'd4-to': '',
          'd5-from': '',
          'd5-to': '',
        },
        'nl',
        /Vul voor minstens één dag openingstijden in/,
      ],
      ['a closed day that is no date', { 'closed-days': '2027-12-24\n2027-02-30' }, 'nl', /‘2027-02-30’ is geen datum/],
      [
        'an unknown Liberation Day rule',
        { 'liberation-day': 'sometimes' },
        'en',
        /Choose what you do on Liberation Day/,
      ],
      [
        'no working days',
        { [`amount-${PORTAL}`]: '0' },
        'nl',
        /Participatieportaal: vul een heel aantal werkdagen in, van 1 tot en met 60/,
      ],
      [
        'too many hours',
        { [`unit-${PORTAL}`]: 'hours', [`amount-${PORTAL}`]: '999' },
        'en',
        /Participation portal: enter a whole number of hours, from 1 to 200/,
      ],
      ['an unknown unit', { [`unit-${PORTAL}`]: 'weeks' }, 'nl', /Participatieportaal: kies werkdagen of uren/],
    ];
    for (const [what, changes, lang, message] of refusals) {
      it(`refuses ${what} with a message at the field, keeps what was typed and changes nothing`, async () => {
        const version = await storedVersion();
        // The portal's fields are named after its id, known once the suite has started.
        const named = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k.replace(PORTAL, portalId), v]));
        const typed = { ...named, [`amount-${mastodonId}`]: '7' };
        const response = await save(admin, String(version), typed, lang);
        assert.equal(response.status, 422);
        const html = await response.text();
        assert.match(html, message);
        assert.match(html, /class="staff-error-summary"/);
        assert.equal(valueOf(html, `amount-${mastodonId}`), '7');
        assert.equal(await storedVersion(), version);
        const [org] = await t.db.select().from(organisations).where(eq(organisations.id, orgId));
        assert.equal(org!.officeHours, null);
      });
    }

    it('refuses a save made on an older version with who changed what, and keeps what was typed', async () => {
      const opened = versionOf(await page(admin));
      const first = await save(colleague, opened, { 'closed-days': '2027-06-01' });
      assert.equal(first.status, 303);
      const second = await save(admin, opened, { 'd6-from': '10:00', 'd6-to': '13:00' });
      assert.equal(second.status, 422);
      const html = await second.text();
      assert.match(html, /Een collega heeft de kantoorkalender opgeslagen nadat u deze pagina opende/);
      assert.match(html, /anna wijzigde de extra sluitingsdagen \(/);
      assert.equal(valueOf(html, 'd6-from'), '10:00');
      // The next save is made on the version the colleague left.
      assert.equal(versionOf(html), String(Number(opened) + 1));
      const [org] = await t.db.select().from(organisations).where(eq(organisations.id, orgId));
      assert.equal(org!.officeHours?.[6], undefined);
      assert.deepEqual(org!.closedDays, ['2027-06-01']);
      const again = await save(admin, versionOf(html), {
        'd6-from': '10:00',
        'd6-to': '13:00',
        'closed-days': '2027-06-01',
      });
      assert.equal(again.status, 303);
    });

    it('refuses a form without its version and offers the current one', async () => {
      const response = await save(admin, 'abc', { 'd6-from': '10:00', 'd6-to': '13:00' }, 'en');
      assert.equal(response.status, 422);
      const html = await response.text();
      assert.match(html, /This page is out of date/);
      assert.equal(versionOf(html), String(await storedVersion()));
    });

    it('tells the administrator when a save changed nothing', async () => {
      const response = await save(admin, String(await storedVersion()));
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/kantoorkalender?opgeslagen=ongewijzigd');
      assert.match(await page(admin, response.headers.get('Location')!), /Er was niets gewijzigd\./);
    });
  });
}
