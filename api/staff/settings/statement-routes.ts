/**
 * The accessibility-statement settings page (/beheer/instellingen/toegankelijkheidsverklaring,
 * /en/manage/settings/accessibility-statement): one form post for every change, checked here
 * and saved by services/statement-settings.ts on the version the page was opened on. Mounted by
 * the settings group's routes.ts.
 */
import type { Context, Hono } from 'hono';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import type { AccessibilityAudit, AccessibilityDeviation, LocalizedText } from '../../db/schema.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import {
  isAuditUrl,
  isContactEmail,
  isSuccessCriterion,
  loadStatementSettings,
  normalStatementDate,
  RESPONSE_DAYS,
  saveStatementChange,
  STATEMENT_MAX_LONG,
  STATEMENT_MAX_SHORT,
  STATEMENT_STATUSES,
  type StatementChange,
  type StatementGeneral,
  type StatementPart,
} from '../../services/statement-settings.ts';
import { formatDateTime } from '../kit/format.ts';
import { field, pageSession, staffForm, staffPage, type FormBody, type StaffEnv } from '../kit/guards.ts';
import { settingsPaths } from './paths.ts';
import * as statementTexts from './statement-texts.ts';
import {
  auditFields,
  deviationFields,
  generalFields,
  renderStatementPage,
  type Typed,
  type Values,
} from './statement-view.ts';
import type { FormError } from './view.ts';

const MAX_SHORT = STATEMENT_MAX_SHORT;
const MAX_LONG = STATEMENT_MAX_LONG;
const ACTIONS = [
  'general',
  'add-audit',
  'save-audit',
  'up-audit',
  'down-audit',
  'remove-audit',
  'add-deviation',
  'save-deviation',
  'up-deviation',
  'down-deviation',
  'remove-deviation',
] as const;
type Action = (typeof ACTIONS)[number];
const PARTS: readonly StatementPart[] = [
  'general',
  'audit_added',
  'audit_changed',
  'audit_moved',
  'audit_removed',
  'deviation_added',
  'deviation_changed',
  'deviation_moved',
  'deviation_removed',
];

const text = (nl: string, en: string): LocalizedText =>
  en.trim() ? { nl: nl.trim(), en: en.trim() } : { nl: nl.trim() };

