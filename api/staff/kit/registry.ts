/**
 * Every staff screen that has a place in the navigation, with the permission it needs:
 * each screen group contributes its entries from its own `paths.ts`, and this list says
 * which groups there are and in what order the nav shows them. A new screen group adds
 * its `paths.ts` here; the role table (tests/api/staff/role-table.ts) names its routes.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { can, type RoleGrant } from '../../services/auth/roles.ts';
import { accountScreens } from '../accounts/paths.ts';
import { announcementScreens } from '../announcements/paths.ts';
import { apiKeyScreens } from '../api-keys/paths.ts';
import { auditScreens } from '../audit/paths.ts';
import { authoringScreens } from '../consultations/paths.ts';
import { colleagueScreens } from '../colleagues/paths.ts';
import { embeddingScreens } from '../embedding/paths.ts';
import { signInScreens } from '../sign-in/paths.ts';
import { calendarScreens } from '../calendar/paths.ts';
import { insightsScreens } from '../insights/paths.ts';
import { notificationScreens } from '../notifications/paths.ts';
import { privacyScreens } from '../privacy/paths.ts';
import { queueScreens } from '../queue/paths.ts';
import { settingsScreens } from '../settings/paths.ts';
import { threadScreens } from '../threads/paths.ts';
import { webcareScreens } from '../webcare/paths.ts';
import { secondFactorScreens, signInSecurityScreens } from '../second-factor/paths.ts';
import type { StaffScreen } from './screen.ts';

export type { StaffScreen };

export const STAFF_SCREENS: readonly StaffScreen[] = [
  ...queueScreens,
  ...webcareScreens,
  ...threadScreens,
  ...authoringScreens,
  ...announcementScreens,
  ...calendarScreens,
  ...settingsScreens,
  ...insightsScreens,
  ...accountScreens,
  ...auditScreens,
  ...privacyScreens,
  ...colleagueScreens,
  ...signInSecurityScreens,
  ...embeddingScreens,
  ...signInScreens,
  ...notificationScreens,
  ...secondFactorScreens,
  ...apiKeyScreens,
];

export type NavEntry = { id: string; href: string; text: string; current: boolean };

/** The screens someone with these roles may open. */
export function visibleScreens(roles: readonly RoleGrant[]): StaffScreen[] {
  return STAFF_SCREENS.filter((screen) => screen.permission === 'session' || can(roles, screen.permission));
}

/**
 * The staff navigation for these roles, in the page's language, marking the entry for the
 * page at `currentPath` (for `aria-current="page"`).
 *
 * @example
 * staffNav('nl', session.roles, '/beheer/te-laat')
 * // [{ id: 'queue.home', href: '/beheer/', text: 'Wachtrij', current: false },
 * //  { id: 'webcare.overdue', href: '/beheer/te-laat', text: 'Te laat', current: true }, …]
 */
export function staffNav(lang: Locale, roles: readonly RoleGrant[], currentPath?: string): NavEntry[] {
  return visibleScreens(roles).map((screen) => {
    const href = screen.path(lang);
    const current =
      currentPath !== undefined && (currentPath === href || (!!screen.section && currentPath.startsWith(`${href}/`)));
    return { id: screen.id, href, text: screen.label[lang], current };
  });
}
