/**
 * The personal API keys page in a real browser: reached from the navigation, a refused form,
 * a key made (shown once, focused to copy) and revoked; each state checked with axe, walked
 * with Tab, and shown at 320 px, with 200% text and in forced colours.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';
import { expectedLightStops, horizontalOverflow, tabWalk } from '../support/page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const EMAIL = 'webcare@demodam.example';
let podium: StaffPodium;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  podium = await startStaffPodium([{ email: EMAIL, displayName: 'Web Care', role: 'webcare' }]);
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

test('a staff member makes a key for a script, after a refused form, copies it and revokes it', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, EMAIL);
  await page.getByRole('link', { name: 'API-sleutels' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn API-sleutels' })).toBeVisible();
  await expect(page.getByText('U heeft nog geen API-sleutels.')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'api keys' });
  await expectKeyboardWalk(page);
  await checkLayout(page, 'api keys');

  await page.getByRole('button', { name: 'Sleutel maken' }).click();
  await expect(page.locator('#staff-error-summary')).toContainText('Vul een naam in');
  await expect(page.getByLabel('Naam')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, { context: 'api keys refused' });
  await checkLayout(page, 'api keys refused');

  await page.getByLabel('Naam').fill('Weekrapport wachtrij');
  await page.getByLabel('Geldig voor').selectOption('30');
  await page.getByRole('button', { name: 'Sleutel maken' }).click();
  const key = page.getByLabel('Sleutel Weekrapport wachtrij');
  await expect(key).toBeFocused();
  await expect(key).toHaveValue(/^podium_[A-Za-z0-9_-]{43}$/);
  await expectNoAxeViolations(page, { context: 'api key made' });
  await checkLayout(page, 'api key made');

  await page.getByRole('button', { name: 'Trek sleutel Weekrapport wachtrij in' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Sleutel Weekrapport wachtrij is ingetrokken. Scripts met deze sleutel werken niet meer.',
  );
  await expect(page.getByText('Ingetrokken', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'api key revoked' });
});

test('the English API keys page passes axe and 320 px', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, EMAIL, { lang: 'en', next: '/en/manage/api-keys' });
  await expect(page.getByRole('heading', { level: 1, name: 'My API keys' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'api keys (en)' });
  await checkLayout(page, 'api keys (en)');
});
