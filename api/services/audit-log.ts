/**
 * Reading the audit log, for administrators: filtered, paged, and whole for an export.
 * There is no function here that changes an entry, and the database refuses UPDATE and
 * DELETE on the table (migration 0006) except for the retention purge.
 */
import { and, asc, count, desc, eq, gt, inArray, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { LocalizedText } from '../../shared/contracts/localized-text.ts';
import type { Db } from '../db/client.ts';
import { auditLog, consultations, socialPosts, socialThreads, staffUsers, submissions } from '../db/schema.ts';
import type { AuditAction } from './audit-actions.ts';
import { TIME_ZONE } from './insights/weeks.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type AuditFilter = {
  /** A staff user's id, or everything done by the system or by residents. */
  actor?: string | undefined;
  /** The action, or its first part: `submission` finds `submission.decision` and `submission.erased`. */
  action?: string | undefined;
  /** A subject type (`submission`) or a subject id. */
  subject?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

export type AuditRow = {
  id: number;
  at: Date;
  actorType: 'resident' | 'staff' | 'system';
  actorId: string | null;
  /** The staff member's name now; null for the system, residents and erased accounts. */
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** What changed, where the entry says (`from`/`to` or `before`/`after`). */
  before: unknown;
  after: unknown;
  details: Record<string, unknown>;
  /** For an entry about a moderation item: whether it can still be opened, and its consultation. */
  item: AuditItem | null;
};

export type AuditItem = {
  type: 'submission' | 'social_post';
  /** False once the item is erased or deleted: there is nothing left to link to. */
  exists: boolean;
  consultationTitle: LocalizedText | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOKUP_CHUNK = 1000;

export const AUDIT_PAGE_SIZE = 50;
/**
 * The entries the viewer pages through: the newest this many that match. The log grows with
 * every resident's input (millions of entries in a large municipality); counting them all
 * on every view, and skipping to page 40,000, grew with it. Older entries are reached with
 * the period filter, or exported.
 */
export const AUDIT_BROWSE_LIMIT = 10_000;
/** The most entries one export holds; narrow the filters for more. */
export const AUDIT_EXPORT_LIMIT = 50_000;

function conditions(organisationId: string, filter: AuditFilter): SQL {
  const where: SQL[] = [eq(auditLog.organisationId, organisationId)];
  if (filter.actor === 'system' || filter.actor === 'resident') where.push(eq(auditLog.actorType, filter.actor));
  else if (filter.actor) where.push(eq(auditLog.actorId, filter.actor));
  if (filter.action) {
    // Actions are written in lower case; a prefix LIKE (not ILIKE) is what the index serves.
    const action = filter.action.toLowerCase();
    const escaped = action.replace(/[\\%_]/g, (ch) => `\\${ch}`);
    where.push(or(eq(auditLog.action, action), like(auditLog.action, `${escaped}.%`))!);
  }
  if (filter.subject) where.push(or(eq(auditLog.subjectType, filter.subject), eq(auditLog.subjectId, filter.subject))!);
  // The days' bounds as instants, so the index on `at` finds them (a date computed per entry cannot).
  if (filter.from) where.push(sql`${auditLog.at} >= (${filter.from}::date::timestamp at time zone ${TIME_ZONE})`);
  if (filter.to) where.push(sql`${auditLog.at} < ((${filter.to}::date + 1)::timestamp at time zone ${TIME_ZONE})`);
  return and(...where)!;
}

function changeOf(details: Record<string, unknown>): { before: unknown; after: unknown } {
  if ('before' in details || 'after' in details)
    return { before: details.before ?? null, after: details.after ?? null };
  if ('from' in details || 'to' in details) return { before: details.from ?? null, after: details.to ?? null };
  return { before: null, after: null };
}

async function select(db: Db, organisationId: string, filter: AuditFilter, limit: number, offset: number) {
  const rows = await db
    .select({ entry: auditLog, actorName: staffUsers.displayName })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorId))
    .where(conditions(organisationId, filter))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  const items = await itemsOf(
    db,
    organisationId,
    rows.map((r) => r.entry),
  );
  return rows.map(({ entry, actorName }) => ({
    id: entry.id,
    at: entry.at,
    actorType: entry.actorType,
    actorId: entry.actorId,
    actorName: entry.actorType === 'staff' ? actorName : null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    ...changeOf(entry.details),
    details: entry.details,
    item: itemOf(items, entry),
  }));
}

type Subject = { subjectType: string; subjectId: string | null };

function itemOf(items: Map<string, AuditItem>, entry: Subject): AuditItem | null {
  if (entry.subjectType !== 'submission' && entry.subjectType !== 'social_post') return null;
  return items.get(entry.subjectId ?? '') ?? { type: entry.subjectType, exists: false, consultationTitle: null };
}

/**
 * The moderation items the entries are about, looked up by id in a second query rather than
 * joined: `subject_id` is text, and a join on a cast would read every item for each page.
 */
