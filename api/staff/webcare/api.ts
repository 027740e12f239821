/**
 * Reply templates and routing rules as JSON (`/api/staff/reply-templates`,
 * `/api/staff/routing-rules`; administrators, as their pages). Templates and rules carry no
 * version on their pages either: a template is saved whole, a rule is only added or removed.
 * What makes a rule acceptable (a known topic, department and person; one rule per topic and
 * channel) is services/webcare/routing.ts's, as on the page.
 */
import { z } from '@hono/zod-openapi';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { invalidFields, problem } from '../../http/problem.ts';
import type { MessageCode } from '../../messages/texts.ts';
import { ANSWER_MAX_LENGTH } from '../../services/moderation/index.ts';
import { addRoutingRule, deleteRoutingRule, listRoutingRules } from '../../services/webcare/routing.ts';
import {
  deleteTemplate,
  listTemplates,
  saveTemplate,
  TEMPLATE_TITLE_MAX,
  type ReplyTemplate,
} from '../../services/webcare/templates.ts';
import type { Db } from '../../db/client.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import { actorOf } from '../kit/actor.ts';
import { IdParam, problemContent, STAFF_TAGS, staffOpenApi, staffRoute } from '../kit/openapi.ts';

const tags = [STAFF_TAGS.webcare.name];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const textOf = (max: number) =>
  z.object({ nl: InputText.trim().min(1).max(max), en: InputText.trim().max(max).optional() }).strict();
const Localized = z.object({ nl: InputText, en: InputText.optional() });

const TemplateJson = z
  .object({
    id: z.uuid(),
    title: Localized,
    body: Localized.openapi({
      description: 'Placeholders `{consultatie}`/`{consultation}`, `{kanaal}`/`{channel}`, `{datum}`/`{date}`',
    }),
    updatedAt: z.iso.datetime(),
  })
  .openapi('StaffReplyTemplate');

const TemplateInput = z
  .object({ title: textOf(TEMPLATE_TITLE_MAX), body: textOf(ANSWER_MAX_LENGTH) })
  .strict()
  .openapi('StaffReplyTemplateInput');

const Channel = z.enum(['portal', 'widget', 'social']);

const RuleJson = z
  .object({
    id: z.uuid(),
    topic: z.object({ slug: InputText, title: Localized }),
    channel: Channel.nullable().openapi({ description: 'Null: every channel' }),
    departmentId: z.uuid().nullable(),
    personId: z.uuid().nullable(),
  })
  .openapi('StaffRoutingRule');

const RuleInput = z
  .object({
    topic: InputText.min(1).max(200).openapi({ description: 'The topic’s slug', example: 'verkeer' }),
    channel: Channel.nullable().openapi({ description: 'Null: every channel without a rule of its own' }),
    departmentId: z.uuid().nullable(),
    personId: z.uuid().nullable(),
  })
  .strict()
  .openapi('StaffRoutingRuleInput');

const invalid = { 422: { description: 'Invalid input', content: problemContent } };

const listTemplatesRoute = staffRoute('admin', {
  method: 'get',
  path: '/api/staff/reply-templates',
  tags,
  summary: 'The reply templates webcare inserts into answers',
  responses: { 200: { description: 'The templates', content: json(z.object({ templates: z.array(TemplateJson) })) } },
});

const addTemplateRoute = staffRoute('admin', {
  method: 'post',
  path: '/api/staff/reply-templates',
  tags,
  summary: 'Add a reply template (Dutch title and text required, English optional)',
  request: { body: { required: true, content: json(TemplateInput) } },
  responses: { 201: { description: 'Added', content: json(TemplateJson) }, ...invalid },
});

const saveTemplateRoute = staffRoute('admin', {
  method: 'put',
  path: '/api/staff/reply-templates/{id}',
  tags,
  summary: 'Replace a reply template’s title and text',
  request: { params: IdParam, body: { required: true, content: json(TemplateInput) } },
  responses: {
    200: { description: 'Saved', content: json(TemplateJson) },
    404: { description: 'No such template', content: problemContent },
    ...invalid,
  },
});

const deleteTemplateRoute = staffRoute('admin', {
  method: 'delete',
  path: '/api/staff/reply-templates/{id}',
  tags,
  summary: 'Remove a reply template (answers made with it keep their text)',
  request: { params: IdParam },
  responses: {
    204: { description: 'Removed' },
    404: { description: 'No such template', content: problemContent },
    ...invalid,
  },
});

const listRulesRoute = staffRoute('admin', {
  method: 'get',
  path: '/api/staff/routing-rules',
  tags,
  summary: 'The rules that assign new items to a department or person by topic and channel',
  responses: { 200: { description: 'The rules', content: json(z.object({ rules: z.array(RuleJson) })) } },
});

