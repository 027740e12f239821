/**
 * The moderation queue over plain HTML forms: the queue page with its filters, decisions
 * on one item or many, and correcting an item's sentiment. Everything works without
 * JavaScript. Features add their part of each item (webcare: assignment, answer link,
 * response clock) as queue panels, composed in api/staff/workbench.ts.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { problem } from '../../http/problem.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { reviewState } from '../../db/schema.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as queueTexts from './texts.ts';
import { announcementPaths } from '../announcements/paths.ts';
import { insightsPaths } from '../insights/paths.ts';
import { staffPaths } from './paths.ts';
import { actorOf } from '../kit/actor.ts';
import { formErrors, type FieldError, type Issue } from '../kit/form-errors.ts';
import {
  field,
  fields,
  forbidden,
  notFound,
  pageSession,
  safeNext,
  staffForm,
  requireStaff,
  staffPage as staffPageGuard,
  type StaffEnv,
} from '../kit/guards.ts';
import { can, departmentsOf } from '../../services/auth/roles.ts';
import { APPROVAL_FILTERS, inboxFilter } from '../../services/moderation/inbox-views.ts';
import { accountsUnderAttack, ATTACK_NOTICE_MS } from '../../services/auth/login-alerts.ts';
import type { QueuePage, QueuePageState, QueuePanels } from './panels.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import {
  ANSWER_MAX_LENGTH,
  DECISIONS,
  decideMany,
  findItem,
  listHouseRules,
  listQueue,
  QUEUE_ORDERS,
  queueFilterOptions,
  SEARCH_MAX_LENGTH,
  type Decision,
  type QueueFilter,
  type ReviewState,
} from '../../services/moderation/index.ts';
import { isCalendarDate } from '../../services/insights/weeks.ts';
import { BULK, renderInboxPage, type InboxDetail, type ItemFormState, type QueueFilterValues } from './inbox-view.ts';
import * as inboxTexts from './inbox-texts.ts';
import * as webcareTexts from '../webcare/texts.ts';
import { saveItem, type ItemSaveResult } from '../../services/moderation/save-item.ts';
import { notesOf } from '../../services/moderation/item-notes.ts';
import { repliesTo } from '../../services/webcare/items.ts';
import { answerApprovalFor } from '../../services/moderation/answer-approval.ts';
import * as approvalTexts from './answer-approval-texts.ts';
import { itemContext } from '../../services/moderation/item-context.ts';
import { Cursor } from './cursor.ts';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { heartbeat } from '../../services/moderation/presence.ts';
import { listSavedViews, missingReferences, SAVED_VIEW_PARAMS } from '../../services/moderation/saved-views.ts';
import * as savedViewTexts from './saved-views-texts.ts';

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

/** Items on one page of the inbox. */
export const PAGE_SIZE = 25;

/** An empty choice means "nobody". */
const OptionalId = z.union([z.literal('').transform(() => null), z.uuid()]);

/** The item's one form. Absent fields are parts the form did not offer: they stay as they are. */
const ItemForm = z.object({
  version: z.coerce.number().int().min(1).max(2_147_483_647),
  decision: z
    .union([z.literal('').transform(() => undefined), z.enum(DECISIONS as [Decision, ...Decision[]])])
    .optional(),
  rule: InputText.max(100).optional(),
  note: InputText.max(1000).optional(),
  department: OptionalId.optional(),
  person: OptionalId.optional(),
  sentiment: z
    .union([z.literal('').transform(() => undefined), z.enum(['positive', 'neutral', 'negative'])])
    .optional(),
  answer: InputText.max(ANSWER_MAX_LENGTH).optional(),
  answerLanguage: z.enum(['nl', 'en']).optional(),
});

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
  // A period from the insights' drill-down (Amsterdam dates); only a whole, real period applies.
  from: InputText.refine(isCalendarDate).optional().catch(undefined),
  to: InputText.refine(isCalendarDate).optional().catch(undefined),
  q: InputText.optional().catch(undefined),
  view: z.enum(['all', 'mine', 'waiting', 'department']).optional().catch(undefined),
  approval: z.enum(APPROVAL_FILTERS).optional().catch(undefined),
  sort: z.enum(QUEUE_ORDERS).optional().catch(undefined),
  na: Cursor.optional().catch(undefined),
  opgeslagen: z
    .union([
      z.literal('item'),
      z.literal('niets'),
      z.literal('ter-goedkeuring'),
      z.literal('goedgekeurd'),
      z.literal('teruggestuurd'),
      z.coerce.number().int().min(0).max(10_000),
    ])
    .optional()
    .catch(undefined),
  overgeslagen: z.coerce.number().int().min(0).max(10_000).optional().catch(undefined),
  verouderd: z.coerce.number().int().min(0).max(10_000).optional().catch(undefined),
  weergave: z.literal('opgeslagen').optional().catch(undefined),
});

