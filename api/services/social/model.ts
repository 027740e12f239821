/**
 * What every importer returns: the public post shape (see `api/contracts/social-thread.ts`)
 * plus what only the API keeps: the author's platform id, a sort key and the raw payload
 * for re-processing. Also the shared tree building, so every platform orders a thread alike.
 */
import type {
  SocialAuthor,
  SocialCounts,
  SocialPlatform,
  SocialPost,
  SocialPlaceholder,
} from '../../../shared/contracts/social-thread.ts';

export type ImportedAuthor = SocialAuthor & {
  /** The platform's stable id of the account (Mastodon account id, Bluesky DID, X user id, …). */
  externalId: string;
};

export type ImportedPost = Omit<SocialPost, 'author' | 'depth'> & {
  author: ImportedAuthor | null;
  depth: number;
  /** Siblings are ordered by this ISO time (Bluesky: when the AppView indexed it, not the client's clock). */
  sortAt: string;
  /** The platform's payload of this post, unchanged. */
  raw: unknown;
};

export type ImportedThread = {
  platform: SocialPlatform;
  rootId: string;
  url: string | null;
  /** Root first, then replies depth first. */
  posts: ImportedPost[];
  /**
   * False when the source may have left replies out (paging, depth caps): a post missing
   * from an incomplete read is not taken as deleted.
   */
  complete: boolean;
  /** Things a person should know about this read (dropped posts, orphans), in English. */
  warnings: string[];
};

/** Who is who: accounts the importers mark as the municipality's own or as official. */
export type AccountDirectory = {
  /** Handles (`gemeente@social.overheid.nl`, `gemeente.bsky.social`, X username) or platform account ids. */
  ownAccounts?: readonly string[];
  /** Other public bodies' accounts, in the same forms. */
  officialAccounts?: readonly string[];
};

export type ImportOptions = AccountDirectory & {
  /** Id of the root post, when the payload does not say it (Facebook and Instagram comment lists). */
  rootId?: string;
};

const normaliseAccount = (value: string) => value.trim().replace(/^@/, '').toLowerCase();

/** Marks an author as own or official by handle or account id. */
export function classifyAuthor(
  author: Omit<ImportedAuthor, 'isOwnAccount' | 'isOfficial'>,
  directory: AccountDirectory,
): ImportedAuthor {
  const keys = [author.externalId, author.handle].filter((v): v is string => !!v).map(normaliseAccount);
  const matches = (list: readonly string[] | undefined) =>
    !!list && list.some((entry) => keys.includes(normaliseAccount(entry)));
  const isOwnAccount = matches(directory.ownAccounts);
  return { ...author, isOwnAccount, isOfficial: isOwnAccount || matches(directory.officialAccounts) };
}

export const noCounts: SocialCounts = { replies: null, reposts: null, likes: null, quotes: null };

/** A non-negative integer count, or null when the platform did not send one. */
export function count(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

/** An ISO date-time from a platform timestamp, or null when it cannot be read. */
export function isoTime(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  // Facebook writes `+0000`, which Date parses; anything unparseable is treated as missing.
  const time = new Date(typeof value === 'string' ? value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2') : value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** A post that stands in for one that is gone, so its replies keep their place. */
export function placeholderPost(
  id: string,
  placeholder: SocialPlaceholder,
  options: { parentId?: string | null; url?: string | null; sortAt?: string; raw?: unknown } = {},
): ImportedPost {
  const sortAt = options.sortAt ?? new Date(0).toISOString();
  return {
    id,
    url: options.url ?? null,
    parentId: options.parentId ?? null,
    depth: 0,
    placeholder,
    author: null,
    html: '',
    text: '',
    contentWarning: null,
    sensitive: false,
    labels: [],
    media: [],
    links: [],
    mentions: [],
    hashtags: [],
    counts: noCounts,
    createdAt: sortAt,
    editedAt: null,
    deletedAt: null,
    sortAt,
    raw: options.raw ?? null,
  };
}

/**
 * Orders posts root first and depth first, siblings by `sortAt`, and sets `depth`.
 * A post whose parent is not in the set gets a placeholder parent under the root
 * ("unavailable"), so nothing is shown under the wrong post. Posts that cannot reach the
 * root (cycles) are dropped with a warning.
 */
export function buildThread(
  rootId: string,
  posts: ImportedPost[],
  warnings: string[],
): { posts: ImportedPost[]; warnings: string[] } {
  const byId = new Map<string, ImportedPost>();
  for (const post of posts) if (!byId.has(post.id)) byId.set(post.id, post);
  if (!byId.has(rootId)) {
    // Its time is unknown: the earliest reply's is the best estimate that keeps the order.
    const earliest = [...byId.values()].map((p) => p.sortAt).sort()[0];
    byId.set(rootId, placeholderPost(rootId, 'unavailable', { sortAt: earliest }));
    warnings.push(`root ${rootId} is not in the payload`);
  }
  for (const post of [...byId.values()]) {
    if (post.id === rootId) continue;
    if (post.parentId === null) post.parentId = rootId;
    if (!byId.has(post.parentId)) {
      byId.set(post.parentId, placeholderPost(post.parentId, 'unavailable', { parentId: rootId, sortAt: post.sortAt }));
      warnings.push(`parent ${post.parentId} of ${post.id} is not in the payload`);
    }
  }
  const children = new Map<string, ImportedPost[]>();
  for (const post of byId.values()) {
    if (post.id === rootId || post.parentId === null) continue;
    const list = children.get(post.parentId) ?? [];
    list.push(post);
    children.set(post.parentId, list);
  }
  for (const list of children.values())
    list.sort((a, b) => a.sortAt.localeCompare(b.sortAt) || a.id.localeCompare(b.id));

  const ordered: ImportedPost[] = [];
  const root = byId.get(rootId)!;
  root.parentId = null;
  const stack: Array<{ post: ImportedPost; depth: number }> = [{ post: root, depth: 0 }];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const { post, depth } = stack.pop()!;
    if (seen.has(post.id)) continue;
    seen.add(post.id);
    post.depth = depth;
    ordered.push(post);
    const kids = children.get(post.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ post: kids[i]!, depth: depth + 1 });
  }
  const dropped = byId.size - ordered.length;
  if (dropped > 0) warnings.push(`${dropped} post(s) do not lead to the root and were left out`);
  return { posts: ordered, warnings };
}

/** `{ lang }` when there is one: the contract omits `lang` rather than sending an empty one. */
export const optionalLang = (lang: string | undefined): { lang?: string } => (lang ? { lang } : {});

/** Reads a property of unknown JSON without trusting its type. */
export function field(value: unknown, key: string): unknown {
  // Own properties only: a platform object without `constructor` has no `constructor`.
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
export const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Thrown when a payload is not the shape an importer reads. */
export class SocialImportError extends Error {
  override name = 'SocialImportError';
}
