import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { auditLog, itemNotes, submissionAnswers, submissions } from '../../../../api/db/schema.ts';
import { listPublishedSubmissions } from '../../../../api/services/published-content.ts';
import { submitInput } from '../../../../api/services/submissions.ts';
import { NOW, openTestApp, postJson, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, STAFF_PASSWORD, saveItemForm, staffPost } from '../../../support/staff.ts';

const path = '/api/consultations/fietsroute-stationsstraat/submissions';

for (const target of databaseTargets()) {
  describe(`moderation queue and decisions (${target.name})`, () => {
    let t: TestApp;
    let moderator: { cookie: string; csrf: string };
    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'moderator@demodam.example', 'moderator');
      moderator = await logIn(t, 'moderator@demodam.example');
    });
    after(() => t.close());

    /** Sends input through the public API and returns the stored row. */
    async function submit(text: string) {
      const response = await postJson(t.app, path, { answers: { route: 'parklaan', toelichting: text } });
      assert.equal(response.status, 201);
      const { code } = await response.json();
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      return row!;
    }

    const decide = (id: string, fields: Array<[string, string]>, who = moderator) => saveItemForm(t, who, id, fields);

    it('screens new input and stores the flags, keeping the text as given', async () => {
      const row = await submit('Bel me op 06-12345678 over dit kutplan.');
      assert.equal(row.reviewState, 'new');
      const field = row.screening?.fields.find((f) => f.question === 'toelichting');
      assert.deepEqual(
        field?.flags.map((f) => f.kind),
        ['phone', 'profanity'],
      );
      assert.equal(field?.redacted, 'Bel me op [telefoonnummer verwijderd] over dit kutplan.');
      const followUp = await (await t.app.request(`/api/follow-up/${row.followUpCode}`)).json();
      const answer = followUp.answers.find((a: { question: string }) => a.question === 'toelichting');
      assert.equal(answer.value, 'Bel me op 06-12345678 over dit kutplan.', 'the resident sees their own text');
    });

    it('flags the third copy of the same text as a flood', async () => {
      const text = 'Stop met dit plan, het is geldverspilling!';
      const first = await submit(text);
      await submit(text.toUpperCase());
      const third = await submit(text);
      assert.deepEqual(
        first.screening?.fields.flatMap((f) => f.flags.map((x) => x.kind)),
        [],
      );
      assert.deepEqual(
        third.screening?.fields.flatMap((f) => f.flags.map((x) => x.kind)),
        ['spam_flood'],
      );
    });

    it('counts only copies sent in the last ten minutes as a flood, keyed by the text without case or punctuation', async () => {
      const text = 'Deze tekst komt drie keer, maar twee zijn oud.';
      const first = await submit(text);
      const second = await submit(text.toLowerCase().replace(/[.,]/g, ''));
      assert.ok(first.id && second.id);
      const [stored, ...others] = await t.db
        .select({ key: submissionAnswers.textKey })
        .from(submissionAnswers)
        .where(and(eq(submissionAnswers.submissionId, first.id), isNotNull(submissionAnswers.textKey)));
      assert.ok(stored?.key, 'an open answer keeps its comparison key');
      assert.equal(others.length, 0, 'a choice has none');
      const keys = await t.db
        .select({ key: submissionAnswers.textKey })
        .from(submissionAnswers)
        .where(eq(submissionAnswers.submissionId, second.id));
      assert.deepEqual(
        keys.map((k) => k.key).filter(Boolean),
        [stored.key],
        'the same text in other case and punctuation has the same key; the choice has none',
      );
      // Eleven minutes ago: outside the window.
      await t.db
        .update(submissions)
        .set({ createdAt: new Date(NOW.getTime() - 11 * 60_000) })
        .where(inArray(submissions.id, [first.id, second.id]));
      const third = await submit(text);
      assert.deepEqual(
        third.screening?.fields.flatMap((f) => f.flags.map((x) => x.kind)),
        [],
      );
    });

    it('counts copies sent in the ten minutes before even when a ten-minute stretch began in between', async () => {
      // Flood keys are scoped to ten-minute stretches; the check also looks in the stretch before.
      const boundary = Math.ceil(NOW.getTime() / 600_000) * 600_000;
      const sendAt = async (offsetMs: number) => {
        const result = await submitInput(t.db, {
          consultationSlug: 'fietsroute-stationsstraat',
          input: {
            answers: { route: 'parklaan', toelichting: 'Vlak voor en vlak na de grens.' },
            language: 'nl',
            channel: 'portal',
          },
          now: new Date(boundary + offsetMs),
        });
        assert.equal(result.kind, 'created');
        const code = result.kind === 'created' ? result.receipt.code : '';
        const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
        return row!.screening?.fields.flatMap((f) => f.flags.map((x) => x.kind));
      };
      assert.deepEqual(await sendAt(-90_000), []);
      assert.deepEqual(await sendAt(-30_000), []);
      assert.deepEqual(await sendAt(30_000), ['spam_flood'], 'the two copies of a minute before count');
    });

    it('lists new items with their screening flags and the text to be published', async () => {
      const row = await submit('Mijn IBAN is NL91 ABNA 0417 1643 00.');
      const list = await (await t.app.request('/beheer/', { headers: { Cookie: moderator.cookie } })).text();
      assert.match(list, /<h1>Wachtrij<\/h1>/);
      assert.match(list, new RegExp(`<a href="/beheer/items/${row.id}"`), 'the list links to the item');
      assert.match(list, /Mijn IBAN is NL91 ABNA 0417 1643 00\./, 'the list shows an excerpt');
      const html = await (
        await t.app.request(`/beheer/items/${row.id}`, { headers: { Cookie: moderator.cookie } })
      ).text();
      assert.match(html, new RegExp(`action="/beheer/items/${row.id}"`), 'the item has its one form');
      assert.match(html, /<mark class="staff-mark staff-mark--personal_data">NL91 ABNA 0417 1643 00<\/mark>/);
      assert.match(html, /Bevat een bankrekeningnummer \(IBAN, controlegetal klopt\)\./);
      assert.match(html, /Mijn IBAN is \[rekeningnummer verwijderd\]\./);
      assert.match(html, /<p class="staff-answer">Langs de Parklaan<\/p>/, 'choices show their label');
    });

    it('publishes an item with the redacted text, and logs the decision', async () => {
      const row = await submit('Mail mij op piet@example.nl, de Parklaan is beter.');
      const response = await decide(row.id, [['decision', 'publish']]);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), `/beheer/items/${row.id}?opgeslagen=item`);
      const [after] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(after?.status, 'published');
      assert.equal(after?.reviewState, 'published');
      assert.ok(after?.publishedAt);

      const published = (await listPublishedSubmissions(t.db)).find((s) => s.id === row.id);
      const text = published?.answers.find((a) => a.question === 'toelichting')?.value;
      assert.equal(text, 'Mail mij op [e-mailadres verwijderd], de Parklaan is beter.');

      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, row.id), eq(auditLog.action, 'submission.decision')));
      assert.equal(entry?.actorType, 'staff');
      assert.deepEqual(entry?.details, { decision: 'publish', from: 'new', to: 'published' });

      const page = await (
        await t.app.request('/beheer/?opgeslagen=item', { headers: { Cookie: moderator.cookie } })
      ).text();
      assert.match(page, /role="status">Opgeslagen\./);
      assert.doesNotMatch(page, new RegExp(row.id), 'a decided item leaves the queue');
    });

    it('rejects an item citing a house rule, which the resident reads on the follow-up page', async () => {
      const row = await submit('Die wethouder is een klootzak.');
      const response = await decide(row.id, [
        ['decision', 'reject'],
        ['rule', 'respect'],
        ['note', 'Persoonlijke aanval'],
      ]);
      assert.equal(response.status, 303);
      const followUp = await (await t.app.request(`/api/follow-up/${row.followUpCode}`)).json();
      assert.equal(followUp.status, 'rejected');
      assert.equal(followUp.moderationReason.nl, 'Niet geplaatst: in strijd met huisregel 1, Respectvol.');
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, row.id), eq(auditLog.action, 'submission.decision')));
      // The note is kept apart from the five-year audit log, with the item.
      assert.deepEqual(entry?.details, { decision: 'reject', from: 'new', to: 'rejected', houseRule: 'respect' });
      const notes = await t.db.select().from(itemNotes).where(eq(itemNotes.submissionId, row.id));
      assert.deepEqual(
        notes.map((note) => note.body),
        ['Persoonlijke aanval'],
      );
    });

    it('publishes and routes to webcare when input needs an answer', async () => {
      const row = await submit('Wanneer wordt de Parklaan verlicht?');
      assert.equal((await decide(row.id, [['decision', 'needs_answer']])).status, 303);
      const [after] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(after?.reviewState, 'needs_answer');
      assert.equal(after?.status, 'published');
    });

    it('escalates an item, which stays offline and in the queue until someone decides', async () => {
      const row = await submit('Twijfelgeval: is dit een belediging?');
      assert.equal((await decide(row.id, [['decision', 'escalate']])).status, 303);
      const [after] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(after?.reviewState, 'escalated');
      assert.equal(after?.status, 'received');
      assert.equal(after?.publishedAt, null);
      const page = await (await t.app.request('/beheer/', { headers: { Cookie: moderator.cookie } })).text();
      assert.match(page, new RegExp(row.id));
      assert.match(page, /<dd>Geëscaleerd<\/dd>/);
      assert.equal((await decide(row.id, [['decision', 'publish']])).status, 303);
    });

    it('asks for a house rule when rejecting without one, keeping what was chosen', async () => {
      const row = await submit('Nog een reactie zonder problemen.');
      const response = await decide(row.id, [
        ['decision', 'reject'],
        ['note', 'twijfel'],
      ]);
      assert.equal(response.status, 422);
      const html = await response.text();
      assert.match(html, /<title>Fout: Inbreng op Nieuwe fietsroute Stationsstraat – Wachtrij/);
      assert.match(html, /<a href="#detail-rule">Kies de huisregel waarom u afwijst\.<\/a>/);
      assert.match(html, /id="detail-decision-reject" name="decision" value="reject" checked/);
      assert.match(html, />twijfel<\/textarea>/);
      const [after] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(after?.reviewState, 'new');
    });

    it('refuses a house rule that does not exist, and a decision that does not exist', async () => {
      const row = await submit('Weer een gewone reactie.');
      const unknownRule = await decide(row.id, [
        ['decision', 'reject'],
        ['rule', 'bestaat-niet'],
      ]);
      assert.equal(unknownRule.status, 422);
      assert.match(await unknownRule.text(), /Deze huisregel bestaat niet/);
      const badDecision = await decide(row.id, [['decision', 'delete-everything']]);
      assert.equal(badDecision.status, 422);
      assert.match(await badDecision.text(), /<a href="#detail-decision">Kies een van de besluiten\.<\/a>/);
      const noDecision = await decide(row.id, []);
      assert.equal(noDecision.status, 303, 'no decision chosen: the state stays');
      assert.equal(noDecision.headers.get('Location'), `/beheer/items/${row.id}?opgeslagen=niets`);
      const longNote = await decide(row.id, [
        ['decision', 'publish'],
        ['note', 'x'.repeat(1001)],
      ]);
      assert.equal(longNote.status, 422);
      assert.match(await longNote.text(), /Maak de notitie korter dan 1000 tekens\./);
    });

    it("shows each item's sentiment and lets a moderator correct it, which is stored and audited", async () => {
      const row = await submit('Wat een fijn plan, heel goed dat de route veilig wordt!');
      assert.equal(row.sentiment?.label, 'positive');
      const html = await (
        await t.app.request(`/beheer/items/${row.id}`, { headers: { Cookie: moderator.cookie } })
      ).text();
      assert.match(html, /<select id="detail-sentiment" name="sentiment">/);
      assert.match(html, /Nu: positief \(berekend, zekerheid \d+%\)\./);

      const sentiment = (fields: Array<[string, string]>, who = moderator) => saveItemForm(t, who, row.id, fields);
      const saved = await sentiment([['sentiment', 'negative']]);
      assert.equal(saved.status, 303);
      assert.equal(saved.headers.get('Location'), `/beheer/items/${row.id}?opgeslagen=item`);
      const notice = await (
        await t.app.request(saved.headers.get('Location')!, { headers: { Cookie: moderator.cookie } })
      ).text();
      assert.match(notice, /<p class="staff-notice" role="status">Opgeslagen\.<\/p>/);
      const [after] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(after!.sentiment?.label, 'negative');
      assert.equal(after!.sentiment?.method, 'staff-correction');
      const entries = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'sentiment.corrected'), eq(auditLog.subjectId, row.id)));
      assert.equal(entries.length, 1);

      const unknownLabel = await sentiment([['sentiment', 'woedend']]);
      assert.equal(unknownLabel.status, 422, 'a label the form does not offer');
      assert.match(await unknownLabel.text(), /href="#detail-sentiment"/);
      assert.equal(
        (
          await staffPost(
            t,
            `/beheer/items/${row.id}`,
            [
              ['version', String(after!.version)],
              ['sentiment', 'neutral'],
            ],
            moderator.cookie,
          )
        ).status,
        403,
        'no CSRF token',
      );
      const [unchanged] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(unchanged!.sentiment?.label, 'negative', 'refused requests change nothing');
    });

    it('answers 404 for an unknown item and for an id that is not one', async () => {
      assert.equal((await decide(randomUUID(), [['decision', 'publish']])).status, 404);
      assert.equal((await decide('not-a-uuid', [['decision', 'publish']])).status, 404);
    });

    it('saves nothing when the item already has that decision, and refuses to decide answered input', async () => {
      const row = await submit('Twee keer publiceren.');
      assert.equal((await decide(row.id, [['decision', 'publish']])).status, 303);
      const again = await decide(row.id, [['decision', 'publish']]);
      assert.equal(again.status, 303);
      assert.equal(again.headers.get('Location'), `/beheer/items/${row.id}?opgeslagen=niets`);
      const decisions = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, row.id), eq(auditLog.action, 'submission.decision')));
      assert.equal(decisions.length, 1, 'decided once');
      await t.db.update(submissions).set({ reviewState: 'answered' }).where(eq(submissions.id, row.id));
      const answered = await decide(row.id, [
        ['decision', 'reject'],
        ['rule', 'privacy'],
      ]);
      assert.equal(answered.status, 409);
      assert.match(await answered.text(), /href="#detail-decision"/);
    });

    it('refuses a decision without the CSRF token or from another site', async () => {
      const row = await submit('CSRF-poging.');
      const forged = await staffPost(
        t,
        `/beheer/items/${row.id}`,
        [
          ['csrf', 'forged'],
          ['version', '1'],
          ['decision', 'publish'],
        ],
        moderator.cookie,
      );
      assert.equal(forged.status, 403);
      const crossSite = await t.app.request(`/beheer/items/${row.id}`, {
        method: 'POST',
        headers: {
          Cookie: moderator.cookie,
          Origin: 'https://evil.example',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ csrf: moderator.csrf, version: '1', decision: 'publish' }).toString(),
      });
      assert.equal(crossSite.status, 403);
      const json = await t.app.request(`/beheer/items/${row.id}`, {
        method: 'POST',
        headers: { Cookie: moderator.cookie, Origin: 'https://evil.example', 'Content-Type': 'application/json' },
        body: JSON.stringify({ csrf: moderator.csrf, version: 1, decision: 'publish' }),
      });
      assert.equal(json.status, 403, 'JSON bodies never carry the form token');
      const [after] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(after?.reviewState, 'new');
    });

    it('asks to log in again when the session is gone', async () => {
      const row = await submit('Sessie weg.');
      const response = await staffPost(t, `/beheer/items/${row.id}`, [
        ['csrf', 'x'],
        ['version', '1'],
        ['decision', 'publish'],
      ]);
      assert.equal(response.status, 401);
      assert.match(await response.text(), /Uw sessie is verlopen/);
    });

    it('lets webcare read the queue but not decide', async () => {
      await addStaffUser(t, 'webcare@demodam.example', 'webcare');
      const webcare = await logIn(t, 'webcare@demodam.example');
      const row = await submit('Voor webcare.');
      const page = await (await t.app.request('/beheer/', { headers: { Cookie: webcare.cookie } })).text();
      assert.match(page, /Inbreng op Nieuwe fietsroute Stationsstraat/);
      assert.doesNotMatch(page, /Besluit opslaan/);
      const refused = await decide(row.id, [['decision', 'publish']], webcare);
      assert.equal(refused.status, 422);
      assert.match(await refused.text(), /href="#detail-decision"/);
      const [after] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(after!.reviewState, 'new', 'webcare may not decide');
    });

    it('gives analysts no queue and sends them to the insights instead', async () => {
      await addStaffUser(t, 'analyst@demodam.example', 'analyst');
      const login = await staffPost(t, '/beheer/inloggen', [
        ['email', 'analyst@demodam.example'],
        ['password', STAFF_PASSWORD],
      ]);
      const cookie = (login.headers.get('Set-Cookie') ?? '').split(';')[0]!;
      const response = await t.app.request('/beheer/', { headers: { Cookie: cookie } });
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/inzichten/');
      const decisions = await t.app.request('/beheer/items/decision', {
        method: 'POST',
        headers: { Cookie: cookie, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: '',
      });
      assert.equal(decisions.status, 403);
    });

    it('shows department members only what is routed to their department', async () => {
      await submit('Voor team verkeer.');
      await addStaffUser(t, 'verkeer@demodam.example', 'department_member', { department: 'verkeer' });
      const member = await logIn(t, 'verkeer@demodam.example');
      const page = await (await t.app.request('/beheer/', { headers: { Cookie: member.cookie } })).text();
      assert.match(page, /Voor team verkeer\./);
      assert.doesNotMatch(page, /Besluit opslaan/);

      await addStaffUser(t, 'nergens@demodam.example', 'department_member');
      const loose = await logIn(t, 'nergens@demodam.example');
      const empty = await (await t.app.request('/beheer/', { headers: { Cookie: loose.cookie } })).text();
      assert.match(empty, /Er zijn geen items die bij deze filters passen\./);
    });

    it('shows the queue in English', async () => {
      const html = await (await t.app.request('/en/manage/', { headers: { Cookie: moderator.cookie } })).text();
      assert.match(html, /<html lang="en">/);
      assert.match(html, /<h1>Queue<\/h1>/);
      assert.match(html, /Automatic screening/);
    });

    it('filters the queue by screening flag, channel, topic, consultation, department, state and overdue', async () => {
      const pii = await submit('Filter: mijn nummer is 06-87654321.');
      const clean = await submit('Filter: een nette reactie over de route.');
      await t.db
        .update(submissions)
        // Received in October: its stored promise ran out two weeks later.
        .set({ createdAt: new Date('2026-10-01T10:00:00Z'), responseDueAt: new Date('2026-10-15T10:00:00Z') })
        .where(eq(submissions.id, clean.id));
      const ids = async (query: string) => {
        const html = await (await t.app.request(`/beheer/${query}`, { headers: { Cookie: moderator.cookie } })).text();
        return { pii: html.includes(pii.id), clean: html.includes(clean.id), html };
      };
      assert.deepEqual(await ids('?flag=personal_data').then(({ pii, clean }) => ({ pii, clean })), {
        pii: true,
        clean: false,
      });
      assert.deepEqual(await ids('?overdue=1').then(({ pii, clean }) => ({ pii, clean })), { pii: false, clean: true });
      assert.equal((await ids('?channel=widget')).pii, true, 'the JSON API is the widget channel');
      assert.equal((await ids('?channel=portal')).pii, false);
      assert.equal((await ids('?consultation=fietsroute-stationsstraat')).pii, true);
      assert.equal((await ids('?consultation=parkeren-centrum')).pii, false);
      assert.equal((await ids('?department=verkeer')).pii, true);
      assert.equal((await ids('?topic=mobiliteit')).pii, true);
      assert.equal((await ids('?topic=openbare-ruimte')).pii, false);
      assert.equal((await ids('?status=published')).pii, false);
      const unknown = await ids('?status=weg&flag=iets');
      assert.equal(unknown.pii, true, 'unknown filter values are ignored');
      const form = (await ids('?flag=abuse&overdue=1')).html;
      assert.match(form, /<option value="abuse" selected>Ongepast<\/option>/);
      assert.match(form, /id="filter-overdue" name="overdue" value="1" checked/);
    });

    it('shows erased input as erased, without a word of it and without actions, and only when asked for', async () => {
      const row = await submit('Gewist straks: mijn buurman Jansen op nummer 12.');
      await decide(row.id, [['decision', 'publish']]);
      const erased = await postJson(t.app, `/api/follow-up/${row.followUpCode}/erase`, { confirm: true });
      assert.equal(erased.status, 200);
      const [stored] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(stored!.status, 'erased');
      assert.equal(stored!.reviewState, 'erased');

      const page = async (query: string, lang: 'nl' | 'en' = 'nl') => {
        const base = lang === 'nl' ? '/beheer/' : '/en/manage/';
        const response = await t.app.request(`${base}${query}`, { headers: { Cookie: moderator.cookie } });
        return response.text();
      };
      assert.ok(!(await page('')).includes(row.id), 'not among the items waiting for a moderator');
      const list = await page('?status=erased');
      assert.ok(list.includes(`/beheer/items/${row.id}`), 'listed under its state');
      assert.ok(!list.includes(`item-${row.id}-select`), 'not selectable for a bulk decision');
      assert.ok(!list.includes('Jansen'), 'no word of the text in the list');
      const nl = await page(`items/${row.id}`);
      const item = nl.slice(nl.indexOf('id="item-detail-heading"'));
      assert.match(item, /<dd>Gewist<\/dd>/);
      assert.match(item, /de tekst en de gegevens van de inzender zijn weg/);
      assert.ok(!nl.includes('Jansen'), 'no word of the text');
      assert.ok(!item.slice(0, item.indexOf('</article>')).includes('<form'), 'nothing to decide');
      assert.match(await page(`items/${row.id}`, 'en'), /<dd>Erased<\/dd>/);
      const again = await decide(row.id, [['decision', 'reject']]);
      assert.equal(again.status, 404, 'no decision on erased input');
      const followUp = await (await t.app.request(`/api/follow-up/${row.followUpCode}`)).json();
      assert.equal(followUp.status, 'erased');
      assert.equal(followUp.publishedAt, null);
    });

    it('decides on a selection at once, skipping items that already have the decision', async () => {
      const a = await submit('Bulk A.');
      const b = await submit('Bulk B.');
      const done = await submit('Bulk C, al gepubliceerd.');
      await decide(done.id, [['decision', 'publish']]);
      const response = await staffPost(
        t,
        '/beheer/items/decision',
        [
          ['csrf', moderator.csrf],
          ['item', a.id],
          ['item', b.id],
          ['item', done.id],
          ['decision', 'publish'],
          ['next', '/beheer/?flag=spam'],
        ],
        moderator.cookie,
      );
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/?flag=spam&opgeslagen=2&overgeslagen=1');
      const rows = await t.db.select().from(submissions);
      for (const id of [a.id, b.id]) assert.equal(rows.find((r) => r.id === id)?.reviewState, 'published');
      const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'submission.decision'));
      assert.equal(entries.filter((e) => e.subjectId === a.id || e.subjectId === b.id).length, 2, 'one entry per item');
      const page = await (
        await t.app.request('/beheer/?opgeslagen=2&overgeslagen=1', { headers: { Cookie: moderator.cookie } })
      ).text();
      assert.match(page, /role="status">2 besluiten opgeslagen\. 1 overgeslagen/);
    });

    it('asks to select items, and for a house rule, when deciding on a selection', async () => {
      const a = await submit('Bulk zonder regel.');
      const none = await staffPost(
        t,
        '/beheer/items/decision',
        [
          ['csrf', moderator.csrf],
          ['decision', 'publish'],
        ],
        moderator.cookie,
      );
      assert.equal(none.status, 422);
      assert.match(await none.text(), /Selecteer minstens één item\./);
      const noRule = await staffPost(
        t,
        '/beheer/items/decision',
        [
          ['csrf', moderator.csrf],
          ['item', a.id],
          ['decision', 'reject'],
        ],
        moderator.cookie,
      );
      assert.equal(noRule.status, 422);
      const html = await noRule.text();
      assert.match(html, /<a href="#bulk-rule">Kies de huisregel waarom u afwijst\.<\/a>/);
      assert.match(html, new RegExp(`id="item-${a.id}-select" name="item" value="${a.id}:1" form="bulk-form" checked`));
      const [row] = await t.db.select().from(submissions).where(eq(submissions.id, a.id));
      assert.equal(row?.reviewState, 'new');
    });

    it('refuses a selection without the CSRF token or from webcare', async () => {
      const a = await submit('Bulk CSRF.');
      const forged = await staffPost(
        t,
        '/beheer/items/decision',
        [
          ['csrf', 'forged'],
          ['item', a.id],
          ['decision', 'publish'],
        ],
        moderator.cookie,
      );
      assert.equal(forged.status, 403);
      await addStaffUser(t, 'webcare-bulk@demodam.example', 'webcare');
      const webcare = await logIn(t, 'webcare-bulk@demodam.example');
      const refused = await staffPost(
        t,
        '/beheer/items/decision',
        [
          ['csrf', webcare.csrf],
          ['item', a.id],
          ['decision', 'publish'],
        ],
        webcare.cookie,
      );
      assert.equal(refused.status, 403);
    });
  });
}
