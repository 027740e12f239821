/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo): an
 * analyst reads how far a consultation reached. Residents open its page on the portal in both
 * languages and its widget on the council's own site; a search engine's crawler and a HEAD
 * request fetch the page too. On the insights page, for today, the analyst finds exactly the
 * residents' page visits (the crawler and the HEAD request not counted), the widget view
 * under the consultation and under the council's site, and the same counts in the open data
 * anyone may download — which says nothing about who visited.
 */
import { expect, type Page } from '@playwright/test';
import { JOURNEY_ANALYST } from '../../support/browser-env.ts';
import { widgetExamples } from '../../../widgets/examples.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { openHostPage, test } from '../support/host-pages.ts';
import { CONSULTATION_EN, CONSULTATION_NL } from '../support/portal.ts';
import { logIn } from '../support/staff-log-in.ts';

const SLUG = 'fietsroute-stationsstraat';
const TITLE = 'Nieuwe fietsroute Stationsstraat';
const submit = widgetExamples.find((examples) => examples.tag === 'podium-submit')!;

/** Today in Europe/Amsterdam, as the counts are kept per day. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/** A count as the page shows it ("1.234" in Dutch), or 0 for an empty cell. */
function count(text: string | null): number {
  return Number((text ?? '').replace(/\D/g, '') || 0);
}

/** The cells after the row header of one row of one figure's table. */
async function rowCells(page: Page, table: string, rowName: string | RegExp): Promise<string[] | null> {
  const row = page
    .getByRole('region', { name: table })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: rowName, exact: typeof rowName === 'string' }) });
  if ((await row.count()) === 0) return null;
  return row.first().getByRole('cell').allTextContents();
}

/** Page visits and widget views of the demo consultation on today's insights page (columns: visits, downloads, widget views, …). */
async function consultationReach(page: Page, period: string): Promise<{ visits: number; widgetViews: number }> {
  await page.goto(`/beheer/inzichten/?${period}`);
  const cells = await rowCells(page, 'Bereik per consultatie', TITLE);
  return { visits: count(cells?.[0] ?? null), widgetViews: count(cells?.[2] ?? null) };
}

test('an analyst reads today’s page visits and widget views of a consultation, without crawlers, and finds them in open data', async ({
  browser,
  hostServer,
  request,
}) => {
  test.setTimeout(120_000);
  const day = today();
  const period = new URLSearchParams({ from: day, to: day }).toString();

  const analyst = await (await browser.newContext()).newPage();
  // An analyst has no queue: the workbench opens on the insights.
  await logIn(analyst, JOURNEY_ANALYST, /\/beheer\/inzichten\/$/);
  // Earlier journeys' visits reach the database within a second of the flush interval; by
  // the time the log-in is done they are in, so this is where the analyst starts counting.
  const before = await consultationReach(analyst, period);

  // Not residents: a crawler, and a HEAD request (a link checker, say).
  const crawled = await request.get(CONSULTATION_NL, {
    headers: { 'User-Agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
  });
  expect(crawled.status()).toBe(200);
  expect((await request.head(CONSULTATION_NL)).status()).toBe(200);

  // Residents: two open the Dutch page, one the English page, one sees the widget on the council's site.
  for (const path of [CONSULTATION_NL, CONSULTATION_NL, CONSULTATION_EN]) {
    const resident = await (await browser.newContext()).newPage();
    await resident.goto(path);
    await expect(resident.getByRole('heading', { level: 1 })).toBeVisible();
    await resident.context().close();
  }
  const widgetReader = await (await browser.newContext()).newPage();
  await openHostPage(widgetReader, hostServer, { host: 'plain', widget: submit });
  await expect(widgetReader.locator('podium-submit').locator('form')).toBeVisible();
  await widgetReader.context().close();

  // The counts arrive with the next flush (the widget's view may come a flush later than the
  // pages): exactly the three residents' visits, not the crawler's or the HEAD, and the widget view.
  await expect
    .poll(
      async () => {
        const now = await consultationReach(analyst, period);
        return { visits: now.visits, widgetViewed: now.widgetViews > before.widgetViews };
      },
      { timeout: 30_000 },
    )
    .toEqual({ visits: before.visits + 3, widgetViewed: true });
  const after = await consultationReach(analyst, period);
  expect(after.visits, 'still three more a moment later: nothing else was counted').toBe(before.visits + 3);
  const site = await rowCells(analyst, 'Bereik per kanaal', `Widget op ${hostServer.listed}`);
  expect(site, 'the council’s site is named as a channel').not.toBeNull();
  expect(count(site![0]!)).toBeGreaterThan(0);
  await expectNoAxeViolations(analyst, { context: 'insights page with reach counted today' });

  // Anyone may take the same counts as open data, with nothing about the visitors in it.
  const openData = await request.get(`/api/open-data/visits?${period}`);
  expect(openData.status()).toBe(200);
  const body = (await openData.json()) as {
    consultations: Array<{ slug: string; day: string; pageVisits: number; widgetViews: number }>;
    pages: Array<{ path: string; consultation: string | null; visits: number }>;
  };
  const row = body.consultations.find((one) => one.slug === SLUG && one.day === day);
  expect(row).toMatchObject({ pageVisits: after.visits, widgetViews: after.widgetViews });
  const pageVisits = body.pages
    .filter((page) => page.consultation === SLUG)
    .reduce((sum, page) => sum + page.visits, 0);
  expect(pageVisits, 'the per-page counts add up to the consultation’s').toBe(after.visits);
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/Mozilla|Googlebot|127\.0\.0\.1|localhost/);
});
