/**
 * The embedding page in a real browser: reached from the navigation, a refused address,
 * adding and removing one; each state checked with axe, walked with Tab, and shown at
 * 320 px, with 200% text and in forced colours.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';
import { expectedLightStops, horizontalOverflow, tabWalk } from '../support/page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const EMAIL = 'admin@demodam.example';
let podium: StaffPodium;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  podium = await startStaffPodium([{ email: EMAIL, displayName: 'Ad Min', role: 'administrator' }]);
});

test.afterAll(() => podium?.close());

async function expectKeyboardWalk(page: Page): Promise<void> {
  await page.locator('body').focus();
  const expected = await expectedLightStops(page);
  const stops = await tabWalk(page);
  expect(stops.filter((stop) => !stop.focusVisible).map((stop) => stop.name)).toEqual([]);
  expect(stops.flatMap((stop) => (stop.lightIndex === null ? [] : [stop.lightIndex]))).toEqual(expected);
}

async function checkLayout(page: Page, context: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await horizontalOverflow(page), `${context} at 320 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  expect(await horizontalOverflow(page), `${context} at 200% text`).toBeLessThanOrEqual(0);
  await page.evaluate(() => (document.documentElement.style.fontSize = ''));
  await page.emulateMedia({ forcedColors: 'active' });
  await expectNoAxeViolations(page, { context: `${context} in forced colours` });
  await page.emulateMedia({ forcedColors: 'none' });
}

test('an administrator allows a web address, after a refused one, and removes it again', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, EMAIL);
  await page.getByRole('link', { name: 'Insluiten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Webadressen die widgets mogen insluiten' })).toBeVisible();
  await expect(page.getByText('http://localhost:* (elke poort)')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'embedding' });
  await expectKeyboardWalk(page);
  await checkLayout(page, 'embedding');

  await page.getByLabel('Webadres').fill('https://www.demodam.nl/meedoen');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.locator('#staff-error-summary')).toContainText('Laat alles na de naam van de website weg');
  await expect(page.getByLabel('Webadres')).toHaveValue('https://www.demodam.nl/meedoen');
  await expectNoAxeViolations(page, { context: 'embedding refused' });
  await checkLayout(page, 'embedding refused');

  await page.getByLabel('Webadres').fill('https://www.demodam.nl');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByRole('status')).toHaveText('https://www.demodam.nl is toegevoegd.');
  await page.getByRole('button', { name: 'Verwijder https://www.demodam.nl' }).click();
  await expect(page.getByRole('status')).toHaveText('https://www.demodam.nl is verwijderd.');
  await expectNoAxeViolations(page, { context: 'embedding removed' });
});

test('the English embedding page passes axe and 320 px', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, EMAIL, { lang: 'en', next: '/en/manage/embedding' });
  await expect(page.getByRole('heading', { level: 1, name: 'Web addresses that may embed widgets' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'embedding (en)' });
  await checkLayout(page, 'embedding (en)');
});
