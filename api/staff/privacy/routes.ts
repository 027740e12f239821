/**
 * Staff privacy screens for administrators: requests that reach the municipality another
 * way (search by e-mail or handle, JSON export, erasure after a confirmation) and the
 * retention period per kind of data. The services do the work and write the audit log
 * (api/services/personal-data.ts, retention.ts); this module checks input and permission.
 *
 * Searches are POSTs: an e-mail address in a query string would land in browser history
 * and access logs.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as privacyTexts from './texts.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import {
  erasePersonalData,
  exportPersonalData,
  findPersonalData,
  type PersonQuery,
} from '../../services/personal-data.ts';
import {
  DEFAULT_RETENTION_DAYS,
  retentionPeriods,
  setRetentionPeriod,
  type RetentionKind,
} from '../../services/retention.ts';
import {
  renderEraseConfirmPage,
  renderPrivacyPage,
  renderRetentionPage,
  type PrivacyQuery,
  type RetentionRow,
} from './view.ts';
import { privacyPaths } from './paths.ts';
import { actorOf } from '../kit/actor.ts';
import { formErrors, type FieldError } from '../kit/form-errors.ts';
import { field, pageSession, staffForm, staffPage, type FormBody, type StaffEnv } from '../kit/guards.ts';
import { InputText } from '../../../shared/contracts/input-text.ts';

const RETENTION_KINDS = Object.keys(DEFAULT_RETENTION_DAYS) as RetentionKind[];
const MAX_DAYS = 36_500;

const Query = z.object({
  by: z.enum(['email', 'handle']),
  value: InputText.trim().min(3).max(254),
  reference: InputText.trim()
    .max(100)
    .regex(/^[\p{L}\p{N} ./_:-]*$/u),
});

type Checked = { query: PrivacyQuery; person: PersonQuery; reference?: string } | { errors: FieldError[] };

function checkQuery(body: FormBody, lang: Locale): Checked & { raw: PrivacyQuery } {
  const raw = {
    by: field(body, 'by') ?? '',
    value: (field(body, 'value') ?? '').slice(0, 1000),
    reference: (field(body, 'reference') ?? '').slice(0, 1000),
  };
  const parsed = Query.safeParse(raw);
  if (parsed.success) {
    const { by, value, reference } = parsed.data;
    return {
      raw,
      query: parsed.data,
      person: by === 'email' ? { email: value } : { handle: value },
      ...(reference ? { reference } : {}),
    };
  }
  const m = textsFor(privacyTexts, lang).errors;
  const errors = formErrors(parsed.error.issues, {
    // The radio group's first option takes the message and the summary's link.
    by: { field: 'by-email', message: m.by },
    value: (issue) => (issue.code === 'too_big' ? m.valueTooLong : m.valueRequired),
    reference: m.referenceInvalid,
  });
  return { raw, errors };
}

/**
 * A privacy form post (search, export, erase): the administrator's session and the
 * checked person, or the page that refuses it — the guard's, or the search form again
 * with its errors.
 */
async function privacyRequest(c: Context<StaffEnv>): Promise<
  | Response
  | {
      lang: Locale;
      session: ActiveSession;
      body: FormBody;
      checked: Exclude<Checked, { errors: FieldError[] }>;
    }
> {
  const form = await staffForm(c, 'privacy');
  if (form instanceof Response) return form;
  const { lang, session, body } = form;
  const checked = checkQuery(body, lang);
  if ('errors' in checked) {
    const page = renderPrivacyPage({ lang, session: pageSession(session), query: checked.raw, errors: checked.errors });
    return c.html(page, 422);
  }
  return { lang, session, body, checked };
}

/** The staff member, with the reference of the request they handle, for the audit log. */
const requester = (session: ActiveSession, reference?: string) => ({
  ...actorOf(session),
  ...(reference ? { reference } : {}),
});

