/**
 * The consultation authoring pages: the list, a new draft, the edit page (texts with their
 * readability hint, settings, the timeline's steps, the question builder, the lifecycle
 * buttons, the preview and the history) and the outcome. Plain forms: every button works
 * without JavaScript and with the keyboard alone (no drag and drop: up and down buttons).
 */
import type { Consultation, Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, join, nothing, raw, type Html } from '../../../shared/html/index.ts';
import { renderConsultationForm } from '../../../shared/render/form.ts';
import { renderOutcome, renderTimeline } from '../../../shared/render/consultation-phases.ts';
import { inlineText, localizedParagraphs } from '../../../shared/render/html.ts';
import * as consultationTexts from '../../../shared/texts/consultation.ts';
import type { AuthoredImage, Stage, Stale, Transition } from '../../services/consultation-authoring.ts';
import { renderConsultationImages } from '../../../shared/render/consultation-images.ts';
import { TRANSITIONS } from '../../services/consultation-authoring.ts';
import type { LocalizedText } from '../../db/schema.ts';
import {
  errorSummary,
  fieldError,
  hiddenFields,
  labelOfRow,
  notice,
  pick,
  type FieldError,
} from '../kit/components.ts';
import { formatDateTime } from '../kit/format.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { readabilityHint } from '../webcare/view.ts';
import { webcarePaths } from '../webcare/paths.ts';
import { TEXT_FIELDS, type EditForm, type Pair, type QuestionForm } from './form.ts';
import { authoringPaths } from './paths.ts';
import * as texts from './texts.ts';

type Texts = typeof texts.nl;

const errorFor = (errors: readonly FieldError[], id: string) => errors.find((e) => e.field === id);

/** One labelled control with its hint and error; `control` gets the id, name and aria attributes. */
export function control(options: {
  lang: Locale;
  id: string;
  label: string;
  value: string;
  errors: readonly FieldError[];
  kind?: 'input' | 'textarea' | 'number' | 'datetime';
  hint?: string;
  textLang?: Locale;
  readability?: boolean;
  autofocus?: string | undefined;
}): Html {
  const { id, errors } = options;
  const error = errorFor(errors, id);
  const describedBy = [
    options.hint ? `${id}-hint` : undefined,
    error ? `${id}-error` : undefined,
    options.readability ? `${id}-readability` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: id,
    lang: options.textLang,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy || undefined,
    autofocus: options.autofocus === id ? true : undefined,
  };
  const kind = options.kind ?? 'input';
  const field =
    kind === 'textarea'
      ? html`<textarea${attrs({ ...common, rows: 5 })}>${options.value}</textarea>`
      : html`<input${attrs({
          ...common,
          type: kind === 'number' ? 'text' : kind === 'datetime' ? 'datetime-local' : 'text',
          inputmode: kind === 'number' ? 'numeric' : undefined,
          value: options.value,
        })}>`;
  return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}">
