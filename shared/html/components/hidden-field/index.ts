/** A hidden form field: the page's language, a CSRF token, a query to keep. */
import { html, type Html } from '../../core.ts';

export type HiddenFieldOptions = { name: string; value: string };

export function hiddenField({ name, value }: HiddenFieldOptions): Html {
  return html`<input type="hidden" name="${name}" value="${value}">`;
}
