/**
 * Server-rendered staff pages: the log-in page and the moderation queue. They are not
 * part of the static portal (nothing to build, everything personal), so they carry a
 * small layout of their own, with the same accessibility rules as the portal: skip
 * link, landmarks, one h1, an error summary that takes focus, errors next to fields.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { LocalizedText } from '../../db/schema.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as queueTexts from './texts.ts';
import * as privacyTexts from '../privacy/texts.ts';
import { can, type RoleGrant } from '../../services/auth/roles.ts';
import { privacyPaths } from '../privacy/paths.ts';
import { staffPaths } from './paths.ts';
import type { HouseRule, QueueFilterOptions, QueueItem } from '../../services/moderation/index.ts';
import { DECISIONS } from '../../services/moderation/index.ts';
import type { Flag } from '../../services/screening/types.ts';
import { attrs, escapeHtml, idRefs } from '../../../shared/render/html.ts';
import { webcareNavLinks } from '../webcare/nav.ts';
import { webcarePaths } from '../webcare/paths.ts';
import { clockMeta, queueItemWebcare, shortcutStatus, type QueueWebcare } from '../webcare/view.ts';
import * as webcareTexts from '../webcare/texts.ts';
import { insightsNavLinks } from '../insights/nav.ts';
import type { FieldError } from '../kit/form-errors.ts';

export { staffPaths };

/** How long before the end of a session the warning appears (WCAG 2.2.1: at least 20 s to react). */
export const SESSION_WARNING_MS = 2 * 60 * 1000;

export type { FieldError };

export type PageSession = {
  displayName: string;
  csrfToken: string;
  expiresAt: Date;
  /** Which nav links to show; the routes check permissions themselves. */
  roles?: readonly RoleGrant[];
};

export function formatTime(date: Date, lang: Locale): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

export function formatDateTime(date: Date, lang: Locale): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

export function pick(text: LocalizedText, lang: Locale): string {
  return lang === 'en' ? (text.en ?? text.nl) : text.nl;
}

/** The page around every staff view. */
export function staffPage(page: {
  lang: Locale;
  title: string;
  body: string;
  session?: PageSession | undefined;
  /** The path of this page, to come back to after extending the session without script. */
  path?: string;
  hasErrors?: boolean;
  /** Page scripts besides the session script: modules, so each has its own scope (the CSP allows no inline script). */
  scripts?: readonly string[];
}): string {
  const m = textsFor(queueTexts, page.lang);
  const { session } = page;
  const title = `${page.hasErrors ? `${m.errorPrefix} ` : ''}${page.title} – ${m.product}`;
  const header = session
    ? `<header class="staff-header">
<p class="staff-product">${escapeHtml(m.product)}</p>
<nav aria-label="${escapeHtml(m.header.navLabel)}"><ul class="staff-nav"><li><a href="${staffPaths.queue(page.lang)}"${page.path === staffPaths.queue(page.lang) ? ' aria-current="page"' : ''}>${escapeHtml(m.header.queue)}</a></li>${webcareNavLinks(page.lang, page.path, session.roles)}${insightsNavLinks(page.lang, page.path, session.roles)}${can(session.roles ?? [], 'privacy') ? `<li><a href="${privacyPaths.home(page.lang)}"${page.path?.startsWith(privacyPaths.home(page.lang)) ? ' aria-current="page"' : ''}>${escapeHtml(textsFor(privacyTexts, page.lang).nav)}</a></li>` : ''}</ul></nav>
<div class="staff-account">
<p>${escapeHtml(m.header.signedInAs(session.displayName))}</p>
<form method="post" action="${staffPaths.extend}" class="staff-session" data-session-form>
${hidden('csrf', session.csrfToken)}${hidden('lang', page.lang)}${hidden('next', page.path ?? staffPaths.queue(page.lang))}
<p>${escapeHtml(m.header.sessionEnds)} <time datetime="${session.expiresAt.toISOString()}" data-session-expires>${escapeHtml(formatTime(session.expiresAt, page.lang))}</time></p>
<button type="submit" class="staff-button staff-button--secondary">${escapeHtml(m.header.extend)}</button>
</form>
<form method="post" action="${staffPaths.logout}">${hidden('csrf', session.csrfToken)}${hidden('lang', page.lang)}<button type="submit" class="staff-button staff-button--secondary">${escapeHtml(m.header.logout)}</button></form>
</div>
</header>
<div class="staff-session-alert" role="alert" data-session-alert></div>`
    : `<header class="staff-header"><p class="staff-product">${escapeHtml(m.product)}</p></header>`;
  // The session script reads its texts and timings from data attributes: no inline script,
  // so a strict Content-Security-Policy (script-src 'self') holds.
  const data = session
    ? attrs({
        'data-lang': page.lang,
        'data-warn-before': SESSION_WARNING_MS,
        'data-extend-url': staffPaths.extend,
        'data-login-url': staffPaths.login(page.lang),
        'data-text-warning': m.session.warning('{time}'),
        'data-text-extended': m.session.extended('{time}'),
        'data-text-expired': m.session.expired,
        'data-text-extend': m.header.extend,
        'data-text-login': m.session.loginAgain,
      })
    : '';
  return `<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${staffPaths.stylesheet}">
${session ? `<script src="${staffPaths.sessionScript}" defer></script>` : ''}
${(page.scripts ?? []).map((src) => `<script type="module" src="${escapeHtml(src)}"></script>`).join('')}
</head>
<body${data}>
<a class="staff-skip-link" href="#inhoud">${escapeHtml(m.skipLink)}</a>
${header}
<main id="inhoud" tabindex="-1">
<h1>${escapeHtml(page.title)}</h1>
${page.body}
</main>
</body>
</html>
`;
}

