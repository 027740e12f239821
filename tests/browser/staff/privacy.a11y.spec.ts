/**
 * The staff privacy screens in a real browser: search, results, erasure confirmation,
 * errors and the retention settings, each checked with axe, walked with Tab and shown at
 * 320 px. Like the workbench spec, it runs its own Podium on an in-memory database.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Database } from '../../../api/db/client.ts';
import { submitInput } from '../../../api/services/submissions.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { expectedLightStops, horizontalOverflow, tabWalk } from '../support/page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const EMAIL = 'admin@demodam.example';

let podium: StaffPodium;
let database: Database;
let baseUrl: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  podium = await startStaffPodium([{ email: EMAIL, displayName: 'Ad Min', role: 'administrator' }]);
  ({ database, baseUrl } = podium);
  await submitInput(database.db, {
    consultationSlug: 'fietsroute-stationsstraat',
    now: new Date(),
    input: {
      answers: { route: 'parklaan', toelichting: 'Meer licht op het fietspad.' },
      language: 'nl',
      channel: 'portal',
      name: 'Dirk Dekker',
      email: 'dirk@example.nl',
      consent: true,
    },
  });
});

test.afterAll(() => podium.close());

const logIn = (page: Page) => logInAsStaff(page, baseUrl, EMAIL);

/** Every control in document order by Tab, with a visible focus. */
async function expectKeyboardWalk(page: Page): Promise<void> {
  await page.locator('body').focus();
  const expected = await expectedLightStops(page);
  const stops = await tabWalk(page);
  expect(stops.filter((stop) => !stop.focusVisible).map((stop) => stop.name)).toEqual([]);
  expect(stops.flatMap((stop) => (stop.lightIndex === null ? [] : [stop.lightIndex]))).toEqual(expected);
}

async function expectReflow(page: Page): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  // Elements and text that reach past the right edge, named so a failure says where.
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 0.5;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const right = node instanceof Element ? node.getBoundingClientRect().right : range.getBoundingClientRect().right;
      if (right > limit)
        found.push(node instanceof Element ? `${node.tagName} ${node.className}` : `"${node.textContent}"`);
    }
    return found.slice(0, 5);
  });
  expect(wide).toEqual([]);
  expect(await horizontalOverflow(page), 'horizontal scrolling at 320 px').toBe(0);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('the privacy screen is reached from the navigation and passes axe, Tab and 320 px', async ({ page }) => {
  await logIn(page);
  await page.getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacyverzoeken' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'privacy requests' });
  await expectKeyboardWalk(page);
  await expectReflow(page);
});

test('a search without a value shows the error summary with focus', async ({ page }) => {
  await logIn(page);
  await page.goto(`${baseUrl}/beheer/privacy`);
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expect(page.getByLabel('E-mailadres of account')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, { context: 'privacy search errors' });
  await expectReflow(page);
});

test('search results, the erasure confirmation and its error pass axe, Tab and 320 px', async ({ page }) => {
  await logIn(page);
  await page.goto(`${baseUrl}/beheer/privacy`);
  await page.getByLabel('E-mailadres of account').fill('dirk@example.nl');
  await page.getByLabel('Zaaknummer (optioneel)').fill('Z-1');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('heading', { name: 'Gevonden' })).toBeVisible();
  await expect(page.getByText('fietsroute-stationsstraat')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'privacy search results' });
  await expectKeyboardWalk(page);
  await expectReflow(page);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download alles (JSON)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^podium-personal-data-.*\.json$/);

  await page.getByRole('button', { name: 'Verwijder alles…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gegevens verwijderen' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'erasure confirmation' });
  await expectKeyboardWalk(page);
  await page.getByRole('button', { name: 'Definitief verwijderen' }).click();
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expectNoAxeViolations(page, { context: 'erasure without confirmation' });
  await expectReflow(page);

  await page.getByLabel('Ik wil deze gegevens definitief verwijderen.').check();
  await page.getByRole('button', { name: 'Definitief verwijderen' }).click();
  await expect(page.getByRole('status')).toContainText('Verwijderd: 1 reactie');
  await expectNoAxeViolations(page, { context: 'erased' });
});

for (const lang of ['nl', 'en'] as const) {
  test(`the retention settings pass axe, Tab and 320 px, with errors too (${lang})`, async ({ page }) => {
    await logIn(page);
    await page.goto(`${baseUrl}${lang === 'nl' ? '/beheer/privacy/bewaartermijnen' : '/en/manage/privacy/retention'}`);
    await expectNoAxeViolations(page, { context: `retention (${lang})` });
    await expectKeyboardWalk(page);
    await expectReflow(page);

    const field = page.locator('#days-contact_details');
    await field.fill('nul');
    await page.getByRole('button', { name: lang === 'nl' ? 'Opslaan' : 'Save' }).click();
    await expect(page.locator('#staff-error-summary')).toBeFocused();
    await expect(field).toHaveValue('nul');
    await expectNoAxeViolations(page, { context: `retention errors (${lang})` });
    await expectReflow(page);

    await field.fill(lang === 'nl' ? '80' : '70');
    await page.getByRole('button', { name: lang === 'nl' ? 'Opslaan' : 'Save' }).click();
    await expect(page.getByRole('status').first()).toContainText(lang === 'nl' ? 'opgeslagen' : 'saved');
    await expectNoAxeViolations(page, { context: `retention saved (${lang})` });
  });
}
