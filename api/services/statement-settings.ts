/**
 * The accessibility statement (toegankelijkheidsverklaring) as an administrator maintains it
 * on the settings page: its general part (status, scope, date, contact) and its rows — the
 * audits it cites and the known deviations with their measures — each row added, changed,
 * moved up or down, or removed.
 *
 * Every change is one transaction on the statement's `version` (`UPDATE … WHERE version =
 * expected`; the first save of an organisation without a statement inserts it on version 0):
 * a change made on an older page is refused with who changed what since, the audit log holds
 * the part before and after, and the portal is marked for a rebuild. Rows have no identity of
 * their own; their place in the list names them, which the version check makes safe.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  accessibilityStatements,
  type AccessibilityAudit,
  type AccessibilityDeviation,
  type LocalizedText,
} from '../db/schema.ts';
import { changesSinceVersion } from './audit-log.ts';
import { recordAudit } from './audit.ts';
import { markContentChanged } from './content-revision.ts';

export type StatementStatus = 'A' | 'B' | 'C' | 'D' | 'E';
export const STATEMENT_STATUSES: readonly StatementStatus[] = ['A', 'B', 'C', 'D', 'E'];

/**
 * What a statement's fields must be, for the settings page and the JSON API alike
 * (api/staff/settings/statement-routes.ts, statement-api.ts): the longest short text (a title,
 * who audited) and long text (scope, description, measure), the response time in days.
 */
export const STATEMENT_MAX_SHORT = 200;
export const STATEMENT_MAX_LONG = 4000;
export const RESPONSE_DAYS = { min: 1, max: 60 } as const;

/** A real calendar date as `YYYY-MM-DD`, from `YYYY-MM-DD` or the Dutch `DD-MM-YYYY`. */
export function normalStatementDate(raw: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw.trim());
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(raw.trim());
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dutch
      ? [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])]
      : [Number.NaN, Number.NaN, Number.NaN];
  if (!Number.isInteger(year) || year < 1990 || year > 2200) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The statement's contact address: one plain e-mail address (trimmed by the caller). */
export const isContactEmail = (email: string): boolean =>
  /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/.test(email) && email.length <= STATEMENT_MAX_SHORT;

/** An audit report's address: http(s) only, so the portal never links to a script. */
export const isAuditUrl = (url: string): boolean =>
  /^https?:\/\/[^\s]+$/i.test(url) && url.length <= 2000 && URL.canParse(url);

/** A WCAG success criterion by its number, such as `1.4.3`. */
export const isSuccessCriterion = (criterion: string): boolean => /^[1-4]\.\d{1,2}\.\d{1,2}$/.test(criterion);

export type StatementGeneral = {
  status: StatementStatus;
  scope: LocalizedText;
  /** `YYYY-MM-DD`. */
  statementDate: string;
  contactEmail: string;
  responseDays: number;
};

export type StatementSettings = {
  /** 0: the organisation has no statement yet. */
  version: number;
  general: StatementGeneral | null;
  audits: AccessibilityAudit[];
  deviations: AccessibilityDeviation[];
};

export type RowKind = 'audit' | 'deviation';

export type StatementChange =
  | { kind: 'general'; general: StatementGeneral }
  | {
      kind: 'add';
      row: { kind: 'audit'; value: AccessibilityAudit } | { kind: 'deviation'; value: AccessibilityDeviation };
    }
  | {
      kind: 'edit';
      index: number;
      row: { kind: 'audit'; value: AccessibilityAudit } | { kind: 'deviation'; value: AccessibilityDeviation };
    }
  | { kind: 'move'; rowKind: RowKind; index: number; direction: 'up' | 'down' }
  | { kind: 'remove'; rowKind: RowKind; index: number };

/** What a save did, for the audit entry, the status message and a colleague's refusal. */
export type StatementPart =
  | 'general'
  | 'audit_added'
  | 'audit_changed'
  | 'audit_moved'
  | 'audit_removed'
  | 'deviation_added'
  | 'deviation_changed'
  | 'deviation_moved'
  | 'deviation_removed';