<label for="${id}">${options.label}</label>
${options.hint ? html`<p class="staff-hint" id="${id}-hint">${options.hint}</p>` : nothing}
${error ? fieldError(options.lang, `${id}-error`, error.message) : nothing}
${field}
${options.readability && options.textLang ? readabilityHint({ text: options.value, textLang: options.textLang, lang: options.lang, id: `${id}-readability`, forField: id }) : nothing}
</div>`;
}

/** A text in Dutch and English, each with its readability hint. */
function pairFields(
  lang: Locale,
  m: Texts,
  name: string,
  label: string,
  value: Pair,
  errors: readonly FieldError[],
  options: { kind?: 'input' | 'textarea'; readability?: boolean; autofocus?: string | undefined } = {},
): Html {
  return join(
    (['nl', 'en'] as const).map((textLang) =>
      control({
        lang,
        id: `${name}-${textLang}`,
        label: `${label} (${textLang === 'nl' ? m.edit.dutch : m.edit.english})`,
        value: value[textLang],
        errors,
        kind: options.kind ?? 'input',
        textLang,
        readability: options.readability ?? true,
        autofocus: options.autofocus,
      }),
    ),
    '\n',
  );
}

const button = (
  name: string,
  value: string,
  label: string | Html,
  options: { secondary?: boolean; id?: string; autofocus?: string | undefined } = {},
) =>
  html`<button${attrs({
    type: 'submit',
    name,
    value,
    id: options.id,
    class: options.secondary === false ? 'staff-button' : 'staff-button staff-button--secondary',
    autofocus: options.autofocus !== undefined && options.autofocus === options.id ? true : undefined,
  })}>${label}</button>`;

// ---- the list ------------------------------------------------------------------------------------

export function renderAuthoringList(options: {
  lang: Locale;
  session: PageSession;
  rows: Array<{ slug: string; title: LocalizedText; stage: Stage; opensAt: Date; closesAt: Date }>;
}): string {
  const { lang } = options;
  const m = textsFor(texts, lang);
  // A list, not a table: it reflows at 320 px without scrolling sideways.
  const items = options.rows.map(
    (row) =>
      html`<li><a href="${authoringPaths.edit(lang, row.slug)}">${pick(row.title, lang) || row.slug}</a><br>${m.list.stageHeading}: ${m.stages[row.stage]}. ${m.list.periodHeading}: ${formatDateTime(row.opensAt, lang)} – ${formatDateTime(row.closesAt, lang)}</li>`,
  );
  const body = html`<p>${m.list.intro}</p>
<p><a class="staff-button" href="${authoringPaths.create(lang)}">${m.list.create}</a></p>
${items.length === 0 ? html`<p>${m.list.none}</p>` : html`<ul class="staff-links">${items}</ul>`}`;
  return staffPage({ lang, title: m.list.title, body, session: options.session, path: authoringPaths.list(lang) });
}

// ---- a new draft ---------------------------------------------------------------------------------

export type CreateForm = { topic: string; slug: string; titleNl: string; titleEn: string };

export function renderCreatePage(options: {
  lang: Locale;
  session: PageSession;
  topics: Array<{ slug: string; title: LocalizedText }>;
  form: CreateForm;
  errors: FieldError[];
}): string {
  const { lang, form, errors } = options;
  const m = textsFor(texts, lang);
  const topicError = errorFor(errors, 'topic');
  const topicOptions = options.topics.map(
    (t) => html`<option${attrs({ value: t.slug, selected: t.slug === form.topic })}>${pick(t.title, lang)}</option>`,
  );
  const body = html`${errorSummary(lang, errors)}
<p>${m.create.intro}</p>
<form method="post" action="${authoringPaths.createPost}" class="staff-form" novalidate>
${hiddenFields({ csrf: options.session.csrfToken, lang })}
<div class="staff-field${topicError ? ' staff-field--invalid' : ''}">
<label for="topic">${m.create.topic}</label>
${topicError ? fieldError(lang, 'topic-error', topicError.message) : nothing}
<select${attrs({ id: 'topic', name: 'topic', 'aria-invalid': topicError ? 'true' : undefined, 'aria-describedby': topicError ? 'topic-error' : undefined })}>${topicOptions}</select>
</div>
${control({ lang, id: 'slug', label: m.create.slug, hint: m.create.slugHint, value: form.slug, errors })}
${control({ lang, id: 'titleNl', label: m.create.titleNl, value: form.titleNl, errors, textLang: 'nl' })}
${control({ lang, id: 'titleEn', label: m.create.titleEn, value: form.titleEn, errors, textLang: 'en' })}
<p class="staff-actions"><button type="submit" class="staff-button">${m.create.submit}</button></p>
</form>`;
  return staffPage({
    lang,
    title: m.create.title,
    body,
    session: options.session,
    path: authoringPaths.create(lang),
    hasErrors: errors.length > 0,
  });
}

// ---- the edit page -------------------------------------------------------------------------------

export type EditPageOptions = {
  lang: Locale;
  session: PageSession;
  slug: string;
  version: number;
  stage: Stage;
  form: EditForm;
  errors: FieldError[];
  status?: string | undefined;
  /** A change not saved yet (the builder's buttons): said at the top. */
  unsaved?: boolean;
  focus?: string | undefined;
  stale?: Stale | undefined;
  staleFieldNames?: string | undefined;
  inputCount: number;
  topics: Array<{ slug: string; title: LocalizedText }>;
  revisions: Array<{ version: number; at: Date; by: string | null }>;
  department: LocalizedText | null;
  outcome: Pick<Consultation, 'outcome' | 'outcomeReasons' | 'outcomeThemes'>;
  /** Refusals of a lifecycle step, shown in the lifecycle section. */
  stageProblems?: string[] | undefined;
  preview?: Consultation | undefined;
  images: AuthoredImage[];
  /** The image form that was sent and refused, with what was typed (`key`: an image's id or `new`). */
  imageForm?: { key: string; values: ImageFormValues } | undefined;
};

/** What staff type about an image. */
export type ImageFormValues = { altNl: string; altEn: string; captionNl: string; captionEn: string };

/** The ids of an image form's fields: `image-new-alt-nl`, `image-<id>-file`, … */
export const imageFieldId = (key: string, part: 'file' | 'alt-nl' | 'alt-en' | 'caption-nl' | 'caption-en') =>
  `image-${key}-${part}`;

export function renderEditPage(options: EditPageOptions): string {
  const { lang, form, errors, focus } = options;
  const m = textsFor(texts, lang);
  const title = form.title.nl || options.slug;
  const staleBox = options.stale
    ? html`<div class="staff-notice staff-notice--warning" role="alert" id="stale">
