/**
 * An organisation's opening-hours calendar: weekly opening hours in its time zone, the Dutch
 * public holidays it is closed on, and extra closed days it adds. Pure data and functions;
 * `office-time.ts` measures promises with it and `settings.ts` loads it from the database.
 *
 * Holidays follow the collective agreement for municipal staff (cao Gemeenten). Since the
 * 2023 agreement (article 6.6) Bevrijdingsdag (5 May) is a paid day off every year for
 * every municipality, no longer only in lustrum years (2025, 2030, …) or where the local
 * employer chose it, so the default is `every_year`; `lustrum` is there for organisations
 * under an older or other agreement. Goede Vrijdag is not a holiday in that agreement, but
 * many town halls close: it is a setting, default open.
 */

/** Opening hours of one weekday: `from` and `to` as local `HH:MM`, `to` after `from`. */
export type OpeningSpan = { from: string; to: string };

/** Weekday 0 (Sunday) to 6 (Saturday), as `Date.getUTCDay` counts; a missing day is closed. */
export type WeeklyHours = Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, readonly OpeningSpan[]>>;

export type LiberationDayRule = 'every_year' | 'lustrum' | 'never';

export type HolidayRules = {
  goodFriday: boolean;
  liberationDay: LiberationDayRule;
};

export type OfficeCalendar = {
  timeZone: string;
  weekly: WeeklyHours;
  holidays: HolidayRules;
  /** Extra closed days as local dates, `YYYY-MM-DD` (a town-hall move, a bridge day). */
  closedDays: readonly string[];
};

const WORKDAY: readonly OpeningSpan[] = [{ from: '09:00', to: '17:00' }];

export const DEFAULT_WEEKLY_HOURS: WeeklyHours = { 1: WORKDAY, 2: WORKDAY, 3: WORKDAY, 4: WORKDAY, 5: WORKDAY };

export const DEFAULT_HOLIDAY_RULES: HolidayRules = { goodFriday: false, liberationDay: 'every_year' };

export const DEFAULT_CALENDAR: OfficeCalendar = {
  timeZone: 'Europe/Amsterdam',
  weekly: DEFAULT_WEEKLY_HOURS,
  holidays: DEFAULT_HOLIDAY_RULES,
  closedDays: [],
};

/** A local calendar date. `month` 1–12. */
export type LocalDate = { year: number; month: number; day: number };

export function isoDate({ year, month, day }: LocalDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date `days` after (or before) `date`, in the proleptic Gregorian calendar. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const at = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
}

export function weekdayOf(date: LocalDate): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/**
 * Easter Sunday of a Gregorian year: the anonymous Gregorian computus (Meeus/Jones/Butcher).
 *
 * @example easterSunday(2025) // { year: 2025, month: 4, day: 20 }
 */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

export type HolidayName =
  | 'nieuwjaarsdag'
  | 'goede_vrijdag'
  | 'eerste_paasdag'
  | 'tweede_paasdag'
  | 'koningsdag'
  | 'bevrijdingsdag'
  | 'hemelvaartsdag'
  | 'eerste_pinksterdag'
  | 'tweede_pinksterdag'
  | 'eerste_kerstdag'
  | 'tweede_kerstdag';

/** Koningsdag is 27 April, or Saturday 26 April when the 27th is a Sunday (Wet Koningsdag). */
function kingsDay(year: number): LocalDate {
  const day = { year, month: 4, day: 27 };
  return weekdayOf(day) === 0 ? { year, month: 4, day: 26 } : day;
}

/** The public holidays of a year the organisation is closed on, by local date. */
export function dutchHolidays(year: number, rules: HolidayRules = DEFAULT_HOLIDAY_RULES): Map<string, HolidayName> {
  const easter = easterSunday(year);
  const days: Array<[LocalDate, HolidayName]> = [
    [{ year, month: 1, day: 1 }, 'nieuwjaarsdag'],
    [easter, 'eerste_paasdag'],
    [addDays(easter, 1), 'tweede_paasdag'],
    [kingsDay(year), 'koningsdag'],
    [addDays(easter, 39), 'hemelvaartsdag'],
    [addDays(easter, 49), 'eerste_pinksterdag'],
    [addDays(easter, 50), 'tweede_pinksterdag'],
    [{ year, month: 12, day: 25 }, 'eerste_kerstdag'],
    [{ year, month: 12, day: 26 }, 'tweede_kerstdag'],
  ];
  if (rules.goodFriday) days.push([addDays(easter, -2), 'goede_vrijdag']);
  if (rules.liberationDay === 'every_year' || (rules.liberationDay === 'lustrum' && year % 5 === 0)) {
    days.push([{ year, month: 5, day: 5 }, 'bevrijdingsdag']);
  }
  return new Map(days.map(([date, name]) => [isoDate(date), name]));
}

/** Memoised per calendar object and year: the clock asks for the same years many times. */
const holidayCache = new WeakMap<OfficeCalendar, Map<number, Map<string, HolidayName>>>();

function holidaysOf(calendar: OfficeCalendar, year: number): Map<string, HolidayName> {
  let years = holidayCache.get(calendar);
  if (!years) holidayCache.set(calendar, (years = new Map()));
  let holidays = years.get(year);
  if (!holidays) years.set(year, (holidays = dutchHolidays(year, calendar.holidays)));
  return holidays;
}

/** Why the organisation is closed on a date that has weekly hours, if it is. */
export function closedReason(calendar: OfficeCalendar, date: LocalDate): HolidayName | 'closed_day' | undefined {
  const holiday = holidaysOf(calendar, date.year).get(isoDate(date));
  if (holiday) return holiday;
  return calendar.closedDays.includes(isoDate(date)) ? 'closed_day' : undefined;
}

/** The opening spans of a local date: none on a holiday, a closed day or a day without hours. */
export function openingSpans(calendar: OfficeCalendar, date: LocalDate): readonly OpeningSpan[] {
  const spans = calendar.weekly[weekdayOf(date)] ?? [];
  if (spans.length === 0 || closedReason(calendar, date)) return [];
  return spans;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of a valid `HH:MM`; undefined otherwise. */
export function minutesOf(time: string): number | undefined {
  const match = TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/**
 * What is wrong with a weekly schedule, if anything: a bad time, a span that ends before it
 * starts, overlapping spans, or no opening hours at all (no promise could ever fall due).
 */
export function weeklyHoursProblem(
  weekly: WeeklyHours,
): 'bad_time' | 'empty_span' | 'overlap' | 'never_open' | undefined {
  let open = false;
  for (const spans of Object.values(weekly)) {
    const sorted = [...(spans ?? [])].sort((a, b) => (minutesOf(a.from) ?? 0) - (minutesOf(b.from) ?? 0));
    let end = -1;
    for (const span of sorted) {
      const from = minutesOf(span.from);
      const to = minutesOf(span.to);
      if (from === undefined || to === undefined) return 'bad_time';
      if (to <= from) return 'empty_span';
      if (from < end) return 'overlap';
      end = to;
      open = true;
    }
  }
  return open ? undefined : 'never_open';
}
