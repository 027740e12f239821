/**
 * Server-rendered webcare pages: answering an item (with templates, preview and the
 * readability hint), the overdue view, answer templates, routing rules, a consultation
 * preview with readability per text, and the keyboard shortcut help. Also the pieces the
 * queue shows on every item: the response clock and the assignment form.
 */
import { postingStatus, type PostingLine } from '../kit/posting-status.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, join, nothing, type Html } from '../../../shared/html/index.ts';
import type { LocalizedText } from '../../db/schema.ts';
import * as queueTexts from '../queue/texts.ts';
import * as webcareTexts from './texts.ts';
import type { QueueItem } from '../../services/moderation/index.ts';
import { MIN_WORDS_TO_JUDGE, readability, type Readability } from '../../services/readability.ts';
import type { ResponseClock } from '../../services/webcare/clock.ts';
import type { OverduePage } from '../../services/webcare/items.ts';
import type { AssignmentChoices, RoutingRuleView } from '../../services/webcare/routing.ts';
import { PLACEHOLDER_NAMES, type ReplyTemplate } from '../../services/webcare/templates.ts';
import {
  cursorPager,
  errorSummary,
  fieldError,
  hiddenFields,
  notice,
  paragraphs,
  pick,
  time,
} from '../kit/components.ts';
import type { FieldError } from '../kit/form-errors.ts';
import { formatDateTime } from '../kit/format.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { staffPaths } from '../queue/paths.ts';
import { webcarePaths } from './paths.ts';

export { webcarePaths };

// ---- shared pieces -------------------------------------------------------------------------

/** The live region the shortcut script speaks through, with its texts (nl or en). */
export function shortcutStatus(lang: Locale, visible = false): Html {
  const m = textsFor(webcareTexts, lang).shortcuts;
  return html`<p${attrs({
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
  return clock.kind === 'overdue' ? m.overdue(clock.minutes) : m.left(clock.minutes);
}

/**
 * The clock as shown: the short form ("nog 3 u 20 min") for the eye and the words ("nog 3 uur
 * en 20 minuten kantoortijd") for screen readers, which read "u" as a letter; a late item says
 * "te laat" in its text and is bold, so nothing hangs on colour (WCAG 1.4.1).
 */
export function clockHtml(clock: ResponseClock, lang: Locale): Html {
  const m = textsFor(webcareTexts, lang).clock;
  const spoken = clock.kind === 'overdue' ? m.spokenOverdue(clock.minutes) : m.spokenLeft(clock.minutes);
  const shown = html`<span aria-hidden="true">${clockText(clock, lang)}</span><span class="staff-visually-hidden">${spoken}</span>`;
  return clock.kind === 'overdue'
    ? html`<strong class="staff-overdue" data-clock="overdue">${shown}</strong>`
    : html`<span data-clock="left">${shown}</span>`;
}

/** The readability verdict in one sentence, in the staff member's language. */
export function readabilityText(result: Readability, textLang: Locale, lang: Locale): string {
  const m = textsFor(webcareTexts, lang).readability;
  if (result.words === 0) return m.empty;
  if (result.tooShort || result.score === null || result.verdict === null)
    return m.tooShort(result.words, MIN_WORDS_TO_JUDGE);
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
}): Html {
  const m = textsFor(webcareTexts, options.lang).readability;
  const result = readability(options.text, options.textLang);
  const live = options.forField
    ? attrs({ 'data-readability-for': options.forField, 'data-text-lang': options.textLang, 'data-lang': options.lang })
    : nothing;
  return html`<div class="staff-readability${result.meetsB1 ? ' staff-readability--ok' : ''}" id="${options.id}"${live}>
<p><strong>${m.heading}:</strong> <span data-readability-output>${readabilityText(result, options.textLang, options.lang)}</span></p>
${options.forField && html`<p class="staff-visually-hidden" aria-live="polite" aria-atomic="true" data-readability-live></p>`}
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
};

/** The response clock for the item's meta list in the queue. */
export function clockMeta(item: QueueItem, lang: Locale): Html {
  return html`<div><dt>${textsFor(webcareTexts, lang).clock.label}</dt><dd>${clockHtml(item.clock, lang)}</dd></div>`;
}

