/**
 * Server-rendered webcare pages: answering an item (with templates, preview and the
 * readability hint), the overdue view, answer templates, routing rules, a consultation
 * preview with readability per text, and the keyboard shortcut help. Also the pieces the
 * queue shows on every item: the response clock and the assignment form.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { LocalizedText } from '../../db/schema.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as queueTexts from '../queue/texts.ts';
import * as webcareTexts from './texts.ts';
import type { QueueItem } from '../../services/moderation/index.ts';
import { readability, type Readability } from '../../services/readability.ts';
import type { ResponseClock } from '../../services/webcare/clock.ts';
import { responseClock } from '../../services/webcare/clock.ts';
import type { AssignmentChoices, RoutingRuleView } from '../../services/webcare/routing.ts';
import type { ReplyTemplate } from '../../services/webcare/templates.ts';
import { attrs, escapeHtml } from '../../../shared/render/html.ts';
import {
  errorMessage,
  errorSummary,
  formatDateTime,
  hidden,
  pick,
  staffPage,
  staffPaths,
  type FieldError,
  type PageSession,
} from '../queue/view.ts';
import { webcarePaths } from './paths.ts';

export { webcarePaths };

// ---- shared pieces -------------------------------------------------------------------------

/** The live region the shortcut script speaks through, with its texts (nl or en). */
export function shortcutStatus(lang: Locale, visible = false): string {
  const m = textsFor(webcareTexts, lang).shortcuts;
  return `<p${attrs({
    class: visible ? undefined : 'staff-visually-hidden',
    // A polite live region without role="status": the page's own status message (saved,
    // published) stays the one status on the page.
    'aria-live': 'polite',
    'aria-atomic': 'true',
    'data-shortcut-status': true,
    'data-text-item': m.item('{n}', '{total}', '{title}'),
    'data-text-chosen': m.chosen('{decision}'),
    'data-text-choose-rule': m.chooseRule,
    'data-text-no-item': m.noItem,
    'data-text-on': m.on,
    'data-text-off': m.off,
  })}></p>`;
}

export function clockText(clock: ResponseClock, lang: Locale): string {
  const m = textsFor(webcareTexts, lang).clock;
  return clock.kind === 'overdue' ? m.overdue(clock.workingDays, clock.hours) : m.left(clock.workingDays, clock.hours);
}

/** The readability verdict in one sentence, in the staff member's language. */
export function readabilityText(result: Readability, textLang: Locale, lang: Locale): string {
  const m = textsFor(webcareTexts, lang).readability;
  if (result.score === null || result.verdict === null) return m.empty;
  const score = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }).format(
    result.score,
  );
  return `${m.score(score, m.scale[textLang])}. ${m.verdicts[result.verdict]} ${m.details(result.words, result.sentences)}`;
}

/**
 * The readability hint for one text. With `forField`, the progressive script
 * (assets/readability.js) updates it while the field is edited.
 */
export function readabilityHint(options: {
  text: string;
  textLang: Locale;
  lang: Locale;
  id: string;
  forField?: string;
}): string {
  const m = textsFor(webcareTexts, options.lang).readability;
  const result = readability(options.text, options.textLang);
  const live = options.forField
    ? attrs({ 'data-readability-for': options.forField, 'data-text-lang': options.textLang, 'data-lang': options.lang })
    : '';
  return `<div class="staff-readability${result.meetsB1 ? ' staff-readability--ok' : ''}" id="${escapeHtml(options.id)}"${live}>
<p><strong>${escapeHtml(m.heading)}:</strong> <span data-readability-output>${escapeHtml(readabilityText(result, options.textLang, options.lang))}</span></p>
${options.forField ? '<p class="staff-visually-hidden" aria-live="polite" aria-atomic="true" data-readability-live></p>' : ''}
</div>`;
}

function describeAssignment(
  item: Pick<QueueItem, 'assignedDepartmentId' | 'assignedStaffUserId'>,
  choices: AssignmentChoices,
  lang: Locale,
): string {
  const m = textsFor(webcareTexts, lang).assign;
  const department = choices.departments.find((d) => d.id === item.assignedDepartmentId);
  const person = choices.people.find((p) => p.id === item.assignedStaffUserId);
  const who = [department ? pick(department.name, lang) : undefined, person?.name].filter(Boolean).join(', ');
  return who ? m.now(who) : m.unassigned;
}

