/**
 * Four eyes in the inbox's list (the steps themselves are answer-approval.ts): which items have
 * an answer waiting for approval or sent back, for the marker on each row, and the SQL of the
 * filters "awaiting my approval" and "my answers sent back". Only mirrored posts have answers
 * in four eyes; the list and the filter read the same rule, so a marked row is a filtered row.
 *
 * An answer counts as sent back while it is the post's latest one in four eyes and no answer
 * was published under the post after it was sent back (the writer has not answered since).
 */
import { and, desc, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { answerApprovals, staffReplies } from '../../db/schema.ts';
import type { AnswerApprovalMark, ApprovalFilter } from './source.ts';

/** The condition on a social post (its id column) that the approval filter asks for. */
export function approvalCondition(postId: AnyPgColumn, filter: ApprovalFilter): SQL {
  if (filter.state === 'awaiting') {
    // An author whose account was erased (written_by null) is nobody's own: a colleague still decides it.
    return sql`exists (select 1 from ${answerApprovals} waiting
      where waiting.social_post_id = ${postId} and waiting.state = 'awaiting'
      and (waiting.written_by is null or waiting.written_by <> ${filter.staffUserId}))`;
  }
  return sql`exists (select 1 from ${answerApprovals} sent_back
    where sent_back.social_post_id = ${postId} and sent_back.state = 'returned'
    and sent_back.written_by = ${filter.staffUserId}
    and not exists (select 1 from ${answerApprovals} later
      where later.social_post_id = sent_back.social_post_id and later.id <> sent_back.id
      and (later.written_at > sent_back.written_at
        or (later.written_at = sent_back.written_at and later.created_at > sent_back.created_at)))
    and not exists (select 1 from ${staffReplies} answered
      where answered.social_post_id = sent_back.social_post_id and answered.published_at > sent_back.decided_at))`;
}

/** Each post's four-eyes state, for the posts that have one. */
export async function approvalMarks(
  db: Pick<Db, 'select'>,
  postIds: readonly string[],
): Promise<Map<string, AnswerApprovalMark>> {
  const marks = new Map<string, AnswerApprovalMark>();
  if (postIds.length === 0) return marks;
  const approvals = await db
    .select({
      postId: answerApprovals.socialPostId,
      state: answerApprovals.state,
      writtenBy: answerApprovals.writtenBy,
      decidedAt: answerApprovals.decidedAt,
    })
    .from(answerApprovals)
    .where(inArray(answerApprovals.socialPostId, [...postIds]))
    .orderBy(desc(answerApprovals.writtenAt), desc(answerApprovals.createdAt));
  const latest = new Map<string, (typeof approvals)[number]>();
  for (const approval of approvals) if (!latest.has(approval.postId)) latest.set(approval.postId, approval);
  const returned = [...latest.values()].filter((a) => a.state === 'returned');
  const answeredAt = new Map<string, Date>();
  if (returned.length > 0) {
    const replies = await db
      .select({ postId: staffReplies.socialPostId, publishedAt: staffReplies.publishedAt })
      .from(staffReplies)
      .where(
        and(
          inArray(
            staffReplies.socialPostId,
            returned.map((a) => a.postId),
          ),
          isNotNull(staffReplies.publishedAt),
        ),
      );
    for (const reply of replies) {
      const before = answeredAt.get(reply.postId!);
      if (!before || reply.publishedAt! > before) answeredAt.set(reply.postId!, reply.publishedAt!);
    }
  }
  for (const [postId, approval] of latest) {
    if (approval.state === 'awaiting') marks.set(postId, { state: 'awaiting', writtenBy: approval.writtenBy });
    if (approval.state !== 'returned') continue;
    const answered = answeredAt.get(postId);
    if (answered && approval.decidedAt && answered > approval.decidedAt) continue;
    marks.set(postId, { state: 'returned', writtenBy: approval.writtenBy });
  }
  return marks;
}
