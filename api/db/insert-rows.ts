/**
 * An INSERT that names only the columns it is given, for the write path of residents' input.
 *
 * drizzle's `insert(table).values(row)` lists every column of the table and fills the ones not
 * given with `default`: for `submissions` that is forty columns walked, typed and rendered per
 * statement, 170 µs of a submission's 2.7 ms of Node time (tests/bench/write-path.ts, CPU
 * profile). Here the statement's text up to `values` is rendered once per table and set of
 * columns, and a row costs one parameter per value given. The values are encoded by their
 * columns as drizzle's own insert encodes them, and JavaScript defaults (`$defaultFn`,
 * `$onUpdate`) of columns not given are applied as drizzle applies them, so a row stored
 * either way is the same (tests/api/db/insert-rows.test.ts).
 */
import { getTableColumns, getTableName, Param, SQL, sql, type Column } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';

type Prefix = { text: SQL; columns: Array<[string, Column]>; keys: ReadonlySet<string> };

const prefixes = new WeakMap<PgTable, Map<string, Prefix>>();

/**
 * `insert into "table" (…) values (…), (…)` for rows that all give the same columns.
 *
 * @example
 * await tx.execute(insertRows(auditLog, [{ organisationId, actorType: 'resident', action, subjectType, subjectId }]));
 */
export function insertRows<T extends PgTable>(table: T, rows: ReadonlyArray<PgInsertValue<T>>): SQL {
  const first = rows[0];
  if (!first) throw new Error('insertRows needs at least one row');
  const given = Object.keys(first).filter((key) => (first as Record<string, unknown>)[key] !== undefined);
  const prefix = prefixOf(table, given);
  const chunks: unknown[] = [prefix.text];
  rows.forEach((row, index) => {
    const values = row as Record<string, unknown>;
    for (const key in values) {
      if (values[key] !== undefined && !prefix.keys.has(key))
        throw new Error(`insertRows: row ${index} gives ${key}, the first row not`);
    }
    chunks.push(sql.raw(index === 0 ? '(' : ', ('));
    prefix.columns.forEach(([key, column], position) => {
      if (position > 0) chunks.push(sql.raw(', '));
      chunks.push(valueOf(values, key, column));
    });
    chunks.push(sql.raw(')'));
  });
  return new SQL(chunks as SQL['queryChunks']);
}

function valueOf(row: Record<string, unknown>, key: string, column: Column): unknown {
  let value = row[key];
  if (value === undefined) {
    if (column.defaultFn) value = column.defaultFn();
    else if (!column.default && column.onUpdateFn) value = column.onUpdateFn();
    // A later row leaving out a column the first one gives.
    else return sql`default`;
  }
  return value instanceof SQL ? value : new Param(value, column);
}

function prefixOf(table: PgTable, given: string[]): Prefix {
  let byTable = prefixes.get(table);
  if (!byTable) prefixes.set(table, (byTable = new Map()));
  const signature = given.join(',');
  let prefix = byTable.get(signature);
  if (prefix) return prefix;
  const columns = Object.entries(getTableColumns(table) as Record<string, Column>).filter(
    ([key, column]) =>
      given.includes(key) || column.defaultFn !== undefined || (!column.default && column.onUpdateFn !== undefined),
  );
  for (const key of given) {
    if (!columns.some(([name]) => name === key)) throw new Error(`${getTableName(table)} has no column ${key}`);
  }
  const names = columns.map(([, column]) => `"${column.name}"`).join(', ');
  prefix = { text: sql`insert into ${table} ${sql.raw(`(${names}) values `)}`, columns, keys: new Set(given) };
  byTable.set(signature, prefix);
  return prefix;
}
