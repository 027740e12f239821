/**
 * Links to the previous and next page of a long list, optionally with numbered pages and
 * a status line ("Pagina 2 van 5"). Previous and next carry rel="prev"/"next"; the page
 * you are on carries aria-current="page".
 */
import { attrs, html, nothing, type Html } from '../../core.ts';

export type PagerLink = { href: string; label: string };
export type PagerPage = PagerLink & {
  /** A fuller name for a bare number, e.g. "Pagina 2". */
  ariaLabel?: string | undefined;
  current?: boolean | undefined;
};

export type PagerOptions = {
  className: string;
  /** The landmark's name. */
  label: string;
  status?: string | undefined;
  previous?: PagerLink | undefined;
  pages?: readonly PagerPage[] | undefined;
  next?: PagerLink | undefined;
};

export function pager({ className, label, status, previous, pages = [], next }: PagerOptions): Html {
  const items = [
    previous && html`<li><a href="${previous.href}" rel="prev">${previous.label}</a></li>`,
    ...pages.map(
      (page) =>
        html`<li><a${attrs({
          href: page.href,
          'aria-current': page.current ? 'page' : undefined,
          'aria-label': page.ariaLabel,
        })}>${page.label}</a></li>`,
    ),
    next && html`<li><a href="${next.href}" rel="next">${next.label}</a></li>`,
  ].filter((item): item is Html => !!item);
  return html`<nav class="${className}" aria-label="${label}">${status === undefined ? nothing : html`<p>${status}</p>`}<ul>
${items.map((item) => html`${item}\n`)}</ul></nav>`;
}
