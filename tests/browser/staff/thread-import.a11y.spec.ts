/**
 * The thread-import page in a real browser, as webcare uses it: reached from the navigation,
 * a refused export file (the typed title kept), an import from the files Mastodon gives with
 * its result and the list; each state checked with axe, walked with Tab, and shown at 320 px,
 * with 200% text and in forced colours (checkStaffPage). English too.
 */
import { expect, test } from '@playwright/test';
import { mastodonThread } from '../../fixtures/social/payloads.ts';
import { checkStaffPage } from '../support/staff-page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const EMAIL = 'webcare@demodam.example';
let podium: StaffPodium;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  podium = await startStaffPodium([{ email: EMAIL, displayName: 'Web Care', role: 'webcare' }]);
});

test.afterAll(() => podium?.close());

function exportFiles() {
  const { status, context } = mastodonThread();
  const descendants = context.descendants as Array<{ content: string }>;
  descendants[0]!.content = '<p>Met mijn scootmobiel kom ik er niet langs.</p>';
  return [
    { name: 'status.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(status)) },
    { name: 'context.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(context)) },
  ];
}

test('webcare imports a thread from export files, after a refused file, and sees the result', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, EMAIL);
  await page.getByRole('link', { name: 'Gesprekken importeren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gesprekken van sociale media' })).toBeVisible();
  await checkStaffPage(page, 'thread import');

  await page.getByLabel('Titel (Nederlands)').fill('Gesprek over het viaduct');
  await page
    .getByLabel('Of: exportbestand(en)')
    .setInputFiles([{ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{"status": ') }]);
  await page.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.locator('#staff-error-summary')).toContainText('kapot.json is geen geldig JSON-bestand');
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expect(page.getByLabel('Titel (Nederlands)')).toHaveValue('Gesprek over het viaduct');
  await checkStaffPage(page, 'thread import refused');

  await page.getByLabel('Of: exportbestand(en)').setInputFiles(exportFiles());
  await page.getByLabel('Hoort bij consultatie').selectOption({ label: 'Nieuwe fietsroute Stationsstraat' });
  await page.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Het gesprek ‘Gesprek over het viaduct’ is geïmporteerd: 3 berichten opgenomen.',
  );
  await expect(page.getByRole('heading', { name: '1 bericht bevat mogelijk persoonsgegevens' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Gesprek over het viaduct/ })).toContainText('Uit een bestand');
  await checkStaffPage(page, 'thread import result');
});

test('the English page passes the same checks', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, EMAIL, { lang: 'en', next: '/en/manage/conversations' });
  await expect(page.getByRole('heading', { level: 1, name: 'Conversations from social media' })).toBeVisible();
  await checkStaffPage(page, 'thread import (en)');
});
