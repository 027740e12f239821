/**
 * When a promise of N working days falls due, as a table the database can join: the insights
 * count "answered on time" and "overdue" in SQL, but the due moment comes from the office
 * calendar in Node (`addWorkingDays`, api/services/office-hours/office-time.ts), and sending
 * every item to Node to ask it is what made the insights slow.
 *
 * As a function of the arrival instant, `addWorkingDays(calendar, t, days)` is made of pieces
 * that are either constant (arrivals outside opening hours, or past the length of a shorter
 * day) or `t + offset` (arrivals within opening hours, kept at their place in the office day).
 * The pieces change only at the opening and closing moments of the arrival's day, at the
 * points where the arrival's office time reaches a boundary of the due day's hours, and at
 * midnight. Each piece is cut at UTC midnight too, so the database can find an item's piece by
 * an equality on its UTC day number and one range test. Every piece's value is taken from
 * `addWorkingDays` itself at both of its ends, and a piece that is not plainly constant or
 * `t + offset` is split until it is: the table gives the same due moment as the function, to
 * the millisecond (tests/unit/services/insights/due-segments.test.ts checks this).
 */
import { addDays, type LocalDate, type OfficeCalendar } from '../office-hours/calendar.ts';
import { addWorkingDays, instantOf, localDateOf, openIntervals } from '../office-hours/office-time.ts';

const DAY_MS = 86_400_000;

/** Arrivals from `lo` to `hi` (milliseconds, both included) fall due at `fixed`, or at arrival + `offset`. */
export type DueSegment = {
  days: number;
  day: number;
  lo: number;
  hi: number;
  fixed: number | null;
  offset: number | null;
};

const cache = new Map<string, DueSegment[]>();
const CACHE_LIMIT = 20_000;

/** The segments covering every arrival on the local dates `from`…`to` (and a day either side). */
export function dueSegments(calendar: OfficeCalendar, days: number, from: LocalDate, to: LocalDate): DueSegment[] {
  const calendarKey = JSON.stringify(calendar);
  const segments: DueSegment[] = [];
  for (let date = addDays(from, -1); compare(date, addDays(to, 1)) <= 0; date = addDays(date, 1)) {
    const key = `${calendarKey}|${days}|${date.year}-${date.month}-${date.day}`;
    let known = cache.get(key);
    if (!known) {
      known = segmentsOfDate(calendar, days, date);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, known);
    }
    segments.push(...known);
  }
  // Neighbouring dates share their UTC days: keep each millisecond in one segment.
  segments.sort((a, b) => a.lo - b.lo);
  const unique: DueSegment[] = [];
  for (const segment of segments) {
    const last = unique[unique.length - 1];
    if (last && segment.lo <= last.hi) {
      if (segment.hi > last.hi) unique.push({ ...segment, lo: last.hi + 1 });
    } else unique.push(segment);
  }
  return unique;
}

function compare(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The segments of the arrivals on one local date (from its midnight to the next). */
function segmentsOfDate(calendar: OfficeCalendar, days: number, date: LocalDate): DueSegment[] {
  const zone = calendar.timeZone;
  const start = instantOf(date, 0, zone);
  const end = instantOf(addDays(date, 1), 0, zone) - 1;
  const points = new Set<number>([start]);
  const add = (at: number) => {
    // A boundary moment can belong to either side: both it and the next millisecond start a piece.
    if (at > start && at <= end) points.add(at);
    if (at + 1 > start && at + 1 <= end) points.add(at + 1);
  };
  for (let midnight = Math.ceil(start / DAY_MS) * DAY_MS; midnight <= end; midnight += DAY_MS) add(midnight);
  const intervals = openIntervals(calendar, date);
  for (const [open, close] of intervals) {
    add(open);
    add(close);
  }
  if (days > 0 && intervals.length > 0) {
    // The due day: where one millisecond of office time into this day lands.
    const [firstOpen, firstClose] = intervals[0]!;
    if (firstClose - firstOpen > 1) {
      const dueDate = localDateOf(addWorkingDays(calendar, new Date(firstOpen + 1), days).getTime(), zone);
      const boundaries = [0];
      for (const [open, close] of openIntervals(calendar, dueDate)) boundaries.push(boundaries.at(-1)! + close - open);
      let done = 0;
      for (const [open, close] of intervals) {
        for (const boundary of boundaries) add(open + boundary - done);
        done += close - open;
      }
    }
  }
  const sorted = [...points].sort((a, b) => a - b);
  const due = (t: number) => addWorkingDays(calendar, new Date(t), days).getTime();
  const segments: DueSegment[] = [];
  const piece = (lo: number, hi: number, depth: number) => {
    const a = due(lo);
    const b = due(hi);
    const day = Math.floor(lo / DAY_MS);
    if (a === b) segments.push({ days, day, lo, hi, fixed: a, offset: null });
    else if (
      b - a === hi - lo &&
      (hi - lo < 2 || due(Math.floor((lo + hi) / 2)) - a === Math.floor((lo + hi) / 2) - lo)
    )
      segments.push({ days, day, lo, hi, fixed: null, offset: a - lo });
    else if (depth > 60) throw new Error(`due segments: no piece found at ${new Date(lo).toISOString()}`);
    else {
      const mid = Math.floor((lo + hi) / 2);
      piece(lo, mid, depth + 1);
      piece(mid + 1, hi, depth + 1);
    }
  };
  sorted.forEach((lo, i) => piece(lo, i + 1 < sorted.length ? sorted[i + 1]! - 1 : end, 0));
  // Neighbouring pieces with the same rule on the same UTC day become one.
  const merged: DueSegment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (
      last &&
      last.day === segment.day &&
      last.hi + 1 === segment.lo &&
      last.fixed === segment.fixed &&
      last.offset === segment.offset
    )
      last.hi = segment.hi;
    else merged.push(segment);
  }
  return merged;
}
