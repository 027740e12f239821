/**
 * Webcare pages in a real browser: the queue with assignment, the response clock and the
 * keyboard shortcuts; answering with a template, preview and the live readability hint;
 * the overdue view; templates, routing, consultation preview and shortcut help. Each state
 * is checked with axe, by keyboard and at 320 CSS px. Like workbench.a11y.spec.ts, this
 * spec runs its own Podium in the test process on an in-memory database.
 */
import { expect, test, type Page } from '@playwright/test';
import { eq, like } from 'drizzle-orm';
import type { Database } from '../../../api/db/client.ts';
import { replyTemplates, socialPosts, submissions } from '../../../api/db/schema.ts';
import { submitInput } from '../../../api/services/submissions.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';
import { tabWalk } from '../support/page-checks.ts';

const ADMIN = 'admin@demodam.example';
const WEBCARE = 'webcare@demodam.example';
const DAY = 24 * 60 * 60 * 1000;

let podium: StaffPodium;
let database: Database;
let baseUrl: string;
let lateId: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  podium = await startStaffPodium([
    { email: ADMIN, displayName: 'Ada Min', role: 'administrator' },
    { email: WEBCARE, displayName: 'Wes Care', role: 'webcare' },
  ]);
  ({ database, baseUrl } = podium);
  await database.db.insert(replyTemplates).values({
    organisationId: podium.organisationId,
    title: { nl: 'Bedankt', en: 'Thanks' },
    body: {
      nl: 'Dank voor uw inbreng op {consultatie}. We lezen alles. U hoort binnen twee weken van ons.',
      en: 'Thank you for your input on {consultation}.',
    },
  });
  for (const text of ['Wanneer komt de fietsroute er?', 'Kan er meer licht komen langs de Parklaan?']) {
    const result = await submitInput(database.db, {
      consultationSlug: 'fietsroute-stationsstraat',
      now: new Date(),
      input: { answers: { route: 'parklaan', toelichting: text }, language: 'nl', channel: 'portal' },
    });
    if (result.kind !== 'created') throw new Error(result.kind);
  }
  // One item three weeks old: past its promise of ten working days.
  const [late] = await database.db
    .select()
    .from(submissions)
    .where(eq(submissions.reviewState, 'new'))
    .orderBy(submissions.createdAt)
    .limit(1);
  lateId = late!.id;
  await database.db
    .update(submissions)
    // The clock runs from the stored due time (services/office-hours), set on arrival.
    .set({ createdAt: new Date(Date.now() - 21 * DAY), responseDueAt: new Date(Date.now() - 14 * DAY) })
    .where(eq(submissions.id, lateId));
});

test.afterAll(() => podium.close());

const logIn = (page: Page, email = WEBCARE, lang: 'nl' | 'en' = 'nl') => logInAsStaff(page, baseUrl, email, { lang });

async function expectReflow(page: Page, context: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  // Elements that reach past the right edge, named so a failure says where. A data table
  // may scroll inside its own keyboard-reachable region (the exception in WCAG 1.4.10).
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 0.5;
    return [...document.body.querySelectorAll('*')]
      .filter((element) => !element.closest('.staff-table-wrap'))
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

test('the inbox lists items compactly and passes axe, reflows and walks by keyboard', async ({ page }) => {
  await logIn(page);
  const list = page.getByRole('list', { name: 'Items in de inbox' });
  const late = list.locator('li').filter({ has: page.locator(`a[href^="/beheer/items/${lateId}"]`) });
  await expect(late.getByText(/^\d+ werkdagen( \d+ u)? te laat$/)).toBeVisible();
  await expect(late.getByText('niemand')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'inbox list' });
  await expectKeyboardWalk(page, 'inbox list');
  await expectReflow(page, 'inbox list');
});

