/**
 * The open-data figures, kept in memory between requests. The endpoint is public and
 * uncredentialed: counting a million items on every call let one client stall the API (see
 * the performance review of 2026-12-04). The figures are counted again only when the data
 * may have changed, and a count that takes long runs in the background while callers get
 * the previous figures.
 *
 * "May have changed" is a fingerprint read from indexes in about a millisecond: the content
 * revision (published input, answers, consultations) and the newest submission and social
 * post. What it cannot see (a staff correction of a sentiment label, an item marked as
 * needing an answer, an erased unpublished item) reaches the figures within MAX_AGE_MS, the
 * same five minutes the answer's Cache-Control allows any cache to keep it.
 *
 * The last figures are also kept in the database (`open_data_figures`): a process that starts
 * serves them at once while it counts again (at 10 million items the first request after a
 * start waited 21 s for a count), and before counting a process takes up figures another
 * process of the deployment counted from the same data.
 */
import { eq, sql } from 'drizzle-orm';
import type { ConsultationOpenData } from '../../../shared/contracts/open-data.ts';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { contentRevision, openDataFigures, socialPosts, submissions } from '../../db/schema.ts';
import { openDataConsultations } from './open-data.ts';

export const MAX_AGE_MS = 300_000;
/** A count faster than this is made while the caller waits, so figures are never stale on a small database. */
const INLINE_BUILD_MS = 250;
/**
 * A slow count starts again no sooner than this many times its own duration after the last one
 * ended: with input arriving every second the fingerprint always changes, and counting a
 * million items back to back kept one of the database's cores busy for the open data alone.
 * So it takes at most a tenth of one core, and the figures are at most that much older.
 */
const RECOUNT_SPACING = 10;

export type OpenDataSnapshot = {
  consultations: ConsultationOpenData[];
  /** When the figures were counted: the same in every answer made from them, so their ETag holds. */
  generatedAt: Date;
  fingerprint: string;
  buildMs: number;
};

type State = { snapshot?: OpenDataSnapshot; building?: Promise<OpenDataSnapshot> };
const KEY = 'consultations';

/** The figures last counted by any process of the deployment, if any. */
async function storedSnapshot(db: Db): Promise<OpenDataSnapshot | undefined> {
  const [row] = await db.select().from(openDataFigures).where(eq(openDataFigures.key, KEY));
  return (
    row && {
      consultations: row.figures,
      generatedAt: row.generatedAt,
      fingerprint: row.fingerprint,
      buildMs: row.buildMs,
    }
  );
}

async function store(db: Db, snapshot: OpenDataSnapshot): Promise<void> {
  const row = {
    fingerprint: snapshot.fingerprint,
    generatedAt: snapshot.generatedAt,
    buildMs: snapshot.buildMs,
    figures: snapshot.consultations,
  };
  await db
    .insert(openDataFigures)
    .values({ key: KEY, ...row })
    .onConflictDoUpdate({
      target: openDataFigures.key,
      set: row,
      // Two processes counting at once: the later count stays.
      setWhere: sql`${openDataFigures.generatedAt} <= excluded.generated_at`,
    });
}
const states = new WeakMap<Db, State>();

async function fingerprint(db: Db): Promise<string> {
  const [row] = rowsOf<{ v: unknown; s: unknown; p: unknown }>(
    await db.execute(sql`select
      (select max(version) from ${contentRevision}) as v,
      (select max(created_at) from ${submissions}) as s,
      (select max(created_at) from ${socialPosts}) as p`),
  );
  const at = (value: unknown) => (value === null || value === undefined ? '' : new Date(value as string).toISOString());
  return `${row?.v ?? 0}|${at(row?.s)}|${at(row?.p)}`;
}

type Count = (db: Db) => Promise<ConsultationOpenData[]>;

function build(db: Db, state: State, print: string, now: () => Date, count: Count): Promise<OpenDataSnapshot> {
  state.building ??= (async () => {
    const started = performance.now();
    try {
      const consultations = await count(db);
      const snapshot = {
        consultations,
        generatedAt: now(),
        fingerprint: print,
        buildMs: performance.now() - started,
      };
      state.snapshot = snapshot;
      // Kept for the next process to start; the figures are served even if that fails.
      await store(db, snapshot).catch((error: unknown) =>
        console.error('open data: keeping the figures failed', error),
      );
      return snapshot;
    } finally {
      state.building = undefined;
    }
  })();
  return state.building;
}

/**
 * The figures of every published consultation, counted at most once per change of the data.
 * `count` is the counting itself (tests give a slow one).
 */
export async function openDataSnapshot(
  db: Db,
  now: () => Date = () => new Date(),
  count: Count = openDataConsultations,
): Promise<OpenDataSnapshot> {
  let state = states.get(db);
  if (!state) states.set(db, (state = {}));
  const print = await fingerprint(db);
  const ageOf = (snapshot: OpenDataSnapshot) => now().getTime() - snapshot.generatedAt.getTime();
  const fresh = (snapshot: OpenDataSnapshot) => snapshot.fingerprint === print && ageOf(snapshot) < MAX_AGE_MS;
  const slow = (snapshot: OpenDataSnapshot) => snapshot.buildMs >= INLINE_BUILD_MS;
  /** A slow count starts again only RECOUNT_SPACING times its duration after the last one. */
  const recountDue = (snapshot: OpenDataSnapshot) =>
    ageOf(snapshot) >= RECOUNT_SPACING * snapshot.buildMs || ageOf(snapshot) >= MAX_AGE_MS;

  let current = state.snapshot;
  if (current && fresh(current)) return current;
  // A count under way: a slow one's callers keep the previous figures, a quick one's wait for it.
  if (state.building) return current && slow(current) ? current : state.building;
  if (current && slow(current) && !recountDue(current)) return current;
  // About to count: another process of the deployment (or this one before a restart) may have counted since.
  const stored = await storedSnapshot(db);
  if (stored && (fresh(stored) || !current || stored.generatedAt > current.generatedAt))
    state.snapshot = current = stored;
  if (current && fresh(current)) return current;
  if (current && slow(current)) {
    // A slow count runs while callers keep getting the previous figures; a failure keeps them too.
    if (recountDue(current))
      build(db, state, print, now, count).catch((error: unknown) => console.error('open data: counting failed', error));
    return current;
  }
  return build(db, state, print, now, count);
}
