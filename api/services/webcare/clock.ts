/**
 * The response clock: how much of the promised response time is left, or how late an item
 * is, in working days (as the promise is made) and, within the last day, in hours.
 */
import type { QueueItem, ReviewState } from '../moderation/source.ts';

/** States in which the resident still waits for the municipality. */
export const WAITING_STATES: readonly ReviewState[] = ['new', 'in_review', 'escalated', 'needs_answer'];

export type ResponseClock =
  { kind: 'left'; workingDays: number; hours: number } | { kind: 'overdue'; workingDays: number; hours: number };

const HOUR = 60 * 60 * 1000;

/** Whole working days (Monday to Friday) between two moments; part of a day counts as none. */
export function workingDaysBetween(from: Date, to: Date): number {
  let days = 0;
  const cursor = new Date(from);
  for (;;) {
    cursor.setUTCDate(cursor.getUTCDate() + 1);
    if (cursor > to) return days;
    const weekday = cursor.getUTCDay();
    if (weekday !== 0 && weekday !== 6) days++;
  }
}

export function responseClock(dueAt: Date, now: Date): ResponseClock {
  if (dueAt < now) {
    return {
      kind: 'overdue',
      workingDays: workingDaysBetween(dueAt, now),
      hours: Math.floor((now.getTime() - dueAt.getTime()) / HOUR),
    };
  }
  return {
    kind: 'left',
    workingDays: workingDaysBetween(now, dueAt),
    hours: Math.floor((dueAt.getTime() - now.getTime()) / HOUR),
  };
}

/** Overdue items, the latest first: the resident who waited longest past the promise comes first. */
export function byLateness<T extends Pick<QueueItem, 'dueAt'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
