/**
 * Helpers for the page parts shared by the Astro build and the API that are not markup
 * themselves: the slots the API fills in a built page. Markup is written with the HTML
 * kit (shared/html), which this module re-exports for the render functions' callers.
 */
import { html, type Html } from '../html/index.ts';

export {
  attrs,
  html,
  idRefs,
  inlineText,
  localized,
  localizedParagraphs,
  paragraphs,
  raw,
  time,
  withMarkup,
  type Html,
  type Localized,
} from '../html/index.ts';

const slotPattern = (name: string) => new RegExp(`(<!--podium:slot ${name}-->)[\\s\\S]*?(<!--/podium:slot ${name}-->)`);

/**
 * Wraps markup in the markers of a shell slot, which the API can fill later.
 *
 * @example slot('result', html`<p>…</p>`) // '<!--podium:slot result--><p>…</p><!--/podium:slot result-->'
 */
export function slot(name: string, content: Html): Html {
  return html`<!--podium:slot ${name}-->${content}<!--/podium:slot ${name}-->`;
}

/**
 * Replaces what is between a slot's markers in a built page, keeping the markers.
 * Throws when the page has no such slot, so a broken build shows up at once.
 *
 * @example fillSlot(pageHtml, 'form', renderConsultationForm({ consultation, lang, values, errors }))
 */
export function fillSlot(page: string, name: string, content: Html): string {
  const pattern = slotPattern(name);
  if (!pattern.test(page)) throw new Error(`The page has no slot "${name}".`);
  return page.replace(pattern, (_match, open: string, close: string) => `${open}${content}${close}`);
}

/** A mailto link showing the address itself. */
export function mailto(email: string): Html {
  return html`<a href="mailto:${email}">${email}</a>`;
}
