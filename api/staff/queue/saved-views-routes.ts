/**
 * Saved inbox views over plain forms: save the inbox's current filters under a name (from
 * the inbox; a refusal shows the inbox again with the name kept), and rename or delete a
 * view on `/beheer/weergaven`. Only the person's own views: another person's view id is
 * not found. Permission: `queue.read`, as for the inbox itself.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import { queueFilterOptions } from '../../services/moderation/queue-options.ts';
import { deleteView, listSavedViews, renameView, saveView } from '../../services/moderation/saved-views.ts';
import { field, notFound, pageSession, safeNext, staffForm, staffPage, type StaffEnv } from '../kit/guards.ts';
import type { QueuePage } from './panels.ts';
import { savedViewPaths, staffPaths } from './paths.ts';
import * as savedViewTexts from './saved-views-texts.ts';
import { renderSavedViewsPage, type RenameFormState } from './saved-views-view.ts';

const ViewId = z.uuid();
/** An item's address in a form's `next`: the inbox comes back with that item open. */
const ITEM_IN_NEXT = /\/items\/([0-9a-f-]{36})(?:[?#]|$)/;

export function savedViewRoutes({ queuePage }: { queuePage: QueuePage }): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  for (const lang of ['nl', 'en'] as const) {
    app.get(savedViewPaths.page(lang), async (c) => {
      const session = staffPage(c, lang, 'queue.read');
      if (session instanceof Response) return session;
      const m = textsFor(savedViewTexts, lang);
      const done = c.req.query('gedaan');
      const status = done === 'hernoemd' ? m.renamed : done === 'verwijderd' ? m.deleted : undefined;
      return page(c, lang, session, { status });
    });
  }

  app.post(savedViewPaths.save, async (c) => {
    const form = await staffForm(c, 'queue.read');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const name = field(body, 'name') ?? '';
    const query = field(body, 'query') ?? '';
    const next = safeNext(field(body, 'next'));
    const result = await saveView(c.get('db'), { staffUserId: session.user.id, name, query, now: c.get('now')() });
    if (result.kind !== 'saved') {
      const message = textsFor(savedViewTexts, lang).errors[result.kind];
      const itemId = next?.match(ITEM_IN_NEXT)?.[1];
      return queuePage(c, lang, session, {
        ...(itemId ? { itemId } : {}),
        listQuery: query,
        savedViewForm: { values: { name }, errors: [{ field: 'name', message }] },
        status: 422,
      });
    }
    // Back where the person was, with the saved filters; the notice is not one of them.
    const back = new URL(next ?? staffPaths.queue(lang), 'http://podium.invalid');
    back.searchParams.set('weergave', 'opgeslagen');
    return c.redirect(`${back.pathname}${back.search}`, 303);
  });

  app.post(savedViewPaths.rename(':id'), async (c) => {
    const form = await staffForm(c, 'queue.read');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const viewId = c.req.param('id') ?? '';
    if (!ViewId.safeParse(viewId).success) return notFound(c, lang, session);
    const name = field(body, 'name') ?? '';
    const result = await renameView(c.get('db'), { staffUserId: session.user.id, viewId, name });
    if (result.kind === 'not_found') return notFound(c, lang, session);
    if (result.kind !== 'renamed') {
      const message = textsFor(savedViewTexts, lang).errors[result.kind];
      return page(c, lang, session, { form: { viewId, values: { name }, errors: [{ field: 'name', message }] } }, 422);
    }
    return c.redirect(`${savedViewPaths.page(lang)}?gedaan=hernoemd`, 303);
  });

  app.post(savedViewPaths.remove(':id'), async (c) => {
    const form = await staffForm(c, 'queue.read');
    if (form instanceof Response) return form;
    const { lang, session } = form;
    const viewId = c.req.param('id') ?? '';
    if (!ViewId.safeParse(viewId).success) return notFound(c, lang, session);
    const result = await deleteView(c.get('db'), { staffUserId: session.user.id, viewId });
    if (result === 'not_found') return notFound(c, lang, session);
    return c.redirect(`${savedViewPaths.page(lang)}?gedaan=verwijderd`, 303);
  });

  return app;
}

async function page(
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  state: { status?: string | undefined; form?: RenameFormState },
  status: 200 | 422 = 200,
): Promise<Response> {
  const db = c.get('db');
  const html = renderSavedViewsPage({
    lang,
    session: pageSession(session),
    views: await listSavedViews(db, session.user.id),
    filterOptions: await queueFilterOptions(db, session.user.organisationId),
    status: state.status,
    form: state.form,
  });
  return c.html(html, status);
}
