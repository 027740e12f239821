/**
 * What a resident sees after sending input (confirmation) and later with their code
 * (follow-up), plus the code lookup form that is the static content of both shells.
 */
import type { FollowUp, Locale, SubmissionStatus } from '../contracts/public-content.ts';
import { textsFor } from '../i18n.ts';
import * as commonTexts from '../texts/common.ts';
import * as confirmationTexts from '../texts/confirmation.ts';
import * as followUpTexts from '../texts/follow-up.ts';
import * as rightsTexts from '../texts/rights.ts';
import { routes } from '../urls.ts';
import { renderAnswers, renderReply } from './answers.ts';
import { renderRightsSection } from './rights.ts';
import {
  attrs,
  fieldError,
  hiddenField,
  html,
  idRefs,
  inlineText,
  join,
  localizedParagraphs,
  nothing,
  time,
  withMarkup,
  type Html,
} from '../html/index.ts';

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

function ownAnswers(followUp: FollowUp, lang: Locale): Html {
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

function yourAnswers(followUp: FollowUp, lang: Locale, heading: string): Html {
  return followUp.answers.length > 0 ? html`<h2>${heading}</h2>\n${ownAnswers(followUp, lang)}` : nothing;
}

/**
 * The confirmation right after sending: thanks, the follow-up code, what happens next and
 * by when the municipality answers. Goes into the `result` slot of /bevestiging/.
 */
export function renderConfirmation({ followUp, lang }: FollowUpOptions): Html {
  const m = textsFor(confirmationTexts, lang);
  const next = followUp.status === 'published' ? m.nextPost : m.nextPre;
  const due = time({ moment: followUp.answerDueAt, lang });
  return html`<div class="podium-confirmation">
<h2>${m.thanks}</h2>
<p>${withMarkup(m.received, inlineText(followUp.consultation.title, lang))}</p>
<div class="podium-code-panel">
<h3 class="podium-code-panel__label">${m.codeLabel}</h3>
<p class="podium-code" translate="no">${followUp.code}</p>
<p>${m.codeHint}</p>
</div>
<h2>${m.nextHeading}</h2>
<p>${next}</p>
<p>${withMarkup(m.answerDue, due)}</p>
<p><a class="podium-link-target" href="${routes.followUp(lang, followUp.code)}">${m.followUpLink}</a></p>
${yourAnswers(followUp, lang, m.yourAnswersHeading)}
</div>`;
}

type Step = { status: SubmissionStatus; label: string };

/** The timeline: received → in moderation → published or rejected → answered (or received → erased). */
function renderTimeline(status: SubmissionStatus, lang: Locale): Html {
  const m = textsFor(followUpTexts, lang);
  // Erased input ends its timeline there: whatever else happened to it is gone with it.
  const steps: Step[] =
    status === 'erased'
      ? [
          { status: 'received', label: m.steps.received },
          { status: 'erased', label: m.steps.erased },
        ]
      : [
          { status: 'received', label: m.steps.received },
          { status: 'in_moderation', label: m.steps.in_moderation },
          status === 'rejected'
            ? { status: 'rejected', label: m.steps.rejected }
            : { status: 'published', label: m.steps.published },
          { status: 'answered', label: m.steps.answered },
        ];
  const current = steps.findIndex((step) => step.status === status);
  return html`<ol class="podium-timeline">${steps.map((step, index) => {
    const state = index < current ? 'done' : index === current ? 'current' : 'todo';
    const stateText = state === 'done' ? m.stepDone : state === 'current' ? m.stepCurrent : m.stepTodo;
    return html`<li${attrs({
      class: `podium-timeline__step podium-timeline__step--${state}${step.status === 'rejected' ? ' podium-timeline__step--rejected' : ''}`,
      'aria-current': state === 'current' ? 'step' : undefined,
    })}>${step.label} <span class="podium-visually-hidden">${stateText}</span></li>`;
  })}</ol>`;
}

/**
 * A resident's follow-up page: status as a timeline, the moderation reason if rejected,
 * the municipality's replies and the promised answer date. Goes into the `result` slot of /volg/.
 */
export function renderFollowUp({ followUp, lang }: FollowUpOptions): Html {
  const m = textsFor(followUpTexts, lang);
  const due = time({ moment: followUp.answerDueAt, lang });
  const submitted = time({ moment: followUp.submittedAt, lang });
  const replies =
    followUp.replies.length > 0
      ? join(
          followUp.replies.map((reply) => renderReply(reply, lang, 3)),
          '\n',
        )
      : html`<p>${m.noReplies}</p>\n<p>${withMarkup(m.answerDue, due)}</p>`;
  return html`<div class="podium-follow-up">
<h2>${m.statusHeading}</h2>
<dl class="podium-facts">
<dt>${m.consultation}</dt>
<dd><a class="podium-link-target" href="${routes.consultation(lang, followUp.consultation.slug)}">${inlineText(followUp.consultation.title, lang)}</a></dd>
<dt>${textsFor(confirmationTexts, lang).codeLabel}</dt>
<dd class="podium-code" translate="no">${followUp.code}</dd>
</dl>
<p>${withMarkup(m.submittedOn, submitted)}</p>
${renderTimeline(followUp.status, lang)}
${
  followUp.moderationReason || followUp.houseRule
    ? html`<h2>${m.reasonHeading}</h2>\n${renderHouseRule(followUp.houseRule, lang)}${
        followUp.moderationReason ? localizedParagraphs(followUp.moderationReason, lang) : nothing
      }`
    : nothing
}
<h2>${m.repliesHeading}</h2>
${replies}
${yourAnswers(followUp, lang, m.yourAnswersHeading)}
${renderRightsSection(followUp, lang)}
</div>`;
}

/** The house rule a decision cited, linked to its place on the house rules page. */
function renderHouseRule(rule: FollowUp['houseRule'], lang: Locale): Html {
  if (!rule) return nothing;
  const m = textsFor(followUpTexts, lang);
  const href = `${routes.houseRules(lang)}#regel-${encodeURIComponent(rule.code)}`;
  return html`<p><strong>${withMarkup(m.ruleApplied, inlineText(rule.title, lang))}</strong></p>
${localizedParagraphs(rule.body, lang)}
<p><a class="podium-link-target" href="${href}">${m.houseRulesLink}</a></p>
`;
}

/**
 * The code lookup form. Without JavaScript it asks the API, which redirects (303) to the
 * follow-up page of the code.
 */
export function renderFollowUpLookup({ lang, code = '', error }: FollowUpLookupOptions): Html {
  const m = textsFor(followUpTexts, lang);
  const errorId = error ? 'follow-up-code-error' : undefined;
  return html`<form class="podium-form podium-lookup" method="get" action="${routes.followUpLookup()}">
${hiddenField({ name: 'lang', value: lang })}
<div class="podium-form-field${error ? ' podium-form-field--invalid' : ''}">
<label class="podium-form-label" for="follow-up-code">${m.codeLabel}</label>
<p class="podium-form-hint" id="follow-up-code-hint">${m.codeHint}</p>
${error && errorId ? fieldError({ prefix: 'podium', id: errorId, errorPrefix: textsFor(commonTexts, lang).errorPrefix, message: error }) : nothing}
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
<button class="podium-button podium-button--primary" type="submit">${m.lookupSubmit}</button>
</form>`;
}

/** What /bevestiging/ shows without a code (the static content of its `result` slot). */
export function renderConfirmationShell(lang: Locale): Html {
  return html`<p>${textsFor(confirmationTexts, lang).shellText}</p>\n${renderFollowUpLookup({ lang })}`;
}

/** What /volg/ shows without a code (the static content of its `result` slot). */
export function renderFollowUpShell(lang: Locale): Html {
  const m = { followUp: textsFor(followUpTexts, lang), rights: textsFor(rightsTexts, lang) };
  return html`<p>${m.followUp.shellText}</p>\n${renderFollowUpLookup({ lang })}\n<p><a class="podium-link-target" href="${routes.myData(lang)}">${m.rights.lostCode}</a></p>`;
}
