/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo): the
 * operator adds an administrator with `npx podium staff add` while the server holds the
 * embedded database (the command goes through the server's admin socket); the administrator
 * invites a colleague from the colleagues page; the colleague follows the link in the mail
 * the outbox wrote, chooses a password and logs in to the workbench.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { browserTestEnv } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logIn } from '../support/staff-log-in.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const env = browserTestEnv(root);
/** Where the test server's outbox sender writes mail when no SMTP server is configured. */
const outbox = join(env.PODIUM_DATA_DIR!, 'outbox');

/** The mails in the outbox to this address (quoted-printable soft line breaks and `=3D` undone). */
function mailsTo(address: string): string[] {
  if (!existsSync(outbox)) return [];
  return readdirSync(outbox)
    .map((file) =>
      readFileSync(join(outbox, file), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '='),
    )
    .filter((mail) => new RegExp(`^To: .*${address.replaceAll('.', '\\.')}`, 'im').test(mail));
}

function podium(
  args: string[],
  extra: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['api/cli.ts', ...args],
      { cwd: root, env: { ...process.env, ...env, DATABASE_URL: '', ...extra }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test('an administrator added while the server runs invites a colleague, who sets a password from the mail and logs in', async ({
  browser,
}) => {
  // The outbox sender writes mail every few seconds; a busy machine is slower.
  test.setTimeout(300_000);
  const marker = Date.now();
  const admin = { email: `journey-admin-${marker}@demodam.example`, password: `journey admin ${marker}` };
  const invitee = `journey-invitee-${marker}@demodam.example`;

  const added = await podium(
    ['staff', 'add', '--email', admin.email, '--name', 'Ada Beheer', '--role', 'administrator'],
    { PODIUM_STAFF_PASSWORD: admin.password },
  );
  expect(added.stderr).toBe('');
  expect(added.stdout).toContain(`Created ${admin.email} (administrator) in demodam.`);

  const page = await (await browser.newContext()).newPage();
  await logIn(page, admin);
  await page.getByRole('link', { name: 'Collega’s' }).click();
  await page.getByLabel('Naam').fill('Noor Nieuw');
  await page.getByLabel('E-mailadres').fill(invitee);
  await page.getByRole('group', { name: 'Rollen' }).getByLabel('Webcare').check();
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByRole('status')).toHaveText(`De uitnodiging voor ${invitee} staat klaar om te versturen.`);

  await expect
    .poll(() => mailsTo(invitee).length, { message: `an invitation to ${invitee} in ${outbox}`, timeout: 120_000 })
    .toBeGreaterThan(0);
  const link = /https?:\/\/\S+\/beheer\/wachtwoord-instellen\?token=[A-Za-z0-9_-]{43}/.exec(mailsTo(invitee)[0]!)?.[0];
  expect(link, 'the mail holds the set-password link').toBeTruthy();

  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(link!);
  await expect(colleague.getByRole('heading', { level: 1, name: 'Kies uw wachtwoord' })).toBeVisible();
  await expect(colleague.getByText('Welkom, Noor Nieuw.')).toBeVisible();
  await expectNoAxeViolations(colleague, { context: 'set password from the mail' });
  await colleague.getByLabel('Nieuw wachtwoord').fill('fietsen langs het park');
  await colleague.getByLabel('Herhaal het wachtwoord').fill('fietsen langs het park');
  await colleague.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(colleague.getByText('Uw wachtwoord is opgeslagen. U kunt nu inloggen.')).toBeVisible();
  await colleague.getByRole('link', { name: 'Naar de inlogpagina' }).click();
  await colleague.getByLabel('E-mailadres').fill(invitee);
  await colleague.getByLabel('Wachtwoord').fill('fietsen langs het park');
  await colleague.getByRole('button', { name: 'Inloggen' }).click();
  await expect(colleague).toHaveURL(/\/beheer\/$/);

  // The administrator sees the colleague as active now.
  await page.goto('/beheer/collegas');
  await expect(page.getByRole('listitem').filter({ hasText: invitee })).toContainText('Actief');
});
