/**
 * The topics pages in a real browser: the list with its place buttons and the new-topic form,
 * the form refused, one topic's edit page, and a save refused after a colleague's, in Dutch
 * and English: every state through the staff page checks (axe, focus, 320 px, 200 % text,
 * forced colours). Runs its own Podium in the test process.
 */
import { expect, test } from '@playwright/test';
import { checkStaffPage } from '../support/staff-page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const EMAIL = 'admin@demodam.example';

let podium: StaffPodium;
let baseUrl: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  podium = await startStaffPodium([{ email: EMAIL, displayName: 'Ad Min', role: 'administrator' }]);
  ({ baseUrl } = podium);
});

test.afterAll(() => podium?.close());

test('the list and a refused new topic pass the page checks, with focus on the error summary', async ({ page }) => {
  test.setTimeout(120_000);
  await logInAsStaff(page, baseUrl, EMAIL);
  await page.goto(`${baseUrl}/beheer/onderwerpen`);
  await expect(page.getByRole('heading', { level: 1, name: 'Onderwerpen' })).toBeVisible();
  await checkStaffPage(page, 'topics list');
  await page.getByLabel('Adres (slug)').fill('Groen!');
  await page.getByRole('button', { name: 'Onderwerp maken' }).press('Enter');
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expect(page.getByLabel('Adres (slug)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Adres (slug)')).toHaveValue('Groen!');
  await checkStaffPage(page, 'new topic with errors');
});

test('a topic made with the keyboard, its edit page and a stale save pass the page checks', async ({ page }) => {
  test.setTimeout(120_000);
  await logInAsStaff(page, baseUrl, EMAIL);
  await page.goto(`${baseUrl}/beheer/onderwerpen`);
  await page.getByLabel('Adres (slug)').fill('groen-en-spelen');
  await page.getByRole('group', { name: 'Nederlands', exact: true }).getByLabel('Titel').fill('Groen en spelen');
  await page
    .getByRole('group', { name: 'Nederlands', exact: true })
    .getByLabel('Beschrijving')
    .fill('Parken, speelplekken en bomen in de wijk.');
  await page.getByRole('button', { name: 'Onderwerp maken' }).press('Enter');
  await expect(page.getByText('Onderwerp ‘Groen en spelen’ is gemaakt.')).toBeVisible();
  await page.getByRole('link', { name: 'Groen en spelen' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Onderwerp Groen en spelen' })).toBeVisible();
  await checkStaffPage(page, 'topic edit page');

  // A colleague saves first (same account, another tab): this page's version is now old.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await other
    .getByRole('group', { name: 'Nederlands', exact: true })
    .getByLabel('Titel')
    .fill('Groen, spelen en bomen');
  await other.getByRole('button', { name: 'Opslaan' }).click();
  await expect(other.getByText('De wijzigingen zijn opgeslagen.')).toBeVisible();
  await other.close();

  await page
    .getByRole('group', { name: 'Nederlands', exact: true })
    .getByLabel('Beschrijving')
    .fill('Mijn eigen beschrijving.');
  await page.getByRole('button', { name: 'Opslaan' }).press('Enter');
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expect(page.locator('#staff-error-summary')).toContainText('heeft dit onderwerp intussen opgeslagen (titel)');
  await expect(page.getByRole('group', { name: 'Nederlands', exact: true }).getByLabel('Beschrijving')).toHaveValue(
    'Mijn eigen beschrijving.',
  );
  await checkStaffPage(page, 'topic edit page after a stale save');
});

test('the English list passes the page checks', async ({ page }) => {
  test.setTimeout(120_000);
  await logInAsStaff(page, baseUrl, EMAIL);
  await page.goto(`${baseUrl}/en/manage/topics`);
  await expect(page.getByRole('heading', { level: 1, name: 'Topics' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Move .* down one place/ }).first()).toBeVisible();
  await checkStaffPage(page, 'English topics list');
});
