/**
 * The staff workbench over plain HTML forms: log-in and log-out, the moderation queue,
 * decisions, and extending a session. Everything works without JavaScript; one small
 * script warns before the session ends.
 *
 * Protection, in layers: the session cookie is HttpOnly and SameSite=Lax (and `__Host-`
 * and Secure over HTTPS); every unsafe request must come from our own origin (Hono's
 * csrf middleware: Origin or Sec-Fetch-Site) and, once logged in, carry the session's
 * CSRF token from the form. Pages are never cached, framed or indexed.
 */
import { readFile } from 'node:fs/promises';
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { EMAIL_MAX_LENGTH } from '../../../shared/contracts/email.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { reviewState } from '../../db/schema.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as queueTexts from './texts.ts';
import { insightsPaths } from '../insights/nav.ts';
import {
  field,
  fields,
  forbidden,
  formBody,
  langOf,
  notFound,
  pageSession,
  safeNext,
  staffForm,
  type StaffEnv,
} from '../kit/guards.ts';
import { can } from '../../services/auth/roles.ts';
import { queueWebcare } from '../webcare/routes.ts';
import type { QueueWebcare } from '../webcare/view.ts';
import {
  authenticate,
  csrfTokenMatches,
  endSession,
  findSession,
  type ActiveSession,
} from '../../services/auth/sessions.ts';
import {
  correctSentiment,
  DECISIONS,
  decide,
  decideMany,
  listHouseRules,
  listQueue,
  OPEN_STATES,
  queueFilterOptions,
  type Decision,
  type QueueFilter,
  type ReviewState,
} from '../../services/moderation/index.ts';
import { renderLoginPage, renderQueuePage, BULK, type DecisionFormState, type QueueFilterValues } from './view.ts';
import type { FieldError } from '../kit/components.ts';
import { formatTime } from '../kit/format.ts';
import { staffPaths } from '../kit/shell.ts';

export type StaffRouteOptions = {
  /** The public address; an `https:` address makes cookies Secure and `__Host-` prefixed. */
  publicUrl?: string | undefined;
};

const COOKIE = { secure: '__Host-podium_session', plain: 'podium_session' };

const assets = {
  css: new URL('../kit/assets/staff.css', import.meta.url),
  js: new URL('../kit/assets/staff-session.js', import.meta.url),
};

const LoginForm = z.object({
  email: z.string().trim().min(1).max(EMAIL_MAX_LENGTH),
  password: z.string().min(1).max(1024),
  next: z.string().max(500).optional(),
});

const DecisionForm = z.object({
  decision: z.enum(DECISIONS as [string, ...string[]]),
  rule: z.string().max(100).optional(),
  note: z.string().max(1000).optional(),
});

const ItemId = z.uuid();

const STATES = reviewState.enumValues;

/** Unknown filter values are dropped rather than refused: a stale bookmark still opens the queue. */
const QueueQuery = z.object({
  status: z.enum(STATES).optional().catch(undefined),
  channel: z.enum(['portal', 'widget', 'social']).optional().catch(undefined),
  consultation: z.string().max(200).optional().catch(undefined),
  topic: z.string().max(200).optional().catch(undefined),
  department: z.string().max(200).optional().catch(undefined),
  flag: z.enum(['personal_data', 'abuse', 'spam']).optional().catch(undefined),
  overdue: z
    .string()
    .optional()
    .transform((v) => v === '1')
    .catch(false),
  opgeslagen: z.coerce.number().int().min(0).max(10_000).optional().catch(undefined),
  overgeslagen: z.coerce.number().int().min(0).max(10_000).optional().catch(undefined),
  sentiment: z.literal('opgeslagen').optional().catch(undefined),
});

