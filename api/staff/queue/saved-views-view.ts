/**
 * Saved views in the inbox (the person's views as links, and a form to save the current
 * filters under a name) and the page where they rename and delete them
 * (`/beheer/weergaven`). Plain links and forms: everything works without JavaScript.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, join, nothing, type Html } from '../../../shared/html/index.ts';
import { idRefs } from '../../../shared/render/html.ts';
import type { QueueFilterOptions } from '../../services/moderation/queue-options.ts';
import { viewQuery, type MissingReference, type SavedView } from '../../services/moderation/saved-views.ts';
import { errorSummary, fieldError, hiddenFields, notice, pick, type FieldError } from '../kit/components.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { savedViewPaths, staffPaths } from './paths.ts';
import * as inboxTexts from './inbox-texts.ts';
import * as queueTexts from './texts.ts';
import * as savedViewTexts from './saved-views-texts.ts';

/** The save form as it was sent, when refused: the name is kept. */
export type SavedViewFormState = { values: { name?: string | undefined }; errors: FieldError[] };

export type InboxSavedViews = {
  views: SavedView[];
  form?: SavedViewFormState | undefined;
};

/** The field id of the save form's name, for the inbox's error summary. */
export const SAVED_VIEW_NAME_ID = 'saved-view-name';

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

/**
 * The inbox's "my views": each view a link to the inbox with its filters (the one shown now
 * marked), a form to save the current filters, and the way to the page that renames and
 * deletes them.
 */
export function savedViewsSection(options: {
  lang: Locale;
  session: PageSession;
  savedViews: InboxSavedViews;
  /** The inbox's list query now, and the page it is on (to come back to). */
  listQuery: string;
  here: string;
}): Html {
  const { lang, savedViews } = options;
  const m = textsFor(savedViewTexts, lang);
  const current = viewQuery(options.listQuery);
  const links = savedViews.views.map((view) => {
    const shown = view.query === current;
    return html`<li><a${attrs({ href: withQuery(staffPaths.queue(lang), view.query), 'aria-current': shown ? 'page' : undefined })}>${view.name}${shown ? html` <span class="staff-visually-hidden">${m.current}</span>` : nothing}</a></li>`;
  });
  const error = savedViews.form?.errors.find((e) => e.field === 'name');
  const errorId = `${SAVED_VIEW_NAME_ID}-error`;
  return html`<section class="staff-saved-views" aria-labelledby="saved-views-heading">
<h2 id="saved-views-heading">${m.heading}</h2>
${links.length > 0 ? html`<ul class="staff-saved-view-links" aria-label="${m.listLabel}">${join(links, '\n')}</ul>` : html`<p>${m.none}</p>`}
<form method="post" action="${savedViewPaths.save}" class="staff-form staff-saved-view-form" novalidate aria-labelledby="saved-view-legend">
<p id="saved-view-legend" class="staff-form-legend">${m.saveLegend}</p>
${hiddenFields({ csrf: options.session.csrfToken, lang, query: current, next: options.here })}
<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${SAVED_VIEW_NAME_ID}">${m.name}</label>
<p class="staff-hint" id="${SAVED_VIEW_NAME_ID}-hint">${m.nameHint}</p>
${error && fieldError(lang, errorId, error.message)}
<input${attrs({ type: 'text', id: SAVED_VIEW_NAME_ID, name: 'name', value: savedViews.form?.values.name ?? '', autocomplete: 'off', 'aria-describedby': idRefs(`${SAVED_VIEW_NAME_ID}-hint`, error ? errorId : undefined), 'aria-invalid': error ? 'true' : undefined })}></div>
<button type="submit" class="staff-button staff-button--secondary">${m.save}</button>
</form>
<p><a href="${savedViewPaths.page(lang)}">${m.manage}</a></p>
</section>`;
}

/** Says which filters of the current view name something that no longer exists. */
export function missingFiltersNotice(lang: Locale, missing: readonly MissingReference[]): Html {
  if (missing.length === 0) return nothing;
  const m = textsFor(savedViewTexts, lang);
  const f = textsFor(queueTexts, lang).queue.filters;
  return html`<div class="staff-notice staff-notice--warning">${missing.map(
    (ref) => html`<p>${m.missing(f[ref.filter], ref.value)}</p>`,
  )}</div>`;
}