/** A select whose first option means "none", with its error next to it. */
function choiceField(options: {
  lang: Locale;
  id: string;
  name: string;
  label: string;
  /** The value chosen now; the empty first option is never marked chosen. */
  current: string | null | undefined;
  choices: Array<[string, string]>;
  error?: FieldError | undefined;
}): Html {
  const { id, error } = options;
  const opts = options.choices.map(
    ([value, text]) =>
      html`<option${attrs({ value, selected: value !== '' && value === options.current })}>${text}</option>`,
  );
  return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${id}">${options.label}</label>${error && fieldError(options.lang, `${id}-error`, error.message)}<select${attrs({ id, name: options.name, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': error ? `${id}-error` : undefined })}>${opts}</select></div>`;
}

function itemTitle(item: QueueItem, lang: Locale): string {
  return textsFor(queueTexts, lang).queue.itemHeading(pick(item.consultation.title, lang));
}

function inputSummary(item: QueueItem, lang: Locale): Html {
  return join(
    item.answers.map((answer) => {
      const value = Array.isArray(answer.value)
        ? answer.value.join(', ')
        : typeof answer.value === 'string'
          ? answer.value
          : String(answer.value);
      return html`<h3>${pick(answer.prompt, lang)}</h3><p class="staff-answer" lang="${item.language}">${value}</p>`;
    }),
    '\n',
  );
}

// ---- answer page --------------------------------------------------------------------------------

export type AnswerFormState = {
  body: string;
  language: Locale;
  templateId?: string | undefined;
  errors: FieldError[];
  /** Show the preview of `body`. */
  preview?: boolean;
  /** A status message, e.g. after a template was inserted. */
  notice?: string | undefined;
  /** The item's version the answer is written on; a colleague's change since refuses it. */
  version?: number | undefined;
};

/** Where each answer field's error leads in the error summary. */
const ANSWER_TARGETS = new Map([
  ['body', 'answer-body'],
  ['language', 'answer-language'],
  ['template', 'answer-template'],
]);

/**
 * What the placeholders in a template become, for the answer page and the templates page
 * (the names and what fills them: services/webcare/templates.ts).
 */
export function placeholderHelp(lang: Locale): Html {
  const m = textsFor(webcareTexts, lang).answer.placeholders;
  const names = PLACEHOLDER_NAMES[lang];
  const rows = (['consultation', 'channel', 'date'] as const).map(
    (key) => html`<div><dt><code>{${names[key]}}</code></dt><dd>${m[key]}</dd></div>`,
  );
  return html`<section class="staff-placeholders" aria-labelledby="placeholders-heading">
<h2 id="placeholders-heading">${m.heading}</h2>
<p>${m.intro}</p>
<dl class="staff-meta">${rows}</dl>
<p>${m.both}</p>
<p>${m.check}</p>
</section>`;
}