/** Reads one form's fields as typed and checks them; returns the change to save, or the errors. */
function checkForm(
  body: FormBody,
  lang: Locale,
  action: Action,
  row: number,
): { typed: Typed; errors: FormError[]; change?: StatementChange } {
  const m = textsFor(statementTexts, lang);
  const kind = action === 'general' ? 'general' : action.endsWith('audit') ? 'audit' : 'deviation';
  const form =
    kind === 'general' ? 'general' : `${kind === 'audit' ? 'a' : 'd'}${action.startsWith('add') ? 'new' : row}`;
  const specs = kind === 'general' ? generalFields(lang) : kind === 'audit' ? auditFields(lang) : deviationFields(lang);
  const values: Values = {};
  for (const spec of specs) values[spec.name] = (field(body, spec.name) ?? '').slice(0, MAX_LONG + 500);
  if (kind === 'general') values['status'] = (field(body, 'status') ?? '').slice(0, 2);
  const errors: FormError[] = [];
  const label = (name: string) => specs.find((s) => s.name === name)!.label;
  const need = (name: string, max: number) => {
    const v = values[name]!.trim();
    if (!v) errors.push({ field: `${form}-${name}`, message: m.errors.required(label(name)) });
    else if (v.length > max) errors.push({ field: `${form}-${name}`, message: m.errors.tooLong(label(name), max) });
  };
  const optional = (name: string, max: number) => {
    if (values[name]!.trim().length > max)
      errors.push({ field: `${form}-${name}`, message: m.errors.tooLong(label(name), max) });
  };
  const date = (name: string, required: boolean) => {
    const v = values[name]!.trim();
    if (!v && !required) return null;
    const d = normalStatementDate(v);
    if (!d) errors.push({ field: `${form}-${name}`, message: m.errors.date(label(name)) });
    return d ?? null;
  };
  const typed = { form, values };

  if (kind === 'general') {
    const status = STATEMENT_STATUSES.find((s) => s === values['status']);
    if (!status) errors.push({ field: 'general-status', message: m.errors.status });
    need('scope-nl', MAX_LONG);
    optional('scope-en', MAX_LONG);
    const statementDate = date('statement-date', true);
    const email = values['contact-email']!.trim();
    if (!isContactEmail(email)) errors.push({ field: 'general-contact-email', message: m.errors.email });
    const daysRaw = values['response-days']!.trim();
    const days = /^\d{1,2}$/.test(daysRaw) ? Number(daysRaw) : Number.NaN;
    if (!(days >= RESPONSE_DAYS.min && days <= RESPONSE_DAYS.max))
      errors.push({ field: 'general-response-days', message: m.errors.days });
    if (errors.length > 0) return { typed, errors };
    const general: StatementGeneral = {
      status: status!,
      scope: text(values['scope-nl']!, values['scope-en']!),
      statementDate: statementDate!,
      contactEmail: email,
      responseDays: days,
    };
    return { typed, errors, change: { kind: 'general', general } };
  }

  if (kind === 'audit') {
    need('title-nl', MAX_SHORT);
    optional('title-en', MAX_SHORT);
    need('by', MAX_SHORT);
    const auditDate = date('date', true);
    const url = values['url']!.trim();
    if (url && !isAuditUrl(url)) errors.push({ field: `${form}-url`, message: m.errors.url });
    if (errors.length > 0) return { typed, errors };
    const value: AccessibilityAudit = {
      title: text(values['title-nl']!, values['title-en']!),
      by: values['by']!.trim(),
      date: auditDate!,
      url: url || null,
    };
    return {
      typed,
      errors,
      change:
        action === 'add-audit'
          ? { kind: 'add', row: { kind: 'audit', value } }
          : { kind: 'edit', index: row, row: { kind: 'audit', value } },
    };
  }

  const criterion = values['criterion']!.trim();
  if (!isSuccessCriterion(criterion)) errors.push({ field: `${form}-criterion`, message: m.errors.criterion });
  need('description-nl', MAX_LONG);
  optional('description-en', MAX_LONG);
  need('measure-nl', MAX_LONG);
  optional('measure-en', MAX_LONG);
  const resolveBy = date('resolve-by', false);
  if (errors.length > 0) return { typed, errors };
  const value: AccessibilityDeviation = {
    criterion,
    description: text(values['description-nl']!, values['description-en']!),
    measure: text(values['measure-nl']!, values['measure-en']!),
    resolveBy,
  };
  return {
    typed,
    errors,
    change:
      action === 'add-deviation'
        ? { kind: 'add', row: { kind: 'deviation', value } }
        : { kind: 'edit', index: row, row: { kind: 'deviation', value } },
  };
}

async function showPage(
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  extra: { typed?: Typed; errors?: FormError[]; status?: string; focus?: string; version?: string } = {},
  status: 200 | 404 | 409 | 422 = 200,
) {
  const settings = await loadStatementSettings(c.get('db'), session.user.organisationId);
  return c.html(
    renderStatementPage({
      lang,
      session: pageSession(session),
      settings,
      version: extra.version ?? String(settings.version),
      typed: extra.typed,
      errors: extra.errors ?? [],
      status: extra.status,
      focus: extra.focus,
    }),
    status,
  );
}

