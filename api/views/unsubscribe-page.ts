/** The unsubscribe pages (api/routes/unsubscribe.ts): a confirmation button, and the outcome. */
import type { Locale } from '../../shared/contracts/public-content.ts';
import { html } from '../../shared/html/index.ts';
import { textsFor } from '../../shared/i18n.ts';
import * as mailTexts from '../services/notifications/texts.ts';
import { minimalPage } from './page-shell.ts';

/** The button a person presses (the GET changes nothing: mail scanners fetch links). */
export function unsubscribeConfirmPage(lang: Locale, action: string): string {
  const m = textsFor(mailTexts, lang).unsubscribe;
  return minimalPage(
    lang,
    m.title,
    html`<p>${m.confirm}</p>
<form method="post" action="${action}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">${m.button}</button>
</form>`,
  );
}

export function unsubscribeOutcomePage(lang: Locale, what: 'done' | 'unknown' | 'badRequest'): string {
  const m = textsFor(mailTexts, lang).unsubscribe;
  const message = what === 'done' ? html`<p>${m[what]}</p>` : html`<p role="alert">${m[what]}</p>`;
  return minimalPage(lang, m.title, message);
}