test('an item opens at its own address beside the list, takes focus, and is handled with one save', async ({
  page,
  browser,
}) => {
  // A colleague opens the same item first, and keeps the page open.
  const colleague = await (await browser.newContext()).newPage();
  await logInAsStaff(colleague, baseUrl, ADMIN);
  await colleague.goto(`${baseUrl}/beheer/items/${lateId}`);

  await logIn(page);
  await page.locator(`a[href^="/beheer/items/${lateId}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/beheer/items/${lateId}$`));
  // Focus goes to the item that was opened (the list stays beside it on a wide screen).
  await expect(page.locator('#item-detail-heading')).toBeFocused();
  await expect(page.getByRole('list', { name: 'Items in de inbox' })).toBeVisible();
  await expect(page.locator(`.staff-inbox-items a[href^="/beheer/items/${lateId}"]`)).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expectNoAxeViolations(page, { context: 'inbox with an item' });
  await expectKeyboardWalk(page, 'inbox with an item');
  await expectReflow(page, 'inbox with an item');

  // On a narrow screen the item stands alone, with a way back to the list.
  await page.setViewportSize({ width: 320, height: 640 });
  await expect(page.getByRole('list', { name: 'Items in de inbox' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Terug naar de lijst' })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });

  // Text at 200 %: still no sideways scrolling.
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await page.evaluate(() => (document.documentElement.style.fontSize = ''));

  // Forced colours: the opened item and the form stay usable.
  await page.emulateMedia({ forcedColors: 'active' });
  await expectNoAxeViolations(page, { context: 'inbox with an item in forced colours' });
  await page.emulateMedia({ forcedColors: 'none' });

  const form = page.locator('form.staff-item-form');
  await form.getByRole('combobox', { name: 'Afdeling' }).selectOption({ label: 'Team Verkeer' });
  await form.getByRole('combobox', { name: 'Medewerker' }).selectOption({ label: 'Wes Care' });
  await form.getByRole('textbox', { name: 'Notitie voor collega’s (optioneel)' }).fill('Ik pak dit op.');
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
  await expect(page.locator('form.staff-item-form').getByRole('combobox', { name: 'Medewerker' })).toHaveValue(/.+/);

  // The colleague's stale page is refused, with who changed it, and nothing typed is lost.
  const theirs = colleague.locator('form.staff-item-form');
  await theirs.getByRole('combobox', { name: 'Medewerker' }).selectOption({ label: 'Ada Min' });
  await theirs.getByRole('textbox', { name: 'Notitie voor collega’s (optioneel)' }).fill('Nee, ik doe het.');
  await theirs.getByRole('button', { name: 'Opslaan' }).click();
  await expect(colleague.locator('#staff-error-summary')).toBeFocused();
  await expect(colleague.locator('#detail-stale')).toContainText('Wes Care heeft het item toegewezen');
  await expect(
    colleague.locator('form.staff-item-form').getByRole('textbox', { name: 'Notitie voor collega’s (optioneel)' }),
  ).toHaveValue('Nee, ik doe het.');
  await expectNoAxeViolations(colleague, { context: 'inbox with a refused stale change' });
  await colleague.context().close();
});

test('keyboard shortcuts move between items, choose a decision and are announced, not in text fields', async ({
  page,
}) => {
  await logIn(page, ADMIN);
  const status = page.locator('[data-shortcut-status]').first();
  await page.locator('h1').click();
  await page.keyboard.press('j');
  const first = page.locator('[data-queue-item]').first();
  await expect(first).toBeFocused();
  await expect(status).toHaveText(/^Item 1 van \d+: Inbreng op /);
  await page.keyboard.press('j');
  await expect(page.locator('[data-queue-item]').nth(1)).toBeFocused();
  await page.keyboard.press('k');
  await expect(first).toBeFocused();

  // Enter opens the item beside the list; p, r and e act on the opened item.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/beheer\/items\/[0-9a-f-]{36}$/);
  await expect(page.locator('#item-detail-heading')).toBeFocused();
  const opened = page.locator('[data-queue-current]');
  await page.keyboard.press('p');
  await expect(opened.getByRole('radio', { name: 'Publiceren', exact: true })).toBeChecked();
  await expect(opened.getByRole('button', { name: 'Opslaan' })).toBeFocused();
  await expect(status).toHaveText('Publiceren gekozen. Druk op Enter om op te slaan.');

  await page.locator('#item-detail-heading').focus();
  await page.keyboard.press('r');
  await expect(opened.getByRole('radio', { name: 'Afwijzen', exact: true })).toBeChecked();
  await expect(opened.getByRole('combobox', { name: /^Huisregel/ })).toBeFocused();
  await expect(status).toHaveText('Afwijzen gekozen. Kies de huisregel.');

  // Typing in a text field never triggers a shortcut.
  const note = opened.getByRole('textbox', { name: /Notitie/ });
  await note.fill('');
  await note.focus();
  await page.keyboard.type('jkp');
  await expect(note).toHaveValue('jkp');
  await expect(opened.getByRole('radio', { name: 'Afwijzen', exact: true })).toBeChecked();
  await expectNoAxeViolations(page, { context: 'inbox after shortcuts' });

  await page.locator('#item-detail-heading').focus();
  await page.keyboard.press('a');
  await expect(page).toHaveURL(/\/beheer\/items\/[0-9a-f-]+\/antwoord$/);
});

test('the shortcut help documents the keys and turns the shortcuts off and on (WCAG 2.1.4)', async ({ page }) => {
  await logIn(page);
  await page.getByRole('link', { name: 'Sneltoetsen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sneltoetsen' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'shortcut help' });
  await expectKeyboardWalk(page, 'shortcut help');
  await expectReflow(page, 'shortcut help');
  const toggle = page.getByRole('checkbox', { name: 'Sneltoetsen gebruiken' });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(page.locator('[data-shortcut-status]')).toHaveText('Sneltoetsen staan uit.');

  await page.goto(`${baseUrl}/beheer/items/${lateId}`);
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await expect(page.locator('[data-queue-item]').first()).not.toBeFocused();

  await page.goto(`${baseUrl}/beheer/sneltoetsen`);
  await page.getByRole('checkbox', { name: 'Sneltoetsen gebruiken' }).check();
  await page.goto(`${baseUrl}/beheer/items/${lateId}`);
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await expect(page.locator('[data-queue-item]').first()).toBeFocused();
});

test('answering: a template, a live readability hint, a preview, an error and publishing', async ({ page }) => {
  await logIn(page);
  await page.goto(`${baseUrl}/beheer/items/${lateId}/antwoord`);
  await expect(page.getByRole('heading', { level: 1, name: /^Antwoord op / })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'answer page' });
  await expectKeyboardWalk(page, 'answer page');
  await expectReflow(page, 'answer page');

  // Publishing nothing: the error summary takes focus and leads to the field.
  await page.getByRole('button', { name: 'Antwoord publiceren' }).click();
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expectNoAxeViolations(page, { context: 'answer page with an error' });
  await page.getByRole('link', { name: 'Schrijf een antwoord.' }).click();
  await expect(page.getByRole('textbox', { name: 'Antwoord' })).toBeFocused();

  await page.getByRole('combobox', { name: 'Sjabloon' }).selectOption({ label: 'Bedankt' });
  await page.getByRole('button', { name: 'Sjabloon invoegen' }).click();
  const body = page.getByRole('textbox', { name: 'Antwoord' });
  await expect(body).toHaveValue(/^Dank voor uw inbreng op Nieuwe fietsroute Stationsstraat\./);
  const output = page.locator('#answer-readability [data-readability-output]');
  await expect(output).toContainText('Flesch-Douma:');

  // Typing updates the hint after a pause; the polite region speaks only a changed verdict.
  await body.fill(
    'De gemeentelijke verkeersveiligheidsdoelstellingen worden geïmplementeerd conform de vastgestelde beleidskaders en uitvoeringsprogrammering van het gemeentebestuur van Demodam.',
  );
  await expect(output).toContainText('Moeilijk: ver boven B1.');
  await expect(page.locator('#answer-readability [data-readability-live]')).toContainText('Moeilijk');
  await expectNoAxeViolations(page, { context: 'answer page with a live readability hint' });

  await body.fill('Dank u wel voor uw reactie. Wij kijken er goed naar. U hoort binnen twee weken van ons.');
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Voorbeeld' })).toBeVisible();
  await expect(page.locator('#preview-readability')).toContainText('Zeer makkelijk te lezen.');
  await expectNoAxeViolations(page, { context: 'answer preview' });
  await expectReflow(page, 'answer preview');

  await page.getByRole('button', { name: 'Antwoord publiceren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het antwoord is gepubliceerd.' })).toBeVisible();
  await expect(
    page.getByText('Dank u wel voor uw reactie. Wij kijken er goed naar. U hoort binnen twee weken van ons.'),
  ).toBeVisible();
  await expectNoAxeViolations(page, { context: 'answer published' });
});

