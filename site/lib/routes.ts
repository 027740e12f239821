/**
 * The portal's URLs in both languages, in one place: pages, render functions and the
 * API build links with these, so a renamed path changes everywhere at once.
 */
import type { Locale } from '../../api/contracts/public-content.ts';

const segments = {
  nl: {
    topics: 'onderwerpen',
    consultations: 'consultaties',
    confirmation: 'bevestiging',
    followUp: 'volg',
    embed: 'embed',
    apiReference: 'api-documentatie',
  },
  en: {
    topics: 'topics',
    consultations: 'consultations',
    confirmation: 'confirmation',
    followUp: 'follow-up',
    embed: 'embed',
    apiReference: 'api-reference',
  },
} as const;

const prefix = (lang: Locale) => (lang === 'nl' ? '/' : '/en/');

export const routes = {
  home: (lang: Locale) => prefix(lang),
  topic: (lang: Locale, slug: string) => `${prefix(lang)}${segments[lang].topics}/${encodeURIComponent(slug)}/`,
  consultation: (lang: Locale, slug: string) =>
    `${prefix(lang)}${segments[lang].consultations}/${encodeURIComponent(slug)}/`,
  confirmation: (lang: Locale, code?: string) =>
    `${prefix(lang)}${segments[lang].confirmation}/${code ? `${encodeURIComponent(code)}/` : ''}`,
  followUp: (lang: Locale, code?: string) =>
    `${prefix(lang)}${segments[lang].followUp}/${code ? `${encodeURIComponent(code)}/` : ''}`,
  embed: (lang: Locale) => `${prefix(lang)}${segments[lang].embed}/`,
  apiReference: (lang: Locale) => `${prefix(lang)}${segments[lang].apiReference}/`,
  /** Where the no-JavaScript form posts. */
  submissions: (slug: string) => `/api/consultations/${encodeURIComponent(slug)}/submissions`,
  followUpLookup: () => '/api/follow-up',
  openApi: () => '/api/openapi.json',
  widgetScript: (file = 'podium-submit.js') => `/widgets/${file}`,
};

export const otherLocale = (lang: Locale): Locale => (lang === 'nl' ? 'en' : 'nl');
