/**
 * The announcement composer on the staff workbench (permission `announcements.write`:
 * posters and administrators). Every post of the composer saves first — images included,
 * also without their alternative text yet, so nothing uploaded is lost — and then, when
 * asked, schedules; a refusal comes back as the composer with the saved draft, the values
 * and an error per field. Approval and deletion are forms of their own. Beside each copy
 * recorded for X, Facebook or Instagram, staff who may import threads (`threads.import`)
 * import the platform's export file with the replies into that copy's thread.
 */
import { readFile } from 'node:fs/promises';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { InputText } from '../../../shared/contracts/input-text.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import {
  approveAnnouncement,
  deleteAnnouncement,
  getAnnouncement,
  listAnnouncements,
  loadChannels,
  saveAnnouncement,
  scheduleAnnouncement,
  type Announcement,
  type NewImage,
  type Problem,
} from '../../services/announcements/compose.ts';
import { COPY_PLATFORMS, listCopies, recordCopy, type CopyPlatform } from '../../services/announcements/copies.ts';
import { messageFor } from '../../messages/texts.ts';
import { describePostingHours, instantFromLocal, localOf } from '../../services/announcements/posting-hours.ts';
import { ANNOUNCEMENT_KINDS, TEMPLATES, type AnnouncementKind } from '../../services/announcements/templates.ts';
import { can, type Permission } from '../../services/auth/roles.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import { detectPlatform } from '../../services/social/import-payload.ts';
import { SocialImportError } from '../../services/social/model.ts';
import { DEFAULT_IMPORT_SETTINGS, importedPostsSummary, importThreadFrom } from '../../services/social/thread-admin.ts';
import { chosenFiles, readExport } from '../threads/page-routes.ts';
import * as threadTexts from '../threads/texts.ts';
import type { ImportResultView } from '../threads/view.ts';
import { formErrors, type FieldError } from '../kit/form-errors.ts';
import {
  field,
  fields,
  forbidden,
  notFound,
  pageSession,
  staffForm,
  staffPage,
  type FormBody,
  type StaffEnv,
} from '../kit/guards.ts';
import { formatDateTime } from '../kit/format.ts';
import { announcementPaths } from './paths.ts';
import * as announcementTexts from './texts.ts';
import { renderComposerPage, renderListPage, type ComposerValues } from './view.ts';

const Id = z.uuid();
const COPY_SCRIPT = new URL('../kit/assets/copy-text.js', import.meta.url);
const Fields = z.object({
  kind: z.enum(ANNOUNCEMENT_KINDS as [AnnouncementKind, ...AnnouncementKind[]]),
  title: InputText.trim().min(1).max(150),
  body: InputText.trim().min(1).max(2000),
  language: z.enum(['nl', 'en']),
  contentWarning: InputText.trim().max(100),
});

type Texts = ReturnType<typeof textsFor<typeof announcementTexts.nl>>;

function problemMessage(problem: Problem, m: Texts, lang: Locale): FieldError {
  const e = m.errors;
  switch (problem.code) {
    case 'alt_missing':
      return { field: problem.field, message: e.alt_missing(problem.position) };
    case 'alt_too_long':
      return { field: problem.field, message: e.alt_too_long(problem.position) };
    case 'too_long':
      return { field: 'body', message: e.too_long(m.platformNames[problem.platform], problem.length, problem.max) };
    case 'outside_hours':
      return {
        field: 'scheduledAt',
        message: e.outside_hours(
          problem.channel === 'portal' ? 'Podium' : problem.channel,
          describePostingHours(problem.hours, lang),
        ),
      };
    default:
      return { field: problem.field, message: e[problem.code] };
  }
}

function valuesFrom(body: FormBody): ComposerValues {
  const alts: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const name of Object.keys(body)) {
    if (name.startsWith('alt-')) alts[name.slice(4)] = field(body, name) ?? '';
  }
  return {
    kind: field(body, 'kind') ?? '',
    title: field(body, 'title') ?? '',
    body: field(body, 'body') ?? '',
    language: field(body, 'language') ?? 'nl',
    contentWarning: field(body, 'contentWarning') ?? '',
    accountIds: fields(body, 'account'),
    scheduledAt: field(body, 'scheduledAt') ?? '',
    alts,
    newAlt: field(body, 'image-alt') ?? '',
    removeImages: fields(body, 'remove-image'),
    repostBluesky: field(body, 'repostOffered') === '1' ? field(body, 'repostBluesky') === '1' : true,
  };
}

