/** Addresses of the connected-accounts page and its forms, and its entry in the staff navigation. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { MASTODON_CALLBACK_PATH } from '../../services/social/mastodon-oauth.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as accountTexts from './texts.ts';

export const accountPaths = {
  page: (lang: Locale) => (lang === 'en' ? '/en/manage/social-accounts' : '/beheer/sociale-accounts'),
  connect: '/beheer/sociale-accounts',
  connectBluesky: '/beheer/sociale-accounts/bluesky',
  /** Starts connecting through OAuth; the instance sends the browser back to MASTODON_CALLBACK_PATH. */
  connectMastodon: '/beheer/sociale-accounts/mastodon',
  mastodonCallback: MASTODON_CALLBACK_PATH,
  revoke: (id: string) => `/beheer/sociale-accounts/${id}/intrekken`,
  listening: (id: string) => `/beheer/sociale-accounts/${id}/luisteren`,
};

export const accountScreens: StaffScreen[] = [
  {
    id: 'accounts.page',
    path: accountPaths.page,
    permission: 'admin',
    label: { nl: accountTexts.nl.nav, en: accountTexts.en.nav },
  },
];
