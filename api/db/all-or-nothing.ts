/**
 * Several writes and the conditions they rest on, sent as one statement: data-modifying
 * `with` parts, and a closing select that refuses (migration 0061, `podium_refuse`) when a
 * condition does not hold, which undoes every part. One statement is atomic without
 * `begin` and `commit`, each of which cost the write path a round trip of its own: a
 * resident's input went from four socket writes to two (tests/bench/write-path.ts).
 *
 * Every part runs exactly once and to completion, whether or not anything reads it, because
 * each is an insert, update or delete (a plain select that nothing reads would be skipped:
 * parts are writes only). All of them, and the conditions, see the database as the statement
 * began. A condition may read what a part answers (`returning`), by the part's name; a part's
 * name hides a table of that name within the statement, so parts are named for what they
 * write, never as a table.
 *
 * @example
 * await db.execute(allOrNothing(
 *   [['used', sql`insert into tokens (id) values (${id}) on conflict do nothing returning 1`],
 *    ['entry', insertRows(auditLog, [entry])]],
 *   [[sql`exists (select from used)`, 'token_used']],
 * ));
 */
import { sql, type SQL } from 'drizzle-orm';
import { withSqlState } from './errors.ts';

/** A part's name (a plain SQL identifier, written into the statement) and its statement. */
export type Part = readonly [name: string, statement: SQL];

/** A condition and the reason given when it does not hold. */
export type Condition<Reason extends string> = readonly [holds: SQL, otherwise: Reason];

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function allOrNothing<Reason extends string>(
  parts: ReadonlyArray<Part>,
  conditions: ReadonlyArray<Condition<Reason>>,
): SQL {
  if (parts.length === 0) throw new Error('allOrNothing needs at least one part');
  for (const [name] of parts) if (!IDENTIFIER.test(name)) throw new Error(`allOrNothing: part name ${name}`);
  const withParts = sql.join(
    parts.map(([name, statement]) => sql`${sql.raw(name)} as (${statement})`),
    sql`, `,
  );
  if (conditions.length === 0) return sql`with ${withParts} select true as stored`;
  // `is not true`: a condition that comes out null (nothing to compare with) does not hold either.
  const refusals = conditions.map(
    ([holds, otherwise]) => sql` when (${holds}) is not true then podium_refuse(${otherwise})`,
  );
  return sql`with ${withParts} select case${sql.join(refusals)} else true end as stored`;
}

/** The reason an `allOrNothing` statement refused with, or undefined for any other error. */
export function refusalOf<Reason extends string>(error: unknown, reasons: ReadonlyArray<Reason>): Reason | undefined {
  const refused = withSqlState(error, 'PD001');
  return refused && reasons.find((reason) => reason === refused.message);
}