<h2>${m.stale.heading}</h2>
<p>${m.stale.body(options.stale.by ?? m.edit.someone, options.stale.at ? formatDateTime(options.stale.at, lang) : '', options.stale.version)}</p>
${options.staleFieldNames ? html`<p>${m.stale.changed(options.staleFieldNames)}</p>` : nothing}
<p>${m.stale.again} <a href="${authoringPaths.edit(lang, options.slug)}" target="_blank" rel="noopener">${title}</a></p>
</div>`
    : nothing;

  const texts_ = join(
    TEXT_FIELDS.map((name) =>
      pairFields(lang, m, name, m.edit.fields[name], form[name], errors, {
        kind: ['summary', 'background', 'afterwards'].includes(name) ? 'textarea' : 'input',
        autofocus: focus,
      }),
    ),
    '\n',
  );

  const topicOptions = options.topics.map(
    (t) => html`<option${attrs({ value: t.slug, selected: t.slug === form.topic })}>${pick(t.title, lang)}</option>`,
  );
  const topicError = errorFor(errors, 'topic');
  const settings = html`<fieldset><legend>${m.edit.settingsHeading}</legend>
<div class="staff-field${topicError ? ' staff-field--invalid' : ''}">
<label for="topic">${m.edit.topic}</label>
${topicError ? fieldError(lang, 'topic-error', topicError.message) : nothing}
<select${attrs({ id: 'topic', name: 'topic', 'aria-invalid': topicError ? 'true' : undefined, 'aria-describedby': topicError ? 'topic-error' : undefined })}>${topicOptions}</select>
</div>
<fieldset><legend>${m.edit.moderation}</legend>
<div class="staff-radio"><input type="radio" id="moderation-pre" name="moderation" value="pre"${raw(form.moderation !== 'post' ? ' checked' : '')}><label for="moderation-pre">${m.edit.moderationPre}</label></div>
<div class="staff-radio"><input type="radio" id="moderation-post" name="moderation" value="post"${raw(form.moderation === 'post' ? ' checked' : '')}><label for="moderation-post">${m.edit.moderationPost}</label></div>
</fieldset>
${control({ lang, id: 'responseDays', label: m.edit.responseDays, value: form.responseDays, errors, kind: 'number', autofocus: focus })}
${control({ lang, id: 'opensAt', label: m.edit.opensAt, hint: m.edit.dateHint, value: form.opensAt, errors, kind: 'datetime', autofocus: focus })}
${control({ lang, id: 'closesAt', label: m.edit.closesAt, hint: m.edit.dateHint, value: form.closesAt, errors, kind: 'datetime', autofocus: focus })}
</fieldset>`;

  const phases = html`<fieldset><legend>${m.edit.phasesHeading}</legend>
