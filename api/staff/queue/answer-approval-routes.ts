/**
 * Four eyes on an answer, as plain forms on the item page: approve the answer that waits, or
 * send it back with a note (permission `answers.approve`; never one's own answer). Both are
 * made on the item's version the page showed; a refusal shows the item page again with the
 * message at its field (and a colleague's change in the stale box), the note kept.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import { approveAnswer, returnAnswer, type AnswerApprovalResult } from '../../services/moderation/answer-approval.ts';
import { actorOf } from '../kit/actor.ts';
import { field, notFound, safeNext, staffForm, type StaffEnv } from '../kit/guards.ts';
import * as approvalTexts from './answer-approval-texts.ts';
import type { QueuePage } from './panels.ts';
import { answerApprovalPaths, staffPaths } from './paths.ts';

const ItemId = z.uuid();
const Version = z.coerce.number().int().min(1).max(2_147_483_647);

/** The field a refusal belongs to and its words; undefined for the outcomes that are not refusals. */
export function approvalRefusal(
  result: Exclude<AnswerApprovalResult, { kind: 'approved' | 'returned' | 'stale' | 'not_found' }>,
  lang: Locale,
): { field: 'approval' | 'note'; message: string } {
  const m = textsFor(approvalTexts, lang).errors;
  return result.kind === 'note_required' || result.kind === 'note_too_long'
    ? { field: 'note', message: m[result.kind] }
    : { field: 'approval', message: m[result.kind] };
}

export function answerApprovalRoutes({ queuePage }: { queuePage: QueuePage }): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  const step = (which: 'approve' | 'return') => async (c: Context<StaffEnv>) => {
    const form = await staffForm(c, 'answers.approve');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const id = c.req.param('id') ?? '';
    const version = Version.safeParse(field(body, 'version'));
    // Without a well-formed item and version this is not a form we sent.
    if (!ItemId.safeParse(id).success || !version.success) return notFound(c, lang, session);
    const note = field(body, 'note') ?? '';
    const params = { actor: actorOf(session), itemId: id, expectedVersion: version.data, now: c.get('now')() };
    const result =
      which === 'approve'
        ? await approveAnswer(c.get('db'), params)
        : await returnAnswer(c.get('db'), { ...params, note });
    return outcome(c, lang, session, id, note, result, field(body, 'next'));
  };

  const outcome = (
    c: Context<StaffEnv>,
    lang: Locale,
    session: ActiveSession,
    itemId: string,
    note: string,
    result: AnswerApprovalResult,
    next: string | undefined,
  ) => {
    switch (result.kind) {
      case 'approved':
      case 'returned': {
        const back = new URL(safeNext(next) ?? staffPaths.item(lang, itemId), 'http://podium.invalid');
        back.searchParams.set('opgeslagen', result.kind === 'approved' ? 'goedgekeurd' : 'teruggestuurd');
        return c.redirect(`${back.pathname}${back.search}`, 303);
      }
      case 'not_found':
        return notFound(c, lang, session);
      case 'stale':
        return queuePage(c, lang, session, {
          itemId,
          itemForm: { values: {}, errors: [], stale: result },
          status: 409,
        });
      default: {
        const error = approvalRefusal(result, lang);
        const status = result.kind === 'note_required' || result.kind === 'note_too_long' ? 422 : 409;
        return queuePage(c, lang, session, { itemId, approvalForm: { errors: [error], note }, status });
      }
    }
  };

  app.post(answerApprovalPaths.approve(':id'), step('approve'));
  app.post(answerApprovalPaths.return(':id'), step('return'));
  return app;
}
