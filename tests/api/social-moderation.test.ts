import { opaquePostId } from '../../api/services/social/public-mirror.ts';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog, organisations, socialPosts } from '../../api/db/schema.ts';
import { buildPublishedSnapshot } from '../../api/services/published-content.ts';
import { importMastodonThread } from '../../api/services/social/mastodon.ts';
import { importThread, readThread, syncThread } from '../../api/services/social/threads.ts';
import { socialSource } from '../../api/services/moderation/social-source.ts';
import { socialGuideline } from '../../api/services/office-hours/due-times.ts';
import { DEFAULT_CALENDAR } from '../../api/services/office-hours/calendar.ts';
import { addWorkingDays } from '../../api/services/office-hours/office-time.ts';
import { mastodonAccount, mastodonStatus } from '../fixtures/social/payloads.ts';
import { NOW, openTestApp, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';
import { addStaffUser, logIn, saveItemForm } from '../support/staff.ts';

const directory = {
  ownAccounts: ['gemeente@social.gemeente.example'],
  officialAccounts: ['politie@social.gemeente.example'],
};

/** A root by the municipality, a resident's reply with a phone number, a police reply. */
function payload(rootId: string, replyText = '<p>Bel me op 06-12345678 over de fietsroute.</p>') {
  return {
    status: mastodonStatus(rootId),
    context: {
      ancestors: [],
      descendants: [
        mastodonStatus(`${rootId}1`, {
          in_reply_to_id: rootId,
          account: mastodonAccount('anna'),
          url: `https://social.gemeente.example/@anna/${rootId}1`,
          content: replyText,
        }),
        mastodonStatus(`${rootId}2`, {
          in_reply_to_id: rootId,
          account: mastodonAccount('politie'),
          content: '<p>Wij kijken mee bij het kruispunt.</p>',
        }),
      ],
    },
  };
}

for (const target of databaseTargets()) {
  describe(`mirrored replies in the moderation queue (${target.name})`, () => {
    let t: TestApp;
    let organisationId: string;
    let moderator: { cookie: string; csrf: string };
    before(async () => {
      t = await openTestApp(target);
      organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
      await addStaffUser(t, 'moderator@demodam.example', 'moderator');
      moderator = await logIn(t, 'moderator@demodam.example');
    });
    after(() => t.close());

    async function mirror(rootId: string, replyText?: string) {
      const thread = importMastodonThread(payload(rootId, replyText), directory);
      const { threadId } = await importThread(t.db, { organisationId, thread, live: false, now: NOW });
      const posts = await t.db.select().from(socialPosts).where(eq(socialPosts.threadId, threadId));
      const byId = (id: string) => posts.find((p) => p.externalId === id)!;
      return { threadId, root: byId(rootId), reply: byId(`${rootId}1`), police: byId(`${rootId}2`) };
    }

    const decide = (id: string, fields: Array<[string, string]>) => saveItemForm(t, moderator, id, fields);

    it("publishes the municipality's own post on import and holds residents' and other official replies", async () => {
      const { root, reply, police } = await mirror('10');
      assert.deepEqual([root.reviewState, reply.reviewState, police.reviewState], ['published', 'new', 'new']);
      assert.ok(root.publishedAt);
      assert.equal(reply.publishedAt, null);
    });

    it("runs a reply's response clock on the promise of the social account, not the consultation's", async () => {
      const { reply } = await mirror('19');
      const items = await socialSource.list(
        t.db,
        { organisationId, roles: [{ role: 'moderator', departmentId: null }] },
        {},
      );
      const item = items.find((i) => i.id === reply.id);
      // The demo municipality promises 2 working days on Mastodon (its portal promises 10), in its office hours.
      assert.deepEqual(item?.dueAt, addWorkingDays(DEFAULT_CALENDAR, reply.createdAt, 2));
      assert.deepEqual(reply.responseDueAt, item?.dueAt, 'stored on arrival');
    });

    it('takes the guideline of the exact account first, then the platform’s first, then none', () => {
      const guidelines = [
        { key: 'mastodon:@demodam@social.example', channel: 'social', platform: 'mastodon' },
        { key: 'mastodon:@other@social.example', channel: 'social', platform: 'mastodon' },
      ];
      const keyFor = (platform: string, account: string | null) => socialGuideline(guidelines, platform, account)?.key;
      assert.equal(keyFor('mastodon', '@other@social.example'), 'mastodon:@other@social.example');
      assert.equal(keyFor('mastodon', '@unknown@social.example'), 'mastodon:@demodam@social.example');
      assert.equal(keyFor('mastodon', null), 'mastodon:@demodam@social.example');
      assert.equal(keyFor('bluesky', 'demodam.bsky.social'), undefined);
    });

    it("screens a reply's plain text like portal input", async () => {
      const { reply } = await mirror('11');
      const field = reply.screening?.fields[0];
      assert.deepEqual(
        field?.flags.map((f) => f.kind),
        ['phone'],
      );
      assert.equal(field?.redacted, 'Bel me op [telefoonnummer verwijderd] over de fietsroute.');
    });

    it('shows a waiting reply in the queue with its channel, flags and sentiment, beside portal input', async () => {
      const { reply } = await mirror('12');
      const page = await (
        await t.app.request('/beheer/?channel=social', { headers: { Cookie: moderator.cookie } })
      ).text();
      assert.match(page, new RegExp(`<a href="/beheer/items/${reply.id}\\?channel=social"`));
      const item = await (
        await t.app.request(`/beheer/items/${reply.id}`, { headers: { Cookie: moderator.cookie } })
      ).text();
      assert.match(item, /Sociale media: Mastodon, @gemeente@social\.gemeente\.example/);
      assert.match(item, /Bekijk het bericht op Mastodon/);
      assert.match(item, /<mark class="staff-mark staff-mark--personal_data">06-12345678<\/mark>/);
      assert.match(item, new RegExp(`action="/beheer/items/${reply.id}"`));
      assert.match(item, /<select id="detail-sentiment" name="sentiment">/);
      const portalOnly = await (
        await t.app.request('/beheer/?channel=portal', { headers: { Cookie: moderator.cookie } })
      ).text();
      assert.doesNotMatch(portalOnly, new RegExp(reply.id));
    });

    it("marks a waiting reply's text with the post's own language, and claims none when it is unknown", async () => {
      const english = importMastodonThread(
        payload('20', '<p>Please make the crossing safer for children.</p>'),
        directory,
      );
      english.posts[1]!.lang = 'en';
      const unknown = importMastodonThread(payload('21', '<p>Bitte sicherer machen.</p>'), directory);
      delete unknown.posts[1]!.lang;
      for (const thread of [english, unknown]) {
        await importThread(t.db, { organisationId, thread, live: false, now: NOW });
      }
      const page = await (
        await t.app.request('/beheer/?channel=social', { headers: { Cookie: moderator.cookie } })
      ).text();
      assert.match(page, /<span class="staff-inbox-excerpt" lang="en">Please make the crossing safer/);
      assert.match(page, /<span class="staff-inbox-excerpt">Bitte sicherer machen\.<\/span>/);
    });

    it('keeps a waiting reply out of the thread API and the snapshot’s count until a moderator publishes it', async () => {
      const { threadId, reply } = await mirror('13', '<p>Goed plan, graag verlichting.</p>');
      const before = await (await t.app.request(`/api/threads/${threadId}`)).json();
      assert.deepEqual(
        before.posts.map((p: { id: string }) => p.id),
        ['13'],
      );
      const shownInSnapshot = async () =>
        (await buildPublishedSnapshot(t.db, NOW)).threads.find((summary) => summary.id === threadId)?.postCount;
      assert.equal(await shownInSnapshot(), 1);

      const response = await decide(reply.id, [['decision', 'publish']]);
      assert.equal(response.status, 303);
      const after = await (await t.app.request(`/api/threads/${threadId}`)).json();
      // A resident's post has an opaque public id: the platform's id leads to its author.
      assert.deepEqual(
        after.posts.map((p: { id: string }) => p.id),
        ['13', opaquePostId(threadId, '131')],
      );
      assert.equal(after.posts[1].text, 'Goed plan, graag verlichting.');
      assert.equal(await shownInSnapshot(), 2);
      const audit = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, reply.id));
      assert.deepEqual(
        audit.map((a) => [a.action, a.details.decision]),
        [['social_post.decision', 'publish']],
      );
    });

    it('publishes a reply with personal data only redacted: in the thread API, the snapshot and the archive', async () => {
      const { threadId, reply } = await mirror(
        '15',
        '<p>Bel me op 06-12345678 of mail <a href="mailto:anna@example.nl">anna@example.nl</a>.</p>',
      );
      assert.equal((await decide(reply.id, [['decision', 'publish']])).status, 303);
      const published = (await (await t.app.request(`/api/threads/${threadId}`)).json()).posts[1];
      assert.match(published.text, /\[telefoonnummer verwijderd\]/);
      const everywhere = [
        JSON.stringify(published),
        JSON.stringify(await buildPublishedSnapshot(t.db, NOW)),
        await (await t.app.request(`/api/threads/${threadId}/archive`)).text(),
        await (await t.app.request(`/api/threads/${threadId}/archive?format=html`)).text(),
      ];
      for (const text of everywhere) {
        assert.doesNotMatch(text, /06-12345678|anna@example\.nl/);
      }
      const [stored] = await t.db.select().from(socialPosts).where(eq(socialPosts.id, reply.id));
      assert.match(stored!.contentText, /06-12345678/, 'the stored post keeps what the author wrote');
    });

    it('never shows a rejected reply, and records the house rule it broke', async () => {
      const { threadId, reply } = await mirror('14');
      const refused = await decide(reply.id, [['decision', 'reject']]);
      assert.equal(refused.status, 422, 'a rejection without a house rule is refused');
      const response = await decide(reply.id, [
        ['decision', 'reject'],
        ['rule', 'privacy'],
      ]);
      assert.equal(response.status, 303);
      const [row] = await t.db.select().from(socialPosts).where(eq(socialPosts.id, reply.id));
      assert.deepEqual([row?.reviewState, row?.moderationRule, row?.publishedAt], ['rejected', 'privacy', null]);
      const thread = (await readThread(t.db, threadId))!;
      assert.equal(
        thread.posts.some((p) => p.id === '141'),
        false,
      );
      const queue = await (await t.app.request('/beheer/', { headers: { Cookie: moderator.cookie } })).text();
      assert.doesNotMatch(queue, new RegExp(`/beheer/items/${reply.id}`));
    });

    it('corrects the sentiment of a social post from the queue', async () => {
      const { reply } = await mirror('15');
      const response = await saveItemForm(t, moderator, reply.id, [['sentiment', 'negative']]);
      assert.equal(response.status, 303);
      const [row] = await t.db.select().from(socialPosts).where(eq(socialPosts.id, reply.id));
      assert.deepEqual([row?.sentiment?.label, row?.sentiment?.method], ['negative', 'staff-correction']);
    });

    it('publishes other official accounts on import when the organisation chooses so, and nothing with "none"', async () => {
      await t.db
        .update(organisations)
        .set({ socialAutoPublish: 'official' })
        .where(eq(organisations.id, organisationId));
      const official = await mirror('16');
      await t.db.update(organisations).set({ socialAutoPublish: 'none' }).where(eq(organisations.id, organisationId));
      const none = await mirror('17');
      await t.db.update(organisations).set({ socialAutoPublish: 'own' }).where(eq(organisations.id, organisationId));
      assert.deepEqual(
        [official.root.reviewState, official.police.reviewState, official.reply.reviewState],
        ['published', 'published', 'new'],
      );
      assert.deepEqual([none.root.reviewState, none.police.reviewState], ['new', 'new']);
    });

    it('shows residents in the thread API as the organisation chose: pseudonym, initials or as on the platform', async () => {
      const { threadId, reply } = await mirror('19', '<p>Goed plan.</p>');
      await decide(reply.id, [['decision', 'publish']]);
      const residentIn = async (display: 'pseudonym' | 'initials' | 'none') => {
        await t.db
          .update(organisations)
          .set({ socialAuthorDisplay: display })
          .where(eq(organisations.id, organisationId));
        const body = await (await t.app.request(`/api/threads/${threadId}`)).json();
        return body.posts.find((p: { id: string }) => p.id === '191' || p.id === opaquePostId(threadId, '191')).author;
      };
      try {
        assert.deepEqual(
          [(await residentIn('pseudonym')).pseudonym, (await residentIn('initials')).pseudonym],
          ['A', 'A.'],
        );
        const named = await residentIn('none');
        assert.deepEqual([named.handle, named.pseudonym], ['anna@social.gemeente.example', undefined]);
      } finally {
        await t.db
          .update(organisations)
          .set({ socialAuthorDisplay: 'pseudonym' })
          .where(eq(organisations.id, organisationId));
      }
    });

    it('puts an edited published reply back in the queue and drops a deleted one from it', async () => {
      const { threadId, reply, police } = await mirror('18');
      await decide(reply.id, [['decision', 'publish']]);
      await decide(police.id, [['decision', 'publish']]);
      const edited = payload('18', '<p>Bel me liever niet, mail me.</p>');
      edited.context.descendants = edited.context.descendants.filter((d) => d.id !== '182');
      await syncThread(t.db, threadId, {
        now: new Date(NOW.getTime() + 60_000),
        read: async () => importMastodonThread(edited, directory),
      });
      const rows = await t.db.select().from(socialPosts).where(eq(socialPosts.threadId, threadId));
      const after = (id: string) => rows.find((r) => r.id === id)!;
      assert.deepEqual([after(reply.id).reviewState, after(reply.id).publishedAt], ['new', null]);
      assert.ok(after(police.id).deletedAt);
      assert.equal(after(police.id).screening, null, 'the redacted copy of a deleted post is erased too');
      const queue = await (await t.app.request('/beheer/', { headers: { Cookie: moderator.cookie } })).text();
      assert.match(queue, new RegExp(`/beheer/items/${reply.id}`));
      assert.doesNotMatch(queue, new RegExp(`/beheer/items/${police.id}`));
      assert.deepEqual(
        (await readThread(t.db, threadId))!.posts.map((p) => p.id),
        ['18'],
      );
    });
  });
}
