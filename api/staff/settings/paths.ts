/** Addresses of the settings pages (administrators) and their entries in the staff navigation. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as settingsTexts from './texts.ts';

export const settingsPaths = {
  houseRules: (lang: Locale) => (lang === 'en' ? '/en/manage/settings/house-rules' : '/beheer/instellingen/huisregels'),
  houseRulesSave: '/beheer/instellingen/huisregels',
};

export const settingsScreens: StaffScreen[] = [
  {
    id: 'settings.houseRules',
    path: settingsPaths.houseRules,
    permission: 'admin',
    label: { nl: settingsTexts.nl.houseRules.nav, en: settingsTexts.en.houseRules.nav },
  },
];
