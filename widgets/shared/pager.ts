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

/** What a paging widget offers the pager: its texts, focus, live region and events (PodiumElement). */
type PagingWidget = {
  message(key: PagerKey, params?: MessageParams): string;
  focusInside(selector: string): Promise<void>;
  announce(text: string): void;
  emit<T>(name: string, detail: T): boolean;
};

/**
 * After another page came in at the reader's request: focus on the widget's heading (so the
 * reader starts at the top of the new page), the page said in the live region, and
 * `podium-page-changed` for the host page.
 */
export function pageShown<T extends { page: number; pageCount: number }>(
  widget: PagingWidget,
  heading: string,
  detail: T,
): void {
  void widget.focusInside(heading);
  widget.announce(widget.message('pageOf', { page: detail.page, pages: detail.pageCount }));
  widget.emit<T>('page-changed', detail);
}

/** Nothing when everything fits on one page. */
export function renderPager(
  widget: Pick<PagingWidget, 'message'>,
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
