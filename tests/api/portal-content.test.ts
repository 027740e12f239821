import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PublishedSnapshot } from '../../shared/contracts/public-content.ts';
import { buildPublishedSnapshot, listPublishedSubmissions } from '../../api/services/published-content.ts';
import { generateItems } from '../../api/services/generate.ts';
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
      // The mirrored demo thread is in it, counted; its posts (residents by letter only) are served.
      assert.doesNotMatch(text, /Fietsfan|"Anna"|fietsfan@|anna@|commuter@|"pseudonym"/);
      assert.match(text, /"postCount": ?[1-9]/);
    });

    test('the snapshot counts published input per consultation but holds none of it', async () => {
      const snapshot = await buildPublishedSnapshot(t.db, NOW);
      assert.ok((snapshot.responseCounts['parkeren-centrum'] ?? 0) > 10, 'enough to fill more than one page');
      assert.equal('submissions' in snapshot, false);
      // A published answer text of the demo is not in it.
      const [sample] = (await listPublishedSubmissions(t.db, { consultation: 'parkeren-centrum' })).flatMap((s) =>
        s.answers.filter((a) => typeof a.value === 'string' && a.value.length > 20),
      );
      assert.ok(sample, 'the demo has published open text');
      assert.equal(JSON.stringify(snapshot).includes(JSON.stringify(sample.value)), false);
    });

    test('the snapshot does not grow with the number of published items', async () => {
      // Counts are numbers whose digits grow, the mirrored conversations' among them (the
      // generator adds a post per 50 items): both are left out of the measure.
      const size = async () => {
        const snapshot = await buildPublishedSnapshot(t.db, NOW);
        return JSON.stringify({
          ...snapshot,
          generatedAt: '',
          threads: [],
          responseCounts: Object.keys(snapshot.responseCounts),
          consultations: snapshot.consultations.map((c) => ({ ...c, submissionCount: 0 })),
        }).length;
      };
      await generateItems(t.db, { items: 200, consultations: 2, now: NOW });
      const before = await size();
      await generateItems(t.db, { items: 2_000, consultations: 2, now: NOW });
      // The second run adds two consultations of its own (their texts and counts), nothing per item.
      const grown = await size();
      await generateItems(t.db, { items: 200, consultations: 2, now: NOW });
      const third = await size();
      assert.equal(third - grown, grown - before, 'ten times the items cost what a tenth of them does');
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
