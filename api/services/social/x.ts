/**
 * X (Twitter) API v2: a conversation (`search/recent?query=conversation_id:<root>` pages,
 * plus the root from `/2/tweets/:id`) becomes one normalised thread, rebuilt from
 * `referenced_tweets[type=replied_to]`. Authors and media come from `includes`.
 *
 * Pitfalls handled: `text` is HTML-escaped; retweets are truncated (the full text is in
 * `includes.tweets`); long posts are in `note_tweet`; entity offsets count code points;
 * alt text is absent unless set; edited tweets keep one id (the first in
 * `edit_history_tweet_ids`) so an edit updates the same post; withheld tweets are not shown.
 */
import type {
  SocialLink,
  SocialMedia,
  SocialMediaKind,
  SocialMention,
} from '../../../shared/contracts/social-thread.ts';
import { postLanguage } from './language.ts';
import {
  arr,
  buildThread,
  classifyAuthor,
  count,
  field,
  isoTime,
  optionalLang,
  placeholderPost,
  SocialImportError,
  str,
  type ImportedPost,
  type ImportedThread,
  type ImportOptions,
} from './model.ts';
import { decodeBasicEntities, renderPlainText, type TextSpan } from './sanitise.ts';

export type XIncludes = { users: unknown[]; media: unknown[]; tweets: unknown[] };

const MEDIA_KINDS = new Map<string, SocialMediaKind>(
  Object.entries({ photo: 'image', video: 'video', animated_gif: 'gifv' }),
);
const TWITTER_EPOCH = 1288834974657n;

/** When a tweet id was made: ids are snowflakes with a millisecond timestamp. */
export function snowflakeTime(id: string): string | null {
  if (!/^\d{15,20}$/.test(id)) return null;
  return new Date(Number((BigInt(id) >> 22n) + TWITTER_EPOCH)).toISOString();
}

/** Merges one or more response pages into tweets and includes. */
export function mergeXPages(payload: unknown): { tweets: unknown[]; includes: XIncludes; errors: unknown[] } {
  const pages = Array.isArray(payload) ? payload : [payload];
  const tweets: unknown[] = [];
  const includes: XIncludes = { users: [], media: [], tweets: [] };
  const errors: unknown[] = [];
  for (const page of pages) {
    const data = field(page, 'data');
    tweets.push(...(Array.isArray(data) ? data : data ? [data] : []));
    const inc = field(page, 'includes');
    includes.users.push(...arr(field(inc, 'users')));
    includes.media.push(...arr(field(inc, 'media')));
    includes.tweets.push(...arr(field(inc, 'tweets')));
    errors.push(...arr(field(page, 'errors')));
  }
  return { tweets, includes, errors };
}

const codePointToUtf16 = (text: string, codePoints: number) => {
  const prefix = Array.from(text).slice(0, codePoints).join('');
  return prefix.length;
};

/** Places an entity in the text; when its offsets do not match (escaping, edits), finds it by its text. */
function place(text: string, start: unknown, end: unknown, expected: string): { start: number; end: number } | null {
  if (typeof start === 'number' && typeof end === 'number') {
    const s = codePointToUtf16(text, start);
    const e = codePointToUtf16(text, end);
    if (text.slice(s, e).toLowerCase() === expected.toLowerCase()) return { start: s, end: e };
  }
  const found = text.toLowerCase().indexOf(expected.toLowerCase());
  return found >= 0 ? { start: found, end: found + expected.length } : null;
}

function userOf(id: string | null, includes: XIncludes) {
  return id ? includes.users.find((u) => str(field(u, 'id')) === id) : undefined;
}

function mediaOf(tweet: unknown, includes: XIncludes): SocialMedia[] {
  return arr(field(field(tweet, 'attachments'), 'media_keys'))
    .map((key) => includes.media.find((m) => field(m, 'media_key') === key))
    .filter((m) => m !== undefined)
    .map((m) => {
      const variants = arr(field(m, 'variants'))
        .filter((v) => str(field(v, 'content_type')) === 'video/mp4')
        .sort((a, b) => (count(field(b, 'bit_rate')) ?? 0) - (count(field(a, 'bit_rate')) ?? 0));
      return {
        kind: MEDIA_KINDS.get(str(field(m, 'type')) ?? '') ?? 'unknown',
        url: str(field(m, 'url')) ?? str(field(variants[0], 'url')) ?? str(field(m, 'preview_image_url')) ?? '',
        previewUrl: str(field(m, 'preview_image_url')),
        // Absent unless the request asked for media.fields=alt_text and the author wrote one.
        alt: str(field(m, 'alt_text'))?.trim() || null,
      };
    })
    .filter((m) => m.url !== '');
}

