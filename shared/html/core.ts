/**
 * The kit's core (re-exported by ./index.ts with the components). The one way to write HTML on the server: the portal's string renderers (shared/render),
 * the staff pages (api/staff) and the few pages the API renders itself.
 *
 * Built on `html`/`raw` from `hono/html`: every interpolated string is escaped, so forgetting
 * to escape is impossible; a fragment that is already HTML is either the result of another
 * `html` template or an explicit, greppable `raw(...)`. Arrays are joined, and `null`,
 * `undefined` and `false` render nothing, so conditions and lists read naturally:
 *
 * @example
 * html`<ul>${items.map((item) => html`<li>${item.name}</li>`)}</ul>`
 * html`<p>${error && html`<strong>${error}</strong>`}</p>`
 *
 * Podium never interpolates promises, so a template is always a finished string (`Html`).
 */
import { html as honoHtml, raw as honoRaw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** Markup that is safe to put into a page as it is: made by `html` or marked with `raw`. */
export type Html = HtmlEscapedString;

/** What a template may interpolate: text (escaped), markup, numbers, lists, or nothing. */
export type Renderable = Html | string | number | boolean | null | undefined | readonly Renderable[];

/** Escape-by-default template tag. */
export function html(strings: TemplateStringsArray, ...values: Renderable[]): Html {
  const result = honoHtml(strings, ...(values as unknown[]));
  if (result instanceof Promise) throw new TypeError('html: a promise was interpolated; await it first');
  return result;
}

/**
 * Marks a string as trusted markup. Only for markup Podium made itself (a built page shell,
 * sanitised platform HTML, an SVG chart): never for anything a person typed.
 */
export function raw(markup: string): Html {
  return honoRaw(markup);
}

/** Nothing: for an optional part that is absent. */
export const nothing: Html = raw('');

/** Joins fragments into one, with an optional separator (which is escaped unless it is markup). */
export function join(parts: readonly Renderable[], separator: Renderable = ''): Html {
  const out: Renderable[] = [];
  parts.forEach((part, index) => {
    if (index > 0) out.push(separator);
    out.push(part);
  });
  return html`${out}`;
}

const entities = new Map(Object.entries({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }));

/**
 * Escapes text for HTML content and quoted attributes. The kit's own building block: code
 * outside `shared/html` writes `html` templates instead (the lint rule enforces it).
 *
 * @example escapeHtml(`<b>"Tom & Jerry's"</b>`) // '&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;'
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => entities.get(char) ?? char);
}

type AttributeValue = string | number | boolean | null | undefined;

/**
 * Attributes from an object, skipping null, undefined and false; true renders a bare attribute.
 *
 * @example html`<input${attrs({ id: 'a', required: true, hidden: false })}>` // <input id="a" required>
 */
export function attrs(attributes: Record<string, AttributeValue>): Html {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
  }
  return raw(out);
}

/**
 * Joins non-empty id references for aria-describedby; undefined when there are none, so
 * `attrs` leaves the attribute out.
 *
 * @example idRefs('email-error', undefined, 'email-hint') // 'email-error email-hint'
 */
export function idRefs(...ids: Array<string | false | null | undefined>): string | undefined {
  const list = ids.filter(Boolean);
  return list.length > 0 ? list.join(' ') : undefined;
}

/**
 * A message whose argument is markup (a link, a `<time>`), while the message itself is
 * escaped: the text stays in the texts module, the markup stays in the template.
 *
 * @example withMarkup(m.answerDue, time({ iso, lang })) // 'Antwoord uiterlijk <time …>…</time>.'
 */
export function withMarkup(message: (value: string) => string, markup: Html): Html {
  const marker = '\u0000';
  return raw(escapeHtml(message(marker)).replace(marker, () => String(markup)));
}
