/**
 * Topics as JSON (`/api/staff/topics`; permission `consultations.manage`, as the topics pages):
 * the list in the portal's order, a new topic, its texts saved on the version read (a stale one
 * is refused with 409, who saved and which fields), a move up or down, and removing one without
 * consultations. The rules are services/topic-authoring.ts's, the same the pages call.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { problem, requestLocale } from '../../http/problem.ts';
import {
  createTopic,
  findTopicForAuthoring,
  listTopicsForAuthoring,
  moveTopic,
  NewTopic,
  removeTopic,
  saveTopic,
  TopicTexts,
  type AuthoredTopic,
} from '../../services/topic-authoring.ts';
import { actorOf } from '../kit/actor.ts';
import type { StaffEnv } from '../kit/guards.ts';
import {
  jsonBody,
  jsonContent,
  problemContent,
  STAFF_TAGS,
  staffOpenApi,
  staleProblem,
  staffRoute,
  Version,
} from '../kit/openapi.ts';
import * as topicTexts from './topic-texts.ts';

const PERMISSION = 'consultations.manage';
const tags = [STAFF_TAGS.consultations.name];

const Text = z.object({ nl: InputText, en: InputText.optional() });
const TopicJson = z
  .object({
    slug: InputText.openapi({ description: 'The address under /onderwerpen/; chosen once, never changes' }),
    title: Text,
    description: Text,
    version: z.number().int(),
    consultations: z.number().int().openapi({ description: 'How many consultations it holds (none: it can go)' }),
  })
  .openapi('StaffTopic');
const TopicList = z.object({ topics: z.array(TopicJson) }).openapi('StaffTopics');
const SlugParam = z.object({
  slug: InputText.regex(/^[a-z0-9-]{1,80}$/).openapi({ param: { name: 'slug', in: 'path' } }),
});

const notFound = { 404: { description: 'No such topic', content: problemContent } };
const invalid = { 422: { description: 'Invalid input, with a message per field', content: problemContent } };

const listRoute = staffRoute(PERMISSION, {
  method: 'get',
  path: '/api/staff/topics',
  tags,
  summary: "The organisation's topics in the portal's order, each with its version",
  responses: { 200: { description: 'The topics', content: jsonContent(TopicList) } },
});

const createRoute = staffRoute(PERMISSION, {
  method: 'post',
  path: '/api/staff/topics',
  tags,
  summary: 'A new topic, last in the portal’s order (public at once)',
  request: { body: jsonBody(NewTopic.strict()) },
  responses: {
    201: { description: 'Made', content: jsonContent(TopicJson) },
    409: { description: 'A topic with this address exists', content: problemContent },
    ...invalid,
  },
});

const saveRoute = staffRoute(PERMISSION, {
  method: 'put',
  path: '/api/staff/topics/{slug}',
  tags,
  summary: 'Save a topic’s texts on the version you read',
  description: 'Refused with 409 when someone saved since (the detail says who and which fields).',
  request: { params: SlugParam, body: jsonBody(TopicTexts.extend({ version: Version }).strict()) },
  responses: {
    200: { description: 'Saved', content: jsonContent(TopicJson) },
    ...notFound,
    409: { description: 'Saved by someone else since your version', content: problemContent },
    ...invalid,
  },
});

const moveRoute = staffRoute(PERMISSION, {
  method: 'post',
  path: '/api/staff/topics/{slug}/move',
  tags,
  summary: 'Move a topic one place up or down in the portal’s order',
  request: { params: SlugParam, body: jsonBody(z.object({ direction: z.enum(['up', 'down']) }).strict()) },
  responses: {
    200: { description: 'Moved; the topics in their new order', content: jsonContent(TopicList) },
    ...notFound,
    422: { description: 'Already first or last, or invalid input', content: problemContent },
  },
});

const removeRoute = staffRoute(PERMISSION, {
  method: 'delete',
  path: '/api/staff/topics/{slug}',
  tags,
  summary: 'Remove a topic without consultations',
  request: { params: SlugParam },
  responses: {
    200: { description: 'Removed; the topics left', content: jsonContent(TopicList) },
    ...notFound,
    409: { description: 'It still holds consultations (the detail says how many)', content: problemContent },
    ...invalid,
  },
});

export function topicsApi() {
  const app = staffOpenApi();
  const topics = async (c: Context<StaffEnv>) => ({
    topics: await listTopicsForAuthoring(c.get('db'), c.get('session')!.user.organisationId),
  });
  const topic = async (c: Context<StaffEnv>, slug: string): Promise<AuthoredTopic> =>
    (await findTopicForAuthoring(c.get('db'), c.get('session')!.user.organisationId, slug))!;
  const who = (c: Context<StaffEnv>) => ({ actor: actorOf(c.get('session')!), now: c.get('now')() });

  app.openapi(listRoute, async (c) => c.json(await topics(c), 200));

  app.openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const result = await createTopic(c.get('db'), { ...who(c), input });
    if (result.kind === 'slug_taken')
      return problem(c, 409, 'topic_slug_taken', { errors: [{ field: 'slug', code: 'topic_slug_taken' }] }) as never;
    return c.json(await topic(c, result.slug), 201);
  });

  app.openapi(saveRoute, async (c) => {
    const { version, ...input } = c.req.valid('json');
    const { slug } = c.req.valid('param');
    const result = await saveTopic(c.get('db'), { ...who(c), slug, version, input });
    switch (result.kind) {
      case 'not_found':
        return problem(c, 404, 'topic_not_found') as never;
      case 'stale': {
        // The edit page's own sentence: who saved since, and which fields.
        const m = textsFor(topicTexts, requestLocale(c));
        const fields = result.changed.map((name) => m.fieldNames[name] ?? name).join(', ');
        return staleProblem(c, 'topic_stale', result.version, [m.savedSince(result.by, fields)]) as never;
      }
      case 'saved':
        return c.json(await topic(c, slug), 200);
    }
  });

  app.openapi(moveRoute, async (c) => {
    const result = await moveTopic(c.get('db'), {
      ...who(c),
      slug: c.req.valid('param').slug,
      direction: c.req.valid('json').direction,
    });
    if (result.kind === 'not_found') return problem(c, 404, 'topic_not_found') as never;
    if (result.kind === 'at_edge') return problem(c, 422, 'cannot_move') as never;
    return c.json(await topics(c), 200);
  });

  app.openapi(removeRoute, async (c) => {
    const result = await removeTopic(c.get('db'), { ...who(c), slug: c.req.valid('param').slug });
    if (result.kind === 'not_found') return problem(c, 404, 'topic_not_found') as never;
    if (result.kind === 'has_consultations')
      return problem(c, 409, 'topic_has_consultations', {
        detail: 'topic_has_consultations_detail',
        detailParams: { count: result.count },
      }) as never;
    return c.json(await topics(c), 200);
  });

  return app;
}
