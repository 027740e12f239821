/**
 * The moderation queue as JSON, for scripts (`/api/staff/queue`, `/api/staff/items/{id}…`):
 * the inbox's list with its filters and keyset paging, one item with its context, and the
 * item's parts — decision, assignment, answer, note — each saved through the same service as
 * the item's form on the workbench (services/moderation/save-item.ts), on the version the
 * caller saw: a change made on an older version is refused (409) with who changed what since.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { reviewState } from '../../db/schema.ts';
import { problem, invalidFields } from '../../http/problem.ts';
import type { MessageCode } from '../../messages/texts.ts';
import { can } from '../../services/auth/roles.ts';
import {
  ANSWER_MAX_LENGTH,
  DECISIONS,
  findItem,
  listQueue,
  QUEUE_ORDERS,
  SEARCH_MAX_LENGTH,
  type Decision,
  type QueueItem,
  type Stale,
} from '../../services/moderation/index.ts';
import {
  answerApprovalFor,
  approveAnswer,
  RETURN_NOTE_MAX_LENGTH,
  returnAnswer,
  type AnswerApprovalResult,
  type AnswerApprovalView,
} from '../../services/moderation/answer-approval.ts';
import { APPROVAL_FILTERS, INBOX_VIEWS, inboxFilter } from '../../services/moderation/inbox-views.ts';
import { itemContext } from '../../services/moderation/item-context.ts';
import { NOTE_MAX_LENGTH, notesOf } from '../../services/moderation/item-notes.ts';
import { saveItem, type ItemSave, type ItemSaveResult } from '../../services/moderation/save-item.ts';
import { repliesTo } from '../../services/webcare/items.ts';
import { actorOf } from '../kit/actor.ts';
import type { StaffEnv } from '../kit/guards.ts';
import { IdParam, problemContent, STAFF_TAGS, staffOpenApi, staffRoute } from '../kit/openapi.ts';

const tags = [STAFF_TAGS.queue.name];
const DEFAULT_LIMIT = 25;

const Version = z.number().int().min(1).max(2_147_483_647).openapi({ description: 'The version of the item you saw' });

const QueueQuery = z.object({
  status: z.enum(reviewState.enumValues).optional().openapi({ description: 'One state; default: the open states' }),
  channel: z.enum(['portal', 'widget', 'social']).optional(),
  consultation: InputText.max(200).optional().openapi({ description: 'A consultation slug' }),
  topic: InputText.max(200).optional().openapi({ description: 'A topic slug' }),
  department: InputText.max(200).optional().openapi({ description: 'A department slug' }),
  flag: z.enum(['personal_data', 'abuse', 'spam']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: InputText.max(SEARCH_MAX_LENGTH).optional().openapi({ description: 'Full-text search, Dutch and English' }),
  view: z.enum(INBOX_VIEWS).optional().openapi({
    description: '`mine`: assigned to you; `waiting`: waiting for you; `department`: routed to your departments',
  }),
  approval: z.enum(APPROVAL_FILTERS).optional().openapi({
    description:
      "Four eyes: `awaiting`: colleagues' answers waiting for your approval (never your own); `returned`: your answers sent back with a note",
  }),
  sort: z.enum(QUEUE_ORDERS).optional(),
  after: InputText.regex(/^\d{1,20}\.[0-9a-f-]{36}$/)
    .optional()
    .openapi({ description: 'The `next` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

const Localized = z.record(InputText, InputText);

const QueueItemJson = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    state: z.enum(reviewState.enumValues),
    channel: InputText,
    language: z.enum(['nl', 'en']),
    createdAt: InputText,
    dueAt: InputText,
    clock: z.object({ kind: z.enum(['left', 'overdue']), minutes: z.number() }),
    consultation: z.object({ slug: InputText, title: Localized }),
    answers: z.array(z.unknown()),
    screening: z.unknown(),
    sentiment: z.unknown(),
    openReports: z.number().int(),
    assignedDepartmentId: z.uuid().nullable(),
    assignedStaffUserId: z.uuid().nullable(),
    source: z.unknown().optional(),
    published: z.boolean().optional(),
    answerApproval: z
      .object({ state: z.enum(['awaiting', 'returned']), writtenBy: z.uuid().nullable() })
      .nullable()
      .openapi({
        description:
          'Its answer waits for approval, or was sent back and not answered since (who wrote it); null when neither',
      }),
  })
  .openapi('StaffQueueItem');

const QueuePage = z.object({
  items: z.array(QueueItemJson),
  next: InputText.nullable().openapi({ description: 'Pass as `after` for the next page; null on the last' }),
});

const ItemDetail = z.object({
  item: QueueItemJson,
  replies: z.array(z.unknown()),
  notes: z.array(z.object({ id: z.uuid(), body: InputText, createdAt: InputText, authorName: InputText.nullable() })),
  context: z.unknown().openapi({ description: "The post's thread; the resident's history only with `contacts.read`" }),
  approval: z
    .object({
      state: z.enum(['awaiting', 'returned']),
      body: InputText,
      language: z.enum(['nl', 'en']),
      writtenBy: z.object({ id: z.uuid().nullable(), name: InputText.nullable() }),
      writtenAt: InputText,
      decidedBy: InputText.nullable(),
      decidedAt: InputText.nullable(),
      returnNote: InputText.nullable(),
    })
    .nullable()
    .openapi({ description: 'An answer waiting for approval, or the last one sent back; null when neither' }),
});

const Saved = z.object({
  parts: z.array(z.enum(['assignment', 'decision', 'answer', 'answer_for_approval', 'sentiment', 'note'])).openapi({
    description: "`answer_for_approval`: the channel's guidelines ask for four eyes; the answer waits for a colleague",
  }),
  version: z.number().int().openapi({ description: 'The item version after the save' }),
});

const DecisionBody = z
  .object({
    version: Version,
    decision: z.enum(DECISIONS as [Decision, ...Decision[]]),
    rule: InputText.max(100).optional().openapi({ description: 'The house rule a rejection cites (its code)' }),
    note: InputText.max(NOTE_MAX_LENGTH).optional(),
  })
  .strict();

const AssignmentBody = z
  .object({
    version: Version,
    department: z.uuid().nullable().openapi({ description: 'A department id, or null for none' }),
    person: z.uuid().nullable().openapi({ description: 'A staff member id, or null for nobody' }),
  })
  .strict();

const AnswerBody = z
  .object({
    version: Version,
    body: InputText.trim().min(1).max(ANSWER_MAX_LENGTH),
    language: z.enum(['nl', 'en']),
  })
  .strict();

const ApproveBody = z.object({ version: Version }).strict();

const ReturnBody = z
  .object({
    version: Version,
    note: InputText.trim().min(1).max(RETURN_NOTE_MAX_LENGTH).openapi({ description: 'Why, for the writer' }),
  })
  .strict();

const ApprovalStep = z.object({
  state: z.enum(['approved', 'returned']),
  version: z.number().int().openapi({ description: 'The item version after the step' }),
  posting: z
    .boolean()
    .optional()
    .openapi({ description: 'Approved: queued for the platform (an account is connected)' }),
});

const approvalResponses = {
  200: { description: 'Done', content: { 'application/json': { schema: ApprovalStep } } },
  404: { description: 'No such item', content: problemContent },
  409: {
    description: 'Changed since your version, your own answer, no answer waiting, or the post left the mirror',
    content: problemContent,
  },
  422: { description: 'Invalid input', content: problemContent },
};

const NoteBody = z.object({ version: Version, body: InputText.trim().min(1).max(NOTE_MAX_LENGTH) }).strict();

const saveResponses = {
  200: {
    description: 'Saved (or nothing changed: `parts` is empty)',
    content: { 'application/json': { schema: Saved } },
  },
  404: { description: 'No such item, or not yours to see', content: problemContent },
  409: { description: 'Changed by someone since your version, or already final', content: problemContent },
  422: { description: 'Invalid input, or refused by a rule (the field says which)', content: problemContent },
};

const listRoute = staffRoute('queue.read', {
  method: 'get',
  path: '/api/staff/queue',
  tags,
  summary: "The queue: the inbox's list with its filters, a page at a time",
  description: 'Oldest first unless `sort` says otherwise; department members see only what is routed to them.',
  request: { query: QueueQuery },
  responses: {
    200: { description: 'A page of items', content: { 'application/json': { schema: QueuePage } } },
    422: { description: 'An unknown filter value', content: problemContent },
  },
});

const itemRoute = staffRoute('queue.read', {
  method: 'get',
  path: '/api/staff/items/{id}',
  tags,
  summary: 'One item in any state, with its answers, notes and context',
  request: { params: IdParam },
  responses: {
    200: { description: 'The item', content: { 'application/json': { schema: ItemDetail } } },
    404: { description: 'No such item, or not yours to see', content: problemContent },
  },
});

const decisionRoute = staffRoute('queue.decide', {
  method: 'post',
  path: '/api/staff/items/{id}/decision',
  tags,
  summary: 'Publish, reject (citing a house rule), ask for an answer or escalate',
  request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: DecisionBody } } } },
  responses: saveResponses,
});

const assignmentRoute = staffRoute('queue.assign', {
  method: 'put',
  path: '/api/staff/items/{id}/assignment',
  tags,
  summary: 'Assign the item to a department and/or a person',
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: AssignmentBody } } },
  },
  responses: saveResponses,
});

const answerRoute = staffRoute('queue.answer', {
  method: 'post',
  path: '/api/staff/items/{id}/answer',
  tags,
  summary: "Publish the municipality's answer to the item",
  request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: AnswerBody } } } },
  responses: saveResponses,
});

const noteRoute = staffRoute('queue.read', {
  method: 'post',
  path: '/api/staff/items/{id}/notes',
  tags,
  summary: 'Add a note for colleagues (never shown to the resident)',
  request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: NoteBody } } } },
  responses: saveResponses,
});

const approveRoute = staffRoute('answers.approve', {
  method: 'post',
  path: '/api/staff/items/{id}/answer/approve',
  tags,
  summary: "Approve a colleague's answer that waits for four eyes: it is published and posted",
  request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: ApproveBody } } } },
  responses: approvalResponses,
});

const returnRoute = staffRoute('answers.approve', {
  method: 'post',
  path: '/api/staff/items/{id}/answer/return',
  tags,
  summary: "Send a colleague's answer that waits for four eyes back to its writer, with a note",
  request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: ReturnBody } } } },
  responses: approvalResponses,
});

function approvalJson(approval: AnswerApprovalView | undefined) {
  if (!approval) return null;
  return {
    state: approval.state,
    body: approval.body,
    language: approval.language,
    writtenBy: approval.writtenBy,
    writtenAt: approval.writtenAt.toISOString(),
    decidedBy: approval.decidedBy,
    decidedAt: approval.decidedAt?.toISOString() ?? null,
    returnNote: approval.returnNote,
  };
}

function itemJson(item: QueueItem) {
  return {
    id: item.id,
    version: item.version,
    state: item.reviewState,
    channel: item.channel,
    language: item.language,
    createdAt: item.createdAt.toISOString(),
    dueAt: item.dueAt.toISOString(),
    clock: item.clock,
    consultation: { slug: item.consultation.slug, title: item.consultation.title as Record<string, string> },
    answers: item.answers,
    screening: item.screening,
    sentiment: item.sentiment,
    openReports: item.openReports,
    assignedDepartmentId: item.assignedDepartmentId,
    assignedStaffUserId: item.assignedStaffUserId,
    ...(item.source ? { source: item.source } : {}),
    ...(item.published !== undefined ? { published: item.published } : {}),
    answerApproval: item.answerApproval ?? null,
  };
}

const refused = (c: Context, field: string, code: MessageCode, params?: Record<string, string>) =>
  invalidFields(c, [{ field, code, ...(params ? { params } : {}) }]);

const staleProblem = (c: Context, result: Stale) =>
  problem(c, 409, 'item_stale', {
    detail: 'item_stale_detail',
    detailParams: {
      version: result.version,
      changes: result.changes.map((change) => `${change.action} (${change.by ?? '-'})`).join(', ') || '-',
    },
  });

/** A four-eyes step's refusal as a problem. */
function approvalProblem(c: Context, result: Exclude<AnswerApprovalResult, { kind: 'approved' | 'returned' }>) {
  switch (result.kind) {
    case 'not_found':
      return problem(c, 404, 'item_not_found');
    case 'forbidden':
      return problem(c, 403, 'staff_forbidden');
    case 'stale':
      return staleProblem(c, result);
    case 'own_answer':
      return problem(c, 409, 'answer_own');
    case 'nothing_awaiting':
      return problem(c, 409, 'answer_nothing_awaiting');
    case 'not_published':
      return problem(c, 409, 'item_answer_not_published');
    case 'note_required':
      return refused(c, 'note', 'required');
    case 'note_too_long':
      return refused(c, 'note', 'too_long', { max: String(RETURN_NOTE_MAX_LENGTH), actual: '-' });
  }
}

