/**
 * What the public sees of a mirrored thread. Residents on social media did not post on
 * the municipality's portal: a public mirror shows what they said, not who they are. How a
 * private person appears is the organisation's choice (`organisations.social_author_display`):
 *
 * - `pseudonym` (default): "Inwoner A", "Inwoner B", … (kept for the life of the thread in
 *   `social_threads.pseudonyms`, so a reader can follow who answers whom and a deletion
 *   shifts nothing), without name, handle, profile or post link;
 * - `initials`: the initials of the display name ("Inwoner F.D."), likewise without handle,
 *   profile or post link;
 * - `none`: name and handle as on the platform, for organisations with a legal basis to
 *   publish them.
 *
 * The municipality's own and other official accounts are always shown as they are. In any
 * post a mentioned resident is their pseudonym, and no media carry the platform's address
 * (a platform's file address can name its author, and loading it tells the platform who
 * reads): images are served by Podium (mirror-media.ts), other media are described only.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SocialAuthor, SocialMention, SocialPost, SocialThread } from '../../../shared/contracts/social-thread.ts';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { organisations, socialPosts, socialThreads, type SocialAuthorDisplay } from '../../db/schema.ts';
import { mentionMarker } from '../../../shared/render/thread.ts';
import { isShownPost, readThread, readThreadPart, threadPeople, type ThreadPeople } from './threads.ts';
import { mirroredMedia } from './mirror-media.ts';

/** The public id of a post whose platform id may name its author: opaque, stable per thread. */
export function opaquePostId(threadId: string, postId: string): string {
  return `p-${createHash('sha256').update(`post\n${threadId}\n${postId}`).digest('base64url').slice(0, 22)}`;
}

/** A, B, …, Z, AA, AB, … */
export function pseudonymLetter(index: number): string {
  let letters = '';
  for (let n = index; n >= 0; n = Math.floor(n / 26) - 1) letters = String.fromCharCode(65 + (n % 26)) + letters;
  return letters;
}

/** "Fietsfan Demodam" → "F.D."; a handle's name part when there is no display name. */
export function initialsOf(author: Pick<SocialAuthor, 'displayName' | 'handle'>): string | undefined {
  const handleName = (author.handle ?? '').split('@')[0]!.split('.')[0]!;
  for (const source of [author.displayName ?? '', handleName]) {
    // Custom emoji (`:blobcat:`) are pictures, not part of the name.
    const words = source
      .replace(/:[\w+-]+:/g, ' ')
      .split(/[\s._-]+/u)
      .filter((word) => /\p{L}/u.test(word));
    if (words.length === 0) continue;
    const initials = words
      .slice(0, 3)
      .map((word) => [...word].find((ch) => /\p{L}/u.test(ch))!.toLocaleUpperCase('nl'))
      .join('.');
    return `${initials}.`;
  }
  return undefined;
}

const decodeHref = (href: string) => href.replace(/&amp;/g, '&');
const sameAccount = (a: string, b: string) => a.replace(/^@/, '').toLowerCase() === b.replace(/^@/, '').toLowerCase();
/** "jan@social.example" is written "@jan" on its own instance: both name the same person. */
const handleForms = (handle: string) => {
  const bare = handle.replace(/^@/, '');
  const local = bare.split('@')[0]!;
  return [...new Set([bare, local])].filter((form) => form.length > 0);
};
const escapePattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The key under which a person's pseudonym is kept for a thread: a hash of who they are in
 * this thread, so the stored assignment holds no handle and cannot be matched across threads.
 */
export function pseudonymKey(threadId: string, who: string): string {
  return createHash('sha256').update(`${threadId}\n${who.toLowerCase()}`).digest('base64url').slice(0, 22);
}

/** A public mirror and the pseudonyms it gave that were not assigned before. */
export type MirrorWithPseudonyms = { thread: SocialThread; assigned: Record<string, string> };

export function publicMirror(
  thread: SocialThread,
  display: SocialAuthorDisplay = 'pseudonym',
  assignedBefore: Readonly<Record<string, string>> = {},
): SocialThread {
  return mirrorWithPseudonyms(thread, display, assignedBefore).thread;
}

