/**
 * The audit-log viewer (/beheer/audit/, /en/manage/audit/) and its CSV and JSON export,
 * for administrators only. Read-only: there is no route that changes an entry.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as insightsTexts from '../insights/texts.ts';
import { recordAudit } from '../../services/audit.ts';
import { parseAuditFilter, rawAuditFilter } from '../../services/audit-filter.ts';
import { AUDIT_PAGE_SIZE, auditActors, exportAudit, listAudit } from '../../services/audit-log.ts';
import { auditCsv, auditJson, renderAuditPage } from './view.ts';
import { auditPaths } from './paths.ts';
import { badRequest } from '../insights/filter-problem.ts';
import { pageSession, staffPage, type StaffEnv } from '../kit/guards.ts';

export function auditRoutes(): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  for (const lang of ['nl', 'en'] as const) {
    const page = auditPaths.page(lang);
    app.get(page.slice(0, -1), (c) => c.redirect(page, 301));
    app.get(page, (c) => showPage(c, lang));
    app.get(`${page}export.csv`, (c) => exportLog(c, lang, 'csv'));
    app.get(`${page}export.json`, (c) => exportLog(c, lang, 'json'));
  }
  return app;
}

async function showPage(c: Context<StaffEnv>, lang: Locale): Promise<Response> {
  const session = staffPage(c, lang, 'admin');
  if (session instanceof Response) return session;
  const db = c.get('db');
  const organisationId = session.user.organisationId;
  const actors = await auditActors(db, organisationId);
  const raw = rawAuditFilter(c.req.query());
  const parsed = parseAuditFilter(
    raw,
    actors.map((a) => a.id),
  );
  const result = parsed.ok
    ? { ...(await listAudit(db, organisationId, parsed.filter, parsed.page)), pageSize: AUDIT_PAGE_SIZE }
    : { errors: parsed.errors };
  return c.html(renderAuditPage({ lang, session: pageSession(session), raw, actors, result }), parsed.ok ? 200 : 400);
}

async function exportLog(c: Context<StaffEnv>, lang: Locale, format: 'csv' | 'json'): Promise<Response> {
  const session = staffPage(c, lang, 'admin');
  if (session instanceof Response) return session;
  const db = c.get('db');
  const organisationId = session.user.organisationId;
  const now = c.get('now')();
  const raw = rawAuditFilter(c.req.query());
  const parsed = parseAuditFilter(
    raw,
    (await auditActors(db, organisationId)).map((a) => a.id),
  );
  if (!parsed.ok) {
    const t = textsFor(insightsTexts, lang);
    return badRequest(
      c,
      lang,
      parsed.errors.map((e) => ({ field: e.field, message: t.errors[e.code] })),
      400,
    );
  }
  const rows = await exportAudit(db, organisationId, parsed.filter);
  // Who took the log away is itself worth logging; written after the read, so the export does not contain it.
  await recordAudit(db, {
    organisationId,
    actorType: 'staff',
    actorId: session.user.id,
    at: now,
    action: 'audit.exported',
    subjectType: 'audit_log',
    details: { format, filter: parsed.filter, entries: rows.length },
  });
  const { page: _page, ...filter } = raw;
  const name = `podium-audit-${now.toISOString().slice(0, 10)}.${format}`;
  const headers = { 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' };
  if (format === 'json') return c.json(auditJson(rows, filter, now, lang), 200, headers);
  return c.body(auditCsv(rows, lang), 200, { ...headers, 'Content-Type': 'text/csv; charset=utf-8; header=present' });
}
