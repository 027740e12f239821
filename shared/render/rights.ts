/**
 * Residents' rights on the portal, all working without JavaScript: the "your data"
 * section of the follow-up page (download, erase), the erasure confirmation and its
 * result, and the e-mail link pages for a resident who lost their code.
 */
import type { FollowUp, Locale } from '../contracts/public-content.ts';
import type { Localized as LocalizedText } from './html.ts';
import { formatDate } from '../format.ts';
import { textsFor } from '../i18n.ts';
import * as commonTexts from '../texts/common.ts';
import * as confirmationTexts from '../texts/confirmation.ts';
import * as followUpTexts from '../texts/follow-up.ts';
import * as formTexts from '../texts/form.ts';
import * as rightsTexts from '../texts/rights.ts';
import { routes } from '../urls.ts';
import { attrs, escapeHtml, idRefs, inlineText, messageWithHtml, time } from './html.ts';

/** The "your data" section at the end of the follow-up page. */
export function renderRightsSection(followUp: FollowUp, lang: Locale): string {
  const m = textsFor(rightsTexts, lang);
  if (followUp.erasedAt) {
    return `<h2>${escapeHtml(m.heading)}</h2>
<p>${escapeHtml(m.erasedOn(formatDate(followUp.erasedAt, lang)))}</p>`;
  }
  return `<h2>${escapeHtml(m.heading)}</h2>
<p>${escapeHtml(m.intro)}</p>
<ul class="podium-rights">
<li><a class="podium-link-target" href="${escapeHtml(routes.exportData(followUp.code))}" download="podium-${escapeHtml(followUp.code)}.json" type="application/json">${escapeHtml(m.exportLink)}</a>
<p class="podium-form-hint">${escapeHtml(m.exportHint)}</p></li>
<li><a class="podium-link-target" href="${escapeHtml(routes.erase(lang, followUp.code))}">${escapeHtml(m.eraseLink)}</a></li>
</ul>`;
}

export interface EraseFormOptions {
  code: string;
  lang: Locale;
  consultationTitle: LocalizedText;
  /** Set when the form came back without the confirmation ticked. */
  error?: boolean;
}

/**
 * What erasure means and the form that confirms it. Posts to its own address; the
 * checkbox is the explicit confirmation, so one stray click cannot erase anything.
 */
export function renderEraseConfirmation({ code, lang, consultationTitle, error = false }: EraseFormOptions): string {
  const m = textsFor(rightsTexts, lang);
  const form = textsFor(formTexts, lang);
  const id = 'erase-confirm';
  const errorId = error ? `${id}-error` : undefined;
  const summary = error
    ? `<div class="podium-error-summary" id="podium-error-summary" tabindex="-1" autofocus aria-labelledby="podium-error-summary-heading">
<h2 class="podium-error-summary__heading" id="podium-error-summary-heading">${escapeHtml(form.errorSummaryHeading)}</h2>
<p>${escapeHtml(form.errorSummaryIntro)}</p>
<ul class="podium-error-summary__list"><li><a href="#${id}">${escapeHtml(m.confirmRequired)}</a></li></ul>
</div>\n`
    : '';
  return `${summary}<div class="podium-erase">
<h2>${escapeHtml(m.eraseTitle)}</h2>
<dl class="podium-facts">
<dt>${escapeHtml(textsFor(followUpTexts, lang).consultation)}</dt>
<dd>${inlineText(consultationTitle, lang)}</dd>
<dt>${escapeHtml(textsFor(confirmationTexts, lang).codeLabel)}</dt>
<dd class="podium-code" translate="no">${escapeHtml(code)}</dd>
</dl>
<h3>${escapeHtml(m.eraseWhat)}</h3>
<ul>${m.eraseExplain.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
<p><a class="podium-link-target" href="${escapeHtml(routes.exportData(code))}" download="podium-${escapeHtml(code)}.json" type="application/json">${escapeHtml(m.exportLink)}</a></p>
<form class="podium-form" method="post" action="${escapeHtml(routes.erase(lang, code))}">
<input type="hidden" name="lang" value="${escapeHtml(lang)}">
<div class="podium-form-field${error ? ' podium-form-field--invalid' : ''}">
${errorId ? `<p class="podium-error-message" id="${errorId}"><span class="podium-visually-hidden">${escapeHtml(textsFor(commonTexts, lang).errorPrefix)} </span>${escapeHtml(m.confirmRequired)}</p>` : ''}
<div class="podium-choice">
<input${attrs({
    class: 'podium-choice__input',
    type: 'checkbox',
    id,
    name: 'confirm',
    value: 'yes',
    'aria-describedby': idRefs(errorId),
    'aria-invalid': error ? 'true' : undefined,
  })}>
<label class="podium-choice__label" for="${id}">${escapeHtml(m.confirmLabel)}</label>
</div>
</div>
<button class="podium-button podium-button--primary" type="submit">${escapeHtml(m.eraseSubmit)}</button>
</form>
<p><a class="podium-link-target" href="${escapeHtml(routes.followUp(lang, code))}">${escapeHtml(m.backToFollowUp)}</a></p>
</div>`;
}

/** The answer after erasure (now or earlier). */
export function renderErased({ code, lang, already }: { code: string; lang: Locale; already: boolean }): string {
  const m = textsFor(rightsTexts, lang);
  return `<div class="podium-notice podium-notice--success" role="status">
<h2>${escapeHtml(m.erasedHeading)}</h2>
<p>${escapeHtml(already ? m.alreadyErased : m.erasedBody)}</p>
</div>
<p><a class="podium-link-target" href="${escapeHtml(routes.followUp(lang, code))}">${escapeHtml(m.backToFollowUp)}</a></p>`;
}

