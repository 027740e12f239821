/**
 * Time within office hours: when a promise falls due, and how much office time lies between
 * two moments. Local times are turned into instants through the calendar's time zone, so a
 * 09:00 opening in Amsterdam is 07:00 UTC in summer and 08:00 UTC in winter, and the days the
 * clocks change count their real hours.
 */
import { addDays, minutesOf, openingSpans, type LocalDate, type OfficeCalendar } from './calendar.ts';

const MINUTE = 60_000;
/** Guard against a calendar that is (nearly) never open: no promise looks further ahead than this. */
const MAX_DAYS_AHEAD = 3 * 366;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock parts of an instant in a time zone. */
function wallClock(instant: number, timeZone: string) {
  const parts = new Map(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.get('year')),
    month: Number(parts.get('month')),
    day: Number(parts.get('day')),
    hour: Number(parts.get('hour')),
    minute: Number(parts.get('minute')),
    second: Number(parts.get('second')),
  };
}

const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

/**
 * The zone's offset from UTC at an instant, in milliseconds (Amsterdam: +1 h in winter, +2 h
 * in summer). Kept per quarter of an hour: offsets change only on quarter-hour boundaries
 * (in every zone since 1970), and formatting a date is the costly part of every due time.
 */
function offsetAt(instant: number, timeZone: string): number {
  const key = `${timeZone} ${Math.floor(instant / QUARTER_HOUR)}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const w = wallClock(instant, timeZone);
  const offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
  if (offsets.size >= 50_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** The instant a local date and minute of the day name in the zone (a time in a spring-forward gap moves on). */
export function instantOf(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const first = naive - offsetAt(naive, timeZone);
  return naive - offsetAt(first, timeZone);
}

/** The local date of an instant in the zone (through the zone's kept offset: formatting a date costs more). */
export function localDateOf(instant: number, timeZone: string): LocalDate {
  const wall = new Date(instant + offsetAt(instant, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/**
 * Each calendar's open intervals per date, worked out once: a queue page counts the office
 * time of a hundred items day by day, and items far past their promise span hundreds of the
 * same days (each a time-zone conversion). A calendar is read per request and never changed.
 */
const intervalsByCalendar = new WeakMap<OfficeCalendar, Map<string, ReadonlyArray<readonly [number, number]>>>();

/** The open intervals of a local date as instants, in order. */
export function openIntervals(calendar: OfficeCalendar, date: LocalDate): ReadonlyArray<readonly [number, number]> {
  let known = intervalsByCalendar.get(calendar);
  if (!known) intervalsByCalendar.set(calendar, (known = new Map()));
  const key = `${date.year}-${date.month}-${date.day}`;
  let intervals = known.get(key);
  if (!intervals) known.set(key, (intervals = computeOpenIntervals(calendar, date)));
  return intervals;
}

function computeOpenIntervals(calendar: OfficeCalendar, date: LocalDate): Array<[number, number]> {
  return openingSpans(calendar, date)
    .map((span): [number, number] => [
      instantOf(date, minutesOf(span.from)!, calendar.timeZone),
      instantOf(date, minutesOf(span.to)!, calendar.timeZone),
    ])
    .sort((a, b) => a[0] - b[0]);
}

/**
 * The moment `minutes` of office time after `start`. Time outside opening hours does not
 * count: a four-hour promise made on Friday at 16:00 falls due on Monday at 12:00.
 */
export function addOfficeMinutes(calendar: OfficeCalendar, start: Date, minutes: number): Date {
  let remaining = minutes * MINUTE;
  const from = start.getTime();
  let date = localDateOf(from, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS_AHEAD; i++, date = addDays(date, 1)) {
    for (const [open, close] of openIntervals(calendar, date)) {
      if (close <= from) continue;
      const begin = Math.max(open, from);
      if (remaining <= close - begin) {
        // A promise of zero minutes made out of hours falls due when the office opens.
        return new Date(begin + remaining);
      }
      remaining -= close - begin;
    }
  }
  throw new Error('The opening-hours calendar has no opening hours within three years');
}

/** Office time between two moments, in whole minutes (negative when `to` is before `from`). */
export function officeMinutesBetween(calendar: OfficeCalendar, from: Date, to: Date): number {
  if (to < from) return -officeMinutesBetween(calendar, to, from);
  const start = from.getTime();
  const end = to.getTime();
  const first = ordinalOf(localDateOf(start, calendar.timeZone));
  const last = Math.min(ordinalOf(localDateOf(end, calendar.timeZone)), first + MAX_DAYS_AHEAD * 10 - 1);
  // The first and last day in part; every day between in whole, from the running sums.
  const within = (ordinal: number) => {
    let ms = 0;
    for (const [open, close] of openIntervals(calendar, dateOfOrdinal(ordinal)))
      ms += Math.max(0, Math.min(close, end) - Math.max(open, start));
    return ms;
  };
  let total = within(first);
  if (last > first) total += openBefore(calendar, last) - openBefore(calendar, first + 1) + within(last);
  return Math.floor(total / MINUTE);
}

/** A local date as a count of calendar days since 1 January 1970, and back. */
const EPOCH: LocalDate = { year: 1970, month: 1, day: 1 };
const ordinalOf = (date: LocalDate) => Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;
const dateOfOrdinal = (ordinal: number) => addDays(EPOCH, ordinal);

/**
 * Each calendar's open time of whole days as running sums from the first day asked for, so
 * the office time between two moments costs the same for an item a month late as for one due
 * today: a queue page counts it for a hundred items, and walking each one's days was most of
 * the page's own time. Read per request and never changed, like the intervals.
 */
const runningSums = new WeakMap<OfficeCalendar, { lo: number; hi: number; at: Map<number, number> }>();

/** Open milliseconds from the sums' first day up to (not including) the day `ordinal`; negative before it. */
function openBefore(calendar: OfficeCalendar, ordinal: number): number {
  let sums = runningSums.get(calendar);
  if (!sums) runningSums.set(calendar, (sums = { lo: ordinal, hi: ordinal, at: new Map([[ordinal, 0]]) }));
  const openOn = (day: number) =>
    openIntervals(calendar, dateOfOrdinal(day)).reduce((ms, [open, close]) => ms + close - open, 0);
  for (; sums.hi < ordinal; sums.hi++) sums.at.set(sums.hi + 1, sums.at.get(sums.hi)! + openOn(sums.hi));
  for (; sums.lo > ordinal; sums.lo--) sums.at.set(sums.lo - 1, sums.at.get(sums.lo)! - openOn(sums.lo - 1));
  return sums.at.get(ordinal)!;
}

/** Whether the organisation is open on a local date (weekly hours, no holiday, no closed day). */
export function isWorkingDay(calendar: OfficeCalendar, date: LocalDate): boolean {
  return openIntervals(calendar, date).length > 0;
}

/**
 * The moment `days` working days after `start`, keeping its place in the office day: input
 * that arrives on Monday at 10:00 with a promise of two working days falls due on Wednesday
 * at 10:00; input that arrives on Saturday (or after closing) counts from the next opening,
 * so one working day later is the close of that next working day.
 */
export function addWorkingDays(calendar: OfficeCalendar, start: Date, days: number): Date {
  if (days <= 0) return addOfficeMinutes(calendar, start, 0);
  const from = start.getTime();
  let date = localDateOf(from, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS_AHEAD; i++, date = addDays(date, 1)) {
    const intervals = openIntervals(calendar, date);
    // Closed, or arrived after the day's closing: the count starts on a later working day.
    if (intervals.length === 0 || intervals[intervals.length - 1]![1] <= from) continue;
    let done = 0;
    for (const [open, close] of intervals) done += Math.max(0, Math.min(close, from) - open);
    // Before opening, the arrival's day is the first whole working day: `days` of them end at a close.
    return done === 0 ? closeOfWorkingDay(calendar, date, days - 1) : afterWorkingDays(calendar, date, days, done);
  }
  throw new Error('The opening-hours calendar has no opening hours within three years');
}

/** The close of the working day `skip` working days after `date` (itself a working day). */
function closeOfWorkingDay(calendar: OfficeCalendar, date: LocalDate, skip: number): Date {
  let left = skip;
  for (let i = 0; i < MAX_DAYS_AHEAD; i++, date = addDays(date, 1)) {
    const intervals = openIntervals(calendar, date);
    if (intervals.length === 0) continue;
    if (left === 0) return new Date(intervals[intervals.length - 1]![1]);
    left--;
  }
  throw new Error('The opening-hours calendar has no opening hours within three years');
}

/** `done` ms of office time into the working day `days` working days after `date`. */
function afterWorkingDays(calendar: OfficeCalendar, date: LocalDate, days: number, done: number): Date {
  let left = days;
  for (let i = 0; i < MAX_DAYS_AHEAD; i++) {
    date = addDays(date, 1);
    const intervals = openIntervals(calendar, date);
    if (intervals.length === 0) continue;
    if (--left > 0) continue;
    let remaining = done;
    for (const [open, close] of intervals) {
      if (remaining <= close - open) return new Date(open + remaining);
      remaining -= close - open;
    }
    // A shorter day than the arrival's: the promise ends at its close.
    return new Date(intervals[intervals.length - 1]![1]);
  }
  throw new Error('The opening-hours calendar has no opening hours within three years');
}