export function staffRoutes(options: StaffRouteOptions = {}): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : undefined;
  const isSecure = (c: Context) => publicOrigin?.startsWith('https:') || new URL(c.req.url).protocol === 'https:';
  const cookieName = (c: Context) => (isSecure(c) ? COOKIE.secure : COOKIE.plain);

  for (const path of ['/beheer/*', '/en/manage/*', '/beheer', '/en/manage']) {
    app.use(path, staffHeaders());
    app.use(path, sameOrigin(publicOrigin));
    app.use(path, loadSession);
  }
  // The JSON staff API shares the session; routes guard themselves with requireStaff.
  app.use('/api/staff/*', staffHeaders());
  app.use('/api/staff/*', sameOrigin(publicOrigin));
  app.use('/api/staff/*', loadSession);

  async function loadSession(c: Context<StaffEnv>, next: () => Promise<void>) {
    const token = getCookie(c, cookieName(c));
    const isAsset = c.req.path.startsWith('/beheer/assets/');
    // Every request is activity: the idle timer restarts (assets excepted, they are cached).
    const session =
      token && !isAsset ? await findSession(c.get('db'), token, c.get('now')(), { touch: true }) : undefined;
    if (token && !session && !isAsset) deleteCookie(c, cookieName(c), { path: '/', secure: isSecure(c) });
    c.set('session', session);
    await next();
  }

  app.get('/beheer/assets/staff.css', async (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(await readFile(assets.css, 'utf8'), 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/beheer/assets/session.js', async (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(await readFile(assets.js, 'utf8'), 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });

  app.get('/beheer', (c) => c.redirect('/beheer/', 301));
  app.get('/en/manage', (c) => c.redirect('/en/manage/', 301));

  // ---- log-in -------------------------------------------------------------------------
  for (const lang of ['nl', 'en'] as const) {
    app.get(staffPaths.login(lang), (c) => {
      if (c.get('session')) return c.redirect(staffPaths.queue(lang), 303);
      const m = textsFor(queueTexts, lang).login;
      const notice =
        c.req.query('uitgelogd') !== undefined
          ? m.loggedOut
          : c.req.query('verlopen') !== undefined
            ? m.expired
            : undefined;
      return c.html(renderLoginPage({ lang, next: safeNext(c.req.query('next')), notice }));
    });

    app.post(staffPaths.login(lang), async (c) => {
      const m = textsFor(queueTexts, lang).login;
      const body = await formBody(c);
      const parsed = LoginForm.safeParse(body);
      const email = typeof body.email === 'string' ? body.email.trim().slice(0, EMAIL_MAX_LENGTH) : '';
      const next = safeNext(typeof body.next === 'string' ? body.next : undefined);
      if (!parsed.success) {
        const errors: FieldError[] = [];
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0]);
          if (field !== 'email' && field !== 'password') continue;
          if (errors.some((e) => e.field === field)) continue;
          const missing = issue.code === 'too_small' || issue.code === 'invalid_type';
          errors.push({
            field,
            message: missing ? (field === 'email' ? m.emailRequired : m.passwordRequired) : m.tooLong,
          });
        }
        return c.html(renderLoginPage({ lang, email, next, errors }), 422);
      }

      const result = await authenticate(c.get('db'), {
        email: parsed.data.email,
        password: parsed.data.password,
        now: c.get('now')(),
      });
      if (result.kind === 'invalid') {
        return c.html(renderLoginPage({ lang, email, next, errors: [{ field: 'email', message: m.invalid }] }), 401);
      }
      if (result.kind === 'locked') {
        const seconds = Math.max(1, Math.ceil((result.until.getTime() - c.get('now')().getTime()) / 1000));
        c.header('Retry-After', String(seconds));
        return c.html(
          renderLoginPage({
            lang,
            email,
            next,
            errors: [{ field: 'email', message: m.locked(formatTime(result.until, lang)) }],
          }),
          429,
        );
      }
      setCookie(c, cookieName(c), result.session.token, {
        path: '/',
        httpOnly: true,
        secure: isSecure(c),
        // Lax, not Strict: a link to the queue in an e-mail should open it logged in. Forms
        // are protected by the origin check and the token instead.
        sameSite: 'Lax',
        // No Expires: the cookie goes when the browser closes (shared desks at the town hall);
        // the server ends the session after idle time or its maximum in any case.
      });
      return c.redirect(next ?? staffPaths.queue(lang), 303);
    });
  }

  // ---- log-out and session ------------------------------------------------------------
  app.post(staffPaths.logout, async (c) => {
    const body = await formBody(c);
    const lang = langOf(body);
    const session = c.get('session');
    if (!session) return c.redirect(`${staffPaths.login(lang)}?verlopen`, 303);
    if (!csrfTokenMatches(session, field(body, 'csrf'))) return forbidden(c, lang, 'csrf');
    await endSession(c.get('db'), session);
    deleteCookie(c, cookieName(c), { path: '/', secure: isSecure(c) });
    return c.redirect(`${staffPaths.login(lang)}?uitgelogd`, 303);
  });

  app.post(staffPaths.extend, async (c) => {
    const body = await formBody(c);
    const lang = langOf(body);
    const session = c.get('session');
    const wantsJson = (c.req.header('Accept') ?? '').includes('application/json');
    if (!session) {
      return wantsJson ? c.json({ status: 'expired' }, 401) : c.redirect(`${staffPaths.login(lang)}?verlopen`, 303);
    }
    if (!csrfTokenMatches(session, field(body, 'csrf'))) {
      return wantsJson ? c.json({ status: 'forbidden' }, 403) : forbidden(c, lang, 'csrf');
    }
    // loadSession already restarted the idle timer: the session now ends at session.expiresAt.
    if (wantsJson) return c.json({ status: 'extended', expiresAt: session.expiresAt.toISOString() });
    return c.redirect(safeNext(field(body, 'next')) ?? staffPaths.queue(lang), 303);
  });

  // ---- queue ----------------------------------------------------------------------------
  for (const lang of ['nl', 'en'] as const) {
    app.get(staffPaths.queue(lang), async (c) => {
      const session = c.get('session');
      if (!session)
        return c.redirect(`${staffPaths.login(lang)}?next=${encodeURIComponent(staffPaths.queue(lang))}`, 303);
      // Analysts land here after log-in too: send them to the page their role is for.
      if (!can(session.roles, 'queue.read') && can(session.roles, 'insights.read')) {
        return c.redirect(insightsPaths.page(lang), 303);
      }
      return queuePage(c, lang, session, {});
    });
  }

  app.post('/beheer/items/:id/decision', async (c) => {
    const form = await staffForm(c, 'queue.decide');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;

    const id = c.req.param('id');
    if (!ItemId.safeParse(id).success) return notFound(c, lang, session);
    const m = textsFor(queueTexts, lang).queue;
    const values = {
      decision: field(body, 'decision'),
      rule: field(body, 'rule') || undefined,
      note: field(body, 'note')?.trim() || undefined,
    };
    const parsed = DecisionForm.safeParse(values);
    if (!parsed.success) {
      const errors = decisionErrors(parsed.error.issues, lang);
      return queuePage(c, lang, session, { form: { itemId: id, values, errors }, status: 422 });
    }

    const result = await decide(c.get('db'), {
      itemId: id,
      decision: parsed.data.decision as Decision,
      ruleCode: parsed.data.rule,
      note: parsed.data.note,
      actor: { id: session.user.id, organisationId: session.user.organisationId, roles: session.roles },
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'decided':
        return c.redirect(savedLocation(field(body, 'next'), lang, 1, 0), 303);
      case 'not_found':
        return notFound(c, lang, session);
      case 'forbidden':
        return forbidden(c, lang, 'role', session);
      case 'rule_required':
      case 'unknown_rule':
        return queuePage(c, lang, session, {
          form: { itemId: id, values, errors: [{ field: 'rule', message: m.errors[result.kind] }] },
          status: 422,
        });
      case 'already_decided':
        return queuePage(c, lang, session, {
          form: { itemId: id, values, errors: [{ field: 'decision', message: m.errors.already_decided }] },
          status: 409,
        });
    }
  });

  app.post('/beheer/items/:id/sentiment', async (c) => {
    const form = await staffForm(c, 'queue.decide');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const id = c.req.param('id');
    const label = SentimentLabelField.safeParse(field(body, 'label'));
    // The form offers only valid labels: anything else is not a request we understand.
    if (!ItemId.safeParse(id).success || !label.success) return notFound(c, lang, session);
    const result = await correctSentiment(c.get('db'), {
      itemId: id,
      organisationId: session.user.organisationId,
      label: label.data,
      staffUserId: session.user.id,
      now: c.get('now')(),
    });
    if (result.kind === 'not_found') return notFound(c, lang, session);
    const back = new URL(safeNext(field(body, 'next')) ?? staffPaths.queue(lang), 'http://podium.invalid');
    back.searchParams.set('sentiment', 'opgeslagen');
    return c.redirect(`${back.pathname}${back.search}`, 303);
  });

  app.post(staffPaths.bulkDecision, async (c) => {
    const form = await staffForm(c, 'queue.decide');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const m = textsFor(queueTexts, lang).queue;
    const items = fields(body, 'item').filter((id) => ItemId.safeParse(id).success);
    const values = {
      decision: field(body, 'decision'),
      rule: field(body, 'rule') || undefined,
      note: field(body, 'note')?.trim() || undefined,
      items,
    };
    const parsed = DecisionForm.safeParse(values);
    const errors: FieldError[] = parsed.success ? [] : decisionErrors(parsed.error.issues, lang);
    if (items.length === 0) errors.unshift({ field: 'items', message: m.bulk.itemsRequired });
    if (!parsed.success || errors.length > 0) {
      return queuePage(c, lang, session, { form: { itemId: BULK, values, errors }, status: 422 });
    }
    const result = await decideMany(c.get('db'), {
      itemIds: items,
      decision: parsed.data.decision as Decision,
      ruleCode: parsed.data.rule,
      note: parsed.data.note,
      actor: { id: session.user.id, organisationId: session.user.organisationId, roles: session.roles },
      now: c.get('now')(),
    });
    if ('kind' in result) {
      if (result.kind === 'forbidden') return forbidden(c, lang, 'role', session);
      return queuePage(c, lang, session, {
        form: { itemId: BULK, values, errors: [{ field: 'rule', message: m.errors[result.kind] }] },
        status: 422,
      });
    }
    return c.redirect(savedLocation(field(body, 'next'), lang, result.decided, result.skipped + result.notFound), 303);
  });

  return app;
}