/**
 * The public mirror, keeping the pseudonyms assigned before (`pseudonym` display): a person
 * keeps their letter for the life of the thread, and a new person gets the first letter no
 * one has had, so a deletion or a reply published later shifts nothing.
 */
export function mirrorWithPseudonyms(
  thread: SocialThread,
  display: SocialAuthorDisplay = 'pseudonym',
  assignedBefore: Readonly<Record<string, string>> = {},
  /**
   * Everyone the whole thread is by or mentions, in reading order (threads.ts `threadPeople`),
   * when `thread` holds a stretch of it: letters and mentions then come out as for the whole.
   */
  people?: ThreadPeople,
): MirrorWithPseudonyms {
  // Whoever wrote it, no media address of the platform reaches the reader (mirror-media.ts).
  const withServedMedia = (post: SocialPost): SocialPost['media'] =>
    post.media.map((media, index) => mirroredMedia(thread.id, post.id, index, media));
  if (display === 'none')
    return {
      thread: { ...thread, posts: thread.posts.map((post) => ({ ...post, media: withServedMedia(post) })) },
      assigned: {},
    };
  const stored = new Map(Object.entries(display === 'pseudonym' ? assignedBefore : {}));
  const pseudonyms = new Map<string, string>();
  const used = new Set<string>(stored.values());
  const assigned = new Map<string, string>();
  let next = 0;
  const pseudonymFor = (key: string, author: Pick<SocialAuthor, 'displayName' | 'handle'>) => {
    const known = pseudonyms.get(key);
    if (known) return known;
    const storedKey = pseudonymKey(thread.id, key);
    let pseudonym = stored.get(storedKey);
    if (pseudonym === undefined) {
      const initials = display === 'initials' ? initialsOf(author) : undefined;
      if (initials) {
        // Two people with the same initials stay apart: "A.B.", "A.B. (2)".
        pseudonym = initials;
        for (let n = 2; used.has(pseudonym); n++) pseudonym = `${initials} (${n})`;
      } else {
        while (used.has(pseudonymLetter(next))) next++;
        pseudonym = pseudonymLetter(next);
        if (display === 'pseudonym') assigned.set(storedKey, pseudonym);
      }
    }
    pseudonyms.set(key, pseudonym);
    used.add(pseudonym);
    return pseudonym;
  };
  // Keyed on the handle (or name), so the same person gets the same letter throughout.
  const keyOf = (author: SocialAuthor, postId: string) => author.handle ?? author.displayName ?? `post:${postId}`;
  const authors =
    people?.authors ?? thread.posts.flatMap((post) => (post.author ? [{ author: post.author, postId: post.id }] : []));
  /** The thread's author a mention names, matched by profile address or handle. */
  const authorOf = (mention: SocialMention) =>
    authors.find(
      ({ author }) =>
        (mention.url !== null && author.url === mention.url) ||
        (author.handle !== null && sameAccount(author.handle, mention.handle)),
    );
  const isPublicBody = (author: SocialAuthor | null | undefined) =>
    !!author && (author.isOfficial || author.isOwnAccount);

  const mentionedOnly = (mention: SocialMention) =>
    pseudonymFor(`mention:${mention.handle.toLowerCase()}`, { displayName: null, handle: mention.handle });

  /** Mentions of residents become their pseudonym, in every post, the municipality's included. */
  const withoutResidentMentions = (post: SocialPost): Pick<SocialPost, 'html' | 'text' | 'mentions'> => {
    let { html, text } = post;
    const kept: SocialMention[] = [];
    for (const mention of post.mentions) {
      const known = authorOf(mention);
      if (isPublicBody(known?.author)) {
        kept.push(mention);
        continue;
      }
      const pseudonym = known ? pseudonymFor(keyOf(known.author, known.postId), known.author) : mentionedOnly(mention);
      const forms = handleForms(mention.handle).map(escapePattern);
      const written = new RegExp(`^@?(?:${forms.join('|')})$`, 'i');
      html = html.replace(/<a\s[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (anchor, href: string, inner: string) =>
        (mention.url !== null && decodeHref(href) === mention.url) || written.test(inner.replace(/<[^>]*>/g, '').trim())
          ? mentionMarker(pseudonym)
          : anchor,
      );
      // A handle written without a link (the municipality typing "@jan" by hand).
      const plain = new RegExp(
        `(?<![\\p{L}\\p{N}_.@/])@(?:${forms.join('|')})(?![\\p{L}\\p{N}_@-]|\\.[\\p{L}\\p{N}])`,
        'giu',
      );
      html = html.replace(plain, mentionMarker(pseudonym));
      text = text.replace(plain, `Inwoner ${pseudonym}`);
    }
    return { html, text, mentions: kept };
  };

  // Authors first, in reading order: a person's letter does not depend on who mentions whom.
  for (const { author, postId } of authors) if (!isPublicBody(author)) pseudonymFor(keyOf(author, postId), author);
  // Then those only mentioned, in the order the whole thread mentions them (read whole, the
  // posts below give them the same letters in the same order).
  for (const mention of people?.mentions ?? []) if (!authorOf(mention)) mentionedOnly(mention);
  // The thread's address is its root post's: when a resident wrote the root (a mention that
  // arrived by itself), that address names them, so the mirror leaves it out.
  const root = thread.posts.find((post) => post.id === thread.rootId);
  // A post's id on the platform can name its author (a Bluesky AT URI holds the DID): only
  // official posts keep theirs; the others get an opaque id, the same at every read.
  const officialIds = new Set(thread.posts.filter((post) => isPublicBody(post.author)).map((post) => post.id));
  const publicId = (id: string) => (officialIds.has(id) ? id : opaquePostId(thread.id, id));
  const mirrored: SocialThread = {
    ...thread,
    rootId: publicId(thread.rootId),
    url: root?.author && isPublicBody(root.author) ? thread.url : null,
    posts: thread.posts.map((post) => {
      const author = post.author;
      const ids = { id: publicId(post.id), parentId: post.parentId === null ? null : publicId(post.parentId) };
      if (!author || isPublicBody(author))
        return { ...post, ...ids, ...withoutResidentMentions(post), media: withServedMedia(post) };
      const pseudonym = pseudonymFor(keyOf(author, post.id), author);
      return {
        ...post,
        ...ids,
        ...withoutResidentMentions(post),
        url: null,
        // A file address on the platform names its author (a Bluesky image address holds the
        // DID) and a click tells the platform who reads the portal: an image is served by
        // Podium at an opaque address, other media are shown by their description only.
        media: withServedMedia(post),
        author: {
          displayName: null,
          handle: null,
          url: null,
          isOwnAccount: false,
          isOfficial: false,
          pseudonym,
        },
      };
    }),
  };
  return { thread: mirrored, assigned: Object.fromEntries(assigned) };
}

/** The organisation's choice for the thread's residents. */
export async function authorDisplayOf(db: Db, threadId: string): Promise<SocialAuthorDisplay> {
  const [row] = await db
    .select({ display: organisations.socialAuthorDisplay })
    .from(socialThreads)
    .innerJoin(organisations, eq(organisations.id, socialThreads.organisationId))
    .where(eq(socialThreads.id, threadId));
  return row?.display ?? 'pseudonym';
}

/** The pseudonyms assigned in a thread so far (see `mirrorWithPseudonyms`). */
export async function pseudonymsOf(db: Pick<Db, 'select'>, threadId: string): Promise<Record<string, string>> {
  const [row] = await db
    .select({ pseudonyms: socialThreads.pseudonyms })
    .from(socialThreads)
    .where(eq(socialThreads.id, threadId));
  return row?.pseudonyms ?? {};
}

/**
 * The public mirror of a thread with its kept pseudonyms; the ones it had to give are kept
 * from now on. New letters are given under a lock on the thread's row, so two readers at the
 * same moment never give one letter to two people.
 */
export async function mirrorThread(db: Db, thread: SocialThread, people?: ThreadPeople): Promise<SocialThread> {
  const display = await authorDisplayOf(db, thread.id);
  const first = mirrorWithPseudonyms(thread, display, await pseudonymsOf(db, thread.id), people);
  if (Object.keys(first.assigned).length === 0) return first.thread;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ pseudonyms: socialThreads.pseudonyms })
      .from(socialThreads)
      .where(eq(socialThreads.id, thread.id))
      .for('update');
    const before = row?.pseudonyms ?? {};
    const { thread: mirrored, assigned } = mirrorWithPseudonyms(thread, display, before, people);
    if (Object.keys(assigned).length > 0) {
      await tx
        .update(socialThreads)
        .set({ pseudonyms: { ...before, ...assigned } })
        .where(eq(socialThreads.id, thread.id));
    }
    return mirrored;
  });
}