export type QueueWebcare = {
  choices: AssignmentChoices;
  canAssign: boolean;
  canAnswer: boolean;
  /** The item whose assignment form was refused, and why. */
  assignError?: { itemId: string; error: FieldError } | undefined;
  /** The notice after an assignment was saved. */
  notice?: string | undefined;
};

/** The response clock for the item's meta list in the queue. */
export function clockMeta(item: QueueItem, lang: Locale, now: Date): string {
  const clock = responseClock(item.dueAt, now);
  const text = clockText(clock, lang);
  return `<div><dt>${escapeHtml(textsFor(webcareTexts, lang).clock.label)}</dt><dd>${clock.kind === 'overdue' ? `<strong class="staff-overdue">${escapeHtml(text)}</strong>` : escapeHtml(text)}</dd></div>`;
}

/** Assignment form and answer link for one item in the queue. */
export function queueItemWebcare(
  item: QueueItem,
  options: { lang: Locale; session: PageSession; here: string; webcare?: QueueWebcare | undefined },
): string {
  const { lang, webcare } = options;
  if (!webcare) return '';
  const m = textsFor(webcareTexts, lang);
  const answer = webcare.canAnswer
    ? `<p class="staff-actions"><a class="staff-button staff-button--secondary" href="${webcarePaths.answer(lang, item.id)}" data-shortcut-answer>${escapeHtml(m.answer.link)}</a></p>`
    : '';
  const now = `<p>${escapeHtml(describeAssignment(item, webcare.choices, lang))}</p>`;
  if (!webcare.canAssign) return `<h3>${escapeHtml(m.assign.heading)}</h3>${now}${answer}`;
  const prefix = `item-${item.id}-assign`;
  const error = webcare.assignError?.itemId === item.id ? webcare.assignError.error : undefined;
  const select = (
    name: 'department' | 'person',
    label: string,
    current: string | null,
    choices: Array<[string, string]>,
  ) => {
    const id = `${prefix}-${name}`;
    const invalid = error?.field === name;
    const opts = [['', m.assign.nobody] as [string, string], ...choices]
      .map(
        ([value, text]) =>
          `<option${attrs({ value, selected: value !== '' && value === current })}>${escapeHtml(text)}</option>`,
      )
      .join('');
    return `<div class="staff-field${invalid ? ' staff-field--invalid' : ''}"><label for="${id}">${escapeHtml(label)}</label>${invalid ? errorMessage(lang, `${id}-error`, error.message) : ''}<select${attrs({ id, name, 'aria-invalid': invalid ? 'true' : undefined, 'aria-describedby': invalid ? `${id}-error` : undefined })}>${opts}</select></div>`;
  };
  return `<h3>${escapeHtml(m.assign.heading)}</h3>
${now}
<form method="post" action="${webcarePaths.assign(item.id)}" class="staff-form staff-assign">
${hidden('csrf', options.session.csrfToken)}${hidden('lang', lang)}${hidden('next', options.here)}
${select(
  'department',
  m.assign.department,
  item.assignedDepartmentId,
  webcare.choices.departments.map((d) => [d.id, pick(d.name, lang)]),
)}
${select(
  'person',
  m.assign.person,
  item.assignedStaffUserId,
  webcare.choices.people.map((p) => [p.id, p.name]),
)}
<button type="submit" class="staff-button staff-button--secondary">${escapeHtml(m.assign.save)}</button>
</form>
${answer}`;
}

function itemTitle(item: QueueItem, lang: Locale): string {
  return textsFor(queueTexts, lang).queue.itemHeading(pick(item.consultation.title, lang));
}

function inputSummary(item: QueueItem, lang: Locale): string {
  return item.answers
    .map((answer) => {
      const value = Array.isArray(answer.value)
        ? answer.value.join(', ')
        : typeof answer.value === 'string'
          ? answer.value
          : String(answer.value);
      return `<h3>${escapeHtml(pick(answer.prompt, lang))}</h3><p class="staff-answer" lang="${item.language}">${escapeHtml(value)}</p>`;
    })
    .join('\n');
}

function paragraphs(text: string, textLang: Locale): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p lang="${textLang}">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

