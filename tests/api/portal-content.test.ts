import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PublishedSnapshot } from '../../shared/contracts/public-content.ts';
import { buildPublishedSnapshot } from '../../api/services/published-content.ts';
import { DEMO_REJECTED_CODE } from '../../api/services/seed.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

for (const target of databaseTargets()) {
  describe(`what the portal is built from (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
    });
    after(() => t.close());

    test('the snapshot holds the house rules in order and the accessibility statement', async () => {
      const snapshot = PublishedSnapshot.parse(await buildPublishedSnapshot(t.db, NOW));
      assert.deepEqual(
        snapshot.houseRules.map((rule) => rule.code),
        ['respect', 'on-topic', 'privacy', 'no-spam', 'lawful'],
      );
      assert.equal(snapshot.accessibilityStatement?.status, 'B');
      assert.ok(snapshot.accessibilityStatement.deviations.length > 0);
      assert.equal(snapshot.organisation.privacyEmail, 'privacy@demodam.example');
    });

    test('the snapshot never carries names, e-mail addresses or follow-up codes', async () => {
      const text = JSON.stringify(await buildPublishedSnapshot(t.db, NOW));
      assert.doesNotMatch(text, new RegExp(DEMO_REJECTED_CODE));
      assert.doesNotMatch(text, /followUpCode|idempotency/i);
      // The only addresses are the municipality's own (and its official accounts' handles).
      for (const email of text.match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? []) assert.match(email, /[@.]demodam\.example$/);
      // Residents in the mirrored demo thread appear by letter only.
      assert.doesNotMatch(text, /Fietsfan|"Anna"|fietsfan@|anna@|commuter@/);
      assert.match(text, /"pseudonym": ?"A"/);
    });

    test('only published input reaches the snapshot, enough to fill more than one page', async () => {
      const { submissions } = await buildPublishedSnapshot(t.db, NOW);
      const parking = submissions.filter((s) => s.consultation === 'parkeren-centrum');
      assert.ok(parking.length > 10, `${parking.length} published responses on parking`);
      const dates = parking.map((s) => Date.parse(s.publishedAt));
      assert.deepEqual(
        dates,
        [...dates].sort((a, b) => b - a),
        'newest first',
      );
    });

    test('a rejected response shows the house rule it broke on its follow-up', async () => {
      const response = await t.app.request(`/api/follow-up/${DEMO_REJECTED_CODE}`);
      assert.equal(response.status, 200);
      const followUp = (await response.json()) as {
        status: string;
        houseRule: { code: string; title: { nl: string } } | null;
        moderationReason: { nl: string } | null;
      };
      assert.equal(followUp.status, 'rejected');
      assert.equal(followUp.houseRule?.code, 'on-topic');
      assert.equal(followUp.houseRule?.title.nl, 'Bij het onderwerp');
      assert.match(followUp.moderationReason?.nl ?? '', /afvalinzameling/);
    });

    test('a follow-up names the options a resident chose, not only their stored values', async () => {
      const post = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: validAnswers,
      });
      assert.equal(post.status, 201);
      const { code } = (await post.json()) as { code: string };
      const followUp = (await (await t.app.request(`/api/follow-up/${code}`)).json()) as {
        houseRule: unknown;
        answers: Array<{ question: string; options: Array<{ value: string; label: { nl: string } }> | null }>;
      };
      assert.equal(followUp.houseRule, null);
      const route = followUp.answers.find((a) => a.question === 'route');
      assert.ok(route?.options?.some((o) => o.value === 'parklaan' && o.label.nl.length > 0));
    });
  });
}
