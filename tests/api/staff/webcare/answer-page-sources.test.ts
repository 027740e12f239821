/**
 * The answer page, assignment and bulk decisions on a queue that holds both sources: portal
 * input and mirrored social posts. Each opens and acts on the item it was asked for, also
 * when a mirrored post is older than the portal item (which once opened the oldest item).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, isNull } from 'drizzle-orm';
import { socialPosts, staffNotifications, staffReplies, submissions } from '../../../../api/db/schema.ts';
import { openTestApp, postJson, validAnswers, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, saveItemForm, staffPost } from '../../../support/staff.ts';
import { opaquePostId } from '../../../../api/services/social/public-mirror.ts';

type Login = { cookie: string; csrf: string };

for (const target of databaseTargets()) {
  describe(`the answer page on a queue with portal input and mirrored posts (${target.name})`, () => {
    let t: TestApp;
    let webcare: Login;
    let moderator: Login;
    /** A resident's mirrored reply from the demo thread. */
    let mirrored: typeof socialPosts.$inferSelect;
    let posts: Array<typeof socialPosts.$inferSelect>;
    let moderatorId: string;

    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'webcare@demodam.example', 'webcare');
      moderatorId = await addStaffUser(t, 'moderator@demodam.example', 'moderator');
      webcare = await logIn(t, 'webcare@demodam.example');
      moderator = await logIn(t, 'moderator@demodam.example');
      // As in production: the demo thread was mirrored when it was posted, days before new portal input.
      await t.db.update(socialPosts).set({ createdAt: socialPosts.postedAt });
      posts = await t.db.select().from(socialPosts).where(isNull(socialPosts.placeholder));
      mirrored = posts.find((post) => post.contentText.startsWith('Langs de Parklaan graag'))!;
      assert.ok(mirrored, 'the demo seed mirrors a thread with residents’ replies');
    });
    after(() => t.close());

    async function submit(text: string) {
      const response = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: { ...validAnswers, toelichting: text },
      });
      assert.equal(response.status, 201);
      const { code } = await response.json();
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      return row!;
    }

    const page = async (path: string, who: Login = webcare) => {
      const response = await t.app.request(path, { headers: { Cookie: who.cookie } });
      return { status: response.status, html: await response.text() };
    };

    it('opens the portal item it was asked for, though a mirrored post is older, and answers that item', async () => {
      const row = await submit('Komt er een fietsenstalling bij het station?');
      assert.ok(mirrored.createdAt < row.createdAt, 'the mirrored post is the older item');
      const shown = await page(`/beheer/items/${row.id}/antwoord`);
      assert.equal(shown.status, 200);
      assert.match(shown.html, /Komt er een fietsenstalling bij het station\?/);
      assert.doesNotMatch(shown.html, /Langs de Parklaan graag/);
      assert.match(shown.html, new RegExp(`<form method="post" action="/beheer/items/${row.id}/antwoord"`));

      const response = await staffPost(
        t,
        `/beheer/items/${row.id}/antwoord`,
        [
          ['csrf', webcare.csrf],
          ['action', 'publish'],
          ['language', 'nl'],
          ['body', 'Ja, de stalling komt in het voorjaar.'],
        ],
        webcare.cookie,
      );
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), `/beheer/items/${row.id}/antwoord?gepubliceerd`);
      const replies = await t.db.select().from(staffReplies).where(eq(staffReplies.submissionId, row.id));
      assert.deepEqual(
        replies.map((r) => r.body),
        ['Ja, de stalling komt in het voorjaar.'],
      );
      const [stored] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(stored!.reviewState, 'answered');
      const [post] = await t.db.select().from(socialPosts).where(eq(socialPosts.id, mirrored.id));
      assert.equal(post!.reviewState, mirrored.reviewState, 'the mirrored post is untouched');
    });

    it('opens a mirrored post it was asked for, says where the answer appears, and answers it under the post', async () => {
      await submit('Nieuwere inbreng dan het gespiegelde bericht.');
      const shown = await page(`/beheer/items/${mirrored.id}/antwoord`);
      assert.equal(shown.status, 200);
      assert.match(shown.html, /Langs de Parklaan graag, daar is het rustig\./);
      assert.match(shown.html, /Sociale media/);
      assert.match(
        shown.html,
        /<p class="staff-notice">Schrijf een antwoord op dit bericht\. Het antwoord verschijnt op het portaal, in de weergave van het gesprek, direct onder het bericht van de inwoner, en hier bij het item\. Podium plaatst het antwoord \(nog\) niet op Mastodon zelf/,
      );
      assert.match(shown.html, new RegExp(`<form method="post" action="/beheer/items/${mirrored.id}/antwoord"`));
      const english = await page(`/en/manage/items/${mirrored.id}/answer`);
      assert.match(english.html, /in the mirror of the conversation, directly under the resident&#39;s post/);
      assert.match(english.html, /Podium does not \(yet\) post the answer on Mastodon itself/);

      const answer = (fields: Array<[string, string]>) =>
        staffPost(t, `/beheer/items/${mirrored.id}/antwoord`, [['csrf', webcare.csrf], ...fields], webcare.cookie);
      const empty = await answer([
        ['action', 'publish'],
        ['language', 'nl'],
        ['body', '   '],
      ]);
      assert.equal(empty.status, 422);
      assert.match(await empty.text(), /Schrijf een antwoord\./);

      const [before] = await t.db.select().from(socialPosts).where(eq(socialPosts.id, mirrored.id));
      // A colleague assigns the post while this answer is being written.
      const assigned = await saveItemForm(t, moderator, mirrored.id, [
        ['department', ''],
        ['person', moderatorId],
      ]);
      assert.equal(assigned.status, 303);
      const stale = await answer([
        ['action', 'publish'],
        ['language', 'nl'],
        ['version', String(before!.version)],
        ['body', 'Dank voor uw reactie over de Parklaan.'],
      ]);
      assert.equal(stale.status, 409);
      const staleHtml = await stale.text();
      assert.match(staleHtml, /Dank voor uw reactie over de Parklaan\./, 'what was typed is kept');
      assert.deepEqual(await t.db.select().from(staffReplies).where(eq(staffReplies.socialPostId, mirrored.id)), []);

      const published = await answer([
        ['action', 'publish'],
        ['language', 'nl'],
        ['version', String(before!.version + 1)],
        ['body', 'Dank voor uw reactie over de Parklaan.'],
      ]);
      assert.equal(published.status, 303);
      assert.equal(published.headers.get('Location'), `/beheer/items/${mirrored.id}/antwoord?gepubliceerd`);
      const replies = await t.db.select().from(staffReplies).where(eq(staffReplies.socialPostId, mirrored.id));
      assert.deepEqual(
        replies.map((r) => [r.body, r.submissionId]),
        [['Dank voor uw reactie over de Parklaan.', null]],
      );
      const [post] = await t.db.select().from(socialPosts).where(eq(socialPosts.id, mirrored.id));
      assert.equal(post!.reviewState, 'answered', 'the response clock stops');
      const after = await page(`/beheer/items/${mirrored.id}/antwoord?gepubliceerd`);
      assert.match(after.html, /Dank voor uw reactie over de Parklaan\./, 'the answer shows with the item');
      const thread = await (await t.app.request(`/api/threads/${mirrored.threadId}`)).json();
      const answered = thread.posts.filter((p: { answers?: unknown[] }) => p.answers);
      assert.deepEqual(
        answered.map((p: { id: string; answers: Array<{ body: string; lang: string }> }) => [
          p.id,
          p.answers.map((a) => [a.body, a.lang]),
        ]),
        // The resident's post under the mirror's opaque id.
        [[opaquePostId(mirrored.threadId, mirrored.externalId!), [['Dank voor uw reactie over de Parklaan.', 'nl']]]],
        'the mirror shows the answer under that post only',
      );
    });

    it('assigns a mirrored post and tells the assignee, and refuses an unknown department', async () => {
      const other = posts.find((post) => post.contentText.startsWith('I cycle here every day'))!;
      const assign = (fields: Array<[string, string]>) => saveItemForm(t, webcare, other.id, fields);
      const refused = await assign([
        ['department', '00000000-0000-4000-8000-000000000000'],
        ['person', ''],
      ]);
      assert.equal(refused.status, 422);
      assert.match(await refused.text(), /Deze afdeling bestaat niet\. Kies er een uit de lijst\./);
      const saved = await assign([
        ['department', ''],
        ['person', moderatorId],
      ]);
      assert.equal(saved.status, 303);
      const [post] = await t.db.select().from(socialPosts).where(eq(socialPosts.id, other.id));
      assert.equal(post!.assignedStaffUserId, moderatorId);
      const told = await t.db.select().from(staffNotifications).where(eq(staffNotifications.staffUserId, moderatorId));
      assert.ok(
        told.some((n) => n.kind === 'item_assigned' && n.params.itemId === other.id),
        'the assignee is told, in the workbench',
      );
      const mine = await page('/beheer/?view=mine&status=published', moderator);
      assert.equal(mine.status, 200);
      assert.match(mine.html, /I cycle here every day/, "the post is in the assignee's 'assigned to me'");
    });

    it('decides a selection of portal input and mirrored posts at once', async () => {
      const row = await submit('Bulk met een gespiegeld bericht.');
      await t.db.update(socialPosts).set({ reviewState: 'new' }).where(eq(socialPosts.id, mirrored.id));
      const response = await staffPost(
        t,
        '/beheer/items/decision',
        [
          ['csrf', moderator.csrf],
          ['decision', 'escalate'],
          ['item', row.id],
          ['item', mirrored.id],
        ],
        moderator.cookie,
      );
      assert.equal(response.status, 303);
      assert.match(response.headers.get('Location') ?? '', /opgeslagen=2/);
      const [input] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      const [post] = await t.db.select().from(socialPosts).where(eq(socialPosts.id, mirrored.id));
      assert.deepEqual([input!.reviewState, post!.reviewState], ['escalated', 'escalated']);
    });
  });
}
