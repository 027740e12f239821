/**
 * A page of a list paged by number in the built shell of its first page: a consultation's
 * responses, a long mirrored conversation. The build makes page 1 only; every page takes its
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
  /** The page's address in a language; page 1's is the one the shell was built at. */
  path: (lang: Locale, page: number) => string;
  slot: string;
  content: Html;
}): string {
  const { lang, page, title } = options;
  if (!options.shell) return minimalPage(lang, title, options.content);
  let shell = options.shell.replace(
    `<title>${String(html`${options.builtTitle}`)}`,
    () => `<title>${String(html`${title}`)}`,
  );
  if (page > 1) {
    for (const language of [lang, otherLocale(lang)]) {
      shell = shell.split(`${options.path(language, 1)}"`).join(`${options.path(language, page)}"`);
    }
  }
  return fillSlot(shell, options.slot, options.content);
}
