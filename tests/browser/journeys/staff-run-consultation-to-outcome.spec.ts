/**
 * Journey on the running product: an administrator writes a consultation in the workbench
 * with the keyboard alone (no clicks: keys on focused controls, the builder's up and down
 * buttons instead of dragging), adds an image with its alternative text, opens it; a resident answers it on the portal once it is
 * rebuilt, with consent to be mailed; staff close it and publish the outcome; the resident
 * reads "you said, we did" on the portal and gets the outcome by mail (the outbox directory).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { browserTestEnv, JOURNEY_ADMIN } from '../../support/browser-env.ts';
import { PNG_40x30 } from '../../support/image-fixtures.ts';
import { expectNoAxeViolations } from '../support/axe.ts';

const outbox = join(browserTestEnv(fileURLToPath(new URL('../../..', import.meta.url))).PODIUM_DATA_DIR!, 'outbox');

function mailsContaining(text: string): string[] {
  if (!existsSync(outbox)) return [];
  return readdirSync(outbox)
    .map((file) => readFileSync(join(outbox, file), 'utf8').replace(/=\r?\n/g, ''))
    .filter((mail) => mail.includes(text));
}

/** Types into a control the way a keyboard user does: focus it, select what is there, type. */
async function typeInto(control: Locator, text: string): Promise<void> {
  await control.focus();
  await control.press('ControlOrMeta+a');
  await control.page().keyboard.type(text);
}

async function pressButton(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).first().press('Enter');
}

