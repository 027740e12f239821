/**
 * What a moderator needs beside an item to judge it: for a mirrored social post, who wrote it,
 * what it answers and the conversation around it (every post with its review state, also
 * those the public mirror does not show); for any item, the resident's earlier contributions.
 *
 * Authors are named as the portal's mirror names them (`publicMirror`, so "Inwoner A" here is
 * "Inwoner A" there), not by their handle: a moderator judges what was said, and the history
 * links the same person's items without showing who they are.
 *
 * The history is personal data: the caller asks for it only for roles with `contacts.read`.
 * Portal and widget input is linked by e-mail address only where both contributions came with
 * consent to be contacted (a resident who gave an address without consent did not agree to
 * being recognised by it); social posts by the account that wrote them, within the
 * organisation's own threads. Erased items never appear, and neither does another
 * organisation's data (social authors are shared between organisations).
 */
import { and, asc, count, desc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { SocialPost as MirrorPost } from '../../../shared/contracts/social-thread.ts';
import { authorRole } from '../../../shared/thread-view.ts';
import type { Db } from '../../db/client.ts';
import {
  consultations,
  questions,
  socialAuthors,
  socialPosts,
  socialThreads,
  submissionAnswers,
  submissionContacts,
  submissions,
  type LocalizedText,
} from '../../db/schema.ts';
import { visibleDepartments } from '../auth/roles.ts';
import { authorDisplayOf, pseudonymsOf, publicMirror } from '../social/public-mirror.ts';
import type { QueueItem, ReviewState, Viewer } from './source.ts';

/** Threads up to this many posts are shown whole; longer ones as the item's neighbourhood. */
export const WHOLE_THREAD_LIMIT = 40;
/** The most earlier contributions listed; more are counted, not listed. */
export const HISTORY_LIMIT = 20;
const EXCERPT_LENGTH = 160;

/** How a post's author is named: a resident by the mirror's pseudonym, an account by its name. */
export type ContextAuthor =
  { kind: 'resident'; pseudonym: string } | { kind: 'own' | 'official' | 'named'; name: string } | { kind: 'unknown' };

export type ContextPost = {
  /** The post's item id in the queue (`/beheer/items/<id>`). */
  id: string;
  author: ContextAuthor;
  /** The pseudonym or name of the author of the post it answers, when in the thread. */
  answers: ContextAuthor | null;
  depth: number;
  postedAt: Date;
  state: ReviewState;
  /** Deleted at the source or a stand-in: no text, nothing to open. */
  gone: 'deleted' | 'placeholder' | null;
  excerpt: string;
  lang: string | null;
  current: boolean;
};

export type ThreadContext = {
  threadId: string;
  platform: string;
  title: LocalizedText | null;
  author: ContextAuthor;
  /** The post this one answers; null for the root. */
  parent: ContextPost | null;
  /** In reading order: the whole thread, or (long threads) the parent chain, the item, its siblings and replies. */
  posts: ContextPost[];
  total: number;
  /** The public mirror of the thread, if it is served (it shows only published posts). */
  mirrored: boolean;
};

export type HistoryEntry = {
  id: string;
  createdAt: Date;
  /** The consultation (input) or the conversation (social) it belongs to. */
  where: LocalizedText | null;
  excerpt: string;
  lang: string | null;
  state: ReviewState;
};

export type ContactHistory =
  | { kind: 'linked'; by: 'email' | 'social_account'; entries: HistoryEntry[]; more: number }
  /** Why nothing can be linked: no address, an address without consent, the municipality's own account. */
  | { kind: 'unlinked'; reason: 'no_email' | 'no_consent' | 'own_account' | 'unknown_author' };

export type ItemContext = { thread?: ThreadContext | undefined; history?: ContactHistory | undefined };

export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

/**
 * The context of an item the viewer already found (`findItem`). `contacts` says whether the
 * viewer may see contact history; without it none is looked up at all.
 */
export async function itemContext(
  db: Db,
  viewer: Viewer,
  item: QueueItem,
  options: { contacts: boolean },
): Promise<ItemContext> {
  if (item.reviewState === 'erased') return {};
  if (item.channel === 'social') {
    const thread = await threadContext(db, viewer, item.id);
    const history = options.contacts ? await socialHistory(db, viewer, item.id) : undefined;
    return { thread, history };
  }
  return { history: options.contacts ? await inputHistory(db, viewer, item.id) : undefined };
}

/**
 * What the thread's outline needs of every post: never its text or payload, which are read
 * for the posts shown only (a thread of 2,000 replies read whole, raw payloads and all, for
 * every item page).
 */
const outlineColumns = {
  id: socialPosts.id,
  externalId: socialPosts.externalId,
  parentExternalId: socialPosts.parentExternalId,
  authorId: socialPosts.authorId,
  depth: socialPosts.depth,
  postedAt: socialPosts.postedAt,
  reviewState: socialPosts.reviewState,
  publishedAt: socialPosts.publishedAt,
  deletedAt: socialPosts.deletedAt,
  placeholder: socialPosts.placeholder,
};
type StoredPost = { [K in keyof typeof outlineColumns]: (typeof socialPosts.$inferSelect)[K] };
type StoredAuthor = Pick<typeof socialAuthors.$inferSelect, 'displayName' | 'handle' | 'isOwnAccount' | 'isOfficial'>;

/** The thread around a post, each post with its review state and its author as the mirror names them. */
export async function threadContext(db: Db, viewer: Viewer, postId: string): Promise<ThreadContext | undefined> {
  const [found] = await db
    .select({ thread: socialThreads })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .where(and(eq(socialPosts.id, postId), eq(socialThreads.organisationId, viewer.organisationId)));
  if (!found || found.thread.removedAt) return undefined;
  const thread = found.thread;
  const rows = await db
    .select({
      post: outlineColumns,
      author: {
        displayName: socialAuthors.displayName,
        handle: socialAuthors.handle,
        isOwnAccount: socialAuthors.isOwnAccount,
        isOfficial: socialAuthors.isOfficial,
      },
    })
    .from(socialPosts)
    .leftJoin(socialAuthors, eq(socialAuthors.id, socialPosts.authorId))
    .where(eq(socialPosts.threadId, thread.id))
    .orderBy(asc(socialPosts.position));
  const names = await authorNames(db, thread.id, rows);
  const byExternal = new Map(rows.map((r) => [r.post.externalId, r.post]));
  const current = rows.find((r) => r.post.id === postId)!.post;
  const parentPost = current.parentExternalId ? byExternal.get(current.parentExternalId) : undefined;
  const shown = rows.length <= WHOLE_THREAD_LIMIT ? rows.map((r) => r.post) : neighbourhood(rows, current, byExternal);
  const texts = await textsOf(db, [...shown, ...(parentPost ? [parentPost] : [])]);
  const toContext = (post: StoredPost): ContextPost => {
    const parent = post.parentExternalId ? byExternal.get(post.parentExternalId) : undefined;
    const gone = post.deletedAt ? 'deleted' : post.placeholder ? 'placeholder' : null;
    const text = texts.get(post.id);
    return {
      id: post.id,
      author: names.get(post.id) ?? { kind: 'unknown' },
      answers: parent ? (names.get(parent.id) ?? { kind: 'unknown' }) : null,
      depth: post.depth,
      postedAt: post.postedAt,
      state: post.reviewState,
      gone,
      excerpt: gone || post.reviewState === 'erased' ? '' : excerptOf(text?.contentText ?? ''),
      lang: text?.language ?? null,
      current: post.id === postId,
    };
  };
  return {
    threadId: thread.id,
    platform: thread.platform,
    title: thread.title ?? null,
    author: names.get(current.id) ?? { kind: 'unknown' },
    parent: parentPost ? toContext(parentPost) : null,
    posts: shown.map(toContext),
    total: rows.length,
    mirrored: rows.some((r) => r.post.publishedAt !== null && r.post.deletedAt === null),
  };
}

/** The text and language of the posts an item page shows, by post. */
async function textsOf(
  db: Db,
  posts: StoredPost[],
): Promise<Map<string, { contentText: string; language: string | null }>> {
  if (posts.length === 0) return new Map();
  const rows = await db
    .select({ id: socialPosts.id, contentText: socialPosts.contentText, language: socialPosts.language })
    .from(socialPosts)
    .where(
      inArray(
        socialPosts.id,
        posts.map((post) => post.id),
      ),
    );
  return new Map(rows.map(({ id, ...text }) => [id, text]));
}

/** In a long thread, the replies to the same post shown on either side of the item. */
export const SIBLINGS_AROUND = 5;
/** In a long thread, the item's own replies shown (the first, in reading order). */
export const REPLIES_SHOWN = 10;

/**
 * For a long thread: the chain up to the root, the item, the replies to the same post nearest
 * to it and its first own replies. A thread of 2,000 replies to one post was listed whole here
 * (1.1 MB and 1.2 s for the item page); the page says how many of how many it shows.
 */
function neighbourhood(
  rows: Array<{ post: StoredPost }>,
  current: StoredPost,
  byExternal: Map<string, StoredPost>,
): StoredPost[] {
  const keep = new Set<string>([current.id]);
  for (let up = current.parentExternalId; up;) {
    const parent = byExternal.get(up);
    if (!parent || keep.has(parent.id)) break;
    keep.add(parent.id);
    up = parent.parentExternalId;
  }
  const siblings = rows.filter(({ post }) => post.parentExternalId === current.parentExternalId);
  const at = siblings.findIndex(({ post }) => post.id === current.id);
  for (const { post } of siblings.slice(Math.max(0, at - SIBLINGS_AROUND), at + SIBLINGS_AROUND + 1)) keep.add(post.id);
  const replies = rows.filter(({ post }) => post.parentExternalId === current.externalId);
  for (const { post } of replies.slice(0, REPLIES_SHOWN)) keep.add(post.id);
  return rows.map((r) => r.post).filter((post) => keep.has(post.id));
}

/**
 * Each post's author as the portal's mirror names them. The published posts go through
 * `publicMirror` first and in their reading order, so their residents get the letters the
 * portal shows; residents who have nothing published yet get the letters after those.
 */
async function authorNames(
  db: Db,
  threadId: string,
  rows: Array<{ post: StoredPost; author: StoredAuthor | null }>,
): Promise<Map<string, ContextAuthor>> {
  const withAuthor = rows.filter((r) => r.author && !r.post.placeholder && !r.post.deletedAt);
  const published = withAuthor.filter((r) => r.post.publishedAt !== null);
  const waiting = withAuthor.filter((r) => r.post.publishedAt === null);
  // One post per person, at their first: the mirror gives letters in that order, so a thread
  // of thousands of replies by a few hundred people names a few hundred. People as the mirror
  // tells them apart (public-mirror.ts `keyOf`): by handle, else by name, else each post alone.
  const personOf = ({ post, author }: { post: StoredPost; author: StoredAuthor | null }) =>
    author?.handle ?? author?.displayName ?? `post:${post.id}`;
  const firstOf = new Map<string, { post: StoredPost; author: StoredAuthor | null }>();
  for (const row of [...published, ...waiting]) if (!firstOf.has(personOf(row))) firstOf.set(personOf(row), row);
  const mirrorPost = ({ post, author }: { post: StoredPost; author: StoredAuthor | null }): MirrorPost => ({
    id: post.id,
    url: null,
    parentId: null,
    depth: post.depth,
    placeholder: null,
    author: {
      displayName: author!.displayName,
      handle: author!.handle,
      url: null,
      isOwnAccount: author!.isOwnAccount,
      isOfficial: author!.isOfficial,
    },
    html: '',
    text: '',
    contentWarning: null,
    sensitive: false,
    labels: [],
    media: [],
    links: [],
    mentions: [],
    hashtags: [],
    counts: { replies: null, reposts: null, likes: null, quotes: null },
    createdAt: post.postedAt.toISOString(),
    editedAt: null,
    deletedAt: null,
  });
  const posts = [...firstOf.values()].map(mirrorPost);
  const mirrored = publicMirror(
    {
      id: threadId,
      platform: 'mastodon',
      rootId: '',
      url: null,
      title: null,
      lastSyncedAt: null,
      posts,
    },
    await authorDisplayOf(db, threadId),
    // The letters the portal shows, so staff and residents speak of the same "Inwoner B".
    await pseudonymsOf(db, threadId),
  );
  const byPerson = new Map<string, ContextAuthor>();
  const people = [...firstOf.keys()];
  // The mirror gives residents' posts opaque ids: post i of the mirror is the i-th author's.
  for (const [index, post] of mirrored.posts.entries()) {
    const role = authorRole(post);
    const author = post.author!;
    const name = author.displayName ?? (author.handle ? `@${author.handle}` : null);
    byPerson.set(
      people[index]!,
      author.pseudonym
        ? { kind: 'resident', pseudonym: author.pseudonym }
        : name
          ? { kind: role ?? 'named', name }
          : { kind: 'unknown' },
    );
  }
  return new Map(withAuthor.map((row) => [row.post.id, byPerson.get(personOf(row))!]));
}

/** Departments the viewer may see items of, as a condition on a consultation's department. */
function departmentCondition(viewer: Viewer, column: typeof consultations.departmentId): SQL | undefined {
  const visible = visibleDepartments(viewer.roles);
  if (visible === 'all') return undefined;
  return visible.length > 0 ? inArray(column, visible) : sql`false`;
}

/** Earlier (and later) input with the same e-mail address, where both came with consent to be contacted. */
export async function inputHistory(db: Db, viewer: Viewer, submissionId: string): Promise<ContactHistory> {
  const [own] = await db
    .select({ email: submissionContacts.email, consent: submissionContacts.consentToContact })
    .from(submissionContacts)
    .where(eq(submissionContacts.submissionId, submissionId));
  if (!own?.email) return { kind: 'unlinked', reason: 'no_email' };
  if (!own.consent) return { kind: 'unlinked', reason: 'no_consent' };
  // The index `submission_contacts_email` holds exactly this expression.
  const conditions = [
    sql`lower(${submissionContacts.email}) = lower(${own.email})`,
    eq(submissionContacts.consentToContact, true),
    ne(submissions.id, submissionId),
    eq(consultations.organisationId, viewer.organisationId),
    isNull(submissions.erasedAt),
    ne(submissions.reviewState, 'erased'),
  ];
  const departments = departmentCondition(viewer, consultations.departmentId);
  if (departments) conditions.push(departments);
  const rows = await db
    .select({
      id: submissions.id,
      createdAt: submissions.createdAt,
      state: submissions.reviewState,
      language: submissions.language,
      title: consultations.title,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(submissionContacts)
    .innerJoin(submissions, eq(submissions.id, submissionContacts.submissionId))
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(and(...conditions))
    .orderBy(desc(submissions.createdAt), desc(submissions.id))
    .limit(HISTORY_LIMIT);
  const texts = await firstOpenTexts(
    db,
    rows.map((r) => r.id),
  );
  return {
    kind: 'linked',
    by: 'email',
    entries: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      where: r.title,
      excerpt: excerptOf(texts.get(r.id) ?? ''),
      lang: r.language,
      state: r.state,
    })),
    more: Math.max(0, (rows[0]?.total ?? 0) - rows.length),
  };
}

