/**
 * One contract for every publisher, run against the local Mastodon instance and Bluesky PDS:
 * a post with an image and its alternative text, a content warning and a language; a reply;
 * an edit; a removal (twice: a post already gone counts as removed); and the platforms'
 * errors as the codes staff see — 401 for a token or app password no longer accepted, 422/400
 * for a text over the platform's limit, 429 with its rate-limit headers as the time to retry.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { blueskyPublisher } from '../../../../api/services/social/publishers/bluesky.ts';
import { mastodonPublisher } from '../../../../api/services/social/publishers/mastodon.ts';
import {
  PublishFailure,
  type AccountRow,
  type OutgoingPost,
  type Publisher,
  type ReplyReference,
} from '../../../../api/services/social/publishers/types.ts';
import {
  BSKY_HANDLE,
  seedMastodonThread,
  startPlatformServer,
  type PlatformServer,
} from '../../../support/platform-server.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

type Platform = {
  name: 'mastodon' | 'bluesky';
  publisher: () => Publisher;
  account: (server: PlatformServer) => AccountRow;
  secret: string;
  limit: number;
  /** What the platform holds for a published id: text, image descriptions, language. */
  stored: (server: PlatformServer, id: string) => { text: string; alts: string[]; langs: string[] } | undefined;
  /** Something to answer on the platform. */
  replyTo: (server: PlatformServer) => ReplyReference;
  /** Takes the secret away, as an expired token or a revoked app password. */
  revoke: (server: PlatformServer) => void;
  rateLimitStyle: 'mastodon' | 'bluesky';
};

const row = (platform: 'mastodon' | 'bluesky', instanceUrl: string, handle: string): AccountRow => ({
  id: crypto.randomUUID(),
  organisationId: crypto.randomUUID(),
  platform,
  instanceUrl,
  externalId: '1',
  handle,
  tokenSealed: 'sealed',
  mastodonAppId: null,
  connectedByStaffUserId: null,
  createdAt: new Date(),
  revokedAt: null,
});

const platforms: Platform[] = [
  {
    name: 'mastodon',
    publisher: () => mastodonPublisher(),
    account: (s) => row('mastodon', s.origin, '@gemeente@127.0.0.1'),
    secret: 'tok-contract',
    limit: 500,
    stored: (s, id) => {
      const status = s.statuses.get(id) as
        | {
            content: string;
            spoiler_text: string;
            language: string;
            media_attachments?: Array<{ description: string }>;
          }
        | undefined;
      if (!status) return undefined;
      return {
        text: `${status.spoiler_text}|${status.content}`,
        alts: (status.media_attachments ?? []).map((m) => m.description),
        langs: [status.language],
      };
    },
    replyTo: (s) => {
      seedMastodonThread(s, '4242');
      return { platform: 'mastodon', id: '42421' };
    },
    revoke: (s) => s.tokens.clear(),
    rateLimitStyle: 'mastodon',
  },
  {
    name: 'bluesky',
    publisher: () => blueskyPublisher(),
    account: (s) => row('bluesky', s.origin, `@${BSKY_HANDLE}`),
    secret: 'app-pass-word-1234',
    limit: 300,
    stored: (s, uri) => {
      const entry = s.bskyPosts.get(uri);
      if (!entry) return undefined;
      const record = (
        entry.post as { record: { text: string; langs?: string[]; embed?: { images?: Array<{ alt: string }> } } }
      ).record;
      return { text: record.text, alts: (record.embed?.images ?? []).map((i) => i.alt), langs: record.langs ?? [] };
    },
    replyTo: (s) => {
      const root = 'at://did:plc:anna/app.bsky.feed.post/root1';
      s.bskyPosts.set(root, { post: { uri: root, cid: 'cid-root1' }, parent: null });
      return { platform: 'bluesky', root: { uri: root, cid: 'cid-root1' }, parent: { uri: root, cid: 'cid-root1' } };
    },
    revoke: (s) => s.appPasswords.clear(),
    rateLimitStyle: 'bluesky',
  },
];

