/**
 * The insights pages (/beheer/inzichten/, /en/manage/insights/) and the CSV and JSON
 * export of each figure, for staff with `insights.read`. Mounted after staffRoutes, whose
 * middleware has put the session on the request.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as insightsTexts from './texts.ts';
import { recordAudit } from '../../services/audit.ts';
import { can } from '../../services/auth/roles.ts';
import {
  computeInsights,
  filterOptions,
  FIGURES,
  parseFilter,
  rawFilter,
  type FigureId,
} from '../../services/insights/index.ts';
import type { FilterError } from '../../services/insights/filters.ts';
import { insightsPaths } from './paths.ts';
import { figureCsv, figureJson, figureTable, renderInsightsPage } from './view.ts';
import { pageSession, staffPage, type StaffEnv } from '../kit/guards.ts';
import { badRequest } from './filter-problem.ts';

const ExportFile = z.object({
  figure: z.enum(FIGURES),
  format: z.enum(['csv', 'json']),
});

export function insightsRoutes(): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  for (const lang of ['nl', 'en'] as const) {
    const page = insightsPaths.page(lang);
    app.get(page.slice(0, -1), (c) => c.redirect(page, 301));
    app.get(page, (c) => showPage(c, lang));
    app.get(`${page}export/:file`, (c) => exportFigure(c, lang));
  }
  return app;
}

async function showPage(c: Context<StaffEnv>, lang: Locale): Promise<Response> {
  const session = staffPage(c, lang, 'insights.read');
  if (session instanceof Response) return session;
  const db = c.get('db');
  const organisationId = session.user.organisationId;
  const options = await filterOptions(db, organisationId);
  const raw = rawFilter(c.req.query());
  const parsed = parseFilter(raw, options, c.get('now')());
  const result = parsed.ok
    ? { insights: await computeInsights(db, organisationId, parsed.filter, c.get('now')()) }
    : { errors: parsed.errors };
  const html = renderInsightsPage({
    lang,
    session: pageSession(session),
    raw,
    filterOptions: options,
    result,
    queueLinks: can(session.roles, 'queue.read'),
    correctLinks: can(session.roles, 'themes.correct'),
  });
  return c.html(html, parsed.ok ? 200 : 400);
}

async function exportFigure(c: Context<StaffEnv>, lang: Locale): Promise<Response> {
  const session = staffPage(c, lang, 'insights.read');
  if (session instanceof Response) return session;
  const t = textsFor(insightsTexts, lang);
  const [figure = '', format, ...rest] = (c.req.param('file') ?? '').split('.');
  const file = ExportFile.safeParse({ figure, format });
  if (!file.success || rest.length > 0) {
    const field = FIGURES.includes(figure as FigureId) ? 'format' : 'figure';
    return badRequest(c, lang, [{ field, message: t.errors[field] }], 404);
  }
  const db = c.get('db');
  const organisationId = session.user.organisationId;
  const now = c.get('now')();
  const parsed = parseFilter(rawFilter(c.req.query()), await filterOptions(db, organisationId), now);
  if (!parsed.ok) return badRequest(c, lang, messages(lang, parsed.errors), 400);
  const insights = await computeInsights(db, organisationId, parsed.filter, now);
  const table = figureTable(insights, file.data.figure, lang);
  await recordAudit(db, {
    organisationId,
    actorType: 'staff',
    actorId: session.user.id,
    at: now,
    action: 'insights.exported',
    subjectType: 'insights',
    subjectId: file.data.figure,
    details: { format: file.data.format, filter: parsed.filter },
  });
  const name = `podium-${file.data.figure}-${parsed.filter.from}-${parsed.filter.to}.${file.data.format}`;
  const headers = { 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' };
  if (file.data.format === 'json') return c.json(figureJson(table, parsed.filter, now), 200, headers);
  return c.body(figureCsv(table), 200, { ...headers, 'Content-Type': 'text/csv; charset=utf-8; header=present' });
}

function messages(lang: Locale, errors: FilterError[]) {
  const t = textsFor(insightsTexts, lang);
  return errors.map((e) => ({ field: e.field, message: t.errors[e.code] }));
}
