/**
 * The structure of a mirrored thread, shared by the portal's renderer (render/thread.ts)
 * and the <podium-thread> widget, so both nest replies and name authors the same way.
 * Plain data and functions: no HTML, no Lit, no portal messages.
 */
import type { MunicipalityAnswer, SocialMedia, SocialPost, SocialThread } from './contracts/social-thread.ts';

export type ThreadNode = { post: SocialPost; parent: SocialPost | undefined; replies: ThreadNode[] };

/** Posts as a tree in reading order; a reply whose parent is not in the thread hangs at the top. */
export function threadTree(thread: Pick<SocialThread, 'posts'>, onPage?: readonly boolean[]): ThreadNode[] {
  const byId = new Map(thread.posts.map((post) => [post.id, post]));
  const nodes = new Map<string, ThreadNode>();
  const roots: ThreadNode[] = [];
  // On a page of a long thread, the posts not on it are parents to name, not posts to show.
  for (const [index, post] of thread.posts.entries()) {
    if (onPage && !onPage[index]) continue;
    const parent = post.parentId !== null ? byId.get(post.parentId) : undefined;
    const node: ThreadNode = { post, parent, replies: [] };
    nodes.set(post.id, node);
    const parentNode = parent ? nodes.get(parent.id) : undefined;
    if (parentNode) parentNode.replies.push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * The municipality's answers to a post, shown directly under it (before the replies, in the
 * same nested list, so assistive technology hears them as replies to that post).
 */
export function answersTo(post: SocialPost): MunicipalityAnswer[] {
  return post.placeholder ? [] : (post.answers ?? []);
}

export type AuthorLabels = { resident: (letter: string) => string; unknownAuthor: string };

/** How a post's author is named: a resident by letter, an account by its name or handle. */
export function authorLabel(post: SocialPost | undefined, labels: AuthorLabels): string {
  const author = post?.author;
  if (!author || post?.placeholder) return labels.unknownAuthor;
  if (author.pseudonym) return labels.resident(author.pseudonym);
  return author.displayName ?? author.handle ?? labels.unknownAuthor;
}

/** Which badge an author gets: the municipality's own account, another official one, or none. */
export function authorRole(post: SocialPost): 'own' | 'official' | undefined {
  if (post.author?.isOwnAccount) return 'own';
  if (post.author?.isOfficial) return 'official';
  return undefined;
}

/** Labels that call for media to stay hidden until the reader asks (Bluesky self-labels and labelers). */
const SENSITIVE_LABELS = new Set(['porn', 'sexual', 'nudity', 'graphic-media', 'gore']);

/** Whether a post's media stay behind a "show sensitive image" button. */
export function hidesMedia(post: SocialPost): boolean {
  return post.media.length > 0 && (post.sensitive || post.labels.some((label) => SENSITIVE_LABELS.has(label)));
}

/**
 * The descriptions a media item has: the platform's (the author's alt text) and, kept apart,
 * the one the municipality added. Neither: the renderer says "without a description".
 */
export function mediaDescriptions(media: SocialMedia): {
  platform: string | null;
  municipality: { text: string; lang: string } | null;
} {
  return { platform: media.alt || null, municipality: media.staffAlt ?? null };
}
