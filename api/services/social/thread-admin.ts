/**
 * What staff and operators do with mirrored threads: import one from a post address or
 * from a platform's JSON, list them with their state, re-sync one now, remove one with
 * everything derived from it, and describe media that came without a description.
 * Shared by the staff API (routes/staff-threads.ts) and the CLI (`npx podium import`).
 */
import { and, count, desc, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import type { SocialPlatform } from '../../../shared/contracts/social-thread.ts';
import type { Db } from '../../db/client.ts';
import {
  channelGuidelines,
  consultations,
  sentimentCorrections,
  socialAccounts,
  socialAuthors,
  socialMediaDescriptions,
  socialPosts,
  socialThreads,
  type LocalizedText,
} from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { markContentChanged } from '../content-revision.ts';
import { fetchThread, type FetchThreadOptions } from './fetch-thread.ts';
import { detectPlatform, importThreadPayload } from './import-payload.ts';
import type { AccountDirectory, ImportedThread } from './model.ts';
import type { FlagKind } from '../screening/types.ts';
import { importThread, syncThread, type SyncResult, type SyncStats } from './threads.ts';
import { wellFormedDeep } from '../../../shared/contracts/text.ts';

/** The operator's settings for reading threads (api/config.ts reads them from the environment). */
export type ImportSettings = {
  /** PODIUM_IMPORT_ALLOW_PRIVATE=1: URL imports may reach private and local addresses (tests, intranets). */
  allowPrivateHosts: boolean;
  xBearerToken?: string | undefined;
  /** PODIUM_BLUESKY_APPVIEW: another AppView than Bluesky's public one. */
  blueskyAppView?: string | undefined;
};

/** Without configuration: public addresses only, Bluesky's public AppView, no X token. */
export const DEFAULT_IMPORT_SETTINGS: ImportSettings = { allowPrivateHosts: false };

export function fetchOptionsFrom(settings: ImportSettings): FetchThreadOptions {
  return {
    allowPrivateHosts: settings.allowPrivateHosts,
    ...(settings.xBearerToken ? { xBearerToken: settings.xBearerToken } : {}),
    ...(settings.blueskyAppView ? { blueskyAppView: settings.blueskyAppView } : {}),
    // Staff wait for the answer: a platform that wants a long pause is tried again later.
    maxWaitMs: 10_000,
  };
}

/**
 * The organisation's own accounts, from its social-media channels (`mastodon:@gemeente@…`),
 * plus any that the caller names; official accounts as the caller names them.
 */
export async function accountDirectory(
  db: Db,
  organisationId: string,
  extra: AccountDirectory = {},
): Promise<AccountDirectory> {
  const rows = await db
    .select({ key: channelGuidelines.key })
    .from(channelGuidelines)
    .where(and(eq(channelGuidelines.organisationId, organisationId), eq(channelGuidelines.channel, 'social')));
  const own = rows.map((r) => r.key.slice(r.key.indexOf(':') + 1).replace(/^@/, '')).filter(Boolean);
  // Connected accounts are the municipality's own: what Podium posts as them is published on import.
  const connected = await db
    .select({ id: socialAccounts.externalId })
    .from(socialAccounts)
    .where(eq(socialAccounts.organisationId, organisationId));
  return {
    ownAccounts: [...own, ...connected.map((a) => a.id), ...(extra.ownAccounts ?? [])],
    officialAccounts: [...(extra.officialAccounts ?? [])],
  };
}

export type ImportRequest = {
  organisationId: string;
  /** A post address (Mastodon, Bluesky; X with a token), or … */
  url?: string | undefined;
  /** … the JSON a platform's API returned, with its platform (detected from the shape when left out). */
  payload?: unknown;
  platform?: SocialPlatform | undefined;
  rootId?: string | undefined;
  consultation?: string | undefined;
  title?: LocalizedText | undefined;
  accounts?: AccountDirectory | undefined;
  actor?: { id: string } | undefined;
  /**
   * The importer's decision to publish, at once, the replies that screening did not flag
   * (staff with the right to decide, or the operator); flagged ones stay in the queue.
   */
  publish?: boolean | undefined;
  settings: ImportSettings;
  now: Date;
};

export type ImportOutcome =
  | {
      kind: 'imported';
      threadId: string;
      created: boolean;
      platform: SocialPlatform;
      stats: SyncStats;
      /** Replies published by the importer's decision, and those left waiting (flagged or not asked). */
      published: number;
      waiting: number;
    }
  | { kind: 'unknown_platform' }
  | { kind: 'unknown_consultation' };

/** Imports (or re-imports) a thread; source errors are thrown for the caller to explain. */
export async function importThreadFrom(db: Db, raw: ImportRequest): Promise<ImportOutcome> {
  // What came from outside (staff JSON, a file, the admin socket) made storable before any
  // lookup or write; importThread does the same for what a live read brings.
  const { settings, now, actor, ...outside } = raw;
  const request: ImportRequest = { ...wellFormedDeep(outside), settings, now, actor };
  let consultationId: string | null = null;
  if (request.consultation) {
    const [row] = await db
      .select({ id: consultations.id })
      .from(consultations)
      .where(
        and(eq(consultations.organisationId, request.organisationId), eq(consultations.slug, request.consultation)),
      );
    if (!row) return { kind: 'unknown_consultation' };
    consultationId = row.id;
  }
  const directory = await accountDirectory(db, request.organisationId, request.accounts);
  let thread: ImportedThread;
  if (request.url) {
    thread = await fetchThread(request.url, { ...fetchOptionsFrom(request.settings), ...directory });
  } else {
    const platform = request.platform ?? detectPlatform(request.payload);
    if (!platform) return { kind: 'unknown_platform' };
    thread = importThreadPayload(platform, request.payload, {
      ...directory,
      ...(request.rootId ? { rootId: request.rootId } : {}),
    });
  }
  const result = await importThread(db, {
    organisationId: request.organisationId,
    thread,
    sourceUrl: request.url ?? null,
    live: !!request.url,
    consultationId,
    title: request.title ?? null,
    now: request.now,
    ...(request.actor ? { actor: request.actor } : {}),
  });
  const review = await publishUnflaggedReplies(db, {
    organisationId: request.organisationId,
    threadId: result.threadId,
    publish: !!request.publish,
    actor: request.actor ?? null,
    now: request.now,
  });
  return { kind: 'imported', platform: thread.platform, ...result, ...review };
}

/**
 * Publishes a thread's waiting replies that screening did not flag, each with its own audit
 * entry naming who decided; counts what still waits.
 */
async function publishUnflaggedReplies(
  db: Db,
  params: { organisationId: string; threadId: string; publish: boolean; actor: { id: string } | null; now: Date },
): Promise<{ published: number; waiting: number }> {
  const waiting = await db
    .select({ id: socialPosts.id, screening: socialPosts.screening })
    .from(socialPosts)
    .where(
      and(
        eq(socialPosts.threadId, params.threadId),
        eq(socialPosts.reviewState, 'new'),
        isNull(socialPosts.deletedAt),
        isNull(socialPosts.placeholder),
      ),
    );
  if (!params.publish) return { published: 0, waiting: waiting.length };
  const clean = waiting.filter((post) => (post.screening?.fields ?? []).every((f) => f.flags.length === 0));
  if (clean.length === 0) return { published: 0, waiting: waiting.length };
  await db.transaction(async (tx) => {
    await tx
      .update(socialPosts)
      .set({ reviewState: 'published', publishedAt: params.now, moderationRule: null })
      .where(
        inArray(
          socialPosts.id,
          clean.map((post) => post.id),
        ),
      );
    for (const post of clean) {
      await recordAudit(tx, {
        organisationId: params.organisationId,
        actorType: params.actor ? 'staff' : 'system',
        actorId: params.actor?.id ?? null,
        at: params.now,
        action: 'social_post.decision',
        subjectType: 'social_post',
        subjectId: post.id,
        details: { decision: 'publish', from: 'new', to: 'published', via: 'import', screening: 'no flags' },
      });
    }
    await markContentChanged(tx);
  });
  return { published: clean.length, waiting: waiting.length - clean.length };
}

export type StaffThreadSummary = {
  id: string;
  platform: SocialPlatform;
  url: string | null;
  title: LocalizedText | null;
  consultation: string | null;
  live: boolean;
  lastSyncedAt: string | null;
  nextSyncAt: string | null;
  lastSyncError: string | null;
  removedAt: string | null;
  posts: { published: number; waiting: number; total: number };
};

/** Every thread of the organisation, newest first, with what waits for moderation. */
export async function listThreadsForStaff(db: Db, organisationId: string): Promise<StaffThreadSummary[]> {
  const threads = await db
    .select({ thread: socialThreads, consultation: consultations.slug })
    .from(socialThreads)
    .leftJoin(consultations, eq(consultations.id, socialThreads.consultationId))
    .where(eq(socialThreads.organisationId, organisationId))
    .orderBy(desc(socialThreads.createdAt));
  if (threads.length === 0) return [];
  const counts = await db
    .select({
      threadId: socialPosts.threadId,
      total: count(),
      published: sql<number>`count(*) filter (where ${socialPosts.publishedAt} is not null)`,
      waiting: sql<number>`count(*) filter (where ${socialPosts.reviewState} in ('new', 'in_review', 'escalated'))`,
    })
    .from(socialPosts)
    .where(
      and(
        inArray(
          socialPosts.threadId,
          threads.map((t) => t.thread.id),
        ),
        isNull(socialPosts.deletedAt),
        isNull(socialPosts.placeholder),
      ),
    )
    .groupBy(socialPosts.threadId);
  const byThread = new Map(counts.map((c) => [c.threadId, c]));
  return threads.map(({ thread, consultation }) => {
    const c = byThread.get(thread.id);
    return {
      id: thread.id,
      platform: thread.platform,
      url: thread.sourceUrl,
      title: thread.title,
      consultation,
      live: thread.nextSyncAt !== null,
      lastSyncedAt: thread.lastSyncedAt?.toISOString() ?? null,
      nextSyncAt: thread.nextSyncAt?.toISOString() ?? null,
      lastSyncError: thread.lastSyncError,
      removedAt: thread.removedAt?.toISOString() ?? null,
      posts: { published: Number(c?.published ?? 0), waiting: Number(c?.waiting ?? 0), total: Number(c?.total ?? 0) },
    };
  });
}

async function ownThread(db: Db, organisationId: string, threadId: string) {
  const [thread] = await db
    .select()
    .from(socialThreads)
    .where(and(eq(socialThreads.id, threadId), eq(socialThreads.organisationId, organisationId)));
  return thread;
}

/**
 * Re-reads a live thread now; `not_found` for another organisation's or an unknown thread.
 * When a person asked, the audit log says who and what came of it (the sync's own entry
 * only says what changed).
 */
export async function resyncThread(
  db: Db,
  params: { organisationId: string; threadId: string; settings: ImportSettings; now: Date; actor?: { id: string } },
): Promise<SyncResult | { kind: 'not_found' }> {
  const thread = await ownThread(db, params.organisationId, params.threadId);
  if (!thread) return { kind: 'not_found' };
  const directory = await accountDirectory(db, params.organisationId);
  const result = await syncThread(db, thread.id, { ...fetchOptionsFrom(params.settings), directory, now: params.now });
  if (params.actor) {
    await recordAudit(db, {
      organisationId: params.organisationId,
      actorType: 'staff',
      actorId: params.actor.id,
      at: params.now,
      action: 'social_thread.sync_requested',
      subjectType: 'social_thread',
      subjectId: thread.id,
      details: {
        result: result.kind,
        before: { lastSyncedAt: thread.lastSyncedAt?.toISOString() ?? null },
        ...(result.kind === 'synced' ? { stats: result.stats } : {}),
      },
    });
  }
  return result;
}

/** One post of a thread that screening flagged for personal data (AVG), for the importer to look at. */
export type FlaggedPost = {
  /** The post's id in Podium: its item in the moderation queue. */
  id: string;
  postedAt: string;
  /** What was found (phone, address, health, …), each kind once. */
  kinds: FlagKind[];
};

/**
 * What a thread holds after an import: how many posts were taken in (deleted posts and the
 * placeholders of missing ones not counted) and which of them screening flagged for
 * personal data, oldest first.
 */
export async function importedPostsSummary(
  db: Db,
  threadId: string,
): Promise<{ posts: number; flagged: FlaggedPost[] }> {
  const rows = await db
    .select({ id: socialPosts.id, postedAt: socialPosts.postedAt, screening: socialPosts.screening })
    .from(socialPosts)
    .where(and(eq(socialPosts.threadId, threadId), isNull(socialPosts.deletedAt), isNull(socialPosts.placeholder)))
    .orderBy(socialPosts.postedAt, socialPosts.id);
  const flagged: FlaggedPost[] = [];
  for (const row of rows) {
    const kinds = new Set<FlagKind>();
    for (const field of row.screening?.fields ?? [])
      for (const flag of field.flags) if (flag.category === 'personal_data') kinds.add(flag.kind);
    if (kinds.size > 0) flagged.push({ id: row.id, postedAt: row.postedAt.toISOString(), kinds: [...kinds] });
  }
  return { posts: rows.length, flagged };
}

/** The organisation's consultations a thread can be shown with: slug and title, newest first. */
export async function consultationChoices(
  db: Db,
  organisationId: string,
): Promise<Array<{ slug: string; title: LocalizedText; status: string }>> {
  return db
    .select({ slug: consultations.slug, title: consultations.title, status: consultations.status })
    .from(consultations)
    .where(eq(consultations.organisationId, organisationId))
    .orderBy(desc(consultations.createdAt));
}

/**
 * Removes a thread and everything derived from it: its posts (and with them their place in
 * the moderation queue, staff replies and staff descriptions), the sentiment corrections
 * made on them, and the authors no other post refers to. The audit log keeps that it
 * happened, by whom, and how much went, never the content.
 */
export async function deleteThread(
  db: Db,
  params: { organisationId: string; threadId: string; actor: { id: string } | null; now: Date },
): Promise<{ kind: 'deleted'; posts: number; authors: number } | { kind: 'not_found' }> {
  const thread = await ownThread(db, params.organisationId, params.threadId);
  if (!thread) return { kind: 'not_found' };
  return db.transaction(async (tx) => {
    const posts = await tx
      .select({ id: socialPosts.id, authorId: socialPosts.authorId })
      .from(socialPosts)
      .where(eq(socialPosts.threadId, thread.id));
    const postIds = posts.map((p) => p.id);
    const authorIds = [...new Set(posts.map((p) => p.authorId).filter((id): id is string => !!id))];
    if (postIds.length > 0) {
      await tx
        .delete(sentimentCorrections)
        .where(
          and(eq(sentimentCorrections.subjectType, 'social_post'), inArray(sentimentCorrections.subjectId, postIds)),
        );
    }
    // Posts, descriptions and staff replies go with the thread (ON DELETE CASCADE).
    await tx.delete(socialThreads).where(eq(socialThreads.id, thread.id));
    let authors = 0;
    if (authorIds.length > 0) {
      const removed = await tx
        .delete(socialAuthors)
        .where(
          and(
            inArray(socialAuthors.id, authorIds),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(socialPosts)
                .where(eq(socialPosts.authorId, socialAuthors.id)),
            ),
          ),
        )
        .returning({ id: socialAuthors.id });
      authors = removed.length;
    }
    await recordAudit(tx, {
      organisationId: params.organisationId,
      actorType: params.actor ? 'staff' : 'system',
      actorId: params.actor?.id ?? null,
      at: params.now,
      action: 'social_thread.deleted',
      subjectType: 'social_thread',
      subjectId: thread.id,
      details: { platform: thread.platform, posts: postIds.length, authors },
    });
    // The portal shows the thread: it must go from there too.
    await markContentChanged(tx);
    return { kind: 'deleted' as const, posts: postIds.length, authors };
  });
}

