/**
 * The automatic intake against the local Mastodon instance and Bluesky PDS: a resident's
 * mention becomes a waiting post in a new mirrored conversation, a reply joins the thread
 * already mirrored, each post is taken in once (also with two pollers at once, and when the
 * cursor is lost), the cursor moves on, a 429 moves the next poll to the platform's reset, other
 * errors back off, and a refused credential marks the account for an administrator, audited
 * and not polled again.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { and, eq, isNull } from 'drizzle-orm';
import {
  auditLog,
  jobLeases,
  organisations,
  socialAccountIntake,
  socialAccounts,
  socialPosts,
  socialThreads,
} from '../../../api/db/schema.ts';
import { connectBlueskyAccount, connectMastodonAccount, listAccounts } from '../../../api/services/social/accounts.ts';
import { INTAKE_JOB, pollIntakeIfDue, type IntakeSettings } from '../../../api/services/social/intake.ts';
import { importThreadFrom } from '../../../api/services/social/thread-admin.ts';
import { openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import {
  BSKY_DID,
  BSKY_HANDLE,
  seedMastodonThread,
  startPlatformServer,
  type PlatformServer,
} from '../../support/platform-server.ts';
import { addStaffUser } from '../../support/staff.ts';

const TOKEN = 'tok-intake-0123456789';
const APP_PASSWORD = 'abcd-efgh-ijkl-mnop';
const EVERY_MS = 10_000;

for (const target of databaseTargets()) {
  describe(`automatic intake of mentions and replies (${target.name})`, () => {
    let t: TestApp;
    let platform: PlatformServer;
    let organisationId: string;
    let adminId: string;
    const key = randomBytes(32);
    // The platform's clock is the real one: notifications are stamped as they are made.
    let current = Date.now();
    const now = () => new Date(current);
    let settings: IntakeSettings;

    before(async () => {
      t = await openTestApp(target);
      platform = await startPlatformServer();
      platform.tokens.set(TOKEN, 'gemeente');
      platform.appPasswords.set(BSKY_HANDLE, APP_PASSWORD);
      platform.appPasswords.set(BSKY_DID, APP_PASSWORD);
      organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
      adminId = await addStaffUser(t, 'beheer@demodam.example', 'administrator');
      settings = {
        posting: { secretKey: key, allowPrivateHosts: true },
        imports: { allowPrivateHosts: true, blueskyAppView: platform.origin },
      };
    });
    after(async () => {
      await platform.close();
      await t.close();
    });
    // Each test starts with the deployment's lease free and the clock at the platform's.
    beforeEach(async () => {
      current = Date.now();
      await t.db.delete(jobLeases).where(eq(jobLeases.name, INTAKE_JOB));
    });

    const poll = () => pollIntakeIfDue(t.db, settings, { now, everyMs: EVERY_MS });
    const connectMastodon = async () => {
      const outcome = await connectMastodonAccount(
        t.db,
        { organisationId, staffUserId: adminId, instance: platform.origin, token: TOKEN, now: now() },
        settings.posting,
      );
      assert.equal(outcome.kind, 'connected');
      return (outcome as { account: { id: string } }).account.id;
    };
    const intakeOf = async (accountId: string) =>
      (await t.db.select().from(socialAccountIntake).where(eq(socialAccountIntake.accountId, accountId)))[0]!;
    const postsWithId = (externalId: string) =>
      t.db.select().from(socialPosts).where(eq(socialPosts.externalId, externalId));
    const notificationReads = () => platform.requests.filter((p) => p === '/api/v1/notifications').length;
    const due = async (accountId: string) => {
      await t.db
        .update(socialAccountIntake)
        .set({ nextPollAt: now() })
        .where(eq(socialAccountIntake.accountId, accountId));
      await t.db.delete(jobLeases).where(eq(jobLeases.name, INTAKE_JOB));
    };

    let mastodonAccount: string;

    it('takes a mention into a new mirrored conversation that waits for moderation, once, and moves the cursor', async () => {
      mastodonAccount = await connectMastodon();
      const { statusId, notificationId } = platform.mention('anna', 'De lantaarnpaal in de Kerkstraat is kapot.');
      const results = await poll();
      assert.deepEqual(
        results?.map((r) => [r.platform, r.taken, r.error]),
        [['mastodon', 1, undefined]],
      );
      const [post] = await postsWithId(statusId);
      assert.ok(post, 'the mention is mirrored');
      assert.equal(post.reviewState, 'new');
      assert.ok(post.screening, 'screened like every mirrored post');
      assert.ok(post.responseDueAt, 'its answer clock runs');
      const [thread] = await t.db.select().from(socialThreads).where(eq(socialThreads.id, post.threadId));
      assert.equal(thread!.organisationId, organisationId);
      assert.equal(thread!.externalId, statusId);
      assert.match(thread!.title!.nl, /^Bericht aan @gemeente@127\.0\.0\.1:\d+ op Mastodon, /);
      assert.doesNotMatch(JSON.stringify(thread!.title), /anna/);
      assert.equal((await intakeOf(mastodonAccount)).cursor, notificationId);

      // The next pass asks only for what is newer, and takes nothing twice.
      await due(mastodonAccount);
      const again = await poll();
      assert.equal(again?.[0]?.taken, 0);
      assert.equal((await postsWithId(statusId)).length, 1);
      assert.equal((await intakeOf(mastodonAccount)).cursor, notificationId);
    });

    it('mirrors a reply to a mirrored post into that thread, and leaves a direct mention out', async () => {
      const root = String(Date.now()).slice(-8);
      seedMastodonThread(platform, root);
      const imported = await importThreadFrom(t.db, {
        organisationId,
        url: platform.mastodonUrl(root),
        settings: settings.imports,
        now: now(),
      });
      assert.equal(imported.kind, 'imported');
      const threadId = (imported as { threadId: string }).threadId;
      const reply = platform.mention('carla', 'Kan de route ook langs de school?', { inReplyTo: root });
      const direct = platform.mention('dirk', 'Mijn adres is Kerkstraat 1.', { visibility: 'direct' });
      await due(mastodonAccount);
      const results = await poll();
      assert.equal(results?.[0]?.taken, 1);
      const [post] = await postsWithId(reply.statusId);
      assert.equal(post!.threadId, threadId, 'into the thread whose root is mirrored');
      assert.equal((await postsWithId(direct.statusId)).length, 0);
      assert.equal((await intakeOf(mastodonAccount)).cursor, direct.notificationId);
    });

    it('takes a post in once when two pollers run at once, and again once when the cursor was lost', async () => {
      const { statusId } = platform.mention('emma', 'Wanneer wordt het gras gemaaid?');
      await due(mastodonAccount);
      const [first, second] = await Promise.all([poll(), poll()]);
      assert.equal([first, second].filter((r) => r === undefined).length, 1, 'one of them holds the lease');
      assert.equal((await postsWithId(statusId)).length, 1);

      await t.db
        .update(socialAccountIntake)
        .set({ cursor: null })
        .where(eq(socialAccountIntake.accountId, mastodonAccount));
      await due(mastodonAccount);
      const results = await poll();
      assert.equal(results?.[0]?.taken, 0);
      assert.equal((await postsWithId(statusId)).length, 1);
    });

    it('waits until the reset a 429 names, without asking the platform in between', async () => {
      const { statusId } = platform.mention('fleur', 'Is de milieustraat zaterdag open?');
      await due(mastodonAccount);
      platform.trouble({ kind: 'rate_limited', retryAfterSeconds: 600, style: 'mastodon' });
      const results = await poll();
      assert.equal(results?.[0]?.error, 'rate_limited');
      const intake = await intakeOf(mastodonAccount);
      // The mock stamps its reset with the real clock; the account waits until then.
      const reset = intake.nextPollAt.getTime() - Date.now();
      assert.ok(reset > 590_000 && reset <= 600_000, `waits for the platform's reset, not ${reset} ms`);
      assert.equal(intake.failures, 0);
      assert.equal((await postsWithId(statusId)).length, 0);

      const reads = notificationReads();
      await t.db.delete(jobLeases).where(eq(jobLeases.name, INTAKE_JOB));
      current = Math.max(current, Date.now()) + 60_000;
      assert.deepEqual(await poll(), [], 'not due before the reset');
      assert.equal(notificationReads(), reads);

      current = intake.nextPollAt.getTime() + 1000;
      await t.db.delete(jobLeases).where(eq(jobLeases.name, INTAKE_JOB));
      assert.equal((await poll())?.[0]?.taken, 1);
      assert.equal((await postsWithId(statusId)).length, 1);
    });

    it('backs off exponentially after other errors', async () => {
      await due(mastodonAccount);
      platform.trouble({ kind: 'not_found' }, 2);
      const first = await poll();
      assert.equal(first?.[0]?.error, 'unavailable');
      let intake = await intakeOf(mastodonAccount);
      assert.equal(intake.failures, 1);
      assert.equal(intake.nextPollAt.getTime() - current, EVERY_MS * 2);
      current = intake.nextPollAt.getTime();
      await t.db.delete(jobLeases).where(eq(jobLeases.name, INTAKE_JOB));
      await poll();
      intake = await intakeOf(mastodonAccount);
      assert.equal(intake.failures, 2);
      assert.equal(intake.nextPollAt.getTime() - current, EVERY_MS * 4);
      await due(mastodonAccount);
      assert.equal((await poll())?.[0]?.error, undefined);
      assert.equal((await intakeOf(mastodonAccount)).failures, 0);
    });

    it('marks an account whose token is refused as needing attention, audited, and polls it no more until it is connected again', async () => {
      platform.tokens.delete(TOKEN);
      await due(mastodonAccount);
      const results = await poll();
      assert.equal(results?.[0]?.error, 'token_rejected');
      const intake = await intakeOf(mastodonAccount);
      assert.ok(intake.attentionSince);
      const listed = (await listAccounts(t.db, organisationId)).find((a) => a.id === mastodonAccount);
      assert.ok(listed?.attentionSince);
      const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'social_account.needs_attention'));
      assert.equal(audit.length, 1);
      assert.doesNotMatch(JSON.stringify(audit), new RegExp(TOKEN));

      const reads = notificationReads();
      await due(mastodonAccount);
      assert.deepEqual(await poll(), []);
      assert.equal(notificationReads(), reads, 'not retried in a loop');

      // Connected again with a good token: the old connection is replaced, the new one polled.
      platform.tokens.set(TOKEN, 'gemeente');
      const renewed = await connectMastodon();
      const active = await t.db
        .select()
        .from(socialAccounts)
        .where(and(eq(socialAccounts.platform, 'mastodon'), isNull(socialAccounts.revokedAt)));
      assert.deepEqual(
        active.map((a) => a.id),
        [renewed],
      );
      const { statusId } = platform.mention('gijs', 'Fijn dat het weer werkt.');
      await t.db.delete(jobLeases).where(eq(jobLeases.name, INTAKE_JOB));
      const after = await poll();
      assert.deepEqual(
        after?.map((r) => [r.accountId, r.taken]),
        [[renewed, 1]],
      );
      assert.equal((await postsWithId(statusId)).length, 1);
      mastodonAccount = renewed;
    });

    it('connects a Bluesky account only with its app password, and keeps neither it nor the session readable', async () => {
      const connect = (identifier: string, appPassword: string) =>
        connectBlueskyAccount(
          t.db,
          { organisationId, staffUserId: adminId, pds: platform.origin, identifier, appPassword, now: now() },
          settings.posting,
        );
      assert.equal((await connect(BSKY_HANDLE, 'my-own-password')).kind, 'not_app_password');
      assert.deepEqual(platform.sessions, [], 'an account password is never sent');
      assert.equal((await connect(BSKY_HANDLE, 'zzzz-zzzz-zzzz-zzzz')).kind, 'token_rejected');
      const outcome = await connect(`@${BSKY_HANDLE}`, APP_PASSWORD);
      assert.equal(outcome.kind, 'connected');
      const [row] = await t.db.select().from(socialAccounts).where(eq(socialAccounts.platform, 'bluesky'));
      assert.equal(row!.externalId, BSKY_DID);
      assert.equal(row!.handle, `@${BSKY_HANDLE}`);
      assert.equal(row!.instanceUrl, platform.origin);
      assert.ok(row!.tokenSealed && !row!.tokenSealed.includes(APP_PASSWORD));
      const intake = await intakeOf(row!.id);
      assert.ok(intake.sessionSealed && !intake.sessionSealed.includes('access-'));
    });

    it('takes Bluesky replies, mentions and quotes in, refreshes an expired session, and marks a refused app password', async () => {
      const [row] = await t.db
        .select()
        .from(socialAccounts)
        .where(and(eq(socialAccounts.platform, 'bluesky'), isNull(socialAccounts.revokedAt)));
      const accountId = row!.id;
      const mention = platform.blueskyMention('did:plc:anna', 'Hoi @gemeente.bsky.social, de stoep is kapot.');
      platform.blueskyMention('did:plc:bert', 'Leuk!', { reason: 'like' });
      const reply = platform.blueskyMention('did:plc:bert', 'Eens, al weken.', { reason: 'reply', parent: mention });
      await due(accountId);
      const results = (await poll())!.filter((r) => r.accountId === accountId);
      assert.deepEqual(
        results.map((r) => [r.taken, r.error]),
        [[1, undefined]],
        'the reply came with its thread',
      );
      const [stored] = await postsWithId(mention);
      const [replied] = await postsWithId(reply);
      assert.equal(stored!.reviewState, 'new');
      assert.equal(replied!.threadId, stored!.threadId);
      assert.deepEqual(platform.sessions.at(-1), 'created', 'the session of connecting was used');
      const sessionsBefore = platform.sessions.length;

      platform.expireBlueskySessions();
      const later = platform.blueskyMention('did:plc:carla', 'Wanneer komt de vuilniswagen?', { reason: 'quote' });
      await due(accountId);
      assert.equal((await poll())!.find((r) => r.accountId === accountId)?.taken, 1);
      assert.deepEqual(platform.sessions.slice(sessionsBefore), ['refreshed']);
      assert.equal((await postsWithId(later)).length, 1);

      platform.expireBlueskySessions({ refreshToo: true });
      platform.appPasswords.delete(BSKY_DID);
      await due(accountId);
      assert.equal((await poll())!.find((r) => r.accountId === accountId)?.error, 'token_rejected');
      assert.ok((await intakeOf(accountId)).attentionSince);
      assert.equal((await intakeOf(accountId)).sessionSealed, null);
    });

    it('reads a Bluesky burst of more than five pages over several passes, through a 429 on a middle page, losing nothing and taking nothing twice', async () => {
      // Connected anew (the test before left the app password refused): the intake starts at this moment.
      platform.appPasswords.set(BSKY_DID, APP_PASSWORD);
      const connected = await connectBlueskyAccount(
        t.db,
        {
          organisationId,
          staffUserId: adminId,
          pds: platform.origin,
          identifier: BSKY_HANDLE,
          appPassword: APP_PASSWORD,
          now: now(),
        },
        settings.posting,
      );
      assert.equal(connected.kind, 'connected');
      const accountId = (connected as { account: { id: string } }).account.id;
      // 360 mentions: seven pages of 50 and a bit (likes are not asked for, so they fill no page).
      const burst: string[] = [];
      for (let i = 0; i < 360; i++) {
        burst.push(platform.blueskyMention(`did:plc:r${i}`, `Melding ${i}: de lantaarnpaal is stuk.`));
      }
      const reads = () => platform.requests.filter((p) => p === '/xrpc/app.bsky.notification.listNotifications').length;
      const pass = async () => {
        await due(accountId);
        const before = reads();
        const result = (await poll())!.find((r) => r.accountId === accountId)!;
        return { ...result, reads: reads() - before };
      };

      // First pass: two pages in, then the third page meets a rate limit.
      platform.trouble({ kind: 'rate_limited', retryAfterSeconds: 60, style: 'bluesky' }, 1, {
        path: '/xrpc/app.bsky.notification.listNotifications',
        after: 2,
      });
      const first = await pass();
      assert.equal(first.error, 'rate_limited');
      assert.equal(first.reads, 3);
      assert.equal(first.taken, 100, 'the two pages read before the 429 are kept');
      const left = JSON.parse((await intakeOf(accountId)).cursor!) as { since: string; until: string; newest: string };
      assert.ok(left.since < left.until && left.until < left.newest, 'what is left is stored as a window');

      // Second pass: the part left over first, five pages (the cap), and still not back.
      const second = await pass();
      assert.equal(second.error, undefined);
      assert.equal(second.reads, 5);
      assert.equal(second.taken, 250);
      assert.match((await intakeOf(accountId)).cursor!, /^\{/);

      // New posts arrive meanwhile; the third pass reads the rest of the burst, then them.
      const meanwhile = [1, 2, 3].map((i) => platform.blueskyMention('did:plc:nieuw', `Nog een melding ${i}`));
      const third = await pass();
      assert.equal(third.taken, 10 + 3);
      assert.equal(third.reads, 2);
      const mark = (await intakeOf(accountId)).cursor!;
      assert.doesNotMatch(mark, /^\{/, 'back to a plain mark');

      const fourth = await pass();
      assert.equal(fourth.taken, 0);
      assert.equal((await intakeOf(accountId)).cursor, mark);

      for (const uri of [...burst, ...meanwhile]) {
        assert.equal((await postsWithId(uri)).length, 1, `${uri} taken in exactly once`);
      }
    });
  });
}
