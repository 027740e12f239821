/**
 * The organisation and departments settings pages (api/staff/settings/) in a real browser,
 * in Dutch and English: each page as it opens, the organisation page after a refused save (an
 * empty name, an SVG logo, house colours below WCAG contrast) and with a logo, its own colours
 * and only Dutch, the departments page after a refused removal and
 * after adding one. Each state gets the staff page checks (axe, Tab with visible focus, 320 px,
 * 200% text, forced colours). Like the other staff specs it runs its own Podium in memory.
 */
import { expect, test, type Page } from '@playwright/test';
import { png } from '../../support/images.ts';
import { checkStaffPage, expectUniqueFieldNames } from '../support/staff-page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const ADMIN = 'admin@demodam.example';
let podium: StaffPodium;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  podium = await startStaffPodium([{ email: ADMIN, displayName: 'Ad Min', role: 'administrator' }]);
});

test.afterAll(() => podium?.close());

const pages = {
  organisation: { nl: '/beheer/instellingen/organisatie', en: '/en/manage/settings/organisation' },
  departments: { nl: '/beheer/instellingen/afdelingen', en: '/en/manage/settings/departments' },
} as const;
const titles = {
  organisation: { nl: 'Organisatie', en: 'Organisation' },
  departments: { nl: 'Afdelingen', en: 'Departments' },
} as const;

async function open(page: Page, which: keyof typeof pages, lang: 'nl' | 'en'): Promise<void> {
  await logInAsStaff(page, podium.baseUrl, ADMIN);
  await page.goto(`${podium.baseUrl}${pages[which][lang]}`);
  await expect(page.getByRole('heading', { level: 1, name: titles[which][lang] })).toBeVisible();
}

for (const lang of ['nl', 'en'] as const) {
  for (const which of ['organisation', 'departments'] as const) {
    test(`the ${which} settings page passes the staff page checks (${lang})`, async ({ page }) => {
      await open(page, which, lang);
      await checkStaffPage(page, `${which} (${lang})`);
    });
  }
}

test('the settings page leads to both pages', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, ADMIN);
  await page.goto(`${podium.baseUrl}/beheer/instellingen`);
  await page.getByRole('main').getByRole('link', { name: 'Organisatie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisatie' })).toBeVisible();
  await page.goBack();
  await page.getByRole('main').getByRole('link', { name: 'Afdelingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Afdelingen' })).toBeVisible();
});

test('an empty name is refused with a summary that leads to the field, what was typed kept', async ({ page }) => {
  await open(page, 'organisation', 'nl');
  await page.getByLabel('Naam (Nederlands)').fill('');
  await page.getByLabel('Naam (Engels, niet verplicht)').fill('Municipality of Demodam');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  const summary = page.locator('#staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Vul de Nederlandse naam in.');
  await expect(page.getByLabel('Naam (Engels, niet verplicht)')).toHaveValue('Municipality of Demodam');
  await summary.getByRole('link').first().click();
  await expect(page.getByLabel('Naam (Nederlands)')).toBeFocused();
  await checkStaffPage(page, 'organisation with an error');
});

