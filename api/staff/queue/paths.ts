/**
 * Addresses of the queue, of log-in and session, and of the assets every staff page loads;
 * the queue's entry in the staff navigation (api/staff/kit/registry.ts).
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as queueTexts from './texts.ts';

export const staffPaths = {
  login: (lang: Locale) => (lang === 'en' ? '/en/manage/login' : '/beheer/inloggen'),
  queue: (lang: Locale) => (lang === 'en' ? '/en/manage/' : '/beheer/'),
  logout: '/beheer/uitloggen',
  extend: '/beheer/sessie/verlengen',
  /** An item's permanent address: the inbox with the item opened. */
  item: (lang: Locale, id: string) => (lang === 'en' ? `/en/manage/items/${id}` : `/beheer/items/${id}`),
  /** Where the item's one form is sent. */
  itemSave: (id: string) => `/beheer/items/${id}`,
  bulkDecision: '/beheer/items/decision',
  stylesheet: '/beheer/assets/staff.css',
  sessionScript: '/beheer/assets/session.js',
  inboxScript: '/beheer/assets/inbox.js',
  /** How many items arrived in the list since it was shown (the inbox script's live region). */
  newItems: '/api/staff/inbox/new',
};

export const queueScreens: StaffScreen[] = [
  {
    id: 'queue.home',
    path: staffPaths.queue,
    // Everyone lands here after log-in; roles without the queue are sent on to their own page.
    permission: 'session',
    label: { nl: queueTexts.nl.header.queue, en: queueTexts.en.header.queue },
  },
];

/** A person's saved inbox views: the page to rename and delete them, and its forms. */
export const savedViewPaths = {
  page: (lang: Locale) => (lang === 'en' ? '/en/manage/views' : '/beheer/weergaven'),
  save: '/beheer/weergaven',
  rename: (id: string) => `/beheer/weergaven/${id}/naam`,
  remove: (id: string) => `/beheer/weergaven/${id}/verwijderen`,
};

/** Four eyes on an answer: the item page's forms that approve it or send it back (answer-approval-routes.ts). */
export const answerApprovalPaths = {
  approve: (id: string) => `/beheer/items/${id}/antwoord/goedkeuren`,
  return: (id: string) => `/beheer/items/${id}/antwoord/terugsturen`,
};

/** Who else has an item open: the item page's heartbeat, its goodbye, and the script that sends them. */
export const presencePaths = {
  heartbeat: (id: string) => `/api/staff/items/${id}/presence`,
  leave: (id: string) => `/api/staff/items/${id}/presence/leave`,
  script: '/beheer/assets/presence.js',
  /** Heartbeats are not activity: an item page left open must not keep its session alive. */
  isHeartbeat: (path: string) => /^\/api\/staff\/items\/[^/]+\/presence(?:\/leave)?$/.test(path),
};
