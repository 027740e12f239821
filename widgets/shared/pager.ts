/**
 * The navigation between the pages of a widget that shows a long list a page at a time
 * (<podium-answers>, <podium-thread>): buttons, not links, as the page changes in place; the
 * widget moves focus to its heading and says the new page in its live region.
 */
import { css, html, nothing, type TemplateResult } from './reactive-element.ts';
import type { MessageParams } from './podium-element.ts';

import type { PagerKey } from './pager-messages.ts';

export const pagerStyles = css`
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em var(--_gap);
  }
  .pager p {
    margin: 0;
  }
`;

/** Nothing when everything fits on one page. */
export function renderPager(
  widget: { message(key: PagerKey, params?: MessageParams): string },
  page: number,
  pageCount: number,
  go: (page: number) => void,
): TemplateResult | typeof nothing {
  if (pageCount <= 1) return nothing;
  const button = (to: number, label: PagerKey) =>
    html`<button class="button secondary" part="button" type="button" @click=${() => go(to)}>
      ${widget.message(label)}
    </button>`;
  return html`<nav class="pager" part="pager" aria-label=${widget.message('pages')}>
    ${page > 1 ? button(page - 1, 'previous') : nothing}
    <p>${widget.message('pageOf', { page: Math.min(page, pageCount), pages: pageCount })}</p>
    ${page < pageCount ? button(page + 1, 'next') : nothing}
  </nav>`;
}