// ---- answer page --------------------------------------------------------------------------------

export type AnswerFormState = {
  body: string;
  language: Locale;
  templateId?: string | undefined;
  errors: FieldError[];
  /** Show the preview of `body`. */
  preview?: boolean;
};

export function renderAnswerPage(options: {
  lang: Locale;
  session: PageSession;
  item: QueueItem;
  templates: ReplyTemplate[];
  replies: Array<{ body: string; language: Locale; publishedAt: Date | null }>;
  form: AnswerFormState;
  published?: boolean;
  /** Why this item cannot be answered here: shown instead of the answer form. */
  unavailable?: string | undefined;
  now: Date;
}): string {
  const { lang, item, form } = options;
  const m = textsFor(webcareTexts, lang).answer;
  const t = textsFor(queueTexts, lang);
  const clock = responseClock(item.dueAt, options.now);
  const bodyError = form.errors.find((e) => e.field === 'body');
  const errors = form.errors.map((e) => ({ ...e, target: e.field === 'body' ? 'answer-body' : 'answer-language' }));
  const notice = options.published
    ? `<p class="staff-notice" role="status">${escapeHtml(m.published)}</p>`
    : '<div role="status"></div>';
  const templateChoices = [
    ['', m.templateNone] as [string, string],
    ...options.templates.map((tpl) => [tpl.id, pick(tpl.title, lang)] as [string, string]),
  ]
    .map(
      ([value, text]) =>
        `<option${attrs({ value, selected: value !== '' && value === form.templateId })}>${escapeHtml(text)}</option>`,
    )
    .join('');
  const templateForm =
    options.templates.length > 0
      ? `<form method="get" action="${webcarePaths.answer(lang, item.id)}" class="staff-form staff-template-choice">
<div class="staff-field"><label for="answer-template">${escapeHtml(m.template)}</label>
<p class="staff-hint" id="answer-template-hint">${escapeHtml(m.templateHint)}</p>
<select id="answer-template" name="sjabloon" aria-describedby="answer-template-hint">${templateChoices}</select></div>
<button type="submit" class="staff-button staff-button--secondary">${escapeHtml(m.templateUse)}</button>
</form>`
      : '';
  const languages = (['nl', 'en'] as const)
    .map((code, index) => {
      const id = index === 0 ? 'answer-language' : `answer-language-${code}`;
      return `<div class="staff-radio"><input${attrs({ type: 'radio', id, name: 'language', value: code, checked: form.language === code })}><label for="${id}">${code === 'nl' ? 'Nederlands' : 'English'}</label></div>`;
    })
    .join('');
  const preview = form.preview
    ? `<section class="staff-answer-preview" aria-labelledby="preview-heading">
<h2 id="preview-heading" tabindex="-1">${escapeHtml(m.previewHeading)}</h2>
<p>${escapeHtml(m.previewNotice)}</p>
<blockquote class="staff-quote">${paragraphs(form.body, form.language)}</blockquote>
${readabilityHint({ text: form.body, textLang: form.language, lang, id: 'preview-readability' })}
</section>`
    : '';
  const earlier =
    options.replies.length > 0
      ? `<h2>${escapeHtml(t.states.answered)}</h2>${options.replies
          .map(
            (reply) =>
              `<blockquote class="staff-quote">${paragraphs(reply.body, reply.language)}${reply.publishedAt ? `<p><time datetime="${reply.publishedAt.toISOString()}">${escapeHtml(formatDateTime(reply.publishedAt, lang))}</time></p>` : ''}</blockquote>`,
          )
          .join('')}`
      : '';
  const body = `${notice}
${errorSummary(lang, errors)}
${options.unavailable ? `<p class="staff-notice">${escapeHtml(options.unavailable)}</p>` : `<p>${escapeHtml(m.intro)}</p>`}
<dl class="staff-meta">
<div><dt>${escapeHtml(t.queue.channel)}</dt><dd>${escapeHtml(t.channels[item.channel] ?? item.channel)}</dd></div>
<div><dt>${escapeHtml(t.queue.state)}</dt><dd>${escapeHtml(t.states[item.reviewState])}</dd></div>
<div><dt>${escapeHtml(textsFor(webcareTexts, lang).clock.label)}</dt><dd>${escapeHtml(clockText(clock, lang))}</dd></div>
</dl>
<section aria-labelledby="input-heading"><h2 id="input-heading">${escapeHtml(m.input)}</h2>
${inputSummary(item, lang)}
</section>
${earlier}
${preview}
${
  options.unavailable
    ? ''
    : `${templateForm}
<form method="post" action="${webcarePaths.answer('nl', item.id)}" class="staff-form staff-answer-form" novalidate>
${hidden('csrf', options.session.csrfToken)}${hidden('lang', lang)}
<fieldset><legend>${escapeHtml(m.language)}</legend>${languages}</fieldset>
<div class="staff-field${bodyError ? ' staff-field--invalid' : ''}">
<label for="answer-body">${escapeHtml(m.body)}</label>
<p class="staff-hint" id="answer-body-hint">${escapeHtml(m.bodyHint)}</p>
${bodyError ? errorMessage(lang, 'answer-body-error', bodyError.message) : ''}
<textarea${attrs({ id: 'answer-body', name: 'body', rows: 8, maxlength: 5000, 'aria-invalid': bodyError ? 'true' : undefined, 'aria-describedby': `answer-body-hint${bodyError ? ' answer-body-error' : ''} answer-readability` })}>${escapeHtml(form.body)}</textarea>
</div>
${readabilityHint({ text: form.body, textLang: form.language, lang, id: 'answer-readability', forField: 'answer-body' })}
<p class="staff-actions">
<button type="submit" name="action" value="preview" class="staff-button staff-button--secondary">${escapeHtml(m.preview)}</button>
<button type="submit" name="action" value="publish" class="staff-button">${escapeHtml(m.publish)}</button>
</p>
</form>`
}
<p><a href="${staffPaths.queue(lang)}">${escapeHtml(m.back)}</a></p>`;
  return staffPage({
    lang,
    title: m.title(itemTitle(item, lang)),
    body,
    session: options.session,
    path: webcarePaths.answer(lang, item.id),
    hasErrors: errors.length > 0,
    scripts: [webcarePaths.readabilityScript],
  });
}

