/**
 * Journey on the running product at a large municipality's size (Podium as `npm start` runs
 * it, with the whole demo and thousands of generated items; playwright.config.ts): an
 * administrator opens the audit log, which holds more entries than it browses. The caption
 * says "more than 10.000" and how to reach older entries; the administrator chooses a period
 * in the filters, and the caption then counts exactly the entries of that period.
 */
import { expect, test } from '@playwright/test';
import { JOURNEY_ADMIN, TEST_LARGE_BASE_URL } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logIn } from '../support/staff-log-in.ts';

test.use({ baseURL: TEST_LARGE_BASE_URL });

/** A calendar day in Europe/Amsterdam, `days` before today, as the date fields take it. */
function daysAgo(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(Date.now() - days * 24 * 60 * 60 * 1000),
  );
}

test('an administrator meets the audit log’s browse limit and reaches older entries by choosing a period', async ({
  page,
}) => {
  await logIn(page, JOURNEY_ADMIN, /\/beheer\//);
  await page.goto('/beheer/');
  await page.getByRole('link', { name: 'Auditlog', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Auditlog' })).toBeVisible();
  const caption = page.locator('caption');
  await expect(caption).toContainText('van meer dan 10.000');
  await expect(page.getByText('Oudere regels vindt u door een periode te kiezen')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'the audit log past its browse limit' });

  // Half a year ago, one week: the generated entries are spread over the whole period.
  await page.getByLabel('Van (datum)').fill(daysAgo(190));
  await page.getByLabel('Tot en met (datum)').fill(daysAgo(183));
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/from=/);
  await expect(caption).not.toContainText('meer dan');
  await expect(caption).toContainText(/Regels 1 tot en met \d+ van [\d.]+/);
  await expect(page.getByText('Oudere regels vindt u door een periode te kiezen')).toHaveCount(0);
  const rows = page.getByRole('region', { name: /Regels/ }).getByRole('row');
  expect(await rows.count(), 'entries of that week').toBeGreaterThan(1);
  await expectNoAxeViolations(page, { context: 'the audit log for one week half a year ago' });
});
