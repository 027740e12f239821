/**
 * Server-rendered staff pages: the log-in page and the moderation queue, in the staff
 * page shell (kit/shell.ts): an error summary that takes focus, errors next to fields.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, join, nothing, type Html } from '../../../shared/html/index.ts';
import { idRefs } from '../../../shared/render/html.ts';
import * as queueTexts from './texts.ts';
import type { HouseRule, QueueFilterOptions, QueueItem } from '../../services/moderation/index.ts';
import { DECISIONS } from '../../services/moderation/index.ts';
import type { Flag } from '../../services/screening/types.ts';
import { webcarePaths } from '../webcare/paths.ts';
import { auditPaths } from '../audit/paths.ts';
import type { AccountUnderAttack } from '../../services/auth/login-alerts.ts';
import { clockMeta, queueItemWebcare, shortcutStatus, type QueueWebcare } from '../webcare/view.ts';
import * as webcareTexts from '../webcare/texts.ts';
import {
  errorSummary,
  fieldError,
  hiddenField,
  hiddenFields,
  notice,
  pick,
  time,
  type FieldError,
} from '../kit/components.ts';
import { formatDateTime } from '../kit/format.ts';
import { staffPage, staffPaths, type PageSession } from '../kit/shell.ts';

// ---------------------------------------------------------------------------------------

export function renderLoginPage(options: {
  lang: Locale;
  email?: string;
  next?: string | undefined;
  errors?: FieldError[];
  notice?: string | undefined;
}): string {
  const { lang, errors = [] } = options;
  const m = textsFor(queueTexts, lang).login;
  const field = (name: 'email' | 'password', label: string, input: Record<string, string | boolean | undefined>) => {
    const error = errors.find((e) => e.field === name);
    const errorId = error ? `${name}-error` : undefined;
    return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}">
<label for="${name}">${label}</label>
${error && errorId ? fieldError(lang, errorId, error.message) : ''}
<input${attrs({ id: name, name, ...input, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': idRefs(errorId) })}>
</div>`;
  };
  const other: Locale = lang === 'en' ? 'nl' : 'en';
  const body = html`${notice(options.notice)}
${errorSummary(lang, errors)}
<p>${m.intro}</p>
<form method="post" action="${staffPaths.login(lang)}" novalidate class="staff-form">
${options.next ? hiddenField('next', options.next) : ''}
${field('email', m.email, { type: 'email', autocomplete: 'username', spellcheck: 'false', value: options.email ?? '', required: true })}
${field('password', m.password, { type: 'password', autocomplete: 'current-password', required: true })}
<button type="submit" class="staff-button">${m.submit}</button>
</form>
<p><a href="${staffPaths.login(other)}" lang="${other}" hreflang="${other}">${m.otherLanguage}</a></p>`;
  return staffPage({ lang, title: m.title, body, hasErrors: errors.length > 0, path: staffPaths.login(lang) });
}

// ---------------------------------------------------------------------------------------

export type DecisionFormState = {
  /** The item whose form was sent, or `bulk` for the form that decides on a selection. */
  itemId: string;
  values: {
    decision?: string | undefined;
    rule?: string | undefined;
    note?: string | undefined;
    items?: string[] | undefined;
  };
  errors: FieldError[];
};

/** The queue filter as the form shows it; values are the raw query parameters. */
export type QueueFilterValues = {
  status?: string | undefined;
  channel?: string | undefined;
  consultation?: string | undefined;
  topic?: string | undefined;
  department?: string | undefined;
  flag?: string | undefined;
  overdue?: boolean | undefined;
};

export const BULK = 'bulk';

