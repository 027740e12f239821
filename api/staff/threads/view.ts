/**
 * The thread-import page: the form (a post's address or the platform's export files, the
 * consultation, the titles), the result of an import (how many posts were taken in, which
 * were flagged for personal data, with their items in the queue) and the list of imported
 * threads with a button to re-sync each live one.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { FieldMessage as FieldError } from '../../../shared/contracts/field-error.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, idRefs, nothing, type Html } from '../../../shared/html/index.ts';
import type { LocalizedText } from '../../db/schema.ts';
import type { FlaggedPost, StaffThreadSummary } from '../../services/social/thread-admin.ts';
import { errorSummary, fieldError, hiddenFields, notice, pick, time } from '../kit/components.ts';
import { formatDateTime } from '../kit/format.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { threadPaths } from './paths.ts';
import * as threadTexts from './texts.ts';

export type ImportFormValues = { url: string; consultation: string; titleNl: string; titleEn: string };

export const EMPTY_IMPORT_FORM: ImportFormValues = { url: '', consultation: '', titleNl: '', titleEn: '' };

export type ImportResultView = {
  title: string;
  created: boolean;
  posts: number;
  stats: { added: number; edited: number; withheld: number; deleted: number };
  waiting: number;
  flagged: FlaggedPost[];
};

export type ThreadPageState = {
  lang: Locale;
  session: PageSession;
  threads: readonly StaffThreadSummary[];
  consultations: ReadonlyArray<{ slug: string; title: LocalizedText; status: string }>;
  values?: ImportFormValues;
  errors?: readonly (FieldError & { target?: string })[];
  /** Where a refusal of a re-sync belongs: not the import form. */
  syncErrors?: readonly (FieldError & { target?: string })[];
  status?: string | undefined;
  result?: ImportResultView | undefined;
  /** Items in the queue are linked only for roles that can open them. */
  itemHref?: ((id: string) => string) | undefined;
};

export function resultSection(lang: Locale, result: ImportResultView, itemHref: ThreadPageState['itemHref']): Html {
  const m = textsFor(threadTexts, lang).result;
  const kinds = textsFor(threadTexts, lang).kinds;
  const flagged =
    result.flagged.length === 0
      ? html`<p>${m.noneFlagged}</p>`
      : html`<h3>${m.flaggedHeading(result.flagged.length)}</h3><p>${m.flaggedIntro}</p>
<ul>${result.flagged.map((post) => {
          const when = new Date(post.postedAt);
          const words = post.kinds.map((kind) => kinds[kind]).join(', ');
          return html`<li>${m.flaggedPost(formatDateTime(when, lang), words)}${itemHref ? html` — <a href="${itemHref(post.id)}">${m.openItem}</a>` : nothing}</li>`;
        })}</ul>`;
  return html`<section aria-labelledby="import-result-heading"><h2 id="import-result-heading">${m.heading}</h2>
<p>${m.changes(result.stats)} ${m.waiting(result.waiting)}</p>
${flagged}</section>`;
}

