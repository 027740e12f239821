/**
 * Announcements posted by hand on platforms Podium does not post on (X, Facebook,
 * Instagram): staff copy the composer's text, post it with the municipality's account, and
 * paste the post's address back. Podium checks that the address is a post on that
 * platform, records it on the announcement (the portal's news item links to it) and makes
 * the mirrored thread for it: the municipality's own post as its root, published, never
 * moderated and with no response clock, so residents' replies can be imported into it from
 * the platform's export file (the X, Facebook and Instagram importers) with that post as root.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { announcementCopies, announcements, organisations, socialPosts, socialThreads } from '../../db/schema.ts';
import { paragraphs } from '../../../shared/html/index.ts';
import { recordAudit } from '../audit.ts';
import { markContentChanged } from '../content-revision.ts';
import { noCounts, type ImportedThread } from '../social/model.ts';
import { importThread } from '../social/threads.ts';
import { parsePostUrl } from '../social/urls.ts';
import { portalUrlOf } from './compose.ts';
import { platformText } from './limits.ts';

export const COPY_PLATFORMS = ['x', 'facebook', 'instagram'] as const;
export type CopyPlatform = (typeof COPY_PLATFORMS)[number];

/** Why a pasted address is refused; the routes word each in Dutch and English. */
export type CopyUrlProblem =
  /** Not a web address at all. */
  | 'not_a_url'
  /** A post, but on another platform than the field's. */
  | 'wrong_platform'
  /** On the platform, but not one post (a profile, a page, the home page). */
  | 'not_a_post'
  /** This post is already mirrored in Podium (pasted before, or a resident's post imported). */
  | 'already_mirrored'
  /** The announcement already has its post on this platform. */
  | 'already_recorded';

/**
 * The platform's id of the post a pasted address names, when it is a post on `platform`.
 *
 * @example
 * copyAddress('x', 'https://x.com/gemeente/status/1790000000000000000')
 * // { externalId: '1790000000000000000', url: 'https://x.com/gemeente/status/1790000000000000000' }
 */
export function copyAddress(
  platform: CopyPlatform,
  input: string,
): { externalId: string; url: string } | { problem: CopyUrlProblem } {
  const value = input.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: 'not_a_url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'not_a_url' };
  const address = parsePostUrl(value);
  if (!address) return { problem: hostPlatform(url.hostname) === platform ? 'not_a_post' : 'wrong_platform' };
  if (address.platform !== platform) return { problem: 'wrong_platform' };
  const externalId =
    address.platform === 'x'
      ? address.tweetId
      : address.platform === 'facebook'
        ? address.postId
        : address.platform === 'instagram'
          ? address.shortcode
          : null;
  if (!externalId) return { problem: 'not_a_post' };
  url.hash = '';
  // The platforms serve only https; the portal links to nothing else.
  url.protocol = 'https:';
  return { externalId, url: url.toString() };
}

function hostPlatform(host: string): CopyPlatform | undefined {
  const bare = host.toLowerCase().replace(/^(www|mobile|m|web)\./, '');
  if (bare === 'x.com' || bare === 'twitter.com') return 'x';
  if (bare === 'facebook.com') return 'facebook';
  if (bare === 'instagram.com') return 'instagram';
  return undefined;
}

export type RecordCopyResult =
  | { kind: 'recorded'; threadId: string; url: string; externalId: string }
  | { kind: 'invalid'; problem: CopyUrlProblem }
  | { kind: 'wrong_state' }
  | { kind: 'not_found' };

/** The addresses recorded for an announcement, per platform. */
export async function listCopies(db: Pick<Db, 'select'>, announcementId: string) {
  return db
    .select({
      platform: announcementCopies.platform,
      url: announcementCopies.url,
      externalId: announcementCopies.externalId,
      threadId: announcementCopies.threadId,
    })
    .from(announcementCopies)
    .where(eq(announcementCopies.announcementId, announcementId));
}

/**
 * Records the address of a published announcement's post on `platform` and makes its
 * mirrored thread, in one transaction with the audit entry.
 */
