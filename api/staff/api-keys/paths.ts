/** Addresses of the personal API keys page and its forms, and its entry in the staff navigation. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as apiKeyTexts from './texts.ts';

export const apiKeyPaths = {
  page: (lang: Locale) => (lang === 'en' ? '/en/manage/api-keys' : '/beheer/api-sleutels'),
  create: '/beheer/api-sleutels',
  revoke: (id: string) => `/beheer/api-sleutels/${id}/intrekken`,
  /** The machine-readable description of the staff API a script calls with a key. */
  openApi: '/api/openapi.json',
};

export const apiKeyScreens: StaffScreen[] = [
  {
    id: 'api-keys.page',
    path: apiKeyPaths.page,
    permission: 'session',
    label: { nl: apiKeyTexts.nl.nav, en: apiKeyTexts.en.nav },
  },
];