async function itemsOf(db: Db, organisationId: string, entries: Subject[]): Promise<Map<string, AuditItem>> {
  const ids = (type: string) => [
    ...new Set(
      entries
        .filter((e) => e.subjectType === type && e.subjectId && UUID.test(e.subjectId))
        .map((e) => e.subjectId!.toLowerCase()),
    ),
  ];
  const found = new Map<string, AuditItem>();
  const submissionIds = ids('submission');
  for (let i = 0; i < submissionIds.length; i += LOOKUP_CHUNK) {
    const rows = await db
      .select({ id: submissions.id, erasedAt: submissions.erasedAt, title: consultations.title })
      .from(submissions)
      .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
      .where(
        and(
          eq(consultations.organisationId, organisationId),
          inArray(submissions.id, submissionIds.slice(i, i + LOOKUP_CHUNK)),
        ),
      );
    for (const row of rows)
      found.set(row.id, { type: 'submission', exists: row.erasedAt === null, consultationTitle: row.title });
  }
  const postIds = ids('social_post');
  for (let i = 0; i < postIds.length; i += LOOKUP_CHUNK) {
    const rows = await db
      .select({ id: socialPosts.id, title: consultations.title })
      .from(socialPosts)
      .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
      .leftJoin(consultations, eq(consultations.id, socialThreads.consultationId))
      .where(
        and(
          eq(socialThreads.organisationId, organisationId),
          inArray(socialPosts.id, postIds.slice(i, i + LOOKUP_CHUNK)),
        ),
      );
    for (const row of rows) found.set(row.id, { type: 'social_post', exists: true, consultationTitle: row.title });
  }
  return found;
}

export async function listAudit(
  db: Db,
  organisationId: string,
  filter: AuditFilter,
  page: number,
): Promise<{ rows: AuditRow[]; total: number; more: boolean; page: number; pages: number }> {
  // Counted up to one past the limit: enough to know whether there are more.
  const found = auditLog.id;
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(
    db
      .select({ id: found })
      .from(auditLog)
      .where(conditions(organisationId, filter))
      .limit(AUDIT_BROWSE_LIMIT + 1)
      .as('found'),
  );
  const more = Number(n) > AUDIT_BROWSE_LIMIT;
  const total = Math.min(Number(n), AUDIT_BROWSE_LIMIT);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(page, pages);
  return {
    rows: await select(db, organisationId, filter, AUDIT_PAGE_SIZE, (current - 1) * AUDIT_PAGE_SIZE),
    total,
    more,
    page: current,
    pages,
  };
}

export async function exportAudit(db: Db, organisationId: string, filter: AuditFilter): Promise<AuditRow[]> {
  return select(db, organisationId, filter, AUDIT_EXPORT_LIMIT, 0);
}

/** The people who can be chosen in the filter: the organisation's staff, by name. */
export async function auditActors(db: Db, organisationId: string): Promise<Array<{ id: string; name: string }>> {
  const rows = await db
    .select({ id: staffUsers.id, name: staffUsers.displayName })
    .from(staffUsers)
    .where(eq(staffUsers.organisationId, organisationId))
    .orderBy(asc(staffUsers.displayName));
  return rows;
}

/** One save since a version, as a stale-save refusal names it: who, when, and the entry's details. */
export type ChangeSinceVersion = { at: Date; by: string | null; details: Record<string, unknown> };

/**
 * The saves of a versioned thing made after `since` (the version a form was opened on),
 * newest first, with the name of the person who made each: what a refused stale save tells
 * the person whose typing it keeps. Every such save is audited with its new version in
 * `details.version`; `subjectId` narrows the log to one thing (one topic, one channel),
 * `through` to the versions up to the current one.
 *
 * @example
 * const changes = await changesSinceVersion(db, { organisationId, action: 'house_rule.changed', since: 4, limit: 5 });
 * // [{ at, by: 'Anna Beheer', details: { version: 6, action: 'edited', title: {…} } }, …]
 */
export async function changesSinceVersion(
  db: Db | Tx,
  params: {
    organisationId: string;
    /** One action, or several (a thing whose saves are audited as added, renamed, removed). */
    action: AuditAction | readonly AuditAction[];
    since: number;
    subjectType?: string;
    subjectId?: string;
    through?: number;
    limit?: number;
  },
): Promise<ChangeSinceVersion[]> {
  const version = sql`(${auditLog.details}->>'version')::int`;
  const where: SQL[] = [
    eq(auditLog.organisationId, params.organisationId),
    typeof params.action === 'string'
      ? eq(auditLog.action, params.action)
      : inArray(auditLog.action, [...params.action]),
    gt(version, params.since),
  ];
  if (params.subjectType !== undefined) where.push(eq(auditLog.subjectType, params.subjectType));
  if (params.subjectId !== undefined) where.push(eq(auditLog.subjectId, params.subjectId));
  if (params.through !== undefined) where.push(lte(version, params.through));
  const query = db
    .select({ at: auditLog.at, by: staffUsers.displayName, details: auditLog.details })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorId))
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id));
  return params.limit === undefined ? await query : await query.limit(params.limit);
}
