/**
 * Opt-in listening against the local Mastodon instance and Bluesky PDS: off by default; the
 * settings (JSON API and the form on the connected-accounts page) refuse bad terms in the
 * user's language, keep what was typed, lock on the version seen and are audited with before
 * and after; only administrators reach them. The intake then takes in public posts with the
 * hashtag (Mastodon tag timeline) or keyword (Bluesky searchPosts) posted after switching on,
 * once, minimised (no display name, profile, media or counts) and marked as heard by
 * listening in the queue; a 429 moves the next poll to the reset; and an answer to a heard
 * Bluesky post is posted as a reply to it.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { and, eq, isNotNull } from 'drizzle-orm';
import {
  auditLog,
  jobLeases,
  organisations,
  socialAccountIntake,
  socialAccounts,
  socialAuthors,
  socialListening,
  socialPostings,
  socialPosts,
  socialThreads,
} from '../../../api/db/schema.ts';
import { STAFF_ROLES } from '../../../api/services/auth/roles.ts';
import { answerItem } from '../../../api/services/moderation/index.ts';
import { connectBlueskyAccount, connectMastodonAccount } from '../../../api/services/social/accounts.ts';
import { INTAKE_JOB, pollIntakeIfDue, type IntakeSettings } from '../../../api/services/social/intake.ts';
import { parseTerms } from '../../../api/services/social/listening.ts';
import { postDueAnswers } from '../../../api/services/social/posting.ts';
import { openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { BSKY_DID, BSKY_HANDLE, startPlatformServer, type PlatformServer } from '../../support/platform-server.ts';
import { addStaffUser, apiKeyFor, logIn, staffPost, withKey } from '../../support/staff.ts';

const TOKEN = 'tok-listen-0123456789';
const APP_PASSWORD = 'lstn-abcd-efgh-ijkl';
const EVERY_MS = 10_000;

describe('listening terms', () => {
  it('are trimmed, deduplicated case-insensitively, and hashtags only on Mastodon', () => {
    assert.deepEqual(parseTerms([' #Fietspad ', '#fietspad', 'Dorps  straat', '', 'dorps straat'], 'bluesky'), {
      kind: 'ok',
      terms: ['#Fietspad', 'Dorps straat'],
    });
    assert.deepEqual(parseTerms(['Dorpsstraat'], 'mastodon'), {
      kind: 'invalid',
      problem: 'keyword_on_mastodon',
      term: 'Dorpsstraat',
    });
    assert.equal((parseTerms(['#fiets pad'], 'bluesky') as { problem: string }).problem, 'invalid');
    assert.equal((parseTerms(['"fietspad" OR x'], 'bluesky') as { problem: string }).problem, 'invalid');
    assert.equal((parseTerms(['#'], 'mastodon') as { problem: string }).problem, 'invalid');
    assert.equal((parseTerms([`#${'a'.repeat(100)}`], 'mastodon') as { problem: string }).problem, 'too_long');
    const many = Array.from({ length: 21 }, (_, i) => `#onderwerp${i}`);
    assert.deepEqual(parseTerms(many, 'mastodon'), { kind: 'invalid', problem: 'too_many' });
  });
});

for (const target of databaseTargets()) {
  describe(`listening for the municipality's topics (${target.name})`, () => {
    let t: TestApp;
    let platform: PlatformServer;
    let organisationId: string;
    let adminId: string;
    let adminKey: string;
    let mastodonId: string;
    let blueskyId: string;
    const key = randomBytes(32);
    let current = Date.now();
    const now = () => new Date(current);
    let settings: IntakeSettings;

    before(async () => {
      // The workbench's clock is the platform's: listening starts at the moment it is switched on.
      t = await openTestApp(target, { now: () => now() });
      platform = await startPlatformServer();
      platform.tokens.set(TOKEN, 'gemeente');
      platform.appPasswords.set(BSKY_HANDLE, APP_PASSWORD);
      platform.appPasswords.set(BSKY_DID, APP_PASSWORD);
      organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
      adminId = await addStaffUser(t, 'beheer@demodam.example', 'administrator');
      adminKey = await apiKeyFor(t, adminId);
      settings = {
        posting: { secretKey: key, allowPrivateHosts: true, blueskyAppView: platform.origin },
        imports: { allowPrivateHosts: true, blueskyAppView: platform.origin },
      };
      const mastodon = await connectMastodonAccount(
        t.db,
        { organisationId, staffUserId: adminId, instance: platform.origin, token: TOKEN, now: now() },
        settings.posting,
      );
      mastodonId = (mastodon as { account: { id: string } }).account.id;
      const bluesky = await connectBlueskyAccount(
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
      blueskyId = (bluesky as { account: { id: string } }).account.id;
    });
    after(async () => {
      await platform.close();
      await t.close();
    });
    beforeEach(async () => {
      current = Date.now();
      await t.db.delete(jobLeases).where(eq(jobLeases.name, INTAKE_JOB));
      await t.db.update(socialAccountIntake).set({ nextPollAt: now() });
    });

    const poll = () => pollIntakeIfDue(t.db, settings, { now, everyMs: EVERY_MS });
    const api = (method: string, accountId: string, body?: unknown, apiKey = adminKey) =>
      withKey(t, apiKey, method, `/api/staff/social-accounts/${accountId}/listening`, body);
    const heardPosts = () => t.db.select().from(socialPosts).where(isNotNull(socialPosts.heardBy));

    it('is off by default and listens to nothing', async () => {
      const response = await api('GET', mastodonId);
      assert.equal(response.status, 200);
      const body = await response.json();
      assert.deepEqual([body.enabled, body.terms, body.version], [false, [], 1]);
      platform.hashtagPost('anna', 'Het fietspad is glad.', 'fietspad');
      await poll();
      assert.equal(platform.requests.filter((p) => p.startsWith('/api/v1/timelines/tag/')).length, 0);
      assert.equal((await heardPosts()).length, 0);
    });

    it('is for administrators only, and answers 404 for an account of no one', async () => {
      for (const role of STAFF_ROLES.filter((r) => r !== 'administrator')) {
        const id = await addStaffUser(t, `${role.replaceAll('_', '-')}@listen.example`, role, {
          ...(role === 'department_member' ? { department: 'verkeer' } : {}),
        });
        const roleKey = await apiKeyFor(t, id);
        assert.equal((await api('GET', mastodonId, undefined, roleKey)).status, 403, role);
        assert.equal(
          (await api('PUT', mastodonId, { version: 1, enabled: true, terms: ['#x'] }, roleKey)).status,
          403,
          role,
        );
      }
      assert.equal((await t.app.request(`/api/staff/social-accounts/${mastodonId}/listening`)).status, 401);
      assert.equal((await api('GET', crypto.randomUUID())).status, 404);
      assert.equal((await api('PUT', crypto.randomUUID(), { version: 1, enabled: false, terms: [] })).status, 404);
      assert.equal((await api('GET', 'not-a-uuid')).status, 422);
    });

    it('refuses bad input with the reason in the caller’s language, and saves nothing', async () => {
      const refused = async (body: unknown, code: string) => {
        const response = await api('PUT', mastodonId, body);
        assert.equal(response.status, 422, JSON.stringify(body));
        const problem = await response.json();
        if (code) assert.equal(problem.errors[0].code, code);
        return problem;
      };
      const keyword = await refused(
        { version: 1, enabled: true, terms: ['Dorpsstraat'] },
        'listening_keyword_on_mastodon',
      );
      assert.match(keyword.errors[0].message ?? JSON.stringify(keyword), /hashtags/);
      await refused({ version: 1, enabled: true, terms: [] }, 'listening_required');
      await refused({ version: 1, enabled: true, terms: ['#fiets pad'] }, 'listening_invalid');
      await refused({ version: 1, enabled: 'yes', terms: ['#a'] }, '');
      await refused({ version: 1, enabled: true, terms: ['#a'], extra: 1 }, '');
      await refused({ enabled: true, terms: ['#a'] }, '');
      assert.equal((await (await api('GET', mastodonId)).json()).enabled, false);
      assert.equal(
        (await t.db.select().from(auditLog).where(eq(auditLog.action, 'social_account.listening_changed'))).length,
        0,
      );
    });

    it('saves on the version seen, audited with before and after; a stale version is refused', async () => {
      const saved = await api('PUT', mastodonId, { version: 1, enabled: true, terms: ['#Fietspad', '#fietspad'] });
      assert.equal(saved.status, 200);
      const body = await saved.json();
      assert.deepEqual([body.enabled, body.terms, body.version], [true, ['#Fietspad'], 2]);
      const stale = await api('PUT', mastodonId, { version: 1, enabled: false, terms: [] });
      assert.equal(stale.status, 409);
      const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'social_account.listening_changed'));
      assert.equal(audit!.subjectId, mastodonId);
      assert.deepEqual(audit!.details, {
        handle: `@gemeente@${new URL(platform.origin).host}`,
        before: { enabled: false, terms: [] },
        after: { enabled: true, terms: ['#Fietspad'] },
      });
    });

    it('takes in public Mastodon posts with the hashtag posted since, once, minimised and marked as heard', async () => {
      // Switched on in the test before: a post from before that moment is history.
      const [listening] = await t.db.select().from(socialAccounts).where(eq(socialAccounts.id, mastodonId));
      assert.ok(listening);
      current = Date.now() + 1000;
      const heardId = platform.hashtagPost('bert', 'Het fietspad bij de school is te smal.', 'Fietspad');
      platform.hashtagPost('carla', 'Alleen voor volgers.', 'fietspad', { visibility: 'private' });
      platform.hashtagPost('gemeente', 'Wij werken aan het fietspad.', 'fietspad');
      const [result] = (await poll())!.filter((r) => r.accountId === mastodonId);
      assert.equal(result!.heard, 1);
      assert.ok(platform.requests.includes('/api/v1/timelines/tag/Fietspad'));
      const heard = await heardPosts();
      assert.equal(heard.length, 1);
      const post = heard[0]!;
      assert.equal(post.externalId, heardId);
      assert.equal(post.heardBy, '#Fietspad');
      assert.equal(post.reviewState, 'new');
      assert.match(post.contentText, /te smal/);
      assert.deepEqual(post.media, []);
      assert.equal(post.likeCount, null);
      assert.deepEqual(Object.keys(post.raw as object).sort(), ['created_at', 'id', 'url']);
      const [author] = await t.db.select().from(socialAuthors).where(eq(socialAuthors.id, post.authorId!));
      assert.equal(author!.displayName, null);
      assert.equal(author!.url, null);
      assert.ok(author!.handle);
      const [thread] = await t.db.select().from(socialThreads).where(eq(socialThreads.id, post.threadId));
      assert.match(thread!.title!.nl, /^Gehoord bij luisteren naar #Fietspad op Mastodon/);
      assert.equal(thread!.nextSyncAt, null);

      // Once: the cursor moved on, and the next pass asks from there.
      current += EVERY_MS + 1;
      await poll();
      assert.equal((await heardPosts()).length, 1);

      // The inbox says how it came in.
      const { cookie } = await logIn(t, 'beheer@demodam.example');
      const page = await (await t.app.request(`/beheer/items/${post.id}`, { headers: { Cookie: cookie } })).text();
      assert.match(page, /gehoord bij luisteren naar #Fietspad, geen vermelding van de gemeente/);
    });

    it('keeps the people a heard post mentions out of the public mirror, as in any mirrored thread', async () => {
      current = Date.now() + 1000;
      const id = platform.hashtagPost('dirk', 'Zeg het tegen jan.', 'fietspad');
      const mentioned = `${platform.origin}/@jan`;
      platform.statuses.set(id, {
        ...platform.statuses.get(id)!,
        content: `<p>Zeg het tegen <span class="h-card"><a href="${mentioned}" class="u-url mention">@<span>jan</span></a></span> #fietspad</p>`,
        mentions: [{ id: '9901', username: 'jan', acct: 'jan', url: mentioned }],
      });
      await poll();
      const post = (await heardPosts()).find((one) => one.externalId === id);
      assert.ok(post, 'the post was heard');
      await t.db
        .update(socialPosts)
        .set({ reviewState: 'published', publishedAt: new Date(current) })
        .where(eq(socialPosts.id, post.id));
      const mirror = await (await t.app.request(`/api/threads/${post.threadId}`)).text();
      assert.match(mirror, /Zeg het tegen/);
      assert.doesNotMatch(mirror, /@jan|\/@jan|>jan</, 'no handle or profile link of the person mentioned');
    });

    it('takes in Bluesky posts with a keyword, waits for a 429’s reset, and answers a heard post in its thread', async () => {
      const version = (await (await api('GET', blueskyId)).json()).version;
      const saved = await api('PUT', blueskyId, { version, enabled: true, terms: ['bankje'] });
      assert.equal(saved.status, 200);
      current = Date.now() + 1000;
      platform.trouble({ kind: 'rate_limited', retryAfterSeconds: 300, style: 'bluesky' });
      // The 429 meets the notifications or the search: either way the account waits for the reset.
      await poll();
      const [waiting] = await t.db
        .select()
        .from(socialAccountIntake)
        .where(eq(socialAccountIntake.accountId, blueskyId));
      assert.equal(waiting!.lastError, 'rate_limited');
      assert.ok(waiting!.nextPollAt.getTime() > Date.now() + 200_000);

      const uri = platform.blueskyPublicPost('did:plc:dirk', 'Er mist een bankje bij de bushalte.');
      platform.blueskyPublicPost('did:plc:erik', 'Mooi weer vandaag.');
      current = Date.now() + 301_000;
      await t.db.delete(jobLeases).where(eq(jobLeases.name, INTAKE_JOB));
      await poll();
      const searched = platform.requests.filter((p) => p === '/xrpc/app.bsky.feed.searchPosts');
      assert.ok(searched.length >= 1);
      const [post] = await t.db.select().from(socialPosts).where(eq(socialPosts.externalId, uri));
      assert.ok(post, 'the heard post is in the queue');
      assert.equal(post!.heardBy, 'bankje');
      assert.equal((post!.raw as { cid: string }).cid, `cid-${uri.split('/').pop()}`);
      assert.equal(
        (
          await t.db
            .select()
            .from(socialPosts)
            .where(and(eq(socialPosts.heardBy, 'bankje')))
        ).length,
        1,
        'only the post with the keyword',
      );

      // Published and answered from the inbox: the answer goes out as a reply to the heard post.
      await t.db
        .update(socialPosts)
        .set({ reviewState: 'published', publishedAt: now() })
        .where(eq(socialPosts.id, post!.id));
      const answered = await answerItem(t.db, {
        itemId: post!.id,
        body: 'Dank u, we kijken ernaar.',
        language: 'nl',
        actor: { id: adminId, organisationId, roles: [{ role: 'administrator', departmentId: null }] },
        now: now(),
      });
      assert.equal(answered.kind, 'answered');
      assert.equal((await postDueAnswers(t.db, settings.posting, { now })).posted, 1);
      const record = platform.bskyRecords.at(-1)!.record as {
        reply: { root: { uri: string }; parent: { uri: string } };
      };
      assert.deepEqual([record.reply.root.uri, record.reply.parent.uri], [uri, uri]);
      const [posting] = await t.db.select().from(socialPostings).where(eq(socialPostings.socialPostId, post!.id));
      assert.equal(posting!.state, 'sent');
    });

    /** Posts with the keyword by residents, one per moment, newest last. */
    const postsAbout = (count: number, label: string) =>
      Array.from({ length: count }, (_, i) =>
        platform.blueskyPublicPost(`did:plc:bewoner${i % 7}`, `Een bankje bij ${label} ${i}.`),
      );
    const heardAbout = async (uris: string[]) => {
      const rows = await t.db.select().from(socialPosts).where(eq(socialPosts.heardBy, 'bankje'));
      const wanted = new Set(uris);
      return rows.map((row) => row.externalId).filter((id) => wanted.has(id));
    };
    const searches = () => platform.requests.filter((p) => p === '/xrpc/app.bsky.feed.searchPosts').length;
    const nextPass = async () => {
      current = Math.max(current, Date.now()) + 301_000;
      await t.db.delete(jobLeases).where(eq(jobLeases.name, INTAKE_JOB));
      await t.db.update(socialAccountIntake).set({ nextPollAt: now() });
      return ((await poll()) ?? []).find((r) => r.accountId === blueskyId);
    };

    it('pages Bluesky’s search back to the cursor: 60 posts since the last pass all arrive, each once', async () => {
      const uris = postsAbout(60, 'de speeltuin');
      const searched = searches();
      const result = await nextPass();
      assert.equal(result?.error, undefined);
      assert.equal(result?.heard, 60);
      const heard = await heardAbout(uris);
      assert.equal(heard.length, 60, 'every post arrived');
      assert.equal(new Set(heard).size, 60, 'each once');
      assert.equal(searches() - searched, 3, 'three pages of 25, then back at the cursor');

      // The next pass asks once, from the newest post, and takes in nothing again.
      const again = await nextPass();
      assert.equal(again?.heard ?? 0, 0);
      assert.equal(searches() - searched, 4);
      assert.equal((await heardAbout(uris)).length, 60);
    });

    it('stops a pass at its page cap and goes on in the next one without losing posts', async () => {
      const older = postsAbout(130, 'het plein');
      const searched = searches();
      const first = await nextPass();
      assert.equal(first?.heard, 100, 'four pages of 25 in one pass');
      assert.equal(searches() - searched, 4);
      assert.equal((await heardAbout(older)).length, 100);
      assert.deepEqual((await heardAbout(older.slice(30))).sort(), older.slice(30).sort(), 'the newest 100 first');

      // Meanwhile new posts arrive; the next pass reads what was left, then what is new.
      const newer = postsAbout(5, 'de markt');
      const second = await nextPass();
      assert.equal(second?.heard, 35);
      const heard = await heardAbout([...older, ...newer]);
      assert.equal(heard.length, 135);
      assert.equal(new Set(heard).size, 135, 'each once');
      const [{ cursors }] = (await t.db
        .select({ cursors: socialListening.cursors })
        .from(socialListening)
        .where(eq(socialListening.accountId, blueskyId))) as [{ cursors: Record<string, unknown> }];
      assert.equal(typeof cursors.bankje, 'string', 'back at the newest post: no part left to read');
    });

    it('keeps what a rate-limited pass read, waits for the reset, then reads the rest', async () => {
      const uris = postsAbout(60, 'de bibliotheek');
      platform.trouble({ kind: 'rate_limited', retryAfterSeconds: 300, style: 'bluesky' }, 1, {
        path: '/xrpc/app.bsky.feed.searchPosts',
        after: 1,
      });
      const first = await nextPass();
      assert.equal(first?.error, 'rate_limited');
      assert.equal((await heardAbout(uris)).length, 25, 'the first page is in');
      const [waiting] = await t.db
        .select()
        .from(socialAccountIntake)
        .where(eq(socialAccountIntake.accountId, blueskyId));
      assert.equal(waiting!.lastError, 'rate_limited');
      assert.ok(waiting!.nextPollAt.getTime() > Date.now() + 200_000, 'the next poll waits for the reset');

      const second = await nextPass();
      assert.equal(second?.error, undefined);
      const heard = await heardAbout(uris);
      assert.equal(heard.length, 60);
      assert.equal(new Set(heard).size, 60);
    });

    it('has a form on the connected-accounts page that keeps what was typed and explains the error', async () => {
      const { cookie, csrf } = await logIn(t, 'beheer@demodam.example');
      const page = await (await t.app.request('/beheer/sociale-accounts', { headers: { Cookie: cookie } })).text();
      assert.match(page, /Luisteren naar onderwerpen/);
      assert.ok(page.includes(`action="/beheer/sociale-accounts/${mastodonId}/luisteren"`));
      const version = String((await (await api('GET', mastodonId)).json()).version);
      const refused = await staffPost(
        t,
        `/beheer/sociale-accounts/${mastodonId}/luisteren`,
        [
          ['csrf', csrf],
          ['version', version],
          ['enabled', 'on'],
          ['terms', '#fietspad\nDorpsstraat'],
        ],
        cookie,
      );
      assert.equal(refused.status, 422);
      const html = await refused.text();
      assert.match(html, /Op Mastodon kan Podium alleen naar hashtags luisteren, niet naar trefwoorden: Dorpsstraat/);
      assert.match(html, /#fietspad\nDorpsstraat<\/textarea>/);

      const stale = await staffPost(
        t,
        `/beheer/sociale-accounts/${mastodonId}/luisteren`,
        [
          ['csrf', csrf],
          ['version', '1'],
          ['terms', '#markt'],
        ],
        cookie,
      );
      assert.equal(stale.status, 409);
      const staleHtml = await stale.text();
      assert.match(staleHtml, /Iemand anders heeft het luisteren voor dit account intussen gewijzigd/);
      assert.match(staleHtml, /#markt<\/textarea>/);

      const ok = await staffPost(
        t,
        `/beheer/sociale-accounts/${mastodonId}/luisteren`,
        [
          ['csrf', csrf],
          ['version', version],
          ['terms', '#markt'],
        ],
        cookie,
      );
      assert.equal(ok.status, 303);
      const after = await (await api('GET', mastodonId)).json();
      assert.deepEqual([after.enabled, after.terms], [false, ['#markt']]);
    });
  });
}
