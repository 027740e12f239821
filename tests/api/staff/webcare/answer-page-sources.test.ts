/**
 * The answer page, assignment and bulk decisions on a queue that holds both sources: portal
 * input and mirrored social posts. Each opens and acts on the item it was asked for, also
 * when a mirrored post is older than the portal item (which once opened the oldest item).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, isNull } from 'drizzle-orm';
import { departments, socialPosts, staffReplies, submissions } from '../../../../api/db/schema.ts';
import { openTestApp, postJson, validAnswers, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, saveItemForm, staffPost } from '../../../support/staff.ts';

type Login = { cookie: string; csrf: string };

for (const target of databaseTargets()) {
  describe(`the answer page on a queue with portal input and mirrored posts (${target.name})`, () => {
    let t: TestApp;
    let webcare: Login;
    let moderator: Login;
    /** A resident's mirrored reply from the demo thread. */
    let mirrored: typeof socialPosts.$inferSelect;

    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'webcare@demodam.example', 'webcare');
      await addStaffUser(t, 'moderator@demodam.example', 'moderator');
      webcare = await logIn(t, 'webcare@demodam.example');
      moderator = await logIn(t, 'moderator@demodam.example');
      // As in production: the demo thread was mirrored when it was posted, days before new portal input.
      await t.db.update(socialPosts).set({ createdAt: socialPosts.postedAt });
      const posts = await t.db.select().from(socialPosts).where(isNull(socialPosts.placeholder));
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

    it('opens a mirrored post it was asked for and says that answering it is not possible yet', async () => {
      await submit('Nieuwere inbreng dan het gespiegelde bericht.');
      const shown = await page(`/beheer/items/${mirrored.id}/antwoord`);
      assert.equal(shown.status, 200);
      assert.match(shown.html, /Langs de Parklaan graag, daar is het rustig\./);
      assert.match(shown.html, /Sociale media/);
      assert.match(
        shown.html,
        /<p class="staff-notice">Op items van dit kanaal kunt u nog niet antwoorden vanuit Podium: het antwoord zou de inwoner niet bereiken\. Antwoord op het kanaal zelf\.<\/p>/,
      );
      assert.doesNotMatch(shown.html, /class="staff-form staff-answer-form"/);
      const english = await page(`/en/manage/items/${mirrored.id}/answer`);
      assert.match(english.html, /You cannot answer items from this channel in Podium yet/);

      const response = await staffPost(
        t,
        `/beheer/items/${mirrored.id}/antwoord`,
        [
          ['csrf', webcare.csrf],
          ['action', 'publish'],
          ['language', 'nl'],
          ['body', 'Dank voor uw reactie.'],
        ],
        webcare.cookie,
      );
      assert.equal(response.status, 409);
      assert.match(await response.text(), /Op items van dit kanaal kunt u nog niet antwoorden vanuit Podium/);
      assert.deepEqual(await t.db.select().from(staffReplies).where(eq(staffReplies.socialPostId, mirrored.id)), []);
      const [post] = await t.db.select().from(socialPosts).where(eq(socialPosts.id, mirrored.id));
      assert.equal(post!.reviewState, mirrored.reviewState);
    });

    it('says that a mirrored post cannot be assigned yet, and assigns portal input', async () => {
      const row = await submit('Toewijzen graag.');
      const [department] = await t.db.select().from(departments).where(eq(departments.slug, 'verkeer'));
      const assign = (id: string) =>
        saveItemForm(t, webcare, id, [
          ['department', department!.id],
          ['person', ''],
        ]);
      const postNow = async () => (await t.db.select().from(socialPosts).where(eq(socialPosts.id, mirrored.id)))[0]!;
      const before = await postNow();
      const refused = await assign(mirrored.id);
      assert.equal(refused.status, 422);
      assert.match(await refused.text(), /Dit item kan niet worden toegewezen\./);
      assert.equal((await postNow()).version, before.version, 'the mirrored post is left as it was');
      const saved = await assign(row.id);
      assert.equal(saved.status, 303);
      const [assigned] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(assigned!.assignedDepartmentId, department!.id);
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
