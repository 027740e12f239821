/** Addresses of the settings pages (administrators) and their entries in the staff navigation. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as settingsTexts from './texts.ts';

export const settingsPaths = {
  home: (lang: Locale) => (lang === 'en' ? '/en/manage/settings' : '/beheer/instellingen'),
  houseRules: (lang: Locale) => (lang === 'en' ? '/en/manage/settings/house-rules' : '/beheer/instellingen/huisregels'),
  houseRulesSave: '/beheer/instellingen/huisregels',
  statement: (lang: Locale) =>
    lang === 'en' ? '/en/manage/settings/accessibility-statement' : '/beheer/instellingen/toegankelijkheidsverklaring',
  statementSave: '/beheer/instellingen/toegankelijkheidsverklaring',
  guidelines: (lang: Locale) =>
    lang === 'en' ? '/en/manage/settings/channel-guidelines' : '/beheer/instellingen/kanaalrichtlijnen',
  guidelinesSave: '/beheer/instellingen/kanaalrichtlijnen',
};

export const settingsScreens: StaffScreen[] = [
  {
    id: 'settings.home',
    path: settingsPaths.home,
    permission: 'admin',
    label: { nl: settingsTexts.nl.nav, en: settingsTexts.en.nav },
    // Each settings page (house rules, …) is found from this one, which stays current there.
    section: true,
  },
];
