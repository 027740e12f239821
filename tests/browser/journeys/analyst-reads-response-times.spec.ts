/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo): the
 * insights' "on time" is the inbox's. A resident gives input on the portal, webcare answers it
 * in the inbox well within the time the inbox shows, and the analyst finds one more answer,
 * and one more on time, in the response times of these days under the portal's promise: counted against
 * the due moment the inbox showed, not one the insights work out again (they once did, with a
 * promise of their own, and could call late what the inbox had shown on time). Counted before
 * and after, so other journeys' answers of the same day do not matter.
 */
import { expect, test, type Page } from '@playwright/test';
import { JOURNEY_ANALYST, JOURNEY_WEBCARE } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { CODE_PATTERN, CONSULTATION_NL, fillDemoForm } from '../support/portal.ts';
import { logIn } from '../support/staff-log-in.ts';

/** The portal guideline's name in the demo: the row header of the portal's response times. */
const PORTAL = 'Participatieportaal';

/** The Amsterdam date `offset` days from now, as the insights count periods. */
function amsterdamDay(offset: number): string {
  const at = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(at);
}

/** The portal's row of the period's response times, from the figure's JSON export (exact numbers). */
async function portalResponseTimes(analyst: Page, period: string) {
  const response = await analyst.request.get(`/beheer/inzichten/export/response-times.json?${period}`);
  expect(response.status()).toBe(200);
  const { rows } = (await response.json()) as { rows: Array<Record<string, string | number | null>> };
  const row = rows.find((candidate) => candidate.channel === PORTAL);
  const answered = Number(row?.answered ?? 0);
  return {
    answered,
    onTime: Math.round(Number(row?.onTimeShare ?? 0) * answered),
    promise: typeof row?.promise === 'string' ? row.promise : null,
  };
}

test('webcare answers portal input in time, and the analyst finds it answered on time under the portal’s promise', async ({
  browser,
}) => {
  // Yesterday to tomorrow: the input counts in the period even when midnight passes during the journey.
  const period = new URLSearchParams({ from: amsterdamDay(-1), to: amsterdamDay(1) }).toString();
  const analyst = await (await browser.newContext()).newPage();
  // An analyst has no queue: the workbench opens on the insights.
  await logIn(analyst, JOURNEY_ANALYST, /\/beheer\/inzichten\/$/);
  const before = await portalResponseTimes(analyst, period);

  // The resident, on the portal.
  const marker = `stoep${Date.now()}`;
  const resident = await (await browser.newContext()).newPage();
  await resident.goto(CONSULTATION_NL);
  await fillDemoForm(resident);
  await resident.getByLabel('Wat wilt u ons verder meegeven?').fill(`Wanneer wordt de stoep hersteld? (${marker})`);
  await resident.getByRole('button', { name: 'Reactie versturen' }).click();
  await expect(resident).toHaveURL(/\/bevestiging\/[A-Z0-9-]+\/$/);
  expect((await resident.locator('.podium-code').textContent())?.trim() ?? '').toMatch(CODE_PATTERN);

  // Webcare finds it in the inbox and answers it at once.
  const webcare = await (await browser.newContext()).newPage();
  await logIn(webcare, JOURNEY_WEBCARE);
  const list = webcare.getByRole('list', { name: 'Items in de inbox' });
  await webcare.getByLabel('Zoeken in de tekst').fill(marker);
  await webcare.getByRole('button', { name: 'Filter toepassen' }).click();
  await expect(list.locator('li')).toHaveCount(1);
  await list.locator('li').getByRole('link').click();
  await expect(webcare.getByRole('article')).toContainText(marker);
  await webcare.getByLabel('Antwoord aan de inwoner (optioneel)').fill('De stoep wordt volgende maand hersteld.');
  await webcare.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(webcare.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();

  // The analyst: one more answer under the portal, and one more on time.
  const after = await portalResponseTimes(analyst, period);
  expect(after.answered).toBe(before.answered + 1);
  expect(after.onTime).toBe(before.onTime + 1);
  expect(after.promise).toMatch(/^\d+(–\d+)? (werkdag|werkdagen|uur kantoortijd)$/);

  // The same row on the page, with the promise in words, and the page passes axe.
  await analyst.goto(`/beheer/inzichten/?${period}`);
  const row = analyst
    .getByRole('region', { name: 'Antwoordtijden per kanaal' })
    .getByRole('row')
    .filter({ has: analyst.getByRole('rowheader', { name: PORTAL, exact: true }) });
  await expect(row.getByRole('cell').first()).toHaveText(after.promise!);
  await expectNoAxeViolations(analyst, { context: 'insights with the response times of these days' });
});
