/** Addresses of the privacy screens and their forms, and their entry in the staff navigation. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as privacyTexts from './texts.ts';

export const privacyPaths = {
  home: (lang: Locale) => (lang === 'en' ? '/en/manage/privacy' : '/beheer/privacy'),
  search: '/beheer/privacy/zoeken',
  export: '/beheer/privacy/export',
  erase: '/beheer/privacy/verwijderen',
  retention: (lang: Locale) => (lang === 'en' ? '/en/manage/privacy/retention' : '/beheer/privacy/bewaartermijnen'),
  saveRetention: '/beheer/privacy/bewaartermijnen',
};

export const privacyScreens: StaffScreen[] = [
  {
    id: 'privacy.home',
    path: privacyPaths.home,
    permission: 'privacy',
    label: { nl: privacyTexts.nl.nav, en: privacyTexts.en.nav },
    // The retention page lies below it.
    section: true,
  },
];