/** The first open-text answer of each submission: what the list shows of it. */
async function firstOpenTexts(db: Db, ids: string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  if (ids.length === 0) return texts;
  const rows = await db
    .select({ id: submissionAnswers.submissionId, value: submissionAnswers.value })
    .from(submissionAnswers)
    .innerJoin(questions, eq(questions.id, submissionAnswers.questionId))
    .where(and(inArray(submissionAnswers.submissionId, ids), eq(questions.kind, 'open_text')))
    .orderBy(asc(questions.position));
  for (const row of rows) {
    if (!texts.has(row.id) && typeof row.value === 'string' && row.value.trim()) texts.set(row.id, row.value);
  }
  return texts;
}

/** Other posts by the same account in the organisation's own threads. */
export async function socialHistory(db: Db, viewer: Viewer, postId: string): Promise<ContactHistory> {
  const [own] = await db
    .select({ authorId: socialPosts.authorId, ownAccount: socialAuthors.isOwnAccount })
    .from(socialPosts)
    .leftJoin(socialAuthors, eq(socialAuthors.id, socialPosts.authorId))
    .where(eq(socialPosts.id, postId));
  if (!own?.authorId) return { kind: 'unlinked', reason: 'unknown_author' };
  // The municipality's own account wrote the threads: its posts are not a resident's history.
  if (own.ownAccount) return { kind: 'unlinked', reason: 'own_account' };
  const conditions = [
    eq(socialPosts.authorId, own.authorId),
    ne(socialPosts.id, postId),
    eq(socialThreads.organisationId, viewer.organisationId),
    isNull(socialThreads.removedAt),
    isNull(socialPosts.deletedAt),
    isNull(socialPosts.placeholder),
    ne(socialPosts.reviewState, 'erased'),
  ];
  const departments = departmentCondition(viewer, consultations.departmentId);
  if (departments) conditions.push(departments);
  const base = db
    .select({ id: socialPosts.id })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .leftJoin(consultations, eq(consultations.id, socialThreads.consultationId))
    .where(and(...conditions));
  const rows = await db
    .select({
      id: socialPosts.id,
      createdAt: socialPosts.postedAt,
      state: socialPosts.reviewState,
      text: socialPosts.contentText,
      lang: socialPosts.language,
      threadTitle: socialThreads.title,
      consultationTitle: consultations.title,
    })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .leftJoin(consultations, eq(consultations.id, socialThreads.consultationId))
    .where(and(...conditions))
    .orderBy(desc(socialPosts.createdAt), desc(socialPosts.id))
    .limit(HISTORY_LIMIT);
  const more =
    rows.length < HISTORY_LIMIT
      ? 0
      : Number((await db.select({ n: count() }).from(base.as('same')))[0]?.n ?? 0) - rows.length;
  return {
    kind: 'linked',
    by: 'social_account',
    entries: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      where: r.threadTitle ?? r.consultationTitle,
      excerpt: excerptOf(r.text),
      lang: r.lang,
      state: r.state,
    })),
    more,
  };
}