// ---- overdue view ----------------------------------------------------------------------------

export function renderOverduePage(options: {
  lang: Locale;
  session: PageSession;
  items: QueueItem[];
  choices: AssignmentChoices;
  canAnswer: boolean;
  now: Date;
}): string {
  const { lang } = options;
  const m = textsFor(webcareTexts, lang);
  const t = textsFor(queueTexts, lang);
  const list =
    options.items.length === 0
      ? `<p>${escapeHtml(m.overdue.empty)}</p>`
      : `<ol class="staff-queue">${options.items
          .map((item) => {
            const headingId = `overdue-${item.id}-heading`;
            const clock = responseClock(item.dueAt, options.now);
            return `<li><article class="staff-item" aria-labelledby="${headingId}">
<h2 id="${headingId}">${escapeHtml(itemTitle(item, lang))}</h2>
<dl class="staff-meta">
<div><dt>${escapeHtml(m.clock.label)}</dt><dd><strong class="staff-overdue">${escapeHtml(clockText(clock, lang))}</strong></dd></div>
<div><dt>${escapeHtml(t.queue.due)}</dt><dd><time datetime="${item.dueAt.toISOString()}">${escapeHtml(formatDateTime(item.dueAt, lang))}</time></dd></div>
<div><dt>${escapeHtml(t.queue.channel)}</dt><dd>${escapeHtml(t.channels[item.channel] ?? item.channel)}</dd></div>
<div><dt>${escapeHtml(t.queue.state)}</dt><dd>${escapeHtml(t.states[item.reviewState])}</dd></div>
<div><dt>${escapeHtml(m.assign.heading)}</dt><dd>${escapeHtml(describeAssignment(item, options.choices, lang))}</dd></div>
</dl>
${options.canAnswer ? `<p><a href="${webcarePaths.answer(lang, item.id)}">${escapeHtml(m.answer.link)}<span class="staff-visually-hidden">: ${escapeHtml(itemTitle(item, lang))}</span></a></p>` : ''}
</article></li>`;
          })
          .join('\n')}</ol>`;
  const body = `<p>${escapeHtml(m.overdue.intro)}</p>
<p>${escapeHtml(m.overdue.count(options.items.length))}</p>
${list}`;
  return staffPage({ lang, title: m.overdue.title, body, session: options.session, path: webcarePaths.overdue(lang) });
}

