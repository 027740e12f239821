/** Addresses of the notifications page and its forms, and its entry in the staff navigation. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { notificationsPath } from '../../services/notifications/staff.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as notificationTexts from './texts.ts';

export const notificationPaths = {
  page: (lang: Locale) => notificationsPath(lang),
  markRead: '/beheer/meldingen/gelezen',
  preferences: '/beheer/meldingen/voorkeuren',
};

export const NOTIFICATIONS_SCREEN_ID = 'notifications.page';

export const notificationScreens: StaffScreen[] = [
  {
    id: NOTIFICATIONS_SCREEN_ID,
    path: notificationPaths.page,
    // Everyone who logs in may be notified (assignments, security alerts for administrators).
    permission: 'session',
    label: { nl: notificationTexts.nl.nav, en: notificationTexts.en.nav },
  },
];
