/**
 * Facebook Graph API: comments on a Page post, read with the municipality's own Page token
 * (`/{post-id}/comments?filter=stream&fields=id,message,from,created_time,parent{id},
 * comment_count,like_count,attachment,message_tags,is_hidden,permalink_url`), or the post
 * with `fields=comments{…}` nested. Rebuilt from `parent.id`; nested `comments.data` is
 * flattened. No language, no alt text and no edit history exist on Facebook.
 */
import type { SocialMedia, SocialMention } from '../../../shared/contracts/social-thread.ts';
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
import { hashtagsInText, linksInText } from './plain-text.ts';
import { renderPlainText } from './sanitise.ts';

function attachmentMedia(attachment: unknown): SocialMedia[] {
  const src = str(field(field(field(attachment, 'media'), 'image'), 'src'));
  if (!src) return [];
  const type = str(field(attachment, 'type')) ?? '';
  const kind = type.includes('video') ? 'video' : type.includes('animated') ? 'gifv' : 'image';
  const url = kind === 'video' ? (str(field(attachment, 'url')) ?? src) : src;
  // Facebook keeps no description for comment attachments.
  return [{ kind, url, previewUrl: src, alt: null }];
}

/** One Graph API Comment (or the post itself) as a normalised post; null when hidden by the Page. */
export function normaliseFacebookComment(comment: unknown, options: ImportOptions = {}): ImportedPost | null {
  const id = str(field(comment, 'id'));
  if (!id) throw new SocialImportError('A Facebook comment needs an id (the token must be able to moderate the Page)');
  if (field(comment, 'is_hidden') === true) return null;
  const createdAt = isoTime(field(comment, 'created_time'));
  if (!createdAt) throw new SocialImportError(`Facebook comment ${id} has no valid created_time`);
  const text = str(field(comment, 'message')) ?? '';
  const from = field(comment, 'from');
  const found = linksInText(text);
  const mentions: SocialMention[] = arr(field(comment, 'message_tags'))
    .map((tag) => str(field(tag, 'name')))
    .filter((name): name is string => !!name)
    .map((name) => ({ handle: name, url: null }));

  return {
    id,
    url: str(field(comment, 'permalink_url')),
    parentId: str(field(field(comment, 'parent'), 'id')),
    depth: 0,
    placeholder: null,
    author: from
      ? classifyAuthor(
          {
            externalId: str(field(from, 'id')) ?? 'unknown',
            displayName: str(field(from, 'name')),
            handle: null,
            url: null,
          },
          options,
        )
      : null,
    html: renderPlainText(text, found.spans),
    text,
    contentWarning: null,
    sensitive: false,
    labels: [],
    media: attachmentMedia(field(comment, 'attachment')),
    links: found.links,
    mentions,
    hashtags: hashtagsInText(text),
    counts: {
      replies: count(field(comment, 'comment_count')),
      reposts: count(field(field(comment, 'shares'), 'count')),
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
 * A thread from a comments response (`{data, paging}`) or from a post read with its
 * comments (`{id, message, comments: {data}}`). The root is the post: `options.rootId`,
 * else the wrapper's `id`, else the post part of the first comment's `{post}_{comment}` id.
 */
export function importFacebookComments(payload: unknown, options: ImportOptions = {}): ImportedThread {
  const wrapper = field(payload, 'comments') ? payload : null;
  const top = arr(field(wrapper ? field(wrapper, 'comments') : payload, 'data'));
  const firstId = str(field(top[0], 'id'));
  const rootId =
    options.rootId ??
    str(field(wrapper, 'id')) ??
    (firstId?.includes('_') ? firstId.slice(0, firstId.lastIndexOf('_')) : null);
  if (!rootId) throw new SocialImportError('Say which Facebook post these comments belong to (rootId)');

  const warnings: string[] = [];
  const posts: ImportedPost[] = [];
  if (wrapper && (field(wrapper, 'message') !== undefined || field(wrapper, 'created_time') !== undefined)) {
    const root = normaliseFacebookComment(wrapper, options);
    if (root) posts.push({ ...root, parentId: null });
  }
  let hidden = 0;
  const walk = (comments: unknown[], parentId: string) => {
    for (const comment of comments) {
      const post = normaliseFacebookComment(comment, options);
      if (!post) {
        hidden++;
        continue;
      }
      // Top-level comments carry no parent; replies may omit it when read through their comment.
      post.parentId = post.parentId ?? parentId;
      posts.push(post);
      walk(arr(field(field(comment, 'comments'), 'data')), post.id);
    }
  };
  walk(top, rootId);
  if (hidden > 0) warnings.push(`${hidden} comment(s) hidden by the Page left out`);
  const thread = buildThread(rootId, posts, warnings);
  return {
    platform: 'facebook',
    rootId,
    url: thread.posts[0]!.url,
    posts: thread.posts,
    // More pages may follow (`paging.next`).
    complete: !field(field(wrapper ? field(wrapper, 'comments') : payload, 'paging'), 'next'),
    warnings: thread.warnings,
  };
}
