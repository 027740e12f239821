/**
 * Signing in through the organisation in a real browser: the log-in page with the provider's
 * button, the page that says the sign-in service cannot be reached, and the administrators'
 * page of groups and roles (a refused row, then a saved one); each checked with axe, walked
 * with Tab, and shown at 320 px, with 200% text and in forced colours. The provider here is
 * one nobody answers at; the journey signs in through a real one.
 */
import { expect, test, type Page } from '@playwright/test';
import { createOidcProvider } from '../../../api/services/auth/oidc.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { expectedLightStops, horizontalOverflow, tabWalk } from '../support/page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const EMAIL = 'admin@demodam.example';
let podium: StaffPodium;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const oidc = createOidcProvider({
    // Port 9 (discard): nothing listens, so the connection is refused at once.
    issuer: 'http://127.0.0.1:9',
    clientId: 'podium',
    clientSecret: 'not used',
    name: 'Demodam-account',
    rolesClaim: 'groups',
    scopes: 'openid email profile',
    organisation: undefined,
    publicUrl: 'http://127.0.0.1',
  });
  podium = await startStaffPodium([{ email: EMAIL, displayName: 'Ad Min', role: 'administrator' }], { oidc });
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

test('the log-in page offers signing in through the organisation, in Dutch and English', async ({ page }) => {
  await page.goto(`${podium.baseUrl}/beheer/inloggen`);
  const button = page.getByRole('link', { name: 'Inloggen via Demodam-account' });
  await expect(button).toBeVisible();
  const box = (await button.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  await expectNoAxeViolations(page, { context: 'log-in with the provider' });
  await expectKeyboardWalk(page);
  await checkLayout(page, 'log-in with the provider');

  await page.goto(`${podium.baseUrl}/en/manage/login`);
  await expect(page.getByRole('link', { name: 'Log in through Demodam-account' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'English log-in with the provider' });
});

test('when the sign-in service cannot be reached, the error summary says so, takes focus and leads to the button', async ({
  page,
}) => {
  await page.goto(`${podium.baseUrl}/beheer/inloggen`);
  await page.getByRole('link', { name: 'Inloggen via Demodam-account' }).click();
  const summary = page.locator('#staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('de inlogdienst is niet bereikbaar');
  await expect(page.getByLabel('E-mailadres')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'sign-in service unreachable' });
  await checkLayout(page, 'sign-in service unreachable');
  await summary.getByRole('link').click();
  await expect(page.getByRole('link', { name: 'Inloggen via Demodam-account', exact: true })).toBeFocused();

  // The log-in page itself now warns too, without taking focus.
  await page.goto(`${podium.baseUrl}/beheer/inloggen`);
  await expect(page.getByText('de inlogdienst is niet bereikbaar')).toBeVisible();
  await expect(page.locator('#staff-error-summary')).toHaveCount(0);
  await expectNoAxeViolations(page, { context: 'log-in after the service was unreachable' });
});

test('an administrator maps a group to a role, after a refused row', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, EMAIL);
  await page.getByRole('link', { name: 'Inloggen via organisatie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen via de organisatie' })).toBeVisible();
  await expect(page.getByText('http://127.0.0.1/beheer/inloggen/organisatie/terug')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'sign-in settings' });
  await expectKeyboardWalk(page);
  await checkLayout(page, 'sign-in settings');

  const first = page.getByRole('group', { name: 'Nieuwe regel 1' });
  await first.getByLabel('Groep of rol bij de inlogdienst').fill('afdeling-verkeer');
  await first.getByLabel('Rol in Podium').selectOption({ label: 'Lid van een afdeling' });
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const summary = page.locator('#staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Kies de afdeling voor ‘afdeling-verkeer’');
  await expectNoAxeViolations(page, { context: 'sign-in settings refused' });
  await checkLayout(page, 'sign-in settings refused');
  await summary.getByRole('link').click();
  const department = page.locator('#d0');
  await expect(department).toBeFocused();
  await expect(page.locator('#c0')).toHaveValue('afdeling-verkeer');

  await department.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('De lijst is opgeslagen.');
  await expect(
    page.getByRole('group', { name: 'Regel 1', exact: true }).getByLabel('Groep of rol bij de inlogdienst'),
  ).toHaveValue('afdeling-verkeer');
  await expectNoAxeViolations(page, { context: 'sign-in settings saved' });
});