/**
 * After a person's erasure: their pseudonym stays taken (the letters of others never move,
 * and nobody new becomes "Inwoner B" in a conversation where B was someone else), but under
 * a random key, so the hash of their handle is no longer stored anywhere.
 */
export async function forgetPseudonym(tx: Pick<Db, 'select' | 'update'>, threadId: string, who: string): Promise<void> {
  const [row] = await tx
    .select({ pseudonyms: socialThreads.pseudonyms })
    .from(socialThreads)
    .where(eq(socialThreads.id, threadId))
    .for('update');
  const key = pseudonymKey(threadId, who);
  const letter = row?.pseudonyms[key];
  if (!row || letter === undefined) return;
  const { [key]: _forgotten, ...others } = row.pseudonyms;
  await tx
    .update(socialThreads)
    .set({ pseudonyms: { ...others, [`erased:${randomUUID()}`]: letter } })
    .where(eq(socialThreads.id, threadId));
}

/** A thread as published: only what moderation let through, residents as the organisation chose. */
export async function readPublicThread(db: Db, threadId: string): Promise<SocialThread | undefined> {
  const thread = await readThread(db, threadId);
  return thread && mirrorThread(db, thread);
}

/** Shown posts per page of a mirrored conversation on the portal, and the most the public API sends at once. */
export const THREAD_PAGE_SIZE = 100;

