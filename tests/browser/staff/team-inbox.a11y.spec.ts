/**
 * The inbox as a team uses it, in a real browser: two colleagues on one item see each other
 * (presence, refreshed by the item page's script and announced politely), and a person's
 * saved views, checked with axe, the keyboard and at 320 px. The item page's poll interval
 * is shortened for the test through its data attribute (`data-presence-poll-ms`), so the
 * spec waits for what the page shows, never for a fixed time; so is the inbox's poll for new
 * items (`data-poll-ms`).
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { submissions } from '../../../api/db/schema.ts';
import { submitInput } from '../../../api/services/submissions.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { addUserStyle, clippedElements, tabWalk } from '../support/page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const FATIMA = 'fatima@demodam.example';
const NOOR = 'noor@demodam.example';

let podium: StaffPodium;
let baseUrl: string;
let itemId: string;

// Two browsers, axe and a tab walk per page: more than the default 30 s on a busy CI machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  podium = await startStaffPodium([
    { email: FATIMA, displayName: 'Fatima de Vries', role: 'moderator' },
    { email: NOOR, displayName: 'Noor Bakker', role: 'webcare' },
  ]);
  baseUrl = podium.baseUrl;
  const receipt = await submitInput(podium.database.db, {
    consultationSlug: 'fietsroute-stationsstraat',
    now: new Date(),
    input: {
      answers: { route: 'parklaan', toelichting: 'Het fietspad bij de school is te smal.' },
      language: 'nl',
      channel: 'portal',
    },
  });
  if (receipt.kind !== 'created') throw new Error(`No item: ${receipt.kind}`);
  const [row] = await podium.database.db
    .select({ id: submissions.id })
    .from(submissions)
    .where(eq(submissions.followUpCode, receipt.receipt.code));
  itemId = row!.id;
});

test.afterAll(() => podium.close());

/** A colleague's browser whose item pages poll every 300 ms instead of every 20 s. */
async function colleague(context: BrowserContext, email: string): Promise<Page> {
  await context.route(/\/beheer\/items\/[0-9a-f-]{36}$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/data-presence-poll-ms="\d+"/, 'data-presence-poll-ms="300"');
    await route.fulfill({ response, body });
  });
  const page = await context.newPage();
  await logInAsStaff(page, baseUrl, email);
  return page;
}

async function expectReflow(page: Page, context: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 0.5;
    return [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > limit)
      .map((element) => `${element.tagName} ${element.id || element.className}`)
      .slice(0, 5);
  });
  expect(wide, `${context}: nothing reaches past 320 px`).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${context} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function expectKeyboardWalk(page: Page, context: string): Promise<void> {
  await page.locator('body').focus();
  const stops = await tabWalk(page);
  expect(stops.length, `${context}: Tab reaches the controls`).toBeGreaterThan(3);
  expect(
    stops.filter((s) => !s.focusVisible).map((s) => `${s.tag} ${s.name}`),
    `${context}: focus is visible`,
  ).toEqual([]);
  expect(
    stops.filter((s) => s.obscured).map((s) => `${s.tag} ${s.name}`),
    `${context}: focus is not hidden`,
  ).toEqual([]);
}

