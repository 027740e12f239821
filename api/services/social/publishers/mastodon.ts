/**
 * Posting on Mastodon as the connected account, as the API documents it: images first
 * (`POST /api/v2/media` with their `description`, the alternative text), then
 * `POST /api/v1/statuses` with `media_ids[]`, `spoiler_text` (content warning), `language`
 * and `in_reply_to_id`; `PUT /api/v1/statuses/:id` edits in place, `DELETE` removes.
 * The idempotency key goes in Mastodon's `Idempotency-Key` header (kept for an hour).
 */
import {
  failureFromStatus,
  PublishFailure,
  type AccountRow,
  type OutgoingPost,
  type Published,
  type Publisher,
  type PublisherOptions,
} from './types.ts';

const TIMEOUT_MS = 20_000;

export function mastodonPublisher(options: PublisherOptions = {}): Publisher {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());

  async function call(
    account: AccountRow,
    token: string,
    path: string,
    init: { method: string; json?: unknown; form?: FormData; idempotencyKey?: string },
  ): Promise<unknown> {
    const headers = new Headers({ Authorization: `Bearer ${token}`, Accept: 'application/json' });
    if (init.json !== undefined) headers.set('Content-Type', 'application/json');
    if (init.idempotencyKey) headers.set('Idempotency-Key', init.idempotencyKey);
    let response: Response;
    try {
      response = await doFetch(`${account.instanceUrl}${path}`, {
        method: init.method,
        headers,
        body: init.form ?? (init.json === undefined ? undefined : JSON.stringify(init.json)),
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      throw new PublishFailure('unavailable');
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const message = typeof (body as { error?: unknown })?.error === 'string' ? (body as { error: string }).error : '';
      throw failureFromStatus(response.status, response.headers, message, now());
    }
    return body;
  }

  async function uploadImages(account: AccountRow, token: string, post: OutgoingPost): Promise<string[]> {
    const ids: string[] = [];
    for (const image of post.images ?? []) {
      const form = new FormData();
      form.append('file', new Blob([image.bytes as BlobPart], { type: image.mime }), 'image');
      form.append('description', image.description);
      const media = (await call(account, token, '/api/v2/media', { method: 'POST', form })) as { id?: unknown };
      if (typeof media?.id !== 'string') throw new PublishFailure('unavailable');
      ids.push(media.id);
    }
    return ids;
  }

  const fields = (post: OutgoingPost, mediaIds: string[]) => ({
    status: post.text,
    language: post.language,
    spoiler_text: post.contentWarning ?? '',
    sensitive: !!post.contentWarning,
    media_ids: mediaIds,
  });

  const published = (body: unknown): Published => {
    const status = body as { id?: unknown; url?: unknown; uri?: unknown };
    if (typeof status?.id !== 'string') throw new PublishFailure('unavailable');
    return {
      externalId: status.id,
      url: typeof status.url === 'string' ? status.url : typeof status.uri === 'string' ? status.uri : null,
    };
  };

  return {
    async publish(account, token, post) {
      const mediaIds = await uploadImages(account, token, post);
      const body = await call(account, token, '/api/v1/statuses', {
        method: 'POST',
        idempotencyKey: post.idempotencyKey,
        json: {
          ...fields(post, mediaIds),
          visibility: 'public',
          ...(post.reply?.platform === 'mastodon' ? { in_reply_to_id: post.reply.id } : {}),
        },
      });
      return published(body);
    },
    async edit(account, token, externalId, post) {
      const mediaIds = await uploadImages(account, token, post);
      const body = await call(account, token, `/api/v1/statuses/${encodeURIComponent(externalId)}`, {
        method: 'PUT',
        json: fields(post, mediaIds),
      });
      return published(body);
    },
    async remove(account, token, externalId) {
      try {
        await call(account, token, `/api/v1/statuses/${encodeURIComponent(externalId)}`, { method: 'DELETE' });
      } catch (error) {
        if (error instanceof PublishFailure && error.code === 'post_gone') return;
        throw error;
      }
    },
  };
}
