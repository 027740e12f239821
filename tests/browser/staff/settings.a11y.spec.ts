/**
 * The settings pages (api/staff/settings/) in a real browser, in Dutch and English: the
 * settings index and the house rules page, a refused rule, a rule moved with its button
 * (focus stays on the moved rule), a refused save on an older version, each checked as
 * accessibility.md asks: axe, Tab, reflow at 320 px, 200% text and forced colours. Like
 * the other staff specs it runs its own Podium on an in-memory database.
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

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  podium = await startStaffPodium([
    { email: ADMIN, displayName: 'Ad Min', role: 'administrator' },
    { email: COLLEAGUE, displayName: 'Anna de Vries', role: 'administrator' },
  ]);
});

test.afterAll(() => podium?.close());

const pages = {
  index: { nl: '/beheer/instellingen', en: '/en/manage/settings' },
  houseRules: { nl: '/beheer/instellingen/huisregels', en: '/en/manage/settings/house-rules' },
  statement: {
    nl: '/beheer/instellingen/toegankelijkheidsverklaring',
    en: '/en/manage/settings/accessibility-statement',
  },
} as const;
const titles = {
  index: { nl: 'Instellingen', en: 'Settings' },
  houseRules: { nl: 'Huisregels', en: 'House rules' },
  statement: { nl: 'Toegankelijkheidsverklaring', en: 'Accessibility statement' },
} as const;

async function open(page: Page, which: keyof typeof pages, lang: 'nl' | 'en', who = ADMIN): Promise<void> {
  await logInAsStaff(page, podium.baseUrl, who);
  await page.goto(`${podium.baseUrl}${pages[which][lang]}`);
  await expect(page.getByRole('heading', { level: 1, name: titles[which][lang] })).toBeVisible();
}

/** Every control in document order by Tab, each with a visible focus. */
async function expectKeyboardWalk(page: Page): Promise<void> {
  await page.locator('body').focus();
  const expected = await expectedLightStops(page);
  const stops = await tabWalk(page, { max: 300 });
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
  for (const which of ['index', 'houseRules', 'statement'] as const) {
    test(`the ${which} settings page passes axe, Tab, 320 px and 200% text (${lang})`, async ({ page }) => {
      await open(page, which, lang);
      await expectNoAxeViolations(page, { context: `${which} (${lang})` });
      await expectKeyboardWalk(page);
      await expectReflowAndLargeText(page);
    });
  }
}

test('the navigation leads an administrator to the house rules through the settings page', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, ADMIN);
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Huisregels' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Huisregels' })).toBeVisible();
  // The settings entry stays the current one on the pages below it.
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Instellingen' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('a new rule without a Dutch title is refused with a summary that takes focus and leads to the field, text kept', async ({
  page,
}) => {
  await open(page, 'houseRules', 'nl');
  await page.locator('#new-body-nl').fill('Wij plaatsen geen berichten in hoofdletters.');
  await page.getByRole('button', { name: 'Huisregel toevoegen' }).click();
  const summary = page.locator('#staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Vul een Nederlandse titel in.');
  await expect(page).toHaveTitle(/^Fout: /);
  await expect(page.locator('#new-body-nl')).toHaveValue('Wij plaatsen geen berichten in hoofdletters.');
  await expectNoAxeViolations(page, { context: 'house rules with an error' });
  await summary.getByRole('link').first().click();
  await expect(page.locator('#new-title-nl')).toBeFocused();
  await expectReflowAndLargeText(page);
});

test('moving a rule down keeps focus on that rule’s button and says where it is now', async ({ page }) => {
  await open(page, 'houseRules', 'en');
  const first = (await page.locator('.staff-rules h3').first().textContent())!.replace(/^1\. /, '');
  await page.getByRole('button', { name: `Down: ${first}` }).press('Enter');
  await expect(page.getByRole('status')).toHaveText(`House rule ‘${first}’ is now in place 2.`);
  await expect(page.getByRole('button', { name: `Down: ${first}` })).toBeFocused();
  await expectNoAxeViolations(page, { context: 'house rules after a move' });
});

test('a deviation with a wrong criterion is refused, the summary leads to the field, and a new one shows after saving', async ({
  page,
}) => {
  await open(page, 'statement', 'nl');
  await page.locator('#dnew-criterion').fill('contrast');
  await page.locator('#dnew-description-nl').fill('De grafieken hebben te weinig contrast.');
  await page.locator('#dnew-measure-nl').fill('Wij passen de kleuren aan.');
  await page.getByRole('button', { name: 'Afwijking toevoegen' }).click();
  const summary = page.locator('#staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Vul het nummer van een succescriterium in');
  await expect(page.locator('#dnew-description-nl')).toHaveValue('De grafieken hebben te weinig contrast.');
  await expectNoAxeViolations(page, { context: 'statement with an error' });
  await summary.getByRole('link').first().click();
  await expect(page.locator('#dnew-criterion')).toBeFocused();
  await page.locator('#dnew-criterion').fill('1.4.3');
  await page.getByRole('button', { name: 'Afwijking toevoegen' }).click();
  await expect(page.getByRole('status')).toHaveText('De afwijking is toegevoegd.');
  await expect(page.getByRole('heading', { level: 3, name: /succescriterium 1\.4\.3$/ }).last()).toBeVisible();
  await expectNoAxeViolations(page, { context: 'statement with a new deviation' });
  await expectReflowAndLargeText(page);
});

test('with forced colours a refused field stays visible by its border and words', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await open(page, 'houseRules', 'en');
  await page.locator('#respect-title-nl').fill('');
  await page.locator('#regel-respect').getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#staff-error-summary')).toContainText('Enter a Dutch title.');
  await expectNoAxeViolations(page, { context: 'house rules with an error in forced colours' });
});

test('a save on a page a colleague changed since is refused with who changed what, the typed text kept', async ({
  browser,
}) => {
  const myContext = await browser.newContext();
  const theirContext = await browser.newContext();
  const mine = await myContext.newPage();
  const theirs = await theirContext.newPage();
  await open(mine, 'houseRules', 'nl');
  await open(theirs, 'houseRules', 'nl', COLLEAGUE);
  await theirs
    .getByRole('button', { name: /^Laten vervallen: / })
    .first()
    .click();
  await expect(theirs.getByRole('status')).toContainText('is vervallen.');

  await mine.locator('#privacy-body-nl').fill('Noem geen namen, adressen of telefoonnummers van anderen.');
  await mine.locator('#regel-privacy').getByRole('button', { name: 'Opslaan' }).click();
  const summary = mine.locator('#staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Anna de Vries liet');
  await expect(mine.locator('#privacy-body-nl')).toHaveValue(
    'Noem geen namen, adressen of telefoonnummers van anderen.',
  );
  await expectNoAxeViolations(mine, { context: 'house rules refused on an older version' });
  await expectReflowAndLargeText(mine);

  // Saved again on the version shown now, the save goes through.
  await mine.locator('#regel-privacy').getByRole('button', { name: 'Opslaan' }).click();
  await expect(mine.getByRole('status')).toContainText('is opgeslagen.');
  await expectNoAxeViolations(mine, { context: 'house rules saved' });
  await myContext.close();
  await theirContext.close();
});
