/**
 * Webcare on the staff workbench: answering items (templates, preview,
 * readability), the overdue view, answer templates and routing rules (administrators), a
 * consultation preview with readability, the shortcut help, and the readability API the
 * progressive script calls while staff type. Behind the kit's session middleware
 * (api/staff/kit/session.ts). Assignment is part of the item's one form (api/staff/queue/).
 */
import { readFile } from 'node:fs/promises';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { consultations, topics } from '../../db/schema.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as webcareTexts from './texts.ts';
import * as approvalTexts from '../queue/answer-approval-texts.ts';
import { problem } from '../../http/problem.ts';
import { can } from '../../services/auth/roles.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import { readability } from '../../services/readability.ts';
import { answerItem, ANSWER_MAX_LENGTH, findItem, supports, type Stale } from '../../services/moderation/index.ts';
import * as inboxTexts from '../queue/inbox-texts.ts';
import { listOverdue, repliesTo } from '../../services/webcare/items.ts';
import { postingAccountFor } from '../../services/social/posting.ts';
import {
  addRoutingRule,
  assignmentChoices,
  deleteRoutingRule,
  listRoutingRules,
} from '../../services/webcare/routing.ts';
import {
  deleteTemplate,
  fillTemplate,
  insertTemplate,
  listTemplates,
  saveTemplate,
  TEMPLATE_TITLE_MAX,
  unfilledPlaceholders,
} from '../../services/webcare/templates.ts';
import * as queueTexts from '../queue/texts.ts';
import { pick } from '../kit/components.ts';
import { formatDateTime } from '../kit/format.ts';
import {
  readabilityText,
  renderAnswerPage,
  renderConsultationList,
  renderConsultationPreview,
  renderOverduePage,
  renderRoutingPage,
  renderShortcutsPage,
  renderTemplatesPage,
  type AnswerFormState,
  type RoutingFormState,
  type TemplateFormState,
} from './view.ts';
import { webcarePaths } from './paths.ts';
import { Cursor } from '../queue/cursor.ts';
import { staffPaths } from '../queue/paths.ts';
import { field, notFound, pageSession, requireStaff, staffForm, staffPage, type StaffEnv } from '../kit/guards.ts';
import { actorOf } from '../kit/actor.ts';
import { formErrors, type Issue } from '../kit/form-errors.ts';
import { InputText } from '../../../shared/contracts/input-text.ts';

const assets = {
  readability: new URL('../kit/assets/readability.js', import.meta.url),
  shortcuts: new URL('../kit/assets/shortcuts.js', import.meta.url),
};

const ItemId = z.uuid();
/** An empty choice means "nobody". */
const OptionalId = z.union([z.literal('').transform(() => null), z.uuid()]);
const Lang = z.enum(['nl', 'en']);

/** Inserting a template needs no text yet; previewing and publishing do. */
const AnswerForm = z.discriminatedUnion('action', [
  z.object({ action: z.literal('template'), language: Lang, body: InputText.max(ANSWER_MAX_LENGTH) }),
  z.object({
    action: z.enum(['preview', 'publish']),
    language: Lang,
    body: InputText.trim().min(1).max(ANSWER_MAX_LENGTH),
  }),
]);

const TemplateForm = z.object({
  id: z.uuid().optional(),
  titleNl: InputText.trim().min(1).max(TEMPLATE_TITLE_MAX),
  titleEn: InputText.trim().max(TEMPLATE_TITLE_MAX),
  bodyNl: InputText.trim().min(1).max(ANSWER_MAX_LENGTH),
  bodyEn: InputText.trim().max(ANSWER_MAX_LENGTH),
});

const RuleForm = z.object({
  topic: InputText.min(1).max(200),
  channel: z.union([z.literal('').transform(() => null), z.enum(['portal', 'widget', 'social'])]),
  department: OptionalId,
  person: OptionalId,
});

export const ReadabilityRequest = z.object({ text: InputText.max(20_000), lang: Lang, uiLang: Lang.optional() });

