/**
 * The organisation's departments as an administrator maintains them: add one, change its
 * Dutch and English name, or remove it while nothing refers to it.
 *
 * A department's slug is made from its Dutch name when it is added and never changes:
 * queue filters, saved views and the JSON staff API name departments by it. Removing is
 * refused while anything refers to the department — consultations, routing rules, channel
 * guidelines, colleagues' roles, role mappings for the identity provider, items routed to
 * it and answers given on its behalf (every foreign key to `departments`) — with how many of
 * each, so nothing disappears from under a rule or a colleague, and history keeps its name.
 *
 * Every change is one transaction on `organisations.departments_version`: a change made on an
 * older page is refused with who changed which department since; each is audited with the
 * department before and after, and the portal is marked for a rebuild (published answers
 * name the department that gave them).
 */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  channelGuidelines,
  consultations,
  departments,
  organisations,
  routingRules,
  socialPosts,
  ssoRoleMappings,
  staffReplies,
  staffRoles,
  submissions,
  type LocalizedText,
} from '../db/schema.ts';
import { recordAudit } from './audit.ts';
import { markContentChanged } from './content-revision.ts';
import { newRuleCode } from './house-rule-settings.ts';
import { changesSinceVersion } from './audit-log.ts';

export const MAX_DEPARTMENT_NAME = 120;

/** What refers to a department, by kind: removal waits until every count is 0. */
export type DepartmentUse = {
  consultations: number;
  routingRules: number;
  guidelines: number;
  roles: number;
  roleMappings: number;
  routedItems: number;
  answers: number;
};

export type DepartmentRow = { slug: string; name: LocalizedText; use: DepartmentUse };
export type DepartmentSettings = { version: number; departments: DepartmentRow[] };

export type DepartmentChange =
  | { kind: 'add'; name: LocalizedText }
  | { kind: 'rename'; slug: string; name: LocalizedText }
  | { kind: 'remove'; slug: string };

export type DepartmentAction = 'added' | 'renamed' | 'removed';

export type DepartmentSaveResult =
  | { kind: 'saved'; version: number; slug: string; action: DepartmentAction; changed: boolean }
  | {
      kind: 'stale';
      version: number;
      changes: Array<{ by: string | null; at: Date; action: DepartmentAction; name: LocalizedText }>;
    }
  | { kind: 'unknown_department' }
  /** Another department already has this Dutch or English name. */
  | { kind: 'name_taken' }
  | { kind: 'in_use'; use: DepartmentUse };

// Named constants, so the audit-log sentences test finds every action the code writes.
const DEPARTMENT_ADDED = 'department.added' as const;
const DEPARTMENT_RENAMED = 'department.renamed' as const;
const DEPARTMENT_REMOVED = 'department.removed' as const;
const MAX_CHANGES = 5;

type Reader = Pick<Db, 'select'>;

const NO_USE: DepartmentUse = {
  consultations: 0,
  routingRules: 0,
  guidelines: 0,
  roles: 0,
  roleMappings: 0,
  routedItems: 0,
  answers: 0,
};
/**
 * Counted up to here for the references that grow with the input (items routed to a
 * department, answers given for it): past it the page says "more than", and reading further
 * would cost a second at ten million items for a figure nobody needs exactly.
 */
export const USE_COUNT_LIMIT = 1000;

async function uses(db: Reader, organisationId: string): Promise<Map<string, DepartmentUse>> {
  // Every foreign key to departments, counted per department of this organisation.
  const references = [
    ['consultations', consultations, consultations.departmentId],
    ['routingRules', routingRules, routingRules.departmentId],
    ['guidelines', channelGuidelines, channelGuidelines.moderatedByDepartmentId],
    ['roles', staffRoles, staffRoles.departmentId],
    ['roleMappings', ssoRoleMappings, ssoRoleMappings.departmentId],
  ] as const;
  const growing = [
    ['routedItems', submissions, submissions.assignedDepartmentId],
    ['routedItems', socialPosts, socialPosts.assignedDepartmentId],
    ['answers', staffReplies, staffReplies.departmentId],
  ] as const;
  const out = new Map<string, DepartmentUse>();
  const add = (id: string, kind: keyof DepartmentUse, n: number) => {
    const use = out.get(id) ?? { ...NO_USE };
    use[kind] += n;
    out.set(id, use);
  };
  for (const [kind, table, column] of references) {
    const rows = await db
      .select({ id: departments.id, n: count() })
      .from(table)
      .innerJoin(departments, eq(departments.id, column))
      .where(eq(departments.organisationId, organisationId))
      .groupBy(departments.id);
    for (const row of rows) add(row.id, kind, Number(row.n));
  }
  for (const [kind, table, column] of growing) {
    // Per department, from the partial index on the column, no further than one past the limit.
    const rows = await db
      .select({
        id: departments.id,
        // Written out: in a one-table select drizzle leaves columns unqualified, and "id" would be the item's.
        n: sql<number>`(select count(*)::int from (select 1 from ${table} as item
          where item.${sql.identifier(column.name)} = "departments"."id" limit ${USE_COUNT_LIMIT + 1}) as found)`,
      })
      .from(departments)
      .where(eq(departments.organisationId, organisationId));
    for (const row of rows) if (Number(row.n) > 0) add(row.id, kind, Number(row.n));
  }
  // Items routed come from two tables, each counted to one past the limit.
  for (const use of out.values()) use.routedItems = Math.min(use.routedItems, USE_COUNT_LIMIT + 1);
  return out;
}

