/**
 * Addresses of the privacy pages and their link in the staff navigation. Apart from the
 * view so the page shell (kit/shell.ts) can import it without a cycle.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as privacyTexts from './texts.ts';
import { can, type RoleGrant } from '../../services/auth/roles.ts';
import type { NavEntry } from '../kit/components.ts';

export const privacyPaths = {
  home: (lang: Locale) => (lang === 'en' ? '/en/manage/privacy' : '/beheer/privacy'),
  search: '/beheer/privacy/zoeken',
  export: '/beheer/privacy/export',
  erase: '/beheer/privacy/verwijderen',
  retention: (lang: Locale) => (lang === 'en' ? '/en/manage/privacy/retention' : '/beheer/privacy/bewaartermijnen'),
  saveRetention: '/beheer/privacy/bewaartermijnen',
};

/** The privacy link, for the roles that may open it; current on every privacy page. */
export function privacyNavEntries(
  lang: Locale,
  path: string | undefined,
  roles: readonly RoleGrant[] = [],
): NavEntry[] {
  if (!can(roles, 'privacy')) return [];
  const href = privacyPaths.home(lang);
  return [{ href, label: textsFor(privacyTexts, lang).nav, current: path?.startsWith(href) ?? false }];
}