export type StatementSaveResult =
  | { kind: 'saved'; version: number; part: StatementPart; index: number; changed: boolean }
  | { kind: 'stale'; version: number; changes: Array<{ by: string | null; at: Date; part: StatementPart }> }
  /** A row change before the general part exists, or a row that is not there (any more). */
  | { kind: 'no_statement' }
  | { kind: 'unknown_row' }
  | { kind: 'cannot_move' };

const STATEMENT_ACTION = 'accessibility_statement.changed' as const;
const MAX_CHANGES = 5;

export async function loadStatementSettings(db: Db, organisationId: string): Promise<StatementSettings> {
  const [row] = await db
    .select()
    .from(accessibilityStatements)
    .where(eq(accessibilityStatements.organisationId, organisationId));
  if (!row) return { version: 0, general: null, audits: [], deviations: [] };
  return {
    version: row.version,
    general: {
      status: (STATEMENT_STATUSES as readonly string[]).includes(row.status) ? (row.status as StatementStatus) : 'D',
      scope: row.scope,
      statementDate: row.statementDate.toISOString().slice(0, 10),
      contactEmail: row.contactEmail,
      responseDays: row.responseDays,
    },
    audits: row.audits,
    deviations: row.deviations,
  };
}

/** Ends a save's transaction without writing anything. */
class Refusal extends Error {
  readonly result: StatementSaveResult;
  constructor(result: StatementSaveResult) {
    super(result.kind);
    this.result = result;
  }
}

/** Equal rows whatever order their keys come in (jsonb gives them back in its own order). */
function sameRow(a: object, b: object): boolean {
  const norm = (v: unknown): unknown =>
    v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined && x !== '')
            .sort(([x], [y]) => x.localeCompare(y))
            .map(([k, x]) => [k, norm(x)]),
        )
      : v;
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

