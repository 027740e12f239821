/**
 * The weekly summary of the insights, mailed through the notification outbox to everyone who
 * reads insights (`insights.read`) and has not turned the mail off on /beheer/meldingen (kind
 * `weekly_summary`; the e-mail choice counts, there is no workbench entry). It covers the last
 * complete ISO week (Monday–Sunday, Amsterdam) beside the week before, with the same tables as
 * the insights page (figureTable), as accessible HTML (captions, header cells) and plain text,
 * in each person's chosen language.
 *
 * Runs once per deployment: every process checks on a timer, one claims the check through
 * `job_leases`, and each mail's dedupe key (person and week) makes it one mail per person per
 * week even when a check runs twice.
 */
import { and, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { jobLeases, organisations, staffRoles, staffUsers } from '../../db/schema.ts';
import { textsFor } from '../../../shared/i18n.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { html, join, type Html } from '../../../shared/html/index.ts';
import { newUnsubscribeToken, oneClickHeaders, unsubscribePath } from '../../../shared/render/mail.ts';
import { can, type RoleGrant } from '../../services/auth/roles.ts';
import { startBackgroundLoop } from '../../services/background-loop.ts';
import { computeInsights } from '../../services/insights/index.ts';
import { addDays, amsterdamDate, isoWeekOfDate, mondayOf } from '../../services/insights/weeks.ts';
import { enqueueMail } from '../../services/notifications/outbox.ts';
import { preferencesOf } from '../../services/notifications/preferences.ts';
import { mailPublicUrl } from '../../services/notifications/settings.ts';
import { figureTable, type FigureTable } from './view.ts';
import { insightsPaths } from './paths.ts';
import * as reachTexts from './reach-texts.ts';
import type { FigureId } from '../../services/insights/index.ts';

export const WEEKLY_SUMMARY_JOB = 'weekly-summary';
/** The tables the mail carries, in this order. */
const FIGURES: readonly FigureId[] = ['compare', 'reach-consultation', 'reach-channel'];

/** The last complete ISO week before `now` (Amsterdam), and its key (`2026-W47`). */
export function lastWeek(now: Date): { from: string; to: string; week: string } {
  const monday = mondayOf(amsterdamDate(now));
  const from = addDays(monday, -7);
  return { from, to: addDays(monday, -1), week: isoWeekOfDate(from) };
}

function cell(value: unknown): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

function tableHtml(table: FigureTable, index: number): Html {
  const head = table.columns.map((c) => html`<th scope="col">${c.label}</th>`);
  const rows = table.rows.map(
    (row) =>
      html`<tr>${table.columns.map((c, i) =>
        i === 0
          ? html`<th scope="row" style="text-align:left">${cell(row.values[c.key])}</th>`
          : html`<td style="text-align:right">${cell(row.values[c.key])}</td>`,
      )}</tr>`,
  );
  return html`<h2 id="t${index}">${table.title}</h2>
<p>${table.summary}</p>
<table aria-labelledby="t${index}" style="border-collapse:collapse" cellpadding="4" border="1">
<caption>${table.title}</caption>
<thead><tr>${head}</tr></thead>
<tbody>${join(rows, '\n')}</tbody>
</table>`;
}

function tableText(table: FigureTable): string {
  const lines = [table.title, '='.repeat(table.title.length), table.summary, ''];
  for (const row of table.rows) {
    const [first, ...rest] = table.columns;
    lines.push(`${cell(row.values[first!.key])}`);
    for (const c of rest) lines.push(`  ${c.label}: ${cell(row.values[c.key])}`);
  }
  return lines.join('\n');
}

/** The mail for one organisation's week in one language: subject, plain text and HTML. */
export function renderWeeklySummary(
  tables: readonly FigureTable[],
  lang: Locale,
  period: { from: string; to: string },
  links: { insights: string; preferences: string; unsubscribe: string },
): { subject: string; text: string; html: string } {
  const m = textsFor(reachTexts, lang).weekly;
  const subject = m.subject(period.from, period.to);
  const text = [
    subject,
    '',
    m.intro,
    '',
    ...tables.map(tableText).join('\n\n').split('\n'),
    '',
    `${m.open}:\n${links.insights}`,
    '',
    '-- ',
    m.why,
    `${m.preferences}:\n${links.preferences}`,
    `${m.unsubscribe}:\n${links.unsubscribe}`,
    '',
  ].join('\n');
  const document = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${subject}</title>
</head>
<body>
<h1>${subject}</h1>
<p>${m.intro}</p>
${join(
  tables.map((table, i) => tableHtml(table, i)),
  '\n',
)}
<p><a href="${links.insights}">${m.open}</a></p>
<hr>
<p>${m.why}</p>
<p><a href="${links.preferences}">${m.preferences}</a></p>
<p><a href="${links.unsubscribe}">${m.unsubscribe}</a></p>
</body>
</html>`;
  return { subject, text, html: String(document) };
}

/**
 * Queues the summary of the last complete week for every person who reads insights and
 * wants it by e-mail. Idempotent per person and week (the outbox's dedupe key).
 * @returns how many mails were newly queued
 */
export async function queueWeeklySummaries(db: Db, now: Date): Promise<number> {
  const period = lastWeek(now);
  let queued = 0;
  for (const organisation of await db.select({ id: organisations.id }).from(organisations)) {
    const people = await db
      .select({
        id: staffUsers.id,
        email: staffUsers.email,
        role: staffRoles.role,
        departmentId: staffRoles.departmentId,
      })
      .from(staffUsers)
      .innerJoin(staffRoles, eq(staffRoles.staffUserId, staffUsers.id))
      .where(and(eq(staffUsers.organisationId, organisation.id), isNull(staffUsers.disabledAt)));
    const grants = new Map<string, { email: string; roles: RoleGrant[] }>();
    for (const p of people) {
      const entry = grants.get(p.id) ?? { email: p.email, roles: [] };
      entry.roles.push({ role: p.role, departmentId: p.departmentId });
      grants.set(p.id, entry);
    }
    const readers = [...grants].filter(([, g]) => can(g.roles, 'insights.read'));
    if (readers.length === 0) continue;
    const insights = await computeInsights(db, organisation.id, { from: period.from, to: period.to }, now);
    const tables = new Map<Locale, FigureTable[]>();
    for (const [staffUserId, person] of readers) {
      const preferences = await preferencesOf(db, staffUserId);
      if (!preferences.channels.weekly_summary.email) continue;
      const lang = preferences.language;
      if (!tables.has(lang))
        tables.set(
          lang,
          FIGURES.map((id) => figureTable(insights, id, lang)),
        );
      const base = mailPublicUrl();
      const { token, hash } = newUnsubscribeToken();
      const unsubscribe = `${base}${unsubscribePath(lang, token)}`;
      const mail = renderWeeklySummary(tables.get(lang)!, lang, period, {
        insights: `${base}${insightsPaths.page(lang)}?from=${period.from}&to=${period.to}`,
        preferences: `${base}${lang === 'en' ? '/en/manage/notifications' : '/beheer/meldingen'}`,
        unsubscribe,
      });
      const added = await enqueueMail(
        db,
        {
          organisationId: organisation.id,
          staffUserId,
          recipient: person.email,
          kind: 'staff.weekly_summary',
          locale: lang,
          ...mail,
          headers: oneClickHeaders(unsubscribe),
          dedupeKey: `staff:${staffUserId}:weekly_summary:${period.week}`,
          unsubscribeTokenHash: hash,
        },
        now,
      );
      if (added) queued++;
    }
  }
  return queued;
}

/** Runs `queueWeeklySummaries` when this process claims the check (one per deployment per interval). */
export async function runWeeklySummaryIfDue(db: Db, now: Date, everyMs: number): Promise<number | undefined> {
  await db.insert(jobLeases).values({ name: WEEKLY_SUMMARY_JOB, nextRunAt: now }).onConflictDoNothing();
  const claimed = await db
    .update(jobLeases)
    .set({ nextRunAt: new Date(now.getTime() + everyMs), lastRunAt: now })
    .where(and(eq(jobLeases.name, WEEKLY_SUMMARY_JOB), lte(jobLeases.nextRunAt, now)))
    .returning({ name: jobLeases.name });
  if (claimed.length === 0) return undefined;
  return queueWeeklySummaries(db, now);
}

export function startWeeklySummaryLoop(
  db: Db,
  options: { everyMs: number; log?: (message: string) => void; clock?: () => Date },
): () => Promise<void> {
  const { everyMs, log = () => {}, clock = () => new Date() } = options;
  return startBackgroundLoop(
    WEEKLY_SUMMARY_JOB,
    async () => {
      const queued = await runWeeklySummaryIfDue(db, clock(), everyMs);
      if (queued) log(`Queued ${queued} weekly insights summaries.`);
    },
    everyMs,
  );
}
