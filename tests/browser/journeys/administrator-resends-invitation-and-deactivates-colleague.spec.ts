/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo): an
 * administrator invites a colleague by e-mail; the mail does not reach them in time, so the
 * administrator sends the invitation again from the colleague's page. The link in the first
 * mail now opens nothing; the colleague follows the new one, chooses a password and logs in,
 * and that link too works only once. The administrator deactivates the account (the
 * colleague's session ends and the password no longer logs in) and reactivates it (it does
 * again). Mail is read from the outbox directory the test server writes without SMTP.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { browserTestEnv, JOURNEY_ADMIN } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { submitLogIn } from '../support/staff-log-in.ts';

const outbox = join(browserTestEnv(fileURLToPath(new URL('../../..', import.meta.url))).PODIUM_DATA_DIR!, 'outbox');
const LINK = /https?:\/\/\S+\/beheer\/wachtwoord-instellen\?token=[A-Za-z0-9_-]{43}/;

/** The set-password links in the mails to this address, oldest first. */
function linksTo(address: string): string[] {
  if (!existsSync(outbox)) return [];
  return readdirSync(outbox)
    .sort()
    .map((file) =>
      readFileSync(join(outbox, file), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '='),
    )
    .filter((mail) => new RegExp(`^To: .*${address.replaceAll('.', '\\.')}`, 'im').test(mail))
    .flatMap((mail) => LINK.exec(mail)?.[0] ?? []);
}

test('an administrator sends an invitation again, the colleague uses the new link once, and is deactivated and reactivated', async ({
  browser,
}) => {
  // The outbox sender writes mail every few seconds; a busy machine is slower.
  test.setTimeout(300_000);
  const marker = Date.now();
  const email = `journey-opnieuw-${marker}@demodam.example`;
  const name = `Ruud Opnieuw ${marker}`;
  const password = 'wandelen door de duinen';

  const admin = await (await browser.newContext()).newPage();
  await submitLogIn(admin, JOURNEY_ADMIN);
  await expect(admin).toHaveURL(/\/beheer\/$/);
  await admin.getByRole('link', { name: 'Collega’s' }).click();
  await admin.getByLabel('Naam').fill(name);
  await admin.getByLabel('E-mailadres').fill(email);
  await admin.getByRole('group', { name: 'Rollen' }).getByLabel('Moderator').check();
  await admin.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(admin.getByRole('status')).toHaveText(`De uitnodiging voor ${email} staat klaar om te versturen.`);
  await expect
    .poll(() => linksTo(email).length, { message: `an invitation to ${email} in ${outbox}`, timeout: 120_000 })
    .toBe(1);
  const first = linksTo(email)[0]!;

  // The colleague says the mail never came: the administrator sends it again.
  await admin.getByRole('link', { name }).click();
  await expect(admin.getByRole('heading', { level: 1, name: `Collega: ${name}` })).toBeVisible();
  await expect(admin.getByRole('main')).toContainText('Uitgenodigd, nog geen wachtwoord gekozen');
  await admin.getByRole('button', { name: 'Uitnodiging opnieuw versturen' }).click();
  await expect(admin.getByRole('status')).toHaveText(
    `Een nieuwe uitnodiging voor ${email} staat klaar om te versturen. De link in eerdere uitnodigingen werkt niet meer.`,
  );
  await expectNoAxeViolations(admin, { context: 'colleague page after sending the invitation again' });
  await expect
    .poll(() => linksTo(email).length, { message: `a second invitation to ${email} in ${outbox}`, timeout: 120_000 })
    .toBe(2);
  const second = linksTo(email).find((link) => link !== first)!;
  expect(second, 'the new mail has a new link').toBeTruthy();

  // The first link opens nothing now; the second one sets the password, once.
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await colleague.goto(first);
  await expect(colleague.getByText('Deze link werkt niet (meer)')).toBeVisible();
  await colleague.goto(second);
  await expect(colleague.getByText(`Welkom, ${name}.`)).toBeVisible();
  await colleague.getByLabel('Nieuw wachtwoord').fill(password);
  await colleague.getByLabel('Herhaal het wachtwoord').fill(password);
  await colleague.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(colleague.getByText('Uw wachtwoord is opgeslagen. U kunt nu inloggen.')).toBeVisible();
  await colleague.goto(second);
  await expect(colleague.getByText('Deze link werkt niet (meer)')).toBeVisible();
  await submitLogIn(colleague, { email, password });
  await expect(colleague).toHaveURL(/\/beheer\/$/);

  // Deactivated: the colleague's session ends at once and the password no longer logs in.
  await admin.reload();
  await expect(admin.getByRole('main')).toContainText('Actief');
  await expect(admin.getByRole('button', { name: 'Uitnodiging opnieuw versturen' })).toHaveCount(0);
  await admin.getByRole('button', { name: 'Account uitzetten' }).click();
  await expect(admin.getByRole('status')).toHaveText('Het account is uitgezet.');
  await expect(admin.getByRole('main')).toContainText('Uitgezet op');
  await colleague.goto('/beheer/');
  await expect(colleague).toHaveURL(/\/beheer\/inloggen/);
  await submitLogIn(colleague, { email, password });
  await expect(colleague.getByText('Het e-mailadres of het wachtwoord klopt niet.').first()).toBeVisible();
  await expect(colleague).not.toHaveURL(/\/beheer\/$/);

  // Reactivated: the same password logs in again.
  await admin.getByRole('button', { name: 'Account weer aanzetten' }).click();
  await expect(admin.getByRole('status')).toHaveText('Het account staat weer aan.');
  await submitLogIn(colleague, { email, password });
  await expect(colleague).toHaveURL(/\/beheer\/$/);
  await admin.getByRole('link', { name: 'Terug naar alle collega’s' }).click();
  await expect(admin.getByRole('listitem').filter({ hasText: email })).toContainText('Actief');
  await colleagueContext.close();
});