<p class="staff-hint">${m.edit.phasesIntro}</p>
${join(
  form.phases.map(
    (p, i) => html`<fieldset class="staff-item"><legend>${m.edit.phase(i + 1)}</legend>
${pairFields(lang, m, `p${i}-when`, m.edit.phaseWhen, p.when, errors, { readability: false, autofocus: focus })}
${pairFields(lang, m, `p${i}-what`, m.edit.phaseWhat, p.what, errors, { autofocus: focus })}
<p class="staff-actions">${button('action', `p${i}-remove`, m.edit.removePhase(i + 1))}</p>
</fieldset>`,
  ),
  '\n',
)}
<p class="staff-actions">${button('action', 'add-phase', m.edit.addPhase, { id: 'add-phase', autofocus: focus })}</p>
</fieldset>`;

  const questions = html`<fieldset><legend>${m.edit.questionsHeading}</legend>
<p class="staff-hint">${m.edit.questionsIntro}</p>
${options.inputCount > 0 ? html`<p class="staff-notice">${m.edit.inputWarning(options.inputCount)}</p>` : nothing}
${form.questions.length === 0 ? html`<p>${m.edit.noQuestions}</p>` : nothing}
${join(
  form.questions.map((q, i) => renderQuestionFields(lang, m, q, i, form.questions.length, errors, focus)),
  '\n',
)}
<div class="staff-field${errorFor(errors, 'add-kind') ? ' staff-field--invalid' : ''}">
<label for="add-kind">${m.edit.newKind}</label>
${errorFor(errors, 'add-kind') ? fieldError(lang, 'add-kind-error', errorFor(errors, 'add-kind')!.message) : nothing}
<select${attrs({ id: 'add-kind', name: 'add-kind', autofocus: focus === 'add-kind' ? true : undefined, 'aria-describedby': errorFor(errors, 'add-kind') ? 'add-kind-error' : undefined })}>${Object.entries(m.edit.kinds).map(([value, label]) => html`<option value="${value}">${label}</option>`)}</select>
</div>
<p class="staff-actions">${button('action', 'add-question', m.edit.addQuestion, { id: 'add-question' })}</p>
</fieldset>`;

  const actions = html`<p class="staff-actions">${button('action', 'save', m.edit.save, { secondary: false })} ${button('action', 'preview', m.edit.refreshPreview)}</p>`;

  const editForm = html`<form method="post" action="${authoringPaths.savePost(options.slug)}" class="staff-form" novalidate>
${hiddenFields({ csrf: options.session.csrfToken, lang, version: String(options.version) })}
${actions}
<fieldset><legend>${m.edit.textsHeading}</legend>
<p class="staff-hint">${m.edit.textsIntro}</p>
${texts_}
</fieldset>
${settings}
${phases}
${questions}
${actions}
</form>`;

  const body = html`${errorSummary(lang, errors)}
${staleBox}
${options.unsaved ? html`<p class="staff-notice staff-notice--warning">${m.edit.notSaved}</p>` : nothing}
${notice(options.status)}
${renderLifecycle(options)}
<h2>${m.edit.textsHeading} &amp; ${m.edit.questionsHeading}</h2>
${editForm}
${renderImages(options)}
${renderPreview(options)}
${renderHistory(lang, m, options.revisions)}`;
  return staffPage({
    lang,
    title: m.edit.title(title),
    body,
    session: options.session,
    path: authoringPaths.edit(lang, options.slug),
    hasErrors: errors.length > 0,
    scripts: [webcarePaths.readabilityScript],
  });
}

function renderQuestionFields(
  lang: Locale,
  m: Texts,
  q: QuestionForm,
  i: number,
  total: number,
  errors: readonly FieldError[],
  focus: string | undefined,
): Html {
  const n = i + 1;
  const choice = q.kind === 'single_choice' || q.kind === 'multiple_choice';
  const kindSpecific = choice
    ? html`<fieldset><legend>${m.edit.options}</legend>
