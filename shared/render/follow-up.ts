/**
 * What a resident sees after sending input (confirmation) and later with their code
 * (follow-up), plus the code lookup form that is the static content of both shells.
 */
import type { FollowUp, Locale, SubmissionStatus } from '../contracts/public-content.ts';
import { formatDate } from '../format.ts';
import { textsFor } from '../i18n.ts';
import * as commonTexts from '../texts/common.ts';
import * as confirmationTexts from '../texts/confirmation.ts';
import * as followUpTexts from '../texts/follow-up.ts';
import { routes } from '../urls.ts';
import { renderAnswers, renderReply } from './answers.ts';
import { renderRightsSection } from './rights.ts';
import { attrs, escapeHtml, idRefs, inlineText, localizedParagraphs, messageWithHtml, time } from './html.ts';

export interface FollowUpOptions {
  followUp: FollowUp;
  lang: Locale;
}

export interface FollowUpLookupOptions {
  lang: Locale;
  /** The code entered, kept after an error. */
  code?: string | undefined;
  /** A message when the code was not found or not valid. */
  error?: string | undefined;
}

function ownAnswers(followUp: FollowUp, lang: Locale): string {
  return renderAnswers(
    followUp.answers.map((answer) => ({
      prompt: answer.prompt,
      value: answer.value,
      labels: answer.options ? new Map(answer.options.map((option) => [option.value, option.label])) : undefined,
    })),
    lang,
    followUp.language,
  );
}

/**
 * The confirmation right after sending: thanks, the follow-up code, what happens next and
 * by when the municipality answers. Goes into the `result` slot of /bevestiging/.
 */
export function renderConfirmation({ followUp, lang }: FollowUpOptions): string {
  const m = textsFor(confirmationTexts, lang);
  const next = followUp.status === 'published' ? m.nextPost : m.nextPre;
  const due = time(followUp.answerDueAt, formatDate(followUp.answerDueAt, lang));
  return `<div class="podium-confirmation">
<h2>${escapeHtml(m.thanks)}</h2>
<p>${messageWithHtml(m.received, inlineText(followUp.consultation.title, lang))}</p>
<div class="podium-code-panel">
<h3 class="podium-code-panel__label">${escapeHtml(m.codeLabel)}</h3>
<p class="podium-code" translate="no">${escapeHtml(followUp.code)}</p>
<p>${escapeHtml(m.codeHint)}</p>
</div>
<h2>${escapeHtml(m.nextHeading)}</h2>
<p>${escapeHtml(next)}</p>
<p>${messageWithHtml(m.answerDue, due)}</p>
<p><a class="podium-link-target" href="${escapeHtml(routes.followUp(lang, followUp.code))}">${escapeHtml(m.followUpLink)}</a></p>
${followUp.answers.length > 0 ? `<h2>${escapeHtml(m.yourAnswersHeading)}</h2>\n${ownAnswers(followUp, lang)}` : ''}
</div>`;
}

type Step = { status: SubmissionStatus; label: string };

/** The timeline: received → in moderation → published or rejected → answered. */
function renderTimeline(status: SubmissionStatus, lang: Locale): string {
  const m = textsFor(followUpTexts, lang);
  const steps: Step[] = [
    { status: 'received', label: m.steps.received },
    { status: 'in_moderation', label: m.steps.in_moderation },
    status === 'rejected'
      ? { status: 'rejected', label: m.steps.rejected }
      : { status: 'published', label: m.steps.published },
    { status: 'answered', label: m.steps.answered },
  ];
  const current = steps.findIndex((step) => step.status === status);
  return `<ol class="podium-timeline">${steps
    .map((step, index) => {
      const state = index < current ? 'done' : index === current ? 'current' : 'todo';
      const stateText = state === 'done' ? m.stepDone : state === 'current' ? m.stepCurrent : m.stepTodo;
      return `<li${attrs({
        class: `podium-timeline__step podium-timeline__step--${state}${step.status === 'rejected' ? ' podium-timeline__step--rejected' : ''}`,
        'aria-current': state === 'current' ? 'step' : undefined,
      })}>${escapeHtml(step.label)} <span class="podium-visually-hidden">${escapeHtml(stateText)}</span></li>`;
    })
    .join('')}</ol>`;
}

