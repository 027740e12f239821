/**
 * Logging in as a colleague through the form, as the journeys do on the demo server: the
 * accounts are browser-env's JOURNEY_* or ones a journey made itself.
 */
import { expect, type Page } from '@playwright/test';

export type StaffAccount = { email: string; password: string };

/** Fills in and sends the log-in form; the caller checks where it leads (a second step may follow). */
export async function submitLogIn(page: Page, account: StaffAccount, baseUrl = ''): Promise<void> {
  await page.goto(`${baseUrl}/beheer/inloggen`);
  await page.getByLabel('E-mailadres').fill(account.email);
  await page.getByLabel('Wachtwoord').fill(account.password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}

/** Logs in and lands where the role starts: the inbox, unless `lands` says otherwise. */
export async function logIn(page: Page, account: StaffAccount, lands: RegExp = /\/beheer\/$/): Promise<void> {
  await submitLogIn(page, account);
  await expect(page).toHaveURL(lands);
}
