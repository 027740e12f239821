/**
 * Journey on the running product (Podium as `npm start` runs it, with PODIUM_SECRET_KEY set
 * as the test server sets it): an administrator requires two-step verification for every
 * account with a password; a colleague logs in, is sent straight to setting it up (nothing
 * else opens first), adds the key to an "app" (here: `otpauth` in the test, from the key the
 * page shows), keeps the recovery codes, logs out, logs in again with a code from the app,
 * and once more with a recovery code.
 *
 * Journeys share one server and run in alphabetical order, and the requirement holds for every
 * local account, the other journeys' too. So the journey uses accounts of its own
 * (JOURNEY_SECURITY_*), and whatever happens (an `afterEach` hook, which gets its own time after
 * a failure or a timeout) it ends by making two-step verification optional again and resetting
 * the colleague's factor from the colleague's page, as an administrator would, so later journeys
 * log in with their password alone and a rerun starts afresh.
 */
import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { JOURNEY_SECURITY_ADMIN, JOURNEY_SECURITY_COLLEAGUE } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { submitLogIn } from '../support/staff-log-in.ts';

/** Back to optional, and the colleague without a factor: the state other journeys (and a rerun) expect. */
async function restore(admin: Page): Promise<void> {
  await admin.goto('/beheer/inlogbeveiliging');
  await admin.getByRole('group', { name: 'Tweestapsverificatie' }).getByLabel('Vrijwillig').check();
  await admin.getByRole('button', { name: 'Opslaan' }).click();
  await expect(admin.getByRole('status')).toHaveText(/Tweestapsverificatie is nu vrijwillig\.|Er is niets veranderd\./);
  await admin.goto('/beheer/collegas');
  await admin.getByRole('link', { name: JOURNEY_SECURITY_COLLEAGUE.name }).click();
  const reset = admin.getByRole('button', { name: 'Tweestapsverificatie herstellen' });
  if (await reset.isVisible()) {
    await reset.click();
    await expect(admin.getByRole('status')).toHaveText('De tweestapsverificatie van uw collega is hersteld.');
  }
}

/** The administrator's page, logged in before the requirement: it restores the state after the test, whatever happened. */
let admin: Page | undefined;

// A hook, not a `finally`: it gets its own time even when the test ran out of its own.
test.afterEach(async () => {
  if (admin) await restore(admin);
});

test('an administrator requires two-step verification; a colleague sets it up at log-in and logs in with a code and with a recovery code', async ({
  browser,
}) => {
  // Several log-ins, each hashing a password, on a machine that may be busy.
  test.setTimeout(600_000);
  admin = await (await browser.newContext()).newPage();
  await submitLogIn(admin, JOURNEY_SECURITY_ADMIN);
  await expect(admin).toHaveURL(/\/beheer\/$/);
  // A rerun on the same data: start from the state the journey expects.
  await restore(admin);

  await admin.getByRole('link', { name: 'Inlogbeveiliging' }).click();
  await admin.getByRole('group', { name: 'Tweestapsverificatie' }).getByLabel('Verplicht voor alle accounts').check();
  await admin.getByRole('button', { name: 'Opslaan' }).click();
  await expect(admin.getByRole('status')).toHaveText('Tweestapsverificatie is nu verplicht.');

  {
    const colleague = await (await browser.newContext()).newPage();
    await submitLogIn(colleague, JOURNEY_SECURITY_COLLEAGUE);
    // Sent to set it up, with no session: the workbench itself sends the colleague to log in.
    await expect(colleague).toHaveURL(/\/beheer\/tweestapsverificatie$/);
    await expect(colleague.getByText('Uw organisatie vraagt tweestapsverificatie')).toBeVisible();
    await expect(colleague.getByRole('navigation')).toHaveCount(0);
    await colleague.goto('/beheer/');
    await expect(colleague).toHaveURL(/\/beheer\/inloggen/);
    await colleague.goto('/beheer/tweestapsverificatie');

    await colleague.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
    const key = ((await colleague.locator('code.staff-secret').textContent()) ?? '').replaceAll(' ', '');
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await expect(colleague.getByRole('link', { name: 'Podium toevoegen aan mijn app' })).toHaveAttribute(
      'href',
      /^otpauth:\/\/totp\/Podium%20/,
    );
    await expectNoAxeViolations(colleague, { context: 'setting up at log-in' });
    // The authenticator app: RFC 6238 with the page's key.
    const app = new TOTP({ secret: Secret.fromBase32(key), algorithm: 'SHA1', digits: 6, period: 30 });
    const codeIn = (steps: number) => app.generate({ timestamp: Date.now() + steps * 30_000 });
    await colleague.getByLabel('Code uit de app').fill(codeIn(0));
    await colleague.getByRole('button', { name: 'Bevestigen' }).click();

    await expect(colleague.getByRole('heading', { level: 1, name: 'Bewaar uw herstelcodes' })).toBeVisible();
    const recoveryCodes = await colleague
      .getByRole('list', { name: 'Herstelcodes' })
      .getByRole('listitem')
      .allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await colleague.getByRole('link', { name: 'Ik heb de codes bewaard, verder' }).click();
    await expect(colleague).toHaveURL(/\/beheer\/$/);
    await colleague.getByRole('button', { name: 'Uitloggen' }).click();

    // Again, now with a code: the one that set it up is used, so the app's next one.
    await submitLogIn(colleague, JOURNEY_SECURITY_COLLEAGUE);
    await expect(colleague.getByRole('heading', { level: 1, name: 'Code invullen' })).toBeVisible();
    await colleague.getByLabel('Code').fill(codeIn(1));
    await colleague.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(colleague).toHaveURL(/\/beheer\/$/);
    await colleague.getByRole('button', { name: 'Uitloggen' }).click();

    // And with a recovery code, as after losing the phone.
    await submitLogIn(colleague, JOURNEY_SECURITY_COLLEAGUE);
    await colleague.getByLabel('Code').fill(recoveryCodes[0]!.trim());
    await colleague.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(colleague.getByRole('status')).toHaveText(
      'U bent aangemeld met een herstelcode. U heeft nog 9 herstelcodes.',
    );
    await expectNoAxeViolations(colleague, { context: 'logged in with a recovery code' });
  }
  // Optional again: accounts without a factor log in with their password alone.
  await restore(admin);
  const other = await (await browser.newContext()).newPage();
  await submitLogIn(other, JOURNEY_SECURITY_COLLEAGUE);
  await expect(other).toHaveURL(/\/beheer\/$/);
});