// ---- templates ---------------------------------------------------------------------------------

export type TemplateFormState = {
  id?: string | undefined;
  values: { titleNl: string; titleEn: string; bodyNl: string; bodyEn: string };
  errors: FieldError[];
};

export function renderTemplatesPage(options: {
  lang: Locale;
  session: PageSession;
  templates: ReplyTemplate[];
  form?: TemplateFormState | undefined;
  notice?: string | undefined;
}): string {
  const { lang, session, form } = options;
  const m = textsFor(webcareTexts, lang).templates;
  const formFor = (id: string | undefined, values: TemplateFormState['values'], state?: TemplateFormState) => {
    const prefix = id ? `template-${id}` : 'template-new';
    const field = (name: keyof TemplateFormState['values'], label: string, multiline: boolean) => {
      const inputId = `${prefix}-${name}`;
      const error = state?.errors.find((e) => e.field === name);
      const describedBy = error ? `${inputId}-error` : undefined;
      const common = attrs({
        id: inputId,
        name,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': describedBy,
      });
      const input = multiline
        ? `<textarea${common} rows="5" lang="${name.endsWith('En') ? 'en' : 'nl'}">${escapeHtml(values[name])}</textarea>`
        : `<input${common}${attrs({ type: 'text', value: values[name], lang: name.endsWith('En') ? 'en' : 'nl' })}>`;
      return `<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${inputId}">${escapeHtml(label)}</label>${error ? errorMessage(lang, `${inputId}-error`, error.message) : ''}${input}</div>`;
    };
    const readable = (name: 'bodyNl' | 'bodyEn', textLang: Locale) =>
      values[name].trim()
        ? readabilityHint({
            text: values[name],
            textLang,
            lang,
            id: `${prefix}-${name}-readability`,
            forField: `${prefix}-${name}`,
          })
        : '';
    return `<form method="post" action="${webcarePaths.templateSave}" class="staff-form" novalidate>
${hidden('csrf', session.csrfToken)}${hidden('lang', lang)}${id ? hidden('id', id) : ''}
${field('titleNl', m.titleNl, false)}
${field('titleEn', m.titleEn, false)}
${field('bodyNl', m.bodyNl, true)}
${readable('bodyNl', 'nl')}
${field('bodyEn', m.bodyEn, true)}
${readable('bodyEn', 'en')}
<button type="submit" class="staff-button">${escapeHtml(m.save)}</button>
</form>`;
  };
  const list =
    options.templates.length === 0
      ? `<p>${escapeHtml(m.empty)}</p>`
      : options.templates
          .map((tpl) => {
            const state = form?.id === tpl.id ? form : undefined;
            const values = state?.values ?? {
              titleNl: tpl.title.nl,
              titleEn: tpl.title.en ?? '',
              bodyNl: tpl.body.nl,
              bodyEn: tpl.body.en ?? '',
            };
            const title = pick(tpl.title, lang);
            return `<section class="staff-item" aria-labelledby="template-${tpl.id}-heading">
<h2 id="template-${tpl.id}-heading">${escapeHtml(m.edit(title))}</h2>
${formFor(tpl.id, values, state)}
<form method="post" action="${webcarePaths.templateDelete(tpl.id)}">
${hidden('csrf', session.csrfToken)}${hidden('lang', lang)}
<button type="submit" class="staff-button staff-button--secondary">${escapeHtml(m.delete)}<span class="staff-visually-hidden">: ${escapeHtml(title)}</span></button>
</form>
</section>`;
          })
          .join('\n');
  const newState = form && !form.id ? form : undefined;
  const errors = (form?.errors ?? []).map((e) => ({
    ...e,
    target: `${form?.id ? `template-${form.id}` : 'template-new'}-${e.field}`,
  }));
  const body = `${options.notice ? `<p class="staff-notice" role="status">${escapeHtml(options.notice)}</p>` : '<div role="status"></div>'}
${errorSummary(lang, errors)}
<p>${escapeHtml(m.intro)}</p>
${list}
<section class="staff-item" aria-labelledby="template-new-heading">
<h2 id="template-new-heading">${escapeHtml(m.add)}</h2>
${formFor(undefined, newState?.values ?? { titleNl: '', titleEn: '', bodyNl: '', bodyEn: '' }, newState)}
</section>`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: webcarePaths.templates(lang),
    hasErrors: errors.length > 0,
    scripts: [webcarePaths.readabilityScript],
  });
}

