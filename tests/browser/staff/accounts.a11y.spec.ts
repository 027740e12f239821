/**
 * The connected-accounts page in a real browser, as accessibility.md asks: an administrator
 * connects the municipality's account on the local Mastodon instance by keyboard only, a
 * refused token is an error in the summary linked to its field (the token never shown
 * again), and the page passes axe, reflows at 320 CSS px, survives 200% text and keeps its
 * words in forced colours. Runs its own Podium in the test process, with a sealing key.
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';
import { addUserStyle, clippedElements, horizontalOverflow } from '../support/page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';
import { startPlatformServer, type PlatformServer } from '../../support/platform-server.ts';

const ADMIN = 'beheer@demodam.example';
const TOKEN = 'tok-browser-0123456789';

let podium: StaffPodium;
let platform: PlatformServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const secretKey = randomBytes(32);
  podium = await startStaffPodium([{ email: ADMIN, displayName: 'Bea Heer', role: 'administrator' }], {
    socialPosting: () => ({ secretKey, allowPrivateHosts: true }),
  });
  platform = await startPlatformServer();
  platform.tokens.set(TOKEN, 'gemeente');
});

test.afterAll(async () => {
  await platform?.close();
  await podium?.close();
});

/** Tabs forward until the element matching `selector` has focus; fails after 80 presses. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${selector} was not reached with Tab`);
}

const PAGE = '/beheer/sociale-accounts';

test('an administrator connects the Mastodon account by keyboard; a refused token is explained at its field', async ({
  page,
}) => {
  await logInAsStaff(page, podium.baseUrl, ADMIN, { next: PAGE });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gekoppelde accounts op sociale media');
  await expect(page.locator('main')).toContainText('Er is nog geen account gekoppeld.');
  await expectNoAxeViolations(page, { context: 'the connected-accounts page, empty' });

  await tabTo(page, '#account-instance');
  await page.keyboard.type(platform.origin);
  await page.keyboard.press('Tab');
  await page.keyboard.type('niet-het-token');
  await page.keyboard.press('Enter');
  const summary = page.locator('#staff-error-summary');
  await expect(summary).toContainText('De server accepteert dit token niet');
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#account-token');
  await expect(page.locator('#account-token')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#account-token')).toHaveValue('');
  await expect(page.locator('#account-instance')).toHaveValue(platform.origin);
  await expectNoAxeViolations(page, { context: 'the connected-accounts page with a refused token' });

  await page.locator('#account-token').focus();
  await page.keyboard.type(TOKEN);
  await page.keyboard.press('Enter');
  const handle = `@gemeente@${new URL(platform.origin).host}`;
  await expect(page.getByRole('status')).toContainText(`Het account ${handle} is gekoppeld.`);
  const row = page.getByRole('row', { name: new RegExp(handle) });
  await expect(row).toContainText('Actief');
  await expect(page.locator('main')).not.toContainText(TOKEN);
  await expectNoAxeViolations(page, { context: 'the connected-accounts page with an account' });
});

test('the page reflows at 320 CSS px, survives 200% text and keeps its words in forced colours', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, ADMIN, { next: PAGE });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.reload();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await addUserStyle(page, 'html { font-size: 200% !important; }');
  expect(await clippedElements(page)).toEqual([]);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.reload();
  await expect(page.getByRole('button', { name: /Koppeling met @gemeente@.* intrekken/ })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'the connected-accounts page in forced colours' });
});

test('revoking the account is one button, and the list says it is revoked', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, ADMIN, { next: PAGE });
  await page.getByRole('button', { name: /Koppeling met @gemeente@.* intrekken/ }).click();
  await expect(page.getByRole('status')).toContainText('De koppeling is ingetrokken');
  await expect(page.locator('main')).toContainText('Ingetrokken op');
  await expectNoAxeViolations(page, { context: 'the connected-accounts page after revoking' });
});
