/**
 * Calendar arithmetic for insights: dates and ISO weeks as people in the Netherlands read
 * them, so an item sent at 00:30 on a Monday in Amsterdam counts in that Monday's week
 * although it is still Sunday in UTC.
 */
export const TIME_ZONE = 'Europe/Amsterdam';

const localDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in Amsterdam, as `YYYY-MM-DD`. */
export function amsterdamDate(instant: Date): string {
  return localDate.format(instant);
}

function civil(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const result = civil(date);
  result.setUTCDate(result.getUTCDate() + days);
  return format(result);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((civil(to).getTime() - civil(from).getTime()) / 86_400_000);
}

/** True for a real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && format(civil(value)) === value;
}

/** The ISO week of a calendar date, as `2026-W48` (the week's year can differ from the date's). */
export function isoWeekOfDate(date: string): string {
  const day = civil(date);
  const weekday = day.getUTCDay() || 7;
  // The Thursday of the same week decides the year.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week an instant falls in, in Amsterdam. */
export function isoWeek(instant: Date): string {
  return isoWeekOfDate(amsterdamDate(instant));
}

/** The Monday of the ISO week of a date. */
export function mondayOf(date: string): string {
  const weekday = civil(date).getUTCDay() || 7;
  return addDays(date, 1 - weekday);
}

/** Every ISO week that has a day in [from, to], in order, so empty weeks show as 0. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) weeks.push(isoWeekOfDate(monday));
  return weeks;
}

/** `2026-W48` → `48`, or `2025-W52 ` with the year when the period spans years. */
export function weekLabel(week: string, withYear: boolean): string {
  const [year, number] = week.split('-W') as [string, string];
  return withYear ? `${Number(number)} (${year})` : String(Number(number));
}