/** A view's filters in words: "Welke items: Aan mij toegewezen; Kanaal: Widget". */
export function describeQuery(lang: Locale, query: string, options: QueueFilterOptions): string {
  const t = textsFor(queueTexts, lang);
  const i = textsFor(inboxTexts, lang);
  const f = t.queue.filters;
  const m = textsFor(savedViewTexts, lang);
  const params = new URLSearchParams(query);
  const words = (table: object, value: string) =>
    Object.hasOwn(table, value) ? String((table as Record<string, unknown>)[value]) : value;
  const named = (list: ReadonlyArray<{ slug: string; title?: unknown; name?: unknown }>, value: string) => {
    const found = list.find((entry) => entry.slug === value);
    const title = (found?.title ?? found?.name) as Parameters<typeof pick>[0];
    return found ? pick(title, lang) : value;
  };
  const parts: string[] = [];
  for (const [name, value] of params) {
    if (name === 'q') parts.push(`${i.search}: ${value}`);
    else if (name === 'view') parts.push(`${i.view}: ${words(i.views, value)}`);
    else if (name === 'sort') parts.push(`${i.sort}: ${words(i.sorts, value)}`);
    else if (name === 'approval') parts.push(`${i.approval}: ${words(i.approvals, value)}`);
    else if (name === 'status') parts.push(`${f.state}: ${words(t.states, value)}`);
    else if (name === 'channel') parts.push(`${f.channel}: ${words(t.channels, value)}`);
    else if (name === 'flag') parts.push(`${f.flag}: ${words(t.categories, value)}`);
    else if (name === 'topic') parts.push(`${f.topic}: ${named(options.topics, value)}`);
    else if (name === 'consultation') parts.push(`${f.consultation}: ${named(options.consultations, value)}`);
    else if (name === 'department') parts.push(`${f.department}: ${named(options.departments, value)}`);
    else if (name === 'overdue') parts.push(f.overdue);
  }
  return parts.length > 0 ? parts.join('; ') : m.page.noFilters;
}

/** A refused rename on the views page: which view, what was typed, and why. */
export type RenameFormState = { viewId: string; values: { name?: string | undefined }; errors: FieldError[] };

/** The page to rename and delete saved views. */
export function renderSavedViewsPage(options: {
  lang: Locale;
  session: PageSession;
  views: SavedView[];
  filterOptions: QueueFilterOptions;
  status?: string | undefined;
  form?: RenameFormState | undefined;
}): string {
  const { lang, form } = options;
  const m = textsFor(savedViewTexts, lang);
  const errors = (form?.errors ?? []).map((e) => ({ ...e, target: `rename-${form!.viewId}` }));
  const items = options.views.map((view) => {
    const refused = form?.viewId === view.id ? form : undefined;
    const error = refused?.errors.find((e) => e.field === 'name');
    const inputId = `rename-${view.id}`;
    const errorId = `${inputId}-error`;
    return html`<li class="staff-saved-view">
<h2 id="view-${view.id}">${view.name}</h2>
<p>${m.page.filters}: ${describeQuery(lang, view.query, options.filterOptions)}</p>
<p><a href="${withQuery(staffPaths.queue(lang), view.query)}">${m.page.open}<span class="staff-visually-hidden">: ${view.name}</span></a></p>
<form method="post" action="${savedViewPaths.rename(view.id)}" class="staff-form" novalidate>
${hiddenFields({ csrf: options.session.csrfToken, lang })}
<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${inputId}">${m.page.rename}</label>
${error && fieldError(lang, errorId, error.message)}
<input${attrs({ type: 'text', id: inputId, name: 'name', value: refused?.values.name ?? view.name, autocomplete: 'off', 'aria-describedby': error ? errorId : undefined, 'aria-invalid': error ? 'true' : undefined })}></div>
<button type="submit" class="staff-button">${m.page.renameButton(view.name)}</button>
</form>
<form method="post" action="${savedViewPaths.remove(view.id)}" class="staff-form">
${hiddenFields({ csrf: options.session.csrfToken, lang })}
<button type="submit" class="staff-button staff-button--secondary">${m.page.remove(view.name)}</button>
</form>
</li>`;
  });
  const body = html`${notice(options.status)}
${errorSummary(lang, errors)}
<p>${m.page.intro}</p>
${items.length > 0 ? html`<ul class="staff-saved-view-list">${join(items, '\n')}</ul>` : html`<p>${m.page.empty}</p>`}
<p><a href="${staffPaths.queue(lang)}">${m.page.back}</a></p>`;
  return staffPage({
    lang,
    title: m.page.title,
    body,
    session: options.session,
    path: savedViewPaths.page(lang),
    hasErrors: errors.length > 0,
  });
}
