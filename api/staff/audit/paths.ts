/** Addresses of the audit-log viewer and its exports, and its entry in the staff navigation. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as insightsTexts from '../insights/texts.ts';

export const auditPaths = {
  page: (lang: Locale) => (lang === 'en' ? '/en/manage/audit/' : '/beheer/audit/'),
  export: (lang: Locale, format: 'csv' | 'json') => `${auditPaths.page(lang)}export.${format}`,
};

export const auditScreens: StaffScreen[] = [
  {
    id: 'audit.page',
    path: auditPaths.page,
    permission: 'admin',
    label: { nl: insightsTexts.nl.nav.audit, en: insightsTexts.en.nav.audit },
  },
];
