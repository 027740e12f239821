/**
 * The normalised shape of a mirrored social-media thread: what the public API serves,
 * what the static build renders and what the `podium-thread` widget shows. Every platform
 * importer produces this shape (plus the raw payload, which stays inside the API).
 *
 * A thread is a flat list of posts in reading order (depth first, root first), each with
 * its `parentId` and `depth`, so a renderer can build nested lists without recursion and a
 * screen reader hears the posts in the order they were written in their branch.
 *
 * Conventions that renderers rely on:
 * - `lang` is omitted when the platform declared none or the declared one is implausible
 *   for the text: better no `lang` attribute than a wrong one (WCAG 3.1.2).
 * - `media[].alt` is `null` when the platform has no description: render a visible and
 *   spoken "Afbeelding zonder beschrijving". Never `""`.
 * - `placeholder` marks a post that is gone or hidden but whose replies are still shown
 *   ("bericht verwijderd"); such a post has no author, no text and no media.
 * - `counts.*` are `null` where the platform does not report that figure.
 */
import { z } from '@hono/zod-openapi';
import { LocalizedText } from './localized-text.ts';
import { InputText } from './input-text.ts';

export const SocialPlatform = z.enum(['mastodon', 'bluesky', 'x', 'facebook', 'instagram']).openapi('SocialPlatform');
export type SocialPlatform = z.infer<typeof SocialPlatform>;

const DateTime = InputText.openapi({ format: 'date-time' });

/** No avatar and no platform account id: a mirror shows what a reader needs, nothing more (AVG). */
export const SocialAuthor = z
  .object({
    displayName: InputText.nullable().openapi({ description: 'Name as shown on the platform, plain text' }),
    handle: InputText.nullable().openapi({
      description: 'Platform handle without a leading @: `user@instance` (Mastodon), `name.bsky.social`, X username',
      example: 'gemeente@social.overheid.nl',
    }),
    url: InputText.nullable().openapi({ description: 'Profile on the platform' }),
    isOwnAccount: z.boolean().openapi({ description: "The municipality's own account" }),
    isOfficial: z.boolean().openapi({
      description: 'An official account (own or another public body): never pseudonymised in public mirrors',
    }),
    pseudonym: InputText.nullable().optional().openapi({
      description:
        'Set in public mirrors for private persons, whose name, handle and profile are then left out: "A", "B", … within one thread. Renderers show "Inwoner A" / "Resident A".',
      example: 'A',
    }),
  })
  .openapi('SocialAuthor');
export type SocialAuthor = z.infer<typeof SocialAuthor>;

export const SocialMediaKind = z.enum(['image', 'video', 'gifv', 'audio', 'unknown']).openapi('SocialMediaKind');
export type SocialMediaKind = z.infer<typeof SocialMediaKind>;

export const SocialMedia = z
  .object({
    kind: SocialMediaKind,
    url: InputText.openapi({
      description:
        'Full-size file or player URL on the platform. In a public mirror never the platform’s address (it can name the author, and loading it tells the platform who reads): an image has an address on Podium (`/api/threads/{id}/media/{key}`), other media an empty one',
    }),
    previewUrl: InputText.nullable(),
    alt: InputText.nullable().openapi({ description: 'Description from the platform; null = no description' }),
    staffAlt: z
      .object({ text: InputText, lang: z.enum(['nl', 'en']) })
      .optional()
      .openapi({
        description:
          "A description written by the municipality (kept apart from the platform's): show it marked as " +
          '"beschrijving toegevoegd door de gemeente" / "description added by the municipality"',
      }),
  })
  .openapi('SocialMedia');
export type SocialMedia = z.infer<typeof SocialMedia>;

export const SocialLink = z
  .object({
    url: InputText.openapi({ description: 'The full target, never a shortened or truncated form' }),
    text: InputText.openapi({ description: 'The text the post shows for it' }),
  })
  .openapi('SocialLink');
export type SocialLink = z.infer<typeof SocialLink>;

export const SocialMention = z
  .object({
    handle: InputText.openapi({ description: 'Without the leading @; on Facebook the tagged name' }),
    url: InputText.nullable(),
  })
  .openapi('SocialMention');
export type SocialMention = z.infer<typeof SocialMention>;

export const SocialCounts = z
  .object({
    replies: z.number().int().nonnegative().nullable(),
    reposts: z.number().int().nonnegative().nullable(),
    likes: z.number().int().nonnegative().nullable(),
    quotes: z.number().int().nonnegative().nullable(),
  })
  .openapi('SocialCounts');
export type SocialCounts = z.infer<typeof SocialCounts>;

export const SocialPlaceholder = z.enum(['deleted', 'blocked', 'unavailable']).openapi('SocialPlaceholder', {
  description: 'Why a post in the chain is not shown: deleted at the source, blocked, or not readable',
});
export type SocialPlaceholder = z.infer<typeof SocialPlaceholder>;

export const MunicipalityAnswer = z
  .object({
    body: InputText.openapi({ description: 'Plain text; paragraphs separated by blank lines' }),
    lang: z.enum(['nl', 'en']).openapi({ description: 'The language the answer is written in' }),
    publishedAt: DateTime,
  })
  .openapi('MunicipalityAnswer', {
    description:
      "The municipality's answer to a post, written in Podium. It is shown in the mirror only: it is not posted on the platform.",
  });
