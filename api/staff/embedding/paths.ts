/** Addresses of the embedding page and its forms, and its entry in the staff navigation. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as embeddingTexts from './texts.ts';

export const embeddingPaths = {
  page: (lang: Locale) => (lang === 'en' ? '/en/manage/embedding' : '/beheer/insluiten'),
  add: '/beheer/insluiten',
  remove: '/beheer/insluiten/verwijderen',
  /** The portal's page for web editors (site/). */
  embedGuide: (lang: Locale) => (lang === 'en' ? '/en/embed/' : '/embed/'),
};

export const embeddingScreens: StaffScreen[] = [
  {
    id: 'embedding.page',
    path: embeddingPaths.page,
    permission: 'admin',
    label: { nl: embeddingTexts.nl.nav, en: embeddingTexts.en.nav },
  },
];
