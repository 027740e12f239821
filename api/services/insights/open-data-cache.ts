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
 */
import { sql } from 'drizzle-orm';
import type { ConsultationOpenData } from '../../../shared/contracts/open-data.ts';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { contentRevision, socialPosts, submissions } from '../../db/schema.ts';
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
  const current = state.snapshot;
  const age = current ? now().getTime() - current.generatedAt.getTime() : 0;
  if (current && current.fingerprint === print && age < MAX_AGE_MS) return current;
  if (current && current.buildMs >= INLINE_BUILD_MS) {
    // A slow count runs while callers keep getting the previous figures; a failure keeps them too.
    if (age >= RECOUNT_SPACING * current.buildMs || age >= MAX_AGE_MS)
      build(db, state, print, now, count).catch((error: unknown) => console.error('open data: counting failed', error));
    return current;
  }
  return build(db, state, print, now, count);
}
