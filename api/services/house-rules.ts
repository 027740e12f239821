/**
 * House rules (huisregels) and the accessibility statement: texts an administrator
 * maintains, published on the portal and cited by moderation decisions.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AccessibilityStatement, HouseRule } from '../../shared/contracts/public-content.ts';
import type { Db } from '../db/client.ts';
import { accessibilityStatements, houseRules } from '../db/schema.ts';

/** The rules in force, in order: what the portal publishes. Retired rules are left out. */
export async function listHouseRules(db: Db, organisationId: string): Promise<HouseRule[]> {
  const rows = await db
    .select({ code: houseRules.code, title: houseRules.title, body: houseRules.body })
    .from(houseRules)
    .where(and(eq(houseRules.organisationId, organisationId), isNull(houseRules.retiredAt)))
    .orderBy(asc(houseRules.position), asc(houseRules.code));
  return rows;
}

/** The rule a decision cites, retired or not (the decision still stands), or null when the code is unknown. */
export async function findHouseRule(db: Db, organisationId: string, code: string): Promise<HouseRule | null> {
  const [row] = await db
    .select({ code: houseRules.code, title: houseRules.title, body: houseRules.body })
    .from(houseRules)
    .where(and(eq(houseRules.organisationId, organisationId), eq(houseRules.code, code)))
    .limit(1);
  return row ?? null;
}

const STATUSES = new Set(['A', 'B', 'C', 'D', 'E'] as const);
const isStatus = (value: string): value is AccessibilityStatement['status'] =>
  STATUSES.has(value as AccessibilityStatement['status']);

export async function findAccessibilityStatement(
  db: Db,
  organisationId: string,
): Promise<AccessibilityStatement | null> {
  const [row] = await db
    .select()
    .from(accessibilityStatements)
    .where(eq(accessibilityStatements.organisationId, organisationId))
    .limit(1);
  if (!row) return null;
  // A status outside the model statement's letters would mislead residents: publish none then.
  if (!isStatus(row.status)) throw new Error(`Accessibility statement has an unknown status "${row.status}"`);
  return {
    status: row.status,
    scope: row.scope,
    statementDate: row.statementDate.toISOString(),
    audits: row.audits,
    deviations: row.deviations,
    contactEmail: row.contactEmail,
    responseDays: row.responseDays,
  };
}
