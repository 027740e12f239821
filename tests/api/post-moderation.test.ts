import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { consultations, submissions } from '../../api/db/schema.ts';
import { listPublishedSubmissions } from '../../api/services/published-content.ts';
import { openTestApp, postJson, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';
import { addStaffUser, logIn, saveItemForm } from '../support/staff.ts';

const path = '/api/consultations/fietsroute-stationsstraat/submissions';

for (const target of databaseTargets()) {
  describe(`post-moderation on a consultation (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
      await t.db
        .update(consultations)
        .set({ moderation: 'post' })
        .where(eq(consultations.slug, 'fietsroute-stationsstraat'));
    });
    after(() => t.close());

    async function submit(text: string) {
      const response = await postJson(t.app, path, { answers: { route: 'parklaan', toelichting: text } });
      assert.equal(response.status, 201);
      const { code } = await response.json();
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      return row!;
    }

    const publishedText = async (id: string) =>
      (await listPublishedSubmissions(t.db)).find((s) => s.id === id)?.answers.find((a) => a.question === 'toelichting')
        ?.value;

    it('publishes clean input at once and keeps it in the queue for review', async () => {
      const row = await submit('Graag een veilige oversteek bij de school.');
      assert.equal(row.status, 'published');
      assert.equal(row.reviewState, 'new');
      assert.equal(await publishedText(row.id), 'Graag een veilige oversteek bij de school.');

      await addStaffUser(t, 'post@demodam.example', 'moderator');
      const moderator = await logIn(t, 'post@demodam.example');
      const queue = await (await t.app.request('/beheer/', { headers: { Cookie: moderator.cookie } })).text();
      assert.match(queue, new RegExp(row.id));

      const takeDown = await saveItemForm(t, moderator, row.id, [
        ['decision', 'reject'],
        ['rule', 'on-topic'],
      ]);
      assert.equal(takeDown.status, 303);
      assert.equal(await publishedText(row.id), undefined, 'a rejected item is taken down');
    });

    it('publishes input with personal data redacted', async () => {
      const row = await submit('Bel 0612345678 als het weer misgaat.');
      assert.equal(row.status, 'published');
      assert.equal(await publishedText(row.id), 'Bel [telefoonnummer verwijderd] als het weer misgaat.');
    });

    it('holds back input with abuse or spam until a moderator looked at it', async () => {
      const abusive = await submit('Wat een klotefietspad.');
      const spam = await submit('Kijk www.goedkope-fietsen.example.com/nu');
      for (const row of [abusive, spam]) {
        assert.equal(row.status, 'received');
        assert.equal(row.publishedAt, null);
        assert.equal(await publishedText(row.id), undefined);
      }
    });
  });
}