export const inUse = (use: DepartmentUse) => Object.values(use).some((n) => n > 0);

export async function loadDepartmentSettings(db: Db, organisationId: string): Promise<DepartmentSettings> {
  const [org] = await db
    .select({ version: organisations.departmentsVersion })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const rows = await db
    .select({ id: departments.id, slug: departments.slug, name: departments.name })
    .from(departments)
    .where(eq(departments.organisationId, organisationId))
    .orderBy(sql`lower(${departments.name}->>'nl')`, asc(departments.slug));
  const used = await uses(db, organisationId);
  return {
    version: org?.version ?? 1,
    departments: rows.map((row) => ({ slug: row.slug, name: row.name, use: used.get(row.id) ?? NO_USE })),
  };
}

class Refusal extends Error {
  readonly result: DepartmentSaveResult;
  constructor(result: DepartmentSaveResult) {
    super(result.kind);
    this.result = result;
  }
}
class Stale extends Error {}

const same = (a: string | undefined, b: string | undefined) =>
  (a ?? '').trim().toLocaleLowerCase('nl') === (b ?? '').trim().toLocaleLowerCase('nl') && (a ?? '').trim() !== '';

export async function saveDepartmentChange(
  db: Db,
  params: { organisationId: string; actorId: string; expectedVersion: number; change: DepartmentChange; now: Date },
): Promise<DepartmentSaveResult> {
  const { organisationId, change, now } = params;
  try {
    return await db.transaction(async (tx) => {
      const [org] = await tx
        .update(organisations)
        .set({ departmentsVersion: sql`${organisations.departmentsVersion} + 1` })
        .where(and(eq(organisations.id, organisationId), eq(organisations.departmentsVersion, params.expectedVersion)))
        .returning({ version: organisations.departmentsVersion });
      if (!org) throw new Stale();
      const rows = await tx
        .select({ id: departments.id, slug: departments.slug, name: departments.name })
        .from(departments)
        .where(eq(departments.organisationId, organisationId));
      const taken = (name: LocalizedText, except?: string) =>
        rows.some((row) => row.slug !== except && (same(row.name.nl, name.nl) || same(row.name.en, name.en)));
      const audit = async (
        action: DepartmentAction,
        slug: string,
        name: LocalizedText,
        before: unknown,
        after: unknown,
      ) => {
        await recordAudit(tx, {
          organisationId,
          actorType: 'staff',
          actorId: params.actorId,
          at: now,
          action: { added: DEPARTMENT_ADDED, renamed: DEPARTMENT_RENAMED, removed: DEPARTMENT_REMOVED }[action],
          subjectType: 'department',
          subjectId: slug,
          details: { version: org.version, action, slug, name, before, after },
        });
        await markContentChanged(tx);
        return { kind: 'saved', version: org.version, slug, action, changed: true } as const;
      };

      if (change.kind === 'add') {
        if (taken(change.name)) throw new Refusal({ kind: 'name_taken' });
        const slug = newRuleCode(
          change.name.nl,
          rows.map((r) => r.slug),
        ).replace(/^regel$/, 'afdeling');
        await tx.insert(departments).values({ organisationId, slug, name: change.name, createdAt: now });
        return await audit('added', slug, change.name, null, { slug, name: change.name });
      }
      const row = rows.find((r) => r.slug === change.slug);
      if (!row) throw new Refusal({ kind: 'unknown_department' });
      if (change.kind === 'rename') {
        if (row.name.nl === change.name.nl && (row.name.en ?? '') === (change.name.en ?? ''))
          throw new Refusal({
            kind: 'saved',
            version: params.expectedVersion,
            slug: row.slug,
            action: 'renamed',
            changed: false,
          });
        if (taken(change.name, row.slug)) throw new Refusal({ kind: 'name_taken' });
        await tx.update(departments).set({ name: change.name }).where(eq(departments.id, row.id));
        return await audit('renamed', row.slug, change.name, { name: row.name }, { name: change.name });
      }
      const use = (await uses(tx, organisationId)).get(row.id) ?? NO_USE;
      if (inUse(use)) throw new Refusal({ kind: 'in_use', use });
      await tx.delete(departments).where(eq(departments.id, row.id));
      return await audit('removed', row.slug, row.name, { slug: row.slug, name: row.name }, null);
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    if (!(error instanceof Stale)) throw error;
    return stale(db, organisationId, params.expectedVersion);
  }
}

async function stale(db: Db, organisationId: string, expected: number): Promise<DepartmentSaveResult> {
  const [org] = await db
    .select({ version: organisations.departmentsVersion })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const rows = await changesSinceVersion(db, {
    organisationId,
    action: [DEPARTMENT_ADDED, DEPARTMENT_RENAMED, DEPARTMENT_REMOVED],
    since: expected,
    limit: MAX_CHANGES,
  });
  return {
    kind: 'stale',
    version: org?.version ?? 1,
    changes: rows.map((row) => ({
      by: row.by,
      at: row.at,
      action: row.details['action'] as DepartmentAction,
      name: row.details['name'] as LocalizedText,
    })),
  };
}
