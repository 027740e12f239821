import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fetchThread, NeedsImportError } from '../../../../api/services/social/fetch-thread.ts';
import { SourceHttpError } from '../../../../api/services/social/polite-fetch.ts';
import { blueskyPost, BSKY_ROOT, mastodonThread, reply, tweet, X_USERS } from '../../../fixtures/social/payloads.ts';

/** A local stand-in for the platforms: answers by path, records what was asked. */
function fakeFetch(routes: Record<string, unknown>, headers: Record<string, string> = {}) {
  const asked: Array<{ url: string; auth: string | null }> = [];
  const fetch = async (input: string, init?: RequestInit) => {
    const url = new URL(input);
    asked.push({ url: input, auth: new Headers(init?.headers).get('authorization') });
    const key = Object.keys(routes).find((path) => `${url.origin}${url.pathname}${url.search}`.startsWith(path));
    if (!key) return Response.json({ error: 'Record not found' }, { status: 404 });
    const body = routes[key];
    return body instanceof Response ? body.clone() : Response.json(body, { headers });
  };
  return { fetch, asked };
}

const noSleep = { sleep: async () => {} };

describe('fetching a thread from its URL', () => {
  it('reads a Mastodon status and its context from the instance, without credentials', async () => {
    const { status, context } = mastodonThread();
    const { fetch, asked } = fakeFetch({
      'https://social.gemeente.example/api/v1/statuses/100/context': context,
      'https://social.gemeente.example/api/v1/statuses/100': status,
    });
    const thread = await fetchThread('https://social.gemeente.example/@gemeente/100', { fetch, ...noSleep });
    assert.deepEqual(
      thread.posts.map((p) => p.id),
      ['100', '101', '102'],
    );
    assert.ok(asked.every((a) => a.auth === null));
  });

  it('reads the whole Mastodon thread from its root when the URL names a reply', async () => {
    const { status, context } = mastodonThread();
    const [first, ...rest] = context.descendants as unknown[];
    const { fetch } = fakeFetch({
      'https://social.gemeente.example/api/v1/statuses/101/context': { ancestors: [status], descendants: rest },
      'https://social.gemeente.example/api/v1/statuses/101': first,
      'https://social.gemeente.example/api/v1/statuses/100/context': context,
    });
    const thread = await fetchThread('https://social.gemeente.example/@anna/101', { fetch, ...noSleep });
    assert.equal(thread.rootId, '100');
    assert.equal(thread.posts.length, 3);
  });

  it('reports a deleted Mastodon root as a 404 from the source', async () => {
    const { fetch } = fakeFetch({});
    await assert.rejects(
      fetchThread('https://social.gemeente.example/@gemeente/999', { fetch, ...noSleep }),
      (error: unknown) => error instanceof SourceHttpError && error.status === 404,
    );
  });

  it('resolves a Bluesky handle and reads getPostThread from the public AppView', async () => {
    const { fetch, asked } = fakeFetch({
      'https://public.api.bsky.app/xrpc/com.atproto.identity.resolveHandle': { did: 'did:plc:gemeente' },
      'https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread': {
        thread: {
          $type: 'app.bsky.feed.defs#threadViewPost',
          post: blueskyPost(BSKY_ROOT, 'Wat vindt u ervan?'),
          replies: [
            {
              $type: 'app.bsky.feed.defs#threadViewPost',
              post: blueskyPost(
                'at://did:plc:anna/app.bsky.feed.post/3a',
                'Goed',
                {},
                reply('at://did:plc:anna/app.bsky.feed.post/3a', BSKY_ROOT),
              ),
              replies: [],
            },
          ],
        },
      },
    });
    const thread = await fetchThread('https://bsky.app/profile/gemeente.bsky.social/post/3root', { fetch, ...noSleep });
    assert.equal(thread.posts.length, 2);
    assert.match(asked[0]!.url, /resolveHandle\?handle=gemeente\.bsky\.social$/);
    assert.match(asked[1]!.url, /uri=at%3A%2F%2Fdid%3Aplc%3Agemeente%2Fapp\.bsky\.feed\.post%2F3root/);
  });

  it('reads X only with the municipality’s token, sending it as a bearer token', async () => {
    await assert.rejects(fetchThread('https://x.com/gemeente/status/1800000000000000000'), NeedsImportError);
    const root = tweet('1800000000000000000', 'Wat vindt u ervan?', { author_id: 'u-gemeente' });
    const { fetch, asked } = fakeFetch({
      'https://api.x.com/2/tweets/search/recent': {
        data: [
          tweet('1800000000000000001', 'Goed', {
            referenced_tweets: [{ type: 'replied_to', id: '1800000000000000000' }],
          }),
        ],
        includes: { users: X_USERS },
        meta: {},
      },
      'https://api.x.com/2/tweets/1800000000000000000': { data: root, includes: { users: X_USERS } },
    });
    const thread = await fetchThread('https://x.com/gemeente/status/1800000000000000000', {
      fetch,
      xBearerToken: 'token-of-the-municipality',
      ...noSleep,
    });
    assert.deepEqual(
      thread.posts.map((p) => p.text),
      ['Wat vindt u ervan?', 'Goed'],
    );
    assert.ok(asked.every((a) => a.auth === 'Bearer token-of-the-municipality'));
  });

  it('asks for an import of the API JSON for Facebook and Instagram', async () => {
    await assert.rejects(fetchThread('https://www.facebook.com/gemeente/posts/123'), NeedsImportError);
    await assert.rejects(fetchThread('https://www.instagram.com/p/ABCDE12345/'), NeedsImportError);
  });

  it("reads the thread from the root's own instance, which knows the most replies", async () => {
    const { status, context } = mastodonThread();
    const { fetch, asked } = fakeFetch({
      'https://mastodon.example/api/v1/statuses/555': { ...status, id: '555' },
      'https://social.gemeente.example/api/v1/statuses/100/context': context,
      'https://social.gemeente.example/api/v1/statuses/100': status,
    });
    const thread = await fetchThread('https://mastodon.example/@gemeente@social.gemeente.example/555', {
      fetch,
      ...noSleep,
    });
    assert.equal(thread.rootId, '100');
    assert.ok(asked.some((a) => a.url === 'https://social.gemeente.example/api/v1/statuses/100/context'));
  });

  it('treats a Mastodon thread as incomplete while the server is still fetching replies', async () => {
    const { status, context } = mastodonThread();
    const { fetch } = fakeFetch(
      {
        'https://social.gemeente.example/api/v1/statuses/100/context': context,
        'https://social.gemeente.example/api/v1/statuses/100': status,
      },
      { 'Mastodon-Async-Refresh': 'id="abc", retry=5' },
    );
    const thread = await fetchThread('https://social.gemeente.example/@gemeente/100', { fetch, ...noSleep });
    assert.equal(thread.complete, false);
  });

  it('reports a deleted Bluesky post (the AppView says 400 NotFound) as a 404', async () => {
    const { fetch } = fakeFetch({
      'https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread': Response.json(
        { error: 'NotFound', message: 'Post not found' },
        { status: 400 },
      ),
    });
    await assert.rejects(
      fetchThread('at://did:plc:gemeente/app.bsky.feed.post/3root', { fetch, ...noSleep }),
      (error: unknown) => error instanceof SourceHttpError && error.status === 404,
    );
  });

  it('refuses to fetch from local or private addresses', async () => {
    const { fetch, asked } = fakeFetch({});
    await assert.rejects(fetchThread('https://127.0.0.1/@a/1', { fetch }), /public HTTPS/);
    await assert.rejects(fetchThread('http://social.gemeente.example/@a/1', { fetch }), /public HTTPS/);
    assert.equal(asked.length, 0);
  });
});
