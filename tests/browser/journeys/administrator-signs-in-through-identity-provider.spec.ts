/**
 * Journey on the running product (Podium as `npm start` runs it, configured with the
 * organisation's identity provider: the test provider Playwright starts beside it). An
 * administrator says on the sign-in settings page that the provider's group `podium-beheer`
 * makes someone an administrator; a new colleague who has no Podium account then signs in
 * through the provider in the browser, lands in the workbench as an administrator, and logs
 * out, at Podium and at the provider.
 */
import { expect, test } from '@playwright/test';
import { JOURNEY_ADMIN, OIDC_ACCOUNTS, TEST_BASE_URL, TEST_OIDC_ISSUER } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';

test('a new administrator without a Podium account signs in through the identity provider and lands in the workbench', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const newcomer = OIDC_ACCOUNTS['nieuwe-beheerder'];

  // The administrator maps the group, with the keyboard where a form is concerned.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto(`${TEST_BASE_URL}/beheer/inloggen`);
  await admin.getByLabel('E-mailadres').fill(JOURNEY_ADMIN.email);
  await admin.getByLabel('Wachtwoord').fill(JOURNEY_ADMIN.password);
  await admin.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await admin.getByRole('link', { name: 'Inloggen via organisatie' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Inloggen via de organisatie' })).toBeVisible();
  const row = admin.getByRole('group', { name: 'Nieuwe regel 1' });
  await row.getByLabel('Groep of rol bij de inlogdienst').fill('podium-beheer');
  await row.getByLabel('Rol in Podium').selectOption({ label: 'Beheerder' });
  await admin.getByRole('button', { name: 'Opslaan' }).press('Enter');
  await expect(admin.getByRole('status')).toContainText(/De lijst is opgeslagen|Er was niets veranderd/);
  await expect(admin.locator('input[value="podium-beheer"]')).toHaveCount(1);
  await adminContext.close();

  // The newcomer, in a browser of their own.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${TEST_BASE_URL}/beheer/inloggen`);
  await page.getByRole('link', { name: 'Inloggen via Demodam-account' }).click();
  await expect(page).toHaveURL(new RegExp(`^${TEST_OIDC_ISSUER}/interaction/`));
  await page.getByLabel('Gebruikersnaam').fill('nieuwe-beheerder');
  await page.getByRole('button', { name: 'Inloggen' }).click();

  await expect(page).toHaveURL(`${TEST_BASE_URL}/beheer/`);
  await expect(page.getByText(`Ingelogd als ${newcomer.name}`)).toBeVisible();
  // An administrator's workbench: the administrators' pages are in the navigation and open.
  await page.getByRole('link', { name: 'Collega’s' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Collega’s' })).toBeVisible();
  const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: newcomer.name }) });
  await expect(entry).toContainText('Beheerder');
  await expect(entry).toContainText('Actief');
  await expectNoAxeViolations(page, { context: 'colleagues, signed in through the provider' });

  // Logging out ends the session at Podium, then at the provider, which sends the browser back.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(new RegExp(`^${TEST_OIDC_ISSUER}/`));
  await page.getByRole('button', { name: 'Ja, log mij uit' }).click();
  await expect(page).toHaveURL(`${TEST_BASE_URL}/beheer/inloggen?uitgelogd`);
  await page.goto(`${TEST_BASE_URL}/beheer/`);
  await expect(page).toHaveURL(/\/beheer\/inloggen/);
  await context.close();
});
