/**
 * Dates and times on the staff pages: always in the municipality's time zone
 * (Europe/Amsterdam), whatever the server's zone, in the staff member's language.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';

const locales: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * One formatter per language and style, made once: building an Intl.DateTimeFormat costs
 * about twenty times a format, and a queue page formats a few hundred dates.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function format(date: Date, lang: Locale, options: Intl.DateTimeFormatOptions): string {
  const key = `${lang} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locales[lang], { timeZone: 'Europe/Amsterdam', ...options });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}

/** @example formatTime(new Date('2026-12-04T13:05:00Z'), 'nl') // '14:05' */
export function formatTime(date: Date, lang: Locale): string {
  return format(date, lang, { hour: '2-digit', minute: '2-digit' });
}

/** @example formatDateTime(new Date('2026-12-04T13:05:00Z'), 'nl') // '4 dec 2026, 14:05' */
export function formatDateTime(date: Date, lang: Locale): string {
  return format(date, lang, { dateStyle: 'medium', timeStyle: 'short' });
}

/** With seconds, for the audit log, where the order of events within a minute matters. */
export function formatDateTimeSeconds(date: Date, lang: Locale): string {
  return format(date, lang, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** The day alone. */
export function formatDate(date: Date, lang: Locale): string {
  return format(date, lang, { dateStyle: 'medium' });
}
