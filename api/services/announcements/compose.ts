/**
 * Announcements as posters write them: saved as a draft (images kept even before their
 * alternative text is written, so nothing uploaded is lost), scheduled only when complete —
 * every image with alternative text, the text within every chosen platform's limit, the
 * moment within the posting hours of the portal and of every chosen channel — and, where a
 * channel's guidelines ask for it, approved by a second person. Scheduling writes one
 * posting per account (outbox.ts). Editing a published announcement carries the edit to the
 * platforms; deleting removes it there and from the portal. Every change is one transaction
 * with its audit entry, on the version the person saw.
 *
 * Images are recognised by their bytes and stored without their metadata (EXIF with the GPS
 * position a phone writes, text chunks: image-facts.ts and image-metadata.ts), as the logo and
 * consultation images are: they go to the portal and to every platform. GIF is not taken,
 * since its metadata cannot be taken out the same way.
 */
import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { acceptImage, type ImageType } from '../image-facts.ts';
import {
  announcementCopies,
  announcementImages,
  announcementPostings,
  announcements,
  channelGuidelines,
  organisations,
  socialAccounts,
  type PostingHours,
} from '../../db/schema.ts';
import type { AuditAction } from '../audit-actions.ts';
import { recordAudit } from '../audit.ts';
import { markContentChanged } from '../content-revision.ts';
import { platformText, type PlatformText } from './limits.ts';
import { withinPostingHours } from './posting-hours.ts';
import type { AnnouncementKind } from './templates.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Reader = Pick<Db, 'select'>;

export const MAX_IMAGES = 4;
/** Bluesky takes images up to 1,000,000 bytes; Mastodon more. The smaller limit holds for all. */
export const MAX_IMAGE_BYTES = 1_000_000;
export const IMAGE_TYPES: readonly ImageType[] = ['image/jpeg', 'image/png', 'image/webp'];
/** The largest width or height taken, in pixels (as for consultation images). */
export const MAX_IMAGE_SIDE = 8192;
export const MAX_ALT_LENGTH = 1_500;

export type AnnouncementState = (typeof announcements.$inferSelect)['state'];

export type AnnouncementValues = {
  kind: AnnouncementKind;
  title: string;
  body: string;
  language: string;
  contentWarning: string | null;
  accountIds: string[];
};

export type NewImage = { bytes: Uint8Array; mime: string; description: string };
/** Changes to images already stored: new alternative text, or removal. */
export type ImageChange = { id: string; description: string; remove: boolean };

/** Why an announcement cannot be saved or scheduled; the route words each for its field. */
export type Problem =
  | { field: 'accounts'; code: 'unknown_account' }
  | { field: 'images'; code: 'too_many_images' | 'image_type' | 'image_size' | 'image_dimensions' }
  | { field: `image-${string}`; code: 'alt_missing' | 'alt_too_long'; position: number }
  | { field: 'body'; code: 'too_long'; platform: PlatformText['platform']; length: number; max: number }
  | { field: 'scheduledAt'; code: 'when_missing' | 'when_past' }
  | { field: 'scheduledAt'; code: 'outside_hours'; channel: string; hours: PostingHours };

export type Channel = {
  /** `portal`, or the account's id. */
  id: string;
  name: string;
  platform: 'portal' | 'mastodon' | 'bluesky';
  handle: string | null;
  hours: PostingHours;
  needsApproval: boolean;
};

export type Channels = { timeZone: string; portal: Channel; accounts: Channel[] };

/**
 * The channels an announcement can go to: the portal, and every active Mastodon or Bluesky
 * account, each with the posting hours and approval rule of its guidelines (key
 * `<platform>:<handle>`); an account without guidelines of its own follows the portal's.
 */
