/** Addresses of the sign-in settings page (which provider groups give which role) and its nav entry. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as signInTexts from './texts.ts';

export const signInPaths = {
  page: (lang: Locale) => (lang === 'en' ? '/en/manage/single-sign-on' : '/beheer/aanmelden-via-organisatie'),
  save: '/beheer/aanmelden-via-organisatie',
};

export const signInScreens: StaffScreen[] = [
  {
    id: 'sign-in.mapping',
    path: signInPaths.page,
    permission: 'admin',
    label: { nl: signInTexts.nl.nav, en: signInTexts.en.nav },
  },
];