test('answering a mirrored post: the notice of where the answer appears, and the page passes axe, reflow, 200% text and forced colours', async ({
  page,
}) => {
  const [post] = await database.db
    .select({ id: socialPosts.id })
    .from(socialPosts)
    .where(like(socialPosts.contentText, 'I cycle here every day%'));
  await logIn(page);
  await page.goto(`${baseUrl}/beheer/items/${post!.id}/antwoord`);
  await expect(page.locator('main .staff-notice')).toContainText(
    'Podium plaatst het antwoord (nog) niet op Mastodon zelf',
  );
  await expectNoAxeViolations(page, { context: 'answer page of a mirrored post' });
  await expectKeyboardWalk(page, 'answer page of a mirrored post');
  await expectReflow(page, 'answer page of a mirrored post');
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await page.evaluate(() => (document.documentElement.style.fontSize = ''));
  await page.emulateMedia({ forcedColors: 'active' });
  await expectNoAxeViolations(page, { context: 'answer page of a mirrored post in forced colours' });
  await page.emulateMedia({ forcedColors: 'none' });

  await page.getByRole('textbox', { name: 'Antwoord' }).fill('Dank u. We bekijken de Stationsstraat.');
  await page.getByRole('button', { name: 'Antwoord publiceren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het antwoord is gepubliceerd.' })).toBeVisible();
  await expect(page.getByText('Dank u. We bekijken de Stationsstraat.')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'answer to a mirrored post published' });

  await page.goto(`${baseUrl}/en/manage/items/${post!.id}/answer`);
  await expect(page.locator('main .staff-notice')).toContainText('Podium does not (yet) post the answer on Mastodon');
  await expectNoAxeViolations(page, { context: 'answer page of a mirrored post in English' });
});

