/**
 * How a mirrored post arrives in moderation: screened like portal input, and published on
 * import or waiting for a moderator. A resident's reply is personal data published by
 * someone who did not post on the municipality's portal: it is shown in a mirror only after
 * a moderator published it. The municipality's own posts (and, when the organisation
 * chooses so, other public bodies' posts) are published on import. The queue side of
 * social posts is `../moderation/social-source.ts`.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations, type ScreeningRecord, type SocialAutoPublish } from '../../db/schema.ts';
import { screen } from '../screening/index.ts';

/** The one "question" a social post answers in the queue: its text. */
export const SOCIAL_POST_FIELD = 'post';

/** Screens a post's plain text as portal input is screened. */
export function screenPost(text: string, lang: string | null | undefined, now: Date): ScreeningRecord {
  const result = screen(text, { lang: lang === 'en' ? 'en' : 'nl', floodVolume: Number.POSITIVE_INFINITY });
  return {
    version: 1,
    screenedAt: now.toISOString(),
    fields: [{ question: SOCIAL_POST_FIELD, flags: result.flags, redacted: result.redacted }],
  };
}

/** Whether a post by this author is published without a moderator, by the organisation's choice. */
export function publishesWithoutReview(
  author: { isOwnAccount: boolean; isOfficial: boolean } | null | undefined,
  setting: SocialAutoPublish,
): boolean {
  if (!author || setting === 'none') return false;
  return author.isOwnAccount || (setting === 'official' && author.isOfficial);
}

/** The review columns a post gets when it arrives or changes: published, or waiting. */
export function reviewOnArrival(autoPublish: boolean, now: Date, publishedBefore?: Date | null) {
  return autoPublish
    ? { reviewState: 'published' as const, publishedAt: publishedBefore ?? now, moderationRule: null }
    : { reviewState: 'new' as const, publishedAt: null, moderationRule: null };
}

export async function autoPublishSetting(db: Pick<Db, 'select'>, organisationId: string): Promise<SocialAutoPublish> {
  const [row] = await db
    .select({ setting: organisations.socialAutoPublish })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row?.setting ?? 'own';
}
