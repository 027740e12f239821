/**
 * Requests that reach the municipality another way (letter, phone, e-mail to the privacy
 * officer): staff find what Podium holds about a person by e-mail address or social-media
 * handle, export it, and erase it. Every step is in the audit log, without the e-mail
 * address or handle itself (the log outlives the data); staff pass a reference (the case
 * number of the request) to tie the entries to their file.
 *
 * Used by `npx podium privacy …`; the staff workbench will call the same functions.
 */
import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  consultations,
  socialAuthors,
  socialPosts,
  socialThreads,
  staffReplies,
  submissionContacts,
  submissions,
} from '../db/schema.ts';
import { recordAudit } from './audit.ts';
import { markContentChanged } from './content-revision.ts';
import { eraseSubmission, exportSubmission, type RightsActor, type SubmissionExport } from './residents-rights.ts';
import { erasedContent } from './social/threads.ts';
import { forgetPostTexts, removeDeadCopies } from './erasure.ts';
import { forgetPseudonym } from './social/public-mirror.ts';

export type PersonQuery = { email: string } | { handle: string };
type StaffActor = Exclude<RightsActor, { type: 'resident' }>;

export type PersonalDataFound = {
  submissions: Array<{ id: string; code: string; consultation: string; submittedAt: string; erasedAt: string | null }>;
  socialAuthors: Array<{
    id: string;
    platform: string;
    handle: string | null;
    displayName: string | null;
    posts: number;
  }>;
};

/** `@Anna@social.example` and `anna@social.example` are the same handle. */
const normaliseHandle = (handle: string) => handle.trim().replace(/^@/, '').toLowerCase();

function checkQuery(query: PersonQuery): void {
  const value = 'email' in query ? query.email : query.handle;
  if (value.trim().length < 3) throw new RangeError('Give a whole e-mail address or handle (at least 3 characters).');
}

/** What Podium holds about a person: their input (by contact e-mail) and their social accounts (by handle). */
export async function findPersonalData(db: Db, query: PersonQuery, actor: StaffActor): Promise<PersonalDataFound> {
  checkQuery(query);
  const found: PersonalDataFound = { submissions: [], socialAuthors: [] };
  if ('email' in query) {
    const rows = await db
      .select({ submission: submissions, consultation: consultations.slug })
      .from(submissionContacts)
      .innerJoin(submissions, eq(submissions.id, submissionContacts.submissionId))
      .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
      .where(sql`lower(${submissionContacts.email}) = ${query.email.trim().toLowerCase()}`)
      .orderBy(asc(submissions.createdAt));
    found.submissions = rows.map(({ submission, consultation }) => ({
      id: submission.id,
      code: submission.followUpCode,
      consultation,
      submittedAt: submission.createdAt.toISOString(),
      erasedAt: submission.erasedAt?.toISOString() ?? null,
    }));
  } else {
    const authors = await db
      .select()
      .from(socialAuthors)
      .where(sql`lower(ltrim(${socialAuthors.handle}, '@')) = ${normaliseHandle(query.handle)}`);
    const counts = authors.length
      ? await db
          .select({ authorId: socialPosts.authorId, posts: count() })
          .from(socialPosts)
          .where(
            inArray(
              socialPosts.authorId,
              authors.map((a) => a.id),
            ),
          )
          .groupBy(socialPosts.authorId)
      : [];
    found.socialAuthors = authors.map((author) => ({
      id: author.id,
      platform: author.platform,
      handle: author.handle,
      displayName: author.displayName,
      posts: counts.find((c) => c.authorId === author.id)?.posts ?? 0,
    }));
  }
  await recordAudit(db, {
    actorType: actor.type,
    actorId: actor.type === 'staff' ? actor.id : null,
    action: 'personal_data.searched',
    subjectType: 'person',
    details: {
      by: 'email' in query ? 'email' : 'handle',
      submissions: found.submissions.length,
      socialAuthors: found.socialAuthors.length,
      ...(actor.reference ? { reference: actor.reference } : {}),
    },
  });
  return found;
}

export type PersonalDataExport = {
  format: 'podium.personal-data-export/1';
  exportedAt: string;
  submissions: SubmissionExport[];
  socialAccounts: Array<{
    platform: string;
    handle: string | null;
    displayName: string | null;
    url: string | null;
    posts: Array<{
      thread: string;
      url: string | null;
      postedAt: string;
      text: string;
      language: string | null;
      /** The municipality's answers to the post, as for input (`replies` of a submission). */
      replies: Array<{ language: string; body: string; createdAt: string; publishedAt: string | null }>;
    }>;
  }>;
};