/** A moment as the list's cursors count it: microseconds since 1970. */
const Since = InputText.regex(/^\d{1,20}$/).transform((value) => BigInt(value));

/** The count of new items stops here ("meer dan 50"): a larger number helps nobody decide. */
const NEW_ITEMS_MAX = 50;

/** The query parameters that make the list what it is (filters and page); notices are not among them. */
const LIST_PARAMS: readonly string[] = [...SAVED_VIEW_PARAMS, 'na'];

export function queueRoutes({ queuePage }: { queuePage: QueuePage }): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  app.get('/beheer', (c) => c.redirect('/beheer/', 301));
  app.get('/en/manage', (c) => c.redirect('/en/manage/', 301));

  // How many items arrived in this list since the page showed it: the inbox script polls it
  // and announces the number; the list itself changes only when the person asks.
  app.get(staffPaths.newItems, requireStaff('queue.read'), async (c) => {
    const session = c.get('session')!;
    const since = Since.safeParse(c.req.query('since'));
    if (!since.success) {
      return problem(c, 400, 'bad_request', { errors: [{ field: 'since', code: 'inbox_since_invalid' }] });
    }
    const lang = c.req.query('lang') === 'en' ? 'en' : 'nl';
    const query = QueueQuery.parse(c.req.query());
    const search = query.q?.trim() || undefined;
    if (search !== undefined && search.length > SEARCH_MAX_LENGTH) return c.json({ count: 0, text: '' });
    const viewer = { organisationId: session.user.organisationId, roles: session.roles };
    const newest = await listQueue(c.get('db'), viewer, {
      ...listFilter(query, session, search),
      order: 'newest',
      now: c.get('now')(),
      limit: NEW_ITEMS_MAX + 1,
    });
    const count = newest.filter((item) => BigInt(item.cursor.micros) > since.data).length;
    return c.json({ count, text: count > 0 ? textsFor(inboxTexts, lang).newItems(count, count > NEW_ITEMS_MAX) : '' });
  });

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
      if (!can(session.roles, 'queue.read') && can(session.roles, 'announcements.write')) {
        return c.redirect(announcementPaths.list(lang), 303);
      }
      return queuePage(c, lang, session, {});
    });

    // An item's permanent address: the inbox with the item opened beside (or below) the list.
    app.get(staffPaths.item(lang, ':id'), async (c) => {
      const session = staffPageGuard(c, lang, 'queue.read');
      if (session instanceof Response) return session;
      const id = c.req.param('id') ?? '';
      if (!ItemId.safeParse(id).success) return notFound(c, lang, session);
      return queuePage(c, lang, session, { itemId: id });
    });
  }

  app.post(staffPaths.bulkDecision, async (c) => {
    const form = await staffForm(c, 'queue.decide');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const m = textsFor(queueTexts, lang).queue;
    // Each selected item comes as `<id>:<version>`: an item a colleague changed since is left alone.
    const versions = new Map<string, number>();
    for (const value of fields(body, 'item')) {
      const [id = '', version] = value.split(':');
      if (!ItemId.safeParse(id).success) continue;
      const n = Number(version);
      versions.set(id, Number.isInteger(n) && n > 0 ? n : 0);
    }
    const items = [...versions.keys()];
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
      versions: new Map([...versions].filter(([, version]) => version > 0)),
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
    return c.redirect(
      savedLocation(field(body, 'next'), lang, result.decided, result.skipped + result.notFound, result.stale),
      303,
    );
  });

  // ---- the item's one form: assignment, decision, answer, sentiment and note in one save --
  app.post('/beheer/items/:id', async (c) => {
    const form = await staffForm(c, 'queue.read');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const id = c.req.param('id');
    if (!ItemId.safeParse(id).success) return notFound(c, lang, session);
    const m = textsFor(inboxTexts, lang);
    const values: ItemFormState['values'] = {
      version: field(body, 'version'),
      decision: field(body, 'decision'),
      rule: field(body, 'rule') || undefined,
      note: field(body, 'note'),
      department: field(body, 'department'),
      person: field(body, 'person'),
      sentiment: field(body, 'sentiment'),
      answer: field(body, 'answer'),
      answerLanguage: field(body, 'answerLanguage'),
    };
    const next = safeNext(field(body, 'next')) ?? staffPaths.item(lang, id);
    const wantsJson = (c.req.header('Accept') ?? '').includes('application/json');
    const refuse = async (state: ItemFormState, status: 409 | 422) => {
      if (wantsJson) return c.json({ status, errors: state.errors, stale: state.stale ?? null }, status);
      return queuePage(c, lang, session, { itemId: id, itemForm: state, status, listQuery: listQueryOf(next) });
    };
    const parsed = ItemForm.safeParse(values);
    if (!parsed.success) {
      // The version is the form's own: without it, this is not a form we sent.
      if (parsed.error.issues.some((issue) => issue.path[0] === 'version')) return notFound(c, lang, session);
      const errors = formErrors(parsed.error.issues, {
        decision: m.errors.decision,
        note: m.errors.note,
        department: m.errors.department,
        person: m.errors.person,
        sentiment: m.errors.sentiment,
        answer: m.errors.answer_too_long,
        answerLanguage: m.errors.answerLanguage,
        rule: m.errors.unknown_rule,
      });
      return refuse({ values, errors }, 422);
    }
    const data = parsed.data;
    const offersAssignment = values.department !== undefined || values.person !== undefined;
    const result = await saveItem(c.get('db'), {
      itemId: id,
      expectedVersion: data.version,
      decision: data.decision,
      ruleCode: data.rule,
      note: data.note,
      assignment: offersAssignment
        ? { departmentId: data.department ?? null, staffUserId: data.person ?? null }
        : undefined,
      answer: data.answer?.trim() ? { body: data.answer, language: data.answerLanguage ?? lang } : undefined,
      sentiment: data.sentiment,
      actor: actorOf(session),
      now: c.get('now')(),
    });
    if (result.kind === 'saved' || result.kind === 'nothing_to_save') {
      if (wantsJson) return c.json(result, 200);
      const back = new URL(next, 'http://podium.invalid');
      back.searchParams.set(
        'opgeslagen',
        result.kind === 'nothing_to_save'
          ? 'niets'
          : result.parts.includes('answer_for_approval')
            ? 'ter-goedkeuring'
            : 'item',
      );
      return c.redirect(`${back.pathname}${back.search}`, 303);
    }
    if (result.kind === 'not_found') return notFound(c, lang, session);
    if (result.kind === 'stale') return refuse({ values, errors: [], stale: result }, 409);
    return refuse({ values, errors: [saveError(result, lang)] }, result.kind === 'already_decided' ? 409 : 422);
  });

  return app;
}

