/**
 * The public JSON API: published topics and consultations, and the follow-up a resident
 * reads with their code (input arrives through routes/submissions.ts). Routes check the shape of
 * requests and call services; the rules live in the services.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  Consultation,
  FollowUp,
  Problem,
  PublishedAnswersPage,
  TopicSummary,
} from '../../shared/contracts/public-content.ts';
import type { AppEnv } from '../http/app-env.ts';
import { problem, requestLocale, validationHook } from '../http/problem.ts';
import { findConsultation, findTopic, listConsultations, listTopics } from '../services/consultations.ts';
import { normalizeFollowUpCode } from '../services/follow-up-code.ts';
import { DEFAULT_PAGE_SIZE, listPublishedAnswers, MAX_PAGE_SIZE } from '../services/published-answers.ts';
import { findFollowUp, followUpPath } from '../services/submissions.ts';
import { InputText } from '../../shared/contracts/input-text.ts';

const problemContent = { 'application/problem+json': { schema: Problem } };
const Slug = InputText.min(1).max(200).openapi({ example: 'fietsroute-stationsstraat' });

const listTopicsRoute = createRoute({
  method: 'get',
  path: '/api/topics',
  tags: ['Public'],
  summary: 'List topics',
  responses: { 200: { description: 'All topics', content: { 'application/json': { schema: z.array(TopicSummary) } } } },
});

const getTopicRoute = createRoute({
  method: 'get',
  path: '/api/topics/{slug}',
  tags: ['Public'],
  summary: 'One topic',
  request: { params: z.object({ slug: Slug }) },
  responses: {
    200: { description: 'The topic', content: { 'application/json': { schema: TopicSummary } } },
    404: { description: 'No such topic', content: problemContent },
  },
});

const listConsultationsRoute = createRoute({
  method: 'get',
  path: '/api/consultations',
  tags: ['Public'],
  summary: 'List published consultations, soonest closing first',
  request: { query: z.object({ topic: Slug.optional() }) },
  responses: {
    200: { description: 'Consultations', content: { 'application/json': { schema: z.array(Consultation) } } },
  },
});

const getConsultationRoute = createRoute({
  method: 'get',
  path: '/api/consultations/{slug}',
  tags: ['Public'],
  summary: 'One consultation with its questions',
  request: { params: z.object({ slug: Slug }) },
  responses: {
    200: { description: 'The consultation', content: { 'application/json': { schema: Consultation } } },
    404: { description: 'No such consultation', content: problemContent },
  },
});

const answersRoute = createRoute({
  method: 'get',
  path: '/api/consultations/{slug}/answers',
  tags: ['Public'],
  summary: "Published input with the municipality's answers, newest first, a page at a time",
  request: {
    params: z.object({ slug: Slug }),
    query: z.object({
      page: z.coerce.number().int().min(1).max(100_000).default(1).openapi({ example: 1 }),
      pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
      lang: z.enum(['nl', 'en']).optional().openapi({ description: 'Replies in this language first' }),
    }),
  },
  responses: {
    200: {
      description: 'One page (empty past the last page)',
      content: { 'application/json': { schema: PublishedAnswersPage } },
    },
    422: { description: 'Page or page size out of range', content: problemContent },
    404: { description: 'No such consultation', content: problemContent },
  },
});

const followUpRoute = createRoute({
  method: 'get',
  path: '/api/follow-up/{code}',
  tags: ['Public'],
  summary: 'What happened with input, by its follow-up code',
  request: { params: z.object({ code: InputText.max(100).openapi({ example: 'K7QM-4XPR-9TWD' }) }) },
  responses: {
    200: {
      description: 'Status, moderation outcome and answers',
      content: { 'application/json': { schema: FollowUp } },
    },
    400: { description: 'Not a valid code', content: problemContent },
    404: { description: 'No input with this code', content: problemContent },
  },
});

const followUpLookupRoute = createRoute({
  method: 'get',
  path: '/api/follow-up',
  tags: ['Public'],
  summary: 'Look up a code from the follow-up form: redirects to its page',
  request: {
    query: z.object({ code: InputText.max(100).optional(), lang: z.enum(['nl', 'en']).optional() }),
  },
  responses: {
    303: { description: 'To the follow-up page of the code; that page explains an unknown or malformed code' },
  },
});

export function publicRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(listTopicsRoute, async (c) => c.json(await listTopics(c.get('db')), 200));

  app.openapi(getTopicRoute, async (c) => {
    const topic = await findTopic(c.get('db'), c.req.valid('param').slug);
    return topic ? c.json(topic, 200) : (problem(c, 404, 'not_found') as never);
  });

  app.openapi(listConsultationsRoute, async (c) => {
    const { topic } = c.req.valid('query');
    return c.json(await listConsultations(c.get('db'), c.get('now')(), { topic }), 200);
  });

  app.openapi(getConsultationRoute, async (c) => {
    const consultation = await findConsultation(c.get('db'), c.req.valid('param').slug, c.get('now')());
    return consultation ? c.json(consultation, 200) : (problem(c, 404, 'consultation_not_found') as never);
  });

  app.openapi(answersRoute, async (c) => {
    const { page, pageSize, lang } = c.req.valid('query');
    const result = await listPublishedAnswers(c.get('db'), {
      consultationSlug: c.req.valid('param').slug,
      page,
      pageSize,
      lang,
    });
    return result ? c.json(result, 200) : (problem(c, 404, 'consultation_not_found') as never);
  });

  app.openapi(followUpRoute, async (c) => {
    const code = normalizeFollowUpCode(c.req.valid('param').code);
    if (!code) return problem(c, 400, 'invalid_follow_up_code') as never;
    const followUp = await findFollowUp(c.get('db'), code);
    return followUp ? c.json(followUp, 200) : (problem(c, 404, 'follow_up_not_found') as never);
  });

  app.openapi(followUpLookupRoute, async (c) => {
    const { code: raw = '', lang } = c.req.valid('query');
    const code = normalizeFollowUpCode(raw);
    const language = lang ?? requestLocale(c);
    // An unknown or malformed code still goes to the page, which explains the problem in place.
    return c.redirect(followUpPath(code ?? encodeURIComponent(raw.trim() || '-'), language), 303) as never;
  });

  return app;
}
