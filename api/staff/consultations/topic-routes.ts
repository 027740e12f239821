/**
 * The topics pages (permission `consultations.manage`): /beheer/onderwerpen lists the
 * topics in the portal's order with a form for a new one; /beheer/onderwerpen/<slug> edits
 * one. Rules in services/topic-authoring.ts.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { InputText } from '../../../shared/contracts/input-text.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
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
import type { FieldError } from '../kit/components.ts';
import { field, notFound, pageSession, staffForm, staffPage, type FormBody, type StaffEnv } from '../kit/guards.ts';
import { topicPaths } from './paths.ts';
import * as topicTexts from './topic-texts.ts';
import { emptyTopicForm, renderTopicEditPage, renderTopicList, type TopicForm } from './topic-view.ts';

type Texts = typeof topicTexts.nl;
/** The form's field names per text language: titleNl, titleEn. */
const FIELD_SUFFIX = new Map([
  ['nl', 'Nl'],
  ['en', 'En'],
]);
const PERMISSION = 'consultations.manage';
const SlugParam = InputText.regex(/^[a-z0-9-]{1,80}$/);
const Version = z.coerce.number().int().min(1);
/** The outcomes the list and edit pages announce after a redirect (?gedaan=…). */
const DONE = ['gemaakt', 'opgeslagen', 'verplaatst', 'verwijderd', 'rand'] as const;
type Done = (typeof DONE)[number];

function formOf(body: FormBody): TopicForm {
  // Capped before validation: an oversized field is refused by the schema, never stored.
  const read = (name: keyof TopicForm) => (field(body, name) ?? '').slice(0, 10_000);
  return {
    slug: read('slug'),
    titleNl: read('titleNl'),
    titleEn: read('titleEn'),
    descriptionNl: read('descriptionNl'),
    descriptionEn: read('descriptionEn'),
  };
}

const textsOfForm = (form: TopicForm) => ({
  title: { nl: form.titleNl, en: form.titleEn },
  description: { nl: form.descriptionNl, en: form.descriptionEn },
});

const formOfTopic = (topic: AuthoredTopic): TopicForm => ({
  slug: topic.slug,
  titleNl: topic.title.nl,
  titleEn: topic.title.en ?? '',
  descriptionNl: topic.description.nl,
  descriptionEn: topic.description.en ?? '',
});

/** zod's path → the form's field and its message. */
function errorsOf(issues: ReadonlyArray<z.core.$ZodIssue>, m: Texts): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const [head, textLang] = issue.path.map(String);
    const id = head === 'slug' ? 'slug' : `${head}${FIELD_SUFFIX.get(textLang ?? 'nl') ?? 'Nl'}`;
    if (errors.some((e) => e.field === id)) continue;
    const key = id as keyof Texts['errors'];
    errors.push({ field: id, message: m.errors[key] ?? m.errors.slug });
  }
  return errors;
}