export type DescribeOutcome = { kind: 'saved'; mediaUrl: string } | { kind: 'not_found' } | { kind: 'no_media' };

/**
 * Stores (or, with an empty text, removes) a staff description for one media item of a post,
 * apart from the platform's own alt text. The post is named by its platform id in the thread.
 */
export async function describeMedia(
  db: Db,
  params: {
    organisationId: string;
    threadId: string;
    postId: string;
    mediaIndex: number;
    text: string;
    lang: 'nl' | 'en';
    staffUserId: string;
    now: Date;
  },
): Promise<DescribeOutcome> {
  const thread = await ownThread(db, params.organisationId, params.threadId);
  if (!thread) return { kind: 'not_found' };
  const [post] = await db
    .select({ id: socialPosts.id, media: socialPosts.media })
    .from(socialPosts)
    .where(
      and(
        eq(socialPosts.threadId, thread.id),
        eq(socialPosts.externalId, params.postId),
        isNull(socialPosts.deletedAt),
      ),
    );
  if (!post) return { kind: 'not_found' };
  const media = post.media[params.mediaIndex];
  if (!media) return { kind: 'no_media' };
  await db.transaction(async (tx) => {
    const text = params.text.trim();
    if (text) {
      await tx
        .insert(socialMediaDescriptions)
        .values({ postId: post.id, mediaUrl: media.url, text, language: params.lang, staffUserId: params.staffUserId })
        .onConflictDoUpdate({
          target: [socialMediaDescriptions.postId, socialMediaDescriptions.mediaUrl],
          set: { text, language: params.lang, staffUserId: params.staffUserId, updatedAt: params.now },
        });
    } else {
      await tx
        .delete(socialMediaDescriptions)
        .where(and(eq(socialMediaDescriptions.postId, post.id), eq(socialMediaDescriptions.mediaUrl, media.url)));
    }
    await recordAudit(tx, {
      organisationId: params.organisationId,
      actorType: 'staff',
      actorId: params.staffUserId,
      at: params.now,
      action: text ? 'social_media.described' : 'social_media.description_removed',
      subjectType: 'social_post',
      subjectId: post.id,
      details: { mediaIndex: params.mediaIndex },
    });
    await markContentChanged(tx);
  });
  return { kind: 'saved', mediaUrl: media.url };
}