export async function recordCopy(
  db: Db,
  params: {
    actor: { id: string; organisationId: string };
    id: string;
    platform: CopyPlatform;
    url: string;
    now: Date;
    publicUrl: string;
  },
): Promise<RecordCopyResult> {
  const { actor, now, platform } = params;
  const address = copyAddress(platform, params.url);
  return db.transaction(async (tx): Promise<RecordCopyResult> => {
    const [row] = await tx
      .select()
      .from(announcements)
      .where(and(eq(announcements.id, params.id), eq(announcements.organisationId, actor.organisationId)))
      .for('update');
    if (!row || row.state === 'deleted') return { kind: 'not_found' };
    // Only what residents can already read on the portal is posted elsewhere.
    if (row.state !== 'published') return { kind: 'wrong_state' };
    if ('problem' in address) return { kind: 'invalid', problem: address.problem };
    const [own] = await tx
      .select({ id: announcementCopies.id })
      .from(announcementCopies)
      .where(and(eq(announcementCopies.announcementId, row.id), eq(announcementCopies.platform, platform)));
    if (own) return { kind: 'invalid', problem: 'already_recorded' };
    const [mirrored] = await tx
      .select({ id: socialThreads.id })
      .from(socialThreads)
      .where(and(eq(socialThreads.platform, platform), eq(socialThreads.externalId, address.externalId)));
    const [copied] = await tx
      .select({ id: announcementCopies.id })
      .from(announcementCopies)
      .where(and(eq(announcementCopies.platform, platform), eq(announcementCopies.externalId, address.externalId)));
    if (mirrored || copied) return { kind: 'invalid', problem: 'already_mirrored' };

    const [org] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, actor.organisationId));
    const text = platformText(platform, {
      body: row.body,
      contentWarning: row.contentWarning,
      portalUrl: portalUrlOf(params.publicUrl, row.slug, row.language),
    }).text;
    const postedAt = (row.publishedAt ?? now).toISOString();
    const thread: ImportedThread = {
      platform,
      rootId: address.externalId,
      url: address.url,
      posts: [
        {
          id: address.externalId,
          url: address.url,
          parentId: null,
          depth: 0,
          placeholder: null,
          author: {
            externalId: `podium:${actor.organisationId}`,
            displayName: org?.name ?? null,
            handle: null,
            url: null,
            isOwnAccount: true,
            isOfficial: true,
          },
          html: String(paragraphs(text, { compact: true })),
          text,
          lang: row.language,
          contentWarning: row.contentWarning,
          sensitive: false,
          labels: [],
          media: [],
          links: [],
          mentions: [],
          hashtags: [],
          counts: noCounts,
          createdAt: postedAt,
          editedAt: null,
          deletedAt: null,
          sortAt: postedAt,
          raw: { source: 'podium-announcement', announcementId: row.id },
        },
      ],
      // A read of our own post only: replies imported later are never taken as deleted.
      complete: false,
      warnings: [],
    };
    const { threadId } = await importThread(tx as unknown as Db, {
      organisationId: actor.organisationId,
      thread,
      sourceUrl: address.url,
      live: false,
      title: row.language === 'en' ? { nl: row.title, en: row.title } : { nl: row.title },
      actor: { id: actor.id },
      now,
    });
    // The municipality's own post: published whatever the review-on-arrival setting, and no clock.
    await tx
      .update(socialPosts)
      .set({ reviewState: 'published', publishedAt: now, responseDueAt: null, moderationRule: null })
      .where(and(eq(socialPosts.threadId, threadId), eq(socialPosts.externalId, address.externalId)));
    await tx.insert(announcementCopies).values({
      announcementId: row.id,
      platform,
      url: address.url,
      externalId: address.externalId,
      threadId,
      recordedBy: actor.id,
      createdAt: now,
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorType: 'staff',
      actorId: actor.id,
      at: now,
      action: 'announcement.copy_recorded',
      subjectType: 'announcement',
      subjectId: row.id,
      details: { title: row.title, platform, url: address.url },
    });
    await markContentChanged(tx);
    return { kind: 'recorded', threadId, url: address.url, externalId: address.externalId };
  });
}
