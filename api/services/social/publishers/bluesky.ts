/**
 * Posting on Bluesky as the connected account with `@atproto/api`, the maintained client:
 * a session from the account's app password (`AtpAgent.login` on its PDS), images through
 * `uploadBlob` with their alternative text in the images embed, links and mentions as
 * facets from `RichText.detectFacets` (byte offsets, as the platform defines them), replies
 * with root and parent references. Bluesky has no edit: an edit deletes the post and posts
 * the new text (a new address). It has no free-text content warning either: the warning
 * opens the text, on a line of its own, so it is read before the rest.
 *
 * Bluesky has no idempotency key, but a record's key (`rkey`) may be chosen by the client
 * (com.atproto.repo.createRecord): the outboxes choose one per item (`newRecordKey`, a TID as
 * the app.bsky.feed.post lexicon wants) and store it before sending. A retry sends the same key;
 * the PDS refuses a second record under it (today a 500, bluesky-social/atproto#3718; a named
 * error once #4728 lands), so after any failed create the publisher looks the key up
 * (`getRecord`) and, when the record is there, records that post instead of posting again.
 */
import type { AtpAgent } from '@atproto/api';
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

const S32 = '234567abcdefghijklmnopqrstuvwxyz';

/** Base32-sortable, as TIDs are written (atproto.com/specs/tid), padded to `length`. */
function s32(value: bigint, length: number): string {
  let text = '';
  for (let rest = value; rest > 0n; rest /= 32n) text = S32[Number(rest % 32n)]! + text;
  return text.padStart(length, '2');
}

/** A TID: 13 characters, the top bit zero. */
export const RECORD_KEY = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

/**
 * A record key for one outbox item, chosen once and stored before the first attempt: a TID of
 * `now` in microseconds (the sub-millisecond part and the clock id random, so two items made in
 * the same millisecond differ).
 *
 * @example
 * const rkey = posting.blueskyRkey ?? newRecordKey(now)
 */
export function newRecordKey(now: Date): string {
  const micros = BigInt(now.getTime()) * 1000n + BigInt(Math.floor(Math.random() * 1000));
  return s32(micros, 11) + s32(BigInt(Math.floor(Math.random() * 1024)), 2);
}

// A session per account for the process's life: createSession has a tight daily budget.
const sessions = new Map<string, { secret: string; service: string; agent: AtpAgent }>();

export function blueskyPublisher(options: PublisherOptions = {}): Publisher {
  const now = options.now ?? (() => new Date());
  async function agentFor(account: AccountRow, secret: string): Promise<AtpAgent> {
    const known = sessions.get(account.id);
    if (known && known.secret === secret && known.service === account.instanceUrl && known.agent.hasSession)
      return known.agent;
    // Loaded when used: @atproto/api takes about 0.4 s of CPU to import, paid by every process otherwise.
    const { AtpAgent } = await import('@atproto/api');
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
    const { RichText } = await import('@atproto/api');
    const rt = new RichText({ text: blueskyText(outgoing) });
    await rt.detectFacets(agent);
    const images = [];
    for (const image of outgoing.images ?? []) {
      const { data } = await agent.uploadBlob(image.bytes, { encoding: image.mime });
      images.push({ image: data.blob, alt: image.description });
    }
    const reply =
      outgoing.reply?.platform === 'bluesky' ? { root: outgoing.reply.root, parent: outgoing.reply.parent } : undefined;
    const record = {
      text: rt.text,
      ...(rt.facets?.length ? { facets: rt.facets } : {}),
      langs: [outgoing.language],
      ...(images.length ? { embed: { $type: 'app.bsky.embed.images', images } } : {}),
      ...(reply ? { reply } : {}),
      createdAt: now().toISOString(),
    };
    const created = outgoing.recordKey ? await createOnce(agent, outgoing.recordKey, record) : await agent.post(record);
    const rkey = created.uri.split('/').pop()!;
    const handle = account.handle.replace(/^@/, '');
    return { externalId: created.uri, cid: created.cid, url: `https://bsky.app/profile/${handle}/post/${rkey}` };
  }

  /**
   * Creates the post under the key chosen before; when that fails (the PDS refuses a record
   * that exists, or the answer was lost), a post already under the key is the one made by an
   * earlier attempt, and is taken as the outcome.
   */
  async function createOnce(
    agent: AtpAgent,
    rkey: string,
    record: Parameters<AtpAgent['app']['bsky']['feed']['post']['create']>[1],
  ): Promise<{ uri: string; cid: string }> {
    const repo = agent.accountDid;
    try {
      return await agent.app.bsky.feed.post.create({ repo, rkey }, record);
    } catch (error) {
      const existing = await agent.app.bsky.feed.post.get({ repo, rkey }).catch(() => undefined);
      if (existing?.uri && existing.cid) return { uri: existing.uri, cid: existing.cid };
      throw error;
    }
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
