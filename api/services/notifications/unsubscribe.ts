/**
 * One-click unsubscribe (RFC 8058). The token in a mail's `List-Unsubscribe` header names
 * that one message; using it withdraws the resident's consent to be contacted for every
 * input they gave this organisation under that address (they asked for no more mail, not
 * for no more mail about one item), drops what is still queued for them, or turns off
 * e-mail notifications for a staff member. Idempotent, audited without the address.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  consultations,
  outboxMessages,
  staffNotificationPreferences,
  submissionContacts,
  submissions,
} from '../../db/schema.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { recordAudit } from '../audit.ts';
import { hashUnsubscribeToken } from '../../../shared/render/mail.ts';
import { NOTIFICATION_KINDS } from './preferences.ts';

export type UnsubscribeResult = { kind: 'unsubscribed'; lang: Locale } | { kind: 'unknown' };

/** A token looks like what `newUnsubscribeToken` makes: 43 base64url characters. */
export const UNSUBSCRIBE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export async function findUnsubscribe(db: Db, token: string) {
  if (!UNSUBSCRIBE_TOKEN.test(token)) return undefined;
  const [message] = await db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.unsubscribeTokenHash, hashUnsubscribeToken(token)))
    .limit(1);
  return message;
}

export async function unsubscribe(db: Db, token: string, now: Date): Promise<UnsubscribeResult> {
  const message = await findUnsubscribe(db, token);
  if (!message) return { kind: 'unknown' };
  await db.transaction(async (tx) => {
    if (message.submissionId && message.organisationId) {
      const address = message.recipient.trim().toLowerCase();
      const theirs = await tx
        .select({ id: submissions.id })
        .from(submissions)
        .innerJoin(submissionContacts, eq(submissionContacts.submissionId, submissions.id))
        .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
        .where(
          and(
            eq(consultations.organisationId, message.organisationId),
            sql`lower(${submissionContacts.email}) = ${address}`,
          ),
        );
      const ids = [...new Set([message.submissionId, ...theirs.map((row) => row.id)])];
      await tx
        .update(submissionContacts)
        .set({ consentToContact: false })
        .where(inArray(submissionContacts.submissionId, ids));
      await tx
        .delete(outboxMessages)
        .where(and(inArray(outboxMessages.submissionId, ids), eq(outboxMessages.state, 'pending')));
      await recordAudit(tx, {
        organisationId: message.organisationId,
        actorType: 'resident',
        at: now,
        action: 'mail.unsubscribed',
        subjectType: 'submission',
        subjectId: message.submissionId,
        details: { submissions: ids.length },
      });
    } else if (message.staffUserId) {
      const [current] = await tx
        .select()
        .from(staffNotificationPreferences)
        .where(eq(staffNotificationPreferences.staffUserId, message.staffUserId));
      const merged = Object.fromEntries(
        NOTIFICATION_KINDS.map((kind) => [
          kind,
          { workbench: current?.channels[kind]?.workbench ?? true, email: false },
        ]),
      );
      await tx
        .insert(staffNotificationPreferences)
        .values({ staffUserId: message.staffUserId, language: message.locale, channels: merged, updatedAt: now })
        .onConflictDoUpdate({
          target: staffNotificationPreferences.staffUserId,
          set: { channels: merged, updatedAt: now },
        });
      await tx
        .delete(outboxMessages)
        .where(and(eq(outboxMessages.staffUserId, message.staffUserId), eq(outboxMessages.state, 'pending')));
      if (message.organisationId) {
        await recordAudit(tx, {
          organisationId: message.organisationId,
          actorType: 'staff',
          actorId: message.staffUserId,
          at: now,
          action: 'mail.unsubscribed',
          subjectType: 'staff_user',
          subjectId: message.staffUserId,
          details: {},
        });
      }
    }
  });
  return { kind: 'unsubscribed', lang: message.locale };
}
