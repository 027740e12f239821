import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, departments, staffReplies, submissions } from '../../../../api/db/schema.ts';
import { openTestApp, postJson, validAnswers, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, staffPost } from '../../../support/staff.ts';

const submitPath = '/api/consultations/fietsroute-stationsstraat/submissions';
type Login = { cookie: string; csrf: string };

for (const target of databaseTargets()) {
  describe(`the inbox: items at their own address, one form, no collisions (${target.name})`, () => {
    let t: TestApp;
    let fatima: Login;
    let noor: Login;
    let webcare: Login;
    let webcareId: string;
    let fatimaId: string;

    before(async () => {
      t = await openTestApp(target);
      fatimaId = await addStaffUser(t, 'fatima@demodam.example', 'moderator');
      await addStaffUser(t, 'noor@demodam.example', 'moderator');
      webcareId = await addStaffUser(t, 'webcare@demodam.example', 'webcare');
      fatima = await logIn(t, 'fatima@demodam.example');
      noor = await logIn(t, 'noor@demodam.example');
      webcare = await logIn(t, 'webcare@demodam.example');
    });
    after(() => t.close());

    async function submit(text: string) {
      const response = await postJson(t.app, submitPath, { answers: { ...validAnswers, toelichting: text } });
      assert.equal(response.status, 201);
      const { code } = await response.json();
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      return row!;
    }

    const page = async (path: string, who: Login = fatima) =>
      (await t.app.request(path, { headers: { Cookie: who.cookie } })).text();
    const save = (id: string, fields: Array<[string, string]>, who: Login = fatima) =>
      staffPost(t, `/beheer/items/${id}`, [['csrf', who.csrf], ...fields], who.cookie);

    it('shows an item at its permanent address in Dutch and English, beside the list', async () => {
      const row = await submit('Vaste link: de stoep is te smal.');
      const dutch = await t.app.request(`/beheer/items/${row.id}`, { headers: { Cookie: fatima.cookie } });
      assert.equal(dutch.status, 200);
      const html = await dutch.text();
      assert.match(html, /<title>Inbreng op Nieuwe fietsroute Stationsstraat – Wachtrij/);
      assert.match(
        html,
        /<h2 id="item-detail-heading" tabindex="-1">Inbreng op Nieuwe fietsroute Stationsstraat<\/h2>/,
      );
      assert.match(html, new RegExp(`<a href="/beheer/items/${row.id}" aria-current="true"`), 'the list marks it');
      assert.match(
        html,
        /<form method="post" action="\/beheer\/items\/[^"]+" class="staff-form staff-decision staff-item-form"/,
      );
      assert.equal((html.match(/<button type="submit" class="staff-button">Opslaan<\/button>/g) ?? []).length, 1);
      const english = await page(`/en/manage/items/${row.id}`);
      assert.match(english, /<html lang="en">/);
      assert.match(english, /<h3 id="detail-form-heading">Handle<\/h3>/);
      assert.equal(
        (await t.app.request(`/beheer/items/${randomUUID()}`, { headers: { Cookie: fatima.cookie } })).status,
        404,
      );
      assert.equal((await t.app.request('/beheer/items/geen-id', { headers: { Cookie: fatima.cookie } })).status, 404);
    });

    it('saves assignment, decision, sentiment and a note with one save, each audited', async () => {
      const row = await submit('Een save: graag meer fietsenrekken bij het station.');
      const [verkeer] = await t.db.select().from(departments).where(eq(departments.slug, 'verkeer'));
      const corrected = row.sentiment?.label === 'negative' ? 'positive' : 'negative';
      const response = await save(row.id, [
        ['lang', 'nl'],
        ['version', '1'],
        ['next', `/beheer/items/${row.id}?sort=newest`],
        ['department', verkeer!.id],
        ['person', webcareId],
        ['decision', 'needs_answer'],
        ['sentiment', corrected],
        ['note', 'Voor Team Verkeer'],
      ]);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), `/beheer/items/${row.id}?sort=newest&opgeslagen=item`);
      const [after] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(after?.reviewState, 'needs_answer');
      assert.equal(after?.assignedStaffUserId, webcareId);
      assert.equal(after?.sentiment?.label, corrected);
      assert.equal(after?.version, 3, 'assignment and decision each raise the version');
      const actions = (await t.db.select().from(auditLog).where(eq(auditLog.subjectId, row.id)))
        .map((e) => e.action)
        .filter((action) => action !== 'submission.received');
      assert.deepEqual(actions.sort(), [
        'sentiment.corrected',
        'submission.assigned',
        'submission.decision',
        'submission.note',
      ]);
      const [decision] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, row.id), eq(auditLog.action, 'submission.decision')));
      assert.equal(decision?.details['note'], undefined, 'the note is kept apart from the log (item_notes)');
      const notice = await page(response.headers.get('Location')!);
      assert.match(notice, /role="status">Opgeslagen\.<\/p>/);
    });

    it('saves nothing on input erased while its page stood open: no note, no decision, no answer', async () => {
      const row = await submit('Gewist terwijl open: mijn buurvrouw op nummer 3.');
      const erased = await postJson(t.app, `/api/follow-up/${row.followUpCode}/erase`, { confirm: true });
      assert.equal(erased.status, 200);
      for (const fields of [
        [['note', 'Zij bedoelt mevrouw De Vries']],
        [['decision', 'publish']],
        [
          ['answer', 'Dank u wel.'],
          ['answerLanguage', 'nl'],
        ],
      ] as Array<Array<[string, string]>>) {
        const response = await save(row.id, [['lang', 'nl'], ['version', '1'], ...fields]);
        assert.equal(response.status, 404, fields[0]![0]);
      }
      const [after] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(after?.reviewState, 'erased');
      assert.equal(after?.publishedAt, null);
      const actions = (await t.db.select().from(auditLog).where(eq(auditLog.subjectId, row.id))).map((e) => e.action);
      assert.ok(!actions.includes('submission.note') && !actions.includes('submission.decision'), actions.join());
    });

    it('refuses a rejection without a house rule in Dutch and English, keeping everything typed and saving nothing', async () => {
      const row = await submit('Zonder regel afwijzen.');
      for (const [lang, message] of [
        ['nl', 'Kies de huisregel waarom u afwijst.'],
        ['en', 'Choose the house rule you reject it under.'],
      ] as const) {
        const response = await save(row.id, [
          ['lang', lang],
          ['version', '1'],
          ['decision', 'reject'],
          ['note', 'mijn notitie <b>blijft</b>'],
          ['sentiment', 'negative'],
        ]);
        assert.equal(response.status, 422);
        const html = await response.text();
        assert.match(html, new RegExp(`<a href="#detail-rule">${message.replace('.', '\\.')}</a>`));
        assert.match(html, /id="detail-decision-reject" name="decision" value="reject" checked/);
        assert.match(html, />mijn notitie &lt;b&gt;blijft&lt;\/b&gt;<\/textarea>/);
        assert.match(html, /<option value="negative" selected>/);
      }
      const [after] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(after?.reviewState, 'new');
      assert.equal(after?.sentiment?.method === 'staff-correction', false, 'the sentiment was not saved either');
      assert.equal(after?.version, 1);
    });

    it('refuses a change made on a stale page with what changed and by whom, keeping what was typed', async () => {
      const row = await submit('Botsing: Fatima en Noor hebben dit allebei open.');
      // Both open the item at version 1; Fatima publishes first.
      const first = await save(row.id, [
        ['lang', 'nl'],
        ['version', '1'],
        ['decision', 'publish'],
      ]);
      assert.equal(first.status, 303);
      const second = await save(
        row.id,
        [
          ['lang', 'nl'],
          ['version', '1'],
          ['decision', 'reject'],
          ['rule', 'respect'],
          ['note', 'Noor typte dit'],
        ],
        noor,
      );
      assert.equal(second.status, 409);
      const html = await second.text();
      assert.match(html, /<title>Fout: /);
      assert.match(html, /<a href="#detail-stale">Dit item is intussen gewijzigd door een collega\./);
      assert.match(html, /fatima heeft het besluit gewijzigd naar ‘Gepubliceerd’/);
      assert.match(html, />Noor typte dit<\/textarea>/);
      assert.match(html, /id="detail-decision-reject" name="decision" value="reject" checked/);
      assert.match(html, /<input type="hidden" name="version" value="2">/, 'the form now carries the version shown');
      const [after] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(after?.reviewState, 'published', 'the first decision stands');

      const again = await staffPostJson(row.id, noor, [
        ['lang', 'en'],
        ['version', '1'],
        ['decision', 'escalate'],
      ]);
      assert.equal(again.status, 409);
      const body = await again.json();
      assert.equal(body.stale.kind, 'stale');
      assert.equal(body.stale.version, 2);
      assert.equal(body.stale.changes[0].by, 'fatima');
      assert.equal(body.stale.changes[0].to, 'published');
    });

    async function staffPostJson(id: string, who: Login, fields: Array<[string, string]>) {
      const form = new URLSearchParams([['csrf', who.csrf], ...fields]);
      return t.app.request(`/beheer/items/${id}`, {
        method: 'POST',
        body: form,
        headers: {
          Cookie: who.cookie,
          Origin: 'http://localhost',
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
      });
    }

    it('lets exactly one of two simultaneous changes on the same version through', async () => {
      const row = await submit('Tegelijk: twee besluiten in dezelfde milliseconde.');
      const results = await Promise.all([
        save(row.id, [
          ['lang', 'nl'],
          ['version', '1'],
          ['decision', 'publish'],
        ]),
        save(
          row.id,
          [
            ['lang', 'nl'],
            ['version', '1'],
            ['decision', 'escalate'],
          ],
          noor,
        ),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), [303, 409]);
      const decisions = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, row.id), eq(auditLog.action, 'submission.decision')));
      assert.equal(decisions.length, 1, 'the refused change left no audit entry');
    });

    it('refuses an answer written on a stale page, keeping the text, and publishes it on the current version', async () => {
      const row = await submit('Antwoord graag: wanneer begint de aanleg?');
      const stalePage = await page(`/beheer/items/${row.id}/antwoord`, webcare);
      assert.match(stalePage, /<input type="hidden" name="version" value="1">/);
      assert.equal(
        (
          await save(row.id, [
            ['lang', 'nl'],
            ['version', '1'],
            ['decision', 'needs_answer'],
          ])
        ).status,
        303,
      );
      const answer = (version: string) =>
        staffPost(
          t,
          `/beheer/items/${row.id}/antwoord`,
          [
            ['csrf', webcare.csrf],
            ['lang', 'nl'],
            ['version', version],
            ['action', 'publish'],
            ['language', 'nl'],
            ['body', 'De aanleg begint in maart.'],
          ],
          webcare.cookie,
        );
      const refused = await answer('1');
      assert.equal(refused.status, 409);
      const html = await refused.text();
      assert.match(html, /fatima heeft het besluit gewijzigd naar ‘Wacht op antwoord’/);
      assert.match(html, />De aanleg begint in maart\.<\/textarea>/);
      assert.equal((await t.db.select().from(staffReplies).where(eq(staffReplies.submissionId, row.id))).length, 0);
      assert.equal((await answer('2')).status, 303);
    });

    it('answers from the one form, in the chosen language', async () => {
      const row = await submit('Wordt de Parklaan ook verlicht?');
      const response = await save(
        row.id,
        [
          ['lang', 'nl'],
          ['version', '1'],
          ['answerLanguage', 'nl'],
          ['answer', 'Ja, er komen lantaarns.'],
        ],
        webcare,
      );
      assert.equal(response.status, 303);
      const [reply] = await t.db.select().from(staffReplies).where(eq(staffReplies.submissionId, row.id));
      assert.equal(reply?.body, 'Ja, er komen lantaarns.');
      const [after] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(after?.reviewState, 'answered');
      const refused = await save(
        row.id,
        [
          ['lang', 'nl'],
          ['version', '2'],
          ['decision', 'publish'],
        ],
        webcare,
      );
      assert.equal(refused.status, 422, 'webcare may not decide');
      assert.match(await refused.text(), /U mag dit deel van het item niet wijzigen\./);
    });

    it('finds items by full-text search in Dutch and English word forms', async () => {
      const dutch = await submit('De fietspaden langs het kanaal zijn gevaarlijk smal.');
      const english = await submit('The cycling lanes near the station feel unsafe.');
      const nl = await page('/beheer/?q=fietspad');
      assert.match(nl, new RegExp(dutch.id));
      assert.doesNotMatch(nl, new RegExp(english.id));
      const en = await page('/beheer/?q=cycle+lane');
      assert.match(en, new RegExp(english.id));
      assert.doesNotMatch(en, new RegExp(dutch.id));
      const tooLong = await t.app.request(`/beheer/?q=${'a'.repeat(201)}`, { headers: { Cookie: fatima.cookie } });
      assert.equal(tooLong.status, 422);
      assert.match(await tooLong.text(), /<a href="#filter-q">Maak de zoektekst korter dan 200 tekens\.<\/a>/);
      const odd = await t.app.request(`/beheer/?q=${encodeURIComponent('"&|!(:*')}`, {
        headers: { Cookie: fatima.cookie },
      });
      assert.equal(odd.status, 200, 'search syntax cannot break the query');
    });

    it('shows what is assigned to me and what waits for me', async () => {
      const mine = await submit('Toegewezen aan webcare.');
      const nobodys = await submit('Van niemand.');
      const others = await submit('Van fatima.');
      await t.db.update(submissions).set({ assignedStaffUserId: webcareId }).where(eq(submissions.id, mine.id));
      await t.db.update(submissions).set({ assignedStaffUserId: fatimaId }).where(eq(submissions.id, others.id));
      const assigned = await page('/beheer/?view=mine', webcare);
      assert.match(assigned, new RegExp(mine.id));
      assert.doesNotMatch(assigned, new RegExp(nobodys.id));
      const waiting = await page('/beheer/?view=waiting', webcare);
      assert.match(waiting, new RegExp(mine.id));
      assert.match(waiting, new RegExp(nobodys.id));
      assert.doesNotMatch(waiting, new RegExp(others.id));
    });

    it('pages by keyset: every item once, in order, newest first when asked', async () => {
      await t.db.update(submissions).set({ reviewState: 'published' });
      const made: string[] = [];
      for (let i = 0; i < 27; i++) made.push((await submit(`Pagina-item ${i}`)).id);
      // Two items in the same microsecond: the id decides their order.
      await t.db
        .update(submissions)
        .set({ createdAt: new Date('2026-11-20T09:00:00.123Z') })
        .where(eq(submissions.id, made[3]!));
      await t.db
        .update(submissions)
        .set({ createdAt: new Date('2026-11-20T09:00:00.123Z') })
        .where(eq(submissions.id, made[4]!));
      const seen: string[] = [];
      let next: string | undefined = '/beheer/?sort=newest';
      while (next) {
        const html = await page(next);
        seen.push(...[...html.matchAll(/<a href="\/beheer\/items\/([0-9a-f-]{36})\?/g)].map((m) => m[1]!));
        next = html.match(/<a href="(\/beheer\/\?[^"]*na=[^"]+)" rel="next">/)?.[1]?.replaceAll('&amp;', '&');
      }
      assert.equal(seen.length, 27);
      assert.equal(new Set(seen).size, 27);
      assert.deepEqual(new Set(seen), new Set(made));
    });

    it('skips items in a bulk decision that a colleague changed since they were selected', async () => {
      const a = await submit('Bulk A.');
      const b = await submit('Bulk B.');
      await save(
        b.id,
        [
          ['lang', 'nl'],
          ['version', '1'],
          ['decision', 'escalate'],
        ],
        noor,
      );
      const response = await staffPost(
        t,
        '/beheer/items/decision',
        [
          ['csrf', fatima.csrf],
          ['lang', 'nl'],
          ['item', `${a.id}:1`],
          ['item', `${b.id}:1`],
          ['decision', 'publish'],
        ],
        fatima.cookie,
      );
      assert.equal(response.status, 303);
      const notice = await page(response.headers.get('Location')!);
      assert.match(notice, /1 item is niet besloten: een collega had het intussen gewijzigd\./);
      const [bAfter] = await t.db.select().from(submissions).where(eq(submissions.id, b.id));
      assert.equal(bAfter?.reviewState, 'escalated');
    });

    it('labels every bulk decision radio, none sharing an id with the form', async () => {
      await submit('Bulk labels.');
      const html = await page('/beheer/');
      assert.match(
        html,
        /<form method="post" action="\/beheer\/items\/decision" class="staff-form staff-decision" id="bulk-form">/,
      );
      assert.match(
        html,
        /<input type="radio" id="bulk-decision" name="decision" value="publish"><label for="bulk-decision">Publiceren<\/label>/,
      );
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(ids.length, new Set(ids).size, 'ids are unique on the page');
    });
  });
}
