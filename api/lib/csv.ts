/**
 * CSV as RFC 4180 describes it: a header row, CRLF line ends, fields quoted when they hold
 * a comma, quote or line break, quotes doubled. Text that a spreadsheet would run as a
 * formula (starting with = + - @, or a tab or carriage return) gets a leading apostrophe,
 * as OWASP advises against CSV injection; numbers are written as they are.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
