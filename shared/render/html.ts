/**
 * Small helpers for the string templates shared by the Astro build and the API.
 * Every interpolated value goes through escapeHtml (or attrs, which escapes too).
 */
import type { Locale, LocalizedText } from '../contracts/localized-text.ts';

/** A text in Dutch and, where translated, English. */
export type Localized = LocalizedText;

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for use in HTML content and in quoted attribute values.
 *
 * @example escapeHtml('<b>"Tom & Jerry"</b>') // '&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;'
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

type AttributeValue = string | number | boolean | null | undefined;

/**
 * Renders attributes, skipping null, undefined and false; true renders a bare attribute.
 *
 * @example attrs({ id: 'a', required: true, hidden: false }) // ' id="a" required'
 */
export function attrs(attributes: Record<string, AttributeValue>): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
  }
  return out;
}

/** Joins non-empty id references for aria-describedby; undefined when there are none. */
export function idRefs(...ids: Array<string | false | null | undefined>): string | undefined {
  const list = ids.filter(Boolean);
  return list.length > 0 ? list.join(' ') : undefined;
}

/** Picks the text for a language, falling back to Dutch, and says which language it is in. */
export function localized(text: Localized, lang: Locale): { value: string; lang: Locale } {
  if (lang === 'en' && text.en) return { value: text.en, lang: 'en' };
  return { value: text.nl, lang: 'nl' };
}

/** Escaped inline text; marked with its own lang when it falls back to another language (WCAG 3.1.2). */
export function inlineText(text: Localized, lang: Locale): string {
  const picked = localized(text, lang);
  return picked.lang === lang
    ? escapeHtml(picked.value)
    : `<span lang="${picked.lang}">${escapeHtml(picked.value)}</span>`;
}

/** Escaped plain text as paragraphs: a blank line starts a new paragraph, a single newline a line break. */
export function paragraphs(value: string, options: { lang?: Locale | undefined; className?: string } = {}): string {
  return value
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map(
      (block) =>
        `<p${attrs({ class: options.className, lang: options.lang })}>${escapeHtml(block).replace(/\r?\n/g, '<br>')}</p>`,
    )
    .join('\n');
}

/** A localized text as paragraphs, with a lang attribute where it falls back. */
export function localizedParagraphs(text: Localized, lang: Locale, className?: string): string {
  const picked = localized(text, lang);
  return paragraphs(picked.value, { lang: picked.lang === lang ? undefined : picked.lang, className });
}

/** A <time> element for an ISO date, formatted by the caller. */
export function time(iso: string, formatted: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(formatted)}</time>`;
}

const slotPattern = (name: string) => new RegExp(`(<!--podium:slot ${name}-->)[\\s\\S]*?(<!--/podium:slot ${name}-->)`);

/**
 * Wraps HTML in the markers of a shell slot, which the API can fill later.
 *
 * @example slot('result', '<p>…</p>') // '<!--podium:slot result--><p>…</p><!--/podium:slot result-->'
 */
export function slot(name: string, html: string): string {
  return `<!--podium:slot ${name}-->${html}<!--/podium:slot ${name}-->`;
}

/**
 * Replaces what is between a slot's markers in a built page, keeping the markers.
 * Throws when the page has no such slot, so a broken build shows up at once.
 *
 * @example fillSlot(pageHtml, 'form', renderConsultationForm({ consultation, lang, values, errors }))
 */
export function fillSlot(page: string, name: string, html: string): string {
  const pattern = slotPattern(name);
  if (!pattern.test(page)) throw new Error(`The page has no slot "${name}".`);
  return page.replace(pattern, (_match, open: string, close: string) => `${open}${html}${close}`);
}

/**
 * Fills a message function's argument with HTML (a link, a <time>) while the message
 * itself is escaped.
 *
 * @example messageWithHtml(m.answerDue, time(iso, '15 december 2026'))
 */
export function messageWithHtml(message: (value: string) => string, html: string): string {
  const marker = '\u0000';
  return escapeHtml(message(marker)).replace(marker, () => html);
}

/** A mailto link showing the address itself. */
export function mailto(email: string): string {
  return `<a href="mailto:${escapeHtml(email)}">${escapeHtml(email)}</a>`;
}
