/**
 * The first log-in: when `start` (or `build`) seeds the demo into an empty database, or
 * `npx podium setup` makes an organisation,
 * it also makes one administrator with a random password and prints it once, so a newcomer
 * reaches the workbench without stopping the server to run `staff add`. The password is
 * never stored in the clear and never printed again: the next start finds the organisation
 * seeded and makes nothing.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { staffUsers } from '../../db/schema.ts';
import { createStaffUser } from './users.ts';

export const FIRST_ADMIN_EMAIL = 'demo-beheer@demodam.example';

/**
 * The administrator's address and password, or undefined when the organisation has staff
 * already. `npx podium setup` passes the municipality's own address and name.
 */
export async function createFirstAdministrator(
  db: Db,
  organisationId: string,
  account: { email: string; displayName: string } = { email: FIRST_ADMIN_EMAIL, displayName: 'Beheerder (demo)' },
): Promise<{ email: string; password: string } | undefined> {
  const [any] = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(eq(staffUsers.organisationId, organisationId))
    .limit(1);
  if (any) return undefined;
  // 120 random bits, in characters that survive copying from a terminal.
  const password = randomBytes(15).toString('base64url');
  const result = await createStaffUser(db, {
    organisationId,
    email: account.email,
    displayName: account.displayName,
    password,
    roles: [{ role: 'administrator', departmentId: null }],
  });
  return result.kind === 'created' ? { email: result.user.email, password } : undefined;
}
