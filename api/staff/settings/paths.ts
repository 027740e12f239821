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
  organisation: (lang: Locale) =>
    lang === 'en' ? '/en/manage/settings/organisation' : '/beheer/instellingen/organisatie',
  organisationSave: '/beheer/instellingen/organisatie',
  departments: (lang: Locale) =>
    lang === 'en' ? '/en/manage/settings/departments' : '/beheer/instellingen/afdelingen',
  departmentsSave: '/beheer/instellingen/afdelingen',
  /** The organisation page's colour preview (progressive enhancement; the server's check is the rule). */
  themePreviewScript: '/beheer/assets/theme-preview.js',
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

/**
 * The organisation page's form carries the logo: it gets a larger body limit than other
 * staff forms, so a file that is too large still gets the page's own message, not a bare 413.
 */
export const ORGANISATION_FORM_MAX_BYTES = 2 * 1024 * 1024;
/** The JSON logo upload (base64 of at most MAX_LOGO_BYTES, with its text). */
export const LOGO_API_MAX_BYTES = 512 * 1024;
