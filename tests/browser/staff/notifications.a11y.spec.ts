/**
 * The notifications page and the unsubscribe page in a real browser: reached from the
 * navigation with its unread count, the list, marking read, the preferences form and the
 * public unsubscribe steps, each checked with axe, walked with Tab and shown at 320 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../api/db/client.ts';
import { outboxMessages, staffUsers, submissions } from '../../../api/db/schema.ts';
import { itemAssigned, notifyAdministrators } from '../../../api/services/notifications/staff.ts';
import { submitInput } from '../../../api/services/submissions.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { expectedLightStops, horizontalOverflow, tabWalk } from '../support/page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const EMAIL = 'admin@demodam.example';

let podium: StaffPodium;
let database: Database;
let baseUrl: string;

// Several axe runs per test on a machine shared by many: more than the default 30 s.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  // Migrating and seeding an in-memory database takes a while on a busy machine.
  test.setTimeout(180_000);
  podium = await startStaffPodium([{ email: EMAIL, displayName: 'Ad Min', role: 'administrator' }]);
  ({ database, baseUrl } = podium);
  const now = new Date();
  const result = await submitInput(database.db, {
    consultationSlug: 'fietsroute-stationsstraat',
    now,
    input: {
      answers: { route: 'parklaan', toelichting: 'Meer licht op het fietspad.' },
      language: 'nl',
      channel: 'portal',
      email: 'dirk@example.nl',
      consent: true,
    },
  });
  if (result.kind !== 'created') throw new Error(result.kind);
  const [item] = await database.db.select().from(submissions).where(eq(submissions.followUpCode, result.receipt.code));
  const [admin] = await database.db.select().from(staffUsers).where(eq(staffUsers.email, EMAIL));
  await itemAssigned(database.db, { itemId: item!.id, staffUserId: admin!.id, actorId: null, now });
  await notifyAdministrators(database.db, {
    organisationId: podium.organisationId,
    message: { nl: 'veel mislukte inlogpogingen op één account.', en: 'many failed log-ins on one account.' },
    dedupeKey: 'browser-test',
    now,
  });
});

test.afterAll(() => podium?.close());

async function expectKeyboardWalk(page: Page): Promise<void> {
  await page.locator('body').focus();
  const expected = await expectedLightStops(page);
  const stops = await tabWalk(page);
  expect(stops.filter((stop) => !stop.focusVisible).map((stop) => stop.name)).toEqual([]);
  expect(stops.flatMap((stop) => (stop.lightIndex === null ? [] : [stop.lightIndex]))).toEqual(expected);
}

async function expectReflow(page: Page): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await horizontalOverflow(page), 'horizontal scrolling at 320 px').toBe(0);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('the notifications page is reached from the navigation with its unread count, and passes axe, Tab and 320 px', async ({
  page,
}) => {
  await logInAsStaff(page, baseUrl, EMAIL);
  await page.getByRole('link', { name: 'Meldingen (2 ongelezen)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
  await expect(page.getByText('U hebt 2 ongelezen meldingen.')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'notifications' });
  await expectKeyboardWalk(page);
  await expectReflow(page);

  await page.getByRole('button', { name: 'Alles als gelezen markeren' }).click();
  await expect(page.getByRole('status')).toHaveText('2 meldingen als gelezen gemarkeerd.');
  await expect(page.getByRole('link', { name: 'Meldingen', exact: true })).toHaveAttribute('aria-current', 'page');
  await expectNoAxeViolations(page, { context: 'notifications read' });

  await page.getByRole('group', { name: 'Een item is aan mij toegewezen' }).getByLabel('Per e-mail').uncheck();
  await page.getByLabel('English').check();
  await page.getByRole('button', { name: 'Voorkeuren opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('Uw voorkeuren zijn opgeslagen.');
  await expect(
    page.getByRole('group', { name: 'Een item is aan mij toegewezen' }).getByLabel('Per e-mail'),
  ).not.toBeChecked();
  await expectNoAxeViolations(page, { context: 'notification preferences saved' });
});

test('the English notifications page passes axe and 320 px', async ({ page }) => {
  await logInAsStaff(page, baseUrl, EMAIL, { lang: 'en', next: '/en/manage/notifications' });
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'notifications (en)' });
  await expectReflow(page);
});

test('a resident’s unsubscribe page and its outcome pass axe and 320 px', async ({ page }) => {
  const [receipt] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'resident.receipt'));
  const url = new URL(/<([^>]+)>/.exec(receipt!.headers['List-Unsubscribe']!)![1]!);
  await page.goto(`${baseUrl}${url.pathname}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Afmelden voor e-mails' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'unsubscribe' });
  await expectReflow(page);
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page.getByText('U bent afgemeld.')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'unsubscribed' });
});
