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
import type { LocalizedText } from '../../db/schema.ts';
import { pick } from '../kit/components.ts';

type WidgetUse = {
  origin: string;
  widget: string;
  subject: string;
  title: LocalizedText | null;
  views: number;
  lastDay: string;
};

function usageTable(lang: Locale, usage: ReadonlyArray<WidgetUse>, days: number) {
  const m = textsFor(embeddingTexts, lang);
  if (usage.length === 0) return html`<p>${m.usage.empty(days)}</p>`;
  const rows = usage.map(
    (use) =>
      html`<tr><th scope="row">${use.origin}</th><td>${m.usage.widgets[use.widget] ?? use.widget}</td><td>${pick(use.title, lang) || use.subject}</td><td class="insights-number">${use.views}</td><td>${use.lastDay}</td></tr>`,
  );
  // A wide table scrolls in its own focusable region (WCAG 1.4.10 allows it for tables).
  return html`<div class="insights-table" role="region" tabindex="0" aria-labelledby="usage-caption"><table>
<caption id="usage-caption">${m.usage.caption(days)}</caption>
<thead><tr><th scope="col">${m.usage.site}</th><th scope="col">${m.usage.widget}</th><th scope="col">${m.usage.shows}</th><th scope="col">${m.usage.views}</th><th scope="col">${m.usage.lastSeen}</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

export function renderEmbeddingPage(state: {
  lang: Locale;
  session: PageSession;
  origins: readonly string[];
  /** Where the widgets were seen: per embedding site and what they showed (api/services/reach/). */
  usage?: ReadonlyArray<WidgetUse>;
  usageDays?: number;
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
<h2>${m.usage.heading}</h2>
<p>${m.usage.intro}</p>
${usageTable(lang, state.usage ?? [], state.usageDays ?? 90)}
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
