/**
 * The staff JSON routes that are still plain Hono (threads, consultation authoring, and what
 * the workbench's own scripts call), described in the OpenAPI document from the zod schemas
 * their handlers validate with. Their guard is `requireStaff` with the permission named here;
 * tests/api/staff/openapi-staff.test.ts calls every documented operation as every role, so a
 * description that drifts from its route fails there.
 */
import { InputText } from '../../shared/contracts/input-text.ts';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { ConsultationInput, CreateInput, OutcomeInput } from '../services/consultation-authoring.ts';
import { documentStaffRoute, IdParam, problemContent, STAFF_TAGS } from './kit/openapi.ts';
import { ImageChange, ImagePosition, ImageUpload } from './consultations/routes.ts';
import { DescriptionBody, ImportBody, ImportResult } from './threads/routes.ts';
import { ReadabilityRequest } from './webcare/routes.ts';

const json = (schema: z.ZodType) => ({ 'application/json': { schema } });
const body = (schema: z.ZodType) => ({ required: true, content: json(schema) });
const ok = (description: string) => ({ 200: { description, content: json(z.unknown()) } });
const refusals = {
  404: { description: 'Not found', content: problemContent },
  409: { description: 'Stale version, or not possible in this state', content: problemContent },
  422: { description: 'Invalid input', content: problemContent },
};
const SlugParam = z.object({ slug: InputText.regex(/^[a-z0-9-]{1,80}$/) });
const Versioned = <T extends z.ZodObject>(schema: T) => schema.extend({ version: z.number().int().min(1) });

