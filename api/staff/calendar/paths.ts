/** Address of the office-calendar screen and its entry in the staff navigation. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as calendarTexts from './texts.ts';

export const calendarPaths = {
  home: (lang: Locale) => (lang === 'en' ? '/en/manage/office-calendar' : '/beheer/kantoorkalender'),
  save: '/beheer/kantoorkalender',
};

export const calendarScreens: StaffScreen[] = [
  {
    id: 'calendar.home',
    path: calendarPaths.home,
    permission: 'admin',
    label: { nl: calendarTexts.nl.nav, en: calendarTexts.en.nav },
  },
];