${join(
  q.options.map(
    (o, j) => html`<div class="staff-item">
<input type="hidden" name="q${i}-o${j}-value" value="${o.value}">
${pairFields(lang, m, `q${i}-o${j}`, m.edit.option(j + 1), o.label, errors, { readability: false, autofocus: focus })}
<p class="staff-actions">${button('action', `q${i}-o${j}-remove`, m.edit.removeOption(n, j + 1))}</p>
</div>`,
  ),
  '\n',
)}
<p class="staff-actions">${button('action', `q${i}-add-option`, m.edit.addOption, { id: `q${i}-add-option`, autofocus: focus })}</p>
</fieldset>`
    : q.kind === 'scale'
      ? html`${control({ lang, id: `q${i}-scaleMin`, label: m.edit.scaleMin, value: q.scaleMin, errors, kind: 'number' })}
${control({ lang, id: `q${i}-scaleMax`, label: m.edit.scaleMax, value: q.scaleMax, errors, kind: 'number' })}
${pairFields(lang, m, `q${i}-scaleMinLabel`, m.edit.scaleMinLabel, q.scaleMinLabel, errors, { readability: false })}
${pairFields(lang, m, `q${i}-scaleMaxLabel`, m.edit.scaleMaxLabel, q.scaleMaxLabel, errors, { readability: false })}`
      : control({ lang, id: `q${i}-maxLength`, label: m.edit.maxLength, value: q.maxLength, errors, kind: 'number' });
  const moves = [
    i > 0 ? button('action', `q${i}-up`, m.edit.moveUp(n), { id: `q${i}-up`, autofocus: focus }) : nothing,
    i < total - 1
      ? button('action', `q${i}-down`, m.edit.moveDown(n), { id: `q${i}-down`, autofocus: focus })
      : nothing,
    button('action', `q${i}-remove`, m.edit.remove(n), { id: `q${i}-remove` }),
  ];
  return html`<fieldset class="staff-item" id="q${i}">
<legend>${m.edit.question(n)}: ${m.edit.kinds[q.kind] ?? q.kind}</legend>
${hiddenFields({ [`q${i}-key`]: q.key, [`q${i}-kind`]: q.kind })}
${pairFields(lang, m, `q${i}-prompt`, m.edit.prompt, q.prompt, errors, { autofocus: focus })}
${pairFields(lang, m, `q${i}-hint`, m.edit.hint, q.hint, errors, { autofocus: focus })}
<div class="staff-checkbox"><input type="checkbox" id="q${i}-required" name="q${i}-required" value="yes"${raw(q.required ? ' checked' : '')}><label for="q${i}-required">${m.edit.required}</label></div>
${kindSpecific}
<p class="staff-actions">${join(moves, ' ')}</p>
</fieldset>`;
}

function renderLifecycle(options: EditPageOptions): Html {
  const { lang, stage, slug } = options;
  const m = textsFor(texts, lang);
  const steps = (Object.keys(TRANSITIONS) as Transition[]).filter((t) => TRANSITIONS[t].includes(stage));
  const forms = steps.map(
    (step) => html`<form method="post" action="${authoringPaths.stagePost(slug)}" class="staff-inline-form">
${hiddenFields({ csrf: options.session.csrfToken, lang, version: String(options.version) })}
<button type="submit" name="step" value="${step}" class="${step === 'close' || step === 'unschedule' ? 'staff-button staff-button--secondary' : 'staff-button'}">${m.lifecycle[step]}</button>
</form>`,
  );
  const outcomeLink =
    stage === 'closed' || stage === 'decided'
      ? html`<p><a class="staff-button" href="${authoringPaths.outcome(lang, slug)}">${stage === 'decided' ? m.lifecycle.outcomeEdit : m.lifecycle.outcome}</a></p>`
      : nothing;
  const problems = options.stageProblems?.length
    ? html`<div class="staff-notice staff-notice--warning" role="alert"><p>${m.lifecycle.notReady}</p><ul>${options.stageProblems.map((p) => html`<li>${p}</li>`)}</ul></div>`
    : nothing;
  return html`<section class="staff-item" aria-labelledby="lifecycle-heading">
