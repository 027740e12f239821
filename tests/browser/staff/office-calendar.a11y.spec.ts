/**
 * The office-calendar screen (issue 14) in a real browser, in Dutch and English: the form,
 * its errors, a refused save on an older version and the saved state, each checked as
 * accessibility.md asks: axe, Tab, reflow at 320 px, 200% text and forced colours. Like the
 * other staff specs it runs its own Podium on an in-memory database.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';
import {
  addUserStyle,
  clippedElements,
  expectedLightStops,
  horizontalOverflow,
  tabWalk,
} from '../support/page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const ADMIN = 'admin@demodam.example';
const COLLEAGUE = 'anna@demodam.example';
let podium: StaffPodium;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  podium = await startStaffPodium([
    { email: ADMIN, displayName: 'Ad Min', role: 'administrator' },
    { email: COLLEAGUE, displayName: 'Anna de Vries', role: 'administrator' },
  ]);
});

test.afterAll(() => podium?.close());

const paths = { nl: '/beheer/kantoorkalender', en: '/en/manage/office-calendar' } as const;
const titles = { nl: 'Kantoorkalender en reactietermijnen', en: 'Office calendar and response promises' } as const;

async function open(page: Page, lang: 'nl' | 'en', who = ADMIN): Promise<void> {
  await logInAsStaff(page, podium.baseUrl, who);
  await page.goto(`${podium.baseUrl}${paths[lang]}`);
  await expect(page.getByRole('heading', { level: 1, name: titles[lang] })).toBeVisible();
}

/** Every control in document order by Tab, each with a visible focus. */
async function expectKeyboardWalk(page: Page): Promise<void> {
  await page.locator('body').focus();
  const expected = await expectedLightStops(page);
  const stops = await tabWalk(page, { max: 200 });
  expect(stops.filter((stop) => !stop.focusVisible).map((stop) => stop.name)).toEqual([]);
  expect(stops.flatMap((stop) => (stop.lightIndex === null ? [] : [stop.lightIndex]))).toEqual(expected);
}

async function expectReflowAndLargeText(page: Page): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await horizontalOverflow(page), 'horizontal scrolling at 320 px').toBe(0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await addUserStyle(page, 'html { font-size: 200% !important; }');
  expect(await clippedElements(page)).toEqual([]);
  expect(await horizontalOverflow(page), 'horizontal scrolling at 200% text').toBe(0);
}

for (const lang of ['nl', 'en'] as const) {
  test(`the office calendar passes axe, Tab, 320 px and 200% text (${lang})`, async ({ page }) => {
    await open(page, lang);
    await expect(page.getByRole('group', { name: lang === 'nl' ? 'Maandag' : 'Monday' })).toBeVisible();
    await expectNoAxeViolations(page, { context: `office calendar (${lang})` });
    await expectKeyboardWalk(page);
    await expectReflowAndLargeText(page);
  });
}

test('the navigation leads an administrator to the office calendar', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, ADMIN);
  await page.getByRole('link', { name: 'Kantoorkalender' }).click();
  await expect(page.getByRole('heading', { level: 1, name: titles.nl })).toBeVisible();
});

test('a wrong time is refused with a summary that takes focus and leads to the field, typed values kept', async ({
  page,
}) => {
  await open(page, 'nl');
  const monday = page.getByRole('group', { name: 'Maandag' });
  await monday.getByLabel('Van', { exact: true }).fill('25:00');
  await page.getByLabel('Extra sluitingsdagen').fill('2027-12-24');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const summary = page.locator('#staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Maandag: vul een tijd in als uu:mm');
  await expect(page).toHaveTitle(/^Fout: /);
  await expect(monday.getByLabel('Van', { exact: true })).toHaveValue('25:00');
  await expect(page.getByLabel('Extra sluitingsdagen')).toHaveValue('2027-12-24');
  await expectNoAxeViolations(page, { context: 'office calendar with an error' });
  await summary.getByRole('link').first().click();
  await expect(monday.getByLabel('Van', { exact: true })).toBeFocused();
  await expectReflowAndLargeText(page);
});

test('with forced colours the form and a refused field stay visible by their borders and words', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await open(page, 'en');
  await page.getByRole('group', { name: 'Tuesday' }).getByLabel('To', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#staff-error-summary')).toContainText('Tuesday: enter both a start and an end time');
  const marked = await page
    .getByRole('group', { name: 'Tuesday' })
    .evaluate((el) => getComputedStyle(el).borderLeftStyle);
  expect(marked).toBe('solid');
  await expectNoAxeViolations(page, { context: 'office calendar with an error in forced colours' });
});

test('a save on a page a colleague saved since is refused with who changed what, the typed text kept', async ({
  browser,
}) => {
  // Two people, each in their own browser context (cookies, session).
  const myContext = await browser.newContext();
  const theirContext = await browser.newContext();
  const mine = await myContext.newPage();
  const theirs = await theirContext.newPage();
  await open(mine, 'nl');
  await open(theirs, 'nl', COLLEAGUE);
  await theirs.getByLabel('Extra sluitingsdagen').fill('2027-06-01');
  await theirs.getByRole('button', { name: 'Opslaan' }).click();
  await expect(theirs.getByRole('status')).toContainText('De kantoorkalender is opgeslagen.');

  const saturday = mine.getByRole('group', { name: 'Zaterdag' });
  await saturday.getByLabel('Van', { exact: true }).fill('10:00');
  await saturday.getByLabel('Tot', { exact: true }).fill('13:00');
  await mine.getByRole('button', { name: 'Opslaan' }).click();
  const summary = mine.locator('#staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Anna de Vries wijzigde de extra sluitingsdagen');
  await expect(saturday.getByLabel('Van', { exact: true })).toHaveValue('10:00');
  await expectNoAxeViolations(mine, { context: 'office calendar refused on an older version' });

  // Saved again on the version shown now, the save goes through and says so.
  await mine.getByLabel('Extra sluitingsdagen').fill('2027-06-01');
  await mine.getByRole('button', { name: 'Opslaan' }).click();
  await expect(mine.getByRole('status')).toContainText('De kantoorkalender is opgeslagen.');
  await expect(saturday.getByLabel('Van', { exact: true })).toHaveValue('10:00');
  await expectNoAxeViolations(mine, { context: 'office calendar saved' });
  await myContext.close();
  await theirContext.close();
});