test('two colleagues on one item see each other within a poll, announced politely, focus kept', async ({ browser }) => {
  const noorContext = await browser.newContext();
  const fatimaContext = await browser.newContext();
  try {
    const noor = await colleague(noorContext, NOOR);
    const fatima = await colleague(fatimaContext, FATIMA);

    await noor.goto(`${baseUrl}/beheer/items/${itemId}`);
    const line = noor.locator('[data-presence-text]');
    const live = noor.getByRole('status', { name: 'Wie dit item ook open heeft' });
    await expect(line).toBeHidden();
    await expect(live).toHaveText('');
    const note = noor.getByLabel('Notitie voor collega’s (optioneel)');
    await note.focus();

    await fatima.goto(`${baseUrl}/beheer/items/${itemId}`);
    // Fatima's page shows Noor from the start, rendered with the page (no script needed).
    await expect(fatima.locator('[data-presence-text]')).toHaveText(/^Ook geopend door: Noor Bakker \(/);
    // Noor's page learns of Fatima on its next heartbeat, and says so once.
    await expect(line).toHaveText('Ook geopend door: Fatima de Vries (net geopend)');
    await expect(live).toHaveText('Ook geopend door: Fatima de Vries.');
    await expect(live).toHaveAttribute('role', 'status');
    await expect(note).toBeFocused();
    await expectNoAxeViolations(noor, { context: 'an item with a colleague present' });

    // Fatima goes back to the list: her page says goodbye, and Noor's page notices.
    await fatima.goto(`${baseUrl}/beheer/`);
    await expect(live).toHaveText('Niemand anders heeft dit item nu open.');
    await expect(line).toBeHidden();
    await expect(note).toBeFocused();
  } finally {
    await noorContext.close();
    await fatimaContext.close();
  }
});

test('the English item page says who else has it open', async ({ browser }) => {
  const noorContext = await browser.newContext();
  const fatimaContext = await browser.newContext();
  try {
    const noor = await colleague(noorContext, NOOR);
    const fatima = await colleague(fatimaContext, FATIMA);
    await fatima.goto(`${baseUrl}/beheer/items/${itemId}`);
    await noor.goto(`${baseUrl}/en/manage/items/${itemId}`);
    await expect(noor.locator('[data-presence-text]')).toHaveText('Also open: Fatima de Vries (just opened)');
    await expect(noor.locator('html')).toHaveAttribute('lang', 'en');
  } finally {
    await noorContext.close();
    await fatimaContext.close();
  }
});

test('a saved view is made, refused without a name, and used with the keyboard; the inbox passes axe and reflows', async ({
  page,
}) => {
  await logInAsStaff(page, baseUrl, FATIMA);
  await page.goto(`${baseUrl}/beheer/?view=waiting&sort=newest`);

  // Refused: the error summary takes focus and leads to the field; the filters stay.
  await page.getByRole('button', { name: 'Weergave opslaan' }).click();
  const summary = page.locator('.staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Geef de weergave een naam.');
  await expectNoAxeViolations(page, { context: 'inbox with a refused saved view' });
  await summary.getByRole('link', { name: 'Geef de weergave een naam.' }).click();
  const name = page.getByLabel('Naam van de weergave');
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Welke items')).toHaveValue('waiting');

  await name.fill('Nieuw en voor mij');
  await name.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Weergave opgeslagen.' })).toBeVisible();
  const views = page.getByRole('list', { name: 'Mijn opgeslagen weergaven' });
  await expect(views.getByRole('link', { name: /Nieuw en voor mij/ })).toHaveAttribute('aria-current', 'page');

  await expectNoAxeViolations(page, { context: 'inbox with saved views' });
  await expectKeyboardWalk(page, 'inbox with saved views');
  await expectReflow(page, 'inbox with saved views');

  // Used with the keyboard from another view.
  await page.goto(`${baseUrl}/beheer/`);
  const link = page.getByRole('list', { name: 'Mijn opgeslagen weergaven' }).getByRole('link', {
    name: 'Nieuw en voor mij',
  });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${baseUrl}/beheer/?view=waiting&sort=newest`);
  await expect(page.getByLabel('Volgorde')).toHaveValue('newest');
});

test('presence and saved views stay readable at 200% text and in forced colours', async ({ browser }) => {
  const fatimaContext = await browser.newContext({ forcedColors: 'active' });
  const noorContext = await browser.newContext();
  try {
    const noor = await colleague(noorContext, NOOR);
    await noor.goto(`${baseUrl}/beheer/items/${itemId}`);
    const fatima = await colleague(fatimaContext, FATIMA);
    await fatima.goto(`${baseUrl}/beheer/items/${itemId}`);
    const line = fatima.locator('[data-presence-text]');
    await expect(line).toHaveText(/^Ook geopend door: Noor Bakker \(/);
    const views = fatima.getByRole('list', { name: 'Mijn opgeslagen weergaven' });
    await expect(views.getByRole('link', { name: /Nieuw en voor mij/ })).toBeVisible();
    await expectNoAxeViolations(fatima, { context: 'presence and saved views in forced colours' });

    await addUserStyle(fatima, 'html { font-size: 200% !important; }');
    expect(await clippedElements(fatima), 'nothing clipped at 200% text').toEqual([]);
    await expect(line).toBeVisible();
    await expect(views.getByRole('link', { name: /Nieuw en voor mij/ })).toBeVisible();
    const overflow = await fatima.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'no sideways scrolling at 200% text').toBeLessThanOrEqual(0);
  } finally {
    await noorContext.close();
    await fatimaContext.close();
  }
});

test('an item that arrives while the inbox is open is announced politely; list and focus stay', async ({ browser }) => {
  const context = await browser.newContext();
  try {
    // The inbox asks for new items every 300 ms instead of every 30 s.
    await context.route(/\/beheer\/(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/data-poll-ms="\d+"/, 'data-poll-ms="300"');
      await route.fulfill({ response, body });
    });
    const page = await context.newPage();
    await logInAsStaff(page, baseUrl, NOOR);
    await page.goto(`${baseUrl}/beheer/`);
    const list = page.getByRole('list', { name: 'Items in de inbox' });
    const shown = await list.getByRole('listitem').count();
    const live = page.locator('[data-new-items-text]');
    await expect(live).toHaveAttribute('role', 'status');
    await expect(live).toHaveText('');
    const first = list.locator('[data-inbox-link]').first();
    await first.focus();

    const arrived = await submitInput(podium.database.db, {
      consultationSlug: 'fietsroute-stationsstraat',
      now: new Date(),
      input: {
        answers: { route: 'parklaan', toelichting: 'Binnengekomen terwijl de inbox open stond.' },
        language: 'nl',
        channel: 'portal',
      },
    });
    if (arrived.kind !== 'created') throw new Error(`No item: ${arrived.kind}`);

    await expect(live).toHaveText('1 nieuw item');
    await expect(first).toBeFocused();
    await expect(list.getByRole('listitem')).toHaveCount(shown);
    await expect(list).not.toContainText('Binnengekomen terwijl de inbox open stond.');
    await expectNoAxeViolations(page, { context: 'inbox announcing a new item' });

    await page.getByRole('link', { name: 'Toon de nieuwste items' }).click();
    await expect(page).toHaveURL(`${baseUrl}/beheer/?sort=newest`);
    await expect(list.getByRole('listitem').first()).toContainText('Binnengekomen terwijl de inbox open stond.');
  } finally {
    await context.close();
  }
});

test('the views page renames and deletes, passes axe, works with the keyboard and reflows', async ({ page }) => {
  await logInAsStaff(page, baseUrl, FATIMA);
  await page.goto(`${baseUrl}/beheer/weergaven`);
  await expect(page).toHaveTitle('Mijn weergaven – Podium werkplek');
  await expectNoAxeViolations(page, { context: 'views page' });
  await expectKeyboardWalk(page, 'views page');
  await expectReflow(page, 'views page');

  const rename = page.getByLabel('Nieuwe naam');
  await rename.fill('');
  await page.getByRole('button', { name: '‘Nieuw en voor mij’ hernoemen' }).click();
  await expect(page.locator('.staff-error-summary')).toBeFocused();
  await expect(page.locator('.staff-error-summary')).toContainText('Geef de weergave een naam.');
  await expectNoAxeViolations(page, { context: 'views page with a refused rename' });

  await page.getByLabel('Nieuwe naam').fill('Wacht op mij, nieuwste eerst');
  await page.getByLabel('Nieuwe naam').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Weergave hernoemd.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Wacht op mij, nieuwste eerst' })).toBeVisible();

  await page.getByRole('button', { name: '‘Wacht op mij, nieuwste eerst’ verwijderen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Weergave verwijderd.' })).toBeVisible();
  await expect(page.getByText('U heeft geen opgeslagen weergaven.')).toBeVisible();
});