test('staff write and open a consultation by keyboard, a resident answers, and reads the published outcome', async ({
  browser,
}) => {
  // Opening and publishing the outcome each wait for a portal rebuild.
  test.setTimeout(600_000);
  const marker = `${Date.now()}`;
  const slug = `speeltuin-${marker}`;
  const staff = await (await browser.newContext()).newPage();

  // Log in and reach the authoring screen from the navigation, by keyboard.
  await staff.goto('/beheer/inloggen');
  await typeInto(staff.getByLabel('E-mailadres'), JOURNEY_ADMIN.email);
  await typeInto(staff.getByLabel('Wachtwoord'), JOURNEY_ADMIN.password);
  await staff.getByLabel('Wachtwoord').press('Enter');
  await expect(staff).toHaveURL(/\/beheer\/$/);
  await staff.getByRole('link', { name: 'Consultaties opstellen' }).press('Enter');
  await expect(staff.getByRole('heading', { level: 1, name: 'Consultaties opstellen' })).toBeVisible();
  await staff.getByRole('link', { name: 'Nieuwe consultatie' }).press('Enter');

  // A new draft.
  await typeInto(staff.getByLabel('Webadres (slug)'), slug);
  await typeInto(staff.getByLabel('Titel (Nederlands)'), `Nieuwe speeltuin in het park (${marker})`);
  await pressButton(staff, 'Concept maken');
  await expect(staff.getByRole('status').filter({ hasText: 'Het concept is gemaakt' })).toBeVisible();

  // The texts, each with its readability hint.
  await typeInto(
    staff.locator('#summary-nl'),
    'Wij willen een nieuwe speeltuin in het park maken. Wat vindt u belangrijk?',
  );
  await typeInto(staff.locator('#background-nl'), 'De oude speeltuin is versleten. Daarom maken we een nieuwe.');
  await typeInto(staff.locator('#afterwards-nl'), 'Wij lezen alle reacties. Daarna maken we een ontwerp.');
  await typeInto(staff.locator('#whoDecides-nl'), 'Het college van burgemeester en wethouders');
  await expect(staff.locator('#summary-nl-readability')).toBeVisible();

  // Two questions from the builder: the new question's field takes focus.
  await staff.getByLabel('Soort nieuwe vraag').selectOption('open_text');
  await pressButton(staff, 'Vraag toevoegen');
  await expect(staff.locator('#q0-prompt-nl')).toBeFocused();
  await staff.keyboard.type('Wat wilt u in de speeltuin?');
  await staff.getByLabel('Soort nieuwe vraag').selectOption('single_choice');
  await pressButton(staff, 'Vraag toevoegen');
  await expect(staff.locator('#q1-prompt-nl')).toBeFocused();
  await staff.keyboard.type('Hoe vaak komt u in het park?');
  await typeInto(staff.locator('#q1-o0-nl'), 'Elke week');
  await typeInto(staff.locator('#q1-o1-nl'), 'Soms');
  // The choice question goes first: 'up', and focus stays with the moved question.
  await pressButton(staff, 'Vraag 2 omhoog');
  await expect(staff.getByRole('status').filter({ hasText: 'Vraag 2 staat nu op plaats 1' })).toBeVisible();
  await expect(staff.locator('#q0-down')).toBeFocused();
  await expect(staff.locator('#q0-prompt-nl')).toHaveValue('Hoe vaak komt u in het park?');
  // A step on the timeline.
  await pressButton(staff, 'Stap toevoegen');
  await expect(staff.locator('#p0-when-nl')).toBeFocused();
  await staff.keyboard.type('Voorjaar 2027');
  await typeInto(staff.locator('#p0-what-nl'), 'Het college kiest een ontwerp');
  await expectNoAxeViolations(staff, { context: 'consultation edit page with questions and preview' });
  await pressButton(staff, 'Opslaan');
  await expect(staff.getByRole('status').filter({ hasText: 'Opgeslagen (versie 2)' })).toBeVisible();
  await expect(staff.locator('.staff-preview')).toContainText('Het college kiest een ontwerp');

  // An image with its alternative text in both languages (the file chosen as a file dialog would).
  const alt = `Schets van de nieuwe speeltuin met een glijbaan en twee schommels (${marker})`;
  await staff
    .locator('#image-new-file')
    .setInputFiles({ name: 'speeltuin.png', mimeType: 'image/png', buffer: Buffer.from(PNG_40x30) });
  await typeInto(staff.locator('#image-new-alt-nl'), alt);
  await typeInto(staff.locator('#image-new-alt-en'), 'Sketch of the new playground with a slide and two swings');
  await pressButton(staff, 'Afbeelding toevoegen');
  await expect(staff.getByRole('status').filter({ hasText: 'De afbeelding is toegevoegd (versie 3)' })).toBeVisible();
  await expect(staff.locator('.staff-preview img')).toHaveAttribute('alt', alt);

  // Open it now.
  await pressButton(staff, 'Nu openen');
  await expect(staff.getByRole('status').filter({ hasText: 'De consultatie is nu: Open.' })).toBeVisible();

  // The resident, on the portal once it is rebuilt.
  const resident = await (await browser.newContext()).newPage();
  const address = `/consultaties/${slug}/`;
  await expect
    .poll(async () => (await resident.goto(address))?.status(), { timeout: 240_000, intervals: [2_000, 5_000] })
    .toBe(200);
  await expect(resident.getByRole('heading', { level: 1 })).toContainText('Nieuwe speeltuin in het park');
  await expect(resident.locator('[aria-current="step"]')).toContainText('Nu: ');
  await expect(resident.locator('[aria-current="step"]')).toContainText('Reageren');
  await expect(resident.locator('.podium-phases')).toContainText('Het college kiest een ontwerp');
  const image = resident.getByRole('main').getByRole('img', { name: alt });
  await expect(image).toHaveAttribute('width', '40');
  await expect(image).toHaveAttribute('height', '30');
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);
  await expectNoAxeViolations(resident, { context: 'a consultation staff wrote, open' });
  await resident.getByLabel('Elke week').check();
  await resident.getByLabel('Wat wilt u in de speeltuin?').fill(`Een grote glijbaan (${marker}).`);
  await resident.getByLabel('Uw e-mailadres').fill('ouder@example.org');
  await resident.getByLabel('Ja, de gemeente mag mijn e-mailadres gebruiken om mij te antwoorden.').check();
  await resident.getByRole('button', { name: 'Reactie versturen' }).click();
  await expect(resident).toHaveURL(/\/bevestiging\/[A-Z0-9-]+\/$/);

  // Staff close it and publish the outcome.
  await staff.reload();
  await pressButton(staff, 'Nu sluiten');
  await expect(staff.getByRole('status').filter({ hasText: 'De consultatie is nu: Gesloten.' })).toBeVisible();
  await staff.getByRole('link', { name: 'Uitkomst schrijven' }).press('Enter');
  const outcome = `Er komt een grote glijbaan (${marker}).`;
  await typeInto(staff.locator('#decidedNl'), outcome);
  await typeInto(staff.locator('#reasonsNl'), 'Veel ouders en kinderen vroegen om een glijbaan.');
  await typeInto(staff.locator('#themes'), 'spelen');
  await pressButton(staff, 'Uitkomst publiceren');
  await expect(
    staff.getByRole('status').filter({ hasText: 'De uitkomst is gepubliceerd. 1 inwoner krijgt een e-mail.' }),
  ).toBeVisible();
  await expectNoAxeViolations(staff, { context: 'outcome page after publishing' });

  // The resident reads it on the portal after the rebuild, and in the mail.
  await expect
    .poll(
      async () => {
        await resident.goto(address);
        return (await resident.getByRole('main').textContent()) ?? '';
      },
      { timeout: 240_000, intervals: [2_000, 5_000] },
    )
    .toContain(outcome);
  await expect(resident.getByRole('heading', { level: 2, name: 'U zei, wij deden' })).toBeVisible();
  await expect(resident.locator('[aria-current="step"]')).toContainText('De uitkomst staat op deze pagina');
  await expectNoAxeViolations(resident, { context: 'a consultation staff wrote, with its outcome' });
  await expect
    .poll(() => mailsContaining(outcome).filter((mail) => /^To: .*ouder@example\.org/im.test(mail)).length, {
      message: `a mail to ouder@example.org with the outcome in ${outbox}`,
      timeout: 60_000,
    })
    .toBe(1);
});