/** The service's refusal as a problem: the same reasons the item's form shows, by field. */
function saveProblem(c: Context, result: Exclude<ItemSaveResult, { kind: 'saved' | 'nothing_to_save' }>): Response {
  switch (result.kind) {
    case 'not_found':
      return problem(c, 404, 'item_not_found');
    case 'forbidden':
      return problem(c, 403, 'staff_forbidden');
    case 'stale':
      return staleProblem(c, result);
    case 'already_decided':
      return problem(c, 409, 'item_already_decided');
    case 'rule_required':
      return refused(c, 'rule', 'item_rule_required');
    case 'unknown_rule':
      return refused(c, 'rule', 'item_unknown_rule');
    case 'unknown_department':
      return refused(c, 'department', 'item_unknown_department');
    case 'unknown_person':
      return refused(c, 'person', 'item_unknown_person');
    case 'answer_too_long':
      return refused(c, 'body', 'too_long', { max: String(ANSWER_MAX_LENGTH), actual: '-' });
    case 'answer_placeholder':
      return refused(c, 'body', 'item_answer_placeholder', { placeholders: result.placeholders.join(', ') });
    case 'answer_rejected':
      return refused(c, 'body', 'item_answer_rejected');
    case 'answer_not_published':
      return refused(c, 'body', 'item_answer_not_published');
    case 'answer_approval_pending':
      return problem(c, 409, 'item_answer_approval_pending');
    case 'answer_too_long_for_platform':
      return refused(c, 'body', 'item_answer_too_long_for_platform', {
        platform: 'Bluesky',
        max: String(result.max),
        actual: String(result.count),
      });
    case 'unsupported':
      return refused(c, result.part === 'answer' ? 'body' : 'department', 'item_unsupported');
  }
}

