/**
 * What the inbox's search box and paging add to a source's query: full-text search with
 * PostgreSQL's text search in Dutch and in English (an item matches when either
 * configuration does, so "fietspaden" finds "fietspad" and "cycling" finds "cycle"), and
 * paging by keyset on (created_at, id), or on (response_due_at, id) for "least time left
 * first". The expressions match the GIN and b-tree indexes in
 * api/db/schema.ts, so both stay fast on a large queue.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { QueueCursor, QueueOrder } from './source.ts';

/** The longest search text the inbox accepts. */
export const SEARCH_MAX_LENGTH = 200;

/** `text` (an SQL text expression) matches the search in Dutch or in English. */
export function textMatches(text: SQL, query: string): SQL {
  return sql`(to_tsvector('dutch', ${text}) @@ websearch_to_tsquery('dutch', ${query}) or to_tsvector('english', ${text}) @@ websearch_to_tsquery('english', ${query}))`;
}

/**
 * A row's place in the order: microseconds since the epoch as a decimal string. A
 * JavaScript Date would drop the microseconds and repeat or skip rows at a page's edge.
 */
export function cursorMicros(createdAt: AnyPgColumn): SQL<string> {
  return sql<string>`(extract(epoch from ${createdAt}) * 1000000)::bigint::text`;
}

/** The cursor's moment, to the microsecond. */
const momentOf = (cursor: QueueCursor) =>
  sql`(timestamptz 'epoch' + ${cursor.micros}::bigint * interval '1 microsecond')`;

/** Rows after (oldest first, least time left first) or before (newest first) the cursor. */
export function afterCursor(createdAt: AnyPgColumn, id: AnyPgColumn, cursor: QueueCursor, order: QueueOrder): SQL {
  return order === 'newest'
    ? sql`(${createdAt}, ${id}) < (${momentOf(cursor)}, ${cursor.id}::uuid)`
    : sql`(${createdAt}, ${id}) > (${momentOf(cursor)}, ${cursor.id}::uuid)`;
}

/** Rows from the cursor's on, in the list's order: a page that starts at the cursor. */
export function fromCursor(createdAt: AnyPgColumn, id: AnyPgColumn, cursor: QueueCursor, order: QueueOrder): SQL {
  return order === 'newest'
    ? sql`(${createdAt}, ${id}) <= (${momentOf(cursor)}, ${cursor.id}::uuid)`
    : sql`(${createdAt}, ${id}) >= (${momentOf(cursor)}, ${cursor.id}::uuid)`;
}

/** Rows up to and including the cursor's, in the list's order: the other side of `afterCursor`. */
export function upToCursor(createdAt: AnyPgColumn, id: AnyPgColumn, cursor: QueueCursor, order: QueueOrder): SQL {
  return order === 'newest'
    ? sql`(${createdAt}, ${id}) >= (${momentOf(cursor)}, ${cursor.id}::uuid)`
    : sql`(${createdAt}, ${id}) <= (${momentOf(cursor)}, ${cursor.id}::uuid)`;
}

/** Orders two items as the queue does: by time, then id. */
export function compareCursors(a: QueueCursor, b: QueueCursor): number {
  const at = BigInt(a.micros) - BigInt(b.micros);
  if (at !== 0n) return at < 0n ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
