/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo): a
 * moderator gives an automatic theme on the insights page a name of their own, in Dutch and
 * English; both insights pages show it, marked as adjusted, and it is kept after a new page
 * load. Saving the form empty brings the automatic name back (so a rerun starts clean).
 */
import { expect, test } from '@playwright/test';
import { JOURNEY_MODERATOR } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logIn } from '../support/staff-log-in.ts';

test('a moderator names a theme in Dutch and English, the insights show that name, and an empty save undoes it', async ({
  browser,
}) => {
  const staff = await (await browser.newContext()).newPage();
  await logIn(staff, JOURNEY_MODERATOR);
  await staff.getByRole('link', { name: 'Inzichten' }).click();
  const link = staff.getByRole('link', { name: /^Thema aanpassen\s*: / }).first();
  const automatic = ((await link.textContent()) ?? '').split(': ')[1]!;
  await link.click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText(`Thema ‘${automatic}’ aanpassen`);
  await expectNoAxeViolations(staff, { context: 'theme form' });

  await staff.getByLabel('Eigen naam (Nederlands)').fill('Reisthema van de journey');
  await staff.getByLabel('Eigen naam (Engels, niet verplicht)').fill('Journey travel theme');
  await staff.getByRole('button', { name: 'Opslaan' }).click();
  // A run stopped halfway leaves the name behind; saving it again then changes nothing.
  await expect(staff.getByRole('status')).toHaveText(
    /^(De aanpassing is opgeslagen\.|Er was niets veranderd; er is niets opgeslagen\.)$/,
  );

  await staff.goto('/beheer/inzichten/');
  const themes = staff.getByRole('region', { name: 'Thema’s per onderwerp' });
  // The theme's cell: the name, the mark that staff adjusted it, and the link to its form.
  await expect(themes.getByRole('cell', { name: /^Reisthema van de journey \(aangepast\)/ })).toBeVisible();
  await staff.goto('/en/manage/insights/');
  await expect(
    staff
      .getByRole('region', { name: 'Themes per topic' })
      .getByRole('cell', { name: /^Journey travel theme \(adjusted\)/ }),
  ).toBeVisible();

  await staff.getByRole('link', { name: /^Adjust theme\s*: Journey travel theme/ }).click();
  await staff.getByLabel('Own name (Dutch)').fill('');
  await staff.getByLabel('Own name (English, optional)').fill('');
  await staff.getByRole('button', { name: 'Save' }).click();
  await expect(staff.getByRole('status')).toHaveText('The change has been removed: the automatic theme is back.');
  await staff.goto('/beheer/inzichten/');
  await expect(staff.getByRole('cell', { name: /^Reisthema van de journey/ })).toHaveCount(0);
  await expect(staff.getByRole('cell', { name: new RegExp(`^${automatic}\\b`) }).first()).toBeVisible();
});