function threadTable(state: ThreadPageState): Html {
  const { lang, session } = state;
  const m = textsFor(threadTexts, lang);
  if (state.threads.length === 0) return html`<p>${m.empty}</p>`;
  const titles = new Map(state.consultations.map((c) => [c.slug, pick(c.title, lang)]));
  const rows = state.threads.map((thread) => {
    const title = pick(thread.title, lang) || m.untitled;
    const synced = thread.removedAt
      ? m.removedAtSource
      : !thread.live
        ? m.fromFile
        : thread.lastSyncedAt
          ? html`${time(thread.lastSyncedAt, formatDateTime(new Date(thread.lastSyncedAt), lang))}${thread.lastSyncError ? html` (${m.syncError})` : nothing}`
          : m.neverSynced;
    const action =
      thread.live && !thread.removedAt
        ? html`<form method="post" action="${threadPaths.sync(thread.id)}" class="staff-inline-form">${hiddenFields({ csrf: session.csrfToken, lang })}<button type="submit" id="sync-${thread.id}" class="staff-button staff-button--secondary"${attrs({ 'aria-label': m.sync(title) })}>${m.syncShort}</button></form>`
        : nothing;
    const consultation = thread.consultation ? (titles.get(thread.consultation) ?? thread.consultation) : '—';
    return html`<tr><th scope="row">${title}</th><td>${m.platforms[thread.platform]}</td><td>${consultation}</td><td>${m.postsCount(thread.posts.total, thread.posts.waiting)}</td><td>${synced}</td><td>${action}</td></tr>`;
  });
  return html`<div class="staff-table-wrap" role="region" aria-labelledby="threads-caption" tabindex="0"><table class="staff-table">
<caption id="threads-caption">${m.caption}</caption>
<thead><tr><th scope="col">${m.columns.title}</th><th scope="col">${m.columns.platform}</th><th scope="col">${m.columns.consultation}</th><th scope="col">${m.columns.posts}</th><th scope="col">${m.columns.synced}</th><th scope="col">${m.columns.action}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

export function renderThreadPage(state: ThreadPageState): string {
  const { lang, session } = state;
  const m = textsFor(threadTexts, lang);
  const values = state.values ?? EMPTY_IMPORT_FORM;
  const errors = state.errors ?? [];
  const errorOf = (name: string) => errors.find((e) => e.field === name);
  const input = (
    name: 'url' | 'titleNl' | 'titleEn',
    label: string,
    hint: string,
    extra: Record<string, string | boolean | undefined> = {},
  ) => {
    const error = errorOf(name);
    return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${name}">${label}</label>
<p class="staff-hint" id="${name}-hint">${hint}</p>
${error ? fieldError(lang, `${name}-error`, error.message) : nothing}
<input${attrs({
      id: name,
      name,
      type: 'text',
      value: values[name],
      'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': idRefs(`${name}-hint`, error ? `${name}-error` : undefined),
      ...extra,
    })}></div>`;
  };
  const filesError = errorOf('files');
  const consultationError = errorOf('consultation');
  const options = [
    html`<option value=""${attrs({ selected: values.consultation === '' })}>${m.noConsultation}</option>`,
    ...state.consultations.map(
      (c) =>
        html`<option${attrs({ value: c.slug, selected: values.consultation === c.slug })}>${pick(c.title, lang)}${c.status === 'draft' ? ` (${m.draft})` : ''}</option>`,
    ),
  ];
  const form = html`<form method="post" action="${threadPaths.importForm}?lang=${lang}" enctype="multipart/form-data" class="staff-form" novalidate>
${hiddenFields({ csrf: session.csrfToken, lang })}
<fieldset class="staff-fieldset" aria-describedby="source-hint"><legend>${m.sourceLegend}</legend>
<p class="staff-hint" id="source-hint">${m.sourceHint}</p>
${input('url', m.url, m.urlHint, { type: 'url', inputmode: 'url', autocomplete: 'off', spellcheck: 'false' })}
<div class="staff-field${filesError ? ' staff-field--invalid' : ''}"><label for="files">${m.files}</label>
<p class="staff-hint" id="files-hint">${m.filesHint}</p>
${filesError ? fieldError(lang, 'files-error', filesError.message) : nothing}
<input${attrs({
    id: 'files',
    name: 'files',
    type: 'file',
    multiple: true,
    accept: 'application/json,.json',
    'aria-invalid': filesError ? 'true' : undefined,
    'aria-describedby': idRefs('files-hint', filesError ? 'files-error' : undefined),
  })}></div>
</fieldset>
<div class="staff-field${consultationError ? ' staff-field--invalid' : ''}"><label for="consultation">${m.consultation}</label>
${consultationError ? fieldError(lang, 'consultation-error', consultationError.message) : nothing}
<select${attrs({
    id: 'consultation',
    name: 'consultation',
    'aria-invalid': consultationError ? 'true' : undefined,
    'aria-describedby': consultationError ? 'consultation-error' : undefined,
  })}>${options}</select></div>
${input('titleNl', m.titleNl, m.titleNlHint, { lang: lang === 'nl' ? undefined : 'nl', required: true })}
${input('titleEn', m.titleEn, m.titleEnHint, { lang: lang === 'en' ? undefined : 'en' })}
<button type="submit" class="staff-button">${m.submit}</button>
</form>`;
  const body = html`${errorSummary(lang, [...errors, ...(state.syncErrors ?? [])])}
${notice(state.status)}
${state.result ? resultSection(lang, state.result, state.itemHref) : nothing}
<p>${m.intro}</p>
<h2>${m.importHeading}</h2>
${form}
<h2>${m.listHeading}</h2>
${threadTable(state)}`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: threadPaths.page(lang),
    hasErrors: errors.length > 0 || (state.syncErrors ?? []).length > 0,
  });
}
