/**
 * Saved views: a person's own inbox filter sets under names they chose ("Fietsklachten
 * van mijn afdeling"), shown as links in the inbox, renamed and deleted by them alone.
 * Everything here is keyed by the person: another person's view is simply not found.
 *
 * A view stores the inbox's query string, kept to the list's own parameters. It is not
 * trusted when used: the inbox parses it like any address (unknown values are dropped),
 * and `missingReferences` names the filters that point at something that no longer exists.
 *
 * Personal preferences, like notification settings: no audit entry (the audit log records
 * what happens to residents' input and the organisation's settings).
 */
import { and, asc, eq, max, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { savedViews } from '../../db/schema.ts';
import type { QueueFilterOptions } from './queue-options.ts';

export const SAVED_VIEW_NAME_MAX = 80;
export const SAVED_VIEW_QUERY_MAX = 1000;
/** Enough for anyone's working day; a list of links longer than this helps nobody. */
export const SAVED_VIEWS_MAX = 30;

/** The inbox's list parameters a view keeps; the page cursor and notices are not among them. */
export const SAVED_VIEW_PARAMS = [
  'q',
  'view',
  'sort',
  'approval',
  'status',
  'channel',
  'topic',
  'consultation',
  'department',
  'flag',
  'overdue',
  'from',
  'to',
] as const;

export type SavedView = { id: string; name: string; query: string; position: number };

export type SaveViewResult =
  | { kind: 'saved'; id: string }
  | { kind: 'name_required' | 'name_too_long' | 'duplicate_name' | 'too_many' | 'query_too_long' };

export type RenameViewResult =
  { kind: 'renamed' } | { kind: 'not_found' | 'name_required' | 'name_too_long' | 'duplicate_name' };

/** The person's views in their order. */
export async function listSavedViews(db: Db, staffUserId: string): Promise<SavedView[]> {
  return db
    .select({ id: savedViews.id, name: savedViews.name, query: savedViews.query, position: savedViews.position })
    .from(savedViews)
    .where(eq(savedViews.staffUserId, staffUserId))
    .orderBy(asc(savedViews.position), asc(savedViews.createdAt));
}

/** The list parameters of a query string, in a fixed order; everything else is left out. */
export function viewQuery(query: string): string {
  const given = new URLSearchParams(query);
  const kept = new URLSearchParams();
  for (const name of SAVED_VIEW_PARAMS) {
    const value = given.get(name)?.trim();
    if (value) kept.set(name, value);
  }
  return kept.toString();
}

/** A name as people read it: spaces at the ends dropped, runs of white space made one. */
export function normaliseName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

function checkName(name: string): 'name_required' | 'name_too_long' | undefined {
  if (!name) return 'name_required';
  if ([...name].length > SAVED_VIEW_NAME_MAX) return 'name_too_long';
  return undefined;
}

/** Whether the person has another view by this name (case does not count). */
async function nameTaken(db: Db, staffUserId: string, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(
      and(
        eq(savedViews.staffUserId, staffUserId),
        sql`lower(${savedViews.name}) = lower(${name})`,
        exceptId ? ne(savedViews.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Saves the current filter set under a new name, after the person's other views. */
export async function saveView(
  db: Db,
  params: { staffUserId: string; name: string; query: string; now: Date },
): Promise<SaveViewResult> {
  const name = normaliseName(params.name);
  const problem = checkName(name);
  if (problem) return { kind: problem };
  const query = viewQuery(params.query);
  if (query.length > SAVED_VIEW_QUERY_MAX) return { kind: 'query_too_long' };
  if (await nameTaken(db, params.staffUserId, name)) return { kind: 'duplicate_name' };
  const existing = await listSavedViews(db, params.staffUserId);
  if (existing.length >= SAVED_VIEWS_MAX) return { kind: 'too_many' };
  const [last] = await db
    .select({ position: max(savedViews.position) })
    .from(savedViews)
    .where(eq(savedViews.staffUserId, params.staffUserId));
  try {
    const [row] = await db
      .insert(savedViews)
      .values({
        staffUserId: params.staffUserId,
        name,
        query,
        position: (last?.position ?? 0) + 1,
        createdAt: params.now,
      })
      .returning({ id: savedViews.id });
    return { kind: 'saved', id: row!.id };
  } catch (error) {
    // The same name saved at the same moment (another tab of the same person).
    if (isUniqueViolation(error)) return { kind: 'duplicate_name' };
    throw error;
  }
}

/** Gives one of the person's views a new name. */
export async function renameView(
  db: Db,
  params: { staffUserId: string; viewId: string; name: string },
): Promise<RenameViewResult> {
  const name = normaliseName(params.name);
  const mine = and(eq(savedViews.id, params.viewId), eq(savedViews.staffUserId, params.staffUserId));
  const [view] = await db.select({ id: savedViews.id }).from(savedViews).where(mine).limit(1);
  if (!view) return { kind: 'not_found' };
  const problem = checkName(name);
  if (problem) return { kind: problem };
  if (await nameTaken(db, params.staffUserId, name, params.viewId)) return { kind: 'duplicate_name' };
  try {
    await db.update(savedViews).set({ name }).where(mine);
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: 'duplicate_name' };
    throw error;
  }
  return { kind: 'renamed' };
}

/** Deletes one of the person's views. */
export async function deleteView(
  db: Db,
  params: { staffUserId: string; viewId: string },
): Promise<'deleted' | 'not_found'> {
  const deleted = await db
    .delete(savedViews)
    .where(and(eq(savedViews.id, params.viewId), eq(savedViews.staffUserId, params.staffUserId)))
    .returning({ id: savedViews.id });
  return deleted.length > 0 ? 'deleted' : 'not_found';
}

export type MissingReference = { filter: 'topic' | 'consultation' | 'department'; value: string };

/**
 * The filters in a query that name a topic, consultation or department the organisation no
 * longer has: a saved view made before it was removed. The inbox says so rather than
 * silently showing an empty list.
 */
export function missingReferences(query: string, options: QueueFilterOptions): MissingReference[] {
  const params = new URLSearchParams(query);
  const known = {
    topic: new Set(options.topics.map((t) => t.slug)),
    consultation: new Set(options.consultations.map((c) => c.slug)),
    department: new Set(options.departments.map((d) => d.slug)),
  };
  const missing: MissingReference[] = [];
  for (const filter of ['topic', 'consultation', 'department'] as const) {
    const value = params.get(filter)?.trim();
    if (value && !known[filter].has(value)) missing.push({ filter, value });
  }
  return missing;
}
