/**
 * Consultation authoring on the staff workbench (permission `consultations.manage`): the
 * list, a new draft, the edit page with its question builder and preview, the lifecycle
 * steps and the outcome, as pages that work without JavaScript; and the same as a JSON API
 * under /api/staff/consultations. The rules live in services/consultation-authoring.ts.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { InputText } from '../../../shared/contracts/input-text.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { departments, topics } from '../../db/schema.ts';
import { fieldErrorsFromZod, problem, invalidFields } from '../../http/problem.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import {
  ConsultationInput,
  CreateInput,
  OutcomeInput,
  createConsultation,
  findForAuthoring,
  listForAuthoring,
  publishOutcome,
  saveConsultation,
  transitionConsultation,
  type AuthoredConsultation,
  type InputBreak,
  type Stale,
  type Transition,
} from '../../services/consultation-authoring.ts';
import {
  addImage,
  ImageTextsInput,
  moveImage,
  removeImage,
  staffImage,
  updateImage,
  type ImageProblem,
  type ImageResult,
  type UploadedFile,
} from '../../services/consultation-images.ts';
import { publicImageUrl } from '../../services/consultations.ts';
import { actorOf } from '../kit/actor.ts';
import type { FieldError } from '../kit/components.ts';
import {
  field,
  notFound,
  pageSession,
  requireStaff,
  staffForm,
  staffPage,
  type FormBody,
  type StaffEnv,
} from '../kit/guards.ts';
import {
  applyBuilderAction,
  fieldIdOf,
  formOf,
  fromLocalInput,
  inputOfForm,
  problemFieldId,
  readEditForm,
  type BuilderStep,
  type EditForm,
} from './form.ts';
import { authoringPaths } from './paths.ts';
import * as texts from './texts.ts';
import {
  previewConsultation,
  renderAuthoringList,
  renderCreatePage,
  renderEditPage,
  renderOutcomePage,
  imageFieldId,
  type CreateForm,
  type ImageFormValues,
  type OutcomeForm,
} from './view.ts';

type Texts = typeof texts.nl;
const PERMISSION = 'consultations.manage';
const Version = z.coerce.number().int().min(1);
const SlugParam = InputText.regex(/^[a-z0-9-]{1,80}$/);
const TRANSITION = z.enum(['schedule', 'open', 'close', 'unschedule']);

/** A file for the JSON API: its name (an alternative text may not repeat it) and its bytes in base64. */
const ImageFile = z.object({
  fileName: InputText.trim().min(1).max(255),
  content: z.base64().min(1).describe('The file, base64; PNG, JPEG or WebP (read from the bytes), up to 2 MB'),
});
export const ImageUpload = ImageTextsInput.extend(ImageFile.shape);
/** New texts, and a new file in the image's place when `fileName` and `content` are sent. */
export const ImageChange = ImageTextsInput.extend(ImageFile.partial().shape).refine(
  (input) => (input.fileName === undefined) === (input.content === undefined),
  { message: 'fileName and content go together', path: ['content'] },
);
export const ImagePosition = z.object({ position: z.number().int().min(1).max(10) });

async function topicChoices(c: Context<StaffEnv>, session: ActiveSession) {
  return c
    .get('db')
    .select({ slug: topics.slug, title: topics.title })
    .from(topics)
    .where(eq(topics.organisationId, session.user.organisationId))
    .orderBy(asc(topics.position), asc(topics.slug));
}

async function departmentOf(c: Context<StaffEnv>, found: AuthoredConsultation) {
  if (!found.row.departmentId) return null;
  const [row] = await c
    .get('db')
    .select({ name: departments.name })
    .from(departments)
    .where(and(eq(departments.id, found.row.departmentId)))
    .limit(1);
  return row?.name ?? null;
}

/** The words for zod's issues on the edit form. */
function editErrors(issues: ReadonlyArray<z.core.$ZodIssue>, form: EditForm, m: Texts): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const id = fieldIdOf(issue.path, form);
    if (errors.some((e) => e.field === id)) continue;
    const head = String(issue.path[0] ?? '');
    const message =
      head === 'opensAt' || head === 'closesAt'
        ? m.errors.date
        : head === 'topic'
          ? m.errors.topic
          : issue.code === 'too_big' && typeof issue.input !== 'string'
            ? m.errors.tooMany
            : issue.code === 'too_big'
              ? m.errors.text
              : issue.path.includes('options')
                ? m.errors.option
                : m.errors.number;
    errors.push({ field: id, message });
  }
  return errors;
}

function breakErrors(breaks: readonly InputBreak[], form: EditForm, m: Texts): FieldError[] {
  return breaks.map((b) => {
    const index = form.questions.findIndex((q) => q.key === b.key);
    const reason = m.errors.breaks[b.reason];
    const message = typeof reason === 'function' ? reason(b.detail ?? '') : reason;
    // A removed question has no field left: the message goes to the button that adds one.
    return { field: index >= 0 ? `q${index}-prompt-nl` : 'add-kind', message: `${b.key}: ${message}` };
  });
}

