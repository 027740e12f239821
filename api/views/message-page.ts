/**
 * A bare page with one message and a link to the home page: what a person in a browser
 * sees when the API refuses a request it cannot show in a portal page (too many requests,
 * a consultation that does not exist, a repeated form post that conflicts).
 */
import type { Locale } from '../../shared/contracts/public-content.ts';
import { html, nothing } from '../../shared/html/index.ts';
import { routes } from '../../shared/urls.ts';
import { messageFor } from '../messages/texts.ts';
import { minimalPage } from './page-shell.ts';

export type MessagePageOptions = {
  lang: Locale;
  title: string;
  text: string;
  /** `alert` when the message must interrupt (a refusal the person did not expect). */
  role?: 'alert' | undefined;
};

export function messagePage({ lang, title, text, role }: MessagePageOptions): string {
  const message = role ? html`<p role="${role}">${text}</p>` : html`<p>${text}</p>`;
  return minimalPage(
    lang,
    title,
    html`${message}<p><a href="${routes.home(lang)}">${messageFor(lang, 'to_home_page')}</a></p>`,
  );
}

/** The 404 page when the portal is not built: the built site has its own. */
export function notFoundPage(lang: Locale = 'nl'): string {
  return minimalPage(lang, messageFor(lang, 'not_found'), nothing);
}

/** The page a person in a browser gets after too many requests (the rate limit's refusal). */
export function rateLimitedPage(lang: Locale, minutes: number): string {
  return messagePage({
    lang,
    title: messageFor(lang, 'rate_limited'),
    text: messageFor(lang, 'rate_limited_detail', { minutes }),
    role: 'alert',
  });
}
