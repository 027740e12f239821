/** Addresses of the consultation authoring pages and forms, and their entry in the staff navigation. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as consultationTexts from './texts.ts';
import * as topicTexts from './topic-texts.ts';

const en = (lang: Locale, nl: string, english: string) => (lang === 'en' ? english : nl);

export const authoringPaths = {
  list: (lang: Locale) => en(lang, '/beheer/consultaties-opstellen', '/en/manage/consultation-authoring'),
  create: (lang: Locale) => en(lang, '/beheer/consultaties-opstellen/nieuw', '/en/manage/consultation-authoring/new'),
  edit: (lang: Locale, slug: string) =>
    en(lang, `/beheer/consultaties-opstellen/${slug}`, `/en/manage/consultation-authoring/${slug}`),
  outcome: (lang: Locale, slug: string) =>
    en(lang, `/beheer/consultaties-opstellen/${slug}/uitkomst`, `/en/manage/consultation-authoring/${slug}/outcome`),
  /** Form posts go to the Dutch address and carry the page language in a field. */
  createPost: '/beheer/consultaties-opstellen/nieuw',
  savePost: (slug: string) => `/beheer/consultaties-opstellen/${slug}`,
  stagePost: (slug: string) => `/beheer/consultaties-opstellen/${slug}/fase`,
  outcomePost: (slug: string) => `/beheer/consultaties-opstellen/${slug}/uitkomst`,
  api: {
    list: '/api/staff/consultations',
    one: (slug: string) => `/api/staff/consultations/${slug}`,
    stage: (slug: string) => `/api/staff/consultations/${slug}/stage`,
    outcome: (slug: string) => `/api/staff/consultations/${slug}/outcome`,
  },
};

/** The topics pages; form posts go to the Dutch addresses and carry the page language. */
export const topicPaths = {
  list: (lang: Locale) => en(lang, '/beheer/onderwerpen', '/en/manage/topics'),
  edit: (lang: Locale, slug: string) => en(lang, `/beheer/onderwerpen/${slug}`, `/en/manage/topics/${slug}`),
  createPost: '/beheer/onderwerpen',
  savePost: (slug: string) => `/beheer/onderwerpen/${slug}`,
  movePost: (slug: string) => `/beheer/onderwerpen/${slug}/verplaatsen`,
  removePost: (slug: string) => `/beheer/onderwerpen/${slug}/verwijderen`,
  /** The topic's page on the portal. */
  portal: (lang: Locale, slug: string) => en(lang, `/onderwerpen/${slug}/`, `/en/topics/${slug}/`),
};

export const authoringScreens: StaffScreen[] = [
  {
    id: 'consultations.authoring',
    path: authoringPaths.list,
    permission: 'consultations.manage',
    label: { nl: consultationTexts.nl.nav, en: consultationTexts.en.nav },
    section: true,
  },
  {
    id: 'consultations.topics',
    path: topicPaths.list,
    permission: 'consultations.manage',
    label: { nl: topicTexts.nl.nav, en: topicTexts.en.nav },
    section: true,
  },
];