export async function queuePage(
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  options: { form?: DecisionFormState; status?: 200 | 409 | 422; assignError?: QueueWebcare['assignError'] },
): Promise<Response> {
  const db = c.get('db');
  const now = c.get('now')();
  const query = QueueQuery.parse(c.req.query());
  const filter: QueueFilter = {
    states: query.status ? [query.status as ReviewState] : OPEN_STATES,
    channel: query.channel,
    consultation: query.consultation,
    topic: query.topic,
    department: query.department,
    flag: query.flag,
    overdue: query.overdue,
    now,
  };
  const filterValues: QueueFilterValues = {
    status: query.status,
    channel: query.channel,
    consultation: query.consultation,
    topic: query.topic,
    department: query.department,
    flag: query.flag,
    overdue: query.overdue,
  };
  const viewer = { organisationId: session.user.organisationId, roles: session.roles };
  const canRead = can(session.roles, 'queue.read');
  const html = renderQueuePage({
    lang,
    session: pageSession(session),
    items: await listQueue(db, viewer, filter),
    rules: await listHouseRules(db, session.user.organisationId),
    canRead,
    canDecide: can(session.roles, 'queue.decide'),
    here: queueHere(lang, filterValues),
    filter: filterValues,
    filterOptions: await queueFilterOptions(db, session.user.organisationId),
    saved: query.opgeslagen !== undefined ? { decided: query.opgeslagen, skipped: query.overgeslagen ?? 0 } : undefined,
    sentimentSaved: query.sentiment === 'opgeslagen',
    form: options.form,
    now,
    webcare: await queueWebcare(c, session, options.assignError),
  });
  return c.html(html, options.status ?? (canRead ? 200 : 403));
}

