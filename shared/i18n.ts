/**
 * The one i18n shape of Podium. Every feature keeps its texts in a texts module that exports
 * `nl` (Dutch, the source) and `en` (typed from Dutch, so a missing or extra English text
 * fails the type check). Parameters and plurals are functions inside the texts. One accessor,
 * `textsFor`, picks a language; there is no other way to look a text up.
 *
 * @example
 *   import * as queueTexts from './texts.ts';
 *   const m = textsFor(queueTexts, lang);
 *   m.heading; m.itemCount(3);
 */
import type { Locale } from './contracts/public-content.ts';

export type { Locale };

/** The languages Podium speaks, Dutch first: Dutch is the source and the fallback. */
export const locales = ['nl', 'en'] as const satisfies readonly Locale[];

/** A texts module: the same texts in Dutch and in English. */
export type TextsModule<T> = { readonly nl: T; readonly en: T };

/** The texts of a module in one language. */
export function textsFor<T>(module: TextsModule<T>, lang: Locale): T {
  return module[lang];
}

/** Narrows a string (a `lang` attribute, a query parameter) to a language Podium speaks. */
export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}
