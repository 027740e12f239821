/**
 * Webcare answers an item: the answer is stored as a staff reply, published at once on the
 * resident's follow-up page and, when the input itself is published, with the input on
 * the portal (which is rebuilt). The item's state becomes `answered`.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { consultations, staffReplies, submissions } from '../../db/schema.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { recordAudit } from '../audit.ts';
import { can, type RoleGrant } from '../auth/roles.ts';
import { markContentChanged } from '../content-revision.ts';

export const ANSWER_MAX_LENGTH = 5000;

export type AnswerResult =
  | { kind: 'answered'; replyId: string; public: boolean }
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  | { kind: 'empty' }
  | { kind: 'too_long' }
  | { kind: 'rejected' };

export async function answerItem(
  db: Db,
  params: {
    itemId: string;
    body: string;
    language: Locale;
    actor: { id: string; organisationId: string; roles: readonly RoleGrant[] };
    now: Date;
  },
): Promise<AnswerResult> {
  const { actor, now } = params;
  if (!can(actor.roles, 'queue.answer')) return { kind: 'forbidden' };
  const body = params.body.trim();
  if (!body) return { kind: 'empty' };
  if (body.length > ANSWER_MAX_LENGTH) return { kind: 'too_long' };
  const [row] = await db
    .select({ submission: submissions })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(
      and(
        eq(submissions.id, params.itemId),
        eq(consultations.organisationId, actor.organisationId),
        isNull(submissions.erasedAt),
      ),
    )
    .limit(1);
  if (!row) return { kind: 'not_found' };
  const { submission } = row;
  // A rejected item is answered by its house rule on the follow-up page; publish it first.
  if (submission.reviewState === 'rejected') return { kind: 'rejected' };
  const isPublic = submission.publishedAt !== null;

  const replyId = await db.transaction(async (tx) => {
    const [reply] = await tx
      .insert(staffReplies)
      .values({
        submissionId: submission.id,
        staffUserId: actor.id,
        departmentId: submission.assignedDepartmentId,
        language: params.language,
        body,
        createdAt: now,
        publishedAt: now,
      })
      .returning({ id: staffReplies.id });
    await tx
      .update(submissions)
      .set({ reviewState: 'answered', status: 'answered', updatedAt: now })
      .where(eq(submissions.id, submission.id));
    // The portal shows answers with published input; the follow-up page reads them live.
    if (isPublic) await markContentChanged(tx);
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorType: 'staff',
      actorId: actor.id,
      at: now,
      action: 'submission.answered',
      subjectType: 'submission',
      subjectId: submission.id,
      details: {
        reply: reply!.id,
        language: params.language,
        from: submission.reviewState,
        to: 'answered',
        public: isPublic,
      },
    });
    return reply!.id;
  });
  return { kind: 'answered', replyId, public: isPublic };
}
