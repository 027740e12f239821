/** The shape of a staff screen's entry in the registry (./registry.ts); each group's `paths.ts` exports its entries. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { Permission } from '../../services/auth/roles.ts';

export type StaffScreen = {
  /** `<group>.<screen>`, stable: tests and the nav's markup refer to it. */
  id: string;
  path: (lang: Locale) => string;
  /** `session`: anyone logged in (the page itself says what a role may do there). */
  permission: Permission | 'session';
  label: Record<Locale, string>;
  /** Also the current entry on the pages below its path (a screen with sub-pages). */
  section?: boolean;
};
