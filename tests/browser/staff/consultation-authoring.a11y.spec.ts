/**
 * The consultation authoring pages in a real browser: the list, a new draft with errors,
 * the edit page (builder, preview, readability hints) as a draft, with refused input and
 * after a colleague's save, with an image and a refused image, and the outcome page: axe, focus visible on every Tab stop,
 * 320 px, 200% text and forced colours. Runs its own Podium in the test process.
 */
import { expect, test } from '@playwright/test';
import { PNG_40x30 } from '../../support/image-fixtures.ts';
import { checkStaffPage } from '../support/staff-page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const EMAIL = 'admin@demodam.example';
const BASE = '/beheer/consultaties-opstellen';

let podium: StaffPodium;
let baseUrl: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  podium = await startStaffPodium([{ email: EMAIL, displayName: 'Ad Min', role: 'administrator' }]);
  ({ baseUrl } = podium);
});

test.afterAll(() => podium?.close());

test('the list and a refused new draft pass the page checks, with focus on the error summary', async ({ page }) => {
  test.setTimeout(120_000);
  await logInAsStaff(page, baseUrl, EMAIL);
  await page.goto(`${baseUrl}${BASE}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Consultaties opstellen' })).toBeVisible();
  await checkStaffPage(page, 'authoring list');
  await page.getByRole('link', { name: 'Nieuwe consultatie' }).press('Enter');
  await page.getByLabel('Webadres (slug)').fill('Niet Goed!');
  await page.getByRole('button', { name: 'Concept maken' }).press('Enter');
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expect(page.getByLabel('Webadres (slug)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Webadres (slug)')).toHaveValue('Niet Goed!');
  await checkStaffPage(page, 'new draft with errors');
});

test('the edit page with a question, a refused save and a stale save passes the page checks', async ({
  page,
  browser,
}) => {
  // Three rounds of page checks (axe twice, a Tab walk, reflow) on a long form.
  test.setTimeout(180_000);
  await logInAsStaff(page, baseUrl, EMAIL);
  await page.goto(`${baseUrl}${BASE}/nieuw`);
  await page.getByLabel('Webadres (slug)').fill('bankjes-plein');
  await page.getByLabel('Titel (Nederlands)').fill('Bankjes op het plein');
  await page.getByRole('button', { name: 'Concept maken' }).press('Enter');
  await page.getByLabel('Soort nieuwe vraag').selectOption('scale');
  await page.getByRole('button', { name: 'Vraag toevoegen' }).press('Enter');
  await expect(page.locator('#q0-prompt-nl')).toBeFocused();
  await page.keyboard.type('Hoe belangrijk vindt u bankjes?');
  await checkStaffPage(page, 'edit page with a new question, not saved');

  // A text that is too long is refused next to its field, with everything kept.
  await page.locator('#whoDecides-nl').fill('x'.repeat(400));
  await page.getByRole('button', { name: 'Opslaan' }).first().press('Enter');
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expect(page.locator('#whoDecides-nl')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#q0-prompt-nl')).toHaveValue('Hoe belangrijk vindt u bankjes?');
  await checkStaffPage(page, 'edit page with a refused save');

  // A colleague saves first; this save is refused with what they changed, and the text stays.
  await page.locator('#whoDecides-nl').fill('De gemeenteraad');
  const colleague = await (await browser.newContext()).newPage();
  await logInAsStaff(colleague, baseUrl, EMAIL);
  await colleague.goto(`${baseUrl}${BASE}/bankjes-plein`);
  await colleague.locator('#summary-nl').fill('Wij zoeken plekken voor nieuwe bankjes.');
  await colleague.getByRole('button', { name: 'Opslaan' }).first().press('Enter');
  await expect(colleague.getByRole('status').filter({ hasText: 'Opgeslagen (versie 2)' })).toBeVisible();
  await page.getByRole('button', { name: 'Opslaan' }).first().press('Enter');
  await expect(page.locator('#stale')).toContainText('Een collega heeft deze consultatie intussen gewijzigd');
  await expect(page.locator('#stale')).toContainText('Wat vragen we?');
  await expect(page.locator('#whoDecides-nl')).toHaveValue('De gemeenteraad');
  await checkStaffPage(page, 'edit page after a colleague saved');
});

test('the edit page with an image, its preview and a refused image pass the page checks', async ({ page }) => {
  // Two rounds of page checks on a long form.
  test.setTimeout(180_000);
  await logInAsStaff(page, baseUrl, EMAIL);
  await page.goto(`${baseUrl}${BASE}/nieuw`);
  await page.getByLabel('Webadres (slug)').fill('bomen-plein');
  await page.getByLabel('Titel (Nederlands)').fill('Bomen op het plein');
  await page.getByRole('button', { name: 'Concept maken' }).press('Enter');

  const adding = page.locator('form:has(#image-new-file)');
  await page
    .locator('#image-new-file')
    .setInputFiles({ name: 'plein.png', mimeType: 'image/png', buffer: Buffer.from(PNG_40x30) });
  await page.getByLabel('Alternatieve tekst (Nederlands)').last().fill('Kaart van het plein met zes nieuwe bomen');
  await page.getByLabel('Alternatieve tekst (Engels)').last().fill('Map of the square with six new trees');
  await adding.getByRole('button', { name: 'Afbeelding toevoegen' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'De afbeelding is toegevoegd' })).toBeVisible();
  // The preview shows it as residents will see it: its alt text, its size, loaded lazily.
  const shown = page.locator('.staff-preview img');
  await expect(shown).toHaveAttribute('alt', 'Kaart van het plein met zes nieuwe bomen');
  await expect(shown).toHaveAttribute('width', '40');
  await expect(shown).toHaveAttribute('loading', 'lazy');
  // Each image's fields say which image they belong to, the file field too (WCAG 2.4.6).
  const images = page.locator('section[aria-labelledby="images-heading"]');
  const imageFields = images.locator('input:not([type=hidden]), textarea, select');
  const names = await imageFields.evaluateAll((fields) =>
    fields.map((field) => (field as HTMLInputElement).labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
  );
  expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  await expect(
    images.getByLabel('Vervangen door een ander bestand (mag leeg blijven), Afbeelding 1', { exact: true }),
  ).toHaveCount(1);
  // So does each image's save button: no other button on the page is called the same.
  const buttonNames = (buttons: typeof imageFields) =>
    buttons.evaluateAll((all) => all.map((b) => b.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
  const onPage = await buttonNames(page.locator('main button'));
  for (const name of await buttonNames(images.locator('button')))
    expect(
      onPage.filter((other) => other === name),
      name,
    ).toHaveLength(1);
  await expect(images.getByRole('button', { name: /^Opslaan ?, Afbeelding 1$/ })).toHaveCount(1);
  await checkStaffPage(page, 'edit page with an image');

  // Without alternative text it is refused next to the field, with what was typed kept.
  await page
    .locator('#image-new-file')
    .setInputFiles({ name: 'bank.png', mimeType: 'image/png', buffer: Buffer.from(PNG_40x30) });
  await page.locator('#image-new-alt-en').fill('A bench');
  await page.locator('#image-new-caption-nl').fill('De nieuwe bank');
  await adding.getByRole('button', { name: 'Afbeelding toevoegen' }).press('Enter');
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expect(page.locator('#image-new-alt-nl')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#image-new-alt-en')).toHaveValue('A bench');
  await expect(page.locator('#image-new-caption-nl')).toHaveValue('De nieuwe bank');
  await checkStaffPage(page, 'edit page with a refused image');
});