export async function loadChannels(db: Reader, organisationId: string): Promise<Channels> {
  const [org] = await db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const guidelines = await db
    .select()
    .from(channelGuidelines)
    .where(eq(channelGuidelines.organisationId, organisationId));
  const portalGuideline = guidelines.find((g) => g.key === 'portal');
  const portal: Channel = {
    id: 'portal',
    name: 'portal',
    platform: 'portal',
    handle: null,
    hours: portalGuideline?.postingHours ?? [],
    needsApproval: portalGuideline?.announcementsNeedApproval ?? false,
  };
  const rows = await db
    .select()
    .from(socialAccounts)
    .where(
      and(
        eq(socialAccounts.organisationId, organisationId),
        isNull(socialAccounts.revokedAt),
        inArray(socialAccounts.platform, ['mastodon', 'bluesky']),
      ),
    )
    .orderBy(asc(socialAccounts.createdAt));
  const accounts = rows.map((row): Channel => {
    const own = guidelines.find((g) => g.key === `${row.platform}:${row.handle}`);
    return {
      id: row.id,
      name: row.handle,
      platform: row.platform as 'mastodon' | 'bluesky',
      handle: row.handle,
      hours: own?.postingHours ?? portal.hours,
      needsApproval: own?.announcementsNeedApproval ?? portal.needsApproval,
    };
  });
  return { timeZone: org?.timeZone ?? 'Europe/Amsterdam', portal, accounts };
}

export type StoredImage = { id: string; position: number; mime: string; size: number; description: string };

export type Announcement = typeof announcements.$inferSelect & {
  images: StoredImage[];
  postings: Array<{
    accountId: string;
    handle: string;
    platform: string;
    state: string;
    action: string;
    lastError: string | null;
    url: string | null;
  }>;
  /** Where staff posted it by hand (X, Facebook, Instagram), with its mirrored thread. */
  copies: Array<{ platform: string; url: string; threadId: string | null }>;
};

export async function getAnnouncement(
  db: Reader,
  organisationId: string,
  id: string,
): Promise<Announcement | undefined> {
  const [row] = await db
    .select()
    .from(announcements)
    .where(and(eq(announcements.id, id), eq(announcements.organisationId, organisationId)));
  if (!row) return undefined;
  const images = await db
    .select({
      id: announcementImages.id,
      position: announcementImages.position,
      mime: announcementImages.mime,
      size: sql<number>`octet_length(${announcementImages.bytes})`.mapWith(Number),
      description: announcementImages.description,
    })
    .from(announcementImages)
    .where(eq(announcementImages.announcementId, id))
    .orderBy(asc(announcementImages.position));
  const postings = await db
    .select({
      accountId: announcementPostings.accountId,
      handle: socialAccounts.handle,
      platform: socialAccounts.platform,
      state: announcementPostings.state,
      action: announcementPostings.action,
      lastError: announcementPostings.lastError,
      url: announcementPostings.url,
    })
    .from(announcementPostings)
    .innerJoin(socialAccounts, eq(socialAccounts.id, announcementPostings.accountId))
    .where(eq(announcementPostings.announcementId, id));
  const copies = await db
    .select({
      platform: announcementCopies.platform,
      url: announcementCopies.url,
      threadId: announcementCopies.threadId,
    })
    .from(announcementCopies)
    .where(eq(announcementCopies.announcementId, id));
  return { ...row, images, postings, copies };
}

export async function listAnnouncements(db: Reader, organisationId: string) {
  return db
    .select({
      id: announcements.id,
      title: announcements.title,
      kind: announcements.kind,
      state: announcements.state,
      scheduledAt: announcements.scheduledAt,
      publishedAt: announcements.publishedAt,
      updatedAt: announcements.updatedAt,
    })
    .from(announcements)
    .where(and(eq(announcements.organisationId, organisationId), ne(announcements.state, 'deleted')))
    .orderBy(desc(announcements.updatedAt));
}

/** The portal's address of an announcement, which every platform text ends with. */
export const portalUrlOf = (publicUrl: string, slug: string, language: string) =>
  `${publicUrl.replace(/\/$/, '')}${language === 'en' ? '/en/news' : '/nieuws'}/${slug}/`;

/**
 * The images as uploaded, checked and as they are stored: their type read from the bytes (never
 * the name or the type the browser declared), their metadata taken out; or the problems: type,
 * size, pixels, how many.
 */