function valuesOf(a: Announcement, timeZone: string): ComposerValues {
  return {
    kind: a.kind,
    title: a.title,
    body: a.body,
    language: a.language,
    contentWarning: a.contentWarning ?? '',
    accountIds: a.accountIds,
    scheduledAt: a.scheduledAt ? localOf(a.scheduledAt, timeZone) : '',
    alts: {},
    newAlt: '',
    removeImages: [],
  };
}

async function uploadedImage(body: FormBody, alt: string): Promise<NewImage | undefined> {
  const value = Object.hasOwn(body, 'image') ? body.image : undefined;
  const file = Array.isArray(value) ? value[0] : value;
  if (!file || typeof file === 'string' || file.size === 0) return undefined;
  return { bytes: new Uint8Array(await file.arrayBuffer()), mime: file.type, description: alt.trim() };
}

export function announcementRoutes(options: { publicUrl?: string | undefined } = {}): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const publicUrl = options.publicUrl ?? '';

  app.get(announcementPaths.copyScript, async (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(await readFile(COPY_SCRIPT, 'utf8'), 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });

  const composer = async (
    c: Context<StaffEnv>,
    lang: Locale,
    session: ActiveSession,
    extra: {
      announcement?: Announcement | undefined;
      values?: ComposerValues;
      errors?: FieldError[];
      notice?: string | undefined;
      status?: 200 | 409 | 422;
      copyUrls?: Partial<Record<CopyPlatform, string>>;
      repliesResult?: { platform: CopyPlatform; result: ImportResultView };
    },
  ) => {
    const channels = await loadChannels(c.get('db'), session.user.organisationId);
    const values =
      extra.values ??
      (extra.announcement
        ? valuesOf(extra.announcement, channels.timeZone)
        : {
            kind: '',
            title: '',
            body: '',
            language: lang,
            contentWarning: '',
            accountIds: [],
            scheduledAt: '',
            alts: {},
            newAlt: '',
            removeImages: [],
          });
    return c.html(
      renderComposerPage({
        lang,
        session: pageSession(session),
        staffUserId: session.user.id,
        channels,
        values,
        announcement: extra.announcement,
        errors: extra.errors,
        notice: extra.notice,
        publicUrl: publicUrl || new URL(c.req.url).origin,
        ...(extra.copyUrls ? { copyUrls: extra.copyUrls } : {}),
        canImportReplies: can(session.roles, 'threads.import'),
        repliesResult: extra.repliesResult,
      }),
      extra.status ?? 200,
    );
  };

  for (const lang of ['nl', 'en'] as const) {
    app.get(announcementPaths.list(lang), async (c) => {
      const session = staffPage(c, lang, 'announcements.write');
      if (session instanceof Response) return session;
      const m = textsFor(announcementTexts, lang);
      const rows = await listAnnouncements(c.get('db'), session.user.organisationId);
      return c.html(
        renderListPage({
          lang,
          session: pageSession(session),
          rows,
          notice: c.req.query('klaar') === 'verwijderd' ? m.deletedNotice : undefined,
        }),
      );
    });
    app.get(announcementPaths.compose(lang), async (c) => {
      const session = staffPage(c, lang, 'announcements.write');
      if (session instanceof Response) return session;
      const kind = (ANNOUNCEMENT_KINDS as readonly string[]).includes(c.req.query('soort') ?? '')
        ? (c.req.query('soort') as AnnouncementKind)
        : 'roadworks';
      const template = TEMPLATES[kind][lang];
      return composer(c, lang, session, {
        values: {
          kind,
          title: template.title,
          body: template.body,
          language: lang,
          contentWarning: '',
          accountIds: [],
          scheduledAt: '',
          alts: {},
          newAlt: '',
          removeImages: [],
        },
      });
    });
    app.get(`${announcementPaths.list(lang)}/:id`, async (c) => {
      const session = staffPage(c, lang, 'announcements.write');
      if (session instanceof Response) return session;
      const id = c.req.param('id');
      if (!Id.safeParse(id).success) return notFound(c, lang, session);
      const announcement = await getAnnouncement(c.get('db'), session.user.organisationId, id);
      if (!announcement || announcement.state === 'deleted') return notFound(c, lang, session);
      const m = textsFor(announcementTexts, lang);
      const done = c.req.query('klaar');
      const when = announcement.scheduledAt ? formatDateTime(announcement.scheduledAt, lang) : '';
      const notices = new Map([
        ['opgeslagen', m.saved],
        ['ingepland', m.scheduledNotice(when)],
        ['voorgelegd', m.submittedNotice],
        ['goedgekeurd', m.approvedNotice(when)],
        ['gewijzigd', m.editedNotice],
        ...COPY_PLATFORMS.map((p) => [`vastgelegd-${p}`, m.copyRecordedNotice(m.platformNames[p])] as const),
      ]);
      return composer(c, lang, session, {
        announcement,
        notice: done ? notices.get(done) : undefined,
      });
    });
  }

  const save = async (c: Context<StaffEnv>, id: string | undefined) => {
    const form = await staffForm(c, 'announcements.write');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const db = c.get('db');
    const m = textsFor(announcementTexts, lang);
    const now = c.get('now')();
    const actor = { id: session.user.id, organisationId: session.user.organisationId };
    if (id && !Id.safeParse(id).success) return notFound(c, lang, session);
    const current = id ? await getAnnouncement(db, actor.organisationId, id) : undefined;
    if (id && (!current || current.state === 'deleted')) return notFound(c, lang, session);
    const values = valuesFrom(body);
    const image = await uploadedImage(body, values.newAlt);
    const parsed = Fields.safeParse(values);
    if (!parsed.success) {
      const errors = formErrors(parsed.error.issues, {
        kind: m.errors.kind,
        title: m.errors.title,
        body: (issue) => (issue.code === 'too_big' ? m.errors.bodyLength : m.errors.body),
        language: m.errors.language,
        contentWarning: m.errors.contentWarning,
      });
      if (image) errors.push({ field: 'images', message: m.errors.image_again });
      return composer(c, lang, session, { announcement: current, values, errors, status: 422 });
    }
    const version = Number(field(body, 'version'));
    const saved = await saveAnnouncement(db, {
      actor,
      id,
      version: Number.isInteger(version) ? version : undefined,
      values: {
        ...parsed.data,
        contentWarning: parsed.data.contentWarning || null,
        accountIds: [...new Set(values.accountIds)],
      },
      newImages: image ? [image] : [],
      imageChanges: (current?.images ?? []).map((stored) => ({
        id: stored.id,
        description: (values.alts[stored.id] ?? stored.description).trim(),
        remove: values.removeImages.includes(stored.id),
      })),
      now,
      publicUrl: publicUrl || new URL(c.req.url).origin,
      // The choice is on the form only where a Bluesky post exists; elsewhere nothing to choose.
      repostOnBluesky: values.repostBluesky ?? true,
    });
    if (saved.kind === 'not_found') return notFound(c, lang, session);
    if (saved.kind === 'stale') {
      return composer(c, lang, session, {
        announcement: current,
        values,
        errors: [{ field: 'title', message: m.errors.stale }],
        status: 409,
      });
    }
    if (saved.kind === 'invalid') {
      const errors = saved.problems.map((p) => problemMessage(p, m, lang));
      if (image && saved.problems.some((p) => p.field === 'images'))
        errors.push({ field: 'images', message: m.errors.image_again });
      return composer(c, lang, session, { announcement: current, values, errors, status: 422 });
    }
    const wasPublished = current?.state === 'published';
    if (field(body, 'action') !== 'schedule' || wasPublished) {
      return c.redirect(
        `${announcementPaths.one(lang, saved.id)}?klaar=${wasPublished ? 'gewijzigd' : 'opgeslagen'}`,
        303,
      );
    }
    const channels = await loadChannels(db, actor.organisationId);
    const scheduled = await scheduleAnnouncement(db, {
      actor,
      id: saved.id,
      version: saved.version,
      scheduledAt: values.scheduledAt ? instantFromLocal(values.scheduledAt, channels.timeZone) : undefined,
      now,
      publicUrl: publicUrl || new URL(c.req.url).origin,
    });
    if (scheduled.kind === 'scheduled' || scheduled.kind === 'awaiting_approval') {
      return c.redirect(
        `${announcementPaths.one(lang, saved.id)}?klaar=${scheduled.kind === 'scheduled' ? 'ingepland' : 'voorgelegd'}`,
        303,
      );
    }
    // Saved as a draft, not scheduled: the composer comes back with the draft (its images kept) and the reasons.
    const draft = await getAnnouncement(db, actor.organisationId, saved.id);
    const errors: FieldError[] =
      scheduled.kind === 'invalid'
        ? scheduled.problems.map((p) => problemMessage(p, m, lang))
        : scheduled.kind === 'not_allowed'
          ? [{ field: 'scheduledAt', message: m.errors[scheduled.reason] }]
          : [{ field: 'title', message: m.errors.stale }];
    return composer(c, lang, session, {
      announcement: draft,
      values: { ...values, alts: {}, newAlt: '', removeImages: [] },
      errors,
      status: 422,
    });
  };

  app.post(announcementPaths.create, (c) => save(c, undefined));
  app.post('/beheer/aankondigingen/:id', (c) => save(c, c.req.param('id')));

  /**
   * What both forms beside a recorded copy start with: the staff form with its permission, the
   * announcement (404 when it is not there) and the platform the form names (refused on the page
   * when it is not one of X, Facebook, Instagram). `alsoNeeds`: a second permission checked after
   * the announcement is found, as a 403.
   */
  const copyForm = async (c: Context<StaffEnv>, permission: Permission, alsoNeeds?: Permission) => {
    const form = await staffForm(c, permission);
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const id = c.req.param('id') ?? '';
    if (!Id.safeParse(id).success) return notFound(c, lang, session);
    const current = await getAnnouncement(c.get('db'), session.user.organisationId, id);
    if (!current || current.state === 'deleted') return notFound(c, lang, session);
    if (alsoNeeds && !can(session.roles, alsoNeeds)) return forbidden(c, lang, 'role', session);
    const m = textsFor(announcementTexts, lang);
    const platform = field(body, 'platform') ?? '';
    if (!(COPY_PLATFORMS as readonly string[]).includes(platform)) {
      return composer(c, lang, session, {
        announcement: current,
        errors: [{ field: 'title', message: m.errors.wrong_state }],
        status: 422,
      });
    }
    return { body, lang, session, id, current, m, platform: platform as CopyPlatform };
  };

  app.post('/beheer/aankondigingen/:id/elders', async (c) => {
    const form = await copyForm(c, 'announcements.write');
    if (form instanceof Response) return form;
    const { body, lang, session, id, current, m, platform: copyPlatform } = form;
    const db = c.get('db');
    const url = (field(body, 'url') ?? '').slice(0, 2000);
    const result = await recordCopy(db, {
      actor: { id: session.user.id, organisationId: session.user.organisationId },
      id,
      platform: copyPlatform,
      url,
      now: c.get('now')(),
      publicUrl: publicUrl || new URL(c.req.url).origin,
    });
    if (result.kind === 'not_found') return notFound(c, lang, session);
    if (result.kind === 'recorded') {
      return c.redirect(`${announcementPaths.one(lang, id)}?klaar=vastgelegd-${copyPlatform}`, 303);
    }
    const message =
      result.kind === 'wrong_state'
        ? messageFor(lang, 'announcement_not_published')
        : messageFor(lang, `copy_${result.problem}`, { platform: m.platformNames[copyPlatform] });
    return composer(c, lang, session, {
      announcement: current,
      errors: [{ field: `copy-url-${copyPlatform}`, message }],
      copyUrls: { [copyPlatform]: url },
      status: 422,
    });
  });

  // A platform's export file with the replies to the municipality's post, imported into the
  // copy's thread by its root id (a Facebook comments file often does not name its post):
  // the thread-import page's file reading and import service, with its permission.
  app.post('/beheer/aankondigingen/:id/elders/reacties', async (c) => {
    // The answer is the announcement's page: only for those who may open it (webcare and
    // moderators import threads, but do not write announcements).
    const form = await copyForm(c, 'threads.import', 'announcements.write');
    if (form instanceof Response) return form;
    const { body, lang, session, id, current, m, platform: copyPlatform } = form;
    const db = c.get('db');
    const name = m.platformNames[copyPlatform];
    const files = chosenFiles(body);
    const t = textsFor(threadTexts, lang);
    const refuse = (message: string, status: 409 | 422 = 422, on = `copy-replies-${copyPlatform}`) =>
      composer(c, lang, session, {
        announcement: current,
        // A browser never fills a file field in again: say so where the file was.
        errors: [
          {
            field: on,
            message: files.length > 0 ? `${message} ${t.errors.chooseFileAgain}` : message,
          },
        ],
        status,
      });
    const copy = (await listCopies(db, id)).find((row) => row.platform === copyPlatform);
    if (!copy?.threadId) return refuse(m.repliesErrors.notRecorded(name), 409, `copy-url-${copyPlatform}`);
    if (files.length === 0) return refuse(m.repliesErrors.noFile(name));
    const read = await readExport(files, t);
    if ('refusal' in read) return refuse(read.refusal);
    const found = detectPlatform(read.payload);
    if (!found) return refuse(m.repliesErrors.unknownPlatform(name));
    if (found !== copyPlatform) return refuse(m.repliesErrors.wrongPlatform(name, m.platformNames[found]));
    let outcome;
    try {
      outcome = await importThreadFrom(db, {
        organisationId: session.user.organisationId,
        payload: read.payload,
        platform: copyPlatform,
        rootId: copy.externalId,
        actor: { id: session.user.id },
        settings: DEFAULT_IMPORT_SETTINGS,
        now: c.get('now')(),
      });
    } catch (error) {
      if (error instanceof SocialImportError) return refuse(t.errors.malformed);
      throw error;
    }
    if (outcome.kind !== 'imported') return refuse(m.repliesErrors.unknownPlatform(name));
    const summary = await importedPostsSummary(db, outcome.threadId);
    return composer(c, lang, session, {
      announcement: current,
      notice: m.repliesDone(name, outcome.stats.added),
      repliesResult: {
        platform: copyPlatform,
        result: {
          title: current.title,
          created: outcome.created,
          posts: summary.posts,
          stats: outcome.stats,
          waiting: outcome.waiting,
          flagged: summary.flagged,
        },
      },
    });
  });

  const step = (kind: 'approve' | 'remove') => async (c: Context<StaffEnv>) => {
    const form = await staffForm(c, 'announcements.write');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const id = c.req.param('id') ?? '';
    if (!Id.safeParse(id).success) return notFound(c, lang, session);
    const db = c.get('db');
    const m = textsFor(announcementTexts, lang);
    const actor = { id: session.user.id, organisationId: session.user.organisationId };
    const version = Number(field(body, 'version'));
    const params = { actor, id, version: Number.isInteger(version) ? version : -1, now: c.get('now')() };
    const result =
      kind === 'approve'
        ? await approveAnnouncement(db, { ...params, publicUrl: publicUrl || new URL(c.req.url).origin })
        : await deleteAnnouncement(db, params);
    if (result.kind === 'not_found') return notFound(c, lang, session);
    if (result.kind === 'deleted') return c.redirect(`${announcementPaths.list(lang)}?klaar=verwijderd`, 303);
    if (result.kind === 'approved') return c.redirect(`${announcementPaths.one(lang, id)}?klaar=goedgekeurd`, 303);
    const announcement = await getAnnouncement(db, actor.organisationId, id);
    const errors: FieldError[] =
      result.kind === 'invalid'
        ? result.problems.map((p) => problemMessage(p, m, lang))
        : result.kind === 'not_allowed'
          ? [{ field: 'title', message: m.errors[result.reason] }]
          : [{ field: 'title', message: m.errors.stale }];
    return composer(c, lang, session, { announcement, errors, status: result.kind === 'stale' ? 409 : 422 });
  };
  app.post('/beheer/aankondigingen/:id/goedkeuren', step('approve'));
  app.post('/beheer/aankondigingen/:id/verwijderen', step('remove'));

  return app;
}