export interface DataRequestFormOptions {
  lang: Locale;
  email?: string;
  error?: string | undefined;
}

/** Asking for an e-mail link: the static content of /gegevens/ and its answer after a bad post. */
export function renderDataRequestForm({ lang, email = '', error }: DataRequestFormOptions): string {
  const m = textsFor(rightsTexts, lang);
  const form = textsFor(formTexts, lang);
  const id = 'data-request-email';
  const errorId = error ? `${id}-error` : undefined;
  const summary = error
    ? `<div class="podium-error-summary" id="podium-error-summary" tabindex="-1" autofocus aria-labelledby="podium-error-summary-heading">
<h2 class="podium-error-summary__heading" id="podium-error-summary-heading">${escapeHtml(form.errorSummaryHeading)}</h2>
<p>${escapeHtml(form.errorSummaryIntro)}</p>
<ul class="podium-error-summary__list"><li><a href="#${id}">${escapeHtml(error)}</a></li></ul>
</div>\n`
    : '';
  return `${summary}<p>${escapeHtml(m.requestIntro)}</p>
<form class="podium-form" method="post" action="${escapeHtml(routes.myData(lang))}" novalidate>
<input type="hidden" name="lang" value="${escapeHtml(lang)}">
<div class="podium-form-field${error ? ' podium-form-field--invalid' : ''}">
<label class="podium-form-label" for="${id}">${escapeHtml(m.emailLabel)}</label>
<p class="podium-form-hint" id="${id}-hint">${escapeHtml(m.emailHint)}</p>
${errorId ? `<p class="podium-error-message" id="${errorId}"><span class="podium-visually-hidden">${escapeHtml(textsFor(commonTexts, lang).errorPrefix)} </span>${escapeHtml(error)}</p>` : ''}
<input${attrs({
    class: 'podium-textbox',
    type: 'email',
    id,
    name: 'email',
    value: email,
    autocomplete: 'email',
    spellcheck: 'false',
    'aria-describedby': idRefs(`${id}-hint`, errorId),
    'aria-invalid': error ? 'true' : undefined,
  })}>
</div>
<button class="podium-button podium-button--primary" type="submit">${escapeHtml(m.requestSubmit)}</button>
</form>`;
}

/** The same answer whether or not the address is known. */
export function renderDataRequestSent(lang: Locale): string {
  return `<div class="podium-notice podium-notice--success" role="status"><p>${escapeHtml(textsFor(rightsTexts, lang).requestSent)}</p></div>`;
}

/**
 * What the e-mailed link opens first: a button, not the list. Mail scanners fetch links
 * to check them; a GET that used up the single-use link would break it for the resident.
 */
export function renderLinkOpen({ lang, token }: { lang: Locale; token: string }): string {
  const m = textsFor(rightsTexts, lang);
  return `<p>${escapeHtml(m.linkIntro)}</p>
<form class="podium-form" method="post" action="${escapeHtml(routes.myData(lang, token))}">
<input type="hidden" name="lang" value="${escapeHtml(lang)}">
<button class="podium-button podium-button--primary" type="submit">${escapeHtml(m.linkOpen)}</button>
</form>`;
}

export function renderLinkInvalid(lang: Locale): string {
  const m = textsFor(rightsTexts, lang);
  return `<div class="podium-notice podium-notice--error"><p>${escapeHtml(m.linkInvalid)}</p></div>
<p><a class="podium-link-target" href="${escapeHtml(routes.myData(lang))}">${escapeHtml(m.requestAgain)}</a></p>`;
}

export type LinkedInput = {
  code: string;
  consultationTitle: LocalizedText;
  submittedAt: string;
  erasedAt: string | null;
};

/** The resident's input found by their verified address, each with its code, download and erasure. */
export function renderLinkedInput({ lang, items }: { lang: Locale; items: LinkedInput[] }): string {
  const m = textsFor(rightsTexts, lang);
  if (items.length === 0) return `<h2>${escapeHtml(m.listHeading)}</h2>\n<p>${escapeHtml(m.listEmpty)}</p>`;
  const list = items
    .map(
      (item) => `<li class="podium-linked-input">
<h3>${inlineText(item.consultationTitle, lang)}</h3>
<dl class="podium-facts">
<dt>${escapeHtml(textsFor(confirmationTexts, lang).codeLabel)}</dt>
<dd class="podium-code" translate="no">${escapeHtml(item.code)}</dd>
</dl>
<p>${messageWithHtml(textsFor(followUpTexts, lang).submittedOn, time(item.submittedAt, formatDate(item.submittedAt, lang)))}</p>
${
  item.erasedAt
    ? `<p>${escapeHtml(m.erasedOn(formatDate(item.erasedAt, lang)))}</p>`
    : `<ul>
<li><a class="podium-link-target" href="${escapeHtml(routes.followUp(lang, item.code))}">${escapeHtml(m.followUpLink)}</a></li>
<li><a class="podium-link-target" href="${escapeHtml(routes.exportData(item.code))}" download="podium-${escapeHtml(item.code)}.json" type="application/json">${escapeHtml(m.exportLink)}</a></li>
<li><a class="podium-link-target" href="${escapeHtml(routes.erase(lang, item.code))}">${escapeHtml(m.eraseLink)}</a></li>
</ul>`
}
</li>`,
    )
    .join('\n');
  return `<h2>${escapeHtml(m.listHeading)}</h2>
<p>${escapeHtml(m.listIntro)}</p>
<ul class="podium-linked-inputs">
${list}
</ul>`;
}
