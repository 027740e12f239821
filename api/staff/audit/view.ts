/**
 * The audit-log viewer for administrators: a filter form, one page of entries as a table
 * (when, and what happened as a sentence linking to the person's entries and to the item,
 * with the action and its details for whoever needs them), a pager, and the same result as
 * CSV and JSON.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as insightsTexts from '../insights/texts.ts';
import type { AuditRow } from '../../services/audit-log.ts';
import type { AuditFilterError, RawAuditFilter } from '../../services/audit-filter.ts';
import { attrs, html, join, nothing, type Html } from '../../../shared/html/index.ts';
import { toCsv } from '../../lib/csv.ts';
import { auditPaths } from './paths.ts';
import { personHint, sentenceHtml, sentenceText } from './sentences.ts';
import { errorSummary, fieldError, time } from '../kit/components.ts';
import { formatDateTimeSeconds } from '../kit/format.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';

function value(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function actorText(row: AuditRow, lang: Locale): string {
  const m = textsFor(insightsTexts, lang).audit;
  if (row.actorType === 'system') return m.filters.system;
  if (row.actorType === 'resident') return m.filters.resident;
  return row.actorName ?? m.erasedStaff;
}

export function auditCsv(rows: readonly AuditRow[], lang: Locale): string {
  const c = textsFor(insightsTexts, lang).audit.columns;
  const header = [
    c.at,
    c.sentence,
    c.actor,
    `${c.actor} (id)`,
    c.action,
    c.subject,
    `${c.subject} (id)`,
    c.before,
    c.after,
    c.details,
  ];
  return toCsv(
    header,
    rows.map((r) => [
      r.at.toISOString(),
      sentenceText(r, lang),
      actorText(r, lang),
      r.actorId,
      r.action,
      r.subjectType,
      r.subjectId,
      value(r.before),
      value(r.after),
      JSON.stringify(r.details),
    ]),
  );
}

export function auditJson(rows: readonly AuditRow[], filter: RawAuditFilter, generatedAt: Date, lang: Locale) {
  return {
    filter,
    generatedAt: generatedAt.toISOString(),
    count: rows.length,
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      sentence: sentenceText(r, lang),
      actorType: r.actorType,
      actorId: r.actorId,
      actor: actorText(r, lang),
      action: r.action,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      before: r.before ?? null,
      after: r.after ?? null,
      details: r.details,
    })),
  };
}

function query(raw: RawAuditFilter, page?: number): string {
  const params = new URLSearchParams();
  for (const name of ['actor', 'action', 'subject', 'from', 'to'] as const) if (raw[name]) params.set(name, raw[name]!);
  if (page && page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function renderAuditPage(options: {
  lang: Locale;
  session: PageSession;
  raw: RawAuditFilter;
  actors: Array<{ id: string; name: string }>;
  result:
    | { rows: AuditRow[]; total: number; more: boolean; page: number; pages: number; pageSize: number }
    | { errors: AuditFilterError[] };
}): string {
  const { lang, raw } = options;
  const t = textsFor(insightsTexts, lang);
  const m = t.audit;
  const errors = 'errors' in options.result ? options.result.errors : [];
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const message = (field: string) => {
    const error = errorFor(field);
    return error && fieldError(lang, `audit-${field}-error`, t.errors[error.code]);
  };
  const described = (field: string, hint?: boolean) =>
    [errorFor(field) ? `audit-${field}-error` : '', hint ? `audit-${field}-hint` : ''].filter(Boolean).join(' ') ||
    undefined;
  const text = (name: 'action' | 'subject' | 'from' | 'to', label: string, hint?: string) =>
    html`<div class="staff-field${errorFor(name) ? ' staff-field--invalid' : ''}">
<label for="audit-${name}">${label}</label>
${hint && html`<p class="insights-hint" id="audit-${name}-hint">${hint}</p>`}
${message(name)}
<input${attrs({ type: 'text', id: `audit-${name}`, name, value: raw[name] ?? '', autocomplete: 'off', spellcheck: 'false', 'aria-invalid': errorFor(name) ? 'true' : undefined, 'aria-describedby': described(name, Boolean(hint)) })}>
</div>`;
  const actorOptions = [
    ['', m.filters.anyActor],
    ['system', m.filters.system],
    ['resident', m.filters.resident],
    ...options.actors.map((a) => [a.id, a.name]),
  ].map(([v, label]) => html`<option${attrs({ value: v, selected: raw.actor === v && v !== '' })}>${label}</option>`);
  const form = html`<form method="get" action="${auditPaths.page(lang)}" class="staff-filters" aria-labelledby="audit-filters-heading">
<h2 id="audit-filters-heading">${m.filters.heading}</h2>
<div class="staff-filter-fields">
<div class="staff-field${errorFor('actor') ? ' staff-field--invalid' : ''}">
<label for="audit-actor">${m.filters.actor}</label>
${message('actor')}
<select${attrs({ id: 'audit-actor', name: 'actor', 'aria-invalid': errorFor('actor') ? 'true' : undefined, 'aria-describedby': described('actor') })}>${actorOptions}</select>
</div>
${text('action', m.filters.action, m.filters.actionHint)}
${text('subject', m.filters.subject, m.filters.subjectHint)}
${text('from', m.filters.from, t.filters.dateHint)}
${text('to', m.filters.to, t.filters.dateHint)}
</div>
${message('page')}
<p class="staff-actions"><button type="submit" class="staff-button">${m.filters.apply}</button> <a href="${auditPaths.page(lang)}">${m.filters.clear}</a></p>
</form>`;
  // A wrong page number has no field of its own: its message leads to the first filter.
  const summary = errorSummary(
    lang,
    errors.map((e) => ({
      field: e.field,
      message: t.errors[e.code],
      target: `audit-${e.field === 'page' ? 'action' : e.field}`,
    })),
  );
  let results: Html = nothing;
  if ('rows' in options.result) {
    const { rows, total, more, page, pages, pageSize } = options.result;
    const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
    const caption = m.caption(first, first + rows.length - 1, total, more);
    const c = m.columns;
    const body = rows.map(
      (r) => html`<tr>
<th scope="row">${time(r.at, formatDateTimeSeconds(r.at, lang))}</th>
<td>${sentenceHtml(r, lang)}</td>
<td><code>${r.action}</code></td>
<td><code class="audit-details">${JSON.stringify(r.details)}</code></td>
</tr>`,
    );
    const pager =
      pages > 1 &&
      html`<nav class="audit-pager" aria-label="${m.pager}"><p>${m.page(page, pages)}</p><ul>
${page > 1 && html`<li><a href="${auditPaths.page(lang)}${query(raw, page - 1)}" rel="prev">${m.previous}</a></li>`}
${page < pages && html`<li><a href="${auditPaths.page(lang)}${query(raw, page + 1)}" rel="next">${m.next}</a></li>`}
</ul></nav>`;
    const table =
      total === 0
        ? html`<p>${caption}.</p>`
        : html`<div class="insights-table" role="region" tabindex="0" aria-labelledby="audit-caption">
<table class="audit-table">
<caption id="audit-caption">${caption}</caption>
<thead><tr><th scope="col">${c.at}</th><th scope="col">${c.sentence}</th><th scope="col">${c.action}</th><th scope="col">${c.details}</th></tr></thead>
<tbody>
${join(body, '\n')}
</tbody>
</table>
</div>`;
    results = html`<div class="audit-results">
${total > 0 && personHint(lang)}
${table}
${pager}
${more && html`<p>${m.browseLimit(total)}</p>`}
<ul class="insights-downloads" aria-label="${m.downloads}">
<li><a href="${auditPaths.export(lang, 'csv')}${query(raw)}" download>${m.csv}</a></li>
<li><a href="${auditPaths.export(lang, 'json')}${query(raw)}" download>${m.json}</a></li>
</ul>
</div>`;
  }
  return staffPage({
    lang,
    title: m.title,
    body: html`${summary}\n<p>${m.intro}</p>\n${form}\n${results}`,
    session: options.session,
    path: auditPaths.page(lang),
    hasErrors: errors.length > 0,
  });
}