for (const p of platforms) {
  describe(`the ${p.name} publisher`, () => {
    let server: PlatformServer;
    let account: AccountRow;
    before(async () => {
      server = await startPlatformServer();
      server.tokens.set('tok-contract', 'gemeente');
      server.appPasswords.set(BSKY_HANDLE, 'app-pass-word-1234');
      account = p.account(server);
    });
    after(() => server.close());

    const post = (overrides: Partial<OutgoingPost> = {}): OutgoingPost => ({
      text: 'Werk aan de Dorpsstraat van 1 tot 5 december. Meer op https://demodam.example/nieuws/',
      language: 'nl',
      idempotencyKey: crypto.randomUUID(),
      ...overrides,
    });
    const failureOf = async (work: Promise<unknown>): Promise<PublishFailure> => {
      try {
        await work;
      } catch (error) {
        assert.ok(error instanceof PublishFailure, `expected a PublishFailure, got ${String(error)}`);
        return error;
      }
      assert.fail('expected the publisher to fail');
    };

    it('publishes a text with an image and its alternative text, a content warning and the language', async () => {
      const published = await p.publisher().publish(account, p.secret, {
        ...post({ contentWarning: 'Wegafsluiting' }),
        images: [{ bytes: PNG, mime: 'image/png', description: 'Kaart van de omleiding via de Kerkweg' }],
      });
      assert.ok(published.externalId);
      assert.ok(published.url);
      const stored = p.stored(server, published.externalId)!;
      assert.ok(stored, 'the platform holds the post');
      assert.match(stored.text, /Wegafsluiting/);
      assert.match(stored.text, /Dorpsstraat/);
      assert.deepEqual(stored.alts, ['Kaart van de omleiding via de Kerkweg']);
      assert.deepEqual(stored.langs, ['nl']);
    });

    it('answers a post as a reply in its thread', async () => {
      const reply = p.replyTo(server);
      const published = await p.publisher().publish(account, p.secret, post({ text: 'Dank voor uw vraag.', reply }));
      if (p.name === 'mastodon') {
        assert.equal((server.statuses.get(published.externalId) as { in_reply_to_id: string }).in_reply_to_id, '42421');
      } else {
        const record = server.bskyRecords.find((r) => r.uri === published.externalId)!.record as {
          reply: { root: { uri: string }; parent: { uri: string } };
        };
        assert.equal(record.reply.root.uri, (reply as { root: { uri: string } }).root.uri);
        assert.equal(record.reply.parent.uri, (reply as { parent: { uri: string } }).parent.uri);
      }
    });

    it('edits what it posted, and removes it; removing it again is no error', async () => {
      const publisher = p.publisher();
      const first = await publisher.publish(account, p.secret, post());
      const edited = await publisher.edit(
        account,
        p.secret,
        first.externalId,
        post({ text: 'Het werk duurt tot 8 december.' }),
      );
      assert.match(p.stored(server, edited.externalId)!.text, /8 december/);
      await publisher.remove(account, p.secret, edited.externalId);
      assert.equal(p.stored(server, edited.externalId), undefined);
      await publisher.remove(account, p.secret, edited.externalId);
    });

    it(`refuses a text over ${p.limit} characters as too long`, async () => {
      const failure = await failureOf(
        p.publisher().publish(account, p.secret, post({ text: 'a'.repeat(p.limit + 1) })),
      );
      assert.equal(failure.code, 'too_long');
    });

    it('waits for the reset time the platform gives with a 429', async () => {
      server.trouble({ kind: 'rate_limited', retryAfterSeconds: 120, style: p.rateLimitStyle }, 1);
      const before = Date.now();
      const publisher = p.publisher();
      // Bluesky: the session is opened first, so the 429 meets the login or the post.
      const failure = await failureOf(publisher.publish(account, p.secret, post()));
      assert.equal(failure.code, 'rate_limited');
      assert.ok(failure.retryAt && failure.retryAt.getTime() >= before + 100_000, 'retry at the reset time');
    });

    it('reports a token or app password the platform no longer accepts (401)', async () => {
      p.revoke(server);
      const failure = await failureOf(p.publisher().publish(account, p.secret, post()));
      assert.equal(failure.code, 'token_rejected');
    });
  });
}