function readyErrors(problems: readonly string[], form: EditForm, m: Texts): FieldError[] {
  return problems.map((p) => ({
    field: problemFieldId(p, form),
    message:
      p === 'closesAt'
        ? m.errors.closesAt
        : p === 'questions'
          ? m.errors.questions
          : p.startsWith('questions.')
            ? m.errors.question
            : m.errors.required,
  }));
}

/** Field names as staff know them, for "changed by a colleague". */
function fieldNames(names: readonly string[], m: Texts): string {
  const labels = new Map<string, string>(
    Object.entries({
      ...m.edit.fields,
      questions: m.edit.questionsHeading,
      phases: m.edit.phasesHeading,
      opensAt: m.edit.opensAt,
      closesAt: m.edit.closesAt,
      moderation: m.edit.moderation,
      responseDays: m.edit.responseDays,
      topic: m.edit.topic,
      status: m.lifecycle.heading,
    }),
  );
  return names.map((n) => labels.get(n) ?? n).join(', ');
}

function builderStatus(step: BuilderStep, m: Texts): string {
  switch (step.kind) {
    case 'moved':
      return m.edit.moved(step.from, step.to);
    case 'added':
      return m.edit.added(step.n);
    case 'removed':
      return m.edit.removed(step.n);
    case 'option_added':
      return m.edit.optionAdded;
    case 'option_removed':
      return m.edit.optionRemoved;
    case 'phase_added':
      return m.edit.phaseAdded;
    case 'phase_removed':
      return m.edit.phaseRemoved;
  }
}