/** A refusal on a stale version in one sentence: who changed what since. */
function staleMessage(result: Stale, lang: Locale): string {
  const m = textsFor(inboxTexts, lang);
  const t = textsFor(queueTexts, lang);
  const changes = result.changes.map((change) => m.stale.change(change, t.states, formatDateTime(change.at, lang)));
  return [m.stale.summary, ...changes].join(' ');
}

const viewerOf = (session: ActiveSession) => ({ organisationId: session.user.organisationId, roles: session.roles });

export function webcareRoutes(): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  for (const [path, file] of [
    [webcarePaths.readabilityScript, assets.readability],
    [webcarePaths.shortcutsScript, assets.shortcuts],
  ] as const) {
    app.get(path, async (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.body(await readFile(file, 'utf8'), 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    });
  }

  // ---- readability while typing ------------------------------------------------------------
  app.post(webcarePaths.readabilityApi, requireStaff('queue.read'), async (c) => {
    const json = await c.req.json().catch(() => undefined);
    const parsed = ReadabilityRequest.safeParse(json);
    if (!parsed.success) return problem(c, 400, 'bad_request');
    const { text, lang } = parsed.data;
    const result = readability(text, lang);
    return c.json({ ...result, text: readabilityText(result, lang, parsed.data.uiLang ?? 'nl') });
  });

  // ---- answering ------------------------------------------------------------------------------
  for (const lang of ['nl', 'en'] as const) {
    app.get(webcarePaths.answer(lang, ':id'), async (c) => {
      const session = staffPage(c, lang, 'queue.answer');
      if (session instanceof Response) return session;
      const db = c.get('db');
      const now = c.get('now')();
      const id = c.req.param('id') ?? '';
      const item = ItemId.safeParse(id).success ? await findItem(db, viewerOf(session), id, now) : undefined;
      if (!item || item.reviewState === 'erased') return notFound(c, lang, session);
      return c.html(
        renderAnswerPage({
          lang,
          session: pageSession(session),
          item,
          templates: await listTemplates(db, session.user.organisationId),
          replies: await repliesTo(db, item.id),
          form: { language: item.language, body: '', errors: [] },
          published: c.req.query('gepubliceerd') !== undefined,
          unavailable: supports(item, 'answer') ? undefined : textsFor(webcareTexts, lang).answer.unsupported,
          postsAs: item.source ? await postingAccountFor(db, session.user.organisationId, item.id) : undefined,
          now,
        }),
      );
    });
  }

  app.post('/beheer/items/:id/antwoord', async (c) => {
    const form = await staffForm(c, 'queue.answer');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const db = c.get('db');
    const now = c.get('now')();
    const id = c.req.param('id');
    const item = ItemId.safeParse(id).success ? await findItem(db, viewerOf(session), id, now) : undefined;
    if (!item || item.reviewState === 'erased') return notFound(c, lang, session);
    const m = textsFor(webcareTexts, lang).answer;
    const action = field(body, 'action');
    const values = {
      action: action === 'publish' || action === 'template' ? action : 'preview',
      language: field(body, 'language') ?? '',
      body: field(body, 'body') ?? '',
    };
    // The version the answer was written on: kept through previews, so a colleague's change
    // while this was being written is caught when it is published.
    const sentVersion = Number(field(body, 'version'));
    const version = Number.isInteger(sentVersion) && sentVersion > 0 ? sentVersion : undefined;
    const language: Locale = values.language === 'en' ? 'en' : values.language === 'nl' ? 'nl' : item.language;
    const unavailable = supports(item, 'answer') ? undefined : m.unsupported;
    const templates = await listTemplates(db, session.user.organisationId);
    const templateId = field(body, 'template') || undefined;
    const render = async (
      state: Omit<AnswerFormState, 'body' | 'language'> & { body?: string },
      status: 200 | 409 | 422,
    ) =>
      c.html(
        renderAnswerPage({
          lang,
          session: pageSession(session),
          item,
          templates,
          replies: await repliesTo(db, item.id),
          form: { body: values.body, language, version, templateId, ...state },
          unavailable,
          postsAs: item.source ? await postingAccountFor(db, session.user.organisationId, item.id) : undefined,
          now,
        }),
        status,
      );
    const parsed = AnswerForm.safeParse(values);
    if (!parsed.success) {
      const errors = formErrors(parsed.error.issues, {
        language: m.errors.language,
        body: (issue) => (issue.code === 'too_big' ? m.errors.too_long : m.errors.empty),
      });
      return render({ errors }, 422);
    }
    const placeholderError = (placeholders: string[]) => ({
      field: 'body',
      message: m.errors.placeholder(placeholders),
    });
    if (parsed.data.action === 'template') {
      // Filled in the language chosen in the form, never silently in the other one.
      const chosen = templates.find((template) => template.id === templateId);
      if (!chosen) return render({ errors: [{ field: 'template', message: m.errors.templateRequired }] }, 422);
      const filled = fillTemplate(chosen, parsed.data.language, {
        consultation: pick(item.consultation.title, parsed.data.language),
        channel: textsFor(queueTexts, parsed.data.language).channels[item.channel] ?? item.channel,
        date: formatDateTime(item.createdAt, parsed.data.language),
      });
      const title = pick(chosen.title, lang);
      if (filled === undefined) {
        return render(
          { errors: [{ field: 'template', message: m.errors.templateMissing(title, parsed.data.language) }] },
          422,
        );
      }
      return render({ body: insertTemplate(filled, values.body), errors: [], notice: m.templateInserted(title) }, 200);
    }
    if (parsed.data.action === 'preview') {
      // The preview shows what the resident would read, and warns of what would stop publishing.
      const placeholders = unfilledPlaceholders(parsed.data.body);
      return render({ errors: placeholders.length > 0 ? [placeholderError(placeholders)] : [], preview: true }, 200);
    }
    const result = await answerItem(db, {
      itemId: item.id,
      body: parsed.data.body,
      language: parsed.data.language,
      actor: actorOf(session),
      now,
      expectedVersion: version,
    });
    switch (result.kind) {
      case 'stale':
        // Shown with the item as it is now; the next publish is made on that version.
        return render(
          { errors: [{ field: 'body', message: staleMessage(result, lang) }], version: result.version },
          409,
        );
      case 'answered':
        return c.redirect(`${webcarePaths.answer(lang, item.id)}?gepubliceerd`, 303);
      case 'awaiting_approval':
        // The item page shows the answer waiting, with who wrote it, and the colleagues' buttons.
        return c.redirect(`${staffPaths.item(lang, item.id)}?opgeslagen=ter-goedkeuring`, 303);
      case 'approval_pending':
        return render(
          { errors: [{ field: 'body', message: textsFor(approvalTexts, lang).errors.approval_pending }] },
          409,
        );
      case 'empty':
      case 'too_long':
        return render({ errors: [{ field: 'body', message: m.errors[result.kind] }] }, 422);
      case 'unfilled_placeholder':
        return render({ errors: [placeholderError(result.placeholders)] }, 422);
      case 'too_long_for_platform':
        return render(
          { errors: [{ field: 'body', message: m.errors.tooLongForPlatform(result.max, result.count) }] },
          422,
        );
      case 'rejected':
      case 'not_published':
        return render({ errors: [{ field: 'body', message: m.errors[result.kind] }] }, 409);
      case 'unsupported':
        return render({ errors: [] }, 409);
      case 'not_found':
      case 'forbidden':
        return notFound(c, lang, session);
    }
  });

  // ---- overdue view ---------------------------------------------------------------------------
  for (const lang of ['nl', 'en'] as const) {
    app.get(webcarePaths.overdue(lang), async (c) => {
      const session = staffPage(c, lang, 'queue.read');
      if (session instanceof Response) return session;
      const db = c.get('db');
      const now = c.get('now')();
      // A cursor that does not parse is the first page, as in the queue.
      const after = Cursor.safeParse(c.req.query('na'));
      return c.html(
        renderOverduePage({
          lang,
          session: pageSession(session),
          page: await listOverdue(db, viewerOf(session), now, after.success ? after.data : undefined),
          later: after.success,
          choices: await assignmentChoices(db, session.user.organisationId),
          canAnswer: can(session.roles, 'queue.answer'),
          now,
        }),
      );
    });
  }

  // ---- templates --------------------------------------------------------------------------------
  const templatesPage = async (
    c: Context<StaffEnv>,
    lang: Locale,
    session: ActiveSession,
    extra: { form?: TemplateFormState; notice?: string; status?: 200 | 404 | 422 } = {},
  ) =>
    c.html(
      renderTemplatesPage({
        lang,
        session: pageSession(session),
        templates: await listTemplates(c.get('db'), session.user.organisationId),
        form: extra.form,
        notice: extra.notice,
      }),
      extra.status ?? 200,
    );

  for (const lang of ['nl', 'en'] as const) {
    app.get(webcarePaths.templates(lang), async (c) => {
      const session = staffPage(c, lang, 'admin');
      if (session instanceof Response) return session;
      const m = textsFor(webcareTexts, lang).templates;
      const done = c.req.query('klaar');
      return templatesPage(c, lang, session, {
        notice: done === 'opgeslagen' ? m.saved : done === 'verwijderd' ? m.deleted : undefined,
      });
    });
  }

  app.post(webcarePaths.templateSave, async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const m = textsFor(webcareTexts, lang).templates;
    const values = {
      titleNl: field(body, 'titleNl') ?? '',
      titleEn: field(body, 'titleEn') ?? '',
      bodyNl: field(body, 'bodyNl') ?? '',
      bodyEn: field(body, 'bodyEn') ?? '',
    };
    const id = field(body, 'id') || undefined;
    const parsed = TemplateForm.safeParse({ ...values, id });
    if (!parsed.success) {
      if (parsed.error.issues.some((i) => i.path[0] === 'id')) return notFound(c, lang, session);
      const required = (missing: string) => (issue: Issue) => (issue.code === 'too_small' ? missing : m.errors.tooLong);
      const errors = formErrors(parsed.error.issues, {
        titleNl: required(m.errors.titleNl),
        titleEn: m.errors.tooLong,
        bodyNl: required(m.errors.bodyNl),
        bodyEn: m.errors.tooLong,
      });
      return templatesPage(c, lang, session, { form: { id, values, errors }, status: 422 });
    }
    const { data } = parsed;
    const result = await saveTemplate(c.get('db'), {
      id: data.id,
      title: { nl: data.titleNl, ...(data.titleEn ? { en: data.titleEn } : {}) },
      body: { nl: data.bodyNl, ...(data.bodyEn ? { en: data.bodyEn } : {}) },
      actor: actorOf(session),
      now: c.get('now')(),
    });
    if (result.kind === 'not_found') return notFound(c, lang, session);
    return c.redirect(`${webcarePaths.templates(lang)}?klaar=opgeslagen`, 303);
  });

  app.post('/beheer/sjablonen/:id/verwijderen', async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { lang, session } = form;
    const id = c.req.param('id');
    if (!ItemId.safeParse(id).success) return notFound(c, lang, session);
    const result = await deleteTemplate(c.get('db'), { id, actor: actorOf(session), now: c.get('now')() });
    if (result === 'not_found') return notFound(c, lang, session);
    return c.redirect(`${webcarePaths.templates(lang)}?klaar=verwijderd`, 303);
  });

  // ---- routing rules -----------------------------------------------------------------------------
  const routingPage = async (
    c: Context<StaffEnv>,
    lang: Locale,
    session: ActiveSession,
    extra: { form?: RoutingFormState; notice?: string; status?: 200 | 409 | 422 } = {},
  ) => {
    const db = c.get('db');
    const organisationId = session.user.organisationId;
    return c.html(
      renderRoutingPage({
        lang,
        session: pageSession(session),
        rules: await listRoutingRules(db, organisationId),
        topics: await db
          .select({ slug: topics.slug, title: topics.title })
          .from(topics)
          .where(eq(topics.organisationId, organisationId))
          .orderBy(asc(topics.position)),
        choices: await assignmentChoices(db, organisationId),
        form: extra.form,
        notice: extra.notice,
      }),
      extra.status ?? 200,
    );
  };

  for (const lang of ['nl', 'en'] as const) {
    app.get(webcarePaths.routing(lang), async (c) => {
      const session = staffPage(c, lang, 'admin');
      if (session instanceof Response) return session;
      const m = textsFor(webcareTexts, lang).routing;
      const done = c.req.query('klaar');
      return routingPage(c, lang, session, {
        notice: done === 'opgeslagen' ? m.saved : done === 'verwijderd' ? m.deleted : undefined,
      });
    });
  }

  app.post(webcarePaths.routingSave, async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const m = textsFor(webcareTexts, lang).routing;
    const values = {
      topic: field(body, 'topic') ?? '',
      channel: field(body, 'channel') ?? '',
      department: field(body, 'department') ?? '',
      person: field(body, 'person') ?? '',
    };
    const parsed = RuleForm.safeParse(values);
    if (!parsed.success) {
      // The channel is chosen beside the topic: one message there for both.
      const errors = formErrors(parsed.error.issues, {
        topic: m.errors.unknown_topic,
        channel: { field: 'topic', message: m.errors.unknown_topic },
        department: m.errors.unknown_department,
        person: m.errors.unknown_person,
      });
      return routingPage(c, lang, session, { form: { values, errors }, status: 422 });
    }
    const result = await addRoutingRule(c.get('db'), {
      topicSlug: parsed.data.topic,
      channel: parsed.data.channel,
      assignment: { departmentId: parsed.data.department, staffUserId: parsed.data.person },
      actor: actorOf(session),
      now: c.get('now')(),
    });
    if (result.kind === 'saved') return c.redirect(`${webcarePaths.routing(lang)}?klaar=opgeslagen`, 303);
    const target =
      result.kind === 'unknown_person'
        ? 'person'
        : result.kind === 'unknown_topic' || result.kind === 'duplicate'
          ? 'topic'
          : 'department';
    return routingPage(c, lang, session, {
      form: { values, errors: [{ field: target, message: m.errors[result.kind] }] },
      status: result.kind === 'duplicate' ? 409 : 422,
    });
  });

  app.post('/beheer/routering/:id/verwijderen', async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { lang, session } = form;
    const id = c.req.param('id');
    if (!ItemId.safeParse(id).success) return notFound(c, lang, session);
    const result = await deleteRoutingRule(c.get('db'), { ruleId: id, actor: actorOf(session), now: c.get('now')() });
    if (result === 'not_found') return notFound(c, lang, session);
    return c.redirect(`${webcarePaths.routing(lang)}?klaar=verwijderd`, 303);
  });

  // ---- consultations to preview --------------------------------------------------------------------
  for (const lang of ['nl', 'en'] as const) {
    app.get(webcarePaths.consultations(lang), async (c) => {
      const session = staffPage(c, lang, 'queue.read');
      if (session instanceof Response) return session;
      const rows = await c
        .get('db')
        .select({ slug: consultations.slug, title: consultations.title, status: consultations.status })
        .from(consultations)
        .where(eq(consultations.organisationId, session.user.organisationId))
        .orderBy(asc(consultations.slug));
      return c.html(renderConsultationList({ lang, session: pageSession(session), consultations: rows }));
    });
  }

  for (const lang of ['nl', 'en'] as const) {
    app.get(webcarePaths.consultation(lang, ':slug'), async (c) => {
      const session = staffPage(c, lang, 'queue.read');
      if (session instanceof Response) return session;
      const [consultation] = await c
        .get('db')
        .select()
        .from(consultations)
        .where(
          and(
            eq(consultations.organisationId, session.user.organisationId),
            eq(consultations.slug, c.req.param('slug') ?? ''),
          ),
        )
        .limit(1);
      if (!consultation) return notFound(c, lang, session);
      return c.html(renderConsultationPreview({ lang, session: pageSession(session), consultation }));
    });
  }

  // ---- shortcut help ------------------------------------------------------------------------------
  for (const lang of ['nl', 'en'] as const) {
    app.get(webcarePaths.shortcuts(lang), (c) => {
      const session = staffPage(c, lang, 'queue.read');
      if (session instanceof Response) return session;
      return c.html(renderShortcutsPage({ lang, session: pageSession(session) }));
    });
  }

  return app;
}
