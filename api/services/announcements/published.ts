/**
 * Announcements as the portal shows them (/nieuws/, /en/news/ and the Atom feed): the
 * published ones, newest first, each image by the address Podium serves it at and with its
 * alternative text. Images are served by Podium itself, never from a platform's servers.
 */
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { PublishedAnnouncement } from '../../../shared/contracts/public-content.ts';
import type { Db } from '../../db/client.ts';
import {
  announcementCopies,
  announcementImages,
  announcementPostings,
  announcements,
  socialAccounts,
} from '../../db/schema.ts';

export const announcementImageUrl = (id: string) => `/api/announcements/images/${id}`;

export async function listPublishedAnnouncements(
  db: Pick<Db, 'select'>,
  organisationId: string,
): Promise<PublishedAnnouncement[]> {
  const rows = await db
    .select()
    .from(announcements)
    .where(and(eq(announcements.organisationId, organisationId), eq(announcements.state, 'published')))
    .orderBy(desc(announcements.publishedAt));
  const images =
    rows.length === 0
      ? []
      : await db
          .select({
            id: announcementImages.id,
            announcementId: announcementImages.announcementId,
            description: announcementImages.description,
          })
          .from(announcementImages)
          .where(
            inArray(
              announcementImages.announcementId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(announcementImages.position));
  const ids = rows.map((r) => r.id);
  const copies =
    ids.length === 0
      ? []
      : await db
          .select({
            announcementId: announcementCopies.announcementId,
            platform: announcementCopies.platform,
            url: announcementCopies.url,
          })
          .from(announcementCopies)
          .where(inArray(announcementCopies.announcementId, ids));
  const posted =
    ids.length === 0
      ? []
      : await db
          .select({
            announcementId: announcementPostings.announcementId,
            platform: socialAccounts.platform,
            url: announcementPostings.url,
          })
          .from(announcementPostings)
          .innerJoin(socialAccounts, eq(socialAccounts.id, announcementPostings.accountId))
          .where(
            and(
              inArray(announcementPostings.announcementId, ids),
              eq(announcementPostings.state, 'sent'),
              isNotNull(announcementPostings.url),
            ),
          );
  return rows.map((row) => ({
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    body: row.body,
    language: row.language,
    contentWarning: row.contentWarning,
    publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
    // Written before its moment, it was not updated since: an edit after publication is.
    updatedAt: new Date(Math.max(row.updatedAt.getTime(), (row.publishedAt ?? row.updatedAt).getTime())).toISOString(),
    images: images
      .filter((image) => image.announcementId === row.id)
      .map((image) => ({ id: image.id, description: image.description, url: announcementImageUrl(image.id) })),
    alsoOn: [...posted, ...copies]
      .filter((post) => post.announcementId === row.id && post.url && /^https:\/\//.test(post.url))
      .map((post) => ({ platform: post.platform, url: post.url! })),
  }));
}

/** The bytes of an image of a published announcement; nothing for drafts or deleted ones. */
export async function publishedImage(
  db: Pick<Db, 'select'>,
  id: string,
): Promise<{ bytes: Uint8Array; mime: string } | undefined> {
  const [row] = await db
    .select({ bytes: announcementImages.bytes, mime: announcementImages.mime })
    .from(announcementImages)
    .innerJoin(announcements, eq(announcements.id, announcementImages.announcementId))
    .where(and(eq(announcementImages.id, id), eq(announcements.state, 'published')));
  return row;
}
