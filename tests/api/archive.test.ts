import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { organisations, socialPosts, staffReplies } from '../../api/db/schema.ts';
import { importMastodonThread } from '../../api/services/social/mastodon.ts';
import { importThread } from '../../api/services/social/threads.ts';
import { mastodonThread } from '../fixtures/social/payloads.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

for (const target of databaseTargets()) {
  describe(`archive exports of public records (${target.name})`, () => {
    let t: TestApp;
    let threadId: string;
    before(async () => {
      t = await openTestApp(target);
      await postJson(t.app, '/api/consultations/parkeren-centrum/submissions', { answers: validAnswers });
      await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: { ...validAnswers, toelichting: 'Nog niet gepubliceerd <script>alert(1)</script>' },
        email: 'geheim@example.nl',
        consent: true,
      });
      const [org] = await t.db.select({ id: organisations.id }).from(organisations);
      ({ threadId } = await importThread(t.db, {
        organisationId: org!.id,
        thread: importMastodonThread(mastodonThread(), { ownAccounts: ['gemeente@social.gemeente.example'] }),
        now: NOW,
      }));
      // A moderator published the residents' replies: the archive holds published content only.
      await t.db
        .update(socialPosts)
        .set({ reviewState: 'published', publishedAt: NOW })
        .where(eq(socialPosts.threadId, threadId));
    });
    after(() => t.close());

    it('exports a consultation as JSON with what, who, when and the retention rule', async () => {
      const response = await t.app.request('/api/consultations/parkeren-centrum/archive');
      assert.equal(response.status, 200);
      assert.match(response.headers.get('Content-Disposition') ?? '', /consultation-parkeren-centrum\.json/);
      const record = await response.json();
      assert.equal(record.format, 'podium.archive/1');
      assert.equal(record.metadata.identifier, 'consultation:parkeren-centrum');
      assert.equal(record.metadata.publisher, 'Gemeente Demodam');
      assert.ok(record.metadata.period.from && record.metadata.period.to);
      assert.match(record.metadata.retention.rule, /Archiefwet/);
      assert.equal(record.consultation.slug, 'parkeren-centrum');
      assert.ok(record.submissions.length > 0, 'the demo has published input here');
    });

    it('leaves out unpublished input and every contact detail', async () => {
      const text = await (await t.app.request('/api/consultations/fietsroute-stationsstraat/archive')).text();
      assert.doesNotMatch(text, /geheim@example|Nog niet gepubliceerd/);
    });

    it('renders one self-contained HTML file that runs nothing and loads nothing', async () => {
      const response = await t.app.request('/api/consultations/parkeren-centrum/archive?format=html&lang=en');
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, /<html lang="en">/);
      assert.match(html, /About this record/);
      assert.doesNotMatch(html, /<script|<link|src=|@import|url\(/i);
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
      const hash = createHash('sha256').update(style).digest('base64');
      const csp = response.headers.get('Content-Security-Policy') ?? '';
      assert.equal(csp, `default-src 'none'; style-src 'sha256-${hash}'; frame-ancestors 'none'`);
    });

    it('exports a mirrored thread with residents under a pseudonym', async () => {
      const json = await (await t.app.request(`/api/threads/${threadId}/archive`)).json();
      assert.equal(json.metadata.kind, 'social-thread');
      const names = json.thread.posts.map((p: { author: { displayName: string } | null }) => p.author?.displayName);
      assert.ok(names.includes('Gemeente Voorbeeld'), 'the municipality keeps its name');
      assert.ok(names.some((n: string) => /^Inwoner \d$/.test(n ?? '')));
      const html = await (await t.app.request(`/api/threads/${threadId}/archive?format=html`)).text();
      for (const text of [JSON.stringify(json), html]) {
        assert.doesNotMatch(text, /bert|andere\.example/i);
      }
      assert.match(html, /Het gesprek/);
    });

    it('keeps the municipality’s answer to a post, in the JSON and under the post in the HTML file', async () => {
      const [post] = await t.db
        .select({ id: socialPosts.id })
        .from(socialPosts)
        .where(eq(socialPosts.threadId, threadId))
        .orderBy(desc(socialPosts.postedAt))
        .limit(1);
      await t.db.insert(staffReplies).values({
        socialPostId: post!.id,
        language: 'nl',
        body: 'Dank voor uw vraag.\n\nDe werkzaamheden starten in maart.',
        createdAt: NOW,
        publishedAt: NOW,
      });
      const json = await (await t.app.request(`/api/threads/${threadId}/archive`)).json();
      const answered = json.thread.posts.filter((p: { answers?: unknown[] }) => p.answers?.length);
      assert.deepEqual(answered[0].answers, [
        {
          body: 'Dank voor uw vraag.\n\nDe werkzaamheden starten in maart.',
          lang: 'nl',
          publishedAt: NOW.toISOString(),
        },
      ]);
      const html = await (await t.app.request(`/api/threads/${threadId}/archive?format=html`)).text();
      assert.match(
        html,
        /<blockquote lang="nl"><p><strong>Antwoord van de gemeente \(2026-11-27\)<\/strong><\/p><p>Dank voor uw vraag\.<\/p><p>De werkzaamheden starten in maart\.<\/p><\/blockquote><\/article>/,
      );
      const english = await (await t.app.request(`/api/threads/${threadId}/archive?format=html&lang=en`)).text();
      assert.match(english, /Answer from the municipality \(2026-11-27\)/);
    });

    it('answers unknown records with 404 and bad parameters with 422', async () => {
      assert.equal((await t.app.request('/api/consultations/bestaat-niet/archive')).status, 404);
      assert.equal((await t.app.request('/api/consultations/parkeren-centrum/archive?format=pdf')).status, 422);
      assert.equal((await t.app.request('/api/consultations/parkeren-centrum/archive?lang=fr')).status, 422);
      assert.equal((await t.app.request('/api/threads/not-a-uuid/archive')).status, 422);
      assert.equal((await t.app.request('/api/threads/00000000-0000-4000-8000-000000000000/archive')).status, 404);
    });
  });
}
