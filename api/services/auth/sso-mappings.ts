/**
 * The one table that says which Podium role a value of the identity provider's roles claim
 * (a group or role name) gives: `sso_role_mappings`, per organisation. Administrators edit it
 * as a whole on one screen (api/staff/sign-in/); a save replaces the rows in one transaction
 * on the version the screen was opened on (`organisations.sso_mapping_version`), so a save made
 * on an older screen is refused with who saved since, never merged unseen.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, departments, organisations, ssoRoleMappings, staffUsers } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import type { RoleGrant, StaffRole } from './roles.ts';

export type MappingRow = { claimValue: string; role: StaffRole; departmentId: string | null };

export type SsoMapping = { version: number; rows: MappingRow[] };

export type MappingChange = { by: string | null; at: Date };

export type MappingSaveResult =
  | { kind: 'saved'; version: number; changed: boolean }
  | { kind: 'stale'; version: number; changes: MappingChange[] }
  | { kind: 'unknown_department' };

/** The longest claim value kept; group ids of Entra are 36 characters, names rarely more than 100. */
export const CLAIM_VALUE_MAX = 256;
/** Enough for every group a municipality maps; a longer list is a mistake, not a configuration. */
export const MAPPING_ROWS_MAX = 200;

/**
 * What is wrong with a row's department, if anything: a department member's role holds only
 * within a department, and every other role holds organisation-wide, so it names none.
 */
export function mappingRowProblem(row: {
  role: StaffRole;
  departmentId: string | null;
}): 'department_required' | 'department_not_allowed' | undefined {
  if (row.role === 'department_member' && !row.departmentId) return 'department_required';
  if (row.role !== 'department_member' && row.departmentId) return 'department_not_allowed';
  return undefined;
}

const rowKey = (row: MappingRow) => `${row.claimValue}\u0000${row.role}\u0000${row.departmentId ?? ''}`;

export async function loadSsoMapping(db: Db, organisationId: string): Promise<SsoMapping> {
  const [org] = await db
    .select({ version: organisations.ssoMappingVersion })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const rows = await db
    .select({
      claimValue: ssoRoleMappings.claimValue,
      role: ssoRoleMappings.role,
      departmentId: ssoRoleMappings.departmentId,
    })
    .from(ssoRoleMappings)
    .where(eq(ssoRoleMappings.organisationId, organisationId))
    .orderBy(ssoRoleMappings.claimValue, ssoRoleMappings.role, ssoRoleMappings.createdAt);
  return { version: org?.version ?? 1, rows };
}

/** The roles the person's claim values give, each once. */
export async function rolesForClaims(db: Db, organisationId: string, values: readonly string[]): Promise<RoleGrant[]> {
  if (values.length === 0) return [];
  const rows = await db
    .select({ role: ssoRoleMappings.role, departmentId: ssoRoleMappings.departmentId })
    .from(ssoRoleMappings)
    .where(and(eq(ssoRoleMappings.organisationId, organisationId), inArray(ssoRoleMappings.claimValue, [...values])));
  const seen = new Map<string, RoleGrant>();
  for (const row of rows) seen.set(`${row.role}:${row.departmentId ?? ''}`, row);
  return [...seen.values()];
}

class StaleMapping extends Error {}

/**
 * Replaces the organisation's mapping with `rows` (checked by the caller: values trimmed and
 * within limits, a department exactly for department members), made on `expectedVersion`.
 *
 * @example
 * await saveSsoMapping(db, { organisationId, actorId, expectedVersion: 3, rows: [{ claimValue: 'podium-beheer', role: 'administrator', departmentId: null }], now })
 */
export async function saveSsoMapping(
  db: Db,
  params: { organisationId: string; actorId: string; expectedVersion: number; rows: MappingRow[]; now: Date },
): Promise<MappingSaveResult> {
  const unique = new Map(params.rows.map((row) => [rowKey(row), row]));
  const rows = [...unique.values()];
  const departmentIds = [...new Set(rows.flatMap((r) => (r.departmentId ? [r.departmentId] : [])))];
  if (departmentIds.length > 0) {
    const found = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.organisationId, params.organisationId), inArray(departments.id, departmentIds)));
    if (found.length !== departmentIds.length) return { kind: 'unknown_department' };
  }
  try {
    return await db.transaction(async (tx) => {
      const [org] = await tx
        .update(organisations)
        .set({ ssoMappingVersion: sql`${organisations.ssoMappingVersion} + 1`, updatedAt: params.now })
        .where(
          and(eq(organisations.id, params.organisationId), eq(organisations.ssoMappingVersion, params.expectedVersion)),
        )
        .returning({ version: organisations.ssoMappingVersion });
      if (!org) throw new StaleMapping();
      const before = await tx
        .select({
          claimValue: ssoRoleMappings.claimValue,
          role: ssoRoleMappings.role,
          departmentId: ssoRoleMappings.departmentId,
        })
        .from(ssoRoleMappings)
        .where(eq(ssoRoleMappings.organisationId, params.organisationId));
      const beforeKeys = new Set(before.map(rowKey));
      const added = rows.filter((r) => !beforeKeys.has(rowKey(r)));
      const removed = before.filter((r) => !unique.has(rowKey(r)));
      await tx.delete(ssoRoleMappings).where(eq(ssoRoleMappings.organisationId, params.organisationId));
      if (rows.length > 0) {
        await tx
          .insert(ssoRoleMappings)
          .values(rows.map((row) => ({ organisationId: params.organisationId, createdAt: params.now, ...row })));
      }
      const describe = (r: MappingRow) => ({ claim: r.claimValue, role: r.role, department: r.departmentId });
      await recordAudit(tx, {
        organisationId: params.organisationId,
        actorType: 'staff',
        actorId: params.actorId,
        at: params.now,
        action: 'sso_mapping.changed',
        subjectType: 'organisation',
        subjectId: params.organisationId,
        details: { version: org.version, added: added.map(describe), removed: removed.map(describe) },
      });
      return { kind: 'saved' as const, version: org.version, changed: added.length + removed.length > 0 };
    });
  } catch (error) {
    if (!(error instanceof StaleMapping)) throw error;
    return mappingStale(db, params.organisationId, params.expectedVersion);
  }
}

async function mappingStale(db: Db, organisationId: string, expected: number): Promise<MappingSaveResult> {
  const { version } = await loadSsoMapping(db, organisationId);
  const rows = await db
    .select({ at: auditLog.at, by: staffUsers.displayName })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.organisationId, organisationId),
        eq(auditLog.action, 'sso_mapping.changed'),
        sql`(${auditLog.details}->>'version')::int > ${expected}`,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(5);
  return { kind: 'stale', version, changes: rows };
}
