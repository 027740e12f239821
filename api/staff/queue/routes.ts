/**
 * The moderation queue over plain HTML forms: the queue page with its filters, decisions
 * on one item or many, and correcting an item's sentiment. Everything works without
 * JavaScript. Features add their part of each item (webcare: assignment, answer link,
 * response clock) as queue panels, composed in api/staff/workbench.ts.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { reviewState } from '../../db/schema.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as queueTexts from './texts.ts';
import { insightsPaths } from '../insights/paths.ts';
import { staffPaths } from './paths.ts';
import { actorOf } from '../kit/actor.ts';
import { formErrors, type FieldError, type Issue } from '../kit/form-errors.ts';
import { field, fields, forbidden, notFound, pageSession, safeNext, staffForm, type StaffEnv } from '../kit/guards.ts';
import { can } from '../../services/auth/roles.ts';
import { accountsUnderAttack, ATTACK_NOTICE_MS } from '../../services/auth/login-alerts.ts';
import type { QueuePage, QueuePageState, QueuePanels } from './panels.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import {
  correctSentiment,
  DECISIONS,
  decide,
  decideMany,
  listHouseRules,
  listQueue,
  OPEN_STATES,
  queueFilterOptions,
  type Decision,
  type QueueFilter,
  type ReviewState,
} from '../../services/moderation/index.ts';
import { renderQueuePage, BULK, type QueueFilterValues } from './view.ts';
import { InputText } from '../../../shared/contracts/input-text.ts';

/** The queue page with these panels: api/staff/workbench.ts hands it to every group that re-renders it. */
export function createQueuePage(panels: QueuePanels): QueuePage {
  return (c, lang, session, state) => showQueue(c, lang, session, state, panels);
}

const DecisionForm = z.object({
  decision: z.enum(DECISIONS as [string, ...string[]]),
  rule: InputText.max(100).optional(),
  note: InputText.max(1000).optional(),
});

const ItemId = z.uuid();

const STATES = reviewState.enumValues;

/** Unknown filter values are dropped rather than refused: a stale bookmark still opens the queue. */
const QueueQuery = z.object({
  status: z.enum(STATES).optional().catch(undefined),
  channel: z.enum(['portal', 'widget', 'social']).optional().catch(undefined),
  consultation: InputText.max(200).optional().catch(undefined),
  topic: InputText.max(200).optional().catch(undefined),
  department: InputText.max(200).optional().catch(undefined),
  flag: z.enum(['personal_data', 'abuse', 'spam']).optional().catch(undefined),
  overdue: InputText.optional()
    .transform((v) => v === '1')
    .catch(false),
  opgeslagen: z.coerce.number().int().min(0).max(10_000).optional().catch(undefined),
  overgeslagen: z.coerce.number().int().min(0).max(10_000).optional().catch(undefined),
  sentiment: z.literal('opgeslagen').optional().catch(undefined),
});

export function queueRoutes({ queuePage }: { queuePage: QueuePage }): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  app.get('/beheer', (c) => c.redirect('/beheer/', 301));
  app.get('/en/manage', (c) => c.redirect('/en/manage/', 301));

  // ---- queue ----------------------------------------------------------------------------
  for (const lang of ['nl', 'en'] as const) {
    app.get(staffPaths.queue(lang), async (c) => {
      const session = c.get('session');
      if (!session)
        return c.redirect(`${staffPaths.login(lang)}?next=${encodeURIComponent(staffPaths.queue(lang))}`, 303);
      // Analysts land here after log-in too: send them to the page their role is for.
      if (!can(session.roles, 'queue.read') && can(session.roles, 'insights.read')) {
        return c.redirect(insightsPaths.page(lang), 303);
      }
      return queuePage(c, lang, session, {});
    });
  }

  app.post('/beheer/items/:id/decision', async (c) => {
    const form = await staffForm(c, 'queue.decide');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;

    const id = c.req.param('id');
    if (!ItemId.safeParse(id).success) return notFound(c, lang, session);
    const m = textsFor(queueTexts, lang).queue;
    const values = {
      decision: field(body, 'decision'),
      rule: field(body, 'rule') || undefined,
      note: field(body, 'note')?.trim() || undefined,
    };
    const parsed = DecisionForm.safeParse(values);
    if (!parsed.success) {
      const errors = decisionErrors(parsed.error.issues, lang);
      return queuePage(c, lang, session, { form: { itemId: id, values, errors }, status: 422 });
    }

    const result = await decide(c.get('db'), {
      itemId: id,
      decision: parsed.data.decision as Decision,
      ruleCode: parsed.data.rule,
      note: parsed.data.note,
      actor: actorOf(session),
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'decided':
        return c.redirect(savedLocation(field(body, 'next'), lang, 1, 0), 303);
      case 'not_found':
        return notFound(c, lang, session);
      case 'forbidden':
        return forbidden(c, lang, 'role', session);
      case 'rule_required':
      case 'unknown_rule':
        return queuePage(c, lang, session, {
          form: { itemId: id, values, errors: [{ field: 'rule', message: m.errors[result.kind] }] },
          status: 422,
        });
      case 'already_decided':
        return queuePage(c, lang, session, {
          form: { itemId: id, values, errors: [{ field: 'decision', message: m.errors.already_decided }] },
          status: 409,
        });
    }
  });

  app.post('/beheer/items/:id/sentiment', async (c) => {
    const form = await staffForm(c, 'queue.decide');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const id = c.req.param('id');
    const label = SentimentLabelField.safeParse(field(body, 'label'));
    // The form offers only valid labels: anything else is not a request we understand.
    if (!ItemId.safeParse(id).success || !label.success) return notFound(c, lang, session);
    const result = await correctSentiment(c.get('db'), {
      itemId: id,
      organisationId: session.user.organisationId,
      label: label.data,
      staffUserId: session.user.id,
      now: c.get('now')(),
    });
    if (result.kind === 'not_found') return notFound(c, lang, session);
    const back = new URL(safeNext(field(body, 'next')) ?? staffPaths.queue(lang), 'http://podium.invalid');
    back.searchParams.set('sentiment', 'opgeslagen');
    return c.redirect(`${back.pathname}${back.search}`, 303);
  });

  app.post(staffPaths.bulkDecision, async (c) => {
    const form = await staffForm(c, 'queue.decide');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const m = textsFor(queueTexts, lang).queue;
    const items = fields(body, 'item').filter((id) => ItemId.safeParse(id).success);
    const values = {
      decision: field(body, 'decision'),
      rule: field(body, 'rule') || undefined,
      note: field(body, 'note')?.trim() || undefined,
      items,
    };
    const parsed = DecisionForm.safeParse(values);
    const errors: FieldError[] = parsed.success ? [] : decisionErrors(parsed.error.issues, lang);
    if (items.length === 0) errors.unshift({ field: 'items', message: m.bulk.itemsRequired });
    if (!parsed.success || errors.length > 0) {
      return queuePage(c, lang, session, { form: { itemId: BULK, values, errors }, status: 422 });
    }
    const result = await decideMany(c.get('db'), {
      itemIds: items,
      decision: parsed.data.decision as Decision,
      ruleCode: parsed.data.rule,
      note: parsed.data.note,
      actor: actorOf(session),
      now: c.get('now')(),
    });
    if ('kind' in result) {
      if (result.kind === 'forbidden') return forbidden(c, lang, 'role', session);
      return queuePage(c, lang, session, {
        form: { itemId: BULK, values, errors: [{ field: 'rule', message: m.errors[result.kind] }] },
        status: 422,
      });
    }
    return c.redirect(savedLocation(field(body, 'next'), lang, result.decided, result.skipped + result.notFound), 303);
  });

  return app;
}

