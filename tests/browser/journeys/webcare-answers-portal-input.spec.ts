/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo:
 * portal and widget input and a mirrored Mastodon thread): a resident gives input on the
 * portal, webcare answers exactly that input, and the resident reads the answer on the
 * follow-up page. The answer page once opened the oldest mirrored post instead of the
 * item asked for, so no answer reached anyone; this journey is what would have shown it.
 */
import { expect, test, type Page } from '@playwright/test';
import { JOURNEY_WEBCARE } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { CODE_PATTERN, CONSULTATION_NL, fillDemoForm } from '../support/portal.ts';

async function logInAsWebcare(page: Page): Promise<void> {
  await page.goto('/beheer/inloggen');
  await page.getByLabel('E-mailadres').fill(JOURNEY_WEBCARE.email);
  await page.getByLabel('Wachtwoord').fill(JOURNEY_WEBCARE.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/beheer\/$/);
}

test('webcare answers the input a resident just gave, and the resident reads the answer', async ({ browser }) => {
  const question = `Komt er een zebrapad bij de school? (${Date.now()})`;
  const answer = 'Ja, het zebrapad komt er in het voorjaar. Dank voor uw vraag.';

  // The resident, on the portal.
  // One context each (two people); axe needs a page that belongs to a context it may extend.
  const resident = await (await browser.newContext()).newPage();
  await resident.goto(CONSULTATION_NL);
  await fillDemoForm(resident);
  await resident.getByLabel('Wat wilt u ons verder meegeven?').fill(question);
  await resident.getByRole('button', { name: 'Reactie versturen' }).click();
  await expect(resident).toHaveURL(/\/bevestiging\/[A-Z0-9-]+\/$/);
  const code = (await resident.locator('.podium-code').textContent())?.trim() ?? '';
  expect(code).toMatch(CODE_PATTERN);

  // Webcare, in the workbench: the mirrored thread is in the same queue.
  const staff = await (await browser.newContext()).newPage();
  await logInAsWebcare(staff);
  const item = staff.locator('.staff-queue > li').filter({ hasText: question });
  await expect(item).toHaveCount(1);
  await item.getByRole('link', { name: 'Beantwoorden' }).click();
  await expect(staff).toHaveURL(/\/beheer\/items\/[0-9a-f-]+\/antwoord$/);
  await expect(staff.locator('main')).toContainText(question);
  await expect(staff.locator('main')).not.toContainText('Reactie op Mastodon');
  await expectNoAxeViolations(staff, { context: 'answer page' });
  await staff.getByLabel('Antwoord', { exact: true }).fill(answer);
  await staff.getByRole('button', { name: 'Antwoord publiceren' }).click();
  await expect(staff).toHaveURL(/\/antwoord\?gepubliceerd$/);

  // The resident follows it up.
  await resident.goto(`/volg/${code}/`);
  await expect(resident.locator('main')).toContainText(answer);
});