export function renderQueuePage(options: {
  lang: Locale;
  session: PageSession;
  items: QueueItem[];
  rules: HouseRule[];
  canDecide: boolean;
  canRead: boolean;
  /** The page's own path and query, to come back to after a decision. */
  here: string;
  filter: QueueFilterValues;
  filterOptions: QueueFilterOptions;
  /** The notice after a redirect: how many decisions were saved and skipped. */
  saved?: { decided: number; skipped: number } | undefined;
  /** The notice after a sentiment correction. */
  sentimentSaved?: boolean | undefined;
  form?: DecisionFormState | undefined;
  now: Date;
  /** Assignment, answers and the response clock on every item (webcare/view.ts). */
  webcare?: QueueWebcare | undefined;
  /** For administrators: staff accounts whose log-in was throttled in the last hour. */
  accountsUnderAttack?: AccountUnderAttack[] | undefined;
}): string {
  const { lang, form } = options;
  const m = textsFor(queueTexts, lang).queue;
  const errorTarget = (field: string) => {
    if (form?.itemId !== BULK) return `item-${form?.itemId}-${field}`;
    return field === 'items' ? `item-${options.items[0]?.id ?? ''}-select` : `bulk-${field}`;
  };
  const assignError = options.webcare?.assignError;
  const formErrors = (form?.errors ?? [])
    .map((e) => ({ ...e, target: errorTarget(e.field) }))
    .concat(
      assignError
        ? [{ ...assignError.error, target: `item-${assignError.itemId}-assign-${assignError.error.field}` }]
        : [],
    );
  let body: Html;
  if (!options.canRead) {
    body = html`<p>${m.noAccess}</p>`;
  } else {
    const list =
      options.items.length === 0
        ? html`<p>${m.empty}</p>`
        : html`<ol class="staff-queue">${join(
            options.items.map((item) => html`<li>${renderItem(item, options)}</li>`),
            '\n',
          )}</ol>`;
    const status =
      options.webcare?.notice ||
      (options.saved
        ? options.saved.decided === 1 && options.saved.skipped === 0
          ? m.saved
          : m.bulk.saved(options.saved.decided, options.saved.skipped)
        : options.sentimentSaved
          ? m.sentimentSaved
          : undefined);
    const bulk =
      options.canDecide &&
      options.items.length > 0 &&
      html`<section class="staff-bulk" aria-labelledby="bulk-heading">
<h2 id="bulk-heading">${m.bulk.heading}</h2>
<p>${m.bulk.intro}</p>
${decisionForm({
  lang,
  prefix: 'bulk',
  formId: 'bulk-decision',
  action: staffPaths.bulkDecision,
  rules: options.rules,
  session: options.session,
  here: options.here,
  state: form?.itemId === BULK ? form : undefined,
  submit: m.bulk.save,
})}
</section>`;
    body = html`${attackNotice(lang, options.accountsUnderAttack ?? [])}
${notice(status)}
${errorSummary(lang, formErrors)}
<p>${m.intro}</p>
<p class="staff-shortcut-hint">${textsFor(webcareTexts, lang).shortcuts.hint} <a href="${webcarePaths.shortcuts(lang)}">${textsFor(webcareTexts, lang).shortcuts.help}</a></p>
${shortcutStatus(lang)}
${renderFilters(options)}
<p>${m.count(options.items.length)}</p>
${list}
${bulk}`;
  }
  return staffPage({
    lang,
    title: m.title,
    body,
    session: options.session,
    path: staffPaths.queue(lang),
    hasErrors: formErrors.length > 0,
    scripts: [webcarePaths.shortcutsScript],
  });
}

/**
 * The administrators' warning that someone is guessing staff passwords: a region with a
 * heading (found by heading navigation, not announced on every page view), each account
 * linking to its entries in the audit log.
 */
function attackNotice(lang: Locale, accounts: AccountUnderAttack[]): Html {
  if (accounts.length === 0) return nothing;
  const m = textsFor(queueTexts, lang).attack;
  const items = accounts.map(
    (account) =>
      html`<li><a href="${auditPaths.page(lang)}?${new URLSearchParams({ subject: account.staffUserId }).toString()}">${account.displayName} (${account.email})</a>: ${m.alerts(account.alerts)}, ${m.last} ${time(account.lastAt, formatDateTime(account.lastAt, lang))}</li>`,
  );
  return html`<section class="staff-attack" aria-labelledby="attack-heading">
<h2 id="attack-heading">${m.heading}</h2>
<p>${m.intro}</p>
<ul>${join(items, '\n')}</ul>
</section>`;
}