/** One tweet as a normalised post, or null for a retweet when `skipRetweets` is set. */
export function normaliseTweet(
  tweet: unknown,
  includes: XIncludes,
  options: ImportOptions & { skipRetweets?: boolean; aliases?: Map<string, string> } = {},
): ImportedPost | null {
  const currentId = str(field(tweet, 'id'));
  if (!currentId) throw new SocialImportError('A tweet needs an id');
  const history = arr(field(tweet, 'edit_history_tweet_ids')).filter((v): v is string => typeof v === 'string');
  const id = history[0] ?? currentId;
  const references = arr(field(tweet, 'referenced_tweets'));
  const refOf = (type: string) =>
    str(
      field(
        references.find((r) => field(r, 'type') === type),
        'id',
      ),
    );
  const retweetOf = refOf('retweeted');
  if (retweetOf && options.skipRetweets) return null;
  const repliedTo = refOf('replied_to');
  const parentId = repliedTo ? (options.aliases?.get(repliedTo) ?? repliedTo) : null;

  const author = userOf(str(field(tweet, 'author_id')), includes);
  const username = str(field(author, 'username'));
  const postedAt = isoTime(field(tweet, 'created_at'));
  const createdAt = snowflakeTime(id) ?? postedAt;
  if (!createdAt) throw new SocialImportError(`Tweet ${currentId} has no time`);
  const url = `https://x.com/${username ?? 'i/web'}/status/${currentId}`;

  if (field(tweet, 'withheld')) {
    return { ...placeholderPost(id, 'unavailable', { parentId, url, sortAt: createdAt }), raw: tweet };
  }

  // The full text: a retweet's original, a long post's note, else `text`.
  let source: unknown = tweet;
  let prefix = '';
  const original = retweetOf ? includes.tweets.find((t) => str(field(t, 'id')) === retweetOf) : undefined;
  if (original) {
    source = original;
    const originalAuthor = str(field(userOf(str(field(original, 'author_id')), includes), 'username'));
    prefix = originalAuthor ? `RT @${originalAuthor}: ` : 'RT: ';
  }
  const note = field(source, 'note_tweet');
  const rawText = str(field(note, 'text')) ?? str(field(source, 'text')) ?? '';
  const entities = field(note, 'entities') ?? field(source, 'entities');
  const body = decodeBasicEntities(rawText);
  const text = prefix + body;

  const spans: TextSpan[] = [];
  const links: SocialLink[] = [];
  const mentions: SocialMention[] = [];
  const hashtags: string[] = [];
  const shift = (p: { start: number; end: number } | null) =>
    p ? { start: p.start + prefix.length, end: p.end + prefix.length } : null;
  for (const u of arr(field(entities, 'urls'))) {
    const short = str(field(u, 'url'));
    const target = str(field(u, 'unwound_url')) ?? str(field(u, 'expanded_url')) ?? short;
    const at = short ? shift(place(body, field(u, 'start'), field(u, 'end'), short)) : null;
    if (!target || !at) continue;
    const shown = str(field(u, 'display_url')) ?? target;
    spans.push({ ...at, href: target, text: shown });
    // A media link points back at the tweet's own photo or video: it is in `media`, not a link.
    if (!field(u, 'media_key')) links.push({ url: target, text: shown });
  }
  for (const m of arr(field(entities, 'mentions'))) {
    const name = str(field(m, 'username'));
    const at = name ? shift(place(body, field(m, 'start'), field(m, 'end'), `@${name}`)) : null;
    if (!name) continue;
    const profile = `https://x.com/${name}`;
    if (at) spans.push({ ...at, href: profile });
    mentions.push({ handle: name, url: profile });
  }
  for (const h of arr(field(entities, 'hashtags'))) {
    const tag = str(field(h, 'tag'));
    if (!tag) continue;
    const at = shift(place(body, field(h, 'start'), field(h, 'end'), `#${tag}`));
    if (at) spans.push({ ...at, href: `https://x.com/hashtag/${encodeURIComponent(tag)}` });
    hashtags.push(tag);
  }
  const metrics = field(tweet, 'public_metrics');
  const sensitive = field(tweet, 'possibly_sensitive') === true;

  return {
    id,
    url,
    parentId,
    depth: 0,
    placeholder: null,
    author: author
      ? classifyAuthor(
          {
            externalId: str(field(author, 'id')) ?? username ?? 'unknown',
            displayName: str(field(author, 'name')) || null,
            handle: username,
            url: username ? `https://x.com/${username}` : null,
          },
          options,
        )
      : null,
    html: renderPlainText(text, spans),
    text,
    // X's own detection; `und`, `qme`, `zxx`, … name no language and are dropped.
    ...optionalLang(postLanguage(field(tweet, 'lang'), text)),
    contentWarning: null,
    sensitive,
    labels: sensitive ? ['possibly-sensitive'] : [],
    media: mediaOf(original ?? tweet, includes),
    links,
    mentions,
    hashtags: [...new Set(hashtags)],
    counts: {
      replies: count(field(metrics, 'reply_count')),
      reposts: count(field(metrics, 'retweet_count')),
      likes: count(field(metrics, 'like_count')),
      quotes: count(field(metrics, 'quote_count')),
    },
    createdAt,
    editedAt: history.length > 1 ? postedAt : null,
    deletedAt: null,
    sortAt: createdAt,
    raw: tweet,
  };
}

