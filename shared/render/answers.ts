/**
 * Answers and staff replies, as shown on a consultation page (published input) and on
 * the confirmation and follow-up pages (a resident's own input).
 */
import type { Consultation, Locale, PublishedSubmission } from '../contracts/public-content.ts';
import { formatDate } from '../format.ts';
import { textsFor } from '../i18n.ts';
import * as consultationTexts from '../texts/consultation.ts';
import { attrs, escapeHtml, inlineText, type Localized, paragraphs, time } from './html.ts';

type AnswerValue = string | string[] | number;
type Reply = PublishedSubmission['replies'][number];

export interface AnswerItem {
  /** The question as shown to the reader. */
  prompt: Localized;
  value: AnswerValue;
  /** Labels of choice options by value, when known. */
  labels?: ReadonlyMap<string, Localized> | undefined;
}

function answerValue(item: AnswerItem, lang: Locale, valueLang: Locale): string {
  const values = Array.isArray(item.value) ? item.value : [item.value];
  const shown = values.map((value) => {
    const label = typeof value === 'string' ? item.labels?.get(value) : undefined;
    if (label) return inlineText(label, lang);
    // Free text is in the language the resident wrote in.
    return valueLang === lang ? escapeHtml(value) : `<span lang="${valueLang}">${escapeHtml(value)}</span>`;
  });
  if (shown.length > 1) return `<ul class="podium-answer-list">${shown.map((s) => `<li>${s}</li>`).join('')}</ul>`;
  const single = shown[0] ?? '';
  return typeof item.value === 'string' && !item.labels?.get(item.value) ? single.replace(/\r?\n/g, '<br>') : single;
}

/** Question and answer pairs as a description list. */
export function renderAnswers(items: readonly AnswerItem[], lang: Locale, valueLang: Locale): string {
  if (items.length === 0) return '';
  return `<dl class="podium-answers">${items
    .map((item) => `<dt>${inlineText(item.prompt, lang)}</dt><dd>${answerValue(item, lang, valueLang)}</dd>`)
    .join('')}</dl>`;
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
export function renderReply(reply: Reply, lang: Locale, headingLevel: 3 | 4 = 3): string {
  const m = textsFor(consultationTexts, lang);
  const h = `h${headingLevel}`;
  const meta = [
    reply.department ? inlineText(reply.department, lang) : '',
    time(reply.publishedAt, formatDate(reply.publishedAt, lang)),
  ]
    .filter(Boolean)
    .join(', ');
  return `<div class="podium-reply">
<${h} class="podium-reply__heading">${escapeHtml(m.replyHeading)}</${h}>
<p class="podium-meta">${meta}</p>
<div${attrs({ class: 'podium-reply__body', lang: reply.language === lang ? undefined : reply.language })}>${paragraphs(reply.body)}</div>
</div>`;
}

/** One piece of published input on a consultation page, with the municipality's replies. */
export function renderPublishedSubmission(
  submission: PublishedSubmission,
  consultation: Consultation,
  lang: Locale,
): string {
  const m = textsFor(consultationTexts, lang);
  const channel =
    submission.channel === 'widget' ? m.viaWidget : submission.channel === 'social' ? m.viaSocial : undefined;
  return `<article class="podium-submission" aria-labelledby="submission-${escapeHtml(submission.id)}">
<h3 class="podium-submission__heading" id="submission-${escapeHtml(submission.id)}">${escapeHtml(
    m.submissionHeading(formatDate(submission.publishedAt, lang)),
  )}</h3>
${channel ? `<p class="podium-meta">${escapeHtml(channel)}</p>` : ''}
${renderAnswers(answerItemsFor(consultation, submission.answers), lang, submission.language)}
${submission.replies.map((reply) => renderReply(reply, lang, 4)).join('\n')}
</article>`;
}