export function renderAnswerPage(options: {
  lang: Locale;
  session: PageSession;
  item: QueueItem;
  templates: ReplyTemplate[];
  replies: Array<{ body: string; language: Locale; publishedAt: Date | null; posting?: PostingLine }>;
  form: AnswerFormState;
  published?: boolean;
  /** Why this item cannot be answered here: shown instead of the answer form. */
  unavailable?: string | undefined;
  /** The connected account that posts the answer in the conversation on the platform. */
  postsAs?: string | undefined;
  now: Date;
}): string {
  const { lang, item, form } = options;
  const m = textsFor(webcareTexts, lang).answer;
  const t = textsFor(queueTexts, lang);
  const bodyError = form.errors.find((e) => e.field === 'body');
  const templateError = form.errors.find((e) => e.field === 'template');
  const errors = form.errors.map((e) => ({ ...e, target: ANSWER_TARGETS.get(e.field) ?? 'answer-body' }));
  const templateChoices = [
    ['', m.templateNone] as [string, string],
    ...options.templates.map((tpl) => [tpl.id, pick(tpl.title, lang)] as [string, string]),
  ].map(
    ([value, text]) =>
      html`<option${attrs({ value, selected: value !== '' && value === form.templateId })}>${text}</option>`,
  );
  // Part of the answer form, so the template is filled in the language chosen there and
  // what was typed travels with it (without JavaScript too).
  const templateField =
    options.templates.length > 0 &&
    html`<div class="staff-field staff-template-choice${templateError ? ' staff-field--invalid' : ''}"><label for="answer-template">${m.template}</label>
<p class="staff-hint" id="answer-template-hint">${m.templateHint}</p>
${templateError && fieldError(lang, 'answer-template-error', templateError.message)}
<select${attrs({ id: 'answer-template', name: 'template', 'aria-invalid': templateError ? 'true' : undefined, 'aria-describedby': `answer-template-hint${templateError ? ' answer-template-error' : ''}` })}>${templateChoices}</select>
<button type="submit" name="action" value="template" class="staff-button staff-button--secondary">${m.templateUse}</button></div>`;
  const languages = (['nl', 'en'] as const).map((code, index) => {
    const id = index === 0 ? 'answer-language' : `answer-language-${code}`;
    return html`<div class="staff-radio"><input${attrs({ type: 'radio', id, name: 'language', value: code, checked: form.language === code })}><label for="${id}">${code === 'nl' ? 'Nederlands' : 'English'}</label></div>`;
  });
  const preview =
    form.preview &&
    html`<section class="staff-answer-preview" aria-labelledby="preview-heading">
<h2 id="preview-heading" tabindex="-1">${m.previewHeading}</h2>
<p>${m.previewNotice}</p>
<blockquote class="staff-quote">${paragraphs(form.body, { lang: form.language })}</blockquote>
${readabilityHint({ text: form.body, textLang: form.language, lang, id: 'preview-readability' })}
</section>`;
  const earlier =
    options.replies.length > 0 &&
    html`<h2>${t.states.answered}</h2>${options.replies.map(
      (reply) =>
        html`<blockquote class="staff-quote">${paragraphs(reply.body, { lang: reply.language })}${reply.publishedAt && html`<p>${time(reply.publishedAt, formatDateTime(reply.publishedAt, lang))}</p>`}</blockquote>${postingStatus(reply.posting ?? null, lang)}`,
    )}`;
  const answerForm = html`<form method="post" action="${webcarePaths.answer('nl', item.id)}" class="staff-form staff-answer-form" novalidate>
${hiddenFields({ csrf: options.session.csrfToken, lang, version: String(form.version ?? item.version) })}
<fieldset><legend>${m.language}</legend>${languages}</fieldset>
${templateField}
<div class="staff-field${bodyError ? ' staff-field--invalid' : ''}">
<label for="answer-body">${m.body}</label>
<p class="staff-hint" id="answer-body-hint">${m.bodyHint}</p>
${bodyError && fieldError(lang, 'answer-body-error', bodyError.message)}
<textarea${attrs({ id: 'answer-body', name: 'body', rows: 8, maxlength: 5000, 'aria-invalid': bodyError ? 'true' : undefined, 'aria-describedby': `answer-body-hint${bodyError ? ' answer-body-error' : ''} answer-readability` })}>${form.body}</textarea>
</div>
${readabilityHint({ text: form.body, textLang: form.language, lang, id: 'answer-readability', forField: 'answer-body' })}
<p class="staff-actions">
<button type="submit" name="action" value="preview" class="staff-button staff-button--secondary">${m.preview}</button>
<button type="submit" name="action" value="publish" class="staff-button">${m.publish}</button>
</p>
</form>
${placeholderHelp(lang)}`;
  const body = html`${notice(options.published ? m.published : form.notice)}
${errorSummary(lang, errors)}
${options.unavailable ? html`<p class="staff-notice">${options.unavailable}</p>` : item.source ? html`<p class="staff-notice">${options.postsAs ? m.introSocialPosted(item.source.platform, options.postsAs) : m.introSocial(item.source.platform)}</p>` : html`<p>${m.intro}</p>`}
<dl class="staff-meta">
<div><dt>${t.queue.channel}</dt><dd>${t.channels[item.channel] ?? item.channel}</dd></div>
<div><dt>${t.queue.state}</dt><dd>${t.states[item.reviewState]}</dd></div>
<div><dt>${textsFor(webcareTexts, lang).clock.label}</dt><dd>${clockHtml(item.clock, lang)}</dd></div>
</dl>
<section aria-labelledby="input-heading"><h2 id="input-heading">${m.input}</h2>
${inputSummary(item, lang)}
</section>
${earlier}
${preview}
${!options.unavailable && answerForm}
<p><a href="${staffPaths.queue(lang)}">${m.back}</a></p>`;
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
  page: OverduePage;
  /** Past the first page: offer the way back to the latest. */
  later: boolean;
  choices: AssignmentChoices;
  canAnswer: boolean;
  now: Date;
}): string {
  const { lang, page } = options;
  const m = textsFor(webcareTexts, lang);
  const t = textsFor(queueTexts, lang);
  const list =
    page.items.length === 0
      ? html`<p>${m.overdue.empty}</p>`
      : html`<ol class="staff-queue">${join(
          page.items.map((item) => {
            const headingId = `overdue-${item.id}-heading`;
            return html`<li><article class="staff-item" aria-labelledby="${headingId}">
<h2 id="${headingId}">${itemTitle(item, lang)}</h2>
<dl class="staff-meta">
<div><dt>${m.clock.label}</dt><dd>${clockHtml(item.clock, lang)}</dd></div>
<div><dt>${t.queue.due}</dt><dd>${time(item.dueAt, formatDateTime(item.dueAt, lang))}</dd></div>
<div><dt>${t.queue.channel}</dt><dd>${t.channels[item.channel] ?? item.channel}</dd></div>
<div><dt>${t.queue.state}</dt><dd>${t.states[item.reviewState]}</dd></div>
<div><dt>${m.assign.heading}</dt><dd>${describeAssignment(item, options.choices, lang)}</dd></div>
</dl>
${options.canAnswer && html`<p><a href="${webcarePaths.answer(lang, item.id)}">${m.answer.link}<span class="staff-visually-hidden">: ${itemTitle(item, lang)}</span></a></p>`}
</article></li>`;
          }),
          '\n',
        )}</ol>`;
  const path = webcarePaths.overdue(lang);
  const pager = cursorPager({
    label: m.overdue.pager,
    first: options.later ? { href: path, text: m.overdue.first } : undefined,
    next: page.next ? { href: `${path}?na=${page.next.micros}.${page.next.id}`, text: m.overdue.next } : undefined,
  });
  const body = html`<p>${m.overdue.intro}</p>
<p>${m.overdue.count(page.total.count, page.total.more)}</p>
${list}
${pager}`;
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
  const basics = { csrf: session.csrfToken, lang };
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
      const textLang = name.endsWith('En') ? 'en' : 'nl';
      const input = multiline
        ? html`<textarea${common} rows="5" lang="${textLang}">${values[name]}</textarea>`
        : html`<input${common}${attrs({ type: 'text', value: values[name], lang: textLang })}>`;
      return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${inputId}">${label}</label>${error && fieldError(lang, `${inputId}-error`, error.message)}${input}</div>`;
    };
    const readable = (name: 'bodyNl' | 'bodyEn', textLang: Locale) =>
      values[name].trim() &&
      readabilityHint({
        text: values[name],
        textLang,
        lang,
        id: `${prefix}-${name}-readability`,
        forField: `${prefix}-${name}`,
      });
    return html`<form method="post" action="${webcarePaths.templateSave}" class="staff-form" novalidate>
${hiddenFields(id ? { ...basics, id } : basics)}
${field('titleNl', m.titleNl, false)}
${field('titleEn', m.titleEn, false)}
${field('bodyNl', m.bodyNl, true)}
${readable('bodyNl', 'nl')}
${field('bodyEn', m.bodyEn, true)}
${readable('bodyEn', 'en')}
<button type="submit" class="staff-button">${m.save}</button>
</form>`;
  };
  const list =
    options.templates.length === 0
      ? html`<p>${m.empty}</p>`
      : join(
          options.templates.map((tpl) => {
            const state = form?.id === tpl.id ? form : undefined;
            const values = state?.values ?? {
              titleNl: tpl.title.nl,
              titleEn: tpl.title.en ?? '',
              bodyNl: tpl.body.nl,
              bodyEn: tpl.body.en ?? '',
            };
            const title = pick(tpl.title, lang);
            return html`<section class="staff-item" aria-labelledby="template-${tpl.id}-heading">
<h2 id="template-${tpl.id}-heading">${m.edit(title)}</h2>
${formFor(tpl.id, values, state)}
<form method="post" action="${webcarePaths.templateDelete(tpl.id)}">
${hiddenFields(basics)}
<button type="submit" class="staff-button staff-button--secondary">${m.delete}<span class="staff-visually-hidden">: ${title}</span></button>
</form>
</section>`;
          }),
          '\n',
        );
  const newState = form && !form.id ? form : undefined;
  const errors = (form?.errors ?? []).map((e) => ({
    ...e,
    target: `${form?.id ? `template-${form.id}` : 'template-new'}-${e.field}`,
  }));
  const body = html`${notice(options.notice)}
${errorSummary(lang, errors)}
<p>${m.intro}</p>
${placeholderHelp(lang)}
${list}
<section class="staff-item" aria-labelledby="template-new-heading">
<h2 id="template-new-heading">${m.add}</h2>
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
  const basics = { csrf: session.csrfToken, lang };
  const departmentName = (id: string | null) => {
    const d = options.choices.departments.find((x) => x.id === id);
    return d ? pick(d.name, lang) : '—';
  };
  const personName = (id: string | null) => options.choices.people.find((p) => p.id === id)?.name ?? '—';
  const table =
    options.rules.length === 0
      ? html`<p>${m.empty}</p>`
      : html`<div class="staff-table-wrap" role="region" aria-labelledby="rules-caption" tabindex="0"><table class="staff-table">
