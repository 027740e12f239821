/**
 * The portal's list of mirrored conversations (`/gesprekken/`), read a page at a time: a
 * busy municipality mirrors thousands of threads over the years, and the list was built
 * whole into the site from a snapshot that held every one of them.
 */
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { ConversationListItem } from '../../../shared/render/conversation-list.ts';
import type { Db } from '../../db/client.ts';
import { consultations, socialThreads } from '../../db/schema.ts';

/** Conversations to a page of the list. */
export const CONVERSATIONS_PER_PAGE = 50;

export type ConversationListPage = {
  /** Each with the consultation it belongs to, unless that is a draft. */
  items: ConversationListItem[];
  page: number;
  pages: number;
  total: number;
};

/**
 * Page `page` of the served conversations, the latest mirrored first; `pastEnd` when there
 * are fewer pages (page 1 always exists). Each thread's shown posts are counted and dated on
 * the partial index `social_posts_shown`, for the threads on the page only.
 */
export async function readConversationListPage(
  db: Db,
  page: number,
  size = CONVERSATIONS_PER_PAGE,
): Promise<ConversationListPage | { pastEnd: number }> {
  const served = isNull(socialThreads.removedAt);
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(socialThreads)
    .where(served);
  const pages = Math.max(1, Math.ceil(total / size));
  if (page > pages) return { pastEnd: pages };
  const shown = sql`p.thread_id = ${socialThreads.id} and p.published_at is not null and p.deleted_at is null and p.placeholder is null`;
  const rows = await db
    .select({
      id: socialThreads.id,
      platform: socialThreads.platform,
      title: socialThreads.title,
      postCount: sql<number>`(select count(*)::int from social_posts p where ${shown})`,
      startedAt: sql<string | Date | null>`(select min(p.posted_at) from social_posts p where ${shown})`,
      slug: consultations.slug,
      consultationTitle: consultations.title,
    })
    .from(socialThreads)
    .leftJoin(consultations, and(eq(consultations.id, socialThreads.consultationId), ne(consultations.status, 'draft')))
    .where(served)
    .orderBy(desc(socialThreads.createdAt), desc(socialThreads.id))
    .limit(size)
    .offset((page - 1) * size);
  return {
    items: rows.map((row) => ({
      id: row.id,
      platform: row.platform,
      title: row.title ?? null,
      postCount: Number(row.postCount),
      startedAt: row.startedAt ? new Date(row.startedAt).toISOString() : null,
      consultation: row.slug && row.consultationTitle ? { slug: row.slug, title: row.consultationTitle } : null,
    })),
    page,
    pages,
    total,
  };
}

/** The consultation a served conversation belongs to, for its page's head; null when none or a draft. */
export async function conversationConsultation(
  db: Db,
  threadId: string,
): Promise<ConversationListItem['consultation']> {
  const [row] = await db
    .select({ slug: consultations.slug, title: consultations.title })
    .from(socialThreads)
    .innerJoin(
      consultations,
      and(eq(consultations.id, socialThreads.consultationId), ne(consultations.status, 'draft')),
    )
    .where(eq(socialThreads.id, threadId));
  return row ?? null;
}