export async function saveStatementChange(
  db: Db,
  params: { organisationId: string; actorId: string; expectedVersion: number; change: StatementChange; now: Date },
): Promise<StatementSaveResult> {
  const { organisationId, change, now } = params;
  const current = await loadStatementSettings(db, organisationId);
  if (current.version !== params.expectedVersion) return stale(db, organisationId, params.expectedVersion);
  if (change.kind !== 'general' && !current.general) return { kind: 'no_statement' };
  try {
    return await db.transaction(async (tx) => {
      let audits = [...current.audits];
      let deviations = [...current.deviations];
      let part: StatementPart;
      let index = 0;
      let before: unknown = null;
      let after: unknown = null;
      const listOf = (kind: RowKind) => (kind === 'audit' ? audits : deviations) as object[];
      const setList = (kind: RowKind, rows: object[]) => {
        if (kind === 'audit') audits = rows as AccessibilityAudit[];
        else deviations = rows as AccessibilityDeviation[];
      };
      switch (change.kind) {
        case 'general': {
          part = 'general';
          before = current.general;
          after = change.general;
          if (current.general && sameRow(current.general, change.general))
            throw new Refusal({ kind: 'saved', version: current.version, part, index, changed: false });
          break;
        }
        case 'add': {
          const rows = [...listOf(change.row.kind), change.row.value];
          setList(change.row.kind, rows);
          part = change.row.kind === 'audit' ? 'audit_added' : 'deviation_added';
          index = rows.length - 1;
          after = change.row.value;
          break;
        }
        case 'edit': {
          const rows = [...listOf(change.row.kind)];
          if (!rows[change.index]) throw new Refusal({ kind: 'unknown_row' });
          part = change.row.kind === 'audit' ? 'audit_changed' : 'deviation_changed';
          index = change.index;
          before = rows[change.index];
          after = change.row.value;
          if (sameRow(rows[change.index]!, change.row.value))
            throw new Refusal({ kind: 'saved', version: current.version, part, index, changed: false });
          rows[change.index] = change.row.value;
          setList(change.row.kind, rows);
          break;
        }
        case 'move': {
          const rows = [...listOf(change.rowKind)];
          if (!rows[change.index]) throw new Refusal({ kind: 'unknown_row' });
          const to = change.direction === 'up' ? change.index - 1 : change.index + 1;
          if (to < 0 || to >= rows.length) throw new Refusal({ kind: 'cannot_move' });
          [rows[change.index], rows[to]] = [rows[to]!, rows[change.index]!];
          setList(change.rowKind, rows);
          part = change.rowKind === 'audit' ? 'audit_moved' : 'deviation_moved';
          index = to;
          before = { position: change.index + 1 };
          after = { position: to + 1 };
          break;
        }
        case 'remove': {
          const rows = [...listOf(change.rowKind)];
          if (!rows[change.index]) throw new Refusal({ kind: 'unknown_row' });
          before = rows[change.index];
          rows.splice(change.index, 1);
          setList(change.rowKind, rows);
          part = change.rowKind === 'audit' ? 'audit_removed' : 'deviation_removed';
          index = change.index;
          break;
        }
      }

      let version: number;
      if (!current.general) {
        // The organisation's first statement: made now, on version 1. Two first saves at once: one wins.
        const general = (change as { general: StatementGeneral }).general;
        const [row] = await tx
          .insert(accessibilityStatements)
          .values({
            organisationId,
            status: general.status,
            scope: general.scope,
            statementDate: new Date(`${general.statementDate}T00:00:00Z`),
            contactEmail: general.contactEmail,
            responseDays: general.responseDays,
            version: 1,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning({ version: accessibilityStatements.version });
        if (!row) throw new Refusal({ kind: 'stale', version: 1, changes: [] });
        version = row.version;
      } else {
        const general = change.kind === 'general' ? change.general : current.general;
        const [row] = await tx
          .update(accessibilityStatements)
          .set({
            status: general.status,
            scope: general.scope,
            statementDate: new Date(`${general.statementDate}T00:00:00Z`),
            contactEmail: general.contactEmail,
            responseDays: general.responseDays,
            audits,
            deviations,
            version: sql`${accessibilityStatements.version} + 1`,
            updatedAt: now,
          })
          .where(
            and(
              eq(accessibilityStatements.organisationId, organisationId),
              eq(accessibilityStatements.version, params.expectedVersion),
            ),
          )
          .returning({ version: accessibilityStatements.version });
        if (!row) throw new Refusal({ kind: 'stale', version: params.expectedVersion, changes: [] });
        version = row.version;
      }
      await recordAudit(tx, {
        organisationId,
        actorType: 'staff',
        actorId: params.actorId,
        at: now,
        action: STATEMENT_ACTION,
        subjectType: 'accessibility_statement',
        subjectId: organisationId,
        details: { version, part, position: index + 1, before, after },
      });
      // The portal's accessibility page shows the statement; a rebuild shows the change.
      await markContentChanged(tx);
      return { kind: 'saved' as const, version, part, index, changed: true };
    });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    if (error.result.kind === 'stale') return stale(db, organisationId, params.expectedVersion);
    return error.result;
  }
}

/** The refusal of a save made on `expected`: the saves since, newest first, by whom and what they changed. */
async function stale(db: Db, organisationId: string, expected: number): Promise<StatementSaveResult> {
  const [row] = await db
    .select({ version: accessibilityStatements.version })
    .from(accessibilityStatements)
    .where(eq(accessibilityStatements.organisationId, organisationId));
  const rows = await changesSinceVersion(db, {
    organisationId,
    action: STATEMENT_ACTION,
    since: expected,
    limit: MAX_CHANGES,
  });
  return {
    kind: 'stale',
    version: row?.version ?? 0,
    changes: rows.map((r) => ({ by: r.by, at: r.at, part: r.details['part'] as StatementPart })),
  };
}