<h2 id="lifecycle-heading">${m.lifecycle.heading}</h2>
<p>${m.lifecycle.now(m.stages[stage])}</p>
${stage === 'draft' ? html`<p>${m.lifecycle.draftNote}</p>` : nothing}
${problems}
${join(forms, '\n')}
${outcomeLink}
</section>`;
}

/** The consultation as the portal renders it from what is in the form now (not saved). */
export function previewConsultation(
  options: Pick<EditPageOptions, 'slug' | 'form' | 'stage' | 'department' | 'outcome' | 'images'>,
  parsed: { opensAt?: Date; closesAt?: Date },
): Consultation {
  const { form } = options;
  const text = (p: Pair) => (p.en ? { nl: p.nl, en: p.en } : { nl: p.nl });
  const orNull = (p: Pair) => (p.nl || p.en ? text(p) : null);
  const int = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value) : null);
  const status = {
    draft: 'upcoming',
    scheduled: 'upcoming',
    open: 'open',
    closed: 'closed',
    decided: 'decided',
  } as const;
  return {
    slug: options.slug,
    topic: form.topic,
    title: text(form.title),
    summary: text(form.summary),
    background: text(form.background),
    afterwards: text(form.afterwards),
    whoDecides: text(form.whoDecides),
    targetGroups: orNull(form.targetGroups),
    partners: orNull(form.partners),
    phases: form.phases.map((p) => ({ when: text(p.when), what: text(p.what) })),
    ...options.outcome,
    outcome: options.outcome.outcome ?? null,
    department: options.department,
    status: status[options.stage],
    moderation: form.moderation === 'post' ? 'post' : 'pre',
    responseDays: int(form.responseDays) ?? 10,
    opensAt: (parsed.opensAt ?? new Date(0)).toISOString(),
    closesAt: (parsed.closesAt ?? new Date(0)).toISOString(),
    submissionCount: 0,
    // The workbench's own address: a draft's images are not public.
    images: options.images.map((image) => ({
      url: authoringPaths.image(options.slug, image.id),
      width: image.width,
      height: image.height,
      alt: image.alt,
      caption: image.caption.nl || image.caption.en ? image.caption : null,
    })),
    questions: form.questions.map((q) => ({
      key: q.key,
      kind: q.kind as 'open_text',
      prompt: text(q.prompt),
      hint: orNull(q.hint),
      required: q.required,
      options: q.options.length > 0 ? q.options.map((o) => ({ value: o.value, label: text(o.label) })) : null,
      scaleMin: int(q.scaleMin),
      scaleMax: int(q.scaleMax),
      scaleMinLabel: orNull(q.scaleMinLabel),
      scaleMaxLabel: orNull(q.scaleMaxLabel),
      maxLength: int(q.maxLength),
    })),
  };
}

function renderPreview(options: EditPageOptions): Html {
  const { lang } = options;
  const m = textsFor(texts, lang);
  const c = options.preview;
  if (!c) return nothing;
  const mc = textsFor(consultationTexts, lang);
  // The resident's form, as the portal renders it, made inert: the preview sends nothing.
  const form = String(renderConsultationForm({ consultation: { ...c, status: 'open' }, lang }))
    .replace(
      /<form class="podium-form" method="post" action="[^"]*"/,
      '<form class="podium-form" action="#" data-preview',
    )
    .replace(/type="submit"/g, 'type="button"');
  return html`<section class="staff-preview" aria-labelledby="preview-heading">
