/** Addresses of the thread-import page and its forms, and its entry in the staff navigation. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { StaffScreen } from '../kit/screen.ts';
import * as threadTexts from './texts.ts';

export const threadPaths = {
  page: (lang: Locale) => (lang === 'en' ? '/en/manage/conversations' : '/beheer/gesprekken'),
  /** The import form posts here; `?lang=en` so even a refusal before the body is read speaks English. */
  importForm: '/beheer/gesprekken/importeren',
  sync: (id: string) => `/beheer/gesprekken/${encodeURIComponent(id)}/bijwerken`,
  syncRoute: '/beheer/gesprekken/:id/bijwerken',
};

/**
 * What the import form may carry on the wire: two export files up to the JSON limit (2 MB
 * together) with room to spare, so a file that is too large is refused by the route, in the
 * page, with what was typed kept; only beyond this does the transport refuse.
 */
export const THREAD_IMPORT_FORM_MAX_BYTES = 8 * 1024 * 1024;

export const threadScreens: StaffScreen[] = [
  {
    id: 'threads.page',
    path: threadPaths.page,
    permission: 'threads.import',
    label: { nl: threadTexts.nl.nav, en: threadTexts.en.nav },
  },
];
