/**
 * Dates and numbers as people in the Netherlands read them, in Dutch or English. Used by the
 * portal, its render functions and the staff pages; texts live in texts modules, not here.
 */
import type { Locale } from './i18n.ts';

/** The Intl locale for each language: British English, as the municipality writes it. */
export const intlLocale: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** The municipality's time zone, whatever the server's zone is. */
export const timeZone = 'Europe/Amsterdam';

const dateFormats = {
  /** 15 december 2026 */
  date: { dateStyle: 'long' },
  /** 15 december 2026 om 23:59 */
  dateTime: { dateStyle: 'long', timeStyle: 'short' },
  /** 15 dec 2026, 23:59:07: for logs, where seconds matter. */
  timestamp: { dateStyle: 'medium', timeStyle: 'medium' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type TimeStyle = keyof typeof dateFormats;

/**
 * Formats a moment (an ISO string or a Date) in the municipality's time zone.
 *
 * @example formatDate('2026-12-15T22:59:00Z', 'nl') // '15 december 2026'
 */
export function formatDate(moment: string | Date, lang: Locale, style: TimeStyle = 'date'): string {
  return new Intl.DateTimeFormat(intlLocale[lang], { ...dateFormats[style], timeZone }).format(
    typeof moment === 'string' ? new Date(moment) : moment,
  );
}

/** A share (0–1) as a whole percentage: `0.425` → `43%`. */
export function formatPercent(share: number, lang: Locale): string {
  return `${new Intl.NumberFormat(intlLocale[lang], { maximumFractionDigits: 0 }).format(share * 100)}%`;
}

/** A number with at most one decimal: `3.25` → `3,3` in Dutch. */
export function formatDecimal(value: number, lang: Locale): string {
  return new Intl.NumberFormat(intlLocale[lang], { maximumFractionDigits: 1 }).format(value);
}