<h2 id="preview-heading">${m.edit.previewHeading}</h2>
<p class="staff-hint">${m.edit.previewIntro}</p>
<div class="staff-preview__page">
<p class="staff-preview__title"><strong>${inlineText(c.title, lang)}</strong></p>
<h3>${mc.asked}</h3>
${localizedParagraphs(c.summary, lang)}
<dl>
<dt>${mc.whoDecides}</dt><dd>${inlineText(c.whoDecides, lang)}</dd>
<dt>${mc.responseTime}</dt><dd>${mc.responseTimeValue(c.responseDays)}</dd>
<dt>${mc.moderation}</dt><dd>${c.moderation === 'pre' ? mc.moderationPre : mc.moderationPost}</dd>
${c.targetGroups ? html`<dt>${mc.targetGroups}</dt><dd>${inlineText(c.targetGroups, lang)}</dd>` : nothing}
${c.partners ? html`<dt>${mc.partners}</dt><dd>${inlineText(c.partners, lang)}</dd>` : nothing}
</dl>
<h3>${mc.whyHeading}</h3>
${localizedParagraphs(c.background, lang)}
${renderConsultationImages(c.images, lang)}
<h3>${mc.afterwardsHeading}</h3>
${localizedParagraphs(c.afterwards, lang)}
${renderTimeline(c, lang, 'preview-timeline-heading')}
${c.status === 'decided' ? renderOutcome(c, lang) : raw(form)}
</div>
</section>`;
}

function renderImages(options: EditPageOptions): Html {
  const { lang, errors, focus } = options;
  const m = textsFor(texts, lang).images;
  const sent = (key: string) => (options.imageForm?.key === key ? options.imageForm.values : undefined);
  // Existing images' fields and save buttons name their image, so each is unique on the page (WCAG 2.4.6).
  const fields = (key: string, values: ImageFormValues, n?: number) =>
    join(
      (['nl', 'en'] as const).map((textLang) => {
        const language = textLang === 'nl' ? textsFor(texts, lang).edit.dutch : textsFor(texts, lang).edit.english;
        return html`${control({ lang, id: imageFieldId(key, `alt-${textLang}`), label: `${n ? m.altOf(n) : m.alt} (${language})`, hint: m.altHint, value: textLang === 'nl' ? values.altNl : values.altEn, errors, kind: 'textarea', textLang, readability: true, autofocus: focus })}
${control({ lang, id: imageFieldId(key, `caption-${textLang}`), label: `${n ? m.captionOf(n) : m.caption} (${language}, ${m.optional})`, value: textLang === 'nl' ? values.captionNl : values.captionEn, errors, textLang, autofocus: focus })}`;
      }),
      '\n',
    );
  const fileField = (key: string, label: string, row?: string) => {
    const id = imageFieldId(key, 'file');
    const error = errorFor(errors, id);
    return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}">
<label for="${id}">${labelOfRow(label, row)}</label>
${error ? fieldError(lang, `${id}-error`, error.message) : nothing}
<input${attrs({ type: 'file', id, name: id, accept: 'image/png,image/jpeg,image/webp', 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': error ? `${id}-error` : undefined, autofocus: focus === id ? true : undefined })}>
</div>`;
  };
  const formStart = (key: string) =>
    html`<form method="post" action="${authoringPaths.imagesPost(options.slug)}" enctype="multipart/form-data" class="staff-form" novalidate>
${hiddenFields({ csrf: options.session.csrfToken, lang, version: String(options.version), image: key })}`;
  const count = options.images.length;
  const list = options.images.map((image, i) => {
    const values = sent(image.id) ?? {
      altNl: image.alt.nl,
      altEn: image.alt.en,
      captionNl: image.caption.nl,
      captionEn: image.caption.en,
    };
    const alt = lang === 'en' ? image.alt.en || image.alt.nl : image.alt.nl;
    return html`<li class="staff-item">
<h3>${m.image(i + 1)}</h3>
<figure class="staff-image"><img${attrs({ src: authoringPaths.image(options.slug, image.id), alt, width: String(image.width), height: String(image.height), loading: 'lazy' })}>
<figcaption>${m.fileFacts(image.fileName, image.mime.replace('image/', '').toUpperCase(), image.width, image.height, Math.ceil(image.size / 1024))}</figcaption></figure>
${formStart(image.id)}
${fields(image.id, values, i + 1)}
${fileField(image.id, m.replaceFile, m.image(i + 1))}
<p class="staff-actions">${button('action', 'save', labelOfRow(m.save, m.image(i + 1)), { secondary: false })}
${i > 0 ? button('action', 'up', m.up(i + 1), { id: `image-${image.id}-up`, autofocus: focus }) : nothing}
${i < count - 1 ? button('action', 'down', m.down(i + 1), { id: `image-${image.id}-down`, autofocus: focus }) : nothing}
${button('action', 'remove', m.remove(i + 1))}</p>
</form>
</li>`;
  });
  const fresh = sent('new') ?? { altNl: '', altEn: '', captionNl: '', captionEn: '' };
  return html`<section aria-labelledby="images-heading">
<h2 id="images-heading">${m.heading}</h2>
<p class="staff-hint">${m.intro}</p>
${count === 0 ? html`<p>${m.none}</p>` : html`<ol class="staff-images">${list}</ol>`}
<h3 id="image-new-heading">${m.add}</h3>
${formStart('new')}
${fileField('new', m.file)}
${fields('new', fresh)}
<p class="staff-actions">${button('action', 'add', m.add, { secondary: false })}</p>
</form>
</section>`;
}