export function queueApi() {
  const app = staffOpenApi();

  const save = async (c: Context<StaffEnv>, id: string, part: Omit<ItemSave, 'itemId' | 'actor' | 'now'>) => {
    const result = await saveItem(c.get('db'), {
      ...part,
      itemId: id,
      actor: actorOf(c.get('session')!),
      now: c.get('now')(),
    });
    if (result.kind === 'saved') return c.json({ parts: result.parts, version: result.version }, 200);
    if (result.kind === 'nothing_to_save') return c.json({ parts: [], version: part.expectedVersion }, 200);
    return saveProblem(c, result) as never;
  };

  app.openapi(listRoute, async (c) => {
    const session = c.get('session')!;
    const query = c.req.valid('query');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const [micros, afterId] = query.after?.split('.') ?? [];
    const viewer = { organisationId: session.user.organisationId, roles: session.roles };
    const found = await listQueue(c.get('db'), viewer, {
      ...inboxFilter(
        { ...query, overdue: query.overdue === 'true' },
        { id: session.user.id, roles: session.roles },
        query.q?.trim() || undefined,
      ),
      order: query.sort ?? 'oldest',
      after: micros && afterId ? { micros, id: afterId } : undefined,
      now: c.get('now')(),
      limit: limit + 1,
    });
    const items = found.slice(0, limit);
    const last = items[items.length - 1];
    const next = found.length > limit && last ? `${last.cursor.micros}.${last.cursor.id}` : null;
    return c.json({ items: items.map(itemJson), next }, 200);
  });

  app.openapi(itemRoute, async (c) => {
    const session = c.get('session')!;
    const db = c.get('db');
    const viewer = { organisationId: session.user.organisationId, roles: session.roles };
    const item = await findItem(db, viewer, c.req.valid('param').id, c.get('now')());
    if (!item || item.reviewState === 'erased') return problem(c, 404, 'item_not_found') as never;
    const subject = { type: item.channel === 'social' ? 'social_post' : 'submission', id: item.id } as const;
    const notes = await notesOf(db, subject);
    return c.json(
      {
        item: itemJson(item),
        replies: await repliesTo(db, item.id),
        notes: notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
        context: await itemContext(db, viewer, item, { contacts: can(session.roles, 'contacts.read') }),
        approval: approvalJson(
          item.channel === 'social' ? await answerApprovalFor(db, viewer.organisationId, item.id) : undefined,
        ),
      },
      200,
    );
  });

  app.openapi(approveRoute, async (c) => {
    const { version } = c.req.valid('json');
    const result = await approveAnswer(c.get('db'), {
      actor: actorOf(c.get('session')!),
      itemId: c.req.valid('param').id,
      expectedVersion: version,
      now: c.get('now')(),
    });
    if (result.kind !== 'approved') return approvalProblem(c, result) as never;
    return c.json({ state: 'approved' as const, version: version + 1, posting: result.posting }, 200);
  });

  app.openapi(returnRoute, async (c) => {
    const { version, note } = c.req.valid('json');
    const result = await returnAnswer(c.get('db'), {
      actor: actorOf(c.get('session')!),
      itemId: c.req.valid('param').id,
      expectedVersion: version,
      note,
      now: c.get('now')(),
    });
    if (result.kind !== 'returned') return approvalProblem(c, result) as never;
    return c.json({ state: 'returned' as const, version: version + 1 }, 200);
  });

  app.openapi(decisionRoute, async (c) => {
    const body = c.req.valid('json');
    return save(c, c.req.valid('param').id, {
      expectedVersion: body.version,
      decision: body.decision,
      ruleCode: body.rule,
      note: body.note,
    });
  });

  app.openapi(assignmentRoute, async (c) => {
    const body = c.req.valid('json');
    return save(c, c.req.valid('param').id, {
      expectedVersion: body.version,
      assignment: { departmentId: body.department, staffUserId: body.person },
    });
  });

  app.openapi(answerRoute, async (c) => {
    const body = c.req.valid('json');
    return save(c, c.req.valid('param').id, {
      expectedVersion: body.version,
      answer: { body: body.body, language: body.language },
    });
  });

  app.openapi(noteRoute, async (c) => {
    const body = c.req.valid('json');
    return save(c, c.req.valid('param').id, { expectedVersion: body.version, note: body.body });
  });

  return app;
}