export type MunicipalityAnswer = z.infer<typeof MunicipalityAnswer>;

export const SocialPost = z
  .object({
    id: InputText.openapi({
      description:
        "The platform's id of the post (a Bluesky AT URI, a status or tweet id); in a public mirror only for official accounts' posts: a resident's post has an opaque id (`p-…`), as the platform's id leads to its author",
    }),
    url: InputText.nullable().openapi({ description: 'The post on the platform' }),
    parentId: InputText.nullable().openapi({ description: 'The post this one replies to; null for the root' }),
    depth: z.number().int().nonnegative().openapi({ description: '0 for the root, 1 for its replies, …' }),
    placeholder: SocialPlaceholder.nullable(),
    author: SocialAuthor.nullable(),
    html: InputText.openapi({ description: 'Sanitised HTML: p, br, a (rel="nofollow ugc noopener"), strong, em, …' }),
    text: InputText.openapi({ description: 'The same content as plain text' }),
    lang: InputText.optional().openapi({ description: 'BCP 47 language of the post, when declared and plausible' }),
    contentWarning: InputText.nullable().openapi({ description: 'Text to show before revealing the post' }),
    sensitive: z.boolean().openapi({ description: 'Media should be hidden until the reader asks for them' }),
    labels: z.array(InputText).openapi({ description: 'Moderation and self labels, e.g. `graphic-media`, `!warn`' }),
    media: z.array(SocialMedia),
    links: z.array(SocialLink),
    mentions: z.array(SocialMention),
    hashtags: z.array(InputText).openapi({ description: 'Without the leading #' }),
    counts: SocialCounts,
    createdAt: DateTime.openapi({ description: 'When it was posted; for placeholders an estimate' }),
    editedAt: DateTime.nullable().openapi({ description: 'Last edit at the source; show "bewerkt"' }),
    deletedAt: DateTime.nullable().openapi({ description: 'Set only on placeholders of deleted posts' }),
    answers: z
      .array(MunicipalityAnswer)
      .optional()
      .openapi({
        description:
          "The municipality's answers to this post, oldest first: render them directly under the post, before its replies. " +
          'Absent when there are none (and on placeholders).',
      }),
  })
  .openapi('SocialPost');
export type SocialPost = z.infer<typeof SocialPost>;

export const SocialThread = z
  .object({
    id: InputText.openapi({ description: "Podium's id of the mirrored thread" }),
    platform: SocialPlatform,
    rootId: InputText.openapi({ description: 'Platform id of the root post' }),
    url: InputText.nullable().openapi({ description: 'The thread on the platform' }),
    title: LocalizedText.nullable().openapi({ description: 'A heading staff gave the mirror, if any' }),
    lastSyncedAt: DateTime.nullable().openapi({ description: 'When Podium last read the thread at the source' }),
    posts: z.array(SocialPost).openapi({ description: 'Root first, then replies depth first in reading order' }),
  })
  .openapi('SocialThread');
export type SocialThread = z.infer<typeof SocialThread>;

/**
 * A page of a mirrored thread, as the public API sends it: a long conversation (thousands of
 * replies) is read a page at a time. A reply whose post is on an earlier page still says whom
 * it answers: that post comes along in `earlier`, to be named, not shown again.
 */
export const SocialThreadPage = SocialThread.extend({
  posts: z.array(SocialPost).openapi({
    description:
      "This page's posts in reading order (root first on the first page); a post's `parentId` can name a post in `earlier`",
  }),
  earlier: z.array(SocialPost).openapi({
    description:
      'Posts on earlier pages that a post on this page replies to, directly or further up, in reading order: what a renderer names ("Antwoord aan Inwoner A") and nests under, without showing them again. Empty on the first page, unless a post kept from an earlier read sits after its reply',
  }),
  page: z.number().int().positive().openapi({ description: 'This page, from 1' }),
  pageSize: z.number().int().positive().openapi({ description: 'Shown posts to a page' }),
  pageCount: z.number().int().positive(),
  total: z.number().int().nonnegative().openapi({ description: 'Shown posts in the whole thread, the root included' }),
  from: z.number().int().positive().openapi({ description: 'The first shown post of this page, counted from 1' }),
  to: z.number().int().nonnegative().openapi({ description: 'The last shown post of this page' }),
}).openapi('SocialThreadPage');
export type SocialThreadPage = z.infer<typeof SocialThreadPage>;

export const SocialThreadSummary = z
  .object({
    id: InputText,
    platform: SocialPlatform,
    url: InputText.nullable(),
    title: LocalizedText.nullable(),
    consultation: InputText.nullable().openapi({ description: 'Slug of the consultation it belongs to' }),
    topic: InputText.nullable().openapi({ description: 'Slug of the topic it belongs to' }),
    postCount: z.number().int().nonnegative().openapi({ description: 'Posts shown, the root included' }),
    startedAt: DateTime.nullable().openapi({
      description: 'When the first post shown was written; null while none is',
    }),
    lastSyncedAt: DateTime.nullable(),
  })
  .openapi('SocialThreadSummary');
export type SocialThreadSummary = z.infer<typeof SocialThreadSummary>;
