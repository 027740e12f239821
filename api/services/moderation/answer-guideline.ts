/**
 * Whether webcare's answers to a mirrored post need a second person's approval: the
 * `answers_need_approval` of the post's channel guideline, found as the response promise
 * finds it (the account the thread was written to, else the platform's guideline), so the
 * page that promises an answer and the rule that holds it back read the same channel.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { channelGuidelines, socialThreads } from '../../db/schema.ts';
import { guidelineOrder, rootAccount, socialGuideline } from '../office-hours/due-times.ts';

export async function answersNeedApproval(
  db: Pick<Db, 'select' | 'execute'>,
  organisationId: string,
  threadId: string,
): Promise<boolean> {
  const [thread] = await db
    .select({ platform: socialThreads.platform })
    .from(socialThreads)
    .where(eq(socialThreads.id, threadId));
  if (!thread) return false;
  const guidelines = await db
    .select({
      key: channelGuidelines.key,
      channel: channelGuidelines.channel,
      platform: channelGuidelines.platform,
      answersNeedApproval: channelGuidelines.answersNeedApproval,
    })
    .from(channelGuidelines)
    .where(eq(channelGuidelines.organisationId, organisationId))
    .orderBy(guidelineOrder);
  const account = await rootAccount(db, threadId);
  return socialGuideline(guidelines, thread.platform, account)?.answersNeedApproval ?? false;
}