function renderHistory(lang: Locale, m: Texts, revisions: EditPageOptions['revisions']): Html {
  if (revisions.length === 0) return nothing;
  return html`<section aria-labelledby="history-heading">
<h2 id="history-heading">${m.edit.historyHeading}</h2>
<ul>${revisions.map((r) => html`<li>${m.edit.historyItem(r.version, formatDateTime(r.at, lang), r.by ?? m.edit.someone)}</li>`)}</ul>
</section>`;
}

// ---- the outcome ---------------------------------------------------------------------------------

export type OutcomeForm = {
  decidedNl: string;
  decidedEn: string;
  reasonsNl: string;
  reasonsEn: string;
  themes: string;
};

export function renderOutcomePage(options: {
  lang: Locale;
  session: PageSession;
  slug: string;
  title: LocalizedText;
  version: number;
  form: OutcomeForm;
  errors: FieldError[];
  status?: string | undefined;
  stale?: Stale | undefined;
  closed: boolean;
}): string {
  const { lang, form, errors } = options;
  const m = textsFor(texts, lang);
  const title = pick(options.title, lang);
  const staleBox = options.stale
    ? html`<div class="staff-notice staff-notice--warning" role="alert" id="stale"><h2>${m.stale.heading}</h2><p>${m.stale.body(options.stale.by ?? m.edit.someone, options.stale.at ? formatDateTime(options.stale.at, lang) : '', options.stale.version)}</p><p>${m.stale.again}</p></div>`
    : nothing;
  const formHtml = options.closed
    ? html`<form method="post" action="${authoringPaths.outcomePost(options.slug)}" class="staff-form" novalidate>
${hiddenFields({ csrf: options.session.csrfToken, lang, version: String(options.version) })}
${control({ lang, id: 'decidedNl', label: `${m.outcome.decided} (${m.edit.dutch})`, value: form.decidedNl, errors, kind: 'textarea', textLang: 'nl', readability: true })}
${control({ lang, id: 'decidedEn', label: `${m.outcome.decided} (${m.edit.english})`, value: form.decidedEn, errors, kind: 'textarea', textLang: 'en', readability: true })}
${control({ lang, id: 'reasonsNl', label: `${m.outcome.reasons} (${m.edit.dutch})`, value: form.reasonsNl, errors, kind: 'textarea', textLang: 'nl', readability: true })}
${control({ lang, id: 'reasonsEn', label: `${m.outcome.reasons} (${m.edit.english})`, value: form.reasonsEn, errors, kind: 'textarea', textLang: 'en', readability: true })}
${control({ lang, id: 'themes', label: m.outcome.themes, hint: m.outcome.themesHint, value: form.themes, errors, kind: 'textarea' })}
<p class="staff-actions"><button type="submit" class="staff-button">${m.outcome.publish}</button></p>
</form>`
    : html`<p>${m.outcome.notClosed}</p>`;
  const body = html`${errorSummary(lang, errors)}
${staleBox}
${notice(options.status)}
<p>${m.outcome.intro}</p>
${formHtml}
<p><a href="${authoringPaths.edit(lang, options.slug)}">${m.outcome.back}</a></p>`;
  return staffPage({
    lang,
    title: m.outcome.title(title),
    body,
    session: options.session,
    path: authoringPaths.outcome(lang, options.slug),
    hasErrors: errors.length > 0,
    scripts: [webcarePaths.readabilityScript],
  });
}
