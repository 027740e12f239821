/**
 * Mirrored social posts as queue items that webcare answers and assigns: the answer shows
 * in the portal's mirror directly under the post (thread API and build snapshot), only
 * under a post that shows there, and goes when the post's words go (erased on request or
 * deleted at the source); routing rules for the social channel assign new replies on
 * arrival and tell the assignee.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import {
  organisations,
  routingRules,
  socialPosts,
  staffNotifications,
  staffReplies,
  topics,
  consultations,
} from '../../../api/db/schema.ts';
import { answerItem, assignItem, decide, type Actor } from '../../../api/services/moderation/index.ts';
import { socialSource } from '../../../api/services/moderation/social-source.ts';
import { erasePersonalData } from '../../../api/services/personal-data.ts';
import { buildPublishedSnapshot } from '../../../api/services/published-content.ts';
import { importMastodonThread } from '../../../api/services/social/mastodon.ts';
import { importThread, syncThread } from '../../../api/services/social/threads.ts';
import { mastodonAccount, mastodonStatus } from '../../fixtures/social/payloads.ts';
import { NOW, openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { addStaffUser } from '../../support/staff.ts';
import { opaquePostId } from '../../../api/services/social/public-mirror.ts';

const directory = { ownAccounts: ['gemeente@social.gemeente.example'] };

/** A root by the municipality and a resident's reply by `who`. */
function payload(rootId: string, who = 'anna', replies = [`${rootId}1`]) {
  return {
    status: mastodonStatus(rootId),
    context: {
      ancestors: [],
      descendants: replies.map((id) =>
        mastodonStatus(id, {
          in_reply_to_id: rootId,
          account: mastodonAccount(who),
          url: `https://social.gemeente.example/@${who}/${id}`,
          content: `<p>Reactie ${id}: het kruispunt is gevaarlijk.</p>`,
        }),
      ),
    },
  };
}

