/**
 * Residents' rights on the portal, all working without JavaScript: the "your data"
 * section of the follow-up page (download, erase), the erasure confirmation and its
 * result, and the e-mail link pages for a resident who lost their code.
 */
import type { FollowUp, Locale } from '../contracts/public-content.ts';
import { formatDate } from '../format.ts';
import { textsFor } from '../i18n.ts';
import * as commonTexts from '../texts/common.ts';
import * as confirmationTexts from '../texts/confirmation.ts';
import * as followUpTexts from '../texts/follow-up.ts';
import * as formTexts from '../texts/form.ts';
import * as rightsTexts from '../texts/rights.ts';
import { routes } from '../urls.ts';
import {
  attrs,
  errorSummary,
  fieldError,
  hiddenField,
  html,
  idRefs,
  inlineText,
  join,
  nothing,
  notice,
  time,
  withMarkup,
  type Html,
  type Localized as LocalizedText,
} from '../html/index.ts';

/** The JSON download of one piece of input. */
function exportLink(code: string, label: string): Html {
  return html`<a class="podium-link-target" href="${routes.exportData(code)}" download="podium-${code}.json" type="application/json">${label}</a>`;
}

function link(href: string, label: string): Html {
  return html`<a class="podium-link-target" href="${href}">${label}</a>`;
}

/** The error summary of a form with one field, followed by a newline when shown. */
function oneErrorSummary(lang: Locale, target: string, message: string | undefined): Html {
  if (message === undefined) return nothing;
  const form = textsFor(formTexts, lang);
  const summary = errorSummary({
    prefix: 'podium',
    heading: form.errorSummaryHeading,
    intro: form.errorSummaryIntro,
    errors: [{ message, target }],
  });
  return html`${summary}\n`;
}