// ---- routing rules ------------------------------------------------------------------------------

export type RoutingFormState = {
  values: {
    topic?: string | undefined;
    channel?: string | undefined;
    department?: string | undefined;
    person?: string | undefined;
  };
  errors: FieldError[];
};

export function renderRoutingPage(options: {
  lang: Locale;
  session: PageSession;
  rules: RoutingRuleView[];
  topics: Array<{ slug: string; title: LocalizedText }>;
  choices: AssignmentChoices;
  form?: RoutingFormState | undefined;
  notice?: string | undefined;
}): string {
  const { lang, session, form } = options;
  const m = textsFor(webcareTexts, lang).routing;
  const t = textsFor(queueTexts, lang);
  const departmentName = (id: string | null) => {
    const d = options.choices.departments.find((x) => x.id === id);
    return d ? pick(d.name, lang) : '—';
  };
  const personName = (id: string | null) => options.choices.people.find((p) => p.id === id)?.name ?? '—';
  const table =
    options.rules.length === 0
      ? `<p>${escapeHtml(m.empty)}</p>`
      : `<div class="staff-table-wrap" role="region" aria-labelledby="rules-caption" tabindex="0"><table class="staff-table">
<caption id="rules-caption">${escapeHtml(m.title)}</caption>
<thead><tr><th scope="col">${escapeHtml(m.topic)}</th><th scope="col">${escapeHtml(m.channel)}</th><th scope="col">${escapeHtml(m.department)}</th><th scope="col">${escapeHtml(m.person)}</th><td></td></tr></thead>
<tbody>${options.rules
          .map((rule) => {
            const topic = pick(rule.topic.title, lang);
            return `<tr><th scope="row">${escapeHtml(topic)}</th><td>${escapeHtml(rule.channel ? (t.channels[rule.channel] ?? rule.channel) : m.anyChannel)}</td><td>${escapeHtml(departmentName(rule.departmentId))}</td><td>${escapeHtml(personName(rule.staffUserId))}</td>
<td><form method="post" action="${webcarePaths.routingDelete(rule.id)}">${hidden('csrf', session.csrfToken)}${hidden('lang', lang)}<button type="submit" class="staff-button staff-button--secondary">${escapeHtml(m.delete(topic))}</button></form></td></tr>`;
          })
          .join('')}</tbody></table></div>`;
  const errorFor = (field: string) => form?.errors.find((e) => e.field === field);
  const select = (name: keyof RoutingFormState['values'], label: string, choices: Array<[string, string]>) => {
    const id = `rule-${name}`;
    const error = errorFor(name);
    const opts = choices
      .map(
        ([value, text]) =>
          `<option${attrs({ value, selected: value !== '' && form?.values[name] === value })}>${escapeHtml(text)}</option>`,
      )
      .join('');
    return `<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${id}">${escapeHtml(label)}</label>${error ? errorMessage(lang, `${id}-error`, error.message) : ''}<select${attrs({ id, name, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': error ? `${id}-error` : undefined })}>${opts}</select></div>`;
  };
  const errors = (form?.errors ?? []).map((e) => ({ ...e, target: `rule-${e.field}` }));
  const body = `${options.notice ? `<p class="staff-notice" role="status">${escapeHtml(options.notice)}</p>` : '<div role="status"></div>'}
${errorSummary(lang, errors)}
<p>${escapeHtml(m.intro)}</p>
${table}
<h2>${escapeHtml(m.addHeading)}</h2>
<form method="post" action="${webcarePaths.routingSave}" class="staff-form" novalidate>
${hidden('csrf', session.csrfToken)}${hidden('lang', lang)}
${select(
  'topic',
  m.topic,
  options.topics.map((x) => [x.slug, pick(x.title, lang)]),
)}
${select('channel', m.channel, [['', m.anyChannel], ...Object.entries(t.channels)])}
${select('department', m.department, [['', m.nobody], ...options.choices.departments.map((d) => [d.id, pick(d.name, lang)] as [string, string])])}
${select('person', m.person, [['', m.nobody], ...options.choices.people.map((p) => [p.id, p.name] as [string, string])])}
<button type="submit" class="staff-button">${escapeHtml(m.add)}</button>
</form>`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: webcarePaths.routing(lang),
    hasErrors: errors.length > 0,
  });
}

