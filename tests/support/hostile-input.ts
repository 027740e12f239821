/**
 * Hostile text for property tests (issue 13): the whole Unicode range and the strings a
 * careless program trips over, as fast-check arbitraries, plus the database checks that go
 * with them (row counts before and after a refused request; every stored string well-formed).
 *
 * Seeded: every test passes `{ seed: HOSTILE_SEED, numRuns }` to fast-check, which prints
 * the seed and the shrunk counterexample when a property fails. Override with FC_SEED=<n>.
 */
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import * as schema from '../../api/db/schema.ts';
import type { Db } from '../../api/db/client.ts';

export const HOSTILE_SEED = Number(process.env.FC_SEED ?? 20261204);

/** JavaScript's own property names: as values and as keys. */
export const SPECIAL_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', 'valueOf'];

const EMOJI = '🚲';
/** Single code units and short sequences that break parsers, databases and renderers. */
const NASTY = [
  '\ud800', // lone high surrogate
  '\udbff',
  '\udc00', // lone low surrogate
  '\udfff',
  EMOJI.slice(0, 1), // an emoji cut in half, either half
  EMOJI.slice(1),
  `${EMOJI}\ud83d`,
  '\u0000', // NUL
  '\u0001',
  '\u0008',
  '\u000b',
  '\u001b[31m',
  '\u007f',
  '\u0085', // C1 controls
  '\u009b',
  '\u009f',
  '\u200e', // left-to-right mark
  '\u200f', // right-to-left mark
  '\u202a',
  '\u202e', // right-to-left override
  '\u2066',
  '\u2069',
  '\u200b', // zero width space
  '\ufeff',
  'e\u0301\u0301\u0301\u0336', // combining characters piled up
  '\u0301', // a combining character with nothing to combine with
  '\ufffd',
  '\ufffe',
  '\uffff',
  '\u{10ffff}',
  'ﷺ',
  '𒐫',
  '\r\n',
  '%',
  '%00',
  '%ED%A0%80',
  '&constructor;',
  '{constructor}',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  ...SPECIAL_NAMES,
];

/** One hostile piece: a nasty sequence, or any code point at all (surrogates included). */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom('De brug', 'parklaan', 'fiets', 'a', ' ') },
);

/** A hostile text: pieces run together, a bare special name, or a very long text cut mid-emoji. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_NAMES) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 12_000 })
      .map((n) => `${'Lange tekst '.repeat(4)}${EMOJI.repeat(n)}`.slice(0, 48 + 2 * n - 1)),
  },
);

/** A key for an object or a form field: special names, hostile text, or an ordinary name. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SPECIAL_NAMES),
  fc.array(piece, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('')),
);

/** An object whose keys are hostile, built so `__proto__` is an own key as JSON.parse makes it. */
export function objectWith(entries: Array<[string, unknown]>): Record<string, unknown> {
  return Object.fromEntries(entries);
}

/**
 * `application/x-www-form-urlencoded` that can carry anything: URLSearchParams would turn a
 * lone surrogate into U+FFFD before it leaves, so each code unit is percent-encoded as WTF-8
 * (a lone surrogate as the three bytes a careless encoder writes).
 */
export function formEncode(fields: Array<[string, string]>): string {
  return fields.map(([name, value]) => `${wtf8Percent(name)}=${wtf8Percent(value)}`).join('&');
}

function wtf8Percent(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    let codePoint = unit;
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      codePoint = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
      i += 1;
    }
    if (/[A-Za-z0-9*\-._]/.test(String.fromCharCode(codePoint))) {
      out += String.fromCharCode(codePoint);
      continue;
    }
    for (const byte of wtf8Bytes(codePoint)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function wtf8Bytes(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/** A path segment or query value that can be sent at all: percent-encoded, surrogates as WTF-8. */
export const urlPart = (text: string) => wtf8Percent(text) || '%20';

const tables: PgTable[] = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .sort((a, b) => getTableName(a).localeCompare(getTableName(b)));

/**
 * Figures any read may count and keep for other processes (open data): state of the server,
 * not input, written by a request that is answered or refused alike.
 */
export const KEPT_FIGURES: ReadonlySet<string> = new Set([getTableName(schema.openDataFigures)]);

/** The number of rows in every table but the kept figures, in one query. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const columns = tables
    .filter((table) => !KEPT_FIGURES.has(getTableName(table)))
    .map((table) => sql`(select count(*) from ${table})::int as ${sql.identifier(getTableName(table))}`);
  const result = (await db.execute(sql`select ${sql.join(columns, sql`, `)}`)) as unknown;
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return { ...(rows[0] as Record<string, number>) };
}

/** Counts that differ, ignoring the tables a refused request may legitimately touch. */
export function changedTables(
  before: Record<string, number>,
  after: Record<string, number>,
  allowed: readonly string[] = [],
): string[] {
  return Object.keys(before).filter((name) => !allowed.includes(name) && Number(before[name]) !== Number(after[name]));
}

/** Every string (and object key) stored anywhere that is not well-formed or holds NUL. */
export async function illFormedStoredText(db: Db): Promise<string[]> {
  const found: string[] = [];
  const visit = (value: unknown, where: string) => {
    if (typeof value === 'string') {
      if (!value.isWellFormed() || value.includes('\u0000'))
        found.push(`${where}: ${JSON.stringify(value.slice(0, 80))}`);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${where}[${i}]`));
    } else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) {
        visit(key, `${where} key`);
        visit(item, `${where}.${key}`);
      }
    }
  };
  for (const table of tables) {
    for (const row of await db.select().from(table)) visit(row, getTableName(table));
  }
  return found;
}
