/**
 * Journey on the running product (Podium as `npm start` runs it, with the demo): a webcare
 * colleague adds a passkey on the two-step verification page (the laptop's fingerprint
 * reader, here Chromium's virtual authenticator), keeps the recovery codes, logs out, and
 * logs in again with the password and the passkey. An administrator then resets the
 * colleague's two-step verification, and the password alone lets the colleague in again.
 *
 * The browser opens Podium at `localhost`: the test server's public address is 127.0.0.1, and
 * browsers refuse an IP address as a passkey's relying party, so Podium uses `localhost` for a
 * loopback address (api/services/auth/passkeys.ts). Whatever happens, an `afterEach` hook resets
 * the colleague's factor as an administrator would, so a rerun starts afresh.
 */
import { expect, test, type Browser } from '@playwright/test';
import { JOURNEY_PASSKEY, JOURNEY_SECURITY_ADMIN, TEST_BASE_URL } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { submitLogIn } from '../support/staff-log-in.ts';

const base = TEST_BASE_URL.replace('127.0.0.1', 'localhost');

/** An administrator resets the colleague's two-step verification (passkeys and recovery codes go). */
async function resetColleague(browser: Browser): Promise<boolean> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await submitLogIn(admin, JOURNEY_SECURITY_ADMIN, base);
  await expect(admin).toHaveURL(`${base}/beheer/`);
  await admin.goto(`${base}/beheer/collegas`);
  await admin.getByRole('link', { name: JOURNEY_PASSKEY.name }).click();
  const reset = admin.getByRole('button', { name: 'Tweestapsverificatie herstellen' });
  const had = await reset.isVisible();
  if (had) {
    await reset.click();
    await expect(admin.getByRole('status')).toHaveText('De tweestapsverificatie van uw collega is hersteld.');
  }
  await context.close();
  return had;
}

test.afterEach(async ({ browser }) => {
  await resetColleague(browser);
});

test('a colleague adds a passkey and logs in with password and passkey; an administrator resets it', async ({
  browser,
  page,
}) => {
  // Several log-ins, each hashing a password, on a machine that may be busy.
  test.setTimeout(300_000);
  // A rerun on the same data: start from a colleague without a second factor.
  await resetColleague(browser);

  // The laptop's fingerprint reader.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  await submitLogIn(page, JOURNEY_PASSKEY, base);
  await expect(page).toHaveURL(`${base}/beheer/`);
  await page.getByRole('link', { name: 'Tweestapsverificatie' }).click();
  await page.getByLabel('Naam van de passkey').fill('laptop werk');
  await page.getByRole('button', { name: 'Passkey toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bewaar uw herstelcodes' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem')).toHaveCount(10);
  await page.getByRole('link', { name: 'Ik heb de codes bewaard, verder' }).click();
  await expect(page.getByRole('status')).toHaveText('Passkey ‘laptop werk’ is toegevoegd.');
  // The passkey lives on the laptop, for Podium at this address.
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials.map((credential) => credential.rpId)).toEqual(['localhost']);
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  // Again: the password, then the passkey instead of a code.
  await submitLogIn(page, JOURNEY_PASSKEY, base);
  await expect(page.getByRole('heading', { level: 1, name: 'Code invullen' })).toBeVisible();
  await expect(page.getByText('Bevestig nu met uw passkey.')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'second step with a passkey' });
  await page.getByRole('button', { name: 'Aanmelden met passkey' }).click();
  await expect(page).toHaveURL(`${base}/beheer/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Tweestapsverificatie' }).click();
  await expect(page.getByRole('list', { name: 'Uw passkeys' })).not.toContainText('Nog niet');
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  // The administrator resets it (a lost laptop): the password alone lets the colleague in again.
  expect(await resetColleague(browser)).toBe(true);
  await submitLogIn(page, JOURNEY_PASSKEY, base);
  await expect(page).toHaveURL(`${base}/beheer/`);
});
