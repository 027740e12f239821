/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo): two
 * staff members, each in their own browser, open the same item. Webcare answers it; the
 * moderator, still on the page as it was, writes a note and saves after her. The moderator's
 * save is refused: the page says who changed what since, and the note is still in the form.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { JOURNEY_MODERATOR, JOURNEY_WEBCARE } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { CONSULTATION_NL, fillDemoForm } from '../support/portal.ts';
import { logIn, type StaffAccount } from '../support/staff-log-in.ts';

async function openAs(browser: Browser, account: StaffAccount): Promise<Page> {
  // One context each: two people, two sessions.
  const page = await (await browser.newContext()).newPage();
  await logIn(page, account);
  return page;
}

test('of two colleagues on one item, the later save is refused with who changed what, the note kept', async ({
  browser,
}) => {
  const marker = `lantaarn${Date.now()}`;
  const question = `Kan er een lantaarnpaal bij het fietspad? (${marker})`;

  const resident = await (await browser.newContext()).newPage();
  await resident.goto(CONSULTATION_NL);
  await fillDemoForm(resident);
  await resident.getByLabel('Wat wilt u ons verder meegeven?').fill(question);
  await resident.getByRole('button', { name: 'Reactie versturen' }).click();
  await expect(resident).toHaveURL(/\/bevestiging\/[A-Z0-9-]+\/$/);

  // Webcare finds the input and opens it.
  const webcare = await openAs(browser, JOURNEY_WEBCARE);
  await webcare.getByLabel('Zoeken in de tekst').fill(marker);
  await webcare.getByRole('button', { name: 'Filter toepassen' }).click();
  const list = webcare.getByRole('list', { name: 'Items in de inbox' });
  await expect(list.locator('li')).toHaveCount(1);
  await list.locator('li').filter({ hasText: question }).getByRole('link').click();
  await expect(webcare).toHaveURL(/\/beheer\/items\/[0-9a-f-]{36}\?q=/);
  const address = new URL(webcare.url()).pathname;

  // The moderator opens the same item at its address, and sees webcare has it open.
  const moderator = await openAs(browser, JOURNEY_MODERATOR);
  await moderator.goto(address);
  await expect(moderator.getByRole('article')).toContainText(question);
  await expect(moderator.locator('[data-presence-text]')).toContainText(JOURNEY_WEBCARE.name);

  // Webcare answers first.
  await webcare.getByLabel('Antwoord aan de inwoner (optioneel)').fill('Ja, we zetten er een lantaarnpaal neer.');
  await webcare.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(webcare.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();

  // The moderator saves a note on the page as she opened it: refused, with who and what.
  const note = 'Deze vraag komt vaker: meenemen in het verlichtingsplan.';
  // The item's own form (the bulk form beside the list has a note field too).
  const noteField = moderator
    .getByRole('form', { name: 'Afhandelen' })
    .getByLabel('Notitie voor collega’s (optioneel)');
  await noteField.fill(note);
  await moderator.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(moderator.locator('#staff-error-summary')).toBeFocused();
  await expect(moderator.locator('#detail-stale')).toContainText(`${JOURNEY_WEBCARE.name} heeft het item beantwoord`);
  await expect(noteField).toHaveValue(note);
  await expectNoAxeViolations(moderator, { context: 'a colleague’s later save refused' });

  // Saved again on the item as it is now, the note goes through.
  await moderator.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(moderator.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
  await expect(moderator.locator('.staff-note').filter({ hasText: note })).toBeVisible();
});
