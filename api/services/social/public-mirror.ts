/**
 * What the public sees of a mirrored thread. Residents on social media did not post on
 * the municipality's portal: a public mirror shows what they said, not who they are. How a
 * private person appears is the organisation's choice (`organisations.social_author_display`):
 *
 * - `pseudonym` (default): "Inwoner A", "Inwoner B", … (stable within the thread, so a
 *   reader can follow who answers whom), without name, handle, profile or post link;
 * - `initials`: the initials of the display name ("Inwoner F.D."), likewise without handle,
 *   profile or post link;
 * - `none`: name and handle as on the platform, for organisations with a legal basis to
 *   publish them.
 *
 * The municipality's own and other official accounts are always shown as they are.
 */
import { eq } from 'drizzle-orm';
import type { SocialAuthor, SocialThread } from '../../../shared/contracts/social-thread.ts';
import type { Db } from '../../db/client.ts';
import { organisations, socialThreads, type SocialAuthorDisplay } from '../../db/schema.ts';
import { readThread } from './threads.ts';

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

export function publicMirror(thread: SocialThread, display: SocialAuthorDisplay = 'pseudonym'): SocialThread {
  if (display === 'none') return thread;
  const pseudonyms = new Map<string, string>();
  const used = new Set<string>();
  const pseudonymFor = (key: string, author: SocialAuthor) => {
    const known = pseudonyms.get(key);
    if (known) return known;
    let pseudonym = pseudonymLetter(pseudonyms.size);
    const initials = display === 'initials' ? initialsOf(author) : undefined;
    if (initials) {
      // Two people with the same initials stay apart: "A.B.", "A.B. (2)".
      pseudonym = initials;
      for (let n = 2; used.has(pseudonym); n++) pseudonym = `${initials} (${n})`;
    }
    pseudonyms.set(key, pseudonym);
    used.add(pseudonym);
    return pseudonym;
  };
  return {
    ...thread,
    posts: thread.posts.map((post) => {
      const author = post.author;
      if (!author || author.isOfficial || author.isOwnAccount) return post;
      // Keyed on the handle (or name), so the same person gets the same letter throughout.
      const key = author.handle ?? author.displayName ?? `post:${post.id}`;
      return {
        ...post,
        url: null,
        author: {
          displayName: null,
          handle: null,
          url: null,
          isOwnAccount: false,
          isOfficial: false,
          pseudonym: pseudonymFor(key, author),
        },
        // Mentions name other people on the platform; the text keeps what the author wrote.
        mentions: post.mentions.map((mention) => ({ ...mention, url: null })),
      };
    }),
  };
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

/** A thread as published: only what moderation let through, residents as the organisation chose. */
export async function readPublicThread(db: Db, threadId: string): Promise<SocialThread | undefined> {
  const thread = await readThread(db, threadId);
  return thread && publicMirror(thread, await authorDisplayOf(db, threadId));
}
