/**
 * Text that exists in Dutch and, where translated, in English. Where the page's language
 * has no translation the Dutch text is shown, marked with lang="nl" so a screen reader
 * pronounces it as Dutch (WCAG 3.1.2, language of parts).
 */
import type { Locale, LocalizedText } from '../../../contracts/localized-text.ts';
import { html, type Html } from '../../core.ts';

/** A text in Dutch and, where translated, English (the contracts' LocalizedText). */
export type Localized = LocalizedText;

/** The text for a language, falling back to Dutch, and the language it is in. */
export function localized(text: Localized, lang: Locale): { value: string; lang: Locale } {
  if (lang === 'en' && text.en) return { value: text.en, lang: 'en' };
  return { value: text.nl, lang: 'nl' };
}

/** The text inline, in a `<span lang>` when it falls back to another language. */
export function inlineText(text: Localized, lang: Locale): Html {
  const picked = localized(text, lang);
  return picked.lang === lang ? html`${picked.value}` : html`<span lang="${picked.lang}">${picked.value}</span>`;
}
