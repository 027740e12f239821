/**
 * A page of a list paged by number in a built shell: a consultation's responses (the shell
 * is their first page), a mirrored conversation (one shell for all). Every page takes the
 * shell and names itself in the title, the canonical address and the language links, so each
 * page is a page of its own for readers, screen readers and search engines.
 */
import type { Locale } from '../../shared/contracts/public-content.ts';
import { html, type Html } from '../../shared/html/index.ts';
import { otherLocale } from '../../shared/urls.ts';
import { fillSlot, minimalPage } from './page-shell.ts';

export function numberedPage(options: {
  shell: string | undefined;
  lang: Locale;
  page: number;
  /** The title the build gave the first page, and this page's. */
  builtTitle: string;
  title: string;
  /** The page's address in a language. */
  path: (lang: Locale, page: number) => string;
  /** Where the shell was built, when not at page 1's address (the one conversation page). */
  builtPath?: (lang: Locale) => string;
  slot: string;
  content: Html;
}): string {
  const { lang, page, title } = options;
  if (!options.shell) return minimalPage(lang, title, options.content);
  let shell = options.shell.replace(
    `<title>${String(html`${options.builtTitle}`)}`,
    () => `<title>${String(html`${title}`)}`,
  );
  const builtPath = options.builtPath ?? ((language: Locale) => options.path(language, 1));
  for (const language of [lang, otherLocale(lang)]) {
    const from = builtPath(language);
    const to = options.path(language, page);
    if (from !== to) shell = shell.split(`${from}"`).join(`${to}"`);
  }
  return fillSlot(shell, options.slot, options.content);
}
