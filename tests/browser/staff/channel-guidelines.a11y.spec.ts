/**
 * The channel-guidelines settings page (api/staff/settings/guideline-*.ts) in a real browser,
 * in Dutch and English: reached from the settings index, a refused save (malformed hours,
 * an empty name: the error summary takes focus and its links reach the fields, the typing
 * kept), a saved one, and a save refused because a colleague saved first; each state checked
 * with the staff page checks (axe, Tab, 320 px, 200% text, forced colours).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { checkStaffPage, expectUniqueFieldNames } from '../support/staff-page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const ADMIN = 'admin@demodam.example';
const COLLEAGUE = 'anna@demodam.example';
let podium: StaffPodium;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  podium = await startStaffPodium([
    { email: ADMIN, displayName: 'Ad Min', role: 'administrator' },
    { email: COLLEAGUE, displayName: 'Anna de Vries', role: 'administrator' },
  ]);
});

test.afterAll(() => podium?.close());

const portal = (page: Page) => page.getByRole('region', { name: 'Participatieportaal' });

test('an administrator finds the page, is refused malformed hours, and saves the portal’s posting hours', async ({
  page,
}) => {
  await logInAsStaff(page, podium.baseUrl, ADMIN, { next: '/beheer/instellingen' });
  await page.getByRole('link', { name: 'Kanaalrichtlijnen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kanaalrichtlijnen' })).toBeVisible();
  await checkStaffPage(page, 'channel guidelines');

  await portal(page).getByLabel('Naam (Nederlands)').fill('');
  await portal(page).getByLabel('Zaterdag: van').fill('10 uur');
  await portal(page).getByLabel('Zondag: van').fill('14:00');
  await portal(page).getByLabel('Zondag: tot').fill('12:00');
  await portal(page)
    .getByRole('button', { name: /^Richtlijnen opslaan/ })
    .click();
  const summary = page.locator('#staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Vul een Nederlandse naam in.');
  await expect(summary).toContainText('Vul een tijd in als uu:mm, zoals 09:00.');
  await expect(summary).toContainText('Het einde moet na het begin liggen.');
  await summary.getByRole('link', { name: 'Het einde moet na het begin liggen.' }).click();
  await expect(portal(page).getByLabel('Zondag: tot')).toBeFocused();
  await expect(portal(page).getByLabel('Zondag: tot')).toHaveAttribute('aria-invalid', 'true');
  await expect(portal(page).getByLabel('Zaterdag: van')).toHaveValue('10 uur');
  await checkStaffPage(page, 'channel guidelines refused');

  await portal(page).getByLabel('Naam (Nederlands)').fill('Participatieportaal');
  await portal(page).getByLabel('Zaterdag: van').fill('10:00');
  await portal(page).getByLabel('Zaterdag: tot').fill('12:00');
  await portal(page).getByLabel('Zondag: van').fill('');
  await portal(page).getByLabel('Zondag: tot').fill('');
  await portal(page)
    .getByRole('button', { name: /^Richtlijnen opslaan/ })
    .click();
  await expect(page.getByRole('status')).toHaveText('De richtlijnen van ‘Participatieportaal’ zijn opgeslagen.');
  await expect(portal(page).getByLabel('Zaterdag: tot')).toHaveValue('12:00');
  await checkStaffPage(page, 'channel guidelines saved');
});

test('a save on a version a colleague saved since is refused, naming them, the typing kept', async ({
  page,
  browser,
}) => {
  await logInAsStaff(page, podium.baseUrl, ADMIN, { next: '/beheer/instellingen/kanaalrichtlijnen' });
  await saveAsColleague(browser);
  await portal(page).getByLabel('Naam (Engels, niet verplicht)').fill('Portal (my version)');
  await portal(page)
    .getByRole('button', { name: /^Richtlijnen opslaan/ })
    .click();
  const summary = page.locator('#staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Anna de Vries wijzigde plaatsingstijden');
  await expect(portal(page).getByLabel('Naam (Engels, niet verplicht)')).toHaveValue('Portal (my version)');
  await checkStaffPage(page, 'channel guidelines stale');
});

async function saveAsColleague(browser: Browser): Promise<void> {
  const context = await browser.newContext();
  const other = await context.newPage();
  await logInAsStaff(other, podium.baseUrl, COLLEAGUE, { next: '/beheer/instellingen/kanaalrichtlijnen' });
  await portal(other).getByLabel('Zondag: van').fill('11:00');
  await portal(other).getByLabel('Zondag: tot').fill('13:00');
  await portal(other)
    .getByRole('button', { name: /^Richtlijnen opslaan/ })
    .click();
  await expect(other.getByRole('status')).toHaveText('De richtlijnen van ‘Participatieportaal’ zijn opgeslagen.');
  await context.close();
}

test('each channel’s fields are named with the channel, for screen readers', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, ADMIN, { next: '/beheer/instellingen/kanaalrichtlijnen' });
  const names = await expectUniqueFieldNames(page, 'channel guidelines (nl)');
  expect(names.length).toBeGreaterThan(16);
  // Replies allowed, and announcements needing approval: both name the portal channel.
  await expect(page.getByRole('checkbox', { name: /, Participatieportaal$/ })).toHaveCount(2);
  await expect(
    page.getByRole('checkbox', { name: /^Inwoners mogen reageren op berichten in dit kanaal ?, Participatieportaal$/ }),
  ).toHaveCount(1);
});

test('the English page passes the staff page checks', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, ADMIN, { lang: 'en', next: '/en/manage/settings/channel-guidelines' });
  await expect(page.getByRole('heading', { level: 1, name: 'Channel guidelines' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Participation portal' }).getByLabel('Monday: from')).toHaveValue(
    '08:30',
  );
  await expectUniqueFieldNames(page, 'channel guidelines (en)');
  await expect(page.getByRole('textbox', { name: /^Monday: from ?, Participation portal$/ })).toHaveCount(1);
  await checkStaffPage(page, 'channel guidelines (en)');
});
