/**
 * One interface for posting on a platform as the municipality's connected account, so the
 * answer poster (posting.ts) and the announcement poster (announcements) do not care whether
 * the account is on Mastodon or Bluesky. A publisher turns the platform's answers into a
 * `PublishFailure` with a code staff can act on; it never logs or returns the secret.
 */
import type { socialAccounts } from '../../../db/schema.ts';
import { waitUntilFromHeaders } from '../polite-fetch.ts';

export type AccountRow = typeof socialAccounts.$inferSelect;

/** An image with its alternative text, which every platform that takes one gets. */
export type OutgoingImage = { bytes: Uint8Array; mime: string; description: string };

/** What the post answers: Mastodon wants the status id, Bluesky the root and parent references. */
export type ReplyReference =
  | { platform: 'mastodon'; id: string }
  | { platform: 'bluesky'; root: { uri: string; cid: string }; parent: { uri: string; cid: string } };

export type OutgoingPost = {
  text: string;
  /** BCP 47 language tag, e.g. `nl`. */
  language: string;
  contentWarning?: string | null;
  images?: OutgoingImage[];
  reply?: ReplyReference | null;
  /** Stable per post: a retry after a crash posts nothing new where the platform honours it. */
  idempotencyKey: string;
  /**
   * Bluesky: the record key the post is created under, chosen once per outbox item and stored
   * before the first attempt (bluesky.ts `newRecordKey`), so a retry finds the post made before.
   */
  recordKey?: string;
};

/** What the platform made of the post: its id (Mastodon status id, Bluesky AT URI) and address. */
export type Published = { externalId: string; url: string | null; cid?: string | null };

export type PublishError =
  | 'token_rejected'
  | 'too_long'
  | 'refused'
  | 'post_gone'
  | 'rate_limited'
  | 'unavailable'
  | 'account_revoked'
  | 'no_secret_key';

/** Codes a retry will not fix. */
export const FINAL_ERRORS: ReadonlySet<PublishError> = new Set([
  'token_rejected',
  'too_long',
  'refused',
  'post_gone',
  'account_revoked',
  'no_secret_key',
]);

export class PublishFailure extends Error {
  override name = 'PublishFailure';
  readonly code: PublishError;
  readonly retryAt: Date | undefined;
  constructor(code: PublishError, retryAt?: Date) {
    super(code);
    this.code = code;
    this.retryAt = retryAt;
  }
}

export type PublisherOptions = {
  fetch?: typeof fetch;
  now?: () => Date;
};

export interface Publisher {
  publish(account: AccountRow, secret: string, post: OutgoingPost): Promise<Published>;
  /** Changes what was posted; may return a new id where the platform cannot edit in place. */
  edit(account: AccountRow, secret: string, externalId: string, post: OutgoingPost): Promise<Published>;
  /** Removes it; a post already gone counts as removed. */
  remove(account: AccountRow, secret: string, externalId: string): Promise<void>;
}

/** The platform's HTTP answer to a failed request, sorted into what staff can act on. */
export function failureFromStatus(status: number, headers: Headers, message: string, now: Date): PublishFailure {
  if (status === 401 || status === 403) return new PublishFailure('token_rejected');
  if (status === 404) return new PublishFailure('post_gone');
  if (status === 422 || status === 400) {
    return new PublishFailure(
      /character limit|too long|limit of \d+|graphemes|length/i.test(message) ? 'too_long' : 'refused',
    );
  }
  if (status === 413) return new PublishFailure('refused');
  if (status === 429) {
    const reset = waitUntilFromHeaders(headers, 429, now.getTime());
    return new PublishFailure('rate_limited', reset ? new Date(reset) : undefined);
  }
  return new PublishFailure('unavailable');
}