export function mountStatementRoutes(app: Hono<StaffEnv>): void {
  for (const lang of ['nl', 'en'] as const) {
    app.get(settingsPaths.statement(lang), async (c) => {
      const session = staffPage(c, lang, 'admin');
      if (session instanceof Response) return session;
      const done = textsFor(statementTexts, lang).done;
      const query = c.req.query('gedaan');
      const part = PARTS.find((p) => p === query);
      const place = Number(c.req.query('plaats') ?? '0');
      if (query === 'niets') return showPage(c, lang, session, { status: done.unchanged });
      if (!part) return showPage(c, lang, session);
      const status = part === 'audit_moved' || part === 'deviation_moved' ? done[part](place) : (done[part] as string);
      // After a move, focus goes back to the moved row's button, so a keyboard user keeps their place.
      const letter = part.startsWith('audit') ? 'a' : 'd';
      const direction = c.req.query('richting');
      const settings = await loadStatementSettings(c.get('db'), session.user.organisationId);
      const count = letter === 'a' ? settings.audits.length : settings.deviations.length;
      const index = place - 1;
      const focus = part.endsWith('moved')
        ? (direction === 'up' && index > 0) || index === count - 1
          ? `${letter}${index}-up`
          : `${letter}${index}-down`
        : undefined;
      return showPage(c, lang, session, { status, ...(focus ? { focus } : {}) });
    });
  }

  app.post(settingsPaths.statementSave, async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { lang, session, body } = form;
    const m = textsFor(statementTexts, lang).errors;
    const action = ACTIONS.find((a) => a === field(body, 'action')) ?? 'general';
    const rowRaw = field(body, 'row') ?? '';
    const row = /^\d{1,4}$/.test(rowRaw) ? Number(rowRaw) : -1;
    const rowKind = action.endsWith('audit') ? 'audit' : 'deviation';
    const letter = rowKind === 'audit' ? 'a' : 'd';
    const withTexts = action === 'general' || action.startsWith('add') || action.startsWith('save');
    const checked = withTexts ? checkForm(body, lang, action, row) : undefined;
    const target = checked
      ? `${checked.typed.form}-${checked.typed.form === 'general' ? 'scope-nl' : rowKind === 'audit' ? 'title-nl' : 'criterion'}`
      : `${letter}${row}-${action.split('-')[0]}`;
    const refuse = (errors: FormError[], status: 404 | 409 | 422, version?: string) =>
      showPage(
        c,
        lang,
        session,
        { ...(checked ? { typed: checked.typed } : {}), errors, ...(version ? { version } : {}) },
        status,
      );
    if (checked && checked.errors.length > 0) return refuse(checked.errors, 422, field(body, 'version'));
    const versionRaw = field(body, 'version') ?? '';
    if (!/^\d{1,9}$/.test(versionRaw)) return refuse([{ field: 'form', target, message: m.version }], 422);
    if (!withTexts && row < 0) return refuse([{ field: 'form', target, message: m.unknownRow }], 404);
    const change: StatementChange =
      checked?.change ??
      (action.startsWith('remove')
        ? { kind: 'remove', rowKind, index: row }
        : { kind: 'move', rowKind, index: row, direction: action.startsWith('up') ? 'up' : 'down' });
    const result = await saveStatementChange(c.get('db'), {
      organisationId: session.user.organisationId,
      actorId: session.user.id,
      expectedVersion: Number(versionRaw),
      change,
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'no_statement':
        return refuse([{ field: 'form', target: 'general-status', message: m.noStatement }], 422);
      case 'unknown_row':
        return refuse([{ field: 'form', target, message: m.unknownRow }], 404);
      case 'cannot_move':
        return refuse([{ field: 'form', target, message: m.cannotMove }], 422);
      case 'stale': {
        const changes = result.changes.map((ch) => m.change(ch.by, ch.part, formatDateTime(ch.at, lang)));
        return refuse([{ field: 'form', target, message: [m.stale, ...changes].join(' ') }], 409);
      }
      case 'saved': {
        const query = new URLSearchParams(
          result.changed ? { gedaan: result.part, plaats: String(result.index + 1) } : { gedaan: 'niets' },
        );
        if (action.startsWith('up')) query.set('richting', 'up');
        if (action.startsWith('down')) query.set('richting', 'down');
        return c.redirect(`${settingsPaths.statement(lang)}?${query.toString()}`, 303);
      }
    }
  });
}
