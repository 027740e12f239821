/**
 * The inbox's filters by consultation, topic and department, looked up as ids before a
 * source's query, so its conditions sit on the item's own columns (`consultation_id`,
 * `thread_id`, `assigned_department_id`) with the partial indexes of waiting items behind
 * them. Written on the joined consultation, topic or department, the planner walked every
 * waiting item of the organisation in order hoping to meet the filter's: 1–3 s at 10 million
 * items for a consultation or department with none waiting (issue 18).
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { consultations, departments, socialThreads, topics } from '../../db/schema.ts';
import { ALL_STATES, type ReviewState } from './source.ts';

/** What one filter names: a consultation or topic by slug, or departments by id. */
export type Scope = { consultation: string } | { topic: string } | { departments: readonly string[] };

/**
 * The states as literals, not parameters: only then can the planner prove that a partial
 * index of waiting items (api/db/schema.ts) holds every row, also in a reused plan. Each
 * state is checked against the enum before it is written into the statement.
 */
export function statesAre(column: AnyPgColumn, states: readonly ReviewState[]): SQL {
  if (states.length === 0) return sql`false`;
  for (const state of states) if (!ALL_STATES.includes(state)) throw new RangeError(`Unknown review state ${state}`);
  return sql`${column} in (${sql.raw(states.map((state) => `'${state}'`).join(', '))})`;
}

/** The organisation's consultations a scope names. */
export async function consultationsIn(db: Db, organisationId: string, scope: Scope): Promise<string[]> {
  const rows = await db
    .select({ id: consultations.id })
    .from(consultations)
    .leftJoin(topics, eq(topics.id, consultations.topicId))
    .where(and(eq(consultations.organisationId, organisationId), consultationMatches(scope)));
  return rows.map((row) => row.id);
}

/** The organisation's mirrored threads a scope names: by their consultation, or their own topic. */
export async function threadsIn(db: Db, organisationId: string, scope: Scope): Promise<string[]> {
  const rows = await db
    .select({ id: socialThreads.id })
    .from(socialThreads)
    .leftJoin(consultations, eq(consultations.id, socialThreads.consultationId))
    .leftJoin(topics, sql`${topics.id} = coalesce(${socialThreads.topicId}, ${consultations.topicId})`)
    .where(and(eq(socialThreads.organisationId, organisationId), consultationMatches(scope)));
  return rows.map((row) => row.id);
}

/** The department with this slug in the organisation, if there is one. */
async function departmentBySlug(db: Db, organisationId: string, slug: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organisationId, organisationId), eq(departments.slug, slug)));
  return row?.id;
}

/** Where a source's items belong: the column naming their consultation (or thread), and the routed department's. */
export type ScopeColumns = {
  /** The organisation's consultations (or threads) a scope names. */
  lookup: (db: Db, organisationId: string, scope: Scope) => Promise<string[]>;
  column: AnyPgColumn;
  routedColumn: AnyPgColumn;
};

/** A source's conditions for the filters by consultation, topic and department, on its own columns. */
export function scopeConditions(db: Db, organisationId: string, { lookup, column, routedColumn }: ScopeColumns) {
  /** Items of these departments: in their consultations (or threads), or routed to one of them. */
  const ofDepartments = async (departmentIds: readonly string[]): Promise<SQL> => {
    const ids = await lookup(db, organisationId, { departments: departmentIds });
    const routed = inArray(routedColumn, [...departmentIds]);
    return ids.length === 0 ? routed : or(inArray(column, ids), routed)!;
  };
  return {
    ofDepartments,
    /** Items of the department with this slug; undefined when the organisation has none. */
    async ofDepartment(slug: string): Promise<SQL | undefined> {
      const department = await departmentBySlug(db, organisationId, slug);
      return department === undefined ? undefined : ofDepartments([department]);
    },
    /** Items of the consultation or topic a scope names. */
    async within(scope: Scope): Promise<SQL> {
      return inArray(column, await lookup(db, organisationId, scope));
    },
  };
}

function consultationMatches(scope: Scope): SQL {
  if ('consultation' in scope) return eq(consultations.slug, scope.consultation);
  if ('topic' in scope) return eq(topics.slug, scope.topic);
  return scope.departments.length === 0 ? sql`false` : inArray(consultations.departmentId, [...scope.departments]);
}