test('an SVG logo is refused saying why; a PNG with its text is shown on the page', async ({ page }) => {
  await open(page, 'organisation', 'nl');
  await page.getByLabel('Bestand met het logo').setInputFiles({
    name: 'logo.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  });
  await page.getByLabel('Tekst bij het logo (Nederlands)').fill('Logo van Gemeente Demodam');
  await page.getByRole('button', { name: 'Logo opslaan' }).click();
  await expect(page.locator('#staff-error-summary')).toContainText('SVG-bestanden nemen we niet aan');
  await expect(page.getByLabel('Tekst bij het logo (Nederlands)')).toHaveValue('Logo van Gemeente Demodam');
  await checkStaffPage(page, 'organisation with a refused logo');

  await page.getByLabel('Bestand met het logo').setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: Buffer.from(png(240, 80)),
  });
  await page.getByRole('button', { name: 'Logo opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('Het logo is opgeslagen.');
  await expect(page.getByRole('img', { name: 'Logo van Gemeente Demodam' })).toBeVisible();
  await checkStaffPage(page, 'organisation with a logo');
});

test('house colours below the contrast they need are refused naming the ratio; accessible ones are saved', async ({
  page,
}) => {
  await open(page, 'organisation', 'nl');
  const accent = page.getByRole('textbox', { name: 'Accentkleur (links, knoppen, randen)' });
  await expect(accent).toHaveValue('#00588a');
  // The preview follows what is typed (a help only: the server measures again).
  await accent.fill('#ffcc00');
  await expect(page.locator('#accent-ratio')).toHaveText(
    'Contrast met de witte achtergrond: 1,51 : 1 (nodig: 4,5 : 1).',
  );
  expect(await page.locator('[data-swatch="accent"]').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
    'rgb(255, 204, 0)',
  );
  await page.getByRole('textbox', { name: 'Kleur van de focusrand' }).fill('#aaaaaa');
  await page.getByRole('button', { name: 'Kleuren opslaan' }).click();
  const summary = page.locator('#staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(
    'Het contrast van de accentkleur met de witte achtergrond is 1,51 : 1; nodig is minstens 4,5 : 1.',
  );
  await expect(summary).toContainText('Het contrast van de focusrand met de witte achtergrond is 2,32 : 1');
  await expect(accent).toHaveValue('#ffcc00');
  await expect(accent).toHaveAttribute('aria-invalid', 'true');
  await checkStaffPage(page, 'organisation with refused colours');
  await summary.getByRole('link').first().click();
  await expect(accent).toBeFocused();

  await accent.fill('#0066cc');
  await page.getByRole('textbox', { name: 'Kleur van de focusrand' }).fill('#1b1b1b');
  await expect(page.locator('#accent-ratio')).toHaveText(
    'Contrast met de witte achtergrond: 5,56 : 1 (nodig: 4,5 : 1).',
  );
  await page.getByRole('button', { name: 'Kleuren opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('De huisstijlkleuren zijn opgeslagen.');
  await expect(accent).toHaveValue('#0066cc');

  // English off and on again: Dutch cannot be switched off.
  await expect(page.getByRole('checkbox', { name: 'Nederlands (altijd)' })).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Engels' }).uncheck();
  await page.getByRole('button', { name: 'Talen opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('De talen van het portaal zijn opgeslagen.');
  await expect(page.getByRole('checkbox', { name: 'Engels' })).not.toBeChecked();
  await checkStaffPage(page, 'organisation with house colours and only Dutch');
  await page.getByRole('checkbox', { name: 'Engels' }).check();
  await page.getByRole('button', { name: 'Talen opslaan' }).click();
  await expect(page.getByRole('checkbox', { name: 'Engels' })).toBeChecked();
});

test('removing a department in use is refused with what uses it; a new one is added', async ({ page }) => {
  await open(page, 'departments', 'nl');
  await page.getByRole('button', { name: 'Verwijderen: Team Verkeer' }).click();
  await expect(page.locator('#staff-error-summary')).toContainText('Deze afdeling is nog in gebruik bij');
  await checkStaffPage(page, 'departments with a refused removal');

  await page.locator('#new-name-nl').fill('Groen en Water');
  await page.getByRole('button', { name: 'Afdeling toevoegen' }).click();
  await expect(page.getByRole('status')).toHaveText('Afdeling ‘Groen en Water’ is toegevoegd.');
  await expect(page.getByRole('heading', { level: 3, name: 'Groen en Water' })).toBeVisible();
  await checkStaffPage(page, 'departments after adding one');

  // Each department's fields carry its name for screen readers (WCAG 2.4.6); Chromium counts the
  // visually hidden part as a block of its own, so a space may come before its comma.
  expect(await expectUniqueFieldNames(page, 'departments (nl)')).toHaveLength(6);
  await expect(page.getByRole('textbox', { name: /^Naam \(Nederlands\) ?, Groen en Water$/ })).toHaveCount(1);
  await page.goto(`${podium.baseUrl}${pages.departments.en}`);
  expect(await expectUniqueFieldNames(page, 'departments (en)')).toHaveLength(6);
  await expect(page.getByRole('textbox', { name: /^Name \(Dutch\) ?, Traffic team$/ })).toHaveCount(1);
});
