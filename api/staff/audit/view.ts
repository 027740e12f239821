/**
 * The audit-log viewer for administrators: a filter form, one page of entries as a table
 * (who, what, when, the subject, before and after), a pager, and the same result as CSV
 * and JSON.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as insightsTexts from '../insights/texts.ts';
import * as queueTexts from '../queue/texts.ts';
import type { AuditRow } from '../../services/audit-log.ts';
import type { AuditFilterError, RawAuditFilter } from '../../services/audit-filter.ts';
import { attrs, escapeHtml } from '../../../shared/render/html.ts';
import { toCsv } from '../../lib/csv.ts';
import { auditPaths } from './paths.ts';
import { staffPage, type PageSession } from '../queue/view.ts';

function when(date: Date, lang: Locale): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(date);
}

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
    { rows: AuditRow[]; total: number; page: number; pages: number; pageSize: number } | { errors: AuditFilterError[] };
}): string {
  const { lang, raw } = options;
  const t = textsFor(insightsTexts, lang);
  const m = t.audit;
  const errors = 'errors' in options.result ? options.result.errors : [];
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const message = (field: string) => {
    const error = errorFor(field);
    return error
      ? `<p class="staff-error-message" id="audit-${field}-error"><span class="staff-visually-hidden">${escapeHtml(textsFor(queueTexts, lang).errorPrefix)} </span>${escapeHtml(t.errors[error.code])}</p>`
      : '';
  };
  const described = (field: string, hint?: boolean) =>
    [errorFor(field) ? `audit-${field}-error` : '', hint ? `audit-${field}-hint` : ''].filter(Boolean).join(' ') ||
    undefined;
  const text = (
    name: 'action' | 'subject' | 'from' | 'to',
    label: string,
    hint?: string,
  ) => `<div class="staff-field${errorFor(name) ? ' staff-field--invalid' : ''}">
<label for="audit-${name}">${escapeHtml(label)}</label>
${hint ? `<p class="insights-hint" id="audit-${name}-hint">${escapeHtml(hint)}</p>` : ''}
${message(name)}
<input${attrs({ type: 'text', id: `audit-${name}`, name, value: raw[name] ?? '', autocomplete: 'off', spellcheck: 'false', 'aria-invalid': errorFor(name) ? 'true' : undefined, 'aria-describedby': described(name, Boolean(hint)) })}>
</div>`;
  const actorOptions = [
    ['', m.filters.anyActor],
    ['system', m.filters.system],
    ['resident', m.filters.resident],
    ...options.actors.map((a) => [a.id, a.name]),
  ]
    .map(
      ([v, label]) =>
        `<option${attrs({ value: v, selected: raw.actor === v && v !== '' })}>${escapeHtml(label)}</option>`,
    )
    .join('');
  const form = `<form method="get" action="${auditPaths.page(lang)}" class="staff-filters" aria-labelledby="audit-filters-heading">
<h2 id="audit-filters-heading">${escapeHtml(m.filters.heading)}</h2>
<div class="staff-filter-fields">
<div class="staff-field${errorFor('actor') ? ' staff-field--invalid' : ''}">
<label for="audit-actor">${escapeHtml(m.filters.actor)}</label>
${message('actor')}
<select${attrs({ id: 'audit-actor', name: 'actor', 'aria-invalid': errorFor('actor') ? 'true' : undefined, 'aria-describedby': described('actor') })}>${actorOptions}</select>
</div>
${text('action', m.filters.action, m.filters.actionHint)}
${text('subject', m.filters.subject, m.filters.subjectHint)}
${text('from', m.filters.from, t.filters.dateHint)}
${text('to', m.filters.to, t.filters.dateHint)}
</div>
${errorFor('page') ? message('page') : ''}
<p class="staff-actions"><button type="submit" class="staff-button">${escapeHtml(m.filters.apply)}</button> <a href="${auditPaths.page(lang)}">${escapeHtml(m.filters.clear)}</a></p>
</form>`;
  const summary =
    errors.length === 0
      ? ''
      : `<div class="staff-error-summary" id="staff-error-summary" tabindex="-1" autofocus aria-labelledby="staff-error-summary-heading">
<h2 id="staff-error-summary-heading">${escapeHtml(textsFor(queueTexts, lang).errorSummaryHeading)}</h2>
<ul>${errors.map((e) => `<li><a href="#audit-${e.field === 'page' ? 'action' : e.field}">${escapeHtml(t.errors[e.code])}</a></li>`).join('')}</ul>
</div>`;
  let results = '';
  if ('rows' in options.result) {
    const { rows, total, page, pages, pageSize } = options.result;
    const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
    const caption = m.caption(first, first + rows.length - 1, total);
    const c = m.columns;
    const body = rows
      .map(
        (r) => `<tr>
<th scope="row"><time datetime="${r.at.toISOString()}">${escapeHtml(when(r.at, lang))}</time></th>
<td>${escapeHtml(actorText(r, lang))}</td>
<td><code>${escapeHtml(r.action)}</code></td>
<td>${escapeHtml(r.subjectType)}${r.subjectId ? `<br><code>${escapeHtml(r.subjectId)}</code>` : ''}</td>
<td>${r.before === null ? m.none : `<code>${escapeHtml(value(r.before))}</code>`}</td>
<td>${r.after === null ? m.none : `<code>${escapeHtml(value(r.after))}</code>`}</td>
<td><code class="audit-details">${escapeHtml(JSON.stringify(r.details))}</code></td>
</tr>`,
      )
      .join('\n');
    const pager =
      pages > 1
        ? `<nav class="audit-pager" aria-label="${escapeHtml(m.pager)}"><p>${escapeHtml(m.page(page, pages))}</p><ul>
${page > 1 ? `<li><a href="${auditPaths.page(lang)}${escapeHtml(query(raw, page - 1))}" rel="prev">${escapeHtml(m.previous)}</a></li>` : ''}
${page < pages ? `<li><a href="${auditPaths.page(lang)}${escapeHtml(query(raw, page + 1))}" rel="next">${escapeHtml(m.next)}</a></li>` : ''}
</ul></nav>`
        : '';
    const table =
      total === 0
        ? `<p>${escapeHtml(caption)}.</p>`
        : `<div class="insights-table" role="region" tabindex="0" aria-labelledby="audit-caption">
<table class="audit-table">
<caption id="audit-caption">${escapeHtml(caption)}</caption>
<thead><tr><th scope="col">${escapeHtml(c.at)}</th><th scope="col">${escapeHtml(c.actor)}</th><th scope="col">${escapeHtml(c.action)}</th><th scope="col">${escapeHtml(c.subject)}</th><th scope="col">${escapeHtml(c.before)}</th><th scope="col">${escapeHtml(c.after)}</th><th scope="col">${escapeHtml(c.details)}</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>`;
    results = `<div class="audit-results">
${table}
${pager}
<ul class="insights-downloads" aria-label="${escapeHtml(m.downloads)}">
<li><a href="${auditPaths.export(lang, 'csv')}${escapeHtml(query(raw))}" download>${escapeHtml(m.csv)}</a></li>
<li><a href="${auditPaths.export(lang, 'json')}${escapeHtml(query(raw))}" download>${escapeHtml(m.json)}</a></li>
</ul>
</div>`;
  }
  return staffPage({
    lang,
    title: m.title,
    body: `${summary}\n<p>${escapeHtml(m.intro)}</p>\n${form}\n${results}`,
    session: options.session,
    path: auditPaths.page(lang),
    hasErrors: errors.length > 0,
  });
}
