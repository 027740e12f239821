/**
 * A notice in a page: an error that replaces the content (an unknown code, an expired
 * link) or a confirmation that something was done (erased, mail sent).
 */
import { attrs, html, type Html } from '../../core.ts';

export type NoticeOptions = {
  /** `error` and `success` have their own colours; without a tone the notice is neutral. */
  tone?: 'error' | 'success' | undefined;
  /** `status` for a result a screen reader should announce politely. */
  role?: 'status' | 'alert' | undefined;
  heading?: string | undefined;
  text: string;
};

export function notice({ tone, role, heading, text }: NoticeOptions): Html {
  const open = html`<div${attrs({ class: tone ? `podium-notice podium-notice--${tone}` : 'podium-notice', role })}>`;
  return heading === undefined
    ? html`${open}<p>${text}</p></div>`
    : html`${open}
<h2>${heading}</h2>
<p>${text}</p>
</div>`;
}