/** The insights' period, when the query names a whole one (first day on or before the last). */
function countedPeriod(query: { from?: string | undefined; to?: string | undefined }) {
  return query.from && query.to && query.from <= query.to ? { from: query.from, to: query.to } : undefined;
}

/** The list's filter from its query (without order and paging): the page and the new-items count share it. */
function listFilter(
  query: z.infer<typeof QueueQuery>,
  session: ActiveSession,
  search: string | undefined,
): QueueFilter {
  return inboxFilter(
    { ...query, status: query.status as ReviewState | undefined, counted: countedPeriod(query) },
    { id: session.user.id, roles: session.roles },
    search,
  );
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
  const m = textsFor(inboxTexts, lang);
  // A refused form re-renders the list it came from: its query travels in the form's `next`.
  const queryParams =
    options.listQuery !== undefined ? Object.fromEntries(new URLSearchParams(options.listQuery)) : c.req.query();
  const query = QueueQuery.parse(queryParams);
  const search = query.q?.trim() || undefined;
  const searchTooLong = search !== undefined && search.length > SEARCH_MAX_LENGTH;
  const filter: QueueFilter = {
    ...listFilter(query, session, searchTooLong ? undefined : search),
    order: query.sort ?? 'oldest',
    after: query.na,
    now,
    limit: PAGE_SIZE + 1,
  };
  const filterValues: QueueFilterValues = {
    q: query.q,
    view: query.view,
    sort: query.sort,
    status: query.status,
    period: countedPeriod(query),
    channel: query.channel,
    consultation: query.consultation,
    topic: query.topic,
    department: query.department,
    flag: query.flag,
    overdue: query.overdue,
    approval: query.approval,
  };
  const viewer = { organisationId: session.user.organisationId, roles: session.roles };
  const canRead = can(session.roles, 'queue.read');
  const found = canRead && !searchTooLong ? await listQueue(db, viewer, filter) : [];
  const items = found.slice(0, PAGE_SIZE);
  const listQuery = listQueryFrom(queryParams);
  const last = items[items.length - 1];
  const nextQuery =
    found.length > PAGE_SIZE && last
      ? withParam(listQuery, 'na', `${last.cursor.micros}.${last.cursor.id}`)
      : undefined;

  // The opened item: by its address (a refused bulk form opens none).
  const openedId = options.itemId;
  let detail: InboxDetail | undefined;
  if (openedId && canRead) {
    const item = await findItem(db, viewer, openedId, now);
    if (!item) return notFound(c, lang, session);
    detail = {
      item,
      replies: await repliesTo(db, item.id),
      notes: await notesOf(db, { type: item.channel === 'social' ? 'social_post' : 'submission', id: item.id }),
      form: options.itemForm,
      context: await itemContext(db, viewer, item, { contacts: can(session.roles, 'contacts.read') }),
    };
    const approval =
      item.channel === 'social' ? await answerApprovalFor(db, viewer.organisationId, item.id) : undefined;
    if (approval)
      detail.approval = {
        approval,
        canApprove: can(session.roles, 'answers.approve'),
        viewerId: session.user.id,
        form: options.approvalForm,
      };
    // Opening the page is a heartbeat too: colleagues see this person even without script.
    const who = { itemId: item.id, staffUserId: session.user.id, organisationId: session.user.organisationId };
    detail.presence = await heartbeat(db, who, now);
  }
  const bulkForm = options.form?.itemId === BULK ? options.form : undefined;
  const saved = query.opgeslagen;
  const t = textsFor(queueTexts, lang).queue;
  const webcare = await panels.webcare(c, session);
  const approvalWords = textsFor(approvalTexts, lang);
  const status =
    saved === 'item'
      ? m.form.saved
      : saved === 'ter-goedkeuring'
        ? approvalWords.savedForApproval
        : saved === 'goedgekeurd'
          ? approvalWords.approved
          : saved === 'teruggestuurd'
            ? approvalWords.returned
            : saved === 'niets'
              ? m.form.nothing
              : typeof saved === 'number'
                ? [
                    saved === 1 && !query.overgeslagen ? t.saved : t.bulk.saved(saved, query.overgeslagen ?? 0),
                    query.verouderd ? m.bulkStale(query.verouderd) : '',
                  ]
                    .filter(Boolean)
                    .join(' ')
                : query.weergave === 'opgeslagen'
                  ? textsFor(savedViewTexts, lang).saved
                  : undefined;
  const filterOptions = await queueFilterOptions(db, session.user.organisationId);
  const html = renderInboxPage({
    lang,
    session: pageSession(session),
    items,
    rules: await listHouseRules(db, session.user.organisationId),
    canRead,
    canDecide: can(session.roles, 'queue.decide'),
    listQuery,
    filter: filterValues,
    filterErrors: searchTooLong ? [{ field: 'q', message: m.searchTooLong }] : undefined,
    filterOptions,
    inDepartment: departmentsOf(session.roles).length > 0,
    savedViews: { views: await listSavedViews(db, session.user.id), form: options.savedViewForm },
    missingFilters: missingReferences(listQuery, filterOptions),
    nextQuery,
    paged: query.na !== undefined,
    status,
    form: bulkForm,
    detail,
    now,
    webcare,
    accountsUnderAttack: can(session.roles, 'admin')
      ? await accountsUnderAttack(db, {
          organisationId: session.user.organisationId,
          since: new Date(now.getTime() - ATTACK_NOTICE_MS),
        })
      : undefined,
  });
  return c.html(html, options.status ?? (canRead ? (searchTooLong ? 422 : 200) : 403));
}

