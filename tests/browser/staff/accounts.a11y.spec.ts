/**
 * The connected-accounts page in a real browser, as accessibility.md asks: an administrator
 * connects the municipality's account on the local Mastodon instance by keyboard only, a
 * refused token is an error in the summary linked to its field (the token never shown
 * again), and the page passes axe, reflows at 320 CSS px, survives 200% text and keeps its
 * words in forced colours; the same for a Bluesky account with an app password, and for an
 * account whose token the platform refused while taking mentions in (needs attention), and for
 * connecting through OAuth (the page before the instance, and a declined authorization, in
 * Dutch and English), and reconnecting (the replaced access revoked at the instance, or not).
 * Runs its own Podium in the test process, with a sealing key.
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';
import { addUserStyle, clippedElements, horizontalOverflow } from '../support/page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';
import { pollIntakeIfDue } from '../../../api/services/social/intake.ts';
import { BSKY_HANDLE, startPlatformServer, type PlatformServer } from '../../support/platform-server.ts';

const ADMIN = 'beheer@demodam.example';
const TOKEN = 'tok-browser-0123456789';
const APP_PASSWORD = 'brow-ser1-app2-pass';
let secretKey: Buffer;

let podium: StaffPodium;
let platform: PlatformServer;

// Long Tab walks over a page with five forms, and axe after each state: more than the default 30 s on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  secretKey = randomBytes(32);
  podium = await startStaffPodium([{ email: ADMIN, displayName: 'Bea Heer', role: 'administrator' }], {
    socialPosting: () => ({ secretKey, allowPrivateHosts: true }),
  });
  platform = await startPlatformServer();
  platform.tokens.set(TOKEN, 'gemeente');
  platform.appPasswords.set(BSKY_HANDLE, APP_PASSWORD);
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

test('a Bluesky account is connected with an app password by keyboard; a refused one is explained at its field', async ({
  page,
}) => {
  await logInAsStaff(page, podium.baseUrl, ADMIN, { next: PAGE });
  await tabTo(page, '#bluesky-identifier');
  await page.keyboard.type(BSKY_HANDLE);
  await page.keyboard.press('Tab');
  await page.keyboard.type('aaaa-bbbb-cccc-dddd');
  await page.keyboard.press('Tab');
  await page.keyboard.type(platform.origin);
  await page.keyboard.press('Enter');
  const summary = page.locator('#staff-error-summary');
  await expect(summary).toContainText('Bluesky accepteert deze accountnaam met dit app-wachtwoord niet');
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#bluesky-identifier');
  await expect(page.locator('#bluesky-identifier')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#bluesky-identifier')).toHaveValue(BSKY_HANDLE);
  await expect(page.locator('#bluesky-appPassword')).toHaveValue('');
  await expect(page.locator('#bluesky-pds')).toHaveValue(platform.origin);
  await expectNoAxeViolations(page, { context: 'the connected-accounts page with a refused app password' });

  await page.locator('#bluesky-appPassword').focus();
  await page.keyboard.type(APP_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText(`Het account @${BSKY_HANDLE} is gekoppeld.`);
  await expect(page.getByRole('row', { name: new RegExp(`@${BSKY_HANDLE}`) })).toContainText('Bluesky');
  await expect(page.locator('main')).not.toContainText(APP_PASSWORD);
  await expectNoAxeViolations(page, { context: 'the connected-accounts page with a Bluesky account' });
});

test('listening is switched on by keyboard; a bad term is explained at its field and what was typed is kept', async ({
  page,
}) => {
  await logInAsStaff(page, podium.baseUrl, ADMIN, { next: PAGE });
  await expect(page.getByRole('heading', { level: 2, name: 'Luisteren naar onderwerpen' })).toBeVisible();
  const group = page.getByRole('group', { name: `@${BSKY_HANDLE} op Bluesky` });
  const enabled = group.getByRole('checkbox', { name: 'Luisteren naar deze hashtags en trefwoorden' });
  await expect(enabled).not.toBeChecked();
  await enabled.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type('#fietspad\n"bankje" OR x');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const summary = page.locator('#staff-error-summary');
  await expect(summary).toContainText('Dit is geen hashtag of trefwoord: "bankje" OR x');
  const terms = page
    .getByRole('textbox', { name: 'Hashtags en trefwoorden' })
    .and(page.locator('[aria-invalid="true"]'));
  await expect(terms).toHaveValue('#fietspad\n"bankje" OR x');
  await expect(summary.getByRole('link')).toHaveAttribute('href', `#${await terms.getAttribute('id')}`);
  await expectNoAxeViolations(page, { context: 'the connected-accounts page with a refused listening term' });

  await terms.fill('#fietspad\nbankje');
  await terms.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText(`Het luisteren voor @${BSKY_HANDLE} is opgeslagen.`);
  await expect(group.getByRole('checkbox')).toBeChecked();
  await expect(group.getByRole('textbox')).toHaveValue('#fietspad\nbankje');
  await expectNoAxeViolations(page, { context: 'the connected-accounts page with listening on' });
});

test('an account whose token the platform refused is marked as needing attention, in words', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, ADMIN, { next: PAGE });
  // Connected again (the earlier connection was revoked above), then the instance refuses the token.
  await page.locator('#account-instance').fill(platform.origin);
  await page.locator('#account-token').fill(TOKEN);
  await page.getByRole('button', { name: 'Mastodon-account koppelen' }).click();
  await expect(page.getByRole('status')).toContainText('is gekoppeld');
  platform.tokens.delete(TOKEN);
  platform.appPasswords.delete(BSKY_HANDLE);
  platform.expireBlueskySessions({ refreshToo: true });
  await pollIntakeIfDue(
    podium.database.db,
    { posting: { secretKey, allowPrivateHosts: true }, imports: { allowPrivateHosts: true } },
    { everyMs: 60_000 },
  );
  await page.reload();
  const attention = page.locator('main').getByText('Heeft aandacht nodig sinds');
  await expect(attention).toHaveCount(2);
  await expectNoAxeViolations(page, { context: 'the connected-accounts page with accounts that need attention' });
  await page.goto(`${podium.baseUrl}/en/manage/social-accounts`);
  await expect(page.locator('main').getByText('Needs attention since')).toHaveCount(2);
  await expectNoAxeViolations(page, {
    context: 'the English connected-accounts page with accounts that need attention',
  });
});

test('connecting through OAuth: the page before the instance and a declined authorization pass axe, in Dutch and English', async ({
  page,
}) => {
  const host = new URL(platform.origin).host;
  await logInAsStaff(page, podium.baseUrl, ADMIN, { next: PAGE });
  for (const [path, words] of [
    [
      PAGE,
      {
        field: 'Mastodon-server van de gemeente',
        title: `Toestemming geven op ${host}`,
        go: `Naar ${host} om toestemming te geven`,
        declined: 'U hebt op de Mastodon-server geen toestemming gegeven.',
      },
    ],
    [
      '/en/manage/social-accounts',
      {
        field: "The municipality's Mastodon server",
        title: `Give permission on ${host}`,
        go: `To ${host} to give permission`,
        declined: 'You did not give permission on the Mastodon server.',
      },
    ],
  ] as const) {
    await page.goto(`${podium.baseUrl}${path}`);
    await page.getByLabel(words.field).fill(platform.origin);
    await page.getByLabel(words.field).press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.title);
    await expectNoAxeViolations(page, { context: `the page before the instance (${path})` });
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('link', { name: words.go }).press('Enter');
    await page.getByRole('button', { name: 'Deny' }).press('Enter');
    const summary = page.locator('#staff-error-summary');
    await expect(summary).toContainText(words.declined);
    await expect(summary.getByRole('link')).toHaveAttribute('href', '#mastodon-instance');
    await expect(page.locator('#mastodon-instance')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#mastodon-instance')).toHaveValue(platform.origin);
    await expectNoAxeViolations(page, {
      context: `the connected-accounts page after a declined authorization (${path})`,
    });
  }
});

test('reconnecting through OAuth says whether the replaced access was revoked at the instance, in words that pass axe', async ({
  page,
}) => {
  await logInAsStaff(page, podium.baseUrl, ADMIN, { next: PAGE });
  const connect = async (path: string) => {
    await page.goto(`${podium.baseUrl}${path}`);
    await page.locator('#mastodon-instance').fill(platform.origin);
    await page.locator('#mastodon-instance').press('Enter');
    await page.getByRole('link', { name: /om toestemming te geven|to give permission/ }).press('Enter');
    await page.getByRole('button', { name: 'Authorize' }).press('Enter');
  };
  await connect(PAGE);
  await expect(page.getByRole('status')).toContainText('is gekoppeld');
  await connect(PAGE);
  await expect(page.getByRole('status')).toContainText(
    'De vorige toegang van Podium tot dit account is op de Mastodon-server ingetrokken.',
  );
  await expectNoAxeViolations(page, { context: 'the connected-accounts page after reconnecting' });

  platform.oauth.revokeTrouble = true;
  try {
    await connect('/en/manage/social-accounts');
  } finally {
    platform.oauth.revokeTrouble = false;
  }
  await expect(page.getByRole('status')).toContainText(
    "the Mastodon server could not revoke Podium's previous access to this account",
  );
  await expectNoAxeViolations(page, {
    context: 'the English connected-accounts page after reconnecting, the old access not revoked',
  });
});