<caption id="rules-caption">${m.title}</caption>
<thead><tr><th scope="col">${m.topic}</th><th scope="col">${m.channel}</th><th scope="col">${m.department}</th><th scope="col">${m.person}</th><td></td></tr></thead>
<tbody>${options.rules.map((rule) => {
          const topic = pick(rule.topic.title, lang);
          return html`<tr><th scope="row">${topic}</th><td>${rule.channel ? (t.channels[rule.channel] ?? rule.channel) : m.anyChannel}</td><td>${departmentName(rule.departmentId)}</td><td>${personName(rule.staffUserId)}</td>
<td><form method="post" action="${webcarePaths.routingDelete(rule.id)}">${hiddenFields(basics)}<button type="submit" class="staff-button staff-button--secondary">${m.delete(topic)}</button></form></td></tr>`;
        })}</tbody></table></div>`;
  const select = (name: keyof RoutingFormState['values'], label: string, choices: Array<[string, string]>) =>
    choiceField({
      lang,
      id: `rule-${name}`,
      name,
      label,
      current: form?.values[name],
      choices,
      error: form?.errors.find((e) => e.field === name),
    });
  const errors = (form?.errors ?? []).map((e) => ({ ...e, target: `rule-${e.field}` }));
  const body = html`${notice(options.notice)}
