/**
 * Moments written out in the municipality's time zone (Europe/Amsterdam), whatever the
 * server's zone is. Apart from the component so the portal's texts (and the browser script
 * that imports a few of them) can use it without the rest of the kit.
 */
import type { Locale } from '../../../contracts/public-content.ts';

const styles = {
  /** 15 december 2026 */
  date: { dateStyle: 'long' },
  /** 15 december 2026 om 23:59 */
  dateTime: { dateStyle: 'long', timeStyle: 'short' },
  /** 15 dec 2026, 23:59:07: for logs, where seconds matter. */
  timestamp: { dateStyle: 'medium', timeStyle: 'medium' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type TimeStyle = keyof typeof styles;

/**
 * A moment as text in Europe/Amsterdam.
 *
 * @example formatMoment('2026-12-15T22:59:00Z', 'nl') // '15 december 2026'
 */
export function formatMoment(moment: string | Date, lang: Locale, style: TimeStyle = 'date'): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    ...styles[style],
    timeZone: 'Europe/Amsterdam',
  }).format(typeof moment === 'string' ? new Date(moment) : moment);
}