async function retentionRows(c: Context<StaffEnv>, session: ActiveSession): Promise<RetentionRow[]> {
  const periods = await retentionPeriods(c.get('db'), session.user.organisationId);
  return RETENTION_KINDS.map((kind) => ({ kind, days: periods[kind], defaultDays: DEFAULT_RETENTION_DAYS[kind] }));
}

export function staffPrivacyRoutes(): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  for (const lang of ['nl', 'en'] as const) {
    app.get(privacyPaths.home(lang), (c) => {
      const session = staffPage(c, lang, 'privacy');
      if (session instanceof Response) return session;
      return c.html(renderPrivacyPage({ lang, session: pageSession(session) }));
    });
    app.get(privacyPaths.retention(lang), async (c) => {
      const session = staffPage(c, lang, 'privacy');
      if (session instanceof Response) return session;
      return c.html(
        renderRetentionPage({ lang, session: pageSession(session), rows: await retentionRows(c, session) }),
      );
    });
  }

  app.post(privacyPaths.search, async (c) => {
    const request = await privacyRequest(c);
    if (request instanceof Response) return request;
    const { lang, session, checked } = request;
    const found = await findPersonalData(c.get('db'), checked.person, requester(session, checked.reference));
    return c.html(renderPrivacyPage({ lang, session: pageSession(session), query: checked.query, found }));
  });

  app.post(privacyPaths.export, async (c) => {
    const request = await privacyRequest(c);
    if (request instanceof Response) return request;
    const { session, checked } = request;
    const now = c.get('now')();
    const data = await exportPersonalData(c.get('db'), checked.person, {
      now,
      actor: requester(session, checked.reference),
    });
    const stamp = now.toISOString().slice(0, 10);
    return c.body(`${JSON.stringify(data, null, 2)}\n`, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="podium-personal-data-${stamp}.json"`,
      'Cache-Control': 'private, no-store',
    });
  });

  app.post(privacyPaths.erase, async (c) => {
    const request = await privacyRequest(c);
    if (request instanceof Response) return request;
    const { lang, session, body, checked } = request;
    const db = c.get('db');
    const actor = requester(session, checked.reference);
    const confirmed = field(body, 'step') === 'erase' && field(body, 'confirm') === 'yes';
    if (!confirmed) {
      const found = await findPersonalData(db, checked.person, actor);
      const page = renderEraseConfirmPage({
        lang,
        session: pageSession(session),
        query: checked.query,
        found,
        error: field(body, 'step') === 'erase',
      });
      return c.html(page, field(body, 'step') === 'erase' ? 422 : 200);
    }
    const erased = await erasePersonalData(db, checked.person, { now: c.get('now')(), actor });
    return c.html(renderPrivacyPage({ lang, session: pageSession(session), erased }));
  });

  app.post(privacyPaths.saveRetention, async (c) => {
    const form = await staffForm(c, 'privacy');
    if (form instanceof Response) return form;
    const { lang, session, body } = form;
    const m = textsFor(privacyTexts, lang).errors;
    const rows = await retentionRows(c, session);
    const errors: FieldError[] = [];
    const changes: Array<{ kind: RetentionKind; days: number }> = [];
    for (const row of rows) {
      const raw = (field(body, row.kind) ?? '').trim().slice(0, 50);
      row.value = raw;
      const days = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
        errors.push({
          field: `days-${row.kind}`,
          message: `${textsFor(privacyTexts, lang).kinds[row.kind]}: ${m.days}`,
        });
      } else if (days !== row.days) {
        changes.push({ kind: row.kind, days });
      }
    }
    if (errors.length > 0) {
      return c.html(renderRetentionPage({ lang, session: pageSession(session), rows, errors }), 422);
    }
    for (const change of changes) {
      await setRetentionPeriod(c.get('db'), {
        organisationId: session.user.organisationId,
        kind: change.kind,
        days: change.days,
        actorId: session.user.id,
      });
    }
    return c.html(
      renderRetentionPage({
        lang,
        session: pageSession(session),
        rows: await retentionRows(c, session),
        saved: changes.length,
      }),
    );
  });

  return app;
}