function renderFilters(options: { lang: Locale; filter: QueueFilterValues; filterOptions: QueueFilterOptions }): Html {
  const { lang, filter } = options;
  const t = textsFor(queueTexts, lang);
  const m = t.queue.filters;
  const select = (name: keyof QueueFilterValues, label: string, first: string, choices: Array<[string, string]>) => {
    const id = `filter-${name}`;
    const current = filter[name];
    const opts = [[``, first] as [string, string], ...choices].map(
      ([value, text]) => html`<option${attrs({ value, selected: current === value && value !== '' })}>${text}</option>`,
    );
    return html`<div class="staff-field"><label for="${id}">${label}</label><select id="${id}" name="${name}">${opts}</select></div>`;
  };
  return html`<form method="get" action="${staffPaths.queue(lang)}" class="staff-filters" aria-labelledby="filters-heading">
<h2 id="filters-heading">${m.heading}</h2>
<div class="staff-filter-fields">
${select('status', m.state, m.stateOpen, Object.entries(t.states))}
${select('channel', m.channel, m.any, Object.entries(t.channels))}
${select(
  'topic',
  m.topic,
  m.any,
  options.filterOptions.topics.map((topic) => [topic.slug, pick(topic.title, lang)]),
)}
${select(
  'consultation',
  m.consultation,
  m.any,
  options.filterOptions.consultations.map((c) => [c.slug, pick(c.title, lang)]),
)}
${select(
  'department',
  m.department,
  m.any,
  options.filterOptions.departments.map((d) => [d.slug, pick(d.name, lang)]),
)}
${select('flag', m.flag, m.any, Object.entries(t.categories))}
</div>
<div class="staff-checkbox"><input${attrs({ type: 'checkbox', id: 'filter-overdue', name: 'overdue', value: '1', checked: Boolean(filter.overdue) })}><label for="filter-overdue">${m.overdue}</label></div>
<p class="staff-actions"><button type="submit" class="staff-button">${m.apply}</button> <a href="${staffPaths.queue(lang)}">${m.clear}</a></p>
</form>`;
}

function renderItem(
  item: QueueItem,
  options: {
    lang: Locale;
    rules: HouseRule[];
    canDecide: boolean;
    session: PageSession;
    here: string;
    now: Date;
    form?: DecisionFormState | undefined;
    webcare?: QueueWebcare | undefined;
  },
): Html {
  const { lang } = options;
  const t = textsFor(queueTexts, lang);
  const m = t.queue;
  const headingId = `item-${item.id}-heading`;
  if (item.reviewState === 'erased') return renderErasedItem(item, lang, headingId);
  const textLang = itemLang(item);
  const answers = item.answers.map((answer) => {
    const screened = item.screening?.fields.find((f) => f.question === answer.question);
    const value =
      answer.kind === 'open_text' && typeof answer.value === 'string'
        ? html`<p class="staff-answer"${attrs({ lang: textLang })}>${highlight(answer.value, screened?.flags ?? [])}</p>`
        : html`<p class="staff-answer">${answerText(answer, lang)}</p>`;
    const preview =
      screened &&
      typeof answer.value === 'string' &&
      screened.redacted !== answer.value &&
      html`<details class="staff-preview"><summary>${m.redactedPreview}</summary><p${attrs({ lang: textLang })}>${screened.redacted}</p></details>`;
    return html`<h3>${pick(answer.prompt, lang)}</h3>${value}${preview}`;
  });
  const flags = item.screening?.fields.flatMap((f) => f.flags) ?? [];
  const screening = !item.screening
    ? html`<p>${m.notScreened}</p>`
    : flags.length === 0
      ? html`<p>${m.noFlags}</p>`
      : html`<ul class="staff-flags">${flags.map(
          (flag) =>
            html`<li class="staff-flag staff-flag--${flag.category}"><strong>${t.categories[flag.category]}:</strong> ${flag.reason[lang]}</li>`,
        )}</ul>`;
  const heading = m.itemHeading(pick(item.consultation.title, lang));
  const received = formatDateTime(item.createdAt, lang);
  const state = options.form?.itemId === item.id ? options.form : undefined;
  const bulkState = options.form?.itemId === BULK ? options.form : undefined;
  const selectId = `item-${item.id}-select`;
  // The checkbox belongs to the bulk form at the end of the page (form attribute), so each
  // item can still have its own form.
  const select =
    options.canDecide &&
    html`<div class="staff-checkbox"><input${attrs({
      type: 'checkbox',
      id: selectId,
      name: 'item',
      value: item.id,
      form: 'bulk-decision',
      checked: bulkState?.values.items?.includes(item.id) ?? false,
    })}><label for="${selectId}">${m.bulk.select(heading, received)}</label></div>`;
  return html`<article class="staff-item" aria-labelledby="${headingId}" tabindex="-1" data-queue-item>
<h2 id="${headingId}">${heading}</h2>
${select}
<dl class="staff-meta">
<div><dt>${m.received}</dt><dd>${time(item.createdAt, received)}</dd></div>
<div><dt>${m.due}</dt><dd>${time(item.dueAt, formatDateTime(item.dueAt, lang))}</dd></div>
${clockMeta(item, lang, options.now)}
${item.openReports > 0 && html`<div><dt>${m.reports}</dt><dd>${item.openReports}</dd></div>`}
<div><dt>${m.channel}</dt><dd>${t.channels[item.channel] ?? item.channel}${socialSource(item, lang)}</dd></div>
<div><dt>${m.state}</dt><dd>${t.states[item.reviewState]}</dd></div>
</dl>
${join(answers, '\n')}
<h3>${m.screening}</h3>
${screening}
${item.screening?.proofOfWork === 'missing' && html`<p>${textsFor(queueTexts, lang).proofOfWork.missing}</p>`}
${sentimentSection(item, options)}
${queueItemWebcare(item, options)}
${
  options.canDecide &&
  decisionForm({
    lang,
    prefix: `item-${item.id}`,
    action: staffPaths.decision(item.id),
    rules: options.rules,
    session: options.session,
    here: options.here,
    state,
    submit: m.save,
  })
}
</article>`;
}