${errorSummary(lang, errors)}
<p>${m.intro}</p>
${table}
<h2>${m.addHeading}</h2>
<form method="post" action="${webcarePaths.routingSave}" class="staff-form" novalidate>
${hiddenFields(basics)}
${select(
  'topic',
  m.topic,
  options.topics.map((x) => [x.slug, pick(x.title, lang)]),
)}
${select('channel', m.channel, [['', m.anyChannel], ...Object.entries(t.channels)])}
${select('department', m.department, [['', m.nobody], ...options.choices.departments.map((d) => [d.id, pick(d.name, lang)] as [string, string])])}
${select('person', m.person, [['', m.nobody], ...options.choices.people.map((p) => [p.id, p.name] as [string, string])])}
<button type="submit" class="staff-button">${m.add}</button>
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
  const sections = (['summary', 'background', 'afterwards', 'whoDecides'] as const).map((key) => {
    const text = consultation[key];
    const perLanguage = (['nl', 'en'] as const).map((textLang) => {
      const value = text[textLang];
      const heading = textLang === 'nl' ? 'Nederlands' : 'English';
      if (!value) return html`<h3>${heading}</h3><p>${m.noEnglish}</p>`;
      return html`<h3>${heading}</h3>${paragraphs(value, { lang: textLang })}${readabilityHint({ text: value, textLang, lang, id: `preview-${key}-${textLang}` })}`;
    });
    return html`<section class="staff-item" aria-labelledby="preview-${key}"><h2 id="preview-${key}">${m.fields[key]}</h2>${join(perLanguage, '\n')}</section>`;
  });
  const body = html`<p>${m.intro}</p>\n${join(sections, '\n')}`;
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
  const items = options.consultations.map(
    (c) =>
      html`<li><a href="${webcarePaths.consultation(lang, c.slug)}">${m.read(pick(c.title, lang), m.status[c.status] ?? c.status)}</a></li>`,
  );
  return staffPage({
    lang,
    title: m.title,
    body: html`<p>${m.intro}</p>\n<ul class="staff-links">${items}</ul>`,
    session: options.session,
    path: webcarePaths.consultations(lang),
  });
}

// ---- shortcut help ------------------------------------------------------------------------------

export function renderShortcutsPage(options: { lang: Locale; session: PageSession }): string {
  const { lang } = options;
  const m = textsFor(webcareTexts, lang).shortcuts;
  const rows = m.keys.map(([key, action]) => html`<tr><th scope="row"><kbd>${key}</kbd></th><td>${action}</td></tr>`);
  const body = html`<p>${m.intro}</p>
<table class="staff-table"><caption class="staff-visually-hidden">${m.title}</caption>
<thead><tr><th scope="col">${m.keyHeading}</th><th scope="col">${m.actionHeading}</th></tr></thead>
<tbody>${rows}</tbody></table>
<div class="staff-checkbox staff-shortcut-toggle" data-shortcut-toggle hidden>
<input type="checkbox" id="shortcuts-enabled" aria-describedby="shortcuts-enabled-hint"><label for="shortcuts-enabled">${m.toggle}</label>
<p class="staff-hint" id="shortcuts-enabled-hint">${m.toggleHint}</p>
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
