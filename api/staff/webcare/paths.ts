/** Addresses of the webcare pages, forms and scripts, and their entries in the staff navigation. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as webcareTexts from './texts.ts';

const en = (lang: Locale, nl: string, english: string) => (lang === 'en' ? english : nl);

export const webcarePaths = {
  overdue: (lang: Locale) => en(lang, '/beheer/te-laat', '/en/manage/overdue'),
  templates: (lang: Locale) => en(lang, '/beheer/sjablonen', '/en/manage/templates'),
  routing: (lang: Locale) => en(lang, '/beheer/routering', '/en/manage/routing'),
  shortcuts: (lang: Locale) => en(lang, '/beheer/sneltoetsen', '/en/manage/shortcuts'),
  answer: (lang: Locale, id: string) => en(lang, `/beheer/items/${id}/antwoord`, `/en/manage/items/${id}/answer`),
  consultations: (lang: Locale) => en(lang, '/beheer/consultaties', '/en/manage/consultations'),
  consultation: (lang: Locale, slug: string) =>
    en(lang, `/beheer/consultaties/${slug}`, `/en/manage/consultations/${slug}`),
  templateSave: '/beheer/sjablonen',
  templateDelete: (id: string) => `/beheer/sjablonen/${id}/verwijderen`,
  routingSave: '/beheer/routering',
  routingDelete: (id: string) => `/beheer/routering/${id}/verwijderen`,
  readabilityApi: '/api/staff/readability',
  readabilityScript: '/beheer/assets/readability.js',
  shortcutsScript: '/beheer/assets/shortcuts.js',
};

const label = (key: keyof (typeof webcareTexts.nl)['nav']) => ({
  nl: webcareTexts.nl.nav[key],
  en: webcareTexts.en.nav[key],
});

export const webcareScreens: StaffScreen[] = [
  { id: 'webcare.overdue', path: webcarePaths.overdue, permission: 'queue.read', label: label('overdue') },
  {
    id: 'webcare.consultations',
    path: webcarePaths.consultations,
    permission: 'queue.read',
    label: label('consultations'),
  },
  { id: 'webcare.templates', path: webcarePaths.templates, permission: 'admin', label: label('templates') },
  { id: 'webcare.routing', path: webcarePaths.routing, permission: 'admin', label: label('routing') },
  { id: 'webcare.shortcuts', path: webcarePaths.shortcuts, permission: 'queue.read', label: label('shortcuts') },
];
