/**
 * A page of a consultation's responses in the built shell. The build makes page 1 only
 * (site/components/pages/ResponsesPage.astro); a later page takes its shell and names itself
 * in the title, the canonical address and the language links, so each page is a page of
 * its own for readers, screen readers and search engines.
 */
import type { Consultation, Locale } from '../../shared/contracts/public-content.ts';
import { html, type Html } from '../../shared/html/index.ts';
import { responsesTitle } from '../../shared/render/published-lists.ts';
import { otherLocale, routes } from '../../shared/urls.ts';
import { fillSlot, minimalPage } from './page-shell.ts';

export function responsesPage(options: {
  shell: string | undefined;
  consultation: Consultation;
  lang: Locale;
  page: number;
  pages: number;
  content: Html;
}): string {
  const { consultation, lang, page, pages } = options;
  const title = responsesTitle(consultation, lang, page, pages);
  if (!options.shell) return minimalPage(lang, title, options.content);
  let shell = options.shell.replace(
    `<title>${String(html`${responsesTitle(consultation, lang, 1, 1)}`)}`,
    () => `<title>${String(html`${title}`)}`,
  );
  if (page > 1) {
    for (const language of [lang, otherLocale(lang)]) {
      const first = routes.responses(language, consultation.slug);
      shell = shell.split(`${first}"`).join(`${routes.responses(language, consultation.slug, page)}"`);
    }
  }
  return fillSlot(shell, 'responses', options.content);
}