export function consultationAuthoringRoutes(): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  async function editPage(
    c: Context<StaffEnv>,
    lang: Locale,
    session: ActiveSession,
    found: AuthoredConsultation,
    extra: {
      form?: EditForm;
      version?: number;
      errors?: FieldError[];
      status?: string | undefined;
      unsaved?: boolean;
      focus?: string | undefined;
      stale?: Stale;
      stageProblems?: string[];
      imageForm?: { key: string; values: ImageFormValues };
    },
    code: 200 | 400 | 404 | 409 | 422 = 200,
  ) {
    const m = textsFor(texts, lang);
    const form = extra.form ?? formOf(found.input);
    const department = await departmentOf(c, found);
    const outcome = {
      outcome: found.row.outcome ?? null,
      outcomeReasons: found.row.outcomeReasons ?? null,
      outcomeThemes: found.row.outcomeThemes,
    };
    const preview = previewConsultation(
      { slug: found.row.slug, form, stage: found.stage, department, outcome, images: found.images },
      {
        opensAt: fromLocalInput(form.opensAt) ?? found.row.opensAt,
        closesAt: fromLocalInput(form.closesAt) ?? found.row.closesAt,
      },
    );
    return c.html(
      renderEditPage({
        lang,
        session: pageSession(session),
        slug: found.row.slug,
        version: extra.version ?? found.row.version,
        stage: found.stage,
        form,
        errors: extra.errors ?? [],
        status: extra.status,
        unsaved: extra.unsaved ?? false,
        focus: extra.focus,
        stale: extra.stale,
        staleFieldNames: extra.stale ? fieldNames(extra.stale.changed, m) : undefined,
        inputCount: found.inputCount,
        topics: await topicChoices(c, session),
        revisions: found.revisions,
        department,
        outcome,
        stageProblems: extra.stageProblems,
        preview,
        images: found.images,
        imageForm: extra.imageForm,
      }),
      code,
    );
  }

  // ---- the list and a new draft ------------------------------------------------------------------
  for (const lang of ['nl', 'en'] as const) {
    app.get(authoringPaths.list(lang), async (c) => {
      const session = staffPage(c, lang, PERMISSION);
      if (session instanceof Response) return session;
      const rows = await listForAuthoring(c.get('db'), session.user.organisationId, c.get('now')());
      return c.html(renderAuthoringList({ lang, session: pageSession(session), rows }));
    });
    app.get(authoringPaths.create(lang), async (c) => {
      const session = staffPage(c, lang, PERMISSION);
      if (session instanceof Response) return session;
      const topicRows = await topicChoices(c, session);
      const form: CreateForm = { topic: topicRows[0]?.slug ?? '', slug: '', titleNl: '', titleEn: '' };
      return c.html(renderCreatePage({ lang, session: pageSession(session), topics: topicRows, form, errors: [] }));
    });
  }

  app.post(authoringPaths.createPost, async (c) => {
    const posted = await staffForm(c, PERMISSION);
    if (posted instanceof Response) return posted;
    const { body, lang, session } = posted;
    const m = textsFor(texts, lang);
    const form: CreateForm = {
      topic: field(body, 'topic') ?? '',
      slug: field(body, 'slug') ?? '',
      titleNl: field(body, 'titleNl') ?? '',
      titleEn: field(body, 'titleEn') ?? '',
    };
    const refuse = async (errors: FieldError[], code: 400 | 409) =>
      c.html(
        renderCreatePage({ lang, session: pageSession(session), topics: await topicChoices(c, session), form, errors }),
        code,
      );
    const parsed = CreateInput.safeParse({
      topic: form.topic,
      slug: form.slug,
      title: { nl: form.titleNl, en: form.titleEn },
    });
    if (!parsed.success) {
      const errors: FieldError[] = [];
      for (const issue of parsed.error.issues) {
        const head = String(issue.path[0]);
        const id = head === 'title' ? (issue.path[1] === 'en' ? 'titleEn' : 'titleNl') : head;
        if (errors.some((e) => e.field === id)) continue;
        const message =
          id === 'topic'
            ? m.create.errors.topic
            : id === 'slug'
              ? m.create.errors.slug
              : id === 'titleEn'
                ? m.create.errors.titleEn
                : m.create.errors.titleNl;
        errors.push({ field: id, message });
      }
      return refuse(errors, 400);
    }
    const result = await createConsultation(c.get('db'), {
      actor: actorOf(session),
      input: parsed.data,
      now: c.get('now')(),
    });
    if (result.kind === 'unknown_topic') return refuse([{ field: 'topic', message: m.create.errors.topic }], 400);
    if (result.kind === 'slug_taken') return refuse([{ field: 'slug', message: m.create.errors.slugTaken }], 409);
    return c.redirect(`${authoringPaths.edit(lang, result.slug)}?klaar=nieuw`, 303);
  });

  // ---- the edit page -------------------------------------------------------------------------------
  for (const lang of ['nl', 'en'] as const) {
    app.get(authoringPaths.edit(lang, ':slug'), async (c) => {
      const session = staffPage(c, lang, PERMISSION);
      if (session instanceof Response) return session;
      const slug = c.req.param('slug') ?? '';
      if (!SlugParam.safeParse(slug).success) return notFound(c, lang, session);
      const found = await findForAuthoring(c.get('db'), session.user.organisationId, slug, c.get('now')());
      if (!found) return notFound(c, lang, session);
      const m = textsFor(texts, lang);
      const query = c.req.query();
      const status =
        query.klaar === 'nieuw'
          ? m.edit.created
          : query.klaar === 'opgeslagen'
            ? m.edit.saved(found.row.version)
            : query.klaar === 'fase'
              ? m.lifecycle.done(m.stages[found.stage])
              : imageDone(query.klaar)
                ? m.images[imageDone(query.klaar)!](found.row.version)
                : undefined;
      // After a move, focus returns to the moved image's button, so a keyboard user keeps their place.
      const focus = /^image-[0-9a-f-]{36}-(?:up|down)$/.test(query.focus ?? '') ? query.focus : undefined;
      return editPage(c, lang, session, found, { status, focus });
    });
  }

  app.post(authoringPaths.savePost(':slug'), async (c) => {
    const posted = await staffForm(c, PERMISSION);
    if (posted instanceof Response) return posted;
    const { body, lang, session } = posted;
    const m = textsFor(texts, lang);
    const slug = c.req.param('slug') ?? '';
    if (!SlugParam.safeParse(slug).success) return notFound(c, lang, session);
    const now = c.get('now')();
    const found = await findForAuthoring(c.get('db'), session.user.organisationId, slug, now);
    if (!found) return notFound(c, lang, session);
    const form = readEditForm(body);
    const version = Version.safeParse(field(body, 'version'));
    const seen = version.success ? version.data : found.row.version;
    const action = field(body, 'action') ?? 'save';

    // The builder's buttons rearrange the form and show it again; nothing is saved yet.
    const step = applyBuilderAction(form, action, field(body, 'add-kind'));
    if (step)
      return editPage(c, lang, session, found, {
        form,
        version: seen,
        status: builderStatus(step, m),
        unsaved: true,
        focus: step.focus,
      });

    const parsed = ConsultationInput.safeParse(inputOfForm(form));
    if (!parsed.success) {
      return editPage(
        c,
        lang,
        session,
        found,
        { form, version: seen, errors: editErrors(parsed.error.issues, form, m) },
        400,
      );
    }
    if (action === 'preview') return editPage(c, lang, session, found, { form, version: seen, unsaved: true });
    // A save names the version it was made on; without one the stale check could not work.
    if (!version.success)
      return editPage(
        c,
        lang,
        session,
        found,
        { form, version: seen, status: m.stale.unknownVersion, unsaved: true },
        400,
      );

    const result = await saveConsultation(c.get('db'), {
      actor: actorOf(session),
      slug,
      version: seen,
      input: parsed.data,
      now,
    });
    switch (result.kind) {
      case 'saved':
        return c.redirect(`${authoringPaths.edit(lang, slug)}?klaar=opgeslagen`, 303);
      case 'not_found':
        return notFound(c, lang, session);
      case 'unknown_topic':
        return editPage(
          c,
          lang,
          session,
          found,
          { form, version: seen, errors: [{ field: 'topic', message: m.errors.topic }] },
          400,
        );
      case 'not_ready':
        return editPage(
          c,
          lang,
          session,
          found,
          { form, version: seen, errors: readyErrors(result.problems, form, m) },
          422,
        );
      case 'breaks_input':
        return editPage(
          c,
          lang,
          session,
          found,
          { form, version: seen, errors: breakErrors(result.breaks, form, m) },
          409,
        );
      case 'stale': {
        // Nothing typed is lost: the form comes back as sent, now on the current version.
        const fresh = (await findForAuthoring(c.get('db'), session.user.organisationId, slug, now)) ?? found;
        return editPage(c, lang, session, fresh, { form, version: result.version, stale: result }, 409);
      }
    }
  });

  // ---- images -------------------------------------------------------------------------------------
  app.get(authoringPaths.image(':slug', ':id'), async (c) => {
    const session = staffPage(c, 'nl', PERMISSION);
    if (session instanceof Response) return session;
    const slug = c.req.param('slug') ?? '';
    const id = c.req.param('id') ?? '';
    const image =
      SlugParam.safeParse(slug).success && z.uuid().safeParse(id).success
        ? await staffImage(c.get('db'), session.user.organisationId, slug, id)
        : undefined;
    if (!image) return notFound(c, 'nl', session);
    return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': image.mime,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    });
  });

  app.post(authoringPaths.imagesPost(':slug'), async (c) => {
    const posted = await staffForm(c, PERMISSION);
    if (posted instanceof Response) return posted;
    const { body, lang, session } = posted;
    const m = textsFor(texts, lang);
    const slug = c.req.param('slug') ?? '';
    if (!SlugParam.safeParse(slug).success) return notFound(c, lang, session);
    const now = c.get('now')();
    const db = c.get('db');
    const found = await findForAuthoring(db, session.user.organisationId, slug, now);
    if (!found) return notFound(c, lang, session);
    const key = field(body, 'image') ?? 'new';
    if (key !== 'new' && !z.uuid().safeParse(key).success) return notFound(c, lang, session);
    const action = field(body, 'action') ?? (key === 'new' ? 'add' : 'save');
    const version = Version.safeParse(field(body, 'version'));
    const seen = version.success ? version.data : found.row.version;
    const values: ImageFormValues = {
      altNl: field(body, imageFieldId(key, 'alt-nl')) ?? '',
      altEn: field(body, imageFieldId(key, 'alt-en')) ?? '',
      captionNl: field(body, imageFieldId(key, 'caption-nl')) ?? '',
      captionEn: field(body, imageFieldId(key, 'caption-en')) ?? '',
    };
    const file = await uploadedFile(body, imageFieldId(key, 'file'));
    const params = { actor: actorOf(session), slug, version: seen, now };
    // Refused: the page again with what was typed, the file to be chosen again.
    const refuse = (errors: FieldError[], code: 400 | 404 | 409 | 422, extra: { stale?: Stale } = {}) =>
      editPage(c, lang, session, found, { version: seen, errors, imageForm: { key, values }, ...extra }, code);

    if (!version.success)
      return editPage(
        c,
        lang,
        session,
        found,
        { version: seen, status: m.stale.unknownVersion, imageForm: { key, values } },
        400,
      );
    let result: ImageResult;
    if (key !== 'new' && (action === 'remove' || action === 'up' || action === 'down')) {
      const index = found.images.findIndex((image) => image.id === key);
      result =
        action === 'remove'
          ? await removeImage(db, { ...params, id: key })
          : await moveImage(db, { ...params, id: key, position: index + 1 + (action === 'up' ? -1 : 1) });
    } else {
      const parsed = ImageTextsInput.safeParse({
        alt: { nl: values.altNl, en: values.altEn },
        caption: { nl: values.captionNl, en: values.captionEn },
      });
      if (!parsed.success) {
        const errors: FieldError[] = [];
        for (const issue of parsed.error.issues) {
          const [head, language] = issue.path.map(String);
          const id = imageFieldId(key, `${head === 'alt' ? 'alt' : 'caption'}-${language === 'en' ? 'en' : 'nl'}`);
          if (!errors.some((e) => e.field === id)) errors.push({ field: id, message: m.images.errors.text });
        }
        if (file) errors.push({ field: imageFieldId(key, 'file'), message: m.images.errors.chooseAgain });
        return refuse(errors, 400);
      }
      result =
        key === 'new'
          ? await addImage(db, { ...params, file, texts: parsed.data })
          : await updateImage(db, { ...params, id: key, file, texts: parsed.data });
    }
    switch (result.kind) {
      case 'done': {
        const done =
          action === 'add'
            ? 'toegevoegd'
            : action === 'remove'
              ? 'verwijderd'
              : action === 'save'
                ? 'opgeslagen'
                : 'verplaatst';
        // Focus stays on the moved image: on the same button, or the other one at either end.
        const from = found.images.findIndex((image) => image.id === key);
        const to = from + (action === 'up' ? -1 : 1);
        const button = to <= 0 ? 'down' : to >= found.images.length - 1 ? 'up' : action;
        const focus = action === 'up' || action === 'down' ? `&focus=image-${key}-${button}` : '';
        return c.redirect(`${authoringPaths.edit(lang, slug)}?klaar=afbeelding-${done}${focus}`, 303);
      }
      case 'not_found':
        return notFound(c, lang, session);
      case 'image_not_found':
        return editPage(c, lang, session, found, { status: m.images.gone }, 409);
      case 'invalid': {
        const errors = imageErrors(result.problems, key, m);
        if (file && !errors.some((e) => e.field === imageFieldId(key, 'file')))
          errors.unshift({ field: imageFieldId(key, 'file'), message: m.images.errors.chooseAgain });
        return refuse(errors, 422);
      }
      case 'stale': {
        const fresh = (await findForAuthoring(db, session.user.organisationId, slug, now)) ?? found;
        const errors = file ? [{ field: imageFieldId(key, 'file'), message: m.images.errors.chooseAgain }] : [];
        return editPage(
          c,
          lang,
          session,
          fresh,
          { version: result.version, stale: result, errors, imageForm: { key, values } },
          409,
        );
      }
    }
  });

  // ---- lifecycle ----------------------------------------------------------------------------------
  app.post(authoringPaths.stagePost(':slug'), async (c) => {
    const posted = await staffForm(c, PERMISSION);
    if (posted instanceof Response) return posted;
    const { body, lang, session } = posted;
    const m = textsFor(texts, lang);
    const slug = c.req.param('slug') ?? '';
    if (!SlugParam.safeParse(slug).success) return notFound(c, lang, session);
    const now = c.get('now')();
    const found = await findForAuthoring(c.get('db'), session.user.organisationId, slug, now);
    if (!found) return notFound(c, lang, session);
    const step = TRANSITION.safeParse(field(body, 'step'));
    const version = Version.safeParse(field(body, 'version'));
    if (!step.success || !version.success) {
      return editPage(c, lang, session, found, { status: m.lifecycle.notAllowed(m.stages[found.stage]) }, 400);
    }
    const result = await transitionConsultation(c.get('db'), {
      actor: actorOf(session),
      slug,
      version: version.data,
      transition: step.data,
      now,
    });
    switch (result.kind) {
      case 'done':
        return c.redirect(`${authoringPaths.edit(lang, slug)}?klaar=fase`, 303);
      case 'not_found':
        return notFound(c, lang, session);
      case 'not_allowed':
        return editPage(c, lang, session, found, { status: m.lifecycle.notAllowed(m.stages[result.stage]) }, 409);
      case 'opens_in_past':
        return editPage(c, lang, session, found, { stageProblems: [m.lifecycle.opensInPast] }, 422);
      case 'not_ready': {
        const form = formOf(found.input);
        const errors = readyErrors(result.problems, form, m);
        return editPage(
          c,
          lang,
          session,
          found,
          { errors, stageProblems: errors.map((e) => `${labelOfField(e.field, m)}: ${e.message}`) },
          422,
        );
      }
      case 'stale':
        return editPage(c, lang, session, found, { stale: result }, 409);
    }
  });

  // ---- outcome ------------------------------------------------------------------------------------
  for (const lang of ['nl', 'en'] as const) {
    app.get(authoringPaths.outcome(lang, ':slug'), async (c) => {
      const session = staffPage(c, lang, PERMISSION);
      if (session instanceof Response) return session;
      const slug = c.req.param('slug') ?? '';
      if (!SlugParam.safeParse(slug).success) return notFound(c, lang, session);
      const found = await findForAuthoring(c.get('db'), session.user.organisationId, slug, c.get('now')());
      if (!found) return notFound(c, lang, session);
      const m = textsFor(texts, lang);
      const mailed = Number(c.req.query('mails'));
      const status =
        c.req.query('klaar') === 'gepubliceerd' && Number.isInteger(mailed) ? m.outcome.published(mailed) : undefined;
      return c.html(
        renderOutcomePage({
          lang,
          session: pageSession(session),
          slug,
          title: found.row.title,
          version: found.row.version,
          form: outcomeFormOf(found),
          errors: [],
          status,
          closed: found.stage === 'closed' || found.stage === 'decided',
        }),
      );
    });
  }

  app.post(authoringPaths.outcomePost(':slug'), async (c) => {
    const posted = await staffForm(c, PERMISSION);
    if (posted instanceof Response) return posted;
    const { body, lang, session } = posted;
    const m = textsFor(texts, lang);
    const slug = c.req.param('slug') ?? '';
    if (!SlugParam.safeParse(slug).success) return notFound(c, lang, session);
    const now = c.get('now')();
    const found = await findForAuthoring(c.get('db'), session.user.organisationId, slug, now);
    if (!found) return notFound(c, lang, session);
    const form: OutcomeForm = {
      decidedNl: field(body, 'decidedNl') ?? '',
      decidedEn: field(body, 'decidedEn') ?? '',
      reasonsNl: field(body, 'reasonsNl') ?? '',
      reasonsEn: field(body, 'reasonsEn') ?? '',
      themes: field(body, 'themes') ?? '',
    };
    const version = Version.safeParse(field(body, 'version'));
    const page = (
      extra: { errors?: FieldError[]; stale?: Stale; version?: number; status?: string },
      code: 400 | 409,
    ) =>
      c.html(
        renderOutcomePage({
          lang,
          session: pageSession(session),
          slug,
          title: found.row.title,
          version: extra.version ?? (version.success ? version.data : found.row.version),
          form,
          errors: extra.errors ?? [],
          stale: extra.stale,
          status: extra.status,
          closed: found.stage === 'closed' || found.stage === 'decided',
        }),
        code,
      );
    const parsed = OutcomeInput.safeParse({
      outcome: { nl: form.decidedNl, en: form.decidedEn },
      reasons: { nl: form.reasonsNl, en: form.reasonsEn },
      themes: themesOf(form.themes),
    });
    if (!parsed.success) {
      const errors: FieldError[] = [];
      for (const issue of parsed.error.issues) {
        const [head, sub] = issue.path.map(String);
        const id =
          head === 'themes' ? 'themes' : `${head === 'outcome' ? 'decided' : 'reasons'}${sub === 'en' ? 'En' : 'Nl'}`;
        if (errors.some((e) => e.field === id)) continue;
        const message =
          id === 'themes'
            ? m.outcome.errors.themes
            : issue.code === 'too_big'
              ? m.outcome.errors.text
              : head === 'outcome'
                ? m.outcome.errors.decided
                : m.outcome.errors.reasons;
        errors.push({ field: id, message });
      }
      return page({ errors }, 400);
    }
    if (!version.success) return page({ status: m.stale.unknownVersion }, 400);
    const result = await publishOutcome(c.get('db'), {
      actor: actorOf(session),
      slug,
      version: version.data,
      input: parsed.data,
      now,
    });
    switch (result.kind) {
      case 'published':
        return c.redirect(`${authoringPaths.outcome(lang, slug)}?klaar=gepubliceerd&mails=${result.mailed}`, 303);
      case 'not_found':
        return notFound(c, lang, session);
      case 'not_allowed':
        return page({ errors: [{ field: 'decidedNl', message: m.outcome.notClosed }] }, 409);
      case 'stale':
        return page({ stale: result, version: result.version }, 409);
    }
  });

  // ---- the JSON API -------------------------------------------------------------------------------
  const api = new Hono<StaffEnv>();
  api.use('*', requireStaff(PERMISSION));
  const sessionOf = (c: Context<StaffEnv>) => c.get('session')!;
  const view = (found: AuthoredConsultation) => ({
    slug: found.row.slug,
    version: found.row.version,
    stage: found.stage,
    inputCount: found.inputCount,
    ...found.input,
    opensAt: found.input.opensAt.toISOString(),
    closesAt: found.input.closesAt.toISOString(),
    outcome: found.row.outcome ?? null,
    outcomeReasons: found.row.outcomeReasons ?? null,
    outcomeThemes: found.row.outcomeThemes,
    revisions: found.revisions,
    images: found.images.map((image) => ({
      id: image.id,
      // Served there once the consultation is public; the preview address works for staff always.
      url: publicImageUrl(image),
      previewUrl: authoringPaths.image(found.row.slug, image.id),
      mime: image.mime,
      size: image.size,
      width: image.width,
      height: image.height,
      fileName: image.fileName,
      alt: image.alt,
      caption: image.caption,
    })),
  });
  const readJson = async (c: Context<StaffEnv>) => c.req.json().catch(() => undefined);

  api.get('/', async (c) => {
    const rows = await listForAuthoring(c.get('db'), sessionOf(c).user.organisationId, c.get('now')());
    return c.json({
      consultations: rows.map((r) => ({
        slug: r.slug,
        title: r.title,
        stage: r.stage,
        opensAt: r.opensAt,
        closesAt: r.closesAt,
      })),
    });
  });

  api.post('/', async (c) => {
    const parsed = CreateInput.safeParse(await readJson(c));
    if (!parsed.success) return invalidFields(c, fieldErrorsFromZod(parsed.error));
    const session = sessionOf(c);
    const result = await createConsultation(c.get('db'), {
      actor: actorOf(session),
      input: parsed.data,
      now: c.get('now')(),
    });
    if (result.kind === 'unknown_topic') return problem(c, 422, 'consultation_unknown_topic');
    if (result.kind === 'slug_taken') return problem(c, 409, 'consultation_slug_taken');
    const found = await findForAuthoring(c.get('db'), session.user.organisationId, result.slug, c.get('now')());
    return c.json(view(found!), 201);
  });

  api.get('/:slug', async (c) => {
    const slug = c.req.param('slug') ?? '';
    const found = SlugParam.safeParse(slug).success
      ? await findForAuthoring(c.get('db'), sessionOf(c).user.organisationId, slug, c.get('now')())
      : undefined;
    if (!found) return problem(c, 404, 'consultation_not_found');
    return c.json(view(found));
  });

  /**
   * The edge of the two JSON saves (`PUT /:slug`, `PUT /:slug/outcome`): the consultation's
   * address, the version the caller saw and the body by its schema, or the problem to answer.
   */
  async function readVersioned<T>(
    c: Context<StaffEnv>,
    schema: z.ZodType<T>,
  ): Promise<{ slug: string; version: number; input: T } | Response> {
    const slug = c.req.param('slug') ?? '';
    if (!SlugParam.safeParse(slug).success) return problem(c, 404, 'consultation_not_found');
    const json = (await readJson(c)) as Record<string, unknown> | undefined;
    const version = Version.safeParse(json?.version);
    const parsed = schema.safeParse(json);
    if (!parsed.success || !version.success) {
      const errors = [
        ...(version.success ? [] : [{ field: 'version', code: 'invalid_type' as const }]),
        ...(parsed.success ? [] : fieldErrorsFromZod(parsed.error)),
      ];
      return problem(c, 422, 'validation_failed', { detail: 'validation_detail', errors });
    }
    return { slug, version: version.data, input: parsed.data };
  }

  const staleProblem = (c: Context<StaffEnv>, stale: Stale) =>
    problem(c, 409, 'consultation_stale', {
      detail: 'consultation_stale_detail',
      detailParams: { version: stale.version, fields: stale.changed.join(', ') || '-' },
    });

  api.put('/:slug', async (c) => {
    const read = await readVersioned(c, ConsultationInput);
    if (read instanceof Response) return read;
    const { slug, version, input } = read;
    const session = sessionOf(c);
    const now = c.get('now')();
    const result = await saveConsultation(c.get('db'), {
      actor: actorOf(session),
      slug,
      version,
      input,
      now,
    });
    switch (result.kind) {
      case 'saved': {
        const found = await findForAuthoring(c.get('db'), session.user.organisationId, slug, now);
        return c.json(view(found!));
      }
      case 'not_found':
        return problem(c, 404, 'consultation_not_found');
      case 'unknown_topic':
        return problem(c, 422, 'consultation_unknown_topic');
      case 'not_ready':
        return problem(c, 422, 'consultation_not_ready', {
          errors: result.problems.map((p) => ({ field: p, code: 'consultation_not_ready_field' as const })),
        });
      case 'breaks_input':
        return problem(c, 409, 'consultation_breaks_input', {
          errors: result.breaks.map((b) => ({
            field: `questions.${b.key}`,
            code: 'consultation_question_changed' as const,
          })),
        });
      case 'stale':
        return staleProblem(c, result);
    }
  });

  api.post('/:slug/stage', async (c) => {
    const slug = c.req.param('slug') ?? '';
    if (!SlugParam.safeParse(slug).success) return problem(c, 404, 'consultation_not_found');
    const parsed = z.object({ step: TRANSITION, version: Version }).safeParse(await readJson(c));
    if (!parsed.success) return invalidFields(c, fieldErrorsFromZod(parsed.error));
    const session = sessionOf(c);
    const now = c.get('now')();
    const result = await transitionConsultation(c.get('db'), {
      actor: actorOf(session),
      slug,
      version: parsed.data.version,
      transition: parsed.data.step as Transition,
      now,
    });
    switch (result.kind) {
      case 'done': {
        const found = await findForAuthoring(c.get('db'), session.user.organisationId, slug, now);
        return c.json(view(found!));
      }
      case 'not_found':
        return problem(c, 404, 'consultation_not_found');
      case 'not_allowed':
        return problem(c, 409, 'consultation_stage_not_allowed');
      case 'opens_in_past':
        return problem(c, 422, 'consultation_opens_in_past');
      case 'not_ready':
        return problem(c, 422, 'consultation_not_ready', {
          errors: result.problems.map((p) => ({ field: p, code: 'consultation_not_ready_field' as const })),
        });
      case 'stale':
        return staleProblem(c, result);
    }
  });

  api.put('/:slug/outcome', async (c) => {
    const read = await readVersioned(c, OutcomeInput);
    if (read instanceof Response) return read;
    const { slug, version, input } = read;
    const session = sessionOf(c);
    const now = c.get('now')();
    const result = await publishOutcome(c.get('db'), {
      actor: actorOf(session),
      slug,
      version,
      input,
      now,
    });
    switch (result.kind) {
      case 'published': {
        const found = await findForAuthoring(c.get('db'), session.user.organisationId, slug, now);
        return c.json({ ...view(found!), mailed: result.mailed });
      }
      case 'not_found':
        return problem(c, 404, 'consultation_not_found');
      case 'not_allowed':
        return problem(c, 409, 'consultation_stage_not_allowed');
      case 'stale':
        return staleProblem(c, result);
    }
  });

  // Images: the file as base64 in JSON, so a script needs no multipart.
  const imageResult = async (c: Context<StaffEnv>, slug: string, result: ImageResult, created = false) => {
    switch (result.kind) {
      case 'done': {
        const found = await findForAuthoring(c.get('db'), sessionOf(c).user.organisationId, slug, c.get('now')());
        return c.json({ ...view(found!), image: result.id }, created ? 201 : 200);
      }
      case 'not_found':
        return problem(c, 404, 'consultation_not_found');
      case 'image_not_found':
        return problem(c, 404, 'consultation_image_not_found');
      case 'invalid':
        return problem(c, 422, 'consultation_image_invalid', {
          errors: result.problems.map((p) => ({ field: p.field, code: `image_${p.code}` as const })),
        });
      case 'stale':
        return staleProblem(c, result);
    }
  };
  const fileOf = (input: { fileName?: string | undefined; content?: string | undefined }) =>
    input.fileName !== undefined && input.content !== undefined
      ? { name: input.fileName, bytes: new Uint8Array(Buffer.from(input.content, 'base64')) }
      : undefined;
  const imagePath = (c: Context<StaffEnv>) => {
    const slug = c.req.param('slug') ?? '';
    const id = c.req.param('id') ?? '';
    return SlugParam.safeParse(slug).success ? { slug, id: z.uuid().safeParse(id).success ? id : null } : null;
  };

  api.post('/:slug/images', async (c) => {
    const read = await readVersioned(c, ImageUpload);
    if (read instanceof Response) return read;
    const result = await addImage(c.get('db'), {
      actor: actorOf(sessionOf(c)),
      slug: read.slug,
      version: read.version,
      now: c.get('now')(),
      file: fileOf(read.input),
      texts: read.input,
    });
    return imageResult(c, read.slug, result, true);
  });

  api.put('/:slug/images/:id', async (c) => {
    const read = await readVersioned(c, ImageChange);
    if (read instanceof Response) return read;
    const id = imagePath(c)?.id;
    if (!id) return problem(c, 404, 'consultation_image_not_found');
    const result = await updateImage(c.get('db'), {
      actor: actorOf(sessionOf(c)),
      slug: read.slug,
      version: read.version,
      now: c.get('now')(),
      id,
      file: fileOf(read.input),
      texts: read.input,
    });
    return imageResult(c, read.slug, result);
  });

  api.put('/:slug/images/:id/position', async (c) => {
    const read = await readVersioned(c, ImagePosition);
    if (read instanceof Response) return read;
    const id = imagePath(c)?.id;
    if (!id) return problem(c, 404, 'consultation_image_not_found');
    const result = await moveImage(c.get('db'), {
      actor: actorOf(sessionOf(c)),
      slug: read.slug,
      version: read.version,
      now: c.get('now')(),
      id,
      position: read.input.position,
    });
    return imageResult(c, read.slug, result);
  });

  api.delete('/:slug/images/:id', async (c) => {
    const path = imagePath(c);
    if (!path) return problem(c, 404, 'consultation_not_found');
    const version = Version.safeParse(c.req.query('version'));
    if (!version.success) return invalidFields(c, [{ field: 'version', code: 'invalid_type' }]);
    if (!path.id) return problem(c, 404, 'consultation_image_not_found');
    const result = await removeImage(c.get('db'), {
      actor: actorOf(sessionOf(c)),
      slug: path.slug,
      version: version.data,
      now: c.get('now')(),
      id: path.id,
    });
    return imageResult(c, path.slug, result);
  });

  app.route(authoringPaths.api.list, api);
  return app;
}

