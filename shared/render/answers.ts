/**
 * Answers and staff replies, as shown on a consultation page (published input) and on
 * the confirmation and follow-up pages (a resident's own input).
 */
import type { Consultation, Locale, PublishedSubmission } from '../contracts/public-content.ts';
import { formatDate } from '../format.ts';
import { textsFor } from '../i18n.ts';
import * as consultationTexts from '../texts/consultation.ts';
import {
  attrs,
  html,
  inlineText,
  join,
  lineBreaks,
  type Localized,
  nothing,
  paragraphs,
  raw,
  time,
  type Html,
} from '../html/index.ts';

type AnswerValue = string | string[] | number;
type Reply = PublishedSubmission['replies'][number];

export interface AnswerItem {
  /** The question as shown to the reader. */
  prompt: Localized;
  value: AnswerValue;
  /** Labels of choice options by value, when known. */
  labels?: ReadonlyMap<string, Localized> | undefined;
}

function answerValue(item: AnswerItem, lang: Locale, valueLang: Locale): Html {
  const values = Array.isArray(item.value) ? item.value : [item.value];
  const shown = values.map((value) => {
    const label = typeof value === 'string' ? item.labels?.get(value) : undefined;
    if (label) return inlineText(label, lang);
    // Free text is in the language the resident wrote in; its line breaks are kept.
    const lines = typeof item.value === 'string' ? lineBreaks(item.value) : html`${value}`;
    return valueLang === lang ? lines : html`<span lang="${valueLang}">${lines}</span>`;
  });
  if (shown.length > 1) return html`<ul class="podium-answer-list">${shown.map((s) => html`<li>${s}</li>`)}</ul>`;
  return shown[0] ?? nothing;
}

/** Question and answer pairs as a description list. */
export function renderAnswers(items: readonly AnswerItem[], lang: Locale, valueLang: Locale): Html {
  if (items.length === 0) return nothing;
  return html`<dl class="podium-answers">${items.map(
    (item) => html`<dt>${inlineText(item.prompt, lang)}</dt><dd>${answerValue(item, lang, valueLang)}</dd>`,
  )}</dl>`;
}

/** Published answers with the consultation's prompts and option labels. */
export function answerItemsFor(consultation: Consultation, answers: PublishedSubmission['answers']): AnswerItem[] {
  return answers.flatMap((answer) => {
    const question = consultation.questions.find((q) => q.key === answer.question);
    if (!question) return [];
    const labels = new Map<string, Localized>((question.options ?? []).map((option) => [option.value, option.label]));
    return [{ prompt: question.prompt, value: answer.value, labels }];
  });
}

/** One reply of the municipality, in the language it was written in. */
export function renderReply(reply: Reply, lang: Locale, headingLevel: 3 | 4 = 3): Html {
  const m = textsFor(consultationTexts, lang);
  const meta = join(
    [
      reply.department ? inlineText(reply.department, lang) : undefined,
      time({ moment: reply.publishedAt, lang }),
    ].filter((part) => part !== undefined),
    ', ',
  );
  // The heading level is a number from the caller, never text.
  const h = raw(`h${headingLevel}`);
  return html`<div class="podium-reply">
<${h} class="podium-reply__heading">${m.replyHeading}</${h}>
<p class="podium-meta">${meta}</p>
<div${attrs({ class: 'podium-reply__body', lang: reply.language === lang ? undefined : reply.language })}>${paragraphs(reply.body)}</div>
</div>`;
}

/** One piece of published input on a consultation page, with the municipality's replies. */
export function renderPublishedSubmission(
  submission: PublishedSubmission,
  consultation: Consultation,
  lang: Locale,
): Html {
  const m = textsFor(consultationTexts, lang);
  const channel =
    submission.channel === 'widget' ? m.viaWidget : submission.channel === 'social' ? m.viaSocial : undefined;
  return html`<article class="podium-submission" aria-labelledby="submission-${submission.id}">
<h3 class="podium-submission__heading" id="submission-${submission.id}">${m.submissionHeading(
    formatDate(submission.publishedAt, lang),
  )}</h3>
${channel ? html`<p class="podium-meta">${channel}</p>` : nothing}
${renderAnswers(answerItemsFor(consultation, submission.answers), lang, submission.language)}
${join(
  submission.replies.map((reply) => renderReply(reply, lang, 4)),
  '\n',
)}
</article>`;
}
