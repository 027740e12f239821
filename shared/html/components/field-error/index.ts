/**
 * The error message next to a field (GOV.UK error message): it starts with a visually
 * hidden "Fout:" so a screen reader user hears that it is an error, and the field points
 * to it with aria-describedby (`id`).
 */
import { html, type Html } from '../../core.ts';

export type FieldErrorOptions = {
  /** Classes of the portal (`podium-`) or of the staff workbench (`staff-`). */
  prefix: 'podium' | 'staff';
  id: string;
  /** The hidden word before the message, in the page's language: "Fout:" or "Error:". */
  errorPrefix: string;
  message: string;
};

export function fieldError({ prefix, id, errorPrefix, message }: FieldErrorOptions): Html {
  return html`<p class="${prefix}-error-message" id="${id}"><span class="${prefix}-visually-hidden">${errorPrefix} </span>${message}</p>`;
}