const addRuleRoute = staffRoute('admin', {
  method: 'post',
  path: '/api/staff/routing-rules',
  tags,
  summary: 'Add a routing rule: one per topic and channel',
  request: { body: { required: true, content: json(RuleInput) } },
  responses: {
    201: { description: 'Added', content: json(RuleJson) },
    409: { description: 'There already is a rule for this topic and channel', content: problemContent },
    ...invalid,
  },
});

const deleteRuleRoute = staffRoute('admin', {
  method: 'delete',
  path: '/api/staff/routing-rules/{id}',
  tags,
  summary: 'Remove a routing rule (items already assigned keep their assignment)',
  request: { params: IdParam },
  responses: {
    204: { description: 'Removed' },
    404: { description: 'No such rule', content: problemContent },
    ...invalid,
  },
});

const templateJson = (row: ReplyTemplate) => ({
  id: row.id,
  title: row.title,
  body: row.body,
  updatedAt: row.updatedAt.toISOString(),
});

/** A localized text as the service stores it: an English text only when there is one. */
const stored = (text: { nl: string; en?: string | undefined }) => ({
  nl: text.nl,
  ...(text.en ? { en: text.en } : {}),
});

/** Where the page puts a refused rule's message, as a field of the JSON body. */
const RULE_FIELDS = {
  unknown_topic: 'topic',
  unknown_department: 'departmentId',
  unknown_person: 'personId',
  nobody: 'departmentId',
} as const;

export function webcareApi() {
  const app = staffOpenApi();

  app.openapi(listTemplatesRoute, async (c) => {
    const templates = await listTemplates(c.get('db'), c.get('session')!.user.organisationId);
    return c.json({ templates: templates.map(templateJson) }, 200);
  });

  /** Saves a template (a new one without `id`) and answers with it as stored; undefined when there is no such template. */
  const save = async (
    db: Db,
    session: ActiveSession,
    now: Date,
    id: string | undefined,
    input: z.infer<typeof TemplateInput>,
  ) => {
    const result = await saveTemplate(db, {
      id,
      title: stored(input.title),
      body: stored(input.body),
      actor: actorOf(session),
      now,
    });
    if (result.kind === 'not_found') return undefined;
    const templates = await listTemplates(db, session.user.organisationId);
    return templateJson(templates.find((t) => t.id === result.id)!);
  };

  app.openapi(addTemplateRoute, async (c) => {
    const added = await save(c.get('db'), c.get('session')!, c.get('now')(), undefined, c.req.valid('json'));
    return c.json(added!, 201);
  });

  app.openapi(saveTemplateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const saved = await save(c.get('db'), c.get('session')!, c.get('now')(), id, c.req.valid('json'));
    if (!saved) return problem(c, 404, 'template_not_found') as never;
    return c.json(saved, 200);
  });

  app.openapi(deleteTemplateRoute, async (c) => {
    const session = c.get('session')!;
    const result = await deleteTemplate(c.get('db'), {
      id: c.req.valid('param').id,
      actor: actorOf(session),
      now: c.get('now')(),
    });
    if (result === 'not_found') return problem(c, 404, 'template_not_found') as never;
    return c.body(null, 204);
  });

  app.openapi(listRulesRoute, async (c) => {
    const rules = await listRoutingRules(c.get('db'), c.get('session')!.user.organisationId);
    return c.json({ rules: rules.map(ruleJson) }, 200);
  });

  app.openapi(addRuleRoute, async (c) => {
    const session = c.get('session')!;
    const db = c.get('db');
    const input = c.req.valid('json');
    const result = await addRoutingRule(db, {
      topicSlug: input.topic,
      channel: input.channel,
      assignment: { departmentId: input.departmentId, staffUserId: input.personId },
      actor: actorOf(session),
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'saved': {
        const rules = await listRoutingRules(db, session.user.organisationId);
        return c.json(ruleJson(rules.find((rule) => rule.id === result.id)!), 201);
      }
      case 'duplicate':
        return problem(c, 409, 'routing_duplicate') as never;
      default:
        return invalidFields(c, [
          { field: RULE_FIELDS[result.kind], code: `routing_${result.kind}` satisfies MessageCode },
        ]) as never;
    }
  });

  app.openapi(deleteRuleRoute, async (c) => {
    const result = await deleteRoutingRule(c.get('db'), {
      ruleId: c.req.valid('param').id,
      actor: actorOf(c.get('session')!),
      now: c.get('now')(),
    });
    if (result === 'not_found') return problem(c, 404, 'routing_rule_not_found') as never;
    return c.body(null, 204);
  });

  return app;
}

const ruleJson = (rule: Awaited<ReturnType<typeof listRoutingRules>>[number]) => ({
  id: rule.id,
  topic: rule.topic,
  channel: rule.channel,
  departmentId: rule.departmentId,
  personId: rule.staffUserId,
});
