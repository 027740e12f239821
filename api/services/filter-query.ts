/**
 * What the staff pages' filters share (insights and the audit log): the query parameters
 * as text that can be shown back in the form, and the checks of a period of Amsterdam days.
 * One place, so both pages refuse the same bad dates with the same codes.
 */
import { truncateText, wellFormed } from '../../shared/contracts/text.ts';
import { daysBetween, isCalendarDate } from './insights/weeks.ts';

/**
 * The named parameters as sent: well-formed text, trimmed, cut to its field's length;
 * empty ones left out. Never refuses: the checks come after, field by field.
 */
export function rawQuery<Name extends string>(
  query: Record<string, string | undefined>,
  lengths: Readonly<Record<Name, number>>,
): Partial<Record<Name, string>> {
  const out: Partial<Record<Name, string>> = {};
  for (const name of Object.keys(lengths) as Name[]) {
    const sent = query[name];
    const value = sent === undefined ? '' : wellFormed(sent).trim();
    if (value) out[name] = truncateText(value, lengths[name]);
  }
  return out;
}

export type PeriodError = { field: 'from' | 'to'; code: 'from' | 'to' | 'order' | 'span' };

/** A period's dates (`YYYY-MM-DD`, either may be open), in order, and at most `maxDays` long when given. */
export function periodErrors(from: string | undefined, to: string | undefined, maxDays?: number): PeriodError[] {
  const errors: PeriodError[] = [];
  if (from !== undefined && !isCalendarDate(from)) errors.push({ field: 'from', code: 'from' });
  if (to !== undefined && !isCalendarDate(to)) errors.push({ field: 'to', code: 'to' });
  if (errors.length > 0 || from === undefined || to === undefined) return errors;
  if (from > to) errors.push({ field: 'from', code: 'order' });
  else if (maxDays !== undefined && daysBetween(from, to) > maxDays) errors.push({ field: 'from', code: 'span' });
  return errors;
}
