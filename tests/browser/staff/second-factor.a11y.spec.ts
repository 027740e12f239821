/**
 * Two-step verification's pages in a real browser: setting it up on one's own page (with a
 * refused first code), the recovery codes, the log-in's second step (with a refused code) and
 * the administrators' requirement page. Each page is checked with axe, walked with Tab, and
 * shown at 320 px, with 200% text and in forced colours. Codes are computed here with `otpauth`
 * from the key the page shows, as an authenticator app would.
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { expectNoAxeViolations } from '../support/axe.ts';
import { expectedLightStops, horizontalOverflow, tabWalk } from '../support/page-checks.ts';
import { logInAsStaff, STAFF_PASSWORD, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const ADMIN = 'admin@demodam.example';
const WEBCARE = 'wes@demodam.example';
const secretKey = randomBytes(32);

let podium: StaffPodium;
let baseUrl: string;
let key = '';

// Generous: axe at 320 px, 200 % text and forced colours on each page, on a shared machine.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  podium = await startStaffPodium(
    [
      { email: ADMIN, displayName: 'Ad Min', role: 'administrator' },
      { email: WEBCARE, displayName: 'Wes Care', role: 'webcare' },
    ],
    { socialPosting: () => ({ secretKey, allowPrivateHosts: false }) },
  );
  ({ baseUrl } = podium);
});

test.afterAll(() => podium?.close());

/** The code an authenticator app shows `steps` periods from now. */
function code(steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(key), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

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
  await expectNoAxeViolations(page, { context: `${context} at 200% text` });
  await page.evaluate(() => (document.documentElement.style.fontSize = ''));
  await page.emulateMedia({ forcedColors: 'active' });
  await expectNoAxeViolations(page, { context: `${context} in forced colours` });
  await page.emulateMedia({ forcedColors: 'none' });
}

test('a colleague sets up two-step verification on their own page, after a refused first code', async ({ page }) => {
  await logInAsStaff(page, baseUrl, WEBCARE);
  await page.getByRole('link', { name: 'Tweestapsverificatie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'own page, off' });
  await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Stap 1: voeg Podium toe aan uw app' })).toBeVisible();
  const shown = (await page.locator('code.staff-secret').textContent()) ?? '';
  expect(shown).toMatch(/^(?:[A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
  key = shown.replaceAll(' ', '');
  await expect(page.getByRole('link', { name: 'Podium toevoegen aan mijn app' })).toHaveAttribute(
    'href',
    new RegExp(`^otpauth://totp/.*secret=${key}`),
  );
  await expectNoAxeViolations(page, { context: 'own page, setting up' });
  await expectKeyboardWalk(page);
  await checkLayout(page, 'own page, setting up');

  await page.getByLabel('Code uit de app').fill('000000' === code() ? '111111' : '000000');
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expect(page.locator('#staff-error-summary')).toContainText('Deze code klopt niet');
  await expect(page.getByLabel('Code uit de app')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, { context: 'own page, wrong code' });

  await page.getByLabel('Code uit de app').fill(code());
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bewaar uw herstelcodes' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem')).toHaveCount(10);
  await expectNoAxeViolations(page, { context: 'recovery codes' });
  await expectKeyboardWalk(page);
  await checkLayout(page, 'recovery codes');
  await page.getByRole('link', { name: 'Ik heb de codes bewaard, verder' }).click();
  await expect(page.getByText('U heeft nog 10 herstelcodes over.')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'own page, on' });
  await checkLayout(page, 'own page, on');
  await page.goto(`${baseUrl}/en/manage/two-step-verification`);
  await expect(page.getByText('You have 10 recovery codes left.')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'own page, on (en)' });
  await checkLayout(page, 'own page, on (en)');
});

test('the log-in’s second step asks for the code, refuses a wrong one, and lets the right one in', async ({ page }) => {
  await page.goto(`${baseUrl}/beheer/inloggen`);
  await page.getByLabel('E-mailadres').fill(WEBCARE);
  await page.getByLabel('Wachtwoord').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Code invullen' })).toBeVisible();
  await expect(page.getByLabel('Code')).toHaveAttribute('autocomplete', 'one-time-code');
  await expectNoAxeViolations(page, { context: 'second step' });
  await expectKeyboardWalk(page);
  await checkLayout(page, 'second step');

  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expect(page.locator('#staff-error-summary')).toContainText('Vul de code in.');
  await expectNoAxeViolations(page, { context: 'second step, no code' });
  await checkLayout(page, 'second step, no code');

  // The code of the next step: the current one was used to set the factor up.
  await page.getByLabel('Code').fill(code(1));
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page).toHaveURL(`${baseUrl}/beheer/`);
});

test('the English second step passes axe and 320 px', async ({ page }) => {
  await page.goto(`${baseUrl}/en/manage/login`);
  await page.getByLabel('E-mail address').fill(WEBCARE);
  await page.getByLabel('Password').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter your code' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'second step (en)' });
  await checkLayout(page, 'second step (en)');
});

test('an administrator requires two-step verification on the sign-in security page', async ({ page }) => {
  await logInAsStaff(page, baseUrl, ADMIN);
  await page.getByRole('link', { name: 'Inlogbeveiliging' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inlogbeveiliging' })).toBeVisible();
  await expect(page.getByText('1 van de 2 actieve accounts met een wachtwoord')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'requirement' });
  await expectKeyboardWalk(page);
  await checkLayout(page, 'requirement');
  await page.goto(`${baseUrl}/en/manage/sign-in-security`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign-in security' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'requirement (en)' });
  await checkLayout(page, 'requirement (en)');
  await page.goto(`${baseUrl}/beheer/inlogbeveiliging`);

  await page.getByRole('group', { name: 'Tweestapsverificatie' }).getByLabel('Verplicht voor alle accounts').check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('Tweestapsverificatie is nu verplicht.');
  await expectNoAxeViolations(page, { context: 'requirement saved' });
  await checkLayout(page, 'requirement saved');

  // The colleague's page shows the factor and offers the reset.
  await page.goto(`${baseUrl}/beheer/collegas`);
  await page.getByRole('link', { name: 'Wes Care' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tweestapsverificatie' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'colleague with a factor' });
  await page.getByRole('button', { name: 'Tweestapsverificatie herstellen' }).click();
  await expect(page.getByRole('status')).toHaveText('De tweestapsverificatie van uw collega is hersteld.');
});

test('a colleague held at the log-in until a factor is set up sees only the setting-up page', async ({ page }) => {
  await page.goto(`${baseUrl}/beheer/inloggen`);
  await page.getByLabel('E-mailadres').fill(WEBCARE);
  await page.getByLabel('Wachtwoord').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(`${baseUrl}/beheer/tweestapsverificatie`);
  await expect(page.getByText('Uw organisatie vraagt tweestapsverificatie')).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expectNoAxeViolations(page, { context: 'held for setting up' });
  await expectKeyboardWalk(page);
  await checkLayout(page, 'held for setting up');
});
