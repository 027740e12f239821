/**
 * The audit log as sentences, and the notes on an item, in a real browser: a moderator's
 * decision and note read as sentences in Dutch and English, the person's name leads to
 * their entries and the item's name to its page, where the note stands under "Notities"; a
 * log larger than the viewer browses says so and how to reach older entries; axe on each,
 * keyboard only, reflow at 320 CSS px, 200% text and forced colours.
 */
import { expect, test, type Page } from '@playwright/test';
import { eq, sql } from 'drizzle-orm';
import { staffUsers, submissions } from '../../../api/db/schema.ts';
import { saveItem } from '../../../api/services/moderation/save-item.ts';
import { submitInput } from '../../../api/services/submissions.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { horizontalOverflow } from '../support/page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const ADMIN = 'beheerder@demodam.example';
const MODERATOR = 'fatima@demodam.example';

let podium: StaffPodium;
let baseUrl: string;
let itemId: string;
let moderatorId: string;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  podium = await startStaffPodium([
    { email: ADMIN, displayName: 'Bea Heerder', role: 'administrator' },
    { email: MODERATOR, displayName: 'Fatima de Vries', role: 'moderator' },
  ]);
  baseUrl = podium.baseUrl;
  const { db } = podium.database;
  const result = await submitInput(db, {
    consultationSlug: 'fietsroute-stationsstraat',
    now: new Date(),
    input: {
      answers: { route: 'parklaan', toelichting: 'De oversteek bij de school is te smal.' },
      language: 'nl',
      channel: 'portal',
    },
  });
  if (result.kind !== 'created') throw new Error(`Could not give input: ${result.kind}`);
  const [row] = await db.select().from(submissions).where(eq(submissions.followUpCode, result.receipt.code));
  itemId = row!.id;
  const [moderator] = await db.select().from(staffUsers).where(eq(staffUsers.email, MODERATOR));
  moderatorId = moderator!.id;
  const actor = {
    id: moderatorId,
    organisationId: podium.organisationId,
    roles: [{ role: 'moderator' as const, departmentId: null }],
  };
  const [current] = await db.select().from(submissions).where(eq(submissions.id, itemId));
  const saved = await saveItem(db, {
    itemId,
    expectedVersion: current!.version,
    decision: 'publish',
    note: 'Gebeld met de school.\nZij sturen foto’s van de oversteek.',
    actor,
    now: new Date(),
  });
  expect(saved.kind).toBe('saved');
});

test.afterAll(() => podium.close());

const ref = () => `#${itemId.slice(0, 8)}`;

async function checkLayout(page: Page, context: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await horizontalOverflow(page), `${context} at 320 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  expect(await horizontalOverflow(page), `${context} at 200% text`).toBeLessThanOrEqual(0);
  await page.evaluate(() => (document.documentElement.style.fontSize = ''));
  await page.emulateMedia({ forcedColors: 'active' });
  await expectNoAxeViolations(page, { context: `${context} in forced colours` });
  await page.emulateMedia({ forcedColors: 'none' });
}

/** Presses Tab until the focused element is the link named so; fails when it never comes. */
async function tabTo(page: Page, name: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      const style = getComputedStyle(el);
      return {
        text: el.tagName === 'A' ? (el.textContent ?? '').trim() : '',
        outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
      };
    });
    if (focused?.text === name) {
      expect(focused.outline, 'focus is visible').toBe(true);
      return;
    }
  }
  throw new Error(`Tab never reached ${name}`);
}

for (const lang of ['nl', 'en'] as const) {
  const path = lang === 'nl' ? '/beheer/audit/' : '/en/manage/audit/';
  const published = lang === 'nl' ? 'publiceerde' : 'published';
  const noted = lang === 'nl' ? 'schreef een notitie bij' : 'added a note to';
  const itemName = () => (lang === 'nl' ? `inbreng ${ref()}` : `input ${ref()}`);
  const notes = lang === 'nl' ? 'Notities' : 'Notes';

  test(`the audit log (${lang}) reads as sentences and leads by keyboard to the item and its notes`, async ({
    page,
  }) => {
    await logInAsStaff(page, baseUrl, ADMIN, { lang, next: `${path}?action=submission` });
    const table = page.locator('table.audit-table');
    const decision = table.getByRole('row').filter({ hasText: `Fatima de Vries ${published}` });
    await expect(decision).toHaveCount(1);
    await expect(decision).toContainText(`${itemName()} ${lang === 'nl' ? 'op' : 'on'} `);
    await expect(table.getByRole('row').filter({ hasText: `Fatima de Vries ${noted} ${itemName()}` })).toHaveCount(1);
    await expect(table).not.toContainText('Gebeld met de school');
    await expectNoAxeViolations(page, { context: `audit log with sentences (${lang})` });
    await checkLayout(page, `audit log (${lang})`);

    // The person's name: every entry by them.
    await tabTo(page, 'Fatima de Vries');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${baseUrl}${path}?actor=${moderatorId}`);
    await expect(page.getByLabel(lang === 'nl' ? 'Wie' : 'Who')).toHaveValue(moderatorId);

    // The item's name: its page, with the note under "Notities".
    await tabTo(page, itemName());
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${baseUrl}${lang === 'nl' ? '/beheer/items/' : '/en/manage/items/'}${itemId}`);
    const heading = page.getByRole('heading', { level: 4, name: notes });
    await expect(heading).toBeVisible();
    const list = page.getByRole('list', { name: notes });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list).toContainText('Fatima de Vries');
    await expect(list).toContainText('Zij sturen foto’s van de oversteek.');
    await expectNoAxeViolations(page, { context: `item page with notes (${lang})` });
    await checkLayout(page, `item page with notes (${lang})`);
  });

  test(`the audit log (${lang}) past the ten thousand it browses says how to reach older entries`, async ({ page }) => {
    await fillBeyondBrowseLimit();
    await logInAsStaff(page, baseUrl, ADMIN, { lang, next: path });
    await page.goto(`${baseUrl}${path}?action=department.added`);
    await expect(page.locator('caption')).toContainText(lang === 'nl' ? 'van meer dan 10.000' : 'of more than 10,000');
    await expect(page.getByText(lang === 'nl' ? 'door een periode te kiezen' : 'by choosing a period')).toBeVisible();
    await expect(page.getByRole('navigation', { name: lang === 'nl' ? 'Pagina’s' : 'Pages' })).toContainText(
      lang === 'nl' ? 'Pagina 1 van 200' : 'Page 1 of 200',
    );
    await expectNoAxeViolations(page, { context: `audit log past the browse limit (${lang})` });
    await checkLayout(page, `audit log past the browse limit (${lang})`);
  });
}

let filled = false;
/** As many entries of one action as a large municipality's log holds, and more than the viewer counts. */
async function fillBeyondBrowseLimit(): Promise<void> {
  if (filled) return;
  filled = true;
  await podium.database.db
    .execute(sql`insert into audit_log (organisation_id, at, actor_type, action, subject_type, details)
    select ${podium.organisationId}::uuid, now() - g * interval '1 minute', 'system', 'department.added', 'department',
      jsonb_build_object('name', 'Afdeling ' || g)
    from generate_series(1, 10010) as g`);
}
