/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo): an
 * administrator adds a house rule with the keyboard alone (keys on focused controls, no
 * clicks), and once the portal is rebuilt a resident reads it on /huisregels/ and, in
 * English, on /en/house-rules/. Then the administrator retires it again, by keyboard, and the
 * rebuilt portal no longer shows it: the demo's house rules are as seeded for the journeys
 * that share this server, and a rerun starts clean (each run's rule has its own title).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { JOURNEY_ADMIN } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';

/** Types into a control the way a keyboard user does: focus it, select what is there, type. */
async function typeInto(control: Locator, text: string): Promise<void> {
  await control.focus();
  await control.press('ControlOrMeta+a');
  await control.page().keyboard.type(text);
}

/** The text of the portal's main content at `address`, read again until `expected` says so. */
async function pollPortal(page: Page, address: string, expected: (text: string) => boolean): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.goto(address);
        return expected((await page.getByRole('main').textContent()) ?? '');
      },
      // The portal is rebuilt in the background after the change: minutes on a busy machine.
      { timeout: 240_000, intervals: [2_000, 5_000] },
    )
    .toBe(true);
}

test('an administrator adds a house rule by keyboard, residents read it on the rebuilt portal, and it is retired again', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const marker = `${Date.now()}`;
  const titleNl = `Geen berichten in hoofdletters (${marker})`;
  const titleEn = `No messages in capitals (${marker})`;
  const staff = await (await browser.newContext()).newPage();

  // Log in and reach the house rules through the navigation, by keyboard.
  await staff.goto('/beheer/inloggen');
  await typeInto(staff.getByLabel('E-mailadres'), JOURNEY_ADMIN.email);
  await typeInto(staff.getByLabel('Wachtwoord'), JOURNEY_ADMIN.password);
  await staff.getByLabel('Wachtwoord').press('Enter');
  await expect(staff).toHaveURL(/\/beheer\/$/);
  await staff.getByRole('navigation').getByRole('link', { name: 'Instellingen' }).press('Enter');
  await expect(staff.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  await staff.getByRole('main').getByRole('link', { name: 'Huisregels' }).press('Enter');
  await expect(staff.getByRole('heading', { level: 1, name: 'Huisregels' })).toBeVisible();

  // The new rule, in Dutch and English, with the readability hint on its explanation.
  await typeInto(staff.locator('#new-title-nl'), titleNl);
  await typeInto(staff.locator('#new-title-en'), titleEn);
  await typeInto(
    staff.locator('#new-body-nl'),
    'Schrijf uw bericht niet helemaal in hoofdletters. Dat leest moeilijk voor anderen. Zulke berichten plaatsen wij daarom niet.',
  );
  await typeInto(
    staff.locator('#new-body-en'),
    'Do not write everything in capitals. It is hard to read. We do not publish such messages.',
  );
  await expect(staff.locator('#new-body-nl-readability')).toContainText('Flesch-Douma');
  await staff.getByRole('button', { name: 'Huisregel toevoegen' }).press('Enter');
  await expect(staff.getByRole('status')).toHaveText(`Huisregel ‘${titleNl}’ is toegevoegd.`);
  const rule = staff.locator('.staff-rule').filter({ hasText: titleNl });
  await expect(rule.getByRole('heading', { level: 3 })).toContainText(titleNl);
  await expectNoAxeViolations(staff, { context: 'house rules after adding one' });

  // A resident reads it on the portal once it is rebuilt, in Dutch and in English.
  const resident = await (await browser.newContext()).newPage();
  await pollPortal(resident, '/huisregels/', (text) => text.includes(titleNl));
  await expect(resident.getByRole('heading', { level: 2, name: titleNl })).toBeVisible();
  await expect(resident.getByRole('main')).toContainText('Schrijf uw bericht niet helemaal in hoofdletters.');
  await expectNoAxeViolations(resident, { context: 'house rules page with the new rule' });
  await resident.goto('/en/house-rules/');
  await expect(resident.getByRole('heading', { level: 2, name: titleEn })).toBeVisible();

  // Retired again, by keyboard: focus lands on the button that brings it back.
  await staff.getByRole('button', { name: `Laten vervallen: ${titleNl}` }).press('Enter');
  await expect(staff.getByRole('status')).toHaveText(`Huisregel ‘${titleNl}’ is vervallen.`);
  await expect(staff.getByRole('button', { name: `Weer laten gelden: ${titleNl}` })).toBeFocused();
  await pollPortal(resident, '/huisregels/', (text) => !text.includes(titleNl) && text.includes('Respectvol'));
});
