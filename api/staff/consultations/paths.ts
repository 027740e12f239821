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
  /** Adding, saving, moving and removing an image (multipart; a larger body limit in api/app.ts). */
  imagesPost: (slug: string) => `/beheer/consultaties-opstellen/${slug}/afbeeldingen`,
  /** An image as the workbench shows it (drafts too), for signed-in staff only. */
  image: (slug: string, id: string) => `/beheer/consultaties-opstellen/${slug}/afbeeldingen/${id}`,
  api: {
    list: '/api/staff/consultations',
    one: (slug: string) => `/api/staff/consultations/${slug}`,
    stage: (slug: string) => `/api/staff/consultations/${slug}/stage`,
    outcome: (slug: string) => `/api/staff/consultations/${slug}/outcome`,
    images: (slug: string) => `/api/staff/consultations/${slug}/images`,
  },
};

/** The image form and the JSON image routes take a file: larger body limits (api/app.ts). */
export const CONSULTATION_IMAGE_FORM = /^\/beheer\/consultaties-opstellen\/[a-z0-9-]+\/afbeeldingen$/;
export const CONSULTATION_IMAGE_API = /^\/api\/staff\/consultations\/[a-z0-9-]+\/images(?:\/[^/]+)?$/;
/** Well above the 2 MB an image may have, so a larger one is refused with a clear message. */
export const CONSULTATION_IMAGE_FORM_MAX_BYTES = 8 * 1024 * 1024;
/** The same in base64 (4/3) with room for the texts. */
export const CONSULTATION_IMAGE_JSON_MAX_BYTES = 11 * 1024 * 1024;

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
