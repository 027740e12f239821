/** Addresses of the announcement composer and its forms, and its entry in the staff navigation. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as announcementTexts from './texts.ts';

const en = (lang: Locale, nl: string, english: string) => (lang === 'en' ? english : nl);

export const announcementPaths = {
  list: (lang: Locale) => en(lang, '/beheer/aankondigingen', '/en/manage/announcements'),
  compose: (lang: Locale) => en(lang, '/beheer/aankondigingen/nieuw', '/en/manage/announcements/new'),
  one: (lang: Locale, id: string) => `${announcementPaths.list(lang)}/${id}`,
  create: '/beheer/aankondigingen',
  save: (id: string) => `/beheer/aankondigingen/${id}`,
  approve: (id: string) => `/beheer/aankondigingen/${id}/goedkeuren`,
  remove: (id: string) => `/beheer/aankondigingen/${id}/verwijderen`,
  /** Where staff paste the address of the post they made by hand on X, Facebook or Instagram. */
  copy: (id: string) => `/beheer/aankondigingen/${id}/elders`,
  /** Where a platform's export file with the replies to that post is imported into its thread. */
  copyReplies: (id: string) => `/beheer/aankondigingen/${id}/elders/reacties`,
  copyScript: '/beheer/assets/copy-text.js',
};

/** Large enough for four images of 1 MB each and the text. */
export const ANNOUNCEMENT_FORM_MAX_BYTES = 5 * 1024 * 1024;

export const announcementScreens: StaffScreen[] = [
  {
    id: 'announcements.list',
    path: announcementPaths.list,
    permission: 'announcements.write',
    section: true,
    label: { nl: announcementTexts.nl.nav, en: announcementTexts.en.nav },
  },
];