/** The list's own parameters from a query, in a fixed order. */
function listQueryFrom(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const name of LIST_PARAMS) {
    const value = query[name];
    if (value) params.set(name, value);
  }
  return params.toString();
}

/** The list query of a page address (the `next` a form carries). */
function listQueryOf(next: string): string {
  return listQueryFrom(Object.fromEntries(new URL(next, 'http://podium.invalid').searchParams));
}

function withParam(query: string, name: string, value: string): string {
  const params = new URLSearchParams(query);
  params.set(name, value);
  return params.toString();
}

/** The message for a part of the one form the service refused, at the field it is about. */
function saveError(
  result: Exclude<ItemSaveResult, { kind: 'saved' | 'nothing_to_save' | 'not_found' | 'stale' }>,
  lang: Locale,
): FieldError {
  const m = textsFor(inboxTexts, lang).errors;
  switch (result.kind) {
    case 'rule_required':
    case 'unknown_rule':
      return { field: 'rule', message: m[result.kind] };
    case 'already_decided':
      return { field: 'decision', message: m.already_decided };
    case 'unknown_department':
      return { field: 'department', message: m.department };
    case 'unknown_person':
      return { field: 'person', message: m.person };
    case 'answer_too_long':
    case 'answer_rejected':
    case 'answer_not_published':
      return { field: 'answer', message: m[result.kind] };
    case 'answer_approval_pending':
      return { field: 'answer', message: textsFor(approvalTexts, lang).errors.approval_pending };
    case 'answer_too_long_for_platform':
      return { field: 'answer', message: m.answer_too_long_for_platform(result.max, result.count) };
    case 'answer_placeholder':
      // The answer page's wording, so both places that publish an answer say the same.
      return { field: 'answer', message: textsFor(webcareTexts, lang).answer.errors.placeholder(result.placeholders) };
    case 'unsupported':
      return result.part === 'answer'
        ? { field: 'answer', message: m.unsupported_answer }
        : { field: 'department', message: m.unsupported_assignment };
    case 'forbidden':
      return { field: 'decision', message: m.forbidden };
  }
}

function savedLocation(next: string | undefined, lang: Locale, decided: number, skipped: number, stale = 0): string {
  const base = safeNext(next) ?? staffPaths.queue(lang);
  const url = new URL(base, 'http://podium.invalid');
  url.searchParams.set('opgeslagen', String(decided));
  if (skipped > 0) url.searchParams.set('overgeslagen', String(skipped));
  if (stale > 0) url.searchParams.set('verouderd', String(stale));
  return `${url.pathname}${url.search}`;
}

function decisionErrors(issues: readonly Issue[], lang: Locale): FieldError[] {
  const m = textsFor(queueTexts, lang).queue.errors;
  return formErrors(issues, { decision: m.decision_required, rule: m.unknown_rule, note: m.note_too_long });
}