/** The "your data" section at the end of the follow-up page. */
export function renderRightsSection(followUp: FollowUp, lang: Locale): Html {
  const m = textsFor(rightsTexts, lang);
  if (followUp.erasedAt) {
    return html`<h2>${m.heading}</h2>
<p>${m.erasedOn(formatDate(followUp.erasedAt, lang))}</p>`;
  }
  return html`<h2>${m.heading}</h2>
<p>${m.intro}</p>
<ul class="podium-rights">
<li>${exportLink(followUp.code, m.exportLink)}
<p class="podium-form-hint">${m.exportHint}</p></li>
<li>${link(routes.erase(lang, followUp.code), m.eraseLink)}</li>
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
export function renderEraseConfirmation({ code, lang, consultationTitle, error = false }: EraseFormOptions): Html {
  const m = textsFor(rightsTexts, lang);
  const id = 'erase-confirm';
  const errorId = error ? `${id}-error` : undefined;
  return html`${oneErrorSummary(lang, id, error ? m.confirmRequired : undefined)}<div class="podium-erase">
<h2>${m.eraseTitle}</h2>
<dl class="podium-facts">
<dt>${textsFor(followUpTexts, lang).consultation}</dt>
<dd>${inlineText(consultationTitle, lang)}</dd>
<dt>${textsFor(confirmationTexts, lang).codeLabel}</dt>
<dd class="podium-code" translate="no">${code}</dd>
</dl>
<h3>${m.eraseWhat}</h3>
<ul>${m.eraseExplain.map((line) => html`<li>${line}</li>`)}</ul>
<p>${exportLink(code, m.exportLink)}</p>
<form class="podium-form" method="post" action="${routes.erase(lang, code)}">
${hiddenField({ name: 'lang', value: lang })}
<div class="podium-form-field${error ? ' podium-form-field--invalid' : ''}">
${errorId ? fieldError({ prefix: 'podium', id: errorId, errorPrefix: textsFor(commonTexts, lang).errorPrefix, message: m.confirmRequired }) : nothing}
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
<label class="podium-choice__label" for="${id}">${m.confirmLabel}</label>
</div>
</div>
<button class="podium-button podium-button--primary" type="submit">${m.eraseSubmit}</button>
</form>
<p>${link(routes.followUp(lang, code), m.backToFollowUp)}</p>
</div>`;
}

/** The answer after erasure (now or earlier). */
export function renderErased({ code, lang, already }: { code: string; lang: Locale; already: boolean }): Html {
  const m = textsFor(rightsTexts, lang);
  return html`${notice({
    tone: 'success',
    role: 'status',
    heading: m.erasedHeading,
    text: already ? m.alreadyErased : m.erasedBody,
  })}
<p>${link(routes.followUp(lang, code), m.backToFollowUp)}</p>`;
}

export interface DataRequestFormOptions {
  lang: Locale;
  email?: string;
  error?: string | undefined;
}

/** Asking for an e-mail link: the static content of /gegevens/ and its answer after a bad post. */
export function renderDataRequestForm({ lang, email = '', error }: DataRequestFormOptions): Html {
  const m = textsFor(rightsTexts, lang);
  const id = 'data-request-email';
  const errorId = error ? `${id}-error` : undefined;
  return html`${oneErrorSummary(lang, id, error)}<p>${m.requestIntro}</p>
<form class="podium-form" method="post" action="${routes.myData(lang)}" novalidate>
${hiddenField({ name: 'lang', value: lang })}
<div class="podium-form-field${error ? ' podium-form-field--invalid' : ''}">
<label class="podium-form-label" for="${id}">${m.emailLabel}</label>
<p class="podium-form-hint" id="${id}-hint">${m.emailHint}</p>
${error && errorId ? fieldError({ prefix: 'podium', id: errorId, errorPrefix: textsFor(commonTexts, lang).errorPrefix, message: error }) : nothing}
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
<button class="podium-button podium-button--primary" type="submit">${m.requestSubmit}</button>
</form>`;
}

/** The same answer whether or not the address is known. */
export function renderDataRequestSent(lang: Locale): Html {
  return notice({ tone: 'success', role: 'status', text: textsFor(rightsTexts, lang).requestSent });
}

/**
 * What the e-mailed link opens first: a button, not the list. Mail scanners fetch links
 * to check them; a GET that used up the single-use link would break it for the resident.
 */
export function renderLinkOpen({ lang, token }: { lang: Locale; token: string }): Html {
  const m = textsFor(rightsTexts, lang);
  return html`<p>${m.linkIntro}</p>
<form class="podium-form" method="post" action="${routes.myData(lang, token)}">
${hiddenField({ name: 'lang', value: lang })}
<button class="podium-button podium-button--primary" type="submit">${m.linkOpen}</button>
</form>`;
}

export function renderLinkInvalid(lang: Locale): Html {
  const m = textsFor(rightsTexts, lang);
  return html`${notice({ tone: 'error', text: m.linkInvalid })}
<p>${link(routes.myData(lang), m.requestAgain)}</p>`;
}

export type LinkedInput = {
  code: string;
  consultationTitle: LocalizedText;
  submittedAt: string;
  erasedAt: string | null;
};

/** The resident's input found by their verified address, each with its code, download and erasure. */
export function renderLinkedInput({ lang, items }: { lang: Locale; items: LinkedInput[] }): Html {
  const m = textsFor(rightsTexts, lang);
  if (items.length === 0) return html`<h2>${m.listHeading}</h2>\n<p>${m.listEmpty}</p>`;
  const list = items.map(
    (item) => html`<li class="podium-linked-input">
<h3>${inlineText(item.consultationTitle, lang)}</h3>
<dl class="podium-facts">
<dt>${textsFor(confirmationTexts, lang).codeLabel}</dt>
<dd class="podium-code" translate="no">${item.code}</dd>
</dl>
<p>${withMarkup(textsFor(followUpTexts, lang).submittedOn, time({ moment: item.submittedAt, lang }))}</p>
${
  item.erasedAt
    ? html`<p>${m.erasedOn(formatDate(item.erasedAt, lang))}</p>`
    : html`<ul>
<li>${link(routes.followUp(lang, item.code), m.followUpLink)}</li>
<li>${exportLink(item.code, m.exportLink)}</li>
<li>${link(routes.erase(lang, item.code), m.eraseLink)}</li>
</ul>`
}
</li>`,
  );
  return html`<h2>${m.listHeading}</h2>
<p>${m.listIntro}</p>
<ul class="podium-linked-inputs">
${join(list, '\n')}
</ul>`;
}