export function acceptImages(
  existing: number,
  added: readonly NewImage[],
): { images: NewImage[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const images: NewImage[] = [];
  const refusals = new Set<Problem['code']>();
  if (existing + added.length > MAX_IMAGES) problems.push({ field: 'images', code: 'too_many_images' });
  for (const image of added) {
    if (image.bytes.length > MAX_IMAGE_BYTES || image.bytes.length === 0) {
      refusals.add('image_size');
      continue;
    }
    const accepted = acceptImage(image.bytes, { types: IMAGE_TYPES, maxSide: MAX_IMAGE_SIDE });
    if ('refused' in accepted) refusals.add(accepted.refused === 'dimensions' ? 'image_dimensions' : 'image_type');
    else images.push({ bytes: accepted.bytes, mime: accepted.mime, description: image.description });
  }
  for (const code of ['image_type', 'image_size', 'image_dimensions'] as const)
    if (refusals.has(code)) problems.push({ field: 'images', code });
  return { images, problems };
}

/** What stands between a complete draft and its schedule. */
export function readinessProblems(
  announcement: Pick<Announcement, 'body' | 'contentWarning' | 'slug' | 'language' | 'accountIds' | 'images'>,
  channels: Channels,
  scheduledAt: Date | undefined,
  options: { now: Date; publicUrl: string; checkTime: boolean },
): Problem[] {
  const problems: Problem[] = [];
  const chosen = channels.accounts.filter((a) => announcement.accountIds.includes(a.id));
  if (chosen.length !== announcement.accountIds.length) problems.push({ field: 'accounts', code: 'unknown_account' });
  for (const image of announcement.images) {
    if (!image.description.trim()) {
      problems.push({ field: `image-${image.position}`, code: 'alt_missing', position: image.position });
    } else if ([...image.description].length > MAX_ALT_LENGTH) {
      problems.push({ field: `image-${image.position}`, code: 'alt_too_long', position: image.position });
    }
  }
  const portalUrl = portalUrlOf(options.publicUrl, announcement.slug, announcement.language);
  for (const platform of new Set(chosen.map((c) => c.platform as 'mastodon' | 'bluesky'))) {
    const preview = platformText(platform, {
      body: announcement.body,
      contentWarning: announcement.contentWarning,
      portalUrl,
    });
    if (!preview.fits) {
      problems.push({ field: 'body', code: 'too_long', platform, length: preview.length, max: preview.max });
    }
  }
  if (options.checkTime) {
    if (!scheduledAt) problems.push({ field: 'scheduledAt', code: 'when_missing' });
    // A minute's grace: "now" typed into the form is a moment ago when it arrives.
    else if (scheduledAt.getTime() < options.now.getTime() - 60_000)
      problems.push({ field: 'scheduledAt', code: 'when_past' });
    else {
      for (const channel of [channels.portal, ...chosen]) {
        if (!withinPostingHours(channel.hours, scheduledAt, channels.timeZone)) {
          problems.push({ field: 'scheduledAt', code: 'outside_hours', channel: channel.name, hours: channel.hours });
          break;
        }
      }
    }
  }
  return problems;
}

export type Actor = { id: string; organisationId: string };

type SaveResult =
  | { kind: 'saved'; id: string; version: number }
  | { kind: 'invalid'; problems: Problem[]; id?: string; version?: number }
  | { kind: 'stale'; version: number }
  | { kind: 'not_found' };

function slugOf(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  return base || 'aankondiging';
}

async function uniqueSlug(tx: Tx, organisationId: string, title: string): Promise<string> {
  const base = slugOf(title);
  const taken = new Set(
    (
      await tx
        .select({ slug: announcements.slug })
        .from(announcements)
        .where(and(eq(announcements.organisationId, organisationId), sql`${announcements.slug} like ${`${base}%`}`))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function audit(
  tx: Tx,
  actor: Actor,
  { action, id, now, details = {} }: { action: AuditAction; id: string; now: Date; details?: Record<string, unknown> },
): Promise<void> {
  await recordAudit(tx, {
    organisationId: actor.organisationId,
    actorType: 'staff',
    actorId: actor.id,
    at: now,
    action,
    subjectType: 'announcement',
    subjectId: id,
    details,
  });
}

/**
 * Saves what was written. A new announcement, a draft, or one waiting for approval or its
 * moment is saved as a draft (it must be scheduled again); a published one is edited in
 * place, complete or not at all, and the edit goes to every platform it was posted on.
 */
export async function saveAnnouncement(
  db: Db,
  params: {
    actor: Actor;
    id?: string;
    version?: number;
    values: AnnouncementValues;
    newImages: NewImage[];
    imageChanges: ImageChange[];
    now: Date;
    publicUrl: string;
    /**
     * For an edit of a published announcement: delete the Bluesky post and post it again with
     * the new text (Bluesky has no edit; its replies and likes do not move along). False
     * leaves the Bluesky post with its old text. Default true.
     */
    repostOnBluesky?: boolean;
  },
): Promise<SaveResult> {
  const { actor, values, now } = params;
  const channels = await loadChannels(db, actor.organisationId);
  const known = new Set(channels.accounts.map((a) => a.id));
  if (values.accountIds.some((id) => !known.has(id))) {
    return { kind: 'invalid', problems: [{ field: 'accounts', code: 'unknown_account' }] };
  }
  return db.transaction(async (tx): Promise<SaveResult> => {
    let current: typeof announcements.$inferSelect | undefined;
    if (params.id) {
      [current] = await tx
        .select()
        .from(announcements)
        .where(and(eq(announcements.id, params.id), eq(announcements.organisationId, actor.organisationId)))
        .for('update');
      if (!current || current.state === 'deleted') return { kind: 'not_found' };
      if (params.version !== current.version) return { kind: 'stale', version: current.version };
    }
    const existing = current
      ? await tx.select().from(announcementImages).where(eq(announcementImages.announcementId, current.id))
      : [];
    const removed = new Set(params.imageChanges.filter((c) => c.remove).map((c) => c.id));
    const kept = existing.filter((image) => !removed.has(image.id));
    const { images: newImages, problems } = acceptImages(kept.length, params.newImages);
    if (problems.length > 0) return { kind: 'invalid', problems };

    const published = current?.state === 'published';
    if (published) {
      // An edit of what residents already read must be complete: it goes out at once.
      const images = [
        ...kept.map((image) => ({
          ...image,
          size: image.bytes.length,
          description: params.imageChanges.find((c) => c.id === image.id)?.description ?? image.description,
        })),
        ...newImages.map((image, i) => ({
          ...image,
          id: '',
          position: kept.length + i + 1,
          size: image.bytes.length,
        })),
      ].map((image, i) => ({ ...image, position: i + 1 }));
      const readiness = readinessProblems({ ...values, slug: current!.slug, images }, channels, undefined, {
        now,
        publicUrl: params.publicUrl,
        checkTime: false,
      });
      if (readiness.length > 0)
        return { kind: 'invalid', problems: readiness, id: current!.id, version: current!.version };
    }

    let id: string;
    let version: number;
    if (current) {
      const [row] = await tx
        .update(announcements)
        .set({
          ...values,
          state: published ? 'published' : 'draft',
          ...(published ? {} : { scheduledAt: null, submittedBy: null, approvedBy: null, approvedAt: null }),
          version: current.version + 1,
          updatedAt: now,
        })
        .where(eq(announcements.id, current.id))
        .returning({ id: announcements.id, version: announcements.version });
      ({ id, version } = row!);
    } else {
      const slug = await uniqueSlug(tx, actor.organisationId, values.title);
      const [row] = await tx
        .insert(announcements)
        .values({
          ...values,
          organisationId: actor.organisationId,
          slug,
          createdBy: actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: announcements.id, version: announcements.version });
      ({ id, version } = row!);
    }

    if (removed.size > 0) {
      await tx
        .delete(announcementImages)
        .where(and(eq(announcementImages.announcementId, id), inArray(announcementImages.id, [...removed])));
    }
    for (const change of params.imageChanges.filter((c) => !c.remove)) {
      await tx
        .update(announcementImages)
        .set({ description: change.description })
        .where(and(eq(announcementImages.announcementId, id), eq(announcementImages.id, change.id)));
    }
    // Positions stay 1, 2, 3…: the form names each image by its number.
    const ordered = kept.sort((a, b) => a.position - b.position);
    for (const [i, image] of ordered.entries()) {
      if (image.position !== i + 1) {
        await tx
          .update(announcementImages)
          .set({ position: i + 1 })
          .where(eq(announcementImages.id, image.id));
      }
    }
    for (const [i, image] of newImages.entries()) {
      await tx.insert(announcementImages).values({
        announcementId: id,
        position: ordered.length + i + 1,
        mime: image.mime,
        bytes: image.bytes,
        description: image.description,
        createdAt: now,
      });
    }

    if (current && !published) {
      // Back to a draft: nothing goes out until it is scheduled (and approved) again.
      await tx.delete(announcementPostings).where(eq(announcementPostings.announcementId, id));
    }
    if (published) {
      await carryToPlatforms(tx, id, values.accountIds, now, params.repostOnBluesky ?? true);
      await markContentChanged(tx);
    }
    await audit(tx, actor, {
      action: current ? (published ? 'announcement.edited' : 'announcement.updated') : 'announcement.created',
      id,
      now,
      details: {
        title: values.title,
        kind: values.kind,
        accounts: values.accountIds.length,
        images: ordered.length + newImages.length,
      },
    });
    return { kind: 'saved', id, version };
  });
}

/** After an edit of a published announcement: each account gets the edit, a new account the post, a dropped one a removal. */
async function carryToPlatforms(
  tx: Tx,
  id: string,
  accountIds: string[],
  now: Date,
  repostOnBluesky: boolean,
): Promise<void> {
  const postings = (
    await tx
      .select({ posting: announcementPostings, platform: socialAccounts.platform })
      .from(announcementPostings)
      .innerJoin(socialAccounts, eq(socialAccounts.id, announcementPostings.accountId))
      .where(eq(announcementPostings.announcementId, id))
  ).map((row) => ({ ...row.posting, platform: row.platform }));
  for (const posting of postings) {
    // Bluesky cannot edit: left alone, the post keeps its old text (the poster's choice).
    if (
      !repostOnBluesky &&
      posting.platform === 'bluesky' &&
      posting.externalId &&
      accountIds.includes(posting.accountId)
    )
      continue;
    const action = accountIds.includes(posting.accountId)
      ? posting.externalId
        ? 'edit'
        : 'publish'
      : posting.externalId
        ? 'remove'
        : null;
    if (!action) {
      await tx.delete(announcementPostings).where(eq(announcementPostings.id, posting.id));
      continue;
    }
    await tx
      .update(announcementPostings)
      // An edit on Bluesky is a new post: it gets a record key of its own at its first attempt.
      .set({
        action,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        leaseUntil: null,
        lastError: null,
        ...(action === 'edit' ? { blueskyRkey: null } : {}),
      })
      .where(eq(announcementPostings.id, posting.id));
  }
  const have = new Set(postings.map((p) => p.accountId));
  for (const accountId of accountIds.filter((a) => !have.has(a))) {
    await tx.insert(announcementPostings).values({ announcementId: id, accountId, nextAttemptAt: now, createdAt: now });
  }
}

type StepResult =
  | { kind: 'scheduled' | 'awaiting_approval' | 'approved' | 'deleted'; version: number }
  | { kind: 'invalid'; problems: Problem[] }
  | { kind: 'stale'; version: number }
  | { kind: 'not_found' }
  | { kind: 'not_allowed'; reason: 'own_announcement' | 'wrong_state' };

async function lockFor(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select()
    .from(announcements)
    .where(and(eq(announcements.id, id), eq(announcements.organisationId, actor.organisationId)))
    .for('update');
  return row && row.state !== 'deleted' ? row : undefined;
}

async function writePostings(tx: Tx, id: string, accountIds: string[], at: Date, now: Date): Promise<void> {
  await tx.delete(announcementPostings).where(eq(announcementPostings.announcementId, id));
  for (const accountId of accountIds) {
    await tx.insert(announcementPostings).values({ announcementId: id, accountId, nextAttemptAt: at, createdAt: now });
  }
}

/** Schedules a saved draft at a moment within the posting hours; where the guidelines ask, it waits for approval first. */
export async function scheduleAnnouncement(
  db: Db,
  params: { actor: Actor; id: string; version: number; scheduledAt: Date | undefined; now: Date; publicUrl: string },
): Promise<StepResult> {
  const { actor, now } = params;
  const channels = await loadChannels(db, actor.organisationId);
  return db.transaction(async (tx): Promise<StepResult> => {
    const row = await lockFor(tx, actor, params.id);
    if (!row) return { kind: 'not_found' };
    if (row.version !== params.version) return { kind: 'stale', version: row.version };
    if (row.state === 'published') return { kind: 'not_allowed', reason: 'wrong_state' };
    const full = (await getAnnouncement(tx, actor.organisationId, row.id))!;
    const problems = readinessProblems(full, channels, params.scheduledAt, {
      now,
      publicUrl: params.publicUrl,
      checkTime: true,
    });
    if (problems.length > 0) return { kind: 'invalid', problems };
    const chosen = channels.accounts.filter((a) => row.accountIds.includes(a.id));
    const needsApproval = [channels.portal, ...chosen].some((c) => c.needsApproval);
    const at = params.scheduledAt!;
    const [updated] = await tx
      .update(announcements)
      .set({
        state: needsApproval ? 'awaiting_approval' : 'scheduled',
        scheduledAt: at,
        submittedBy: actor.id,
        approvedBy: null,
        approvedAt: null,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(announcements.id, row.id))
      .returning({ version: announcements.version });
    if (needsApproval) await tx.delete(announcementPostings).where(eq(announcementPostings.announcementId, row.id));
    else await writePostings(tx, row.id, row.accountIds, at, now);
    await audit(tx, actor, {
      action: needsApproval ? 'announcement.submitted' : 'announcement.scheduled',
      id: row.id,
      now,
      details: { title: row.title, at: at.toISOString(), accounts: chosen.map((c) => c.handle) },
    });
    return { kind: needsApproval ? 'awaiting_approval' : 'scheduled', version: updated!.version };
  });
}

/** A second person approves an announcement waiting for approval; its moment must still be ahead and within hours. */
export async function approveAnnouncement(
  db: Db,
  params: { actor: Actor; id: string; version: number; now: Date; publicUrl: string },
): Promise<StepResult> {
  const { actor, now } = params;
  const channels = await loadChannels(db, actor.organisationId);
  return db.transaction(async (tx): Promise<StepResult> => {
    const row = await lockFor(tx, actor, params.id);
    if (!row) return { kind: 'not_found' };
    if (row.version !== params.version) return { kind: 'stale', version: row.version };
    if (row.state !== 'awaiting_approval') return { kind: 'not_allowed', reason: 'wrong_state' };
    if (row.submittedBy === actor.id) return { kind: 'not_allowed', reason: 'own_announcement' };
    const full = (await getAnnouncement(tx, actor.organisationId, row.id))!;
    const problems = readinessProblems(full, channels, row.scheduledAt ?? undefined, {
      now,
      publicUrl: params.publicUrl,
      checkTime: true,
    });
    if (problems.length > 0) return { kind: 'invalid', problems };
    const [updated] = await tx
      .update(announcements)
      .set({ state: 'scheduled', approvedBy: actor.id, approvedAt: now, version: row.version + 1, updatedAt: now })
      .where(eq(announcements.id, row.id))
      .returning({ version: announcements.version });
    await writePostings(tx, row.id, row.accountIds, row.scheduledAt!, now);
    await audit(tx, actor, {
      action: 'announcement.approved',
      id: row.id,
      now,
      details: { title: row.title, at: row.scheduledAt!.toISOString() },
    });
    return { kind: 'approved', version: updated!.version };
  });
}

/** Deletes an announcement: off the portal, and off every platform it was posted on. */
export async function deleteAnnouncement(
  db: Db,
  params: { actor: Actor; id: string; version: number; now: Date },
): Promise<StepResult> {
  const { actor, now } = params;
  return db.transaction(async (tx): Promise<StepResult> => {
    const row = await lockFor(tx, actor, params.id);
    if (!row) return { kind: 'not_found' };
    if (row.version !== params.version) return { kind: 'stale', version: row.version };
    const [updated] = await tx
      .update(announcements)
      .set({ state: 'deleted', deletedAt: now, version: row.version + 1, updatedAt: now })
      .where(eq(announcements.id, row.id))
      .returning({ version: announcements.version });
    const postings = await tx
      .select()
      .from(announcementPostings)
      .where(eq(announcementPostings.announcementId, row.id));
    for (const posting of postings) {
      if (posting.externalId) {
        await tx
          .update(announcementPostings)
          .set({
            action: 'remove',
            state: 'pending',
            attempts: 0,
            nextAttemptAt: now,
            leaseUntil: null,
            lastError: null,
          })
          .where(eq(announcementPostings.id, posting.id));
      } else {
        await tx.delete(announcementPostings).where(eq(announcementPostings.id, posting.id));
      }
    }
    if (row.state === 'published') await markContentChanged(tx);
    await audit(tx, actor, {
      action: 'announcement.deleted',
      id: row.id,
      now,
      details: { title: row.title, was: row.state },
    });
    return { kind: 'deleted', version: updated!.version };
  });
}
