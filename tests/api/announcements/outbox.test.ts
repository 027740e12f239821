/**
 * Announcements on their way to the platforms, against the local Mastodon instance and
 * Bluesky PDS: published on the portal at their moment, posted once to each chosen account
 * with the image and its alternative text, the content warning and the portal's address;
 * a 429 waits for the platform's reset time, a rejected token stops with the reason audited;
 * an edit is carried to the post, a deletion removes it.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  announcementPostings,
  announcements,
  auditLog,
  organisations,
  socialAccounts,
} from '../../../api/db/schema.ts';
import {
  deleteAnnouncement,
  saveAnnouncement,
  scheduleAnnouncement,
  type AnnouncementValues,
} from '../../../api/services/announcements/compose.ts';
import { postDueAnnouncements } from '../../../api/services/announcements/outbox.ts';
import { seal } from '../../../api/services/social/secret-box.ts';
import { NOW, openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { BSKY_HANDLE, startPlatformServer, type PlatformServer } from '../../support/platform-server.ts';
import { addStaffUser } from '../../support/staff.ts';
import { PNG_40x30 } from '../../support/image-fixtures.ts';

/** A real image: stored images are read and stripped of their metadata, which a fake one fails. */
const PNG = PNG_40x30;
const PUBLIC_URL = 'https://podium.demodam.example';
/** Monday 30 November 2026, 10:00 in Amsterdam. */
const MONDAY = new Date('2026-11-30T09:00:00Z');
const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

