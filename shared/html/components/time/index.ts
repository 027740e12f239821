/**
 * A moment as a `<time datetime>` element, written out in the municipality's time zone
 * (Europe/Amsterdam) whatever the server's zone is.
 */
import type { Locale } from '../../../contracts/public-content.ts';
import { html, type Html } from '../../core.ts';

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

export type TimeOptions = { moment: string | Date; lang: Locale; style?: TimeStyle | undefined };

export function time({ moment, lang, style = 'date' }: TimeOptions): Html {
  const iso = typeof moment === 'string' ? moment : moment.toISOString();
  return html`<time datetime="${iso}">${formatMoment(moment, lang, style)}</time>`;
}