/** Everything held about the person, as one JSON document for the requester. */
export async function exportPersonalData(
  db: Db,
  query: PersonQuery,
  params: { now: Date; actor: StaffActor },
): Promise<PersonalDataExport> {
  const found = await findPersonalData(db, query, params.actor);
  const result: PersonalDataExport = {
    format: 'podium.personal-data-export/1',
    exportedAt: params.now.toISOString(),
    submissions: [],
    socialAccounts: [],
  };
  for (const { code } of found.submissions) {
    const data = await exportSubmission(db, code, params.now, params.actor);
    if (data) result.submissions.push(data);
  }
  for (const { id } of found.socialAuthors) {
    const [author] = await db.select().from(socialAuthors).where(eq(socialAuthors.id, id));
    if (!author) continue;
    const posts = await db
      .select({ post: socialPosts, thread: socialThreads.sourceUrl, threadId: socialThreads.id })
      .from(socialPosts)
      .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
      .where(eq(socialPosts.authorId, id))
      .orderBy(asc(socialPosts.postedAt));
    // What the municipality answered belongs with what the person wrote: a resident who asks
    // for their data sees the conversation, not half of it (like the replies to their input).
    const postIds = posts.map(({ post }) => post.id);
    const replies =
      postIds.length === 0
        ? []
        : await db
            .select()
            .from(staffReplies)
            .where(inArray(staffReplies.socialPostId, postIds))
            .orderBy(asc(staffReplies.createdAt), asc(staffReplies.id));
    result.socialAccounts.push({
      platform: author.platform,
      handle: author.handle,
      displayName: author.displayName,
      url: author.url,
      posts: posts.map(({ post, thread, threadId }) => ({
        thread: thread ?? threadId,
        url: post.url,
        postedAt: post.postedAt.toISOString(),
        text: post.contentText,
        language: post.language,
        replies: replies
          .filter((reply) => reply.socialPostId === post.id)
          .map((reply) => ({
            language: reply.language,
            body: reply.body,
            createdAt: reply.createdAt.toISOString(),
            publishedAt: reply.publishedAt?.toISOString() ?? null,
          })),
      })),
    });
    await recordAudit(db, {
      actorType: params.actor.type,
      actorId: params.actor.type === 'staff' ? params.actor.id : null,
      action: 'social_author.exported',
      subjectType: 'social_author',
      subjectId: id,
      details: { posts: posts.length, ...(params.actor.reference ? { reference: params.actor.reference } : {}) },
    });
  }
  return result;
}

export type ErasureReport = { submissions: number; socialAuthors: number; socialPosts: number };

/**
 * Erases the person's input (as the resident's own erasure does) and their social-media
 * posts and account: the posts become empty "deleted" placeholders, which the public
 * mirror hides unless replies hang under them; the portal is rebuilt without them.
 */
export async function erasePersonalData(
  db: Db,
  query: PersonQuery,
  params: { now: Date; actor: StaffActor },
): Promise<ErasureReport> {
  const found = await findPersonalData(db, query, params.actor);
  const postIdsOf = new Map<string, string[]>();
  for (const { id } of found.socialAuthors) {
    const rows = await db.select({ id: socialPosts.id }).from(socialPosts).where(eq(socialPosts.authorId, id));
    postIdsOf.set(
      id,
      rows.map((r) => r.id),
    );
  }
  const report: ErasureReport = { submissions: 0, socialAuthors: 0, socialPosts: 0 };
  for (const { id, erasedAt } of found.submissions) {
    if (erasedAt) continue;
    const result = await eraseSubmission(db, { id, now: params.now, actor: params.actor, removeDeadCopies: false });
    if (result.kind === 'erased') report.submissions += 1;
  }
  const linkedSubmissions: string[] = [];
  for (const { id: authorId } of found.socialAuthors) {
    await db.transaction(async (tx) => {
      const [author] = await tx.delete(socialAuthors).where(eq(socialAuthors.id, authorId)).returning();
      if (!author) return;
      // Deleting the author row set the posts' author to null; find them by the ids taken before.
      const postIds = postIdsOf.get(authorId) ?? [];
      const posts =
        postIds.length === 0
          ? []
          : await tx
              .update(socialPosts)
              .set({ ...erasedContent, url: null, deletedAt: params.now })
              .where(inArray(socialPosts.id, postIds))
              .returning({ submissionId: socialPosts.submissionId, threadId: socialPosts.threadId });
      // The municipality's answers to the posts may quote them, and staff's notes go with
      // their words (erasure.ts).
      await forgetPostTexts(tx, postIds);
      const who = author.handle ?? author.displayName;
      if (who)
        for (const threadId of new Set(posts.map((post) => post.threadId))) await forgetPseudonym(tx, threadId, who);
      for (const post of posts) if (post.submissionId) linkedSubmissions.push(post.submissionId);
      const [thread] = posts.length
        ? await tx
            .select({ organisationId: socialThreads.organisationId })
            .from(socialThreads)
            .where(eq(socialThreads.id, posts[0]!.threadId))
        : [];
      report.socialAuthors += 1;
      report.socialPosts += posts.length;
      await recordAudit(tx, {
        organisationId: thread?.organisationId ?? null,
        actorType: params.actor.type,
        actorId: params.actor.type === 'staff' ? params.actor.id : null,
        action: 'social_author.erased',
        subjectType: 'social_author',
        subjectId: author.id,
        details: {
          platform: author.platform,
          posts: posts.length,
          ...(params.actor.reference ? { reference: params.actor.reference } : {}),
        },
      });
      if (posts.length > 0) await markContentChanged(tx);
    });
  }
  // The moderation items the posts became hold the same words.
  for (const id of linkedSubmissions) {
    const result = await eraseSubmission(db, { id, now: params.now, actor: params.actor, removeDeadCopies: false });
    if (result.kind === 'erased') report.submissions += 1;
  }
  if (report.submissions + report.socialAuthors > 0) await removeDeadCopies(db);
  return report;
}
