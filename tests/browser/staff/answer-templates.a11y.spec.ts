/**
 * The answer page's template insert in a real browser: the template is chosen inside the
 * answer form and filled in the answer language chosen there, above what was typed; a
 * template without text in that language and an answer with a placeholder left are errors
 * in the form's summary, with the text kept. Operated by keyboard only, checked with axe.
 * Like webcare.a11y.spec.ts, it runs its own Podium in the test process.
 */
import { expect, test, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../api/db/client.ts';
import { replyTemplates, staffReplies, submissions } from '../../../api/db/schema.ts';
import { submitInput } from '../../../api/services/submissions.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';
import { tabWalk } from '../support/page-checks.ts';

const WEBCARE = 'webcare@demodam.example';

let podium: StaffPodium;
let database: Database;
let baseUrl: string;
let itemId: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // A fresh in-memory database with the demo data: slow on a busy machine.
  test.setTimeout(120_000);
  podium = await startStaffPodium([{ email: WEBCARE, displayName: 'Wes Care', role: 'webcare' }]);
  ({ database, baseUrl } = podium);
  await database.db.insert(replyTemplates).values([
    {
      organisationId: podium.organisationId,
      title: { nl: 'Bedankt', en: 'Thanks' },
      body: { nl: 'Dank voor uw inbreng op {consultatie}.', en: 'Thank you for your input on {consultation}.' },
    },
    {
      organisationId: podium.organisationId,
      title: { nl: 'Alleen Nederlands' },
      body: { nl: 'Wij hebben uw inbreng doorgestuurd.' },
    },
  ]);
  const result = await submitInput(database.db, {
    consultationSlug: 'fietsroute-stationsstraat',
    now: new Date(),
    input: { answers: { route: 'parklaan', toelichting: 'Komt er licht?' }, language: 'nl', channel: 'portal' },
  });
  if (result.kind !== 'created') throw new Error(result.kind);
  const [row] = await database.db
    .select({ id: submissions.id })
    .from(submissions)
    .where(eq(submissions.followUpCode, result.receipt.code));
  itemId = row!.id;
});

test.afterAll(() => podium?.close());

/** Tabs forward until the element matching `selector` has focus; fails after 60 presses. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 60; i += 1) {
    if (await page.locator(selector).evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('a template is inserted in the chosen answer language above the typed text, by keyboard', async ({ page }) => {
  await logInAsStaff(page, baseUrl, WEBCARE);
  await page.goto(`${baseUrl}/beheer/items/${itemId}/antwoord`);
  await expect(page.getByRole('heading', { level: 2, name: 'Plaatshouders in sjablonen' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'answer page with templates' });
  const stops = await tabWalk(page);
  expect(stops.filter((s) => !s.focusVisible).map((s) => `${s.tag} ${s.name}`)).toEqual([]);

  // Type first, then choose English and a template, all from the keyboard.
  const body = page.getByRole('textbox', { name: 'Antwoord' });
  await page.locator('body').focus();
  await tabTo(page, '#answer-body');
  await page.keyboard.type('The lights come in spring.');
  await tabTo(page, '#answer-language');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await tabTo(page, '#answer-template');
  await page.getByRole('combobox', { name: 'Sjabloon' }).selectOption({ label: 'Bedankt' });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Sjabloon invoegen' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status')).toContainText('Het sjabloon ‘Bedankt’ staat nu bovenaan het antwoord.');
  await expect(body).toHaveValue(
    'Thank you for your input on New cycle route on Stationsstraat.\n\nThe lights come in spring.',
  );
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await expectNoAxeViolations(page, { context: 'answer page after inserting a template' });
});

test('a template without English text is an error in the summary, and the typed text stays', async ({ page }) => {
  await logInAsStaff(page, baseUrl, WEBCARE);
  await page.goto(`${baseUrl}/beheer/items/${itemId}/antwoord`);
  await page.getByRole('textbox', { name: 'Antwoord' }).fill('My own words.');
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('combobox', { name: 'Sjabloon' }).selectOption({ label: 'Alleen Nederlands' });
  await page.getByRole('button', { name: 'Sjabloon invoegen' }).press('Enter');

  const summary = page.locator('#staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Het sjabloon ‘Alleen Nederlands’ heeft geen Engelse tekst.');
  await expect(page.getByRole('textbox', { name: 'Antwoord' })).toHaveValue('My own words.');
  await expectNoAxeViolations(page, { context: 'answer page with a missing template language' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Sjabloon' })).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Sjabloon' })).toHaveAttribute('aria-invalid', 'true');
});

test('an answer with a placeholder left is refused with the text kept, and the preview warns', async ({ page }) => {
  await logInAsStaff(page, baseUrl, WEBCARE);
  await page.goto(`${baseUrl}/beheer/items/${itemId}/antwoord`);
  const body = page.getByRole('textbox', { name: 'Antwoord' });
  await body.fill('Beste {naam}, dank voor uw vraag.');
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Voorbeeld' })).toBeVisible();
  await expect(page.locator('#staff-error-summary')).toContainText('Het antwoord bevat nog een plaatshouder: {naam}.');
  await expectNoAxeViolations(page, { context: 'preview with a placeholder' });

  await page.getByRole('button', { name: 'Antwoord publiceren' }).click();
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expect(page.locator('#staff-error-summary')).toContainText('Het antwoord bevat nog een plaatshouder: {naam}.');
  await expect(body).toHaveValue('Beste {naam}, dank voor uw vraag.');
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, { context: 'publish refused for a placeholder' });
  expect(await database.db.select().from(staffReplies).where(eq(staffReplies.submissionId, itemId))).toEqual([]);
});