export function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

export function errorSummary(lang: Locale, errors: ReadonlyArray<FieldError & { target?: string }>): string {
  if (errors.length === 0) return '';
  const m = textsFor(queueTexts, lang);
  const items = errors
    .map((e) => `<li><a href="#${escapeHtml(e.target ?? e.field)}">${escapeHtml(e.message)}</a></li>`)
    .join('');
  return `<div class="staff-error-summary" id="staff-error-summary" tabindex="-1" autofocus aria-labelledby="staff-error-summary-heading">
<h2 id="staff-error-summary-heading">${escapeHtml(m.errorSummaryHeading)}</h2>
<ul>${items}</ul>
</div>`;
}

export function errorMessage(lang: Locale, id: string, message: string): string {
  return `<p class="staff-error-message" id="${escapeHtml(id)}"><span class="staff-visually-hidden">${escapeHtml(textsFor(queueTexts, lang).errorPrefix)} </span>${escapeHtml(message)}</p>`;
}

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
    return `<div class="staff-field${error ? ' staff-field--invalid' : ''}">
<label for="${name}">${escapeHtml(label)}</label>
${error && errorId ? errorMessage(lang, errorId, error.message) : ''}
<input${attrs({ id: name, name, ...input, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': idRefs(errorId) })}>
</div>`;
  };
  const other: Locale = lang === 'en' ? 'nl' : 'en';
  const body = `${options.notice ? `<p class="staff-notice" role="status">${escapeHtml(options.notice)}</p>` : '<div role="status"></div>'}
${errorSummary(lang, errors)}
<p>${escapeHtml(m.intro)}</p>
<form method="post" action="${staffPaths.login(lang)}" novalidate class="staff-form">
${options.next ? hidden('next', options.next) : ''}
${field('email', m.email, { type: 'email', autocomplete: 'username', spellcheck: 'false', value: options.email ?? '', required: true })}
${field('password', m.password, { type: 'password', autocomplete: 'current-password', required: true })}
<button type="submit" class="staff-button">${escapeHtml(m.submit)}</button>
</form>
<p><a href="${staffPaths.login(other)}" lang="${other}" hreflang="${other}">${escapeHtml(m.otherLanguage)}</a></p>`;
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
  /** Assignment, answers and the response clock on every item (api/views/webcare.ts). */
  webcare?: QueueWebcare | undefined;
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
  let body: string;
  if (!options.canRead) {
    body = `<p>${escapeHtml(m.noAccess)}</p>`;
  } else {
    const list =
      options.items.length === 0
        ? `<p>${escapeHtml(m.empty)}</p>`
        : `<ol class="staff-queue">${options.items.map((item) => `<li>${renderItem(item, options)}</li>`).join('\n')}</ol>`;
    const notice = options.webcare?.notice
      ? `<p class="staff-notice" role="status">${escapeHtml(options.webcare.notice)}</p>`
      : options.saved
        ? `<p class="staff-notice" role="status">${escapeHtml(
            options.saved.decided === 1 && options.saved.skipped === 0
              ? m.saved
              : m.bulk.saved(options.saved.decided, options.saved.skipped),
          )}</p>`
        : options.sentimentSaved
          ? `<p class="staff-notice" role="status">${escapeHtml(m.sentimentSaved)}</p>`
          : '<div role="status"></div>';
    const bulk =
      options.canDecide && options.items.length > 0
        ? `<section class="staff-bulk" aria-labelledby="bulk-heading">
<h2 id="bulk-heading">${escapeHtml(m.bulk.heading)}</h2>
<p>${escapeHtml(m.bulk.intro)}</p>
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
</section>`
        : '';
    body = `${notice}
${errorSummary(lang, formErrors)}
<p>${escapeHtml(m.intro)}</p>
<p class="staff-shortcut-hint">${escapeHtml(textsFor(webcareTexts, lang).shortcuts.hint)} <a href="${webcarePaths.shortcuts(lang)}">${escapeHtml(textsFor(webcareTexts, lang).shortcuts.help)}</a></p>
${shortcutStatus(lang)}
${renderFilters(options)}
<p>${escapeHtml(m.count(options.items.length))}</p>
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

function renderFilters(options: {
  lang: Locale;
  filter: QueueFilterValues;
  filterOptions: QueueFilterOptions;
}): string {
  const { lang, filter } = options;
  const t = textsFor(queueTexts, lang);
  const m = t.queue.filters;
  const select = (name: keyof QueueFilterValues, label: string, first: string, choices: Array<[string, string]>) => {
    const id = `filter-${name}`;
    const current = filter[name];
    const opts = [[``, first] as [string, string], ...choices]
      .map(
        ([value, text]) =>
          `<option${attrs({ value, selected: current === value && value !== '' })}>${escapeHtml(text)}</option>`,
      )
      .join('');
    return `<div class="staff-field"><label for="${id}">${escapeHtml(label)}</label><select id="${id}" name="${name}">${opts}</select></div>`;
  };
  return `<form method="get" action="${staffPaths.queue(lang)}" class="staff-filters" aria-labelledby="filters-heading">
<h2 id="filters-heading">${escapeHtml(m.heading)}</h2>
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
<div class="staff-checkbox"><input${attrs({ type: 'checkbox', id: 'filter-overdue', name: 'overdue', value: '1', checked: Boolean(filter.overdue) })}><label for="filter-overdue">${escapeHtml(m.overdue)}</label></div>
<p class="staff-actions"><button type="submit" class="staff-button">${escapeHtml(m.apply)}</button> <a href="${staffPaths.queue(lang)}">${escapeHtml(m.clear)}</a></p>
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
): string {
  const { lang } = options;
  const t = textsFor(queueTexts, lang);
  const m = t.queue;
  const headingId = `item-${item.id}-heading`;
  const answers = item.answers
    .map((answer) => {
      const screened = item.screening?.fields.find((f) => f.question === answer.question);
      const value =
        answer.kind === 'open_text' && typeof answer.value === 'string'
          ? `<p class="staff-answer"${textLang(item)}>${highlight(answer.value, screened?.flags ?? [])}</p>`
          : `<p class="staff-answer">${escapeHtml(answerText(answer, lang))}</p>`;
      const preview =
        screened && typeof answer.value === 'string' && screened.redacted !== answer.value
          ? `<details class="staff-preview"><summary>${escapeHtml(m.redactedPreview)}</summary><p${textLang(item)}>${escapeHtml(screened.redacted)}</p></details>`
          : '';
      return `<h3>${escapeHtml(pick(answer.prompt, lang))}</h3>${value}${preview}`;
    })
    .join('\n');
  const flags = item.screening?.fields.flatMap((f) => f.flags) ?? [];
  const screening = !item.screening
    ? `<p>${escapeHtml(m.notScreened)}</p>`
    : flags.length === 0
      ? `<p>${escapeHtml(m.noFlags)}</p>`
      : `<ul class="staff-flags">${flags
          .map(
            (flag) =>
              `<li class="staff-flag staff-flag--${flag.category}"><strong>${escapeHtml(t.categories[flag.category])}:</strong> ${escapeHtml(flag.reason[lang])}</li>`,
          )
          .join('')}</ul>`;
  const heading = m.itemHeading(pick(item.consultation.title, lang));
  const received = formatDateTime(item.createdAt, lang);
  const state = options.form?.itemId === item.id ? options.form : undefined;
  const bulkState = options.form?.itemId === BULK ? options.form : undefined;
  const selectId = `item-${item.id}-select`;
  // The checkbox belongs to the bulk form at the end of the page (form attribute), so each
  // item can still have its own form.
  const select = options.canDecide
    ? `<div class="staff-checkbox"><input${attrs({
        type: 'checkbox',
        id: selectId,
        name: 'item',
        value: item.id,
        form: 'bulk-decision',
        checked: bulkState?.values.items?.includes(item.id) ?? false,
      })}><label for="${selectId}">${escapeHtml(m.bulk.select(heading, received))}</label></div>`
    : '';
  return `<article class="staff-item" aria-labelledby="${headingId}" tabindex="-1" data-queue-item>
<h2 id="${headingId}">${escapeHtml(heading)}</h2>
${select}
<dl class="staff-meta">
<div><dt>${escapeHtml(m.received)}</dt><dd><time datetime="${item.createdAt.toISOString()}">${escapeHtml(received)}</time></dd></div>
<div><dt>${escapeHtml(m.due)}</dt><dd><time datetime="${item.dueAt.toISOString()}">${escapeHtml(formatDateTime(item.dueAt, lang))}</time></dd></div>
${clockMeta(item, lang, options.now)}
${item.openReports > 0 ? `<div><dt>${escapeHtml(m.reports)}</dt><dd>${item.openReports}</dd></div>` : ''}
<div><dt>${escapeHtml(m.channel)}</dt><dd>${escapeHtml(t.channels[item.channel] ?? item.channel)}${socialSource(item, lang)}</dd></div>
<div><dt>${escapeHtml(m.state)}</dt><dd>${escapeHtml(t.states[item.reviewState])}</dd></div>
</dl>
${answers}
<h3>${escapeHtml(m.screening)}</h3>
${screening}
${item.screening?.proofOfWork === 'missing' ? `<p>${escapeHtml(textsFor(queueTexts, lang).proofOfWork.missing)}</p>` : ''}
${sentimentSection(item, options)}
${queueItemWebcare(item, options)}
${
  options.canDecide
    ? decisionForm({
        lang,
        prefix: `item-${item.id}`,
        action: staffPaths.decision(item.id),
        rules: options.rules,
        session: options.session,
        here: options.here,
        state,
        submit: m.save,
      })
    : ''
}
</article>`;
}

