/**
 * Accounts under attack: every failed log-in that leaves an account's count waiting
 * (api/services/auth/login-throttle.ts) writes an audit entry with this action, and the
 * workbench shows administrators the accounts with such entries in the last hour. Other
 * ways to alert (e-mail to administrators) read the same entries through
 * `accountsUnderAttack`.
 */
import { and, count, desc, eq, gte, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, staffUsers, type LocalizedText } from '../../db/schema.ts';

/** The audit action of a failed log-in after which the account's next attempts must wait. */
export const ACCOUNT_UNDER_ATTACK = 'staff.login_throttled';

/** How far back the workbench's notice looks, and how often an account's attack is notified. */
export const ATTACK_NOTICE_MS = 60 * 60 * 1000;

/** The administrators' notification (workbench and, by their choice, e-mail). */
export function attackAlertMessage(account: { email: string; displayName: string }): LocalizedText {
  return {
    nl: `Herhaalde mislukte inlogpogingen op het account van ${account.displayName} (${account.email}); volgende pogingen moeten wachten. Zie het auditlog.`,
    en: `Repeated failed log-ins on the account of ${account.displayName} (${account.email}); further attempts must wait. See the audit log.`,
  };
}

export type AccountUnderAttack = {
  staffUserId: string;
  email: string;
  displayName: string;
  /** Audit entries in the period: failures after which the account had to wait. */
  alerts: number;
  lastAt: Date;
};

/**
 * The organisation's staff accounts whose log-in was throttled since `since`, most
 * recent first.
 *
 * @example
 * const accounts = await accountsUnderAttack(db, { organisationId, since: new Date(Date.now() - ATTACK_NOTICE_MS) })
 */
export async function accountsUnderAttack(
  db: Db,
  params: { organisationId: string; since: Date },
): Promise<AccountUnderAttack[]> {
  const lastAt = max(auditLog.at);
  const rows = await db
    .select({
      staffUserId: staffUsers.id,
      email: staffUsers.email,
      displayName: staffUsers.displayName,
      alerts: count(),
      lastAt,
    })
    .from(auditLog)
    .innerJoin(staffUsers, sql`${staffUsers.id}::text = ${auditLog.subjectId}`)
    .where(
      and(
        eq(auditLog.organisationId, params.organisationId),
        eq(auditLog.action, ACCOUNT_UNDER_ATTACK),
        eq(auditLog.subjectType, 'staff_user'),
        gte(auditLog.at, params.since),
      ),
    )
    .groupBy(staffUsers.id, staffUsers.email, staffUsers.displayName)
    .orderBy(desc(lastAt));
  return rows.map((row) => ({ ...row, lastAt: new Date(row.lastAt ?? params.since) }));
}
