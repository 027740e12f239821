/**
 * The response clock: how much office time is left before the promised response time ends,
 * or how much office time an item is late, in minutes within the organisation's opening
 * hours (api/services/office-hours/). The due time itself is stored on the item.
 */
import type { OfficeCalendar } from '../office-hours/calendar.ts';
import { WAITING_STATES as WAITING } from '../office-hours/due-times.ts';
import { officeMinutesBetween } from '../office-hours/office-time.ts';
import type { ReviewState } from '../moderation/source.ts';

/** States in which the resident still waits for the municipality. */
export const WAITING_STATES: readonly ReviewState[] = WAITING;

/** Office minutes left before the due time, or past it; an item due this very minute is late. */
export type ResponseClock = { kind: 'left'; minutes: number } | { kind: 'overdue'; minutes: number };

export function responseClock(calendar: OfficeCalendar, dueAt: Date, now: Date): ResponseClock {
  if (dueAt <= now) return { kind: 'overdue', minutes: officeMinutesBetween(calendar, dueAt, now) };
  return { kind: 'left', minutes: officeMinutesBetween(calendar, now, dueAt) };
}

/** Hours and minutes of a number of minutes, for the texts. */
export function hoursAndMinutes(minutes: number): { hours: number; minutes: number } {
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
