/**
 * The channel-guidelines settings page (/beheer/instellingen/kanaalrichtlijnen,
 * /en/manage/settings/channel-guidelines): one form post per channel, saved by
 * services/channel-guideline-settings.ts on the version the page was opened on, which also
 * holds the rules; the problems it names are put next to the fields here. Mounted by the
 * settings group's routes.ts.
 */
import type { Context, Hono } from 'hono';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import {
  guidelineProblems,
  hoursFromWeek,
  listGuidelinesForSettings,
  saveChannelGuideline,
  type GuidelineProblem,
} from '../../services/channel-guideline-settings.ts';
import { pick } from '../kit/components.ts';
import { formatDateTime } from '../kit/format.ts';
import { field, pageSession, staffForm, staffPage, type FormBody, type StaffEnv } from '../kit/guards.ts';
import * as guidelineTexts from './guideline-texts.ts';
import { guidelineFieldId, renderGuidelinesPage, WEEKDAYS, type GuidelineValues } from './guideline-view.ts';
import { settingsPaths } from './paths.ts';
import type { FormError } from './view.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The form as typed: kept whole for the page, trimmed only to be checked and saved. */
function readForm(body: FormBody): GuidelineValues {
  const read = (name: string, max: number) => (field(body, name) ?? '').slice(0, max);
  return {
    nameNl: read('name-nl', 600),
    nameEn: read('name-en', 600),
    repliesAllowed: field(body, 'replies') !== undefined,
    answersNeedApproval: field(body, 'answers-approval') !== undefined,
    announcementsNeedApproval: field(body, 'announcements-approval') !== undefined,
    department: read('department', 100),
    hours: Object.fromEntries(WEEKDAYS.map((d) => [d, { from: read(`from-${d}`, 40), to: read(`to-${d}`, 40) }])),
  };
}

/** The days with a start or an end, each as its own span, so a problem names its day. */
function typedSpans(values: GuidelineValues) {
  return WEEKDAYS.flatMap((day) => {
    const from = values.hours[day]!.from.trim();
    const to = values.hours[day]!.to.trim();
    return from || to ? [{ days: [day], from, to }] : [];
  });
}

/** Where a problem of the service belongs on the form, with its message. */
function formError(lang: Locale, prefix: string, spans: ReturnType<typeof typedSpans>, p: GuidelineProblem): FormError {
  const m = textsFor(guidelineTexts, lang).errors;
  const message = m[p.code];
  const span = /^postingHours\.(\d+)\.(from|to|days)$/.exec(p.field);
  if (span) {
    const day = spans[Number(span[1])]?.days[0] ?? 1;
    return { field: guidelineFieldId(prefix, `${day}-${span[2] === 'to' ? 'to' : 'from'}`), message };
  }
  const id = p.field === 'name.en' ? 'name-en' : p.field === 'moderatedByDepartmentId' ? 'department' : 'name-nl';
  return { field: guidelineFieldId(prefix, id), message };
}

async function showPage(
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  extra: {
    typed?: { id: string; values: GuidelineValues; version?: number };
    errors?: FormError[];
    status?: string;
  } = {},
  status: 200 | 404 | 409 | 422 = 200,
) {
  const { guidelines, departments } = await listGuidelinesForSettings(c.get('db'), session.user.organisationId);
  return c.html(
    renderGuidelinesPage({
      lang,
      session: pageSession(session),
      guidelines,
      departments,
      typed: extra.typed,
      errors: extra.errors ?? [],
      status: extra.status,
    }),
    status,
  );
}

export function mountGuidelineRoutes(app: Hono<StaffEnv>): void {
  for (const lang of ['nl', 'en'] as const) {
    app.get(settingsPaths.guidelines(lang), async (c) => {
      const session = staffPage(c, lang, 'admin');
      if (session instanceof Response) return session;
      const m = textsFor(guidelineTexts, lang);
      if (c.req.query('gedaan') === 'niets') return showPage(c, lang, session, { status: m.unchanged });
      const saved = c.req.query('kanaal');
      if (!saved) return showPage(c, lang, session);
      const { guidelines } = await listGuidelinesForSettings(c.get('db'), session.user.organisationId);
      const row = guidelines.find((g) => g.id === saved);
      return showPage(c, lang, session, row ? { status: m.saved(pick(row.name, lang)) } : {});
    });
  }

  app.post(settingsPaths.guidelinesSave, async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { lang, session, body } = form;
    const db = c.get('db');
    const m = textsFor(guidelineTexts, lang).errors;
    const id = field(body, 'id') ?? '';
    const values = readForm(body);
    const { guidelines, departments } = await listGuidelinesForSettings(db, session.user.organisationId);
    const index = guidelines.findIndex((g) => g.id === id);
    if (!UUID.test(id) || index < 0) {
      return showPage(c, lang, session, { errors: [{ field: 'form', target: 'inhoud', message: m.notFound }] }, 404);
    }
    const prefix = `g${index + 1}`;
    const versionRaw = field(body, 'version') ?? '';
    const typedVersion = /^\d{1,9}$/.test(versionRaw) ? Number(versionRaw) : undefined;
    const refuse = (errors: FormError[], status: 409 | 422, version?: number) =>
      showPage(
        c,
        lang,
        session,
        { typed: { id, values, ...(version !== undefined ? { version } : {}) }, errors },
        status,
      );

    const spans = typedSpans(values);
    const input = {
      name: { nl: values.nameNl, en: values.nameEn },
      repliesAllowed: values.repliesAllowed,
      answersNeedApproval: values.answersNeedApproval,
      announcementsNeedApproval: values.announcementsNeedApproval,
      moderatedByDepartmentId: values.department || null,
      postingHours: spans,
    };
    // Checked per day first, so each message stands next to the day it is about.
    const problems = guidelineProblems(
      input,
      departments.map((d) => d.id),
    );
    if (problems.length > 0)
      return refuse(
        problems.map((p) => formError(lang, prefix, spans, p)),
        422,
        typedVersion,
      );
    const target = guidelineFieldId(prefix, 'name-nl');
    // Without the version the page was opened on, the save is refused; the next one is made on the version shown now.
    if (typedVersion === undefined) return refuse([{ field: 'form', target, message: m.version }], 422);

    const result = await saveChannelGuideline(db, {
      organisationId: session.user.organisationId,
      actorId: session.user.id,
      id,
      expectedVersion: typedVersion,
      input: { ...input, postingHours: hoursFromWeek(spans.map((s) => ({ day: s.days[0]!, from: s.from, to: s.to }))) },
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'not_found':
        return showPage(c, lang, session, { errors: [{ field: 'form', target: 'inhoud', message: m.notFound }] }, 404);
      case 'invalid':
        return refuse(
          result.problems.map((p) => formError(lang, prefix, spans, p)),
          422,
          typedVersion,
        );
      case 'stale': {
        const changes = result.changes.map((change) =>
          m.change(change.by, change.fields, formatDateTime(change.at, lang)),
        );
        return refuse([{ field: 'form', target, message: [m.stale, ...changes].join(' ') }], 409);
      }
      case 'saved': {
        const query = new URLSearchParams(result.changed ? { kanaal: id } : { gedaan: 'niets' });
        return c.redirect(`${settingsPaths.guidelines(lang)}?${query.toString()}`, 303);
      }
    }
  });
}