/** The queue with the same filter, to return to after a decision. */
function queueHere(lang: Locale, filter: QueueFilterValues): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value === true) params.set(name, '1');
    else if (typeof value === 'string' && value) params.set(name, value);
  }
  const query = params.toString();
  return `${staffPaths.queue(lang)}${query ? `?${query}` : ''}`;
}

const SentimentLabelField = z.enum(['positive', 'neutral', 'negative']);

function savedLocation(next: string | undefined, lang: Locale, decided: number, skipped: number): string {
  const base = safeNext(next) ?? staffPaths.queue(lang);
  const url = new URL(base, 'http://podium.invalid');
  url.searchParams.set('opgeslagen', String(decided));
  if (skipped > 0) url.searchParams.set('overgeslagen', String(skipped));
  return `${url.pathname}${url.search}`;
}

function decisionErrors(issues: z.core.$ZodIssue[], lang: Locale): FieldError[] {
  const m = textsFor(queueTexts, lang).queue;
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const error =
      issue.path[0] === 'note'
        ? { field: 'note', message: m.errors.note_too_long }
        : issue.path[0] === 'rule'
          ? { field: 'rule', message: m.errors.unknown_rule }
          : { field: 'decision', message: m.errors.decision_required };
    if (!errors.some((e) => e.field === error.field)) errors.push(error);
  }
  return errors;
}

function staffHeaders(): MiddlewareHandler {
  return async function staffHeaders(c, next) {
    await next();
    if (c.req.path.startsWith('/beheer/assets/')) return;
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex, nofollow');
    c.header('Referrer-Policy', 'same-origin');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    );
  };
}

/**
 * Hono's csrf middleware, with our own origin and the public address allowed, and a
 * page in the staff member's language instead of a bare "Forbidden".
 */
function sameOrigin(publicOrigin: string | undefined): MiddlewareHandler<StaffEnv> {
  const check = csrf({
    origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin,
  });
  return async function sameOrigin(c, next) {
    let passed = false;
    try {
      await check(c, () => {
        passed = true;
        return next();
      });
    } catch (error) {
      if (!passed && error instanceof HTTPException && error.status === 403) {
        const lang: Locale = c.req.path.startsWith('/en/') ? 'en' : 'nl';
        c.res = forbidden(c, lang, 'csrf');
        return;
      }
      throw error;
    }
  };
}
