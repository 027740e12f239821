/**
 * Staff accounts: created by an administrator (or the CLI for the first one), each with
 * one or more roles. E-mail addresses are compared in lower case.
 */
import { isEmailAddress } from '../../../shared/contracts/email.ts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { staffRoles, staffUsers } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { checkPasswordStrength, hashPassword, type PasswordProblem } from './passwords.ts';
import type { RoleGrant } from './roles.ts';

export type StaffUser = typeof staffUsers.$inferSelect;

export type CreateStaffResult =
  | { kind: 'created'; user: StaffUser }
  | { kind: 'exists' }
  | { kind: 'invalid'; problem: PasswordProblem | 'invalid_email' | 'name_required' | 'role_required' };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createStaffUser(
  db: Db,
  input: {
    organisationId: string;
    email: string;
    displayName: string;
    password: string;
    roles: RoleGrant[];
    /** Who created the account; null when it was the command line. */
    createdBy?: string | null;
  },
): Promise<CreateStaffResult> {
  const email = normalizeEmail(input.email);
  const displayName = input.displayName.trim();
  if (!isEmailAddress(email)) return { kind: 'invalid', problem: 'invalid_email' };
  if (!displayName) return { kind: 'invalid', problem: 'name_required' };
  if (input.roles.length === 0) return { kind: 'invalid', problem: 'role_required' };
  const weak = checkPasswordStrength(input.password);
  if (weak) return { kind: 'invalid', problem: weak };
  if (await findStaffByEmail(db, email)) return { kind: 'exists' };

  const passwordHash = await hashPassword(input.password);
  const user = await insertStaffUser(db, input, { email, displayName, passwordHash });
  return user ? { kind: 'created', user } : { kind: 'exists' };
}

/**
 * The account, its roles and the audit entry in one transaction; undefined when another
 * request (or a second server starting at the same moment) stored the same address first.
 */
async function insertStaffUser(
  db: Db,
  input: Parameters<typeof createStaffUser>[1],
  fields: { email: string; displayName: string; passwordHash: string },
): Promise<StaffUser | undefined> {
  const { email, displayName, passwordHash } = fields;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(staffUsers)
        .values({ organisationId: input.organisationId, email, displayName, passwordHash })
        .returning();
      if (!row) throw new Error('Insert returned no row');
      await tx.insert(staffRoles).values(input.roles.map((grant) => ({ staffUserId: row.id, ...grant })));
      await recordAudit(tx, {
        organisationId: input.organisationId,
        actorType: input.createdBy ? 'staff' : 'system',
        actorId: input.createdBy ?? null,
        action: 'staff.created',
        subjectType: 'staff_user',
        subjectId: row.id,
        details: { roles: input.roles.map((grant) => grant.role) },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

export async function findStaffByEmail(db: Db, email: string): Promise<StaffUser | undefined> {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.email, normalizeEmail(email)))
    .limit(1);
  return row;
}

export async function rolesOf(db: Db, staffUserId: string): Promise<RoleGrant[]> {
  return db
    .select({ role: staffRoles.role, departmentId: staffRoles.departmentId })
    .from(staffRoles)
    .where(eq(staffRoles.staffUserId, staffUserId));
}
