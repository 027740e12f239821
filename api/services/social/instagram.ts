/**
 * Instagram Graph API: comments on the municipality's own media
 * (`/{ig-media-id}/comments?fields=id,text,timestamp,username,from,like_count,hidden,
 * parent_id,replies{id,text,timestamp,username,from,like_count,hidden,parent_id}`), or the
 * media read with `fields=…,comments{…}`. One reply level exists: replies to replies are
 * attached to the top-level comment by Instagram itself. No language, no alt text, no edits.
 */
import {
  arr,
  buildThread,
  classifyAuthor,
  count,
  field,
  isoTime,
  SocialImportError,
  str,
  type ImportedPost,
  type ImportedThread,
  type ImportOptions,
} from './model.ts';
import { hashtagsInText, linksInText, mentionsInText } from './plain-text.ts';
import { renderPlainText } from './sanitise.ts';

const profileUrl = (username: string) => `https://www.instagram.com/${encodeURIComponent(username)}/`;

/** One IG Comment (or the media item) as a normalised post; null when hidden by the account. */
export function normaliseInstagramComment(comment: unknown, options: ImportOptions = {}): ImportedPost | null {
  const id = str(field(comment, 'id'));
  if (!id) throw new SocialImportError('An Instagram comment needs an id');
  if (field(comment, 'hidden') === true) return null;
  const createdAt = isoTime(field(comment, 'timestamp'));
  if (!createdAt) throw new SocialImportError(`Instagram comment ${id} has no valid timestamp`);
  const text = str(field(comment, 'text')) ?? str(field(comment, 'caption')) ?? '';
  const from = field(comment, 'from');
  const username = str(field(comment, 'username')) ?? str(field(from, 'username'));
  const authorId = str(field(from, 'id')) ?? username;
  const found = linksInText(text);
  const mediaUrl = str(field(comment, 'media_url'));
  const mediaType = str(field(comment, 'media_type'));

  return {
    id,
    url: str(field(comment, 'permalink')),
    parentId: str(field(comment, 'parent_id')),
    depth: 0,
    placeholder: null,
    author: authorId
      ? classifyAuthor(
          { externalId: authorId, displayName: null, handle: username, url: username ? profileUrl(username) : null },
          options,
        )
      : null,
    html: renderPlainText(text, found.spans),
    text,
    contentWarning: null,
    sensitive: false,
    labels: [],
    media: mediaUrl
      ? [
          {
            kind: mediaType === 'VIDEO' ? 'video' : 'image',
            url: mediaUrl,
            previewUrl: str(field(comment, 'thumbnail_url')),
            // The Graph API does not return the alt text of media.
            alt: null,
          },
        ]
      : [],
    links: found.links,
    mentions: mentionsInText(text).map((handle) => ({ handle, url: profileUrl(handle) })),
    hashtags: hashtagsInText(text),
    counts: {
      replies: count(field(comment, 'comments_count')) ?? arr(field(field(comment, 'replies'), 'data')).length,
      reposts: null,
      likes: count(field(comment, 'like_count')),
      quotes: null,
    },
    createdAt,
    editedAt: null,
    deletedAt: null,
    sortAt: createdAt,
    raw: comment,
  };
}

/**
 * A thread from a comments response (`{data}`) or from a media item read with its
 * comments (`{id, caption, comments: {data}}`). Comments do not name their media:
 * pass `options.rootId` with a bare comments response.
 */
export function importInstagramComments(payload: unknown, options: ImportOptions = {}): ImportedThread {
  const wrapper = field(payload, 'comments') ? payload : null;
  const top = arr(field(wrapper ? field(wrapper, 'comments') : payload, 'data'));
  const rootId = options.rootId ?? str(field(wrapper, 'id'));
  if (!rootId) throw new SocialImportError('Say which Instagram media these comments belong to (rootId)');
  const warnings: string[] = [];
  const posts: ImportedPost[] = [];
  if (wrapper && field(wrapper, 'timestamp') !== undefined) {
    const root = normaliseInstagramComment(wrapper, options);
    if (root) posts.push({ ...root, parentId: null });
  }
  let hidden = 0;
  for (const comment of top) {
    const post = normaliseInstagramComment(comment, options);
    if (!post) {
      hidden++;
      continue;
    }
    post.parentId = post.parentId ?? rootId;
    posts.push(post);
    for (const reply of arr(field(field(comment, 'replies'), 'data'))) {
      const replyPost = normaliseInstagramComment(reply, options);
      if (!replyPost) {
        hidden++;
        continue;
      }
      replyPost.parentId = replyPost.parentId ?? post.id;
      posts.push(replyPost);
    }
  }
  if (hidden > 0) warnings.push(`${hidden} hidden comment(s) left out`);
  const thread = buildThread(rootId, posts, warnings);
  return {
    platform: 'instagram',
    rootId,
    url: thread.posts[0]!.url,
    posts: thread.posts,
    complete: !field(field(wrapper ? field(wrapper, 'comments') : payload, 'paging'), 'next'),
    warnings: thread.warnings,
  };
}