for (const target of databaseTargets()) {
  describe(`posting announcements (${target.name})`, () => {
    let t: TestApp;
    let platform: PlatformServer;
    let actor: { id: string; organisationId: string };
    let mastodonId: string;
    let blueskyId: string;
    const key = randomBytes(32);
    const settings = { secretKey: key, allowPrivateHosts: true, publicUrl: PUBLIC_URL };

    before(async () => {
      t = await openTestApp(target);
      platform = await startPlatformServer();
      platform.tokens.set('tok-announce', 'gemeente');
      platform.appPasswords.set(BSKY_HANDLE, 'app-pass-announce');
      const organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
      actor = { id: await addStaffUser(t, 'poster@demodam.example', 'poster'), organisationId };
      const rows = await t.db
        .insert(socialAccounts)
        .values([
          {
            organisationId,
            platform: 'mastodon',
            instanceUrl: platform.origin,
            externalId: '1',
            handle: '@gemeente@127.0.0.1',
            tokenSealed: seal('tok-announce', key),
            createdAt: NOW,
          },
          {
            organisationId,
            platform: 'bluesky',
            instanceUrl: platform.origin,
            externalId: 'did:plc:gemeente',
            handle: `@${BSKY_HANDLE}`,
            tokenSealed: seal('app-pass-announce', key),
            createdAt: NOW,
          },
        ])
        .returning();
      mastodonId = rows[0]!.id;
      blueskyId = rows[1]!.id;
    });
    after(async () => {
      await platform.close();
      await t.close();
    });

    async function scheduled(title: string, accountIds: string[], extra: Partial<AnnouncementValues> = {}) {
      const saved = await saveAnnouncement(t.db, {
        actor,
        values: {
          kind: 'roadworks',
          title,
          body: `Van 1 tot 5 december werken we aan de Dorpsstraat. (${title})`,
          language: 'nl',
          contentWarning: null,
          accountIds,
          ...extra,
        },
        newImages: [{ bytes: PNG, mime: 'image/png', description: 'Kaart van de omleiding' }],
        imageChanges: [],
        now: NOW,
        publicUrl: PUBLIC_URL,
      });
      assert.equal(saved.kind, 'saved');
      const { id, version } = saved as { id: string; version: number };
      const step = await scheduleAnnouncement(t.db, {
        actor,
        id,
        version,
        scheduledAt: MONDAY,
        now: NOW,
        publicUrl: PUBLIC_URL,
      });
      assert.equal(step.kind, 'scheduled');
      return id;
    }
    const postingsOf = (id: string) =>
      t.db.select().from(announcementPostings).where(eq(announcementPostings.announcementId, id));
    const pass = (now: Date) => postDueAnnouncements(t.db, settings, { now: () => now });

    it('waits for its moment, then publishes it and posts it once to each account with the image and its alternative text', async () => {
      const id = await scheduled('Werk aan de Dorpsstraat', [mastodonId, blueskyId], {
        contentWarning: 'Wegafsluiting',
      });
      const early = await pass(NOW);
      assert.deepEqual([early.released, early.posted], [0, 0], 'nothing before its moment');
      const due = await pass(MONDAY);
      assert.equal(due.released, 1);
      assert.equal(due.posted, 2);
      const [row] = await t.db.select().from(announcements).where(eq(announcements.id, id));
      assert.equal(row!.state, 'published');

      const posted = platform.posted.at(-1)!.body as {
        status: string;
        spoiler_text: string;
        media_ids: string[];
        language: string;
      };
      assert.match(posted.status, /Dorpsstraat/);
      assert.match(posted.status, /https:\/\/podium\.demodam\.example\/nieuws\/werk-aan-de-dorpsstraat\//);
      assert.equal(posted.spoiler_text, 'Wegafsluiting');
      assert.equal(posted.language, 'nl');
      assert.equal(platform.media.get(posted.media_ids[0]!)!.description, 'Kaart van de omleiding');

      const record = platform.bskyRecords.at(-1)!.record as {
        text: string;
        langs: string[];
        embed: { images: Array<{ alt: string }> };
        facets?: Array<{ features: Array<{ uri?: string }> }>;
      };
      assert.match(record.text, /^CW: Wegafsluiting\n\n/);
      assert.deepEqual(record.langs, ['nl']);
      assert.equal(record.embed.images[0]!.alt, 'Kaart van de omleiding');
      assert.equal(
        record.facets?.[0]?.features[0]?.uri,
        'https://podium.demodam.example/nieuws/werk-aan-de-dorpsstraat/',
      );

      const postings = await postingsOf(id);
      assert.deepEqual(
        postings.map((p) => p.state),
        ['sent', 'sent'],
      );
      assert.ok(postings.every((p) => p.externalId && p.url));
      const again = await pass(minutesAfter(MONDAY, 5));
      assert.equal(again.posted, 0, 'posted once');
      const actions = (await t.db.select().from(auditLog).where(eq(auditLog.subjectId, id))).map((a) => a.action);
      assert.equal(actions.filter((a) => a === 'announcement.posted').length, 2);
    });

    it('carries an edit to the post on Mastodon, and a deletion off both platforms', async () => {
      const id = await scheduled('Omleiding Kerkweg', [mastodonId, blueskyId]);
      await pass(MONDAY);
      const before = await postingsOf(id);
      const status = before.find((p) => p.accountId === mastodonId)!.externalId!;
      const [row] = await t.db.select().from(announcements).where(eq(announcements.id, id));
      const edited = await saveAnnouncement(t.db, {
        actor,
        id,
        version: row!.version,
        values: {
          kind: 'roadworks',
          title: 'Omleiding Kerkweg',
          body: 'De omleiding gaat nu via de Molenweg.',
          language: 'nl',
          contentWarning: null,
          accountIds: [mastodonId, blueskyId],
        },
        newImages: [],
        imageChanges: [],
        now: minutesAfter(MONDAY, 10),
        publicUrl: PUBLIC_URL,
      });
      assert.equal(edited.kind, 'saved');
      const result = await pass(minutesAfter(MONDAY, 10));
      assert.equal(result.posted, 2);
      assert.match(String(platform.statuses.get(status)!.content), /Molenweg/);
      const bsky = (await postingsOf(id)).find((p) => p.accountId === blueskyId)!;
      assert.match(
        String((platform.bskyPosts.get(bsky.externalId!)!.post as { record: { text: string } }).record.text),
        /Molenweg/,
      );

      const [current] = await t.db.select().from(announcements).where(eq(announcements.id, id));
      const deleted = await deleteAnnouncement(t.db, {
        actor,
        id,
        version: current!.version,
        now: minutesAfter(MONDAY, 20),
      });
      assert.equal(deleted.kind, 'deleted');
      await pass(minutesAfter(MONDAY, 20));
      assert.equal(platform.statuses.has(status), false, 'gone from Mastodon');
      assert.equal(platform.bskyPosts.has(bsky.externalId!), false, 'gone from Bluesky');
      const actions = (await t.db.select().from(auditLog).where(eq(auditLog.subjectId, id))).map((a) => a.action);
      assert.ok(actions.includes('announcement.edit_posted') && actions.includes('announcement.removed_from_platform'));
    });

    it('posts to Bluesky once when the platform posted but Podium lost the answer, also for an edit, under a new record key', async () => {
      const id = await scheduled('Kermis op het Marktplein', [blueskyId]);
      const lose = () => {
        platform.trouble({ kind: 'lost_response' }, 1, { path: '/xrpc/com.atproto.repo.createRecord' });
        platform.trouble({ kind: 'lost_response' }, 1, { path: '/xrpc/com.atproto.repo.getRecord' });
      };
      const withText = (pattern: RegExp) => platform.bskyRecords.filter((r) => pattern.test(String(r.record.text)));
      lose();
      assert.equal((await pass(MONDAY)).retried, 1);
      const [waiting] = await postingsOf(id);
      assert.deepEqual([waiting!.state, waiting!.externalId], ['pending', null]);
      assert.equal(withText(/Kermis op het Marktplein/).length, 1, 'the platform has it already');
      assert.equal((await pass(new Date(waiting!.nextAttemptAt.getTime() + 1000))).posted, 1);
      const [posted] = await postingsOf(id);
      assert.equal(withText(/Kermis op het Marktplein/).length, 1, 'exactly one post');
      assert.equal(posted!.externalId, withText(/Kermis op het Marktplein/)[0]!.uri);
      assert.ok(posted!.externalId!.endsWith(`/${posted!.blueskyRkey}`));

      const [row] = await t.db.select().from(announcements).where(eq(announcements.id, id));
      const edited = await saveAnnouncement(t.db, {
        actor,
        id,
        version: row!.version,
        values: {
          kind: 'roadworks',
          title: 'Kermis op het Marktplein',
          body: 'De kermis begint een dag later, op zaterdag.',
          language: 'nl',
          contentWarning: null,
          accountIds: [blueskyId],
        },
        newImages: [],
        imageChanges: [],
        now: minutesAfter(MONDAY, 30),
        publicUrl: PUBLIC_URL,
      });
      assert.equal(edited.kind, 'saved');
      assert.equal((await postingsOf(id))[0]!.blueskyRkey, null, 'an edit is a new post, with a key of its own');
      lose();
      assert.equal((await pass(minutesAfter(MONDAY, 30))).retried, 1);
      const [editWaiting] = await postingsOf(id);
      assert.ok(editWaiting!.blueskyRkey && editWaiting!.blueskyRkey !== posted!.blueskyRkey);
      assert.equal((await pass(new Date(editWaiting!.nextAttemptAt.getTime() + 1000))).posted, 1);
      const [editPosted] = await postingsOf(id);
      const editRecords = withText(/op zaterdag/);
      assert.equal(editRecords.length, 1, 'the edit posted once');
      assert.equal(editPosted!.externalId, editRecords[0]!.uri);
      assert.equal(platform.bskyPosts.has(posted!.externalId!), false, 'the first post is gone');
      assert.equal(platform.bskyPosts.has(editPosted!.externalId!), true);
    });

    it('edits the Mastodon status in place with the image described, and leaves Bluesky alone when re-posting is declined', async () => {
      const id = await scheduled('Omleiding Stationsweg', [mastodonId, blueskyId]);
      await pass(MONDAY);
      const before = await postingsOf(id);
      const status = before.find((p) => p.accountId === mastodonId)!.externalId!;
      const record = before.find((p) => p.accountId === blueskyId)!.externalId!;
      const [row] = await t.db.select().from(announcements).where(eq(announcements.id, id));
      const edited = await saveAnnouncement(t.db, {
        actor,
        id,
        version: row!.version,
        values: {
          kind: 'roadworks',
          title: 'Omleiding Stationsweg',
          body: 'De omleiding gaat nu via de Parallelweg.',
          language: 'nl',
          contentWarning: null,
          accountIds: [mastodonId, blueskyId],
        },
        newImages: [],
        imageChanges: [],
        now: minutesAfter(MONDAY, 10),
        publicUrl: PUBLIC_URL,
        repostOnBluesky: false,
      });
      assert.equal(edited.kind, 'saved');
      const result = await pass(minutesAfter(MONDAY, 10));
      assert.equal(result.posted, 1, 'only Mastodon');
      const onMastodon = platform.statuses.get(status)!;
      assert.match(String(onMastodon.content), /Parallelweg/);
      assert.ok(onMastodon.edited_at, 'edited in place, same id');
      assert.deepEqual(
        (onMastodon.media_attachments as Array<{ description: string }>).map((m) => m.description),
        ['Kaart van de omleiding'],
      );
      const bsky = platform.bskyPosts.get(record);
      assert.ok(bsky, 'the Bluesky post is still there');
      assert.doesNotMatch(String((bsky!.post as { record: { text: string } }).record.text), /Parallelweg/);
      assert.equal((await postingsOf(id)).find((p) => p.accountId === blueskyId)!.externalId, record);
    });

    it('counts a post already deleted on the platform as removed, and audits it', async () => {
      const id = await scheduled('Brug weer open', [mastodonId, blueskyId]);
      await pass(MONDAY);
      const before = await postingsOf(id);
      const status = before.find((p) => p.accountId === mastodonId)!.externalId!;
      const record = before.find((p) => p.accountId === blueskyId)!.externalId!;
      // Someone removed both posts by hand on the platforms first: they answer 404 / nothing to delete.
      platform.statuses.delete(status);
      platform.bskyPosts.delete(record);
      const [row] = await t.db.select().from(announcements).where(eq(announcements.id, id));
      await deleteAnnouncement(t.db, { actor, id, version: row!.version, now: minutesAfter(MONDAY, 5) });
      const result = await pass(minutesAfter(MONDAY, 5));
      assert.deepEqual([result.posted, result.failed, result.retried], [2, 0, 0]);
      assert.deepEqual(
        (await postingsOf(id)).map((p) => [p.action, p.state]),
        [
          ['remove', 'sent'],
          ['remove', 'sent'],
        ],
      );
      const removed = (await t.db.select().from(auditLog).where(eq(auditLog.subjectId, id))).filter(
        (a) => a.action === 'announcement.removed_from_platform',
      );
      assert.equal(removed.length, 2);
    });

    it('waits for the reset time of a 429, then posts', async () => {
      const id = await scheduled('Vertraging veerpont', [mastodonId]);
      platform.trouble({ kind: 'rate_limited', retryAfterSeconds: 600, style: 'mastodon' }, 1);
      const limited = await pass(MONDAY);
      assert.equal(limited.retried, 1);
      const [waiting] = await postingsOf(id);
      assert.equal(waiting!.state, 'pending');
      assert.equal(waiting!.lastError, 'rate_limited');
      assert.ok(waiting!.nextAttemptAt.getTime() > Date.now() + 500_000, 'not before the reset time');
      const later = await pass(new Date(waiting!.nextAttemptAt.getTime() + 1000));
      assert.equal(later.posted, 1);
      assert.equal((await postingsOf(id))[0]!.state, 'sent');
    });

    it('stops at an app password Bluesky no longer accepts, with the reason audited', async () => {
      const id = await scheduled('Markt verplaatst', [blueskyId]);
      platform.appPasswords.clear();
      const result = await pass(MONDAY);
      assert.equal(result.failed, 1);
      const [posting] = await postingsOf(id);
      assert.deepEqual([posting!.state, posting!.lastError], ['failed', 'token_rejected']);
      const [failure] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'announcement.post_failed'));
      assert.equal((failure!.details as { reason: string }).reason, 'token_rejected');
      assert.doesNotMatch(JSON.stringify(failure!.details), /app-pass/);
    });
  });
}