for (const target of databaseTargets()) {
  describe(`answering and assigning mirrored posts (${target.name})`, () => {
    let t: TestApp;
    let organisationId: string;
    let consultationId: string;
    let actor: Actor;
    let webcareId: string;

    before(async () => {
      t = await openTestApp(target);
      organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
      const moderatorId = await addStaffUser(t, 'moderator@demodam.example', 'moderator');
      webcareId = await addStaffUser(t, 'webcare@demodam.example', 'webcare');
      actor = { id: moderatorId, organisationId, roles: [{ role: 'moderator', departmentId: null }] };
      const [consultation] = await t.db
        .select()
        .from(consultations)
        .where(eq(consultations.slug, 'fietsroute-stationsstraat'));
      consultationId = consultation!.id;
    });
    after(() => t.close());

    async function mirror(rootId: string, who?: string) {
      const thread = importMastodonThread(payload(rootId, who), directory);
      const { threadId } = await importThread(t.db, { organisationId, thread, consultationId, live: false, now: NOW });
      const [reply] = await t.db
        .select()
        .from(socialPosts)
        .where(and(eq(socialPosts.threadId, threadId), eq(socialPosts.externalId, `${rootId}1`)));
      return { threadId, reply: reply! };
    }
    const answer = (itemId: string, body = 'Dank u, we kijken ernaar.') =>
      answerItem(t.db, { itemId, body, language: 'nl', actor, now: NOW });
    const publish = async (itemId: string) =>
      assert.equal((await decide(t.db, { itemId, decision: 'publish', actor, now: NOW })).kind, 'decided');
    const answersOf = async (postId: string) =>
      t.db.select().from(staffReplies).where(eq(staffReplies.socialPostId, postId));

    it('shows the answer under the post in the thread API, counts the post in the build snapshot, and stops the clock', async () => {
      const { threadId, reply } = await mirror('30');
      await publish(reply.id);
      const result = await answer(reply.id, 'Dank u.\n\nWe kijken naar het kruispunt.');
      assert.equal(result.kind, 'answered');
      const [stored] = await t.db.select().from(socialPosts).where(eq(socialPosts.id, reply.id));
      assert.equal(stored!.reviewState, 'answered');
      const thread = await (await t.app.request(`/api/threads/${threadId}`)).json();
      assert.deepEqual(
        thread.posts.map((p: { id: string; answers?: Array<{ body: string }> }) => [
          p.id,
          p.answers?.map((a) => a.body),
        ]),
        [
          // The municipality's root keeps its id; the resident's reply has the mirror's opaque one.
          ['30', undefined],
          [opaquePostId(threadId, '301'), ['Dank u.\n\nWe kijken naar het kruispunt.']],
        ],
      );
      // The snapshot counts the thread's posts; their texts and answers are served into its page.
      const snapshot = await buildPublishedSnapshot(t.db, NOW);
      assert.equal(snapshot.threads.find((summary) => summary.id === threadId)?.postCount, 2);
      assert.doesNotMatch(JSON.stringify(snapshot), /We kijken naar het kruispunt\./);
    });

    it('names the account a conversation belongs to by its first post, also when no post knows its parent', async () => {
      const { threadId, reply } = await mirror('7100');
      // A read that lost the replies' parents: every post is a root, and the first is the thread's.
      await t.db.update(socialPosts).set({ parentExternalId: null }).where(eq(socialPosts.threadId, threadId));
      const viewer = { organisationId, roles: actor.roles };
      const [item] = await socialSource.list(t.db, viewer, { itemId: reply.id, now: NOW });
      assert.equal(item?.source?.account, 'gemeente@social.gemeente.example');
    });

    it('refuses an answer to a post that is waiting or rejected, and bad answers, storing nothing', async () => {
      const waiting = (await mirror('31')).reply;
      assert.deepEqual(await answer(waiting.id), { kind: 'not_published' });
      const rejected = (await mirror('32')).reply;
      const decided = await decide(t.db, {
        itemId: rejected.id,
        decision: 'reject',
        ruleCode: 'privacy',
        actor,
        now: NOW,
      });
      assert.equal(decided.kind, 'decided');
      assert.deepEqual(await answer(rejected.id), { kind: 'rejected' });
      await publish(waiting.id);
      assert.deepEqual(await answer(waiting.id, '   '), { kind: 'empty' });
      assert.deepEqual(await answer(waiting.id, 'x'.repeat(5001)), { kind: 'too_long' });
      const webcare: Actor = { id: webcareId, organisationId, roles: [{ role: 'analyst', departmentId: null }] };
      assert.deepEqual(
        await answerItem(t.db, { itemId: waiting.id, body: 'Dank u.', language: 'nl', actor: webcare, now: NOW }),
        { kind: 'forbidden' },
      );
      assert.deepEqual([...(await answersOf(waiting.id)), ...(await answersOf(rejected.id))], []);
    });

    it('assigns a post to a person and tells them; an unknown person or department is refused', async () => {
      const { reply } = await mirror('33');
      const assign = (assignment: { departmentId: string | null; staffUserId: string | null }) =>
        assignItem(t.db, { itemId: reply.id, assignment, actor, now: NOW });
      assert.deepEqual(await assign({ departmentId: null, staffUserId: reply.id }), { kind: 'unknown_person' });
      assert.deepEqual(await assign({ departmentId: reply.id, staffUserId: null }), { kind: 'unknown_department' });
      const result = await assign({ departmentId: null, staffUserId: webcareId });
      assert.equal(result.kind, 'assigned');
      const told = await t.db.select().from(staffNotifications).where(eq(staffNotifications.staffUserId, webcareId));
      const notice = told.find((n) => n.params.itemId === reply.id);
      assert.equal(notice?.kind, 'item_assigned');
      const params = notice?.params as { consultation?: { nl: string } } | undefined;
      assert.equal(params?.consultation?.nl, 'Nieuwe fietsroute Stationsstraat', 'named by its consultation');
    });

    it('takes the answers along when the post is erased on request, and then refuses to act on it', async () => {
      const { threadId, reply } = await mirror('34', 'wis');
      await publish(reply.id);
      assert.equal((await answer(reply.id)).kind, 'answered');
      const report = await erasePersonalData(
        t.db,
        { handle: 'wis@social.gemeente.example' },
        { now: NOW, actor: { type: 'staff', id: actor.id } },
      );
      assert.equal(report.socialPosts, 1);
      assert.deepEqual(await answersOf(reply.id), []);
      const thread = await (await t.app.request(`/api/threads/${threadId}`)).json();
      assert.doesNotMatch(JSON.stringify(thread), /we kijken ernaar/);
      assert.deepEqual(await answer(reply.id), { kind: 'not_found' });
      const assignment = { departmentId: null, staffUserId: webcareId };
      assert.deepEqual(await assignItem(t.db, { itemId: reply.id, assignment, actor, now: NOW }), {
        kind: 'not_found',
      });
    });

    it('takes the answers along when the post is deleted at the source', async () => {
      const { threadId, reply } = await mirror('35');
      await publish(reply.id);
      assert.equal((await answer(reply.id)).kind, 'answered');
      await syncThread(t.db, threadId, {
        now: new Date(NOW.getTime() + 60_000),
        read: async () => importMastodonThread(payload('35', 'anna', []), directory),
      });
      assert.deepEqual(await answersOf(reply.id), []);
    });

    it("routes a resident's new reply by the topic's rule for the social channel, and tells the assignee", async () => {
      const [consultation] = await t.db.select().from(consultations).where(eq(consultations.id, consultationId));
      const [topic] = await t.db.select().from(topics).where(eq(topics.id, consultation!.topicId));
      await t.db
        .insert(routingRules)
        .values({ organisationId, topicId: topic!.id, channel: 'social', staffUserId: webcareId });
      try {
        const { threadId, reply } = await mirror('36');
        assert.equal(reply.assignedStaffUserId, webcareId);
        const [root] = await t.db
          .select()
          .from(socialPosts)
          .where(and(eq(socialPosts.threadId, threadId), eq(socialPosts.externalId, '36')));
        assert.equal(root!.assignedStaffUserId, null, "the municipality's own post waits for nobody");
        const told = await t.db.select().from(staffNotifications).where(eq(staffNotifications.staffUserId, webcareId));
        assert.ok(told.some((n) => n.kind === 'item_assigned' && n.params.itemId === reply.id));
      } finally {
        await t.db.delete(routingRules).where(eq(routingRules.topicId, topic!.id));
      }
    });
  });
}