export function documentExistingStaffApi(registry: OpenAPIHono['openAPIRegistry']): void {
  const threads = [STAFF_TAGS.threads.name];
  documentStaffRoute(registry, 'threads.import', {
    method: 'get',
    path: '/api/staff/threads',
    tags: threads,
    summary: "The organisation's mirrored threads with their sync state and post counts",
    responses: ok('The threads'),
  });
  documentStaffRoute(registry, 'threads.import', {
    method: 'post',
    path: '/api/staff/threads',
    tags: threads,
    summary: "Import a thread from a post's address or the platform's JSON (up to 2 MB)",
    description:
      '`publish: true` publishes the replies screening did not flag, a decision: it also needs `queue.decide`. ' +
      'Replies to an announcement posted by hand on X, Facebook or Instagram reach its mirrored thread with ' +
      '`{payload, platform, rootId}`, `rootId` being the `externalId` that `POST /api/staff/announcements/{id}/copies` returned ' +
      '(a Facebook or Instagram comments file often does not name its post).',
    request: { body: body(ImportBody) },
    responses: {
      200: { description: 'Imported again', content: json(ImportResult) },
      201: { description: 'Imported', content: json(ImportResult) },
      ...refusals,
      413: { description: 'Larger than 2 MB', content: problemContent },
      502: { description: 'The platform could not be reached', content: problemContent },
      503: { description: 'The platform asks to wait (Retry-After)', content: problemContent },
    },
  });
  documentStaffRoute(registry, 'threads.import', {
    method: 'post',
    path: '/api/staff/threads/{id}/sync',
    tags: threads,
    summary: 'Read the thread from its platform again now',
    request: { params: IdParam },
    responses: { ...ok('Synced or removed at the source'), ...refusals },
  });
  documentStaffRoute(registry, 'threads.manage', {
    method: 'delete',
    path: '/api/staff/threads/{id}',
    tags: threads,
    summary: 'Remove the thread with its posts, replies and descriptions',
    request: { params: IdParam },
    responses: { ...ok('Removed'), 404: refusals[404] },
  });
  documentStaffRoute(registry, 'threads.manage', {
    method: 'put',
    path: '/api/staff/threads/{id}/media-descriptions',
    tags: threads,
    summary: "The municipality's description of an image or video in a post",
    request: { params: IdParam, body: body(DescriptionBody) },
    responses: { ...ok('Saved'), ...refusals },
  });

  const consultations = [STAFF_TAGS.consultations.name];
  documentStaffRoute(registry, 'consultations.manage', {
    method: 'get',
    path: '/api/staff/consultations',
    tags: consultations,
    summary: "The organisation's consultations with their stage",
    responses: ok('The consultations'),
  });
  documentStaffRoute(registry, 'consultations.manage', {
    method: 'post',
    path: '/api/staff/consultations',
    tags: consultations,
    summary: 'A new draft (never public until it is opened)',
    request: { body: body(CreateInput) },
    responses: { 201: { description: 'The draft', content: json(z.unknown()) }, ...refusals },
  });
  documentStaffRoute(registry, 'consultations.manage', {
    method: 'get',
    path: '/api/staff/consultations/{slug}',
    tags: consultations,
    summary: 'Texts, settings, questions, version, stage, input count and revisions',
    request: { params: SlugParam },
    responses: { ...ok('The consultation'), 404: refusals[404] },
  });
  documentStaffRoute(registry, 'consultations.manage', {
    method: 'put',
    path: '/api/staff/consultations/{slug}',
    tags: consultations,
    summary: 'Save the whole consultation on the version you saw',
    description: 'Refused with 409 when stale or when it would break input already given.',
    request: { params: SlugParam, body: body(Versioned(ConsultationInput)) },
    responses: { ...ok('Saved'), ...refusals },
  });
  documentStaffRoute(registry, 'consultations.manage', {
    method: 'post',
    path: '/api/staff/consultations/{slug}/stage',
    tags: consultations,
    summary: 'A lifecycle step: schedule, open, close or back to draft',
    request: {
      params: SlugParam,
      body: body(z.object({ step: z.enum(['schedule', 'open', 'close', 'unschedule']), version: z.number().int() })),
    },
    responses: { ...ok('Done'), ...refusals },
  });
  documentStaffRoute(registry, 'consultations.manage', {
    method: 'put',
    path: '/api/staff/consultations/{slug}/outcome',
    tags: consultations,
    summary: 'Publish the outcome after closing (mails residents who asked)',
    request: { params: SlugParam, body: body(Versioned(OutcomeInput)) },
    responses: { ...ok('Published'), ...refusals },
  });
  const ImageParams = SlugParam.extend({ id: z.uuid() });
  const imageRefusals = { ...refusals, 413: { description: 'Body too large', content: problemContent } };
  documentStaffRoute(registry, 'consultations.manage', {
    method: 'post',
    path: '/api/staff/consultations/{slug}/images',
    tags: consultations,
    summary: 'Add an image with its alternative text in Dutch and English',
    description:
      'The type is read from the bytes (PNG, JPEG or WebP), not from `fileName`; up to 2 MB. The alternative text may not be the file name. Served at the returned `url` once the consultation is public.',
    request: { params: SlugParam, body: body(Versioned(ImageUpload)) },
    responses: { 201: { description: 'Added', content: json(z.unknown()) }, ...imageRefusals },
  });
  documentStaffRoute(registry, 'consultations.manage', {
    method: 'put',
    path: '/api/staff/consultations/{slug}/images/{id}',
    tags: consultations,
    summary: "An image's alternative text and caption; with `fileName` and `content`, a new file in its place",
    request: { params: ImageParams, body: body(Versioned(ImageChange as unknown as z.ZodObject)) },
    responses: { ...ok('Saved'), ...imageRefusals },
  });
  documentStaffRoute(registry, 'consultations.manage', {
    method: 'put',
    path: '/api/staff/consultations/{slug}/images/{id}/position',
    tags: consultations,
    summary: 'Move an image to a place (1 is first)',
    request: { params: ImageParams, body: body(Versioned(ImagePosition)) },
    responses: { ...ok('Moved'), ...refusals },
  });
  documentStaffRoute(registry, 'consultations.manage', {
    method: 'delete',
    path: '/api/staff/consultations/{slug}/images/{id}',
    tags: consultations,
    summary: 'Remove an image',
    request: {
      params: ImageParams,
      query: z.object({ version: InputText.regex(/^\d{1,9}$/).describe('The version you saw') }),
    },
    responses: { ...ok('Removed'), ...refusals },
  });

  const workbench = [STAFF_TAGS.workbench.name];
  documentStaffRoute(registry, 'queue.read', {
    method: 'get',
    path: '/api/staff/inbox/new',
    tags: workbench,
    summary: 'How many items arrived in a list since a moment (what the inbox polls)',
    request: {
      query: z.object({
        since: InputText.regex(/^\d{1,20}$/).openapi({ description: 'Microseconds since 1970' }),
      }),
    },
    responses: { ...ok('`{count, text}`'), 400: { description: 'No valid `since`', content: problemContent } },
  });
  documentStaffRoute(registry, 'queue.read', {
    method: 'post',
    path: '/api/staff/items/{id}/presence',
    tags: workbench,
    summary: 'A heartbeat: I have this item open; who else has?',
    request: { params: IdParam },
    responses: ok('The others with the item open'),
  });
  documentStaffRoute(registry, 'queue.read', {
    method: 'post',
    path: '/api/staff/items/{id}/presence/leave',
    tags: workbench,
    summary: 'I closed this item',
    request: { params: IdParam },
    responses: { 204: { description: 'Gone' } },
  });
  documentStaffRoute(registry, 'queue.read', {
    method: 'post',
    path: '/api/staff/readability',
    tags: workbench,
    summary: 'The readability hint (B1) for a text',
    request: { body: body(ReadabilityRequest) },
    responses: { ...ok('The score and its words'), 400: { description: 'Invalid input', content: problemContent } },
  });
}
