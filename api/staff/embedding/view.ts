/**
 * The embedding page: the allowed web addresses, each with its own remove button, and the
 * form to add one (with the rule in a hint, and the reason when refused).
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { FieldMessage as FieldError } from '../../../shared/contracts/field-error.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, idRefs, nothing } from '../../../shared/html/index.ts';
import { errorSummary, fieldError, hiddenFields, notice } from '../kit/components.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { embeddingPaths } from './paths.ts';
import * as embeddingTexts from './texts.ts';

export function renderEmbeddingPage(state: {
  lang: Locale;
  session: PageSession;
  origins: readonly string[];
  value?: string;
  status?: string | undefined;
  errors?: readonly FieldError[];
}): string {
  const { lang, session } = state;
  const m = textsFor(embeddingTexts, lang);
  const errors = state.errors ?? [];
  const error = errors.find((e) => e.field === 'origin');
  const items = state.origins.map(
    (
      origin,
    ) => html`<li class="staff-origin"><span>${origin}${origin.endsWith(':*') ? html` (${m.anyPort})` : nothing}</span>
<form method="post" action="${embeddingPaths.remove}" class="staff-inline-form">
${hiddenFields({ csrf: session.csrfToken, lang, origin })}
<button type="submit" class="staff-button staff-button--secondary">${m.remove(origin)}</button>
</form></li>`,
  );
  const body = html`${errorSummary(lang, errors)}
${notice(state.status)}
<p>${m.intro} ${m.delay}</p>
<p><a href="${embeddingPaths.embedGuide(lang)}">${m.embedPage}</a></p>
<h2>${m.listHeading}</h2>
${items.length > 0 ? html`<ul class="staff-origins">${items}</ul>` : html`<p>${m.empty}</p>`}
<h2>${m.addHeading}</h2>
<form method="post" action="${embeddingPaths.add}" novalidate class="staff-form">
${hiddenFields({ csrf: session.csrfToken, lang })}
<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="origin">${m.origin}</label>
<p class="staff-hint" id="origin-hint">${m.originHint}</p>
${error ? fieldError(lang, 'origin-error', error.message) : nothing}
<input${attrs({
    type: 'url',
    id: 'origin',
    name: 'origin',
    value: state.value ?? '',
    autocomplete: 'url',
    spellcheck: 'false',
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': idRefs('origin-hint', error ? 'origin-error' : undefined),
  })}></div>
<button type="submit" class="staff-button">${m.add}</button>
</form>`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: embeddingPaths.page(lang),
    hasErrors: errors.length > 0,
  });
}
