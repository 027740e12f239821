/**
 * The pieces every staff screen repeats, in one place: error summary and field error,
 * status notice, hidden fields, the navigation list, localized text, paragraphs and
 * <time>. Each returns `Html` from the escape-by-default kit (shared/html), so a view
 * interpolates them into its own `html` template and never escapes by hand.
 *
 * Stand-ins until the shared components of the kit (shared/html/components) land; then
 * the views import those and this file shrinks to what only the workbench needs.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import {
  attrs,
  errorSummary as kitErrorSummary,
  fieldError as kitFieldError,
  html,
  join,
  nothing,
  raw,
  type Html,
} from '../../../shared/html/index.ts';
import { localized, type Localized } from '../../../shared/render/html.ts';
import type { FieldMessage as FieldError } from '../../../shared/contracts/field-error.ts';
import * as queueTexts from '../queue/texts.ts';

/** A message for one form field, as the staff routes produce it (FieldMessage in the contracts). */
export type { FieldMessage as FieldError } from '../../../shared/contracts/field-error.ts';

/** One link of a navigation list; `current` marks the page you are on (aria-current). */
export type NavEntry = { href: string; label: string; current: boolean };

/**
 * The error summary at the top of a form page: it takes focus when the page loads, and
 * each message links to its field (`target`, else the field name as the id). Nothing
 * without errors. GOV.UK Frontend's pattern; WCAG 3.3.1 and 2.4.3.
 *
 * @example errorSummary('nl', [{ field: 'email', message: 'Vul uw e-mailadres in.' }])
 */
export function errorSummary(lang: Locale, errors: ReadonlyArray<FieldError & { target?: string }>): Html {
  return kitErrorSummary({
    prefix: 'staff',
    heading: textsFor(queueTexts, lang).errorSummaryHeading,
    errors: errors.map((e) => ({ message: e.message, target: e.target ?? e.field })),
  });
}

/**
 * A label of a field that repeats once per row (a department, a channel, an image), with the
 * row's name after it for screen readers only: tabbing from field to field, each is named
 * "Naam in het Nederlands, Burgerzaken" rather than the same "Naam" again (WCAG 2.4.6). The
 * visible label comes first, so speech input still finds the field by it (WCAG 2.5.3).
 */
export function labelOfRow(label: string, row: string | undefined): Html {
  return row ? html`${label}<span class="staff-visually-hidden">, ${row}</span>` : html`${label}`;
}

/**
 * The message next to a field, with a hidden "Error:" for screen readers; the field
 * points at `id` with aria-describedby.
 */
export function fieldError(lang: Locale, id: string, message: string): Html {
  return kitFieldError({ prefix: 'staff', id, errorPrefix: textsFor(queueTexts, lang).errorPrefix, message });
}

/**
 * The page's status message after a redirect (saved, published). Without one, an empty
 * status region stays in the page, so a later message is announced (WCAG 4.1.3).
 */
export function notice(message: string | undefined): Html {
  return message ? html`<p class="staff-notice" role="status">${message}</p>` : html`<div role="status"></div>`;
}

export function hiddenField(name: string, value: string): Html {
  return html`<input type="hidden" name="${name}" value="${value}">`;
}

/**
 * Hidden fields in the order given, e.g. the session's CSRF token and the page language
 * every staff form carries.
 *
 * @example hiddenFields({ csrf: session.csrfToken, lang })
 */
export function hiddenFields(fields: Record<string, string>): Html {
  return join(Object.entries(fields).map(([name, value]) => hiddenField(name, value)));
}

/** A list of links, the current one marked with aria-current="page". */
export function navLinks(entries: readonly NavEntry[], className: string): Html {
  const items = entries.map(
    (entry) =>
      html`<li><a${attrs({ href: entry.href, 'aria-current': entry.current ? 'page' : undefined })}>${entry.label}</a></li>`,
  );
  return html`<ul class="${className}">${items}</ul>`;
}

/**
 * The links of a list read in pages from a cursor (the inbox, the overdue view): back to the
 * first page once past it, and on to the next while there is one. Nothing when neither applies.
 */
export function cursorPager(pager: {
  label: string;
  first?: { href: string; text: string } | undefined;
  next?: { href: string; text: string } | undefined;
}): Html {
  const { label, first, next } = pager;
  if (!first && !next) return nothing;
  return html`<nav class="staff-paging" aria-label="${label}">${first ? html`<a href="${first.href}">${first.text}</a> ` : nothing}${next ? html`<a href="${next.href}" rel="next">${next.text}</a>` : nothing}</nav>`;
}

/** The text in the page language, Dutch when there is no translation; empty for no text. */
export function pick(text: Localized | null | undefined, lang: Locale): string {
  return text ? localized(text, lang).value : '';
}

/**
 * Plain text as paragraphs: a blank line starts a new paragraph, a single newline a line
 * break. Everything is escaped.
 */
export function paragraphs(text: string, options: { lang?: Locale | undefined; className?: string } = {}): Html {
  const blocks = text
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return join(
    blocks.map(
      (block) =>
        html`<p${attrs({ class: options.className, lang: options.lang })}>${join(block.split(/\r?\n/), raw('<br>'))}</p>`,
    ),
    '\n',
  );
}

/** A <time> element: the machine-readable moment and the text the reader sees. */
export function time(date: Date | string, text: string): Html {
  return html`<time datetime="${typeof date === 'string' ? date : date.toISOString()}">${text}</time>`;
}