/** An erased item: that it was there and when, without a word of it and without actions. */
function renderErasedItem(item: QueueItem, lang: Locale, headingId: string): Html {
  const t = textsFor(queueTexts, lang);
  const m = t.queue;
  return html`<article class="staff-item staff-item--erased" aria-labelledby="${headingId}" tabindex="-1" data-queue-item>
<h2 id="${headingId}">${m.itemHeading(pick(item.consultation.title, lang))}</h2>
<dl class="staff-meta">
<div><dt>${m.received}</dt><dd>${time(item.createdAt, formatDateTime(item.createdAt, lang))}</dd></div>
<div><dt>${m.channel}</dt><dd>${t.channels[item.channel] ?? item.channel}</dd></div>
<div><dt>${m.state}</dt><dd>${t.states[item.reviewState]}</dd></div>
</dl>
<p>${m.erasedBody}</p>
</article>`;
}

/** The language of an item's text: a mirrored post's own (none when unknown), else the input's. */
function itemLang(item: QueueItem): string | undefined {
  return (item.source ? item.source.lang : item.language) || undefined;
}

/** For a mirrored post: the platform and account, and a link to the post there. */
function socialSource(item: QueueItem, lang: Locale): Html {
  if (!item.source) return nothing;
  const m = textsFor(queueTexts, lang).socialQueue;
  const where = `: ${item.source.platform}${item.source.account ? `, @${item.source.account}` : ''}`;
  const link =
    item.source.postUrl &&
    html` <a href="${item.source.postUrl}" rel="noopener noreferrer">${m.original(item.source.platform)}</a>`;
  return html`${where}${link}`;
}

/**
 * The item's sentiment and a form to correct it: corrections train the municipality's
 * own model (api/services/item-sentiment.ts).
 */
function sentimentSection(
  item: QueueItem,
  options: { lang: Locale; canDecide: boolean; session: PageSession; here: string },
): Html {
  const { lang } = options;
  const m = textsFor(queueTexts, lang).queue;
  const current = item.sentiment;
  const now = current
    ? m.sentimentNow(
        m.sentimentLabels[current.label],
        current.method === 'staff-correction' ? m.sentimentByStaff : m.sentimentByMethod(current.confidence),
      )
    : m.sentimentNone;
  if (!options.canDecide) return html`<h3>${m.sentiment}</h3><p>${now}</p>`;
  const selectId = `item-${item.id}-sentiment`;
  const choices = (['positive', 'neutral', 'negative'] as const).map(
    (label) =>
      html`<option${attrs({ value: label, selected: current?.label === label })}>${m.sentimentLabels[label]}</option>`,
  );
  return html`<h3>${m.sentiment}</h3>
<form method="post" action="${staffPaths.sentiment(item.id)}" class="staff-form staff-sentiment">
${hiddenFields({ csrf: options.session.csrfToken, lang, next: options.here })}
<p>${now}</p>
<label for="${selectId}">${m.sentimentLabel}</label>
<select id="${selectId}" name="label">${choices}</select>
<button class="staff-button" type="submit">${m.sentimentSave}</button>
</form>`;
}

