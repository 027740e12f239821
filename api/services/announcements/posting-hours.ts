/**
 * Whether a moment lies within a channel's posting hours (`channel_guidelines.posting_hours`:
 * ISO weekdays and local `HH:MM` times in the organisation's time zone). A channel without
 * posting hours has agreed none, and any moment is within them.
 */
import type { PostingHours } from '../../db/schema.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(instant: Date, timeZone: string): { weekday: number; minutes: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = new Map(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.get('weekday') ?? '') + 1;
  return { weekday, minutes: Number(parts.get('hour')) * 60 + Number(parts.get('minute')) };
}

const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export function withinPostingHours(hours: PostingHours, instant: Date, timeZone: string): boolean {
  if (hours.length === 0) return true;
  const { weekday, minutes } = localParts(instant, timeZone);
  return hours.some(
    (span) => span.days.includes(weekday) && minutes >= minutesOf(span.from) && minutes < minutesOf(span.to),
  );
}

/** The posting hours as a line staff read: "ma–vr 09:00–16:00". */
export function describePostingHours(hours: PostingHours, lang: 'nl' | 'en'): string {
  const names =
    lang === 'nl' ? ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] : ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  return hours
    .map((span) => {
      const days = [...span.days].sort();
      const consecutive = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
      const dayText =
        consecutive && days.length > 2
          ? `${names[days[0]! - 1]}–${names[days.at(-1)! - 1]}`
          : days.map((d) => names[d - 1]).join(', ');
      return `${dayText} ${span.from}–${span.to}`;
    })
    .join('; ');
}

/** The instant of a local date and time (`2026-12-07T10:00`) in a time zone, or undefined when malformed. */
export function instantFromLocal(local: string, timeZone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return undefined;
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at the guess, then once more at the corrected instant (clock changes).
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  const back = new Date(wall);
  if (back.getUTCDate() !== d) return undefined;
  return new Date(instant);
}

function offsetAt(instant: number, timeZone: string): number {
  const parts = new Map(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)]),
  );
  const asUtc = Date.UTC(
    parts.get('year')!,
    parts.get('month')! - 1,
    parts.get('day')!,
    parts.get('hour')!,
    parts.get('minute')!,
  );
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

/** The local `YYYY-MM-DDTHH:MM` of an instant, for a datetime-local field. */
export function localOf(instant: Date, timeZone: string): string {
  const parts = new Map(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.get('year')}-${parts.get('month')}-${parts.get('day')}T${parts.get('hour')}:${parts.get('minute')}`;
}
