/**
 * The colleagues pages and the set-password page in a real browser: reached from the
 * navigation, inviting (with refused input first), one colleague's page, deactivating, and
 * the invited person choosing a password from the mail's link and logging in, and sending an
 * invitation again. Each page is
 * checked with axe, walked with Tab, and shown at 320 px, with 200% text and in forced colours.
 */
import { expect, test, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../api/db/client.ts';
import { outboxMessages } from '../../../api/db/schema.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { expectedLightStops, horizontalOverflow, tabWalk } from '../support/page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const EMAIL = 'admin@demodam.example';

let podium: StaffPodium;
let database: Database;
let baseUrl: string;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  podium = await startStaffPodium([
    { email: EMAIL, displayName: 'Ad Min', role: 'administrator' },
    { email: 'mo@demodam.example', displayName: 'Mo Derator', role: 'moderator' },
  ]);
  ({ database, baseUrl } = podium);
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

test('an administrator invites a colleague from the colleagues page, after a refused first try', async ({ page }) => {
  await logInAsStaff(page, baseUrl, EMAIL);
  await page.getByRole('link', { name: 'Collega’s' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Collega’s' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /Mo Derator/ })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'colleagues' });
  await expectKeyboardWalk(page);
  await checkLayout(page, 'colleagues');

  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.locator('#staff-error-summary')).toContainText('Vul de naam in');
  await expect(page.getByText('Kies minstens één rol of afdeling.').first()).toBeVisible();
  await expectNoAxeViolations(page, { context: 'colleagues with errors' });

  await page.getByLabel('Naam').fill('Anouk de Vries');
  await page.getByLabel('E-mailadres').fill('anouk@demodam.example');
  await page.getByRole('group', { name: 'Rollen' }).getByLabel('Webcare').check();
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'De uitnodiging voor anouk@demodam.example staat klaar om te versturen.',
  );
  await expect(page.getByText('Uitgenodigd, nog geen wachtwoord gekozen')).toBeVisible();
});

test('one colleague’s page changes roles and deactivates, and passes axe, Tab and 320 px', async ({ page }) => {
  await logInAsStaff(page, baseUrl, EMAIL, { next: '/beheer/collegas' });
  await page.getByRole('link', { name: 'Mo Derator' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Collega: Mo Derator' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'colleague' });
  await expectKeyboardWalk(page);
  await checkLayout(page, 'colleague');

  await page.getByRole('group', { name: 'Rollen' }).getByLabel('Analist').check();
  await page.getByRole('button', { name: 'Rollen opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('De rollen zijn opgeslagen.');
  await page.getByRole('button', { name: 'Account uitzetten' }).click();
  await expect(page.getByRole('status')).toHaveText('Het account is uitgezet.');
  await expect(page.getByRole('button', { name: 'Account weer aanzetten' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'colleague deactivated' });
});

test('the last administrator is told why they cannot deactivate themselves', async ({ page }) => {
  await logInAsStaff(page, baseUrl, EMAIL, { next: '/beheer/collegas' });
  await page.getByRole('link', { name: 'Ad Min' }).click();
  await page.getByRole('button', { name: 'Account uitzetten' }).click();
  await expect(page.getByText('er moet altijd minstens één beheerder actief blijven').first()).toBeVisible();
  await expectNoAxeViolations(page, { context: 'last administrator refused' });
});

test('the invited colleague follows the mail’s link, chooses a password and logs in', async ({ page }) => {
  const [mail] = await database.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, 'anouk@demodam.example'));
  const link = new URL(/https?:\/\/\S+\?token=\S+/.exec(mail!.text)![0]);
  await page.goto(`${baseUrl}${link.pathname}${link.search}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kies uw wachtwoord' })).toBeVisible();
  await expect(page.getByText('Welkom, Anouk de Vries.')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'set password' });
  await expectKeyboardWalk(page);
  await checkLayout(page, 'set password');

  await page.getByLabel('Nieuw wachtwoord').fill('kort');
  await page.getByLabel('Herhaal het wachtwoord').fill('kort');
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByText('Het wachtwoord is te kort: gebruik minstens 12 tekens.').first()).toBeVisible();
  await expectNoAxeViolations(page, { context: 'set password with errors' });

  await page.getByLabel('Nieuw wachtwoord').fill('fietsen langs het park');
  await page.getByLabel('Herhaal het wachtwoord').fill('fietsen langs het park');
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByText('Uw wachtwoord is opgeslagen. U kunt nu inloggen.')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'password saved' });
  await page.getByRole('link', { name: 'Naar de inlogpagina' }).click();
  await page.getByLabel('E-mailadres').fill('anouk@demodam.example');
  await page.getByLabel('Wachtwoord').fill('fietsen langs het park');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(`${baseUrl}/beheer/`);
});

test('an invited colleague’s page offers the invitation again, by keyboard, and says a new one is on its way', async ({
  page,
}) => {
  await logInAsStaff(page, baseUrl, EMAIL, { next: '/beheer/collegas' });
  await page.getByLabel('Naam').fill('Bo Opnieuw');
  await page.getByLabel('E-mailadres').fill('bo@demodam.example');
  await page.getByRole('group', { name: 'Rollen' }).getByLabel('Analist').check();
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await page.getByRole('link', { name: 'Bo Opnieuw' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Uitnodiging opnieuw versturen' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'invited colleague' });
  await expectKeyboardWalk(page);
  await checkLayout(page, 'invited colleague');

  await page.getByRole('button', { name: 'Uitnodiging opnieuw versturen' }).press('Enter');
  await expect(page.getByRole('status')).toHaveText(
    'Een nieuwe uitnodiging voor bo@demodam.example staat klaar om te versturen. De link in eerdere uitnodigingen werkt niet meer.',
  );
  await expectNoAxeViolations(page, { context: 'invitation sent again' });
  const mails = await database.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, 'bo@demodam.example'));
  expect(mails).toHaveLength(2);
});

test('the English colleagues page passes axe and 320 px', async ({ page }) => {
  await logInAsStaff(page, baseUrl, EMAIL, { lang: 'en', next: '/en/manage/colleagues' });
  await expect(page.getByRole('heading', { level: 1, name: 'Colleagues' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'colleagues (en)' });
  await checkLayout(page, 'colleagues (en)');
});
