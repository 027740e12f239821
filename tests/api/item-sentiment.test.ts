import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog, organisations, socialPosts, submissions } from '../../api/db/schema.ts';
import { correctSentiment, sentimentAgreement } from '../../api/services/item-sentiment.ts';
import { lexiconMethod } from '../../api/services/sentiment/index.ts';
import { importMastodonThread } from '../../api/services/social/mastodon.ts';
import { placeholderPost } from '../../api/services/social/model.ts';
import { importThread } from '../../api/services/social/threads.ts';
import { mastodonAccount, mastodonStatus } from '../fixtures/social/payloads.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

for (const target of databaseTargets()) {
  describe(`sentiment stored with every item (${target.name})`, () => {
    let t: TestApp;
    let organisationId: string;
    before(async () => {
      t = await openTestApp(target);
      [{ id: organisationId }] = (await t.db.select({ id: organisations.id }).from(organisations)) as [{ id: string }];
    });
    after(() => t.close());

    async function submit(text: string) {
      const response = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: { ...validAnswers, toelichting: text },
      });
      assert.equal(response.status, 201);
      const { code } = (await response.json()) as { code: string };
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      return row!;
    }

    test('classifies portal input on arrival and stores the method that did it', async () => {
      const negative = await submit('De Stationsstraat is niet veilig, ik ben er bijna aangereden.');
      assert.equal(negative.sentiment?.label, 'negative');
      assert.equal(negative.sentiment?.method, lexiconMethod);
      const positive = await submit('Wat een goed plan, heel fijn dat er eindelijk een veilige route komt!');
      assert.equal(positive.sentiment?.label, 'positive');
    });

    test('classifies mirrored replies and leaves deleted placeholders without a label', async () => {
      // A reply deleted at the source, with a reply still under it, stays as a placeholder.
      const thread = importMastodonThread(
        {
          status: mastodonStatus('700'),
          context: {
            ancestors: [],
            descendants: [
              mastodonStatus('701', { in_reply_to_id: '700', account: mastodonAccount('anna') }),
              mastodonStatus('702', {
                in_reply_to_id: '701',
                account: mastodonAccount('bram'),
                content: '<p>Wat een goed plan, heel fijn!</p>',
              }),
            ],
          },
        },
        { ownAccounts: ['gemeente@social.gemeente.example'] },
      );
      const deleted = thread.posts.findIndex((post) => post.id === '701');
      thread.posts[deleted] = {
        ...placeholderPost('701', 'deleted', { parentId: '700', sortAt: thread.posts[deleted]!.createdAt }),
        depth: thread.posts[deleted]!.depth,
      };
      await importThread(t.db, { organisationId, thread, live: false, now: NOW });

      const posts = await t.db.select().from(socialPosts);
      const placeholders = posts.filter((post) => post.placeholder);
      assert.ok(
        placeholders.some((post) => post.externalId === '701'),
        'the deleted reply is kept as a placeholder',
      );
      assert.ok(
        posts.some((post) => post.externalId === '1002'),
        'the demo thread is seeded',
      );
      for (const post of placeholders) assert.equal(post.sentiment, null);
      for (const post of posts.filter((p) => !p.placeholder)) {
        assert.ok(post.sentiment && ['positive', 'neutral', 'negative'].includes(post.sentiment.label));
      }
    });

    test('a staff correction replaces the label, counts in the agreement figures and is audited', async () => {
      const item = await submit('Hmm, misschien langs het park.');
      const predicted = item.sentiment!.label;
      const label = predicted === 'negative' ? 'positive' : 'negative';
      const before = await sentimentAgreement(t.db, organisationId);
      const result = await correctSentiment(t.db, {
        organisationId,
        subject: { type: 'submission', id: item.id },
        label,
        staffUserId: null,
        now: NOW,
      });
      assert.deepEqual(result, { kind: 'corrected', modelReady: false, corrections: before.reviewed + 1 });
      const [after] = await t.db.select().from(submissions).where(eq(submissions.id, item.id));
      assert.equal(after!.sentiment?.label, label);
      assert.equal(after!.sentiment?.method, 'staff-correction');
      const agreement = await sentimentAgreement(t.db, organisationId);
      assert.equal(agreement.reviewed, before.reviewed + 1);
      assert.equal(agreement.agreed, before.agreed);
      const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'sentiment.corrected'));
      assert.ok(audits.some((entry) => entry.subjectId === item.id));
    });

    test('learns from enough corrections and then labels new input with the municipality model', async () => {
      // Staff of this municipality call a "knip" (a street closed to through traffic) a complaint,
      // though no lexicon word says so: the model beats the lexicon on these held-out corrections.
      for (let i = 0; i < 36; i += 1) {
        const label = i % 2 === 0 ? 'negative' : 'positive';
        const text =
          label === 'negative'
            ? `Weer een knip erbij in straat ${i}, knip na knip`
            : `Mooi nieuw bankje bij plein ${i}`;
        const item = await submit(text);
        await correctSentiment(t.db, {
          organisationId,
          subject: { type: 'submission', id: item.id },
          label,
          staffUserId: null,
          now: NOW,
        });
      }
      const fresh = await submit('Alweer een knip erbij');
      assert.notEqual(fresh.sentiment?.method, lexiconMethod, 'the correction model took over');
      assert.equal(fresh.sentiment?.label, 'negative');
    });

    test('refuses to correct an item of another municipality or one that does not exist', async () => {
      const result = await correctSentiment(t.db, {
        organisationId,
        subject: { type: 'submission', id: '00000000-0000-4000-8000-000000000000' },
        label: 'neutral',
        staffUserId: null,
        now: NOW,
      });
      assert.deepEqual(result, { kind: 'not_found' });
    });
  });
}
