/**
 * Passkeys in a real browser with Chromium's virtual authenticator (CDP `WebAuthn`: CTAP2, a
 * platform authenticator with user verification, as a laptop's fingerprint reader): adding
 * one on one's own page (after a refused empty name), the recovery codes, the list, a second
 * ceremony the authenticator refuses (the same passkey twice), the log-in's second step with
 * the passkey, a refused removal and the removal; and the page in a browser without WebAuthn.
 * Each page state gets the staff checks (axe, Tab, 320 px, 200 % text, forced colours).
 *
 * The page is opened at `localhost`: browsers refuse an IP address as a relying party, and the
 * server's relying party for a loopback address is `localhost` (api/services/auth/passkeys.ts).
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { checkStaffPage } from '../support/staff-page-checks.ts';
import { STAFF_PASSWORD, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const EMAIL = 'pia@demodam.example';
const secretKey = randomBytes(32);

let podium: StaffPodium;
let base: string;

test.describe.configure({ mode: 'serial', timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  podium = await startStaffPodium([{ email: EMAIL, displayName: 'Pia Passkey', role: 'webcare' }], {
    socialPosting: () => ({ secretKey, allowPrivateHosts: false }),
  });
  base = podium.baseUrl.replace('127.0.0.1', 'localhost');
});

test.afterAll(() => podium?.close());

/** A platform authenticator that verifies the user at once, as a fingerprint reader would. */
async function virtualAuthenticator(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return cdp;
}

async function logInWithPassword(page: Page): Promise<void> {
  await page.goto(`${base}/beheer/inloggen`);
  await page.getByLabel('E-mailadres').fill(EMAIL);
  await page.getByLabel('Wachtwoord').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

test('a colleague adds a passkey, logs in with it, and removes it', async ({ page }) => {
  await virtualAuthenticator(page);
  await logInWithPassword(page);
  await expect(page).toHaveURL(`${base}/beheer/`);
  await page.getByRole('link', { name: 'Tweestapsverificatie' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Passkeys' })).toBeVisible();
  // This browser can: the form shows, the explanation for browsers that cannot goes.
  await expect(page.getByLabel('Naam van de passkey')).toBeVisible();
  await expect(page.getByText('Deze browser kan dat niet')).toBeHidden();
  await checkStaffPage(page, 'own page, no passkey');

  await page.getByRole('button', { name: 'Passkey toevoegen' }).click();
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expect(page.locator('#staff-error-summary')).toContainText('Vul een naam in voor de passkey.');
  await expect(page.getByLabel('Naam van de passkey')).toHaveAttribute('aria-invalid', 'true');
  await checkStaffPage(page, 'own page, passkey name refused');

  await page.getByLabel('Naam van de passkey').fill('laptop werk');
  await page.getByRole('button', { name: 'Passkey toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bewaar uw herstelcodes' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem')).toHaveCount(10);
  await page.getByRole('link', { name: 'Ik heb de codes bewaard, verder' }).click();
  await expect(page.getByRole('status')).toHaveText('Passkey ‘laptop werk’ is toegevoegd.');
  const list = page.getByRole('list', { name: 'Uw passkeys' });
  await expect(list.getByRole('heading', { level: 3, name: 'laptop werk' })).toBeVisible();
  await expect(list).toContainText('Nog niet');
  await checkStaffPage(page, 'own page, one passkey');

  // The same authenticator again: it refuses (it already holds a passkey for this account).
  await page.getByLabel('Naam van de passkey').fill('nog een keer');
  await page.getByRole('button', { name: 'Passkey toevoegen' }).click();
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expect(page.locator('#staff-error-summary')).toContainText('De browser kon de passkey niet gebruiken.');
  await expect(page.getByLabel('Naam van de passkey')).toHaveValue('nog een keer');
  // The summary's link leads to the add button, which says what went wrong too.
  await expect(page.locator('#staff-error-summary a')).toHaveAttribute('href', '#passkey-add');
  await expect(page.locator('#passkey-add-error')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Passkey toevoegen' })).toHaveAccessibleDescription(
    /De browser kon de passkey niet gebruiken\./,
  );
  await checkStaffPage(page, 'own page, ceremony refused');

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await logInWithPassword(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Code invullen' })).toBeVisible();
  await expect(page.getByText('Bevestig nu met uw passkey.')).toBeVisible();
  await checkStaffPage(page, 'second step with a passkey');
  await page.getByRole('button', { name: 'Aanmelden met passkey' }).click();
  await expect(page).toHaveURL(`${base}/beheer/`);

  await page.goto(`${base}/beheer/tweestapsverificatie`);
  await expect(list).not.toContainText('Nog niet');
  await page.getByRole('group', { name: 'Passkey' }).getByLabel('laptop werk').check();
  await page.getByLabel('Uw wachtwoord').fill('not my password');
  await page.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.locator('#staff-error-summary')).toContainText('Dit wachtwoord klopt niet.');
  await checkStaffPage(page, 'own page, removal refused');
  await page.getByRole('group', { name: 'Passkey' }).getByLabel('laptop werk').check();
  await page.getByLabel('Uw wachtwoord').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByRole('status')).toHaveText('De passkey is verwijderd.');
  await expect(page.getByText('U heeft nog geen passkey.')).toBeVisible();

  await page.goto(`${base}/en/manage/two-step-verification`);
  await expect(page.getByLabel('Name of the passkey')).toBeVisible();
  await checkStaffPage(page, 'own page, no passkey (en)');
});

test('a browser without WebAuthn is told, and keeps the app', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    // As an older browser: no WebAuthn at all.
    delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
  });
  const page = await context.newPage();
  await logInWithPassword(page);
  await page.goto(`${base}/beheer/tweestapsverificatie`);
  await expect(page.getByText('Deze browser kan dat niet; u kunt wel een code uit een app gebruiken.')).toBeVisible();
  await expect(page.getByLabel('Naam van de passkey')).toBeHidden();
  await checkStaffPage(page, 'own page, browser without passkeys');
  await context.close();
});
