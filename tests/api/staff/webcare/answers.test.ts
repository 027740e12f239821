import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, replyTemplates, staffReplies, submissions } from '../../../../api/db/schema.ts';
import { currentContentVersion } from '../../../../api/services/content-revision.ts';
import { listPublishedSubmissions } from '../../../../api/services/published-content.ts';
import { openTestApp, postJson, validAnswers, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, saveItemForm, staffPost } from '../../../support/staff.ts';

const submitPath = '/api/consultations/fietsroute-stationsstraat/submissions';
type Login = { cookie: string; csrf: string };

for (const target of databaseTargets()) {
  describe(`answering items from the workbench (${target.name})`, () => {
    let t: TestApp;
    let webcare: Login;
    let moderator: Login;
    let analyst: Login;
    let member: Login;

    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'webcare@demodam.example', 'webcare');
      await addStaffUser(t, 'moderator@demodam.example', 'moderator');
      await addStaffUser(t, 'analyst@demodam.example', 'analyst');
      await addStaffUser(t, 'verkeer@demodam.example', 'department_member', { department: 'verkeer' });
      webcare = await logIn(t, 'webcare@demodam.example');
      moderator = await logIn(t, 'moderator@demodam.example');
      analyst = await logIn(t, 'analyst@demodam.example');
      member = await logIn(t, 'verkeer@demodam.example');
    });
    after(() => t.close());

    async function submit(text = 'Waarom komt er geen fietsstraat?') {
      const response = await postJson(t.app, submitPath, { answers: { ...validAnswers, toelichting: text } });
      assert.equal(response.status, 201);
      const { code } = await response.json();
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      return row!;
    }

    const answer = (id: string, fields: Array<[string, string]>, who: Login = webcare) =>
      staffPost(t, `/beheer/items/${id}/antwoord`, [['csrf', who.csrf], ...fields], who.cookie);

    it('shows the answer page with the input, the response clock and an empty readability hint', async () => {
      const row = await submit();
      const response = await t.app.request(`/beheer/items/${row.id}/antwoord`, { headers: { Cookie: webcare.cookie } });
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, /<h1>Antwoord op Inbreng op Nieuwe fietsroute Stationsstraat<\/h1>/);
      assert.match(html, /Waarom komt er geen fietsstraat\?/);
      assert.match(
        html,
        /<dt>Reactietermijn<\/dt><dd><span data-clock="left"><span aria-hidden="true">nog 10 werkdagen<\/span><span class="staff-visually-hidden">nog 10 werkdagen kantoortijd<\/span>/,
      );
      assert.match(html, /<span data-readability-output>Nog geen tekst om te beoordelen\.<\/span>/);
      assert.match(html, /<script type="module" src="\/beheer\/assets\/readability\.js"><\/script>/);
      const english = await t.app.request(`/en/manage/items/${row.id}/answer`, { headers: { Cookie: webcare.cookie } });
      assert.match(await english.text(), /<h1>Answer to Input on /);
    });

    it('previews an answer with its Flesch-Douma score and a verdict, without publishing it', async () => {
      const row = await submit();
      const body = 'Dank u wel voor uw reactie. Wij kijken er goed naar. U hoort binnen twee weken van ons.';
      const response = await answer(row.id, [
        ['action', 'preview'],
        ['language', 'nl'],
        ['body', body],
      ]);
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, /<h2 id="preview-heading" tabindex="-1">Voorbeeld<\/h2>/);
      assert.match(
        html,
        /<p lang="nl">Dank u wel voor uw reactie\. Wij kijken er goed naar\. U hoort binnen twee weken van ons\.<\/p>/,
      );
      // 18 words, 3 sentences, 22 syllables: 206.835 − 0.93 × 18/3 − 77 × 22/18 = 107.1
      assert.match(html, /Flesch-Douma: 107,1\. Zeer makkelijk te lezen\. 18 woorden, 3 zinnen\./);
      assert.equal((await t.db.select().from(staffReplies).where(eq(staffReplies.submissionId, row.id))).length, 0);
    });

    it('says when an answer reads above B1', async () => {
      const row = await submit();
      const response = await answer(row.id, [
        ['action', 'preview'],
        ['language', 'nl'],
        [
          'body',
          'De gemeentelijke verkeersveiligheidsdoelstellingen worden geïmplementeerd conform de vastgestelde beleidskaders en uitvoeringsprogrammering van het gemeentebestuur van Demodam.',
        ],
      ]);
      assert.match(await response.text(), /Moeilijk: ver boven B1\. Maak zinnen korter en kies kortere woorden\./);
    });

    it('publishes an answer: stored, on the follow-up page, state answered, audited', async () => {
      const row = await submit();
      const response = await answer(row.id, [
        ['action', 'publish'],
        ['language', 'nl'],
        ['body', 'Dank voor uw vraag. Een fietsstraat past hier niet.'],
      ]);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), `/beheer/items/${row.id}/antwoord?gepubliceerd`);
      const [stored] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.deepEqual([stored!.reviewState, stored!.status], ['answered', 'answered']);
      const followUp = await (await t.app.request(`/api/follow-up/${row.followUpCode}`)).json();
      assert.equal(followUp.status, 'answered');
      assert.deepEqual(
        followUp.replies.map((r: { body: string; language: string }) => [r.language, r.body]),
        [['nl', 'Dank voor uw vraag. Een fietsstraat past hier niet.']],
      );
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'submission.answered'), eq(auditLog.subjectId, row.id)));
      assert.equal((entry!.details as { from: string; to: string }).from, 'new');
      const page = await (
        await t.app.request(`/beheer/items/${row.id}/antwoord?gepubliceerd`, { headers: { Cookie: webcare.cookie } })
      ).text();
      assert.match(page, /<p class="staff-notice" role="status">Het antwoord is gepubliceerd\.<\/p>/);
      assert.match(page, /Een fietsstraat past hier niet\./);
    });

    it('shows the answer with published portal input and has the portal rebuilt', async () => {
      const row = await submit('Kan de Parklaan verlicht worden?');
      const decided = await saveItemForm(t, moderator, row.id, [['decision', 'needs_answer']]);
      assert.equal(decided.status, 303);
      const version = await currentContentVersion(t.db);
      const response = await answer(
        row.id,
        [
          ['action', 'publish'],
          ['language', 'en'],
          ['body', 'Yes, lights come in spring.'],
        ],
        moderator,
      );
      assert.equal(response.status, 303);
      assert.ok((await currentContentVersion(t.db)) > version, 'content changed');
      const published = (await listPublishedSubmissions(t.db)).find((s) => s.id === row.id);
      assert.deepEqual(
        published?.replies.map((r) => r.body),
        ['Yes, lights come in spring.'],
      );
    });

    it('refuses an empty, a too long or a language-less answer, keeping what was typed', async () => {
      const row = await submit();
      const empty = await answer(row.id, [
        ['action', 'publish'],
        ['language', 'nl'],
        ['body', '   '],
      ]);
      assert.equal(empty.status, 422);
      const emptyHtml = await empty.text();
      assert.match(emptyHtml, /<a href="#answer-body">Schrijf een antwoord\.<\/a>/);
      assert.match(emptyHtml, /<title>Fout: /);
      const long = 'Lang. '.repeat(1000);
      const tooLong = await answer(row.id, [
        ['action', 'publish'],
        ['language', 'nl'],
        ['body', long],
      ]);
      assert.equal(tooLong.status, 422);
      const tooLongHtml = await tooLong.text();
      assert.match(tooLongHtml, /Het antwoord is te lang: houd het onder 5000 tekens\./);
      assert.ok(tooLongHtml.includes(long.slice(0, 100)), 'the text stays in the field');
      const noLanguage = await answer(row.id, [
        ['action', 'publish'],
        ['language', 'de'],
        ['body', 'Hallo.'],
      ]);
      assert.equal(noLanguage.status, 422);
      assert.match(await noLanguage.text(), /Kies de taal van het antwoord\./);
      const english = await answer(row.id, [
        ['lang', 'en'],
        ['action', 'publish'],
        ['language', 'nl'],
        ['body', ''],
      ]);
      assert.match(await english.text(), /Write an answer\./);
      assert.equal((await t.db.select().from(staffReplies).where(eq(staffReplies.submissionId, row.id))).length, 0);
    });

    it('refuses to answer rejected input until it is published', async () => {
      const row = await submit();
      await saveItemForm(t, moderator, row.id, [
        ['decision', 'reject'],
        ['rule', 'privacy'],
      ]);
      const [rejected] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(rejected!.reviewState, 'rejected');
      const response = await answer(row.id, [
        ['action', 'publish'],
        ['language', 'nl'],
        ['body', 'Dank u.'],
      ]);
      assert.equal(response.status, 409);
      assert.match(await response.text(), /Deze inbreng is afgewezen\./);
    });

    it('refuses answers to anonymous requests, roles that may not answer, missing CSRF and unknown items', async () => {
      const row = await submit();
      const fields: Array<[string, string]> = [
        ['action', 'publish'],
        ['language', 'nl'],
        ['body', 'Dank u.'],
      ];
      assert.equal((await staffPost(t, `/beheer/items/${row.id}/antwoord`, fields)).status, 401);
      assert.equal((await answer(row.id, fields, analyst)).status, 403);
      assert.equal((await answer(row.id, fields, member)).status, 403);
      assert.equal((await staffPost(t, `/beheer/items/${row.id}/antwoord`, fields, webcare.cookie)).status, 403);
      assert.equal((await answer('00000000-0000-4000-8000-000000000000', fields)).status, 404);
      assert.equal((await answer('geen-id', fields)).status, 404);
      const anonymousPage = await t.app.request(`/beheer/items/${row.id}/antwoord`);
      assert.equal(anonymousPage.status, 303);
      const analystPage = await t.app.request(`/beheer/items/${row.id}/antwoord`, {
        headers: { Cookie: analyst.cookie },
      });
      assert.equal(analystPage.status, 403);
      assert.equal((await t.db.select().from(staffReplies).where(eq(staffReplies.submissionId, row.id))).length, 0);
    });

    async function addTemplate(title: { nl: string; en?: string }, body: { nl: string; en?: string }) {
      const organisationId = (await t.db.query.organisations.findFirst())!.id;
      const [template] = await t.db.insert(replyTemplates).values({ organisationId, title, body }).returning();
      return template!;
    }

    const bodyOf = (html: string) => {
      const text = /<textarea[^>]*id="answer-body"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1];
      assert.ok(text !== undefined, 'the answer field is on the page');
      return text
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    };

    it('chooses a template inside the answer form and fills it in the chosen language, in Dutch and English', async () => {
      const row = await submit();
      const template = await addTemplate(
        { nl: 'Bedankt', en: 'Thanks' },
        {
          nl: 'Dank voor uw inbreng op {consultatie} via {kanaal}.',
          en: 'Thank you for your input on {consultation}.',
        },
      );
      const page = await (
        await t.app.request(`/beheer/items/${row.id}/antwoord`, { headers: { Cookie: webcare.cookie } })
      ).text();
      const form = /<form method="post" action="[^"]*\/antwoord"[\s\S]*?<\/form>/.exec(page)![0];
      assert.match(form, /<select id="answer-template" name="template"/, 'the template is chosen in the answer form');
      assert.match(form, /<button type="submit" name="action" value="template"[^>]*>Sjabloon invoegen<\/button>/);
      assert.doesNotMatch(page, /name="sjabloon"/, 'no separate template form any more');
      assert.match(page, /<code>\{consultatie\}<\/code><\/dt><dd>de titel van de consultatie/);

      const dutch = await answer(row.id, [
        ['action', 'template'],
        ['language', 'nl'],
        ['template', template.id],
        ['body', ''],
      ]);
      assert.equal(dutch.status, 200);
      const dutchHtml = await dutch.text();
      assert.equal(bodyOf(dutchHtml), 'Dank voor uw inbreng op Nieuwe fietsroute Stationsstraat via Widget.');
      assert.match(dutchHtml, /role="status">Het sjabloon ‘Bedankt’ staat nu bovenaan het antwoord\./);
      assert.match(dutchHtml, /<option value="[^"]+" selected>Bedankt<\/option>/);

      // English chosen in the form, on a Dutch page for Dutch input: the English text.
      const english = await answer(row.id, [
        ['action', 'template'],
        ['language', 'en'],
        ['template', template.id],
        ['body', ''],
      ]);
      assert.equal(english.status, 200);
      const englishHtml = await english.text();
      assert.equal(bodyOf(englishHtml), 'Thank you for your input on New cycle route on Stationsstraat.');
      assert.match(englishHtml, /<input type="radio" id="answer-language-en" name="language" value="en" checked>/);
      assert.equal((await t.db.select().from(staffReplies).where(eq(staffReplies.submissionId, row.id))).length, 0);
    });

    it('keeps what was typed below an inserted template', async () => {
      const row = await submit();
      const template = await addTemplate({ nl: 'Kort', en: 'Short' }, { nl: 'Dank u.', en: 'Thank you.' });
      const response = await answer(row.id, [
        ['action', 'template'],
        ['language', 'en'],
        ['template', template.id],
        ['body', 'The lights come in spring.'],
      ]);
      assert.equal(response.status, 200);
      assert.equal(bodyOf(await response.text()), 'Thank you.\n\nThe lights come in spring.');
    });

    it('says so when a template has no text in the chosen language, keeping the typed text', async () => {
      const row = await submit();
      const template = await addTemplate({ nl: 'Alleen Nederlands' }, { nl: 'Dank voor uw inbreng op {consultatie}.' });
      for (const [lang, message] of [
        ['nl', /<a href="#answer-template">Het sjabloon ‘Alleen Nederlands’ heeft geen Engelse tekst\./],
        ['en', /<a href="#answer-template">The template ‘Alleen Nederlands’ has no English text\./],
      ] as const) {
        const response = await answer(row.id, [
          ['lang', lang],
          ['action', 'template'],
          ['language', 'en'],
          ['template', template.id],
          ['body', 'My own words.'],
        ]);
        assert.equal(response.status, 422);
        const html = await response.text();
        assert.match(html, message);
        assert.match(html, /<select id="answer-template" name="template" aria-invalid="true"/);
        assert.equal(bodyOf(html), 'My own words.', 'nothing typed is lost, and no Dutch text slips in');
      }
      const none = await answer(row.id, [
        ['action', 'template'],
        ['language', 'nl'],
        ['template', ''],
        ['body', 'Eigen tekst.'],
      ]);
      assert.equal(none.status, 422);
      const noneHtml = await none.text();
      assert.match(noneHtml, /Kies het sjabloon dat u wilt invoegen\./);
      assert.equal(bodyOf(noneHtml), 'Eigen tekst.');
      const unknown = await answer(row.id, [
        ['action', 'template'],
        ['language', 'nl'],
        ['template', '00000000-0000-4000-8000-000000000000'],
        ['body', ''],
      ]);
      assert.equal(unknown.status, 422);
    });

    it('refuses to publish an answer with a placeholder left in it, keeping the text; the preview warns', async () => {
      const row = await submit();
      const text = 'Beste {naam}, dank voor uw inbreng op {consultatie}.';
      const preview = await answer(row.id, [
        ['action', 'preview'],
        ['language', 'nl'],
        ['body', text],
      ]);
      assert.equal(preview.status, 200);
      const previewHtml = await preview.text();
      assert.match(previewHtml, /<h2 id="preview-heading" tabindex="-1">Voorbeeld<\/h2>/);
      assert.match(
        previewHtml,
        /<a href="#answer-body">Het antwoord bevat nog plaatshouders: \{naam\}, \{consultatie\}\. Vervang die door de echte tekst\.<\/a>/,
      );

      const publish = await answer(row.id, [
        ['action', 'publish'],
        ['language', 'nl'],
        ['body', text],
      ]);
      assert.equal(publish.status, 422);
      const html = await publish.text();
      assert.match(html, /Het antwoord bevat nog plaatshouders: \{naam\}, \{consultatie\}\./);
      assert.equal(bodyOf(html), text, 'the text stays in the field');
      const english = await answer(row.id, [
        ['lang', 'en'],
        ['action', 'publish'],
        ['language', 'en'],
        ['body', 'Dear {name}, thanks.'],
      ]);
      assert.equal(english.status, 422);
      assert.match(
        await english.text(),
        /The answer still has a placeholder: \{name\}\. Replace it with the real text\./,
      );
      assert.equal((await t.db.select().from(staffReplies).where(eq(staffReplies.submissionId, row.id))).length, 0);
      const [stored] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(stored!.reviewState, 'new', 'nothing changed');

      // The item's one form refuses it the same way.
      const oneForm = await staffPost(
        t,
        `/beheer/items/${row.id}`,
        [
          ['csrf', webcare.csrf],
          ['version', String(stored!.version)],
          ['answer', text],
          ['answerLanguage', 'nl'],
        ],
        webcare.cookie,
      );
      assert.equal(oneForm.status, 422);
      assert.match(await oneForm.text(), /Het antwoord bevat nog plaatshouders: \{naam\}, \{consultatie\}\./);
      assert.equal((await t.db.select().from(staffReplies).where(eq(staffReplies.submissionId, row.id))).length, 0);
    });
  });
}
