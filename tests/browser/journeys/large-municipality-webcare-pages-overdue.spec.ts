/**
 * Journey on the running product at a large municipality's size (Podium as `npm start` runs
 * it, with the whole demo and thousands of generated items; playwright.config.ts): the
 * webcare team opens the overdue view from the staff menu, finds more late items counted
 * than one page shows, and goes through them by keyboard — the next page holds the less
 * late ones, none of the first page's — and back to the latest.
 */
import { expect, test, type Page } from '@playwright/test';
import { JOURNEY_WEBCARE, TEST_LARGE_BASE_URL } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logIn } from '../support/staff-log-in.ts';

test.use({ baseURL: TEST_LARGE_BASE_URL });

/** The overdue view shows this many at a time (api/services/webcare overdue paging). */
const PAGE_SIZE = 100;

/** The ids of the items on the page, in order, from their headings' ids. */
async function itemsOn(page: Page): Promise<string[]> {
  const ids = await page
    .locator('main ol.staff-queue > li > article')
    .evaluateAll((articles) => articles.map((article) => article.getAttribute('aria-labelledby') ?? ''));
  return ids.map((id) => id.replace(/^overdue-|-heading$/g, ''));
}

test('a webcare team pages through more overdue items than one page shows, by keyboard, and back to the latest', async ({
  page,
}) => {
  await logIn(page, JOURNEY_WEBCARE);
  await page.getByRole('link', { name: 'Te laat', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Te laat' })).toBeVisible();

  const counted = Number(((await page.getByText(/items te laat\.$/).textContent()) ?? '').replace(/\D/g, ''));
  expect(counted, 'the large municipality has more overdue items than a page').toBeGreaterThan(PAGE_SIZE);
  const first = await itemsOn(page);
  expect(first).toHaveLength(PAGE_SIZE);
  await expect(page.getByRole('link', { name: 'Terug naar de meest te late' })).toHaveCount(0);
  await expectNoAxeViolations(page, { context: 'the overdue view, first page of many' });

  const next = page
    .getByRole('navigation', { name: 'Pagina’s' })
    .getByRole('link', { name: 'Volgende pagina: minder te laat' });
  await next.focus();
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/beheer\/te-laat\?na=\d+\.[0-9a-f-]+$/);
  const second = await itemsOn(page);
  expect(second.length).toBeGreaterThan(0);
  expect(
    second.filter((id) => first.includes(id)),
    'no item on both pages',
  ).toEqual([]);
  // The same count on every page: it counts every overdue item, not the ones shown.
  await expect(page.getByText(/items te laat\.$/)).toHaveText(
    `${new Intl.NumberFormat('nl-NL').format(counted)} items te laat.`,
  );
  await expectNoAxeViolations(page, { context: 'the overdue view, a later page' });

  await page.getByRole('link', { name: 'Terug naar de meest te late' }).click();
  await expect(page).toHaveURL(/\/beheer\/te-laat$/);
  expect(await itemsOn(page)).toEqual(first);
});
