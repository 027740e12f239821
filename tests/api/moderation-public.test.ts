import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, organisations, submissions } from '../../api/db/schema.ts';
import { listPublishedSubmissions } from '../../api/services/published-content.ts';
import { openTestApp, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';
import { addStaffUser, logIn, saveItemForm } from '../support/staff.ts';

for (const target of databaseTargets()) {
  describe(`residents reporting published input (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
    });
    after(() => t.close());

    const report = (id: string, body: unknown) => postJson(t.app, `/api/submissions/${id}/reports`, body);
    const publishedIds = async () => (await listPublishedSubmissions(t.db)).map((s) => s.id);

    it('hides input for review after three reports, and logs that once', async () => {
      const [id] = await publishedIds();
      assert.ok(id);
      for (let i = 0; i < 2; i++) assert.equal((await report(id, { reason: 'respect' })).status, 202);
      assert.ok((await publishedIds()).includes(id), 'two reports are not enough');
      const third = await report(id, { reason: 'other', note: 'Klopt niet' });
      assert.equal(third.status, 202);
      assert.deepEqual(await third.json(), { status: 'received' });
      assert.ok(!(await publishedIds()).includes(id), 'hidden after the third');
      const [row] = await t.db.select().from(submissions).where(eq(submissions.id, id));
      assert.equal(row?.reviewState, 'in_review');
      assert.equal(row?.status, 'in_moderation');
      assert.equal((await report(id, { reason: 'respect' })).status, 404, 'hidden input cannot be reported');
      const hidden = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'submission.hidden_after_reports')));
      assert.equal(hidden.length, 1);

      await addStaffUser(t, 'reports@demodam.example', 'moderator');
      const moderator = await logIn(t, 'reports@demodam.example');
      const queue = await (
        await t.app.request('/beheer/?status=in_review', { headers: { Cookie: moderator.cookie } })
      ).text();
      assert.match(queue, new RegExp(`<a href="/beheer/items/${id}\\?status=in_review"`));
      const item = await (
        await t.app.request(`/beheer/items/${id}?status=in_review`, { headers: { Cookie: moderator.cookie } })
      ).text();
      assert.match(item, /<dt>Meldingen van inwoners<\/dt><dd>3<\/dd>/);

      const republish = await saveItemForm(t, moderator, id, [['decision', 'publish']]);
      assert.equal(republish.status, 303);
      assert.ok((await publishedIds()).includes(id), 'back online after review');
      assert.equal((await report(id, { reason: 'respect' })).status, 202);
      assert.ok((await publishedIds()).includes(id), 'reports answered by the decision no longer count');
    });

    it('hides at once when the organisation set the threshold to one', async () => {
      await t.db.update(organisations).set({ reportThreshold: 1 }).where(eq(organisations.slug, 'demodam'));
      try {
        const [id] = await publishedIds();
        assert.equal((await report(id!, { reason: 'privacy' })).status, 202);
        assert.ok(!(await publishedIds()).includes(id!));
      } finally {
        await t.db.update(organisations).set({ reportThreshold: 3 }).where(eq(organisations.slug, 'demodam'));
      }
    });

    it('refuses a reason that is not a house rule, and a note that is too long', async () => {
      const [id] = await publishedIds();
      const unknown = await report(id!, { reason: 'boring' });
      assert.equal(unknown.status, 422);
      const problem = await unknown.json();
      assert.equal(problem.errors[0].field, 'reason');
      assert.equal(problem.errors[0].message, 'Kies een van de huisregels, of ‘anders’.');
      assert.equal((await report(id!, { reason: 'respect', note: 'x'.repeat(501) })).status, 422);
      assert.equal((await report(id!, {})).status, 422);
    });

    it('answers 404 for input that does not exist or is not published, and 422 for an id that is not one', async () => {
      assert.equal((await report(randomUUID(), { reason: 'respect' })).status, 404);
      const created = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: validAnswers,
      });
      const { code } = await created.json();
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      assert.equal((await report(row!.id, { reason: 'respect' })).status, 404, 'not yet moderated');
      assert.equal((await report('not-an-id', { reason: 'respect' })).status, 422);
    });

    it('answers a body that is not JSON with a problem', async () => {
      const [id] = await publishedIds();
      const form = await t.app.request(`/api/submissions/${id}/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'reason=respect',
      });
      assert.equal(form.status, 415);
      assert.match(form.headers.get('Content-Type') ?? '', /problem\+json/);
    });

    it('answers malformed JSON with a problem', async () => {
      const [id] = await publishedIds();
      const response = await postJson(t.app, `/api/submissions/${id}/reports`, '{"reason":');
      assert.equal(response.status, 400);
      assert.match(response.headers.get('Content-Type') ?? '', /problem\+json/);
    });

    it('lists the house rules in order, for residents and for report reasons', async () => {
      const response = await t.app.request('/api/house-rules');
      assert.equal(response.status, 200);
      const rules = await response.json();
      assert.deepEqual(
        rules.map((r: { code: string; position: number }) => `${r.position}:${r.code}`),
        ['1:respect', '2:on-topic', '3:privacy', '4:no-spam', '5:lawful'],
      );
      assert.equal(rules[0].title.nl, 'Respectvol');
    });

    it('lists the guidelines of every channel, with response time and posting hours', async () => {
      const channels = await (await t.app.request('/api/channels')).json();
      const mastodon = channels.find((c: { key: string }) => c.key.startsWith('mastodon:'));
      assert.equal(mastodon.channel, 'social');
      assert.equal(mastodon.platform, 'mastodon');
      assert.equal(mastodon.responseDays, 2);
      assert.equal(mastodon.repliesAllowed, true);
      assert.deepEqual(mastodon.postingHours, [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '16:00' }]);
      assert.ok(mastodon.houseRules.includes('respect'));
      assert.deepEqual(
        channels.map((c: { key: string }) => c.key),
        ['mastodon:@demodam@social.demodam.example', 'portal', 'widget'],
      );
    });

    it('documents the new routes in the OpenAPI document', async () => {
      const doc = await (await t.app.request('/api/openapi.json')).json();
      for (const path of ['/api/house-rules', '/api/channels', '/api/submissions/{id}/reports'])
        assert.ok(doc.paths[path], path);
    });
  });
}
