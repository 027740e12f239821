/**
 * The portal's list of mirrored conversations (`/gesprekken/`), read a page at a time: a
 * busy municipality mirrors thousands of threads over the years, and the list was built
 * whole into the site from a snapshot that held every one of them.
 */
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { ConversationListItem } from '../../../shared/render/conversation-list.ts';
import type { Db } from '../../db/client.ts';
import type { LocalizedText } from '../../../shared/contracts/localized-text.ts';
import { rowsOf } from '../../db/rows.ts';
import { consultations, socialPosts, socialThreads } from '../../db/schema.ts';
import { isShownPost } from './threads.ts';

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
  // The page's threads first, then each one's shown posts counted and dated in one pass
  // (`isShownPost`), for those threads only.
  const rows = rowsOf<{
    id: string;
    platform: ConversationListItem['platform'];
    title: ConversationListItem['title'];
    post_count: number;
    started_at: string | Date | null;
    slug: string | null;
    consultation_title: LocalizedText | null;
  }>(
    await db.execute(sql`select t.id, t.platform, t.title, s.post_count, s.started_at, c.slug, c.title as consultation_title
      from (select * from ${socialThreads} where ${served}
            order by ${socialThreads.createdAt} desc, ${socialThreads.id} desc limit ${size} offset ${(page - 1) * size}) t
      left join lateral (select count(*)::int as post_count, min(${socialPosts.postedAt}) as started_at
        from ${socialPosts} where ${socialPosts.threadId} = t.id and ${isShownPost}) s on true
      left join ${consultations} c on c.id = t.consultation_id and c.status <> 'draft'
      order by t.created_at desc, t.id desc`),
  );
  return {
    items: rows.map((row) => ({
      id: row.id,
      platform: row.platform,
      title: row.title ?? null,
      postCount: Number(row.post_count),
      startedAt: row.started_at ? new Date(row.started_at).toISOString() : null,
      consultation: row.slug && row.consultation_title ? { slug: row.slug, title: row.consultation_title } : null,
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
