/**
 * Four eyes on webcare's answers (services/moderation/answer-approval.ts) against the local
 * Mastodon instance with the municipality's account connected: where the channel's guidelines
 * ask for it, an answer waits (not in the mirror, not queued for posting, the clock running);
 * its writer cannot approve or send it back; a colleague sends it back with a note or approves
 * it, and only then is it published, queued for the platform as any answer, and the clock
 * stopped. Every step is audited and made on the item's version.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import {
  auditLog,
  channelGuidelines,
  organisations,
  outboxMessages,
  staffNotificationPreferences,
  staffNotifications,
  socialPostings,
  socialPosts,
  staffReplies,
} from '../../../api/db/schema.ts';
import { answerApprovalFor, approveAnswer, returnAnswer } from '../../../api/services/moderation/answer-approval.ts';
import { answerItem, type Actor } from '../../../api/services/moderation/index.ts';
import { saveItem } from '../../../api/services/moderation/save-item.ts';
import { connectMastodonAccount } from '../../../api/services/social/accounts.ts';
import { importThreadFrom } from '../../../api/services/social/thread-admin.ts';
import { NOW, openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { seedMastodonThread, startPlatformServer, type PlatformServer } from '../../support/platform-server.ts';
import { addStaffUser } from '../../support/staff.ts';

const TOKEN = 'tok-gemeente-four-eyes';
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

for (const target of databaseTargets()) {
  describe(`four eyes on answers to social posts (${target.name})`, () => {
    let t: TestApp;
    let platform: PlatformServer;
    let organisationId: string;
    let writer: Actor;
    let colleague: Actor;
    let moderator: Actor;
    let analyst: Actor;

    const actorFor = async (email: string, role: 'webcare' | 'moderator' | 'analyst'): Promise<Actor> => ({
      id: await addStaffUser(t, email, role),
      organisationId,
      roles: [{ role, departmentId: null }],
    });

    before(async () => {
      t = await openTestApp(target);
      platform = await startPlatformServer();
      platform.tokens.set(TOKEN, 'gemeente');
      organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
      writer = await actorFor('schrijver@four-eyes.example', 'webcare');
      colleague = await actorFor('collega@four-eyes.example', 'webcare');
      moderator = await actorFor('moderator@four-eyes.example', 'moderator');
      analyst = await actorFor('analist@four-eyes.example', 'analyst');
      const connected = await connectMastodonAccount(
        t.db,
        { organisationId, staffUserId: moderator.id, instance: platform.origin, token: TOKEN, now: NOW },
        { secretKey: randomBytes(32), allowPrivateHosts: true },
      );
      assert.equal(connected.kind, 'connected');
    });
    after(async () => {
      await platform.close();
      await t.close();
    });

    const requireApproval = (on: boolean) =>
      t.db
        .update(channelGuidelines)
        .set({ answersNeedApproval: on })
        .where(and(eq(channelGuidelines.organisationId, organisationId), eq(channelGuidelines.platform, 'mastodon')));

    /** A resident's published reply in a live thread on the local instance. */
    async function residentPost(rootId: string) {
      seedMastodonThread(platform, rootId);
      const outcome = await importThreadFrom(t.db, {
        organisationId,
        url: platform.mastodonUrl(rootId),
        accounts: { ownAccounts: ['gemeente'] },
        publish: true,
        settings: { allowPrivateHosts: true },
        now: NOW,
      });
      assert.equal(outcome.kind, 'imported');
      const threadId = (outcome as { threadId: string }).threadId;
      const [reply] = await t.db
        .select()
        .from(socialPosts)
        .where(and(eq(socialPosts.threadId, threadId), eq(socialPosts.externalId, `${rootId}1`)));
      return reply!;
    }
    const postNow = async (id: string) => (await t.db.select().from(socialPosts).where(eq(socialPosts.id, id)))[0]!;
    const repliesOf = (id: string) => t.db.select().from(staffReplies).where(eq(staffReplies.socialPostId, id));
    const postingsOf = (id: string) => t.db.select().from(socialPostings).where(eq(socialPostings.socialPostId, id));
    /** The audited steps of answering the post, in order (the import's decision aside). */
    const actionsOn = async (id: string) =>
      (await t.db.select().from(auditLog).where(eq(auditLog.subjectId, id)).orderBy(auditLog.id))
        .map((row) => row.action)
        .filter((action) => action.startsWith('social_post.answer'));
    const write = (id: string, body: string, version?: number) =>
      answerItem(t.db, { itemId: id, body, language: 'nl', actor: writer, now: later(5), expectedVersion: version });

    it('publishes an answer at once where the channel asks for no approval, as before', async () => {
      await requireApproval(false);
      const post = await residentPost('80');
      assert.equal((await write(post.id, 'Dank u, we kijken ernaar.')).kind, 'answered');
      assert.equal((await repliesOf(post.id)).length, 1);
      assert.equal((await postingsOf(post.id)).length, 1);
    });

    it('keeps an answer waiting where the channel asks for four eyes: not published, not queued, the clock running', async () => {
      await requireApproval(true);
      const post = await residentPost('81');
      const result = await write(post.id, 'Dank u, de veegwagen komt eraan.', post.version);
      assert.equal(result.kind, 'awaiting_approval');
      assert.deepEqual(await repliesOf(post.id), []);
      assert.deepEqual(await postingsOf(post.id), []);
      const now = await postNow(post.id);
      assert.equal(now.reviewState, post.reviewState);
      assert.equal(now.firstResponseAt, null);
      assert.equal(now.version, post.version + 1);
      const shown = await answerApprovalFor(t.db, organisationId, post.id);
      assert.equal(shown?.state, 'awaiting');
      assert.equal(shown?.writtenBy.id, writer.id);
      assert.equal(shown?.writtenBy.name, 'schrijver');
      assert.deepEqual(await actionsOn(post.id), ['social_post.answer_submitted']);
    });

    it('refuses a second answer while one waits, on the answer page and in the item form', async () => {
      const post = await residentPost('82');
      assert.equal((await write(post.id, 'Eerste antwoord.')).kind, 'awaiting_approval');
      assert.equal((await write(post.id, 'Tweede antwoord.')).kind, 'approval_pending');
      const saved = await saveItem(t.db, {
        itemId: post.id,
        expectedVersion: (await postNow(post.id)).version,
        answer: { body: 'Derde antwoord.', language: 'nl' },
        actor: colleague,
        now: later(6),
      });
      assert.equal(saved.kind, 'answer_approval_pending');
    });

    it('refuses the writer who approves or sends back their own answer, and a role without the permission', async () => {
      const post = await residentPost('83');
      await write(post.id, 'Mijn eigen antwoord.');
      const version = (await postNow(post.id)).version;
      const step = { itemId: post.id, expectedVersion: version, now: later(7) };
      assert.equal((await approveAnswer(t.db, { ...step, actor: writer })).kind, 'own_answer');
      assert.equal((await returnAnswer(t.db, { ...step, actor: writer, note: 'Toch niet.' })).kind, 'own_answer');
      assert.equal((await approveAnswer(t.db, { ...step, actor: analyst })).kind, 'forbidden');
      assert.deepEqual(await repliesOf(post.id), []);
      assert.equal((await postNow(post.id)).version, version);
    });

    it('refuses a step on an older version with who changed what, and a step with nothing waiting', async () => {
      const post = await residentPost('84');
      const step = { itemId: post.id, expectedVersion: post.version, now: later(7), actor: colleague };
      assert.equal((await approveAnswer(t.db, step)).kind, 'nothing_awaiting');
      await write(post.id, 'Een antwoord.');
      const stale = await approveAnswer(t.db, step);
      assert.equal(stale.kind, 'stale');
      assert.equal((stale as { changes: Array<{ action: string }> }).changes[0]?.action, 'answer_submitted');
      const missing = await approveAnswer(t.db, { ...step, itemId: '00000000-0000-4000-8000-000000000000' });
      assert.equal(missing.kind, 'not_found');
    });

    it('sends an answer back with a note (a note is required), after which the writer writes a new one', async () => {
      const post = await residentPost('85');
      await write(post.id, 'Een antwoord met een fout.');
      const version = (await postNow(post.id)).version;
      const step = { itemId: post.id, expectedVersion: version, now: later(8), actor: moderator };
      assert.equal((await returnAnswer(t.db, { ...step, note: '   ' })).kind, 'note_required');
      assert.equal((await returnAnswer(t.db, { ...step, note: 'x'.repeat(2001) })).kind, 'note_too_long');
      assert.equal((await returnAnswer(t.db, { ...step, note: 'Noem de datum.' })).kind, 'returned');
      const shown = await answerApprovalFor(t.db, organisationId, post.id);
      assert.equal(shown?.state, 'returned');
      assert.equal(shown?.returnNote, 'Noem de datum.');
      assert.equal(shown?.decidedBy, 'moderator');
      assert.deepEqual(await repliesOf(post.id), []);
      assert.equal((await postNow(post.id)).firstResponseAt, null);
      assert.equal((await write(post.id, 'Het goede antwoord, op 12 december.')).kind, 'awaiting_approval');
      assert.deepEqual(await actionsOn(post.id), [
        'social_post.answer_submitted',
        'social_post.answer_returned',
        'social_post.answer_submitted',
      ]);
    });

    it('tells the writer their answer was sent back, in the workbench and by e-mail in their language, without the note', async () => {
      const post = await residentPost('88');
      await write(post.id, 'Een antwoord dat terugkomt.');
      const mine = () => t.db.select().from(staffNotifications).where(eq(staffNotifications.staffUserId, writer.id));
      const mails = () => t.db.select().from(outboxMessages).where(eq(outboxMessages.staffUserId, writer.id));
      await t.db
        .insert(staffNotificationPreferences)
        .values({ staffUserId: writer.id, language: 'en', channels: {}, updatedAt: NOW })
        .onConflictDoUpdate({ target: staffNotificationPreferences.staffUserId, set: { language: 'en' } });
      const note = 'Mevrouw Jansen van de Dorpsstraat 4 wil een datum.';
      const version = (await postNow(post.id)).version;
      const step = { itemId: post.id, expectedVersion: version, now: later(10), actor: colleague, note };
      assert.equal((await returnAnswer(t.db, step)).kind, 'returned');
      const told = (await mine()).filter((n) => n.kind === 'answer_returned' && n.params['itemId'] === post.id);
      assert.equal(told.length, 1);
      const sent = (await mails()).filter((m) => m.kind === 'staff.answer_returned' && m.text.includes(post.id));
      assert.equal(sent.length, 1);
      const mail = sent[0]!;
      assert.ok(mail.text.includes(`/en/manage/items/${post.id}`), 'the mail links the item, in English');
      assert.equal(mail.recipient, 'schrijver@four-eyes.example');
      assert.equal(mail.subject, 'Answer sent back');
      assert.match(mail.text, /A colleague sent your answer .* back with a note\./);
      assert.ok(!mail.text.includes('Jansen') && !mail.html.includes('Jansen'), 'the note stays on the item');
      assert.ok(!mail.text.includes('Een antwoord dat terugkomt'), 'nor the answer itself');
      // Nobody else is told, and the colleague who sent it back is not told of their own step.
      assert.equal(
        (await t.db.select().from(staffNotifications).where(eq(staffNotifications.staffUserId, colleague.id))).filter(
          (n) => n.kind === 'answer_returned',
        ).length,
        0,
      );
      // In Dutch for a writer who chose Dutch.
      await t.db
        .update(staffNotificationPreferences)
        .set({ language: 'nl' })
        .where(eq(staffNotificationPreferences.staffUserId, writer.id));
      await write(post.id, 'Het tweede antwoord.');
      const again = { ...step, expectedVersion: (await postNow(post.id)).version, now: later(11), note: 'Nog niet.' };
      assert.equal((await returnAnswer(t.db, again)).kind, 'returned');
      const dutch = (await mails()).filter(
        (m) => m.kind === 'staff.answer_returned' && m.text.includes(`/beheer/items/${post.id}`),
      );
      assert.equal((await mine()).filter((n) => n.params['itemId'] === post.id).length, 2, 'each answer once');
      assert.equal(dutch.length, 1);
      assert.equal(dutch[0]!.subject, 'Antwoord teruggestuurd');
      assert.match(dutch[0]!.text, /Een collega heeft uw antwoord .* teruggestuurd met een opmerking\./);
    });

    it('publishes an approved answer by its writer, queues it for the platform and stops the clock at the approval', async () => {
      const post = await residentPost('86');
      await write(post.id, 'Dank u, het is opgelost.');
      const version = (await postNow(post.id)).version;
      const approved = await approveAnswer(t.db, {
        itemId: post.id,
        expectedVersion: version,
        now: later(90),
        actor: colleague,
      });
      assert.equal(approved.kind, 'approved');
      assert.equal((approved as { posting: boolean }).posting, true);
      const [reply] = await repliesOf(post.id);
      assert.equal(reply?.staffUserId, writer.id);
      assert.equal(reply?.body, 'Dank u, het is opgelost.');
      assert.deepEqual(reply?.publishedAt, later(90));
      const [posting] = await postingsOf(post.id);
      assert.equal(posting?.state, 'pending');
      assert.equal(posting?.staffReplyId, reply?.id);
      const now = await postNow(post.id);
      assert.equal(now.reviewState, 'answered');
      assert.deepEqual(now.firstResponseAt, later(90));
      assert.equal(now.version, version + 1);
      assert.equal(await answerApprovalFor(t.db, organisationId, post.id), undefined);
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, post.id), eq(auditLog.action, 'social_post.answer_approved')));
      assert.equal(entry?.actorId, colleague.id);
      assert.equal(entry?.details['author'], writer.id);
      assert.equal(entry?.details['posting'], true);
      // Approved once: a second approval finds nothing waiting.
      const again = await approveAnswer(t.db, {
        itemId: post.id,
        expectedVersion: now.version,
        now: later(91),
        actor: moderator,
      });
      assert.equal(again.kind, 'nothing_awaiting');
    });

    it('refuses to approve an answer under a post that was rejected while it waited', async () => {
      const post = await residentPost('87');
      await write(post.id, 'Een antwoord.');
      await t.db.update(socialPosts).set({ reviewState: 'rejected' }).where(eq(socialPosts.id, post.id));
      const version = (await postNow(post.id)).version;
      const result = await approveAnswer(t.db, {
        itemId: post.id,
        expectedVersion: version,
        now: later(9),
        actor: colleague,
      });
      assert.equal(result.kind, 'not_published');
      assert.deepEqual(await repliesOf(post.id), []);
    });
  });
}