// ---- consultation preview -------------------------------------------------------------------------

export function renderConsultationPreview(options: {
  lang: Locale;
  session: PageSession;
  consultation: {
    slug: string;
    title: LocalizedText;
    summary: LocalizedText;
    background: LocalizedText;
    afterwards: LocalizedText;
    whoDecides: LocalizedText;
  };
}): string {
  const { lang, consultation } = options;
  const m = textsFor(webcareTexts, lang).preview;
  const sections = (['summary', 'background', 'afterwards', 'whoDecides'] as const)
    .map((key) => {
      const text = consultation[key];
      const perLanguage = (['nl', 'en'] as const)
        .map((textLang) => {
          const value = text[textLang];
          const heading = textLang === 'nl' ? 'Nederlands' : 'English';
          if (!value) return `<h3>${heading}</h3><p>${escapeHtml(m.noEnglish)}</p>`;
          return `<h3>${heading}</h3>${paragraphs(value, textLang)}${readabilityHint({ text: value, textLang, lang, id: `preview-${key}-${textLang}` })}`;
        })
        .join('\n');
      return `<section class="staff-item" aria-labelledby="preview-${key}"><h2 id="preview-${key}">${escapeHtml(m.fields[key])}</h2>${perLanguage}</section>`;
    })
    .join('\n');
  const body = `<p>${escapeHtml(m.intro)}</p>\n${sections}`;
  return staffPage({
    lang,
    title: m.title(pick(consultation.title, lang)),
    body,
    session: options.session,
    path: webcarePaths.consultation(lang, consultation.slug),
  });
}

// ---- consultations to preview --------------------------------------------------------------

export function renderConsultationList(options: {
  lang: Locale;
  session: PageSession;
  consultations: Array<{ slug: string; title: LocalizedText; status: string }>;
}): string {
  const { lang } = options;
  const m = textsFor(webcareTexts, lang).consultations;
  const items = options.consultations
    .map(
      (c) =>
        `<li><a href="${webcarePaths.consultation(lang, c.slug)}">${escapeHtml(m.read(pick(c.title, lang), m.status[c.status] ?? c.status))}</a></li>`,
    )
    .join('');
  return staffPage({
    lang,
    title: m.title,
    body: `<p>${escapeHtml(m.intro)}</p>\n<ul class="staff-links">${items}</ul>`,
    session: options.session,
    path: webcarePaths.consultations(lang),
  });
}

// ---- shortcut help ------------------------------------------------------------------------------

export function renderShortcutsPage(options: { lang: Locale; session: PageSession }): string {
  const { lang } = options;
  const m = textsFor(webcareTexts, lang).shortcuts;
  const rows = m.keys
    .map(([key, action]) => `<tr><th scope="row"><kbd>${escapeHtml(key)}</kbd></th><td>${escapeHtml(action)}</td></tr>`)
    .join('');
  const body = `<p>${escapeHtml(m.intro)}</p>
<table class="staff-table"><caption class="staff-visually-hidden">${escapeHtml(m.title)}</caption>
<thead><tr><th scope="col">${escapeHtml(m.keyHeading)}</th><th scope="col">${escapeHtml(m.actionHeading)}</th></tr></thead>
<tbody>${rows}</tbody></table>
<div class="staff-checkbox staff-shortcut-toggle" data-shortcut-toggle hidden>
<input type="checkbox" id="shortcuts-enabled" aria-describedby="shortcuts-enabled-hint"><label for="shortcuts-enabled">${escapeHtml(m.toggle)}</label>
<p class="staff-hint" id="shortcuts-enabled-hint">${escapeHtml(m.toggleHint)}</p>
</div>
${shortcutStatus(lang, true)}`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session: options.session,
    path: webcarePaths.shortcuts(lang),
    scripts: [webcarePaths.shortcutsScript],
  });
}
