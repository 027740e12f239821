/**
 * The portal's growing lists: published responses on a consultation (its own page and the
 * paged responses pages) and the recently answered input on the home page. The API renders
 * them into the built pages' slots at request time (api/routes/portal-lists.ts); the build
 * renders the same functions with what it knows (the counts), so the look stays one.
 */
import type { Consultation, Locale, PublishedSubmission } from '../contracts/public-content.ts';
import { textsFor } from '../i18n.ts';
import * as consultationTexts from '../texts/consultation.ts';
import * as homeTexts from '../texts/home.ts';
import * as responsesTexts from '../texts/responses.ts';
import { routes } from '../urls.ts';
import { attrs, html, inlineText, join, localized, nothing, time, type Html } from '../html/index.ts';
import { renderPublishedSubmission } from './answers.ts';

/** How many responses one responses page shows. */
export const RESPONSES_PER_PAGE = 10;
/** How many the consultation page shows before linking to all of them. */
export const RESPONSES_ON_CONSULTATION_PAGE = 5;
/** How many answered items the home page shows. */
export const RECENTLY_ANSWERED = 5;

export type ResponsesListPage = {
  consultation: Consultation;
  lang: Locale;
  items: readonly PublishedSubmission[];
  page: number;
  pages: number;
  total: number;
  from: number;
  to: number;
};

const submissionsHtml = (items: readonly PublishedSubmission[], consultation: Consultation, lang: Locale) =>
  join(
    items.map((submission) => renderPublishedSubmission(submission, consultation, lang)),
    '\n',
  );

/** The page's own part of the title of a responses page. */
export function responsesTitle(consultation: Consultation, lang: Locale, page: number, pages: number): string {
  const t = textsFor(responsesTexts, lang);
  const name = localized(consultation.title, lang).value;
  return pages > 1 ? t.titlePage(name, page, pages) : t.title(name);
}

/**
 * The page numbers a pager links: the first, the last, and two either side of the
 * current one, so a consultation with thousands of pages still gets a short list.
 */
export function pagerNumbers(page: number, pages: number): Array<number | 'gap'> {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const out: Array<number | 'gap'> = [];
  for (const [index, n] of shown.entries()) {
    if (index > 0 && n - shown[index - 1]! > 1) out.push('gap');
    out.push(n);
  }
  return out;
}

/** The pager of a portal list paged by number (responses, a long conversation); nothing for one page. */
export function renderPager(lang: Locale, page: number, pages: number, href: (n: number) => string): Html {
  if (pages <= 1) return nothing;
  const t = textsFor(responsesTexts, lang);
  const items = pagerNumbers(page, pages).map((n) =>
    n === 'gap'
      ? html`<li aria-hidden="true">…</li>`
      : html`<li><a${attrs({
          href: href(n),
          'aria-current': n === page ? 'page' : undefined,
          'aria-label': t.pageLabel(n),
        })}>${n}</a></li>`,
  );
  return html`<nav class="podium-pagination" aria-label="${t.pagination}">
<ul>
${page > 1 ? html`<li><a href="${href(page - 1)}" rel="prev">${t.previous}</a></li>` : nothing}
${join(items, '\n')}
${page < pages ? html`<li><a href="${href(page + 1)}" rel="next">${t.next}</a></li>` : nothing}
</ul>
</nav>`;
}

/** One page of a consultation's responses: a summary heading, the responses, the pager. */
export function renderResponsesList(list: ResponsesListPage): Html {
  const { consultation: c, lang } = list;
  const t = textsFor(responsesTexts, lang);
  const m = textsFor(consultationTexts, lang);
  return html`<h2>${list.total > 0 ? t.summary(list.from, list.to, list.total) : m.publishedHeading(0)}</h2>
${submissionsHtml(list.items, c, lang)}
${list.total === 0 ? html`<p>${m.noPublished}</p>` : nothing}
${renderPager(lang, list.page, list.pages, (n) => routes.responses(lang, c.slug, n))}`;
}

/** The newest responses on a consultation's own page, under a heading with their count. */
export function renderNewestResponses(list: {
  consultation: Consultation;
  lang: Locale;
  items: readonly PublishedSubmission[];
  total: number;
}): Html {
  const m = textsFor(consultationTexts, list.lang);
  return html`<h2>${m.publishedHeading(list.total)}</h2>
${list.total > 0 ? submissionsHtml(list.items, list.consultation, list.lang) : html`<p>${m.noPublished}</p>`}`;
}

/** The link from a consultation's page to all its responses, once there are any. */
export function renderAllResponsesLink(lang: Locale, slug: string, total: number): Html {
  if (total === 0) return nothing;
  return html`<p><a class="podium-link-target" href="${routes.responses(lang, slug)}">${textsFor(responsesTexts, lang).allLink}</a></p>`;
}

const excerpt = (text: string, max = 220) =>
  text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, '')}…` : text;

/** The home page's recently answered input: each with the consultation and the newest reply. */
export function renderRecentlyAnswered(
  lang: Locale,
  entries: ReadonlyArray<{ submission: PublishedSubmission; consultation: Consultation }>,
): Html {
  const home = textsFor(homeTexts, lang);
  const m = textsFor(consultationTexts, lang);
  const cards = entries.flatMap(({ submission, consultation }) => {
    const reply = [...submission.replies].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))[0];
    if (!reply) return [];
    const meta = join(
      [
        m.replyHeading,
        reply.department ? inlineText(reply.department, lang) : undefined,
        time({ moment: reply.publishedAt, lang }),
      ].filter((part) => part !== undefined),
      ', ',
    );
    return [
      html`<li class="podium-card">
<h3><a href="${`${routes.consultation(lang, consultation.slug)}#submission-${submission.id}`}">${inlineText(consultation.title, lang)}</a></h3>
<p class="podium-meta">${meta}</p>
<p${attrs({ lang: reply.language === lang ? undefined : reply.language })}>${excerpt(reply.body)}</p>
</li>`,
    ];
  });
  if (cards.length === 0) return html`<p>${home.noAnswers}</p>`;
  return html`<ul class="podium-card-list">
${join(cards, '\n')}
</ul>`;
}