export type PublicThreadPage = {
  /** The page's posts, and the posts above them that only say whom a reply answers. */
  thread: SocialThread;
  /** Post by post: on this page (true) or above it (false). */
  onPage: boolean[];
  page: number;
  pages: number;
  /** Shown posts in the whole thread, and the first and last of them on this page (from 1). */
  shown: number;
  from: number;
  to: number;
};

/**
 * A page of a thread as published: its shown posts in reading order, `size` to a page
 * (THREAD_PAGE_SIZE unless asked otherwise), with what the mirror needs of the rest (the posts
 * above them, one row per person the thread is by or mentions), never every post: a page of a thread of
 * 2,000 posts reads in 11–24 ms where the whole thread took 83–156 ms. Undefined when there is
 * no such thread; `pastEnd` with the number of pages when the thread has fewer.
 */
export async function readPublicThreadPage(
  db: Db,
  threadId: string,
  page: number,
  size: number = THREAD_PAGE_SIZE,
): Promise<PublicThreadPage | { pastEnd: number } | undefined> {
  const shownHere = sql`${socialPosts.threadId} = ${threadId} and ${isShownPost}`;
  const positionAt = (rank: number) =>
    sql`(select ${socialPosts.position} from ${socialPosts} where ${shownHere}
      order by ${socialPosts.position} offset ${rank} limit 1)`;
  const [bounds] = rowsOf<{ shown: number; after: number | null; up_to: number | null }>(
    await db.execute(sql`select
      (select count(*)::int from ${socialPosts} where ${shownHere}) as shown,
      ${page > 1 ? positionAt((page - 1) * size - 1) : sql`null::int`} as after,
      ${positionAt(page * size - 1)} as up_to`),
  );
  const shown = Number(bounds?.shown ?? 0);
  const pages = Math.max(1, Math.ceil(shown / size));
  if (page > pages) {
    const [thread] = await db
      .select({ id: socialThreads.id })
      .from(socialThreads)
      .where(and(eq(socialThreads.id, threadId), isNull(socialThreads.removedAt)));
    return thread ? { pastEnd: pages } : undefined;
  }
  // The last page runs to the thread's end; every other one up to its last shown post.
  const range = { after: bounds?.after ?? undefined, upTo: page < pages ? (bounds?.up_to ?? undefined) : undefined };
  const part = await readThreadPart(db, threadId, range);
  if (!part) return undefined;
  const people = pages > 1 ? await threadPeople(db, threadId) : undefined;
  const from = (page - 1) * size + 1;
  return {
    thread: await mirrorThread(db, part.thread, people),
    onPage: part.inStretch,
    page,
    pages,
    shown,
    from,
    to: Math.min(shown, from + size - 1),
  };
}
