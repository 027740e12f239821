/**
 * Journey on the running product (Podium as `npm start` runs it, with a sealing key): an
 * administrator connects the municipality's account on a local Mastodon instance through OAuth,
 * by keyboard only — types the server's address, reads what Podium will ask, goes to the
 * instance, authorizes there and comes back — sees the account connected, and disconnects it,
 * which revokes the token at the instance too. No token is typed or shown anywhere.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { JOURNEY_ADMIN } from '../../support/browser-env.ts';
import { startPlatformServer, type PlatformServer } from '../../support/platform-server.ts';
import { expectNoAxeViolations } from '../support/axe.ts';

let platform: PlatformServer;
test.beforeAll(async () => {
  platform = await startPlatformServer();
});
test.afterAll(async () => platform?.close());

/** Tabs forward until `target` has focus; fails after 150 presses. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 150; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`${target.toString()} was not reached with Tab`);
}

test('an administrator connects the municipality’s Mastodon account through OAuth by keyboard, sees it connected, and disconnects it', async ({
  page,
}) => {
  // Every step is a key press, each checked: slow on a busy machine.
  test.setTimeout(240_000);
  const host = new URL(platform.origin).host;
  const handle = `@gemeente@${host}`;

  await page.goto('/beheer/inloggen');
  await tabTo(page, page.getByLabel('E-mailadres'));
  await page.keyboard.type(JOURNEY_ADMIN.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(JOURNEY_ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/beheer\/$/);

  await tabTo(page, page.getByRole('link', { name: 'Gekoppelde accounts' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Een Mastodon-account koppelen' })).toBeVisible();

  // The address only: Podium registers itself at the instance and asks there.
  await tabTo(page, page.getByLabel('Mastodon-server van de gemeente'));
  await page.keyboard.type(platform.origin);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Toestemming geven op ${host}`);
  await expect(page.locator('main')).toContainText('berichten met afbeeldingen te plaatsen');
  expect(platform.oauth.apps.size).toBe(1);

  await tabTo(page, page.getByRole('link', { name: `Naar ${host} om toestemming te geven` }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Authorization required');
  const asked = platform.oauth.authorizeRequests.at(-1)!;
  expect(asked.get('code_challenge_method')).toBe('S256');
  expect(asked.get('scope')).toBe('read:accounts read:notifications read:statuses write:statuses write:media');

  await tabTo(page, page.getByRole('button', { name: 'Authorize' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/beheer\/sociale-accounts\?klaar=gekoppeld/);
  await expect(page.getByRole('status')).toContainText(`Het account ${handle} is gekoppeld.`);
  const row = page.getByRole('row', { name: new RegExp(handle) }).filter({ hasText: 'Actief' });
  await expect(row).toHaveCount(1);
  const [token] = [...platform.tokens.keys()];
  expect(token).toBeTruthy();
  await expect(page.locator('body')).not.toContainText(token!);
  await expectNoAxeViolations(page, { context: 'the connected-accounts page after connecting through OAuth' });

  await tabTo(page, row.getByRole('button', { name: `Koppeling met ${handle} intrekken` }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText(
    'De koppeling is ingetrokken: het token is hier verwijderd en op de Mastodon-server ingetrokken.',
  );
  await expect(page.getByRole('row', { name: new RegExp(handle) }).last()).toContainText('Ingetrokken op');
  expect(platform.oauth.revoked).toEqual([token]);
  expect(platform.tokens.has(token!)).toBe(false);
});
