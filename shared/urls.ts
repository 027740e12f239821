/**
 * The portal's URLs in both languages, in one place: pages, render functions and the
 * API build links with these, so a renamed path changes everywhere at once.
 */
import type { Locale } from './contracts/public-content.ts';

const segments = {
  nl: {
    topics: 'onderwerpen',
    consultations: 'consultaties',
    confirmation: 'bevestiging',
    followUp: 'volg',
    embed: 'embed',
    apiReference: 'api-documentatie',
    responses: 'reacties',
    results: 'uitkomsten',
    accessibility: 'toegankelijkheid',
    privacy: 'privacy',
    houseRules: 'huisregels',
    contact: 'contact',
    conversations: 'gesprekken',
    news: 'nieuws',
    myData: 'gegevens',
    erase: 'verwijderen',
  },
  en: {
    topics: 'topics',
    consultations: 'consultations',
    confirmation: 'confirmation',
    followUp: 'follow-up',
    embed: 'embed',
    apiReference: 'api-reference',
    responses: 'responses',
    results: 'outcomes',
    accessibility: 'accessibility',
    privacy: 'privacy',
    houseRules: 'house-rules',
    contact: 'contact',
    conversations: 'conversations',
    news: 'news',
    myData: 'my-data',
    erase: 'erase',
  },
} as const;

const prefix = (lang: Locale) => (lang === 'nl' ? '/' : '/en/');

export const routes = {
  home: (lang: Locale) => prefix(lang),
  topics: (lang: Locale) => `${prefix(lang)}${segments[lang].topics}/`,
  /** Published responses with answers, paged; page 1 has no number in its address. */
  responses: (lang: Locale, slug: string, page = 1) =>
    `${prefix(lang)}${segments[lang].consultations}/${encodeURIComponent(slug)}/${segments[lang].responses}/${page > 1 ? `${page}/` : ''}`,
  results: (lang: Locale) => `${prefix(lang)}${segments[lang].results}/`,
  accessibility: (lang: Locale) => `${prefix(lang)}${segments[lang].accessibility}/`,
  privacy: (lang: Locale) => `${prefix(lang)}${segments[lang].privacy}/`,
  houseRules: (lang: Locale) => `${prefix(lang)}${segments[lang].houseRules}/`,
  contact: (lang: Locale) => `${prefix(lang)}${segments[lang].contact}/`,
  /** Every mirrored social-media conversation. */
  conversations: (lang: Locale, page = 1) =>
    `${prefix(lang)}${segments[lang].conversations}/${page > 1 ? `${page}/` : ''}`,
  conversation: (lang: Locale, id: string, page = 1) =>
    `${prefix(lang)}${segments[lang].conversations}/${encodeURIComponent(id)}/${page > 1 ? `${page}/` : ''}`,
  /**
   * Where the build puts the one page every conversation is served in (its head and posts
   * filled per request): not a page of its own, the API answers it with a 404.
   */
  conversationShell: (lang: Locale) => `${prefix(lang)}${segments[lang].conversations}/_/`,
  /** The municipality's announcements, newest first; each at its own address; the Atom feed. */
  news: (lang: Locale) => `${prefix(lang)}${segments[lang].news}/`,
  newsItem: (lang: Locale, slug: string) => `${prefix(lang)}${segments[lang].news}/${encodeURIComponent(slug)}/`,
  newsFeed: (lang: Locale) => `${prefix(lang)}${segments[lang].news}/feed.xml`,
  topic: (lang: Locale, slug: string) => `${prefix(lang)}${segments[lang].topics}/${encodeURIComponent(slug)}/`,
  consultation: (lang: Locale, slug: string) =>
    `${prefix(lang)}${segments[lang].consultations}/${encodeURIComponent(slug)}/`,
  confirmation: (lang: Locale, code?: string) =>
    `${prefix(lang)}${segments[lang].confirmation}/${code ? `${encodeURIComponent(code)}/` : ''}`,
  followUp: (lang: Locale, code?: string) =>
    `${prefix(lang)}${segments[lang].followUp}/${code ? `${encodeURIComponent(code)}/` : ''}`,
  /** The page that asks for erasure of the input with this code, and takes the confirmation. */
  erase: (lang: Locale, code: string) =>
    `${prefix(lang)}${segments[lang].followUp}/${encodeURIComponent(code)}/${segments[lang].erase}/`,
  /** Everything held about input, as a JSON download (the API answers it). */
  exportData: (code: string) => `/api/follow-up/${encodeURIComponent(code)}/export`,
  /** Asking for an e-mail link to one's input; with a token, the page that link opens. */
  myData: (lang: Locale, token?: string) =>
    `${prefix(lang)}${segments[lang].myData}/${token ? `${encodeURIComponent(token)}/` : ''}`,
  embed: (lang: Locale) => `${prefix(lang)}${segments[lang].embed}/`,
  apiReference: (lang: Locale) => `${prefix(lang)}${segments[lang].apiReference}/`,
  /** Where the no-JavaScript form posts. */
  submissions: (slug: string) => `/api/consultations/${encodeURIComponent(slug)}/submissions`,
  followUpLookup: () => '/api/follow-up',
  openApi: () => '/api/openapi.json',
  widgetScript: (file = 'podium-submit.js') => `/widgets/${file}`,
};

export const otherLocale = (lang: Locale): Locale => (lang === 'nl' ? 'en' : 'nl');