/**
 * A conversation from one or more v2 response pages. The root is `options.rootId`, else
 * the conversation of the first tweet; tweets of other conversations are left out.
 * Lookup errors (`resource-not-found`) for tweets that others reply to become "deleted"
 * placeholders.
 */
export function importXConversation(payload: unknown, options: ImportOptions = {}): ImportedThread {
  const { tweets, includes, errors } = mergeXPages(payload);
  if (tweets.length === 0 && errors.length === 0) throw new SocialImportError('The X response holds no tweets');
  const first = tweets[0];
  const conversationId = options.rootId ?? str(field(first, 'conversation_id')) ?? str(field(first, 'id'));
  if (!conversationId) throw new SocialImportError('The X conversation has no root id');
  const warnings: string[] = [];

  // Every version of an edited tweet maps to its first id, which is the post's id in Podium.
  const aliases = new Map<string, string>();
  for (const tweet of tweets) {
    const history = arr(field(tweet, 'edit_history_tweet_ids')).filter((v): v is string => typeof v === 'string');
    for (const old of history) aliases.set(old, history[0]!);
  }
  const rootId = aliases.get(conversationId) ?? conversationId;
  const posts: ImportedPost[] = [];
  let elsewhere = 0;
  for (const tweet of tweets) {
    const conversation = str(field(tweet, 'conversation_id'));
    if (conversation && conversation !== conversationId && (aliases.get(conversation) ?? conversation) !== rootId) {
      elsewhere++;
      continue;
    }
    const post = normaliseTweet(tweet, includes, { ...options, skipRetweets: true, aliases });
    if (post) posts.push(post);
  }
  if (elsewhere > 0) warnings.push(`${elsewhere} tweet(s) of other conversations left out`);
  const gone = new Set(
    errors
      .filter((e) => /not-found|not found/i.test(`${str(field(e, 'type'))} ${str(field(e, 'title'))}`))
      .map((e) => str(field(e, 'resource_id')) ?? str(field(e, 'value')))
      .filter((id): id is string => !!id),
  );
  for (const id of gone) {
    if (id === rootId || posts.some((p) => p.parentId === id)) posts.push(placeholderPost(id, 'deleted'));
  }
  const thread = buildThread(rootId, posts, warnings);
  return {
    platform: 'x',
    rootId,
    url: thread.posts[0]!.url,
    posts: thread.posts,
    // Recent search covers 7 days and pages: a tweet missing from it is not proof of deletion.
    complete: false,
    warnings: thread.warnings,
  };
}