async function showQueue(
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  options: QueuePageState,
  panels: QueuePanels,
): Promise<Response> {
  const db = c.get('db');
  const now = c.get('now')();
  const query = QueueQuery.parse(c.req.query());
  const filter: QueueFilter = {
    states: query.status ? [query.status as ReviewState] : OPEN_STATES,
    channel: query.channel,
    consultation: query.consultation,
    topic: query.topic,
    department: query.department,
    flag: query.flag,
    overdue: query.overdue,
    now,
  };
  const filterValues: QueueFilterValues = {
    status: query.status,
    channel: query.channel,
    consultation: query.consultation,
    topic: query.topic,
    department: query.department,
    flag: query.flag,
    overdue: query.overdue,
  };
  const viewer = { organisationId: session.user.organisationId, roles: session.roles };
  const canRead = can(session.roles, 'queue.read');
  const html = renderQueuePage({
    lang,
    session: pageSession(session),
    items: await listQueue(db, viewer, filter),
    rules: await listHouseRules(db, session.user.organisationId),
    canRead,
    canDecide: can(session.roles, 'queue.decide'),
    here: queueHere(lang, filterValues),
    filter: filterValues,
    filterOptions: await queueFilterOptions(db, session.user.organisationId),
    saved: query.opgeslagen !== undefined ? { decided: query.opgeslagen, skipped: query.overgeslagen ?? 0 } : undefined,
    sentimentSaved: query.sentiment === 'opgeslagen',
    form: options.form,
    now,
    webcare: await panels.webcare(c, session, options.assignError),
    accountsUnderAttack: can(session.roles, 'admin')
      ? await accountsUnderAttack(db, {
          organisationId: session.user.organisationId,
          since: new Date(now.getTime() - ATTACK_NOTICE_MS),
        })
      : undefined,
  });
  return c.html(html, options.status ?? (canRead ? 200 : 403));
}

/** The queue with the same filter, to return to after a decision. */
function queueHere(lang: Locale, filter: QueueFilterValues): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value === true) params.set(name, '1');
    else if (typeof value === 'string' && value) params.set(name, value);
  }
  const query = params.toString();
  return `${staffPaths.queue(lang)}${query ? `?${query}` : ''}`;
}

const SentimentLabelField = z.enum(['positive', 'neutral', 'negative']);

function savedLocation(next: string | undefined, lang: Locale, decided: number, skipped: number): string {
  const base = safeNext(next) ?? staffPaths.queue(lang);
  const url = new URL(base, 'http://podium.invalid');
  url.searchParams.set('opgeslagen', String(decided));
  if (skipped > 0) url.searchParams.set('overgeslagen', String(skipped));
  return `${url.pathname}${url.search}`;
}

function decisionErrors(issues: readonly Issue[], lang: Locale): FieldError[] {
  const m = textsFor(queueTexts, lang).queue.errors;
  return formErrors(issues, { decision: m.decision_required, rule: m.unknown_rule, note: m.note_too_long });
}