function decisionForm(options: {
  lang: Locale;
  /** Prefix of every id in the form, unique on the page. */
  prefix: string;
  formId?: string;
  action: string;
  rules: HouseRule[];
  session: PageSession;
  here: string;
  state: DecisionFormState | undefined;
  submit: string;
}): Html {
  const { lang, prefix, state } = options;
  const m = textsFor(queueTexts, lang).queue;
  const errorFor = (field: string) => state?.errors.find((e) => e.field === field);
  const id = (field: string) => `${prefix}-${field}`;
  const errorAt = (field: string) => {
    const error = errorFor(field);
    return error && fieldError(lang, `${id(field)}-error`, error.message);
  };
  const invalid = (field: string) =>
    errorFor(field) ? { 'aria-invalid': 'true', 'aria-describedby': `${id(field)}-error` } : {};

  const radios = DECISIONS.map((decision, index) => {
    // The first radio carries the id the error summary links to.
    const inputId = index === 0 ? id('decision') : `${id('decision')}-${decision}`;
    return html`<div class="staff-radio"><input${attrs({ type: 'radio', id: inputId, name: 'decision', value: decision, checked: state?.values.decision === decision })}><label for="${inputId}">${m.decisions[decision]}</label></div>`;
  });

  const ruleOptions = [
    html`<option value="">${m.ruleNone}</option>`,
    ...options.rules.map(
      (rule) =>
        html`<option${attrs({ value: rule.code, selected: state?.values.rule === rule.code })}>${rule.position}. ${pick(rule.title, lang)}</option>`,
    ),
  ];

  return html`<form method="post" action="${options.action}" class="staff-form staff-decision"${attrs({ id: options.formId })}>
${hiddenFields({ csrf: options.session.csrfToken, lang, next: options.here })}
${errorAt('items')}
<fieldset${attrs({ 'aria-describedby': errorFor('decision') ? `${id('decision')}-error` : undefined })}>
<legend>${m.decision}</legend>
${errorAt('decision')}
${radios}
</fieldset>
<div class="staff-field${errorFor('rule') ? ' staff-field--invalid' : ''}">
<label for="${id('rule')}">${m.rule}</label>
${errorAt('rule')}
<select${attrs({ id: id('rule'), name: 'rule', ...invalid('rule') })}>${ruleOptions}</select>
</div>
<div class="staff-field${errorFor('note') ? ' staff-field--invalid' : ''}">
<label for="${id('note')}">${m.note}</label>
${errorAt('note')}
<textarea${attrs({ id: id('note'), name: 'note', rows: 2, ...invalid('note') })}>${state?.values.note ?? ''}</textarea>
</div>
<button type="submit" class="staff-button">${options.submit}</button>
</form>`;
}

/** A choice shown by its label, as the resident saw it; a scale answer as its number. */
function answerText(answer: QueueItem['answers'][number], lang: Locale): string {
  const label = (value: string) => {
    const option = answer.options.find((o) => o.value === value);
    return option ? pick(option.label, lang) : value;
  };
  if (Array.isArray(answer.value)) return answer.value.map(label).join(', ');
  return typeof answer.value === 'string' ? label(answer.value) : String(answer.value);
}

/** The text with each flagged span in a <mark>, everything else escaped. */
function highlight(text: string, flags: Flag[]): Html {
  const parts: Html[] = [];
  let at = 0;
  const spans = flags.filter((f) => f.span).sort((a, b) => a.span!.start - b.span!.start);
  for (const flag of spans) {
    const { start, end } = flag.span!;
    if (start < at || end > text.length) continue;
    parts.push(
      html`${text.slice(at, start)}<mark class="staff-mark staff-mark--${flag.category}">${text.slice(start, end)}</mark>`,
    );
    at = end;
  }
  return html`${parts}${text.slice(at)}`;
}