/** The language of an item's text: a mirrored post's own (none when unknown), else the input's. */
function textLang(item: QueueItem): string {
  const lang = item.source ? item.source.lang : item.language;
  return lang ? ` lang="${escapeHtml(lang)}"` : '';
}

/** For a mirrored post: the platform and account, and a link to the post there. */
function socialSource(item: QueueItem, lang: Locale): string {
  if (!item.source) return '';
  const m = textsFor(queueTexts, lang).socialQueue;
  const where = `: ${item.source.platform}${item.source.account ? `, @${item.source.account}` : ''}`;
  const link = item.source.postUrl
    ? ` <a href="${escapeHtml(item.source.postUrl)}" rel="noopener noreferrer">${escapeHtml(m.original(item.source.platform))}</a>`
    : '';
  return `${escapeHtml(where)}${link}`;
}

/**
 * The item's sentiment and a form to correct it: corrections train the municipality's
 * own model (api/services/item-sentiment.ts).
 */
function sentimentSection(
  item: QueueItem,
  options: { lang: Locale; canDecide: boolean; session: PageSession; here: string },
): string {
  const { lang } = options;
  const m = textsFor(queueTexts, lang).queue;
  const current = item.sentiment;
  const now = current
    ? m.sentimentNow(
        m.sentimentLabels[current.label],
        current.method === 'staff-correction' ? m.sentimentByStaff : m.sentimentByMethod(current.confidence),
      )
    : m.sentimentNone;
  if (!options.canDecide) return `<h3>${escapeHtml(m.sentiment)}</h3><p>${escapeHtml(now)}</p>`;
  const selectId = `item-${item.id}-sentiment`;
  const choices = (['positive', 'neutral', 'negative'] as const)
    .map(
      (label) =>
        `<option${attrs({ value: label, selected: current?.label === label })}>${escapeHtml(m.sentimentLabels[label])}</option>`,
    )
    .join('');
  return `<h3>${escapeHtml(m.sentiment)}</h3>
<form method="post" action="${staffPaths.sentiment(item.id)}" class="staff-form staff-sentiment">
${hidden('csrf', options.session.csrfToken)}${hidden('lang', lang)}${hidden('next', options.here)}
<p>${escapeHtml(now)}</p>
<label for="${selectId}">${escapeHtml(m.sentimentLabel)}</label>
<select id="${selectId}" name="label">${choices}</select>
<button class="staff-button" type="submit">${escapeHtml(m.sentimentSave)}</button>
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
}): string {
  const { lang, prefix, state } = options;
  const m = textsFor(queueTexts, lang).queue;
  const errorFor = (field: string) => state?.errors.find((e) => e.field === field);
  const id = (field: string) => `${prefix}-${field}`;

  const decisionError = errorFor('decision');
  const radios = DECISIONS.map((decision, index) => {
    // The first radio carries the id the error summary links to.
    const inputId = index === 0 ? id('decision') : `${id('decision')}-${decision}`;
    return `<div class="staff-radio"><input${attrs({ type: 'radio', id: inputId, name: 'decision', value: decision, checked: state?.values.decision === decision })}><label for="${inputId}">${escapeHtml(m.decisions[decision])}</label></div>`;
  }).join('');

  const ruleError = errorFor('rule');
  const ruleOptions = [`<option value="">${escapeHtml(m.ruleNone)}</option>`]
    .concat(
      options.rules.map(
        (rule) =>
          `<option${attrs({ value: rule.code, selected: state?.values.rule === rule.code })}>${rule.position}. ${escapeHtml(pick(rule.title, lang))}</option>`,
      ),
    )
    .join('');
  const noteError = errorFor('note');

  return `<form method="post" action="${options.action}" class="staff-form staff-decision"${options.formId ? ` id="${options.formId}"` : ''}>
${hidden('csrf', options.session.csrfToken)}${hidden('lang', lang)}${hidden('next', options.here)}
${errorFor('items') ? errorMessage(lang, `${id('items')}-error`, errorFor('items')!.message) : ''}
<fieldset${attrs({ 'aria-describedby': decisionError ? `${id('decision')}-error` : undefined })}>
<legend>${escapeHtml(m.decision)}</legend>
${decisionError ? errorMessage(lang, `${id('decision')}-error`, decisionError.message) : ''}
${radios}
</fieldset>
<div class="staff-field${ruleError ? ' staff-field--invalid' : ''}">
<label for="${id('rule')}">${escapeHtml(m.rule)}</label>
${ruleError ? errorMessage(lang, `${id('rule')}-error`, ruleError.message) : ''}
<select${attrs({ id: id('rule'), name: 'rule', 'aria-invalid': ruleError ? 'true' : undefined, 'aria-describedby': ruleError ? `${id('rule')}-error` : undefined })}>${ruleOptions}</select>
</div>
<div class="staff-field${noteError ? ' staff-field--invalid' : ''}">
<label for="${id('note')}">${escapeHtml(m.note)}</label>
${noteError ? errorMessage(lang, `${id('note')}-error`, noteError.message) : ''}
<textarea${attrs({ id: id('note'), name: 'note', rows: 2, 'aria-invalid': noteError ? 'true' : undefined, 'aria-describedby': noteError ? `${id('note')}-error` : undefined })}>${escapeHtml(state?.values.note ?? '')}</textarea>
</div>
<button type="submit" class="staff-button">${escapeHtml(options.submit)}</button>
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

/** The text with each flagged span in a <mark>, everything escaped. */
function highlight(text: string, flags: Flag[]): string {
  let out = '';
  let at = 0;
  const spans = flags.filter((f) => f.span).sort((a, b) => a.span!.start - b.span!.start);
  for (const flag of spans) {
    const { start, end } = flag.span!;
    if (start < at || end > text.length) continue;
    out += `${escapeHtml(text.slice(at, start))}<mark class="staff-mark staff-mark--${flag.category}">${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}

export function renderMessagePage(options: {
  lang: Locale;
  title: string;
  message: string;
  session?: PageSession | undefined;
  link?: { href: string; text: string };
}): string {
  const link = options.link
    ? `<p><a href="${escapeHtml(options.link.href)}">${escapeHtml(options.link.text)}</a></p>`
    : '';
  return staffPage({
    lang: options.lang,
    title: options.title,
    body: `<p>${escapeHtml(options.message)}</p>${link}`,
    session: options.session,
  });
}
