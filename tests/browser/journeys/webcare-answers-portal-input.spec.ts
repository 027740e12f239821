/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo:
 * portal and widget input and a mirrored Mastodon thread): a resident gives input on the
 * portal, webcare answers exactly that input, and the resident reads the answer on the
 * follow-up page. The answer page once opened the oldest mirrored post instead of the
 * item asked for, so no answer reached anyone; this journey is what would have shown it.
 * Webcare works in the inbox: a search, the item at its permanent address, one form with
 * one save; a second session on a stale page is refused with nothing typed lost.
 */
import { expect, test } from '@playwright/test';
import { JOURNEY_WEBCARE } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { CODE_PATTERN, CONSULTATION_NL, fillDemoForm } from '../support/portal.ts';
import { logIn } from '../support/staff-log-in.ts';

test('webcare answers the input a resident just gave, and the resident reads the answer', async ({ browser }) => {
  const marker = `zebra${Date.now()}`;
  const question = `Komt er een zebrapad bij de school? (${marker})`;
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

  // Webcare, in the inbox: the mirrored thread is in the same list. A search finds the input.
  const staff = await (await browser.newContext()).newPage();
  await logIn(staff, JOURNEY_WEBCARE);
  const list = staff.getByRole('list', { name: 'Items in de inbox' });
  await expect(list).toBeVisible();
  await staff.getByLabel('Zoeken in de tekst').fill(marker);
  await staff.getByRole('button', { name: 'Filter toepassen' }).click();
  const item = list.locator('li').filter({ hasText: question });
  await expect(list.locator('li')).toHaveCount(1);
  await expectNoAxeViolations(staff, { context: 'inbox with a search' });
  await item.getByRole('link').click();
  await expect(staff).toHaveURL(/\/beheer\/items\/[0-9a-f-]{36}\?q=/);
  await expect(staff.locator('#item-detail-heading')).toBeFocused();
  await expect(staff.getByRole('article')).toContainText(question);
  await expect(staff.getByRole('article')).not.toContainText('Reactie op Mastodon');
  const address = new URL(staff.url()).pathname;

  // A second session opens the item at its permanent address and leaves the page standing.
  const colleague = await (await browser.newContext()).newPage();
  await logIn(colleague, JOURNEY_WEBCARE);
  await colleague.goto(address);
  await expect(colleague.getByRole('heading', { level: 2, name: /^Inbreng op / })).toBeVisible();

  // The first answers with the item's one form.
  await expectNoAxeViolations(staff, { context: 'inbox with the item opened' });
  await staff.getByLabel('Antwoord aan de inwoner (optioneel)').fill(answer);
  await staff.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
  await expect(staff.getByRole('article')).toContainText('Beantwoord');

  // The stale page is refused: who changed what, and the colleague's text is still there.
  const late = 'Wij kijken ernaar en komen erop terug.';
  await colleague.getByLabel('Antwoord aan de inwoner (optioneel)').fill(late);
  await colleague.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(colleague.locator('#staff-error-summary')).toBeFocused();
  await expect(colleague.locator('#detail-stale')).toContainText('heeft het item beantwoord');
  await expect(colleague.getByLabel('Antwoord aan de inwoner (optioneel)')).toHaveValue(late);
  await expectNoAxeViolations(colleague, { context: 'a stale change refused' });

  // The resident follows it up.
  await resident.goto(`/volg/${code}/`);
  await expect(resident.locator('main')).toContainText(answer);
});
