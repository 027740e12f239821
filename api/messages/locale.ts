import type { Locale } from '../../shared/i18n.ts';

/** Picks Dutch or English from an Accept-Language header; Dutch when nothing matches. */
export function localeFromAcceptLanguage(header: string | undefined | null): Locale {
  if (!header) return 'nl';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number.parseFloat(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('nl')) return 'nl';
    if (tag.startsWith('en')) return 'en';
  }
  return 'nl';
}