/** `?klaar=` after an image change, and the status line it gives. */
const IMAGE_DONE = new Map([
  ['afbeelding-toegevoegd', 'added'],
  ['afbeelding-opgeslagen', 'saved'],
  ['afbeelding-verplaatst', 'moved'],
  ['afbeelding-verwijderd', 'removed'],
] as const);
const imageDone = (klaar: string | undefined) => IMAGE_DONE.get(klaar as never);

/** The file of a form's file field; none when the field was left empty. */
async function uploadedFile(body: FormBody, name: string): Promise<UploadedFile | undefined> {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  const file = Array.isArray(value) ? value[0] : value;
  if (!file || typeof file === 'string' || (file.size === 0 && !file.name)) return undefined;
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
}

function imageErrors(problems: readonly ImageProblem[], key: string, m: Texts): FieldError[] {
  return problems.map((p) => ({
    field: imageFieldId(key, p.field === 'file' ? 'file' : p.field === 'alt.nl' ? 'alt-nl' : 'alt-en'),
    message: m.images.errors[p.code],
  }));
}

function outcomeFormOf(found: AuthoredConsultation): OutcomeForm {
  return {
    decidedNl: found.row.outcome?.nl ?? '',
    decidedEn: found.row.outcome?.en ?? '',
    reasonsNl: found.row.outcomeReasons?.nl ?? '',
    reasonsEn: found.row.outcomeReasons?.en ?? '',
    themes: found.row.outcomeThemes.join('\n'),
  };
}

const themesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

function labelOfField(id: string, m: Texts): string {
  const [name] = id.split('-');
  if (name && Object.hasOwn(m.edit.fields, name)) return m.edit.fields[name as keyof Texts['edit']['fields']];
  if (name === 'closesAt') return m.edit.closesAt;
  if (name === 'add') return m.edit.questionsHeading;
  const q = /^q(\d+)$/.exec(name ?? '');
  return q ? m.edit.question(Number(q[1]) + 1) : id;
}
