/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo): the
 * administrator sets the portal's posting hours for tomorrow's weekday to 10:00–12:00 on the
 * channel-guidelines page; a poster then writes an announcement with an image. Scheduled for
 * tomorrow 11:00 without alternative text it is refused, with the error read at the image's
 * field; with alternative text but at 13:00, outside the hours, it is refused again; at
 * 11:00 it is scheduled. Whatever the time of day the test runs, tomorrow 11:00 lies in the
 * future and within the hours it set. Afterwards the announcement is deleted and the hours
 * put back, so the demo is as seeded for the journeys that share this server; and the news
 * page is reached from the portal's main menu.
 */
import { expect, test, type Page } from '@playwright/test';
import { JOURNEY_ADMIN, JOURNEY_POSTER } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logIn } from '../support/staff-log-in.ts';

/** A real 1×1 PNG, so the portal could show it. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const TIME_ZONE = 'Europe/Amsterdam';
const WEEKDAYS = ['Maandag', 'Dinsdag', 'Woensdag', 'Donderdag', 'Vrijdag', 'Zaterdag', 'Zondag'];

/** Tomorrow in the organisation's time zone: its date (`YYYY-MM-DD`) and its Dutch weekday. */
function tomorrow(): { date: string; weekday: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1, 12));
  return {
    date: next.toISOString().slice(0, 10),
    // getUTCDay: 0 is Sunday; the page lists Monday first.
    weekday: WEEKDAYS[(next.getUTCDay() + 6) % 7]!,
  };
}

/** Sets the portal's posting hours of one weekday on the channel-guidelines page. */
async function setPortalHours(page: Page, weekday: string, from: string, to: string): Promise<void> {
  await page.goto('/beheer/instellingen/kanaalrichtlijnen');
  const portal = page.getByRole('region', { name: 'Participatieportaal' });
  await portal.getByLabel(`${weekday}: van`).fill(from);
  await portal.getByLabel(`${weekday}: tot`).fill(to);
  await portal.getByRole('button', { name: /^Richtlijnen opslaan/ }).click();
  await expect(page.getByRole('status')).toHaveText(
    /De richtlijnen van ‘Participatieportaal’ zijn opgeslagen\.|Er was niets gewijzigd\./,
  );
}

test('a poster schedules an announcement with an image within the posting hours the administrator set', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const { date, weekday } = tomorrow();
  const title = `Werk aan de Dorpsstraat (${Date.now()})`;

  // The administrator finds the guidelines from the settings and sets tomorrow's hours.
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, JOURNEY_ADMIN);
  await admin.getByRole('navigation').getByRole('link', { name: 'Instellingen' }).click();
  await admin.getByRole('link', { name: 'Kanaalrichtlijnen' }).click();
  const portalForm = admin.getByRole('region', { name: 'Participatieportaal' });
  const seededFrom = await portalForm.getByLabel(`${weekday}: van`).inputValue();
  const seededTo = await portalForm.getByLabel(`${weekday}: tot`).inputValue();
  await setPortalHours(admin, weekday, '10:00', '12:00');

  // The poster writes the announcement with an image, but no alternative text.
  const poster = await (await browser.newContext()).newPage();
  await logIn(poster, JOURNEY_POSTER, /\/beheer\//);
  await poster.getByRole('navigation').getByRole('link', { name: 'Aankondigingen' }).click();
  await poster.getByLabel('Soort aankondiging').selectOption({ label: 'Wegwerkzaamheden' });
  await poster.getByRole('button', { name: 'Beginnen met schrijven' }).click();
  await poster.getByLabel('Titel', { exact: true }).fill(title);
  await poster
    .getByLabel('Tekst', { exact: true })
    .fill('Vanaf maandag werken we aan de Dorpsstraat. Fietsers kunnen erlangs, auto’s rijden om via de Kerkweg.');
  await poster
    .getByLabel('Afbeelding toevoegen')
    .setInputFiles({ name: 'omleiding.png', mimeType: 'image/png', buffer: PNG });
  await expect(poster.getByLabel('Moment van plaatsen')).toHaveAccessibleDescription(/10:00–12:00/);
  await poster.getByLabel('Moment van plaatsen').fill(`${date}T11:00`);
  await poster.getByRole('button', { name: 'Inplannen' }).click();

  // Refused: the error summary takes focus, its link leads to the image's alternative text.
  const summary = poster.locator('#staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Vul de alternatieve tekst bij afbeelding 1 in.');
  await summary.getByRole('link', { name: 'Vul de alternatieve tekst bij afbeelding 1 in.' }).click();
  const alt = poster.getByLabel('Alternatieve tekst bij afbeelding 1');
  await expect(alt).toBeFocused();
  await expect(alt).toHaveAttribute('aria-invalid', 'true');
  await expect(alt).toHaveAccessibleDescription(/Fout: Vul de alternatieve tekst bij afbeelding 1 in\./);
  await expect(poster.getByLabel('Titel', { exact: true })).toHaveValue(title);
  await expect(poster.getByRole('main')).toContainText('Concept');
  await expectNoAxeViolations(poster, { context: 'composer refused without alternative text' });

  // With alternative text, but outside the hours: refused again, the moment kept.
  await alt.fill('Kaart van de Dorpsstraat met de omleiding via de Kerkweg.');
  await poster.getByLabel('Moment van plaatsen').fill(`${date}T13:00`);
  await poster.getByRole('button', { name: 'Inplannen' }).click();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Dit moment valt buiten de plaatsingstijden');
  await expect(summary).toContainText('10:00–12:00');
  await expect(poster.getByLabel('Moment van plaatsen')).toHaveValue(`${date}T13:00`);
  await expect(poster.getByLabel('Alternatieve tekst bij afbeelding 1')).toHaveValue(
    'Kaart van de Dorpsstraat met de omleiding via de Kerkweg.',
  );

  // Within the hours: scheduled.
  await poster.getByLabel('Moment van plaatsen').fill(`${date}T11:00`);
  await poster.getByRole('button', { name: 'Inplannen' }).click();
  await expect(poster.getByRole('status')).toContainText('De aankondiging is ingepland voor');
  await expect(poster.getByRole('status')).toContainText('11:00');
  await expect(poster.getByRole('main')).toContainText('Ingepland');
  await poster.getByRole('link', { name: 'Terug naar alle aankondigingen' }).click();
  const row = poster.getByRole('row', { name: new RegExp(title.replace(/[()]/g, '\\$&')) });
  await expect(row).toContainText('Ingepland');

  // Leave the demo as seeded: the announcement deleted, the hours as they were.
  await row.getByRole('link', { name: title }).click();
  await poster.getByRole('button', { name: 'Aankondiging verwijderen' }).click();
  await expect(poster.getByRole('status')).toHaveText('De aankondiging is verwijderd, ook van de platforms.');
  await setPortalHours(admin, weekday, seededFrom, seededTo);

  // Residents find the news from the portal's main menu, in Dutch and in English.
  const resident = await (await browser.newContext()).newPage();
  await resident.goto('/');
  await resident.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Nieuws' }).click();
  await expect(resident).toHaveURL(/\/nieuws\/$/);
  await expect(resident.getByRole('heading', { level: 1, name: 'Nieuws' })).toBeVisible();
  await expect(
    resident.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Nieuws' }),
  ).toHaveAttribute('aria-current', 'page');
  await resident.goto('/en/');
  await resident.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'News' }).click();
  await expect(resident).toHaveURL(/\/en\/news\/$/);
  await expect(resident.getByRole('heading', { level: 1, name: 'News' })).toBeVisible();
});
