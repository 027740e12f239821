/** Addresses of the colleagues pages and forms, and their entry in the staff navigation. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { invitationPath } from '../../services/auth/colleagues.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as colleagueTexts from './texts.ts';

const en = (lang: Locale, nl: string, english: string) => (lang === 'en' ? english : nl);

export const colleaguePaths = {
  list: (lang: Locale) => en(lang, '/beheer/collegas', '/en/manage/colleagues'),
  person: (lang: Locale, id: string) => en(lang, `/beheer/collegas/${id}`, `/en/manage/colleagues/${id}`),
  invite: '/beheer/collegas/uitnodigen',
  roles: (id: string) => `/beheer/collegas/${id}/rollen`,
  status: (id: string) => `/beheer/collegas/${id}/status`,
  resend: (id: string) => `/beheer/collegas/${id}/uitnodiging`,
  /** Public: the link in the invitation mail (the token in the query). */
  setPassword: invitationPath,
};

export const colleagueScreens: StaffScreen[] = [
  {
    id: 'colleagues.list',
    path: colleaguePaths.list,
    permission: 'admin',
    label: { nl: colleagueTexts.nl.nav, en: colleagueTexts.en.nav },
    section: true,
  },
];
