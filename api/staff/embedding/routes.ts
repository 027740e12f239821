/**
 * The embedding page (/beheer/insluiten, /en/manage/embedding; administrators): which web
 * addresses may embed the widgets. Rules in api/services/embed-origins.ts.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { FieldMessage as FieldError } from '../../../shared/contracts/field-error.ts';
import { textsFor } from '../../../shared/i18n.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import { addOrigin, listOrigins, parseOrigin, removeOrigin } from '../../services/embed-origins.ts';
import { field, pageSession, staffForm, staffPage, type StaffEnv } from '../kit/guards.ts';
import { embeddingPaths } from './paths.ts';
import * as embeddingTexts from './texts.ts';
import { renderEmbeddingPage } from './view.ts';
import { widgetUsage } from '../../services/reach/figures.ts';
import { addDays, amsterdamDate } from '../../services/insights/weeks.ts';

type Outcome = 'toegevoegd' | 'bestond' | 'verwijderd';

/** How far back the list of where widgets are used looks. */
const USAGE_DAYS = 90;

export function embeddingRoutes(): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  for (const lang of ['nl', 'en'] as const) {
    app.get(embeddingPaths.page(lang), async (c) => {
      const session = staffPage(c, lang, 'admin');
      if (session instanceof Response) return session;
      const m = textsFor(embeddingTexts, lang);
      const origins = await listOrigins(c.get('db'), session.user.organisationId);
      // Only an origin that is in the list (or was just removed, said as a well-formed origin) is named.
      const query = c.req.query();
      const named = (key: Outcome) => {
        const parsed = query[key] === undefined ? undefined : parseOrigin(query[key]);
        return parsed && 'origin' in parsed ? parsed.origin : undefined;
      };
      const added = named('toegevoegd');
      const existed = named('bestond');
      const removed = named('verwijderd');
      const status =
        added && origins.includes(added)
          ? m.added(added)
          : existed && origins.includes(existed)
            ? m.already(existed)
            : removed && !origins.includes(removed)
              ? m.removed(removed)
              : undefined;
      return page(c, lang, session, { status });
    });
  }

  app.post(embeddingPaths.add, async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const value = (field(body, 'origin') ?? '').slice(0, 2000);
    const parsed = parseOrigin(value);
    if ('problem' in parsed) {
      const message = textsFor(embeddingTexts, lang).errors[parsed.problem];
      return page(c, lang, session, { value, errors: [{ field: 'origin', message }] }, 422);
    }
    const changed = await addOrigin(c.get('db'), {
      organisationId: session.user.organisationId,
      origin: parsed.origin,
      actorId: session.user.id,
    });
    // This process's CORS check reads the list again now; other processes within their cache time.
    c.get('origins').forget();
    return redirect(c, lang, changed ? 'toegevoegd' : 'bestond', parsed.origin);
  });

  app.post(embeddingPaths.remove, async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const origin = (field(body, 'origin') ?? '').slice(0, 2000);
    const removed = await removeOrigin(c.get('db'), {
      organisationId: session.user.organisationId,
      origin,
      actorId: session.user.id,
    });
    c.get('origins').forget();
    if (!removed) {
      const message = textsFor(embeddingTexts, lang).errors.notListed;
      return page(c, lang, session, { errors: [{ field: 'origin', message }] }, 404);
    }
    return redirect(c, lang, 'verwijderd', origin);
  });

  return app;
}

function redirect(c: Context<StaffEnv>, lang: Locale, outcome: Outcome, origin: string) {
  return c.redirect(`${embeddingPaths.page(lang)}?${outcome}=${encodeURIComponent(origin)}`, 303);
}

async function page(
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  extra: { status?: string | undefined; value?: string; errors?: FieldError[] },
  status: 200 | 404 | 422 = 200,
) {
  return c.html(
    renderEmbeddingPage({
      lang,
      session: pageSession(session),
      origins: await listOrigins(c.get('db'), session.user.organisationId),
      usage: await widgetUsage(
        c.get('db'),
        session.user.organisationId,
        addDays(amsterdamDate(c.get('now')()), -(USAGE_DAYS - 1)),
      ),
      usageDays: USAGE_DAYS,
      ...(extra.value !== undefined ? { value: extra.value } : {}),
      status: extra.status,
      errors: extra.errors ?? [],
    }),
    status,
  );
}
