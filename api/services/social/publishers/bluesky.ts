/**
 * Posting on Bluesky as the connected account with `@atproto/api`, the maintained client:
 * a session from the account's app password (`AtpAgent.login` on its PDS), images through
 * `uploadBlob` with their alternative text in the images embed, links and mentions as
 * facets from `RichText.detectFacets` (byte offsets, as the platform defines them), replies
 * with root and parent references. Bluesky has no edit: an edit deletes the post and posts
 * the new text (a new address). It has no free-text content warning either: the warning
 * opens the text, on a line of its own, so it is read before the rest. Bluesky has no
 * idempotency key: a poster that dies between posting and recording may post twice.
 */
import { AtpAgent, RichText } from '@atproto/api';
import {
  failureFromStatus,
  PublishFailure,
  type AccountRow,
  type OutgoingPost,
  type Published,
  type Publisher,
  type PublisherOptions,
} from './types.ts';

/** The text as Bluesky gets it: the content warning first, then the post. */
export function blueskyText(post: Pick<OutgoingPost, 'text' | 'contentWarning'>): string {
  return post.contentWarning ? `CW: ${post.contentWarning}\n\n${post.text}` : post.text;
}

function failureOf(error: unknown, now: Date): PublishFailure {
  if (error instanceof PublishFailure) return error;
  const e = error as { status?: unknown; error?: unknown; message?: unknown; headers?: Record<string, string> };
  if (typeof e?.status !== 'number' || e.status <= 1) return new PublishFailure('unavailable');
  const message = `${typeof e.error === 'string' ? e.error : ''} ${typeof e.message === 'string' ? e.message : ''}`;
  return failureFromStatus(e.status, new Headers(e.headers ?? {}), message, now);
}

// A session per account for the process's life: createSession has a tight daily budget.
const sessions = new Map<string, { secret: string; service: string; agent: AtpAgent }>();

export function blueskyPublisher(options: PublisherOptions = {}): Publisher {
  const now = options.now ?? (() => new Date());
  async function agentFor(account: AccountRow, secret: string): Promise<AtpAgent> {
    const known = sessions.get(account.id);
    if (known && known.secret === secret && known.service === account.instanceUrl && known.agent.hasSession)
      return known.agent;
    const agent = new AtpAgent({ service: account.instanceUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
    await agent.login({ identifier: account.handle.replace(/^@/, ''), password: secret });
    sessions.set(account.id, { secret, service: account.instanceUrl, agent });
    return agent;
  }

  /**
   * The work with the account's session. A session the PDS no longer accepts (access and
   * refresh token expired; `@atproto/api` tries the refresh itself) is dropped and the
   * account logs in once more with its app password; only a refused login is `token_rejected`.
   */
  async function guarded<T>(account: AccountRow, secret: string, work: (agent: AtpAgent) => Promise<T>): Promise<T> {
    const cached = sessions.has(account.id);
    try {
      return await work(await agentFor(account, secret));
    } catch (error) {
      const failure = failureOf(error, now());
      if (failure.code !== 'token_rejected') throw failure;
      sessions.delete(account.id);
      if (!cached) throw failure;
    }
    try {
      return await work(await agentFor(account, secret));
    } catch (error) {
      const failure = failureOf(error, now());
      if (failure.code === 'token_rejected') sessions.delete(account.id);
      throw failure;
    }
  }

  async function post(agent: AtpAgent, account: AccountRow, outgoing: OutgoingPost): Promise<Published> {
    const rt = new RichText({ text: blueskyText(outgoing) });
    await rt.detectFacets(agent);
    const images = [];
    for (const image of outgoing.images ?? []) {
      const { data } = await agent.uploadBlob(image.bytes, { encoding: image.mime });
      images.push({ image: data.blob, alt: image.description });
    }
    const reply =
      outgoing.reply?.platform === 'bluesky' ? { root: outgoing.reply.root, parent: outgoing.reply.parent } : undefined;
    const created = await agent.post({
      text: rt.text,
      ...(rt.facets?.length ? { facets: rt.facets } : {}),
      langs: [outgoing.language],
      ...(images.length ? { embed: { $type: 'app.bsky.embed.images', images } } : {}),
      ...(reply ? { reply } : {}),
    });
    const rkey = created.uri.split('/').pop()!;
    const handle = account.handle.replace(/^@/, '');
    return { externalId: created.uri, cid: created.cid, url: `https://bsky.app/profile/${handle}/post/${rkey}` };
  }

  return {
    publish: (account, secret, outgoing) => guarded(account, secret, (agent) => post(agent, account, outgoing)),
    edit: (account, secret, externalId, outgoing) =>
      guarded(account, secret, async (agent) => {
        await agent.deletePost(externalId);
        return post(agent, account, outgoing);
      }),
    remove: (account, secret, externalId) =>
      guarded(account, secret, async (agent) => {
        try {
          await agent.deletePost(externalId);
        } catch (error) {
          if (failureOf(error, now()).code === 'post_gone') return;
          throw error;
        }
      }),
  };
}
