/**
 * Four eyes on the item page: the answer that waits for approval (who wrote it and when, its
 * text in its own language), and for a colleague with `answers.approve` who did not write it,
 * a button that approves it and a form that sends it back with a note. Its author reads that
 * a colleague decides. An answer sent back shows with the note until a new answer is written;
 * its writer finds its text in the item form's answer field (inbox-view.ts), to change it.
 * Plain forms (services/moderation/answer-approval.ts); refusals show at their field and in
 * the page's error summary.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, nothing, type Html } from '../../../shared/html/index.ts';
import type { AnswerApprovalView } from '../../services/moderation/answer-approval.ts';
import { fieldError, hiddenFields, time, type FieldError } from '../kit/components.ts';
import { formatDateTime } from '../kit/format.ts';
import * as approvalTexts from './answer-approval-texts.ts';
import { answerApprovalPaths } from './paths.ts';

/** The refused approve or send-back form: its errors (`approval` or `note`) and the note typed. */
export type AnswerApprovalFormState = { errors: FieldError[]; note?: string | undefined };

export type AnswerApprovalBlock = {
  approval: AnswerApprovalView;
  /** The viewer may approve or send back answers (`answers.approve`). */
  canApprove: boolean;
  viewerId: string;
  form?: AnswerApprovalFormState | undefined;
};

/** The answer sent back to this viewer, which the item form's answer field starts with. */
export function returnedToViewer(block: AnswerApprovalBlock | undefined): AnswerApprovalView | undefined {
  const approval = block?.approval;
  return approval?.state === 'returned' && approval.writtenBy.id === block?.viewerId ? approval : undefined;
}

/** The ids the page's error summary links to. */
export const approvalFieldId = (field: string) => (field === 'note' ? 'approval-note' : 'approval-heading');

export function renderAnswerApproval(
  block: AnswerApprovalBlock | undefined,
  options: { lang: Locale; csrf: string; itemId: string; version: number; next: string },
): Html {
  if (!block) return nothing;
  const { lang } = options;
  const { approval, form } = block;
  const m = textsFor(approvalTexts, lang);
  const author = approval.writtenBy.name ?? m.someone;
  const answer = html`<blockquote class="staff-reply" lang="${approval.language}"><p>${approval.body}</p></blockquote>`;
  if (approval.state === 'returned') {
    return html`<section class="staff-approval" aria-labelledby="approval-heading">
<h4 id="approval-heading">${m.returnedHeading}</h4>
${answer}
<p>${m.returnedBy(approval.decidedBy ?? m.someone, formatDateTime(approval.decidedAt ?? approval.writtenAt, lang))}</p>
<blockquote class="staff-approval-note"><p>${approval.returnNote ?? ''}</p></blockquote>
<p>${approval.writtenBy.id === block.viewerId ? m.returnedAfterOwn : m.returnedAfter}</p>
</section>`;
  }
  const errorFor = (field: string) => form?.errors.find((e) => e.field === field);
  const errorAt = (field: string) => {
    const error = errorFor(field);
    return error && fieldError(lang, `${approvalFieldId(field)}-error`, error.message);
  };
  const own = approval.writtenBy.id === block.viewerId;
  const hidden = hiddenFields({ csrf: options.csrf, lang, next: options.next, version: String(options.version) });
  const decide =
    block.canApprove && !own
      ? html`<form method="post" action="${answerApprovalPaths.approve(options.itemId)}" class="staff-form" novalidate>
${hidden}
${errorAt('approval')}
<button${attrs({ type: 'submit', class: 'staff-button', 'aria-describedby': errorFor('approval') ? 'approval-heading-error' : undefined })}>${m.approve}</button>
</form>
<form method="post" action="${answerApprovalPaths.return(options.itemId)}" class="staff-form" novalidate>
${hidden}
<fieldset><legend>${m.returnLegend}</legend>
<div class="staff-field${errorFor('note') ? ' staff-field--invalid' : ''}"><label for="approval-note">${m.note}</label>
<p class="staff-hint" id="approval-note-hint">${m.noteHint}</p>
${errorAt('note')}
<textarea${attrs({ id: 'approval-note', name: 'note', rows: 3, 'aria-invalid': errorFor('note') ? 'true' : undefined, 'aria-describedby': errorFor('note') ? 'approval-note-hint approval-note-error' : 'approval-note-hint' })}>${form?.note ?? ''}</textarea></div>
</fieldset>
<button type="submit" class="staff-button staff-button--secondary">${m.returnButton}</button>
</form>`
      : html`${own && html`<p>${m.ownAnswer}</p>`}${errorAt('approval')}`;
  return html`<section class="staff-approval" aria-labelledby="approval-heading">
<h4 id="approval-heading" tabindex="-1">${m.heading}</h4>
<p>${m.intro}</p>
${answer}
<p>${m.writtenBy(author)} ${time(approval.writtenAt, formatDateTime(approval.writtenAt, lang))}.</p>
${decide}
</section>`;
}