test('the overdue view lists late items and passes axe, in Dutch and English', async ({ page }) => {
  await database.db
    .update(submissions)
    .set({
      createdAt: new Date(Date.now() - 30 * DAY),
      responseDueAt: new Date(Date.now() - 20 * DAY),
      reviewState: 'new',
    })
    .where(eq(submissions.reviewState, 'new'));
  await logIn(page);
  await page.getByRole('link', { name: 'Te laat', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Te laat' })).toBeVisible();
  await expect(page.locator('.staff-overdue').first()).toContainText(/\d+ werkdagen( \d+ u)? te laat/);
  await expectNoAxeViolations(page, { context: 'overdue view' });
  await expectKeyboardWalk(page, 'overdue view');
  await expectReflow(page, 'overdue view');
  await page.goto(`${baseUrl}/en/manage/overdue`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page, { context: 'overdue view (English)' });
});

test('templates and routing pages for administrators pass axe, walk by keyboard and reflow', async ({ page }) => {
  await logIn(page, ADMIN);
  await page.getByRole('link', { name: 'Sjablonen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Antwoordsjablonen' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'templates' });
  await expectKeyboardWalk(page, 'templates');
  await expectReflow(page, 'templates');
  const add = page.getByRole('region', { name: 'Nieuw sjabloon' });
  await add.getByRole('button', { name: 'Sjabloon opslaan' }).click();
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expectNoAxeViolations(page, { context: 'templates with errors' });

  await page.getByRole('link', { name: 'Routering', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Routering' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Onderwerp' }).selectOption('mobiliteit');
  await page.getByRole('combobox', { name: 'Afdeling' }).selectOption({ label: 'Team Verkeer' });
  await page.getByRole('button', { name: 'Regel toevoegen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De regel is opgeslagen.' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'routing with a rule' });
  await expectKeyboardWalk(page, 'routing');
  await expectReflow(page, 'routing');
  await page.getByRole('button', { name: 'Regel toevoegen' }).click();
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expectNoAxeViolations(page, { context: 'routing with an error' });
});

test('the consultation list and preview show readability per text and pass axe', async ({ page }) => {
  await logIn(page, WEBCARE, 'en');
  await page.getByRole('link', { name: 'Consultations', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Consultations' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'consultations to preview' });
  await expectReflow(page, 'consultations to preview');
  await page.getByRole('link', { name: /^New cycle route on Stationsstraat/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Preview: / })).toBeVisible();
  await expect(page.locator('#preview-summary-nl')).toContainText('Flesch-Douma:');
  await expect(page.locator('#preview-summary-en')).toContainText('Flesch reading ease:');
  await expectNoAxeViolations(page, { context: 'consultation preview' });
  await expectKeyboardWalk(page, 'consultation preview');
  await expectReflow(page, 'consultation preview');
});
