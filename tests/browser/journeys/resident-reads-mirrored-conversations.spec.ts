/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo): a
 * resident opens the list of every mirrored social-media conversation, reads the demo's
 * Mastodon conversation there, and finds residents only as "Inwoner A/B/C": no name, no
 * handle, no address that leads to a resident's profile, post or photo on the platform.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';

test('a resident finds every mirrored conversation on /gesprekken/ and reads one without learning who the residents are', async ({
  page,
}) => {
  await page.goto('/gesprekken/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gesprekken op sociale media');
  await expectNoAxeViolations(page, { context: 'the list of mirrored conversations' });

  await page.getByRole('link', { name: 'Gesprek op Mastodon over de fietsroute' }).click();
  await expect(page).toHaveURL(/\/gesprekken\/[0-9a-f-]{36}\/$/);
  const main = page.locator('main');
  await expect(main).toContainText('Inwoner A schreef op');
  await expect(main).toContainText('Langs de Parklaan graag');
  await expect(main).not.toContainText('Fietsfan');
  // The residents' photo is described, not linked: its address would name its author.
  await expect(main).toContainText('Afbeelding zonder beschrijving');
  await expect(main.locator('a[href*="/@fietsfan"], a[href*="/@anna"], a[href*="/@commuter"]')).toHaveCount(0);
  await expect(main.locator('a[href*="kruispunt"]')).toHaveCount(0);

  // Back to the list, and over to its English counterpart.
  await page.getByRole('link', { name: 'Gesprekken op sociale media' }).click();
  await expect(page).toHaveURL(/\/gesprekken\/$/);
  await page.locator('a[hreflang][href="/en/conversations/"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conversations on social media');
  await expect(page.getByRole('link', { name: 'Conversation on Mastodon about the cycle route' })).toBeVisible();
});
