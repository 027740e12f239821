/**
 * Visit counts kept in memory and added to the database in batches.
 *
 * A request only increments a number in a Map (no query per visit); `flush` writes the batch
 * with one additive upsert per table (`visits = visits + excluded.visits`), so any number of
 * API processes flushing into the same rows add up, and a flush never overwrites another's.
 * The price: a process that crashes loses what it counted since its last flush, at most one
 * flush interval (`PODIUM_VISIT_FLUSH_SECONDS`). A flush that fails puts its batch back, so a
 * short database outage loses nothing.
 *
 * Nothing about the visitor is kept: a day, a path (or an embedding origin and what the widget
 * showed) and a number.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { pageVisits, widgetViews } from '../../db/schema.ts';
import { amsterdamDate } from '../insights/weeks.ts';

export type VisitKind = 'page' | 'download';
export type WidgetKind = 'consultation' | 'answers' | 'thread';

/** More distinct keys than this in one batch are not counted (a flood of odd paths must not fill memory). */
export const MAX_KEYS_PER_BATCH = 20_000;
/** Rows per INSERT statement, well below PostgreSQL's parameter limit. */
const ROWS_PER_STATEMENT = 1000;

type Batch = { pages: Map<string, number>; widgets: Map<string, number> };

export type VisitCounter = {
  page(path: string, kind: VisitKind, at: Date): void;
  widget(origin: string, widget: WidgetKind, subject: string, at: Date): void;
  /** Writes what was counted since the last flush; returns how many rows it added to. */
  flush(): Promise<number>;
  /** Counts not yet written (for tests and the benchmark). */
  pending(): number;
};

const SEPARATOR = '\u0000';

/**
 * @example
 * const counter = createVisitCounter(db);
 * counter.page('/consultaties/fietsroute/', 'page', new Date());
 * await counter.flush();
 */
export function createVisitCounter(db: Db): VisitCounter {
  let batch: Batch = { pages: new Map(), widgets: new Map() };
  // Days change rarely: one Intl call per minute instead of one per request.
  let dayCache: { minute: number; day: string } | undefined;
  const dayOf = (at: Date) => {
    const minute = Math.floor(at.getTime() / 60_000);
    if (dayCache?.minute !== minute) dayCache = { minute, day: amsterdamDate(at) };
    return dayCache.day;
  };
  const add = (map: Map<string, number>, key: string, by = 1) => {
    const current = map.get(key);
    if (current === undefined && batch.pages.size + batch.widgets.size >= MAX_KEYS_PER_BATCH) return;
    map.set(key, (current ?? 0) + by);
  };
  let flushing: Promise<number> | undefined;

  async function write(taken: Batch): Promise<number> {
    // One transaction: a failed flush writes nothing, so putting the batch back cannot count twice.
    // Rows in the order of their keys: every process then takes the rows' locks in the same
    // order, and two flushes of the same rows wait for each other instead of deadlocking.
    const byKey = ([a]: [string, number], [b]: [string, number]) => (a < b ? -1 : a > b ? 1 : 0);
    return db.transaction(async (tx) => {
      const pages = [...taken.pages].sort(byKey).map(([key, visits]) => {
        const [day, kind, path] = key.split(SEPARATOR) as [string, VisitKind, string];
        return { day, kind, path, visits };
      });
      const widgets = [...taken.widgets].sort(byKey).map(([key, views]) => {
        const [day, origin, widget, subject] = key.split(SEPARATOR) as [string, string, string, string];
        return { day, origin, widget, subject, views };
      });
      for (let at = 0; at < pages.length; at += ROWS_PER_STATEMENT) {
        await tx
          .insert(pageVisits)
          .values(pages.slice(at, at + ROWS_PER_STATEMENT))
          .onConflictDoUpdate({
            target: [pageVisits.day, pageVisits.path],
            set: { visits: sql.raw('"page_visits"."visits" + excluded."visits"') },
          });
      }
      for (let at = 0; at < widgets.length; at += ROWS_PER_STATEMENT) {
        await tx
          .insert(widgetViews)
          .values(widgets.slice(at, at + ROWS_PER_STATEMENT))
          .onConflictDoUpdate({
            target: [widgetViews.day, widgetViews.origin, widgetViews.widget, widgetViews.subject],
            set: { views: sql.raw('"widget_views"."views" + excluded."views"') },
          });
      }
      return pages.length + widgets.length;
    });
  }

  return {
    page(path, kind, at) {
      add(batch.pages, `${dayOf(at)}${SEPARATOR}${kind}${SEPARATOR}${path}`);
    },
    widget(origin, widget, subject, at) {
      add(batch.widgets, `${dayOf(at)}${SEPARATOR}${origin}${SEPARATOR}${widget}${SEPARATOR}${subject}`);
    },
    pending() {
      let sum = 0;
      for (const n of batch.pages.values()) sum += n;
      for (const n of batch.widgets.values()) sum += n;
      return sum;
    },
    async flush() {
      // One flush at a time per process; a second caller waits for it and then writes its own.
      while (flushing) await flushing.catch(() => undefined);
      const taken = batch;
      if (taken.pages.size + taken.widgets.size === 0) return 0;
      batch = { pages: new Map(), widgets: new Map() };
      flushing = write(taken);
      try {
        return await flushing;
      } catch (error) {
        // Put the batch back: the next flush tries again.
        for (const [key, n] of taken.pages) add(batch.pages, key, n);
        for (const [key, n] of taken.widgets) add(batch.widgets, key, n);
        throw error;
      } finally {
        flushing = undefined;
      }
    },
  };
}
