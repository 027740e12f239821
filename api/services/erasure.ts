/**
 * What erasing input takes with it, besides its answers and contact details: every text
 * that was written about it and may quote it. Used by the resident's (and staff's)
 * erasure and by the retention purge, inside their transaction.
 *
 * - the municipality's replies (a reply may quote the input; the audit log keeps that it
 *   was answered, and when),
 * - residents' reports on it (their note may quote it),
 * - staff's sentiment corrections of it (they keep the text for retraining) and, with
 *   them, the correction model, which counts the words of every text it learnt from,
 * - staff's notes on it (`item_notes`; the audit log keeps only that a note was added),
 * - the screening record (a redacted copy of every text),
 * - lost-code e-mail links asked for with the input's address, and their mails in the outbox.
 *
 * A mirrored social-media post whose content is erased (on request, or deleted at the
 * source) takes the municipality's answers to it and moderators' notes on it along, for
 * the same reason: `forgetPostTexts`.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { describeError } from '../lib/log-error.ts';
import {
  emailLinks,
  itemNotes,
  outboxMessages,
  sentimentCorrections,
  staffReplies,
  submissionContacts,
  submissionReports,
  submissions,
} from '../db/schema.ts';
import { EMAIL_LINK_MAIL } from './email-links.ts';
import { retrainCorrectionModel } from './item-sentiment.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type ForgottenTexts = { replies: number; reports: number; corrections: number; notes: number };

/**
 * Removes the texts attached to these submissions of one organisation. Run it before the
 * contact details go: the e-mail address finds the links asked for with it.
 */
export async function forgetAttachedTexts(
  tx: Tx,
  params: { organisationId: string; submissionIds: string[]; now: Date },
): Promise<ForgottenTexts> {
  const { organisationId, submissionIds, now } = params;
  const none: ForgottenTexts = { replies: 0, reports: 0, corrections: 0, notes: 0 };
  if (submissionIds.length === 0) return none;

  const addresses = tx
    .select({ email: sql`lower(${submissionContacts.email})` })
    .from(submissionContacts)
    .where(inArray(submissionContacts.submissionId, submissionIds));
  await tx.delete(emailLinks).where(inArray(sql`lower(${emailLinks.email})`, addresses));
  await tx
    .delete(outboxMessages)
    .where(and(eq(outboxMessages.kind, EMAIL_LINK_MAIL), inArray(outboxMessages.recipient, addresses)));

  const replies = await tx
    .delete(staffReplies)
    .where(inArray(staffReplies.submissionId, submissionIds))
    .returning({ id: staffReplies.id });
  const reports = await tx
    .delete(submissionReports)
    .where(inArray(submissionReports.submissionId, submissionIds))
    .returning({ id: submissionReports.id });
  const corrections = await tx
    .delete(sentimentCorrections)
    .where(
      and(
        eq(sentimentCorrections.organisationId, organisationId),
        eq(sentimentCorrections.subjectType, 'submission'),
        inArray(sentimentCorrections.subjectId, submissionIds),
      ),
    )
    .returning({ id: sentimentCorrections.id });
  if (corrections.length > 0) await retrainCorrectionModel(tx, organisationId, now);

  // Staff's notes live as long as their item (the audit log keeps only that one was added).
  const notes = await tx
    .delete(itemNotes)
    .where(inArray(itemNotes.submissionId, submissionIds))
    .returning({ id: itemNotes.id });

  await tx
    .update(submissions)
    .set({ screening: null })
    .where(and(inArray(submissions.id, submissionIds), isNotNull(submissions.screening)));
  return { replies: replies.length, reports: reports.length, corrections: corrections.length, notes: notes.length };
}

export type ForgottenPostTexts = { replies: number; notes: number };

/**
 * Removes what was written about these mirrored posts: the municipality's answers (shown
 * under the post in the mirror; an answer may quote the post) and moderators' notes
 * (item_notes; the audit entries stay: that the post was answered or noted, and when). Run
 * it in the transaction that erases the posts' content.
 */
export async function forgetPostTexts(tx: Tx, postIds: readonly string[]): Promise<ForgottenPostTexts> {
  if (postIds.length === 0) return { replies: 0, notes: 0 };
  const replies = await tx
    .delete(staffReplies)
    .where(inArray(staffReplies.socialPostId, [...postIds]))
    .returning({ id: staffReplies.id });
  const notes = await tx
    .delete(itemNotes)
    .where(inArray(itemNotes.socialPostId, [...postIds]))
    .returning({ id: itemNotes.id });
  return { replies: replies.length, notes: notes.length };
}

/** Every table an erasure or a purge deletes from or updates: where dead copies of the text lie. */
const ERASED_TABLES = [
  'submissions',
  'submission_answers',
  'submission_contacts',
  'staff_replies',
  'submission_reports',
  'sentiment_corrections',
  'sentiment_models',
  'email_links',
  'outbox_messages',
  'staff_notifications',
  'audit_log',
  'item_notes',
  'social_posts',
  'social_authors',
] as const;

const embedded = new WeakMap<Db, Promise<boolean>>();

/** Whether this is the embedded database (PGlite), whose files Podium itself holds. */
function isEmbedded(db: Db): Promise<boolean> {
  let known = embedded.get(db);
  if (!known) {
    known = db.execute(sql`select version() like '%PGlite%' as pglite`).then((result: unknown) => {
      // postgres.js answers an array of rows, PGlite an object with `rows`.
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{
        pglite: boolean;
      }>;
      return rows[0]?.pglite === true;
    });
    embedded.set(db, known);
  }
  return known;
}

/**
 * After an erasure, removes the copies of the erased text that PostgreSQL keeps in its own
 * files: a DELETE or UPDATE leaves the old row in its page until the space is reused, and
 * the write-ahead log holds every row as it was written. On the embedded database, whose
 * files lie in Podium's data directory:
 *
 * - `VACUUM (FULL)` rewrites each table (and its TOAST table and indexes) into new files
 *   without the dead rows; the old files are removed at the next checkpoint;
 * - `wal_recycle = off` makes PostgreSQL delete old WAL segments instead of renaming them
 *   for reuse (a recycled segment keeps its old content until it is overwritten);
 * - `pg_switch_wal()` closes the segment that holds the text, and `CHECKPOINT` makes every
 *   segment before it unneeded, so it is deleted.
 *
 * What stays out of reach: blocks of deleted files on the disk itself (use an encrypted
 * disk) and copies outside the data directory (backups). On a PostgreSQL server the files,
 * the WAL archive and the backups are the operator's; VACUUM FULL would lock the tables of
 * every API process and CHECKPOINT needs a superuser, so Podium does nothing there.
 */
export async function removeDeadCopies(db: Db): Promise<void> {
  try {
    if (!(await isEmbedded(db))) return;
    await db.execute(sql`set wal_recycle = off`);
    await db.execute(sql.raw(`vacuum (full) ${ERASED_TABLES.join(', ')}`));
    await db.execute(sql`select pg_switch_wal()`);
    await db.execute(sql`checkpoint`);
  } catch (error) {
    // The erasure itself is committed and must be reported as done; the next erasure or
    // purge rewrites the files again. The operator sees why it failed this time.
    console.error(`Removing dead copies after an erasure failed: ${describeError(error)}`);
  }
}
