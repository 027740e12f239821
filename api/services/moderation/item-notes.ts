/**
 * Staff's notes on a moderation item, kept apart from the audit log. The log keeps for five
 * years that a note was added, by whom and when; the words live in `item_notes` as long as
 * the item itself: an erasure or the retention purge takes them with the item (erasure.ts).
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { itemNotes, staffUsers } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';

/** The longest note the item's form accepts. */
export const NOTE_MAX_LENGTH = 1000;

export type NoteSubject = { type: 'submission' | 'social_post'; id: string };

export type ItemNote = {
  id: string;
  body: string;
  createdAt: Date;
  /** The author's name now; null once their account is erased. */
  authorName: string | null;
};

type Writer = Pick<Db, 'insert' | 'execute'>;

function itemColumn(subject: NoteSubject) {
  return subject.type === 'submission' ? itemNotes.submissionId : itemNotes.socialPostId;
}

/**
 * Stores a note and its audit entry, in the caller's transaction. The entry says that a
 * note was added, and nothing of what it says.
 */
export async function addItemNote(
  tx: Writer,
  params: { organisationId: string; subject: NoteSubject; authorId: string; body: string; now: Date },
): Promise<void> {
  const { subject, now } = params;
  const body = params.body.trim();
  if (body.length === 0 || body.length > NOTE_MAX_LENGTH) throw new RangeError('A note holds 1 to 1000 characters.');
  await tx.insert(itemNotes).values({
    submissionId: subject.type === 'submission' ? subject.id : null,
    socialPostId: subject.type === 'social_post' ? subject.id : null,
    authorStaffId: params.authorId,
    body,
    createdAt: now,
  });
  await recordAudit(tx, {
    organisationId: params.organisationId,
    actorType: 'staff',
    actorId: params.authorId,
    at: now,
    action: subject.type === 'submission' ? 'submission.note' : 'social_post.note',
    subjectType: subject.type,
    subjectId: subject.id,
    details: {},
  });
}

/** The item's notes, oldest first, with their authors. */
export async function notesOf(db: Db, subject: NoteSubject): Promise<ItemNote[]> {
  return db
    .select({
      id: itemNotes.id,
      body: itemNotes.body,
      createdAt: itemNotes.createdAt,
      authorName: staffUsers.displayName,
    })
    .from(itemNotes)
    .leftJoin(staffUsers, eq(staffUsers.id, itemNotes.authorStaffId))
    .where(eq(itemColumn(subject), subject.id))
    .orderBy(asc(itemNotes.createdAt), asc(itemNotes.id));
}