/**
 * A resident's follow-up page: status as a timeline, the moderation reason if rejected,
 * the municipality's replies and the promised answer date. Goes into the `result` slot of /volg/.
 */
export function renderFollowUp({ followUp, lang }: FollowUpOptions): string {
  const m = textsFor(followUpTexts, lang);
  const due = time(followUp.answerDueAt, formatDate(followUp.answerDueAt, lang));
  const submitted = time(followUp.submittedAt, formatDate(followUp.submittedAt, lang));
  const replies =
    followUp.replies.length > 0
      ? followUp.replies.map((reply) => renderReply(reply, lang, 3)).join('\n')
      : `<p>${escapeHtml(m.noReplies)}</p>\n<p>${messageWithHtml(m.answerDue, due)}</p>`;
  return `<div class="podium-follow-up">
<h2>${escapeHtml(m.statusHeading)}</h2>
<dl class="podium-facts">
<dt>${escapeHtml(m.consultation)}</dt>
<dd><a class="podium-link-target" href="${escapeHtml(routes.consultation(lang, followUp.consultation.slug))}">${inlineText(followUp.consultation.title, lang)}</a></dd>
<dt>${escapeHtml(textsFor(confirmationTexts, lang).codeLabel)}</dt>
<dd class="podium-code" translate="no">${escapeHtml(followUp.code)}</dd>
</dl>
<p>${messageWithHtml(m.submittedOn, submitted)}</p>
${renderTimeline(followUp.status, lang)}
${
  followUp.moderationReason || followUp.houseRule
    ? `<h2>${escapeHtml(m.reasonHeading)}</h2>\n${renderHouseRule(followUp.houseRule, lang)}${
        followUp.moderationReason ? localizedParagraphs(followUp.moderationReason, lang) : ''
      }`
    : ''
}
<h2>${escapeHtml(m.repliesHeading)}</h2>
${replies}
${followUp.answers.length > 0 ? `<h2>${escapeHtml(m.yourAnswersHeading)}</h2>\n${ownAnswers(followUp, lang)}` : ''}
${renderRightsSection(followUp, lang)}
</div>`;
}

/** The house rule a decision cited, linked to its place on the house rules page. */
function renderHouseRule(rule: FollowUp['houseRule'], lang: Locale): string {
  if (!rule) return '';
  const m = textsFor(followUpTexts, lang);
  const href = `${routes.houseRules(lang)}#regel-${encodeURIComponent(rule.code)}`;
  return `<p><strong>${messageWithHtml(m.ruleApplied, inlineText(rule.title, lang))}</strong></p>
${localizedParagraphs(rule.body, lang)}
<p><a class="podium-link-target" href="${escapeHtml(href)}">${escapeHtml(m.houseRulesLink)}</a></p>
`;
}

/**
 * The code lookup form. Without JavaScript it asks the API, which redirects (303) to the
 * follow-up page of the code.
 */
export function renderFollowUpLookup({ lang, code = '', error }: FollowUpLookupOptions): string {
  const m = textsFor(followUpTexts, lang);
  const errorId = error ? 'follow-up-code-error' : undefined;
  return `<form class="podium-form podium-lookup" method="get" action="${escapeHtml(routes.followUpLookup())}">
<input type="hidden" name="lang" value="${escapeHtml(lang)}">
<div class="podium-form-field${error ? ' podium-form-field--invalid' : ''}">
<label class="podium-form-label" for="follow-up-code">${escapeHtml(m.codeLabel)}</label>
<p class="podium-form-hint" id="follow-up-code-hint">${escapeHtml(m.codeHint)}</p>
${error ? `<p class="podium-error-message" id="${errorId}"><span class="podium-visually-hidden">${escapeHtml(textsFor(commonTexts, lang).errorPrefix)} </span>${escapeHtml(error)}</p>` : ''}
<input${attrs({
    class: 'podium-textbox podium-textbox--code',
    type: 'text',
    id: 'follow-up-code',
    name: 'code',
    value: code,
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    'aria-describedby': idRefs('follow-up-code-hint', errorId),
    'aria-invalid': error ? 'true' : undefined,
  })}>
</div>
<button class="podium-button podium-button--primary" type="submit">${escapeHtml(m.lookupSubmit)}</button>
</form>`;
}
