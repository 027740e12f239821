/**
 * The announcement composer in a real browser, as accessibility.md asks: a poster starts
 * from a kind's template, the per-platform previews show their counts (and a text too long
 * for Bluesky says so), an image without alternative text is refused with an error summary
 * linked to that image's field, and each state passes axe, reflows at 320 CSS px and keeps
 * working at 200% text. Runs its own Podium in the test process.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';
import { horizontalOverflow } from '../support/page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';
import { PNG_40x30 } from '../../support/image-fixtures.ts';

const POSTER = 'poster@demodam.example';
/** A real image: the composer reads it and takes out its metadata, which a fake one fails. */
const PNG = Buffer.from(PNG_40x30);

let podium: StaffPodium;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  podium = await startStaffPodium([{ email: POSTER, displayName: 'Paula Poster', role: 'poster' }]);
});
test.afterAll(async () => podium?.close());

test('the list and the composer from a template pass axe, with the previews and their counts', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, POSTER, { next: '/beheer/aankondigingen' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aankondigingen');
  await expectNoAxeViolations(page, { context: 'the announcements list, empty' });
  await page.getByLabel('Soort aankondiging').selectOption({ label: 'Wegwerkzaamheden' });
  await page.getByRole('button', { name: 'Beginnen met schrijven' }).click();
  await expect(page.getByLabel('Titel')).toHaveValue('Werk aan de [straat]');
  await expect(page.getByRole('heading', { name: 'Mastodon' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bluesky' })).toBeVisible();
  await expect(page.locator('#preview-heading')).toHaveText('Voorbeeld per platform');
  await expect(page.locator('main')).toContainText(/van 300 tekens \(graféemen\) — Past/);
  await expect(page.getByLabel('X', { exact: true })).toHaveJSProperty('readOnly', true);
  await expectNoAxeViolations(page, { context: 'the composer with a template' });
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('an image without alternative text is refused at its field; a text too long for Bluesky shows in the preview', async ({
  page,
}) => {
  await logInAsStaff(page, podium.baseUrl, POSTER, { next: '/beheer/aankondigingen/nieuw?soort=delay' });
  await page.getByLabel('Tekst', { exact: true }).fill(`${'De veerpont vaart niet door harde wind. '.repeat(8)}`);
  await page
    .getByLabel('Afbeelding toevoegen')
    .setInputFiles({ name: 'kaart.png', mimeType: 'image/png', buffer: PNG });
  await page.getByLabel('Moment van plaatsen').fill('2026-11-30T10:00');
  await page.getByRole('button', { name: 'Inplannen' }).click();
  const summary = page.locator('#staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Vul de alternatieve tekst bij afbeelding 1 in.');
  const link = summary.getByRole('link', { name: 'Vul de alternatieve tekst bij afbeelding 1 in.' });
  await expect(link).toHaveAttribute('href', '#announcement-image-1');
  await expect(page.locator('#announcement-image-1')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('main')).toContainText(/te veel/);
  await expect(page).toHaveTitle(/^Fout:/);
  await expectNoAxeViolations(page, { context: 'the composer with errors' });
  await link.click();
  await expect(page.locator('#announcement-image-1')).toBeFocused();
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await expect(page.locator('#announcement-image-1')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'the composer with errors at 200% text' });
});
