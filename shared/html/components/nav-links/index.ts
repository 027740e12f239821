/**
 * Navigation links with the current page marked (aria-current="page"), as list items to
 * compose with others (the staff nav gathers its items from several feature folders) or
 * as a whole `<nav>` landmark.
 */
import { attrs, html, type Html } from '../../core.ts';

export type NavLink = { href: string; label: string; current?: boolean | undefined };

export type NavLinksOptions = {
  /** The landmark's name, e.g. "Beheer" or "Pagina's". */
  label: string;
  listClass?: string | undefined;
  links: readonly NavLink[];
};

/** The links as `<li>` items, without a list around them. */
export function navItems(links: readonly NavLink[]): Html {
  return html`${links.map(
    (link) =>
      html`<li><a${attrs({ href: link.href, 'aria-current': link.current ? 'page' : undefined })}>${link.label}</a></li>`,
  )}`;
}

/** A `<nav>` landmark with the links in a list. */
export function navLinks({ label, listClass, links }: NavLinksOptions): Html {
  return html`<nav aria-label="${label}"><ul${attrs({ class: listClass })}>${navItems(links)}</ul></nav>`;
}
