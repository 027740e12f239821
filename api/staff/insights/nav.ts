/** The staff nav links to the insights pages and the audit log, for the roles that may open them. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as insightsTexts from './texts.ts';
import { can, type RoleGrant } from '../../services/auth/roles.ts';
import type { NavEntry } from '../kit/components.ts';

export const auditPaths = {
  page: (lang: Locale) => (lang === 'en' ? '/en/manage/audit/' : '/beheer/audit/'),
  export: (lang: Locale, format: 'csv' | 'json') => `${auditPaths.page(lang)}export.${format}`,
};

export const insightsPaths = {
  page: (lang: Locale) => (lang === 'en' ? '/en/manage/insights/' : '/beheer/inzichten/'),
  export: (lang: Locale, figure: string, format: 'csv' | 'json') =>
    `${insightsPaths.page(lang)}export/${figure}.${format}`,
};

export function insightsNavEntries(
  lang: Locale,
  path: string | undefined,
  roles: readonly RoleGrant[] = [],
): NavEntry[] {
  const t = textsFor(insightsTexts, lang).nav;
  const entry = (href: string, label: string): NavEntry => ({ href, label, current: path === href });
  return [
    ...(can(roles, 'insights.read') ? [entry(insightsPaths.page(lang), t.insights)] : []),
    ...(can(roles, 'admin') ? [entry(auditPaths.page(lang), t.audit)] : []),
  ];
}
