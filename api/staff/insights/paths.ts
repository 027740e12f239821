/** Addresses of the insights page and its exports, and its entry in the staff navigation. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as insightsTexts from './texts.ts';

const THEME_SEGMENT: Record<Locale, string> = { nl: 'thema', en: 'theme' };

export const insightsPaths = {
  page: (lang: Locale) => (lang === 'en' ? '/en/manage/insights/' : '/beheer/inzichten/'),
  export: (lang: Locale, figure: string, format: 'csv' | 'json') =>
    `${insightsPaths.page(lang)}export/${figure}.${format}`,
  /** The form that renames or merges one theme (the form posts back to it). */
  theme: (lang: Locale, key?: string) =>
    `${insightsPaths.page(lang)}${THEME_SEGMENT[lang]}${key === undefined ? '' : `?key=${encodeURIComponent(key)}`}`,
};

export const insightsScreens: StaffScreen[] = [
  {
    id: 'insights.page',
    path: insightsPaths.page,
    permission: 'insights.read',
    label: { nl: insightsTexts.nl.nav.insights, en: insightsTexts.en.nav.insights },
  },
];
