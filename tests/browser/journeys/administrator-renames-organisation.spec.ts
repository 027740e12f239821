/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo): an
 * administrator gives the organisation a new name in Dutch and English, puts up a logo with
 * its alternative text and chooses an accessible accent colour (after one that is refused for
 * its contrast); once the portal is rebuilt, a resident sees the new name and the logo (by its
 * text) in the header of a Dutch and an English page, links and buttons in the new colour, and
 * the logo is served by Podium with caching headers. Then the administrator puts the demo's
 * name and Podium's colours back and removes the logo, so the journeys that share this server
 * see the demo as seeded.
 */
import { expect, test, type Page } from '@playwright/test';
import { JOURNEY_ADMIN } from '../../support/browser-env.ts';
import { png } from '../../support/images.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logIn } from '../support/staff-log-in.ts';

/** The portal's header at `address`, read again until `expected` says so (the rebuild runs in the background). */
async function pollHeader(page: Page, address: string, expected: (text: string) => boolean): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.goto(address);
        const header = page.getByRole('banner');
        const images = header.locator('img');
        const alt = (await images.count()) > 0 ? ((await images.first().getAttribute('alt')) ?? '') : '';
        return expected(`${(await header.textContent()) ?? ''} ${alt}`);
      },
      { timeout: 240_000, intervals: [2_000, 5_000] },
    )
    .toBe(true);
}

test('an administrator renames the organisation and adds a logo, and the rebuilt portal shows both', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const marker = `${Date.now()}`;
  const nameNl = `Gemeente Nieuw-Demodam ${marker}`;
  const nameEn = `Municipality of New Demodam ${marker}`;
  const alt = `Wapen van Nieuw-Demodam ${marker}`;
  const staff = await (await browser.newContext()).newPage();

  await logIn(staff, JOURNEY_ADMIN);
  await staff.getByRole('navigation').getByRole('link', { name: 'Instellingen' }).click();
  await staff.getByRole('main').getByRole('link', { name: 'Organisatie' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Organisatie' })).toBeVisible();

  await staff.getByLabel('Naam (Nederlands)').fill(nameNl);
  await staff.getByLabel('Naam (Engels, niet verplicht)').fill(nameEn);
  await staff.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(staff.getByRole('status')).toHaveText('De naam en de instellingen zijn opgeslagen.');

  await staff.getByLabel('Bestand met het logo').setInputFiles({
    name: 'wapen.png',
    mimeType: 'image/png',
    buffer: Buffer.from(png(160, 64)),
  });
  await staff.getByLabel('Tekst bij het logo (Nederlands)').fill(alt);
  await staff.getByLabel('Tekst bij het logo (Engels, niet verplicht)').fill(`Coat of arms ${marker}`);
  await staff.getByRole('button', { name: 'Logo opslaan' }).click();
  await expect(staff.getByRole('status')).toHaveText('Het logo is opgeslagen.');
  await expectNoAxeViolations(staff, { context: 'organisation settings with a logo' });

  // A light accent is refused for its contrast on white; an accessible one is saved.
  const accent = staff.getByRole('textbox', { name: 'Accentkleur (links, knoppen, randen)' });
  await accent.fill('#66aaff');
  await staff.getByRole('button', { name: 'Kleuren opslaan' }).click();
  await expect(staff.locator('#staff-error-summary')).toContainText('nodig is minstens 4,5 : 1');
  await accent.fill('#0066cc');
  await staff.getByRole('button', { name: 'Kleuren opslaan' }).click();
  await expect(staff.getByRole('status')).toHaveText('De huisstijlkleuren zijn opgeslagen.');

  // A resident sees the new name and the logo once the portal is rebuilt.
  const resident = await (await browser.newContext()).newPage();
  await pollHeader(resident, '/', (text) => text.includes(nameNl) && text.includes(alt));
  const logo = resident.getByRole('banner').getByRole('img', { name: alt });
  await expect(logo).toBeVisible();
  await expect(resident).toHaveTitle(new RegExp(`${nameNl}$`));
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(160);
  const served = await resident.request.get((await logo.getAttribute('src'))!);
  expect(served.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(served.headers()['content-type']).toBe('image/png');
  // The house colour reaches the portal's links and buttons once it is rebuilt with it.
  await expect
    .poll(
      async () => {
        await resident.goto('/');
        return resident.evaluate(() =>
          getComputedStyle(document.documentElement).getPropertyValue('--utrecht-link-color').trim(),
        );
      },
      { timeout: 240_000, intervals: [2_000, 5_000] },
    )
    .toBe('#0066cc');
  await expect(resident.getByRole('main').getByRole('link').first()).toHaveCSS('color', 'rgb(0, 102, 204)');
  await expectNoAxeViolations(resident, { context: 'portal home with the new name, logo and colours' });
  await resident.goto('/en/');
  await expect(resident.getByRole('banner')).toContainText(nameEn);
  await expect(resident.getByRole('banner').getByRole('img', { name: `Coat of arms ${marker}` })).toBeVisible();
  await resident.setViewportSize({ width: 320, height: 640 });
  expect(await resident.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
    0,
  );

  // The demo's name back, and no logo, for the journeys that share this server.
  await staff.getByLabel('Naam (Nederlands)').fill('Gemeente Demodam');
  await staff.getByLabel('Naam (Engels, niet verplicht)').fill('');
  await staff.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(staff.getByRole('status')).toHaveText('De naam en de instellingen zijn opgeslagen.');
  await staff.getByRole('button', { name: 'Logo weghalen' }).click();
  await expect(staff.getByRole('status')).toHaveText('Het logo is weggehaald.');
  await staff.getByRole('button', { name: 'Kleuren van Podium terugzetten' }).click();
  await expect(staff.getByRole('status')).toHaveText('De huisstijlkleuren zijn opgeslagen.');
  await pollHeader(resident, '/', (text) => text.includes('Gemeente Demodam') && !text.includes(marker));
});
