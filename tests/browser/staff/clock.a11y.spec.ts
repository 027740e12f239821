/**
 * The response clock in the inbox (issue 14, item 5): "least time left first", the clock on
 * every item in office hours as text (not colour alone), and the overdue view (paged past a hundred), checked as
 * accessibility.md asks: axe, keyboard, reflow at 320 px, 200% text and forced colours.
 */
import { expect, test, type Page } from '@playwright/test';
import { eq, sql } from 'drizzle-orm';
import { submissions } from '../../../api/db/schema.ts';
import { submitInput } from '../../../api/services/submissions.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { addUserStyle, clippedElements, horizontalOverflow } from '../support/page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const EMAIL = 'webcare@demodam.example';
let podium: StaffPodium;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // An in-memory database migrated and seeded on a machine shared with other test runs.
  test.setTimeout(300_000);
  podium = await startStaffPodium([{ email: EMAIL, displayName: 'Wes Webcare', role: 'webcare' }]);
  const received = await submitInput(podium.database.db, {
    consultationSlug: 'fietsroute-stationsstraat',
    now: new Date(),
    input: {
      answers: { route: 'parklaan', toelichting: 'Deze wacht al te lang op antwoord.' },
      language: 'nl',
      channel: 'portal',
    },
  });
  if (received.kind !== 'created') throw new Error(`Input not stored: ${received.kind}`);
  // Late by a few days of office time, whatever day the test runs.
  await podium.database.db
    .update(submissions)
    .set({ responseDueAt: new Date(Date.now() - 5 * 86_400_000) })
    .where(eq(submissions.followUpCode, received.receipt.code));
});

test.beforeAll(async () => {
  // And one that just arrived, with its ten working days still ahead.
  const fresh = await submitInput(podium.database.db, {
    consultationSlug: 'fietsroute-stationsstraat',
    now: new Date(),
    input: { answers: { route: 'parklaan', toelichting: 'Net binnen.' }, language: 'nl', channel: 'portal' },
  });
  if (fresh.kind !== 'created') throw new Error(`Input not stored: ${fresh.kind}`);
});

test.afterAll(() => podium?.close());

const openByTimeLeft = async (page: Page) => {
  await logInAsStaff(page, podium.baseUrl, EMAIL);
  await page.goto(`${podium.baseUrl}/beheer/?sort=due`);
};

test('the inbox sorted by time left passes axe and says the time left or late in words', async ({ page }) => {
  await openByTimeLeft(page);
  await expect(page.getByLabel('Volgorde')).toHaveValue('due');
  const first = page.getByRole('list', { name: 'Items in de inbox' }).getByRole('listitem').first();
  // The late item comes first; its clock says "te laat" in its text, for the eye and in full words.
  // Within a working day in hours and minutes, beyond it in working days and hours.
  await expect(first.locator('[data-clock="overdue"] [aria-hidden="true"]')).toHaveText(
    /^(\d+ werkdagen?( \d+ u)?|\d+ u( \d+ min)?|\d+ min) te laat$/,
  );
  await expect(first.locator('[data-clock="overdue"] .staff-visually-hidden')).toHaveText(
    /^(\d+ werkdagen?( en \d+ uur)?|\d+ uur( en \d+ minuten?)?|\d+ minuten?) kantoortijd te laat$/,
  );
  await expect(page.locator('[data-clock="left"]').first()).toContainText(/^nog /);
  await expectNoAxeViolations(page, { context: 'inbox sorted by time left' });
});

test('the order is chosen with the keyboard alone and stays on the item page', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, EMAIL);
  const order = page.getByLabel('Volgorde');
  await order.focus();
  await expect(order).toBeFocused();
  // "Least time left first" is the last option: End picks it on a closed select.
  await order.press('End');
  await expect(order).toHaveValue('due');
  const apply = page.getByRole('button', { name: 'Filter toepassen' });
  await apply.focus();
  await apply.press('Enter');
  await expect(page).toHaveURL(/sort=due/);
  const link = page.getByRole('list', { name: 'Items in de inbox' }).getByRole('link').first();
  await link.focus();
  await link.press('Enter');
  await expect(page).toHaveURL(/\/beheer\/items\/[0-9a-f-]{36}\?.*sort=due/);
  const detail = page.getByRole('article').first();
  await expect(detail.getByText(/te laat$/).first()).toBeVisible();
  await expectNoAxeViolations(page, { context: 'item with its clock' });
});

test('the overdue view shows the clock in office hours and passes axe', async ({ page }) => {
  await logInAsStaff(page, podium.baseUrl, EMAIL);
  await page.goto(`${podium.baseUrl}/beheer/te-laat`);
  await expect(page.getByRole('heading', { level: 1, name: 'Te laat' })).toBeVisible();
  await expect(page.locator('[data-clock="overdue"]').first()).toBeVisible();
  await expectNoAxeViolations(page, { context: 'overdue view' });
});

test('the clocks reflow at 320 CSS px and survive 200% text', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openByTimeLeft(page);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await addUserStyle(page, 'html { font-size: 200% !important; }');
  expect(await clippedElements(page)).toEqual([]);
  await expect(page.locator('[data-clock="overdue"]').first()).toBeVisible();
});

test('with forced colours a late clock still stands out by its words and weight', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await openByTimeLeft(page);
  const late = page.locator('[data-clock="overdue"]').first();
  await expect(late).toContainText('te laat');
  const weight = await late.evaluate((el) => Number(getComputedStyle(el).fontWeight));
  expect(weight).toBeGreaterThanOrEqual(600);
  await expectNoAxeViolations(page, { context: 'inbox by time left in forced colours' });
});

test('the overdue view pages through more late items than a page holds, by keyboard, and passes axe', async ({
  page,
}) => {
  const db = podium.database.db;
  const [late] = await db.select({ consultation: submissions.consultationId }).from(submissions).limit(1);
  await db.execute(sql`insert into submissions (consultation_id, channel, language, follow_up_code, screening,
      review_state, created_at, updated_at, response_due_at)
    select ${late!.consultation}::uuid, 'portal', 'nl', 'LATE-' || g,
      jsonb_build_object('version', 1, 'screenedAt', now(), 'fields', '[]'::jsonb), 'new',
      now() - interval '60 days', now() - interval '60 days', now() - interval '30 days' + g * interval '1 minute'
    from generate_series(1, 120) as g`);
  try {
    await logInAsStaff(page, podium.baseUrl, EMAIL);
    await page.goto(`${podium.baseUrl}/beheer/te-laat`);
    await expect(page.getByText('121 items te laat.')).toBeVisible();
    const next = page.getByRole('link', { name: 'Volgende pagina: minder te laat' });
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('link', { name: 'Terug naar de meest te late' })).toBeVisible();
    await expect(page.locator('[data-clock="overdue"]')).toHaveCount(21);
    await expectNoAxeViolations(page, { context: 'overdue view, second page' });
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  } finally {
    await db.execute(sql`delete from submissions where follow_up_code like 'LATE-%'`);
  }
});