export function topicRoutes(): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  const listPage = async (
    c: Context<StaffEnv>,
    lang: Locale,
    session: ActiveSession,
    extra: { form?: TopicForm; errors?: FieldError[]; status?: string | undefined } = {},
    code: 200 | 404 | 409 | 422 = 200,
  ) =>
    c.html(
      renderTopicList({
        lang,
        session: pageSession(session),
        topics: await listTopicsForAuthoring(c.get('db'), session.user.organisationId),
        form: extra.form ?? emptyTopicForm(),
        errors: extra.errors ?? [],
        status: extra.status,
      }),
      code,
    );

  const editPage = (
    c: Context<StaffEnv>,
    lang: Locale,
    session: ActiveSession,
    topic: AuthoredTopic,
    extra: { form?: TopicForm; version?: number; errors?: FieldError[]; status?: string | undefined } = {},
    code: 200 | 409 | 422 = 200,
  ) =>
    c.html(
      renderTopicEditPage({
        lang,
        session: pageSession(session),
        topic,
        form: extra.form ?? formOfTopic(topic),
        version: extra.version ?? topic.version,
        errors: extra.errors ?? [],
        status: extra.status,
      }),
      code,
    );

  const done = (c: Context<StaffEnv>, to: string, outcome: Done) => c.redirect(`${to}?gedaan=${outcome}`, 303);
  const announced = (c: Context<StaffEnv>, m: Texts, subject: string): string | undefined => {
    const outcome = c.req.query('gedaan') as Done | undefined;
    if (!outcome || !DONE.includes(outcome)) return undefined;
    return {
      gemaakt: m.created(subject),
      opgeslagen: m.saved,
      verplaatst: m.moved,
      verwijderd: m.removed(c.req.query('onderwerp')?.replace(/[^a-z0-9-]/g, '') ?? ''),
      rand: m.atEdge,
    }[outcome];
  };

  for (const lang of ['nl', 'en'] as const) {
    app.get(topicPaths.list(lang), async (c) => {
      const session = staffPage(c, lang, PERMISSION);
      if (session instanceof Response) return session;
      const m = textsFor(topicTexts, lang);
      const created = c.req.query('onderwerp');
      const topic = created
        ? await findTopicForAuthoring(c.get('db'), session.user.organisationId, created)
        : undefined;
      const subject = topic ? (lang === 'en' ? (topic.title.en ?? topic.title.nl) : topic.title.nl) : '';
      return listPage(c, lang, session, { status: announced(c, m, subject) });
    });

    app.get(topicPaths.edit(lang, ':slug'), async (c) => {
      const session = staffPage(c, lang, PERMISSION);
      if (session instanceof Response) return session;
      const slug = SlugParam.safeParse(c.req.param('slug'));
      const topic = slug.success
        ? await findTopicForAuthoring(c.get('db'), session.user.organisationId, slug.data)
        : undefined;
      if (!topic) return notFound(c, lang, session);
      return editPage(c, lang, session, topic, { status: announced(c, textsFor(topicTexts, lang), '') });
    });
  }

  app.post(topicPaths.createPost, async (c) => {
    const posted = await staffForm(c, PERMISSION);
    if (posted instanceof Response) return posted;
    const { body, lang, session } = posted;
    const m = textsFor(topicTexts, lang);
    const form = formOf(body);
    const parsed = NewTopic.safeParse({ slug: form.slug, ...textsOfForm(form) });
    if (!parsed.success) return listPage(c, lang, session, { form, errors: errorsOf(parsed.error.issues, m) }, 422);
    const result = await createTopic(c.get('db'), { actor: actorOf(session), input: parsed.data, now: c.get('now')() });
    if (result.kind === 'slug_taken')
      return listPage(c, lang, session, { form, errors: [{ field: 'slug', message: m.errors.slugTaken }] }, 409);
    return c.redirect(`${topicPaths.list(lang)}?gedaan=gemaakt&onderwerp=${result.slug}`, 303);
  });

  app.post(topicPaths.savePost(':slug'), async (c) => {
    const posted = await staffForm(c, PERMISSION);
    if (posted instanceof Response) return posted;
    const { body, lang, session } = posted;
    const m = textsFor(topicTexts, lang);
    const slug = SlugParam.safeParse(c.req.param('slug'));
    const db = c.get('db');
    const topic = slug.success ? await findTopicForAuthoring(db, session.user.organisationId, slug.data) : undefined;
    if (!topic) return notFound(c, lang, session);
    const form = { ...formOf(body), slug: topic.slug };
    const version = Version.safeParse(field(body, 'version'));
    if (!version.success)
      return editPage(
        c,
        lang,
        session,
        topic,
        { form, errors: [{ field: 'titleNl', message: m.errors.version }] },
        422,
      );
    const parsed = TopicTexts.safeParse(textsOfForm(form));
    if (!parsed.success)
      return editPage(
        c,
        lang,
        session,
        topic,
        { form, version: version.data, errors: errorsOf(parsed.error.issues, m) },
        422,
      );
    const result = await saveTopic(db, {
      actor: actorOf(session),
      slug: topic.slug,
      version: version.data,
      input: parsed.data,
      now: c.get('now')(),
    });
    if (result.kind === 'not_found') return notFound(c, lang, session);
    if (result.kind === 'stale') {
      const fields = result.changed
        .map((name) => (Object.hasOwn(m.fieldNames, name) ? m.fieldNames[name] : name))
        .join(', ');
      // What was typed stays; the form now carries the current version, so saving again keeps it.
      return editPage(
        c,
        lang,
        session,
        topic,
        { form, version: result.version, errors: [{ field: 'titleNl', message: m.stale(result.by, fields) }] },
        409,
      );
    }
    return done(c, topicPaths.edit(lang, topic.slug), 'opgeslagen');
  });

  app.post(topicPaths.movePost(':slug'), async (c) => {
    const posted = await staffForm(c, PERMISSION);
    if (posted instanceof Response) return posted;
    const { body, lang, session } = posted;
    const slug = SlugParam.safeParse(c.req.param('slug'));
    const direction = z.enum(['up', 'down']).safeParse(field(body, 'direction'));
    if (!slug.success || !direction.success) return notFound(c, lang, session);
    const result = await moveTopic(c.get('db'), {
      actor: actorOf(session),
      slug: slug.data,
      direction: direction.data,
      now: c.get('now')(),
    });
    if (result.kind === 'not_found') return notFound(c, lang, session);
    return done(c, topicPaths.list(lang), result.kind === 'moved' ? 'verplaatst' : 'rand');
  });

  app.post(topicPaths.removePost(':slug'), async (c) => {
    const posted = await staffForm(c, PERMISSION);
    if (posted instanceof Response) return posted;
    const { lang, session } = posted;
    const m = textsFor(topicTexts, lang);
    const slug = SlugParam.safeParse(c.req.param('slug'));
    if (!slug.success) return notFound(c, lang, session);
    const db = c.get('db');
    const result = await removeTopic(db, { actor: actorOf(session), slug: slug.data, now: c.get('now')() });
    if (result.kind === 'not_found') return notFound(c, lang, session);
    if (result.kind === 'has_consultations') {
      const topic = (await findTopicForAuthoring(db, session.user.organisationId, slug.data))!;
      return editPage(c, lang, session, topic, { status: m.cannotRemove(result.count) }, 409);
    }
    return c.redirect(`${topicPaths.list(lang)}?gedaan=verwijderd&onderwerp=${slug.data}`, 303);
  });

  return app;
}
