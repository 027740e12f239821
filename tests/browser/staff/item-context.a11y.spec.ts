/**
 * An item's context in the inbox, in a real browser: a mirrored reply with its author, the
 * post it answers and the thread (this post marked), and input with a contact history. Both
 * pass axe, walk by keyboard with focus visible, reflow at 320 px, survive 200 % text and
 * forced colours. Runs its own Podium on an in-memory database, like the other staff specs.
 */
import { expect, test, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../api/db/client.ts';
import { consultations, socialPosts, submissions } from '../../../api/db/schema.ts';
import { importMastodonThread } from '../../../api/services/social/mastodon.ts';
import { importThread } from '../../../api/services/social/threads.ts';
import { submitInput } from '../../../api/services/submissions.ts';
import { mastodonAccount, mastodonStatus } from '../../fixtures/social/payloads.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { tabWalk } from '../support/page-checks.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const EMAIL = 'moderator@demodam.example';

let podium: StaffPodium;
let database: Database;
let baseUrl: string;
let replyId: string;
let parentId: string;
let laterInputId: string;
let earlierInputId: string;

// Two axe runs per state and Tab walks both ways: slow on a shared machine.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  podium = await startStaffPodium([{ email: EMAIL, displayName: 'Mo de Rator', role: 'moderator' }]);
  ({ database, baseUrl } = podium);
  const [consultation] = await database.db
    .select()
    .from(consultations)
    .where(eq(consultations.slug, 'fietsroute-stationsstraat'));
  const thread = importMastodonThread(
    {
      status: mastodonStatus('8000', { content: '<p>Waar wilt u de nieuwe fietsroute hebben?</p>' }),
      context: {
        ancestors: [],
        descendants: [
          mastodonStatus('8001', {
            in_reply_to_id: '8000',
            account: mastodonAccount('anna'),
            content: '<p>Langs het park, daar is het rustig en veilig voor de kinderen die naar school fietsen.</p>',
          }),
          mastodonStatus('8002', {
            in_reply_to_id: '8001',
            account: mastodonAccount('bob'),
            content: '<p>Eens, maar dan wel met verlichting langs het hele fietspad.</p>',
          }),
          mastodonStatus('8003', {
            in_reply_to_id: '8000',
            account: mastodonAccount('politie'),
            content: '<p>Wij kijken mee bij het kruispunt.</p>',
          }),
        ],
      },
    },
    { ownAccounts: ['gemeente@social.gemeente.example'], officialAccounts: ['politie@social.gemeente.example'] },
  );
  const { threadId } = await importThread(database.db, {
    organisationId: podium.organisationId,
    thread,
    live: false,
    consultationId: consultation!.id,
    now: new Date(),
  });
  const posts = await database.db.select().from(socialPosts).where(eq(socialPosts.threadId, threadId));
  replyId = posts.find((post) => post.externalId === '8002')!.id;
  parentId = posts.find((post) => post.externalId === '8001')!.id;
  // Anna's post was published by a moderator earlier: it is on the portal as "Inwoner A".
  await database.db
    .update(socialPosts)
    .set({ reviewState: 'published', publishedAt: new Date() })
    .where(eq(socialPosts.id, parentId));

  const submit = async (text: string) => {
    const result = await submitInput(database.db, {
      consultationSlug: 'fietsroute-stationsstraat',
      now: new Date(),
      input: {
        answers: { route: 'parklaan', toelichting: text },
        language: 'nl',
        channel: 'portal',
        email: 'sam@example.org',
        consent: true,
      },
    });
    if (result.kind !== 'created') throw new Error(result.kind);
    const [row] = await database.db.select().from(submissions).where(eq(submissions.followUpCode, result.receipt.code));
    return row!.id;
  };
  earlierInputId = await submit('Eerder: meer fietsenrekken bij het station graag.');
  laterInputId = await submit('Later: de stoep bij de school is te smal voor kinderwagens.');
});

test.afterAll(() => podium?.close());

const logIn = (page: Page) => logInAsStaff(page, baseUrl, EMAIL);

async function expectKeyboardWalk(page: Page, context: string, mustReach: string[]): Promise<void> {
  await page.locator('body').focus();
  const stops = await tabWalk(page, { max: 250 });
  for (const name of mustReach) {
    expect(
      stops.some((s) => s.name === name),
      `${context}: Tab reaches “${name}”`,
    ).toBe(true);
  }
  expect(
    stops.filter((s) => !s.focusVisible).map((s) => `${s.tag} ${s.name}`),
    `${context}: focus is visible`,
  ).toEqual([]);
  expect(
    stops.filter((s) => s.obscured).map((s) => `${s.tag} ${s.name}`),
    `${context}: focus is not hidden`,
  ).toEqual([]);
  const back = await tabWalk(page, { reverse: true, max: 250 });
  expect(back.length, `${context}: Shift+Tab walks back`).toBeGreaterThan(3);
}

async function expectReflowAndZoom(page: Page, context: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoAxeViolations(page, { context: `${context} at 320 px` });
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 0.5;
    return [...document.querySelectorAll('.staff-context *')]
      .filter((element) => element.getBoundingClientRect().right > limit)
      .map((element) => `${element.tagName} ${element.className}`)
      .slice(0, 5);
  });
  expect(wide, `${context}: nothing of the context reaches past 320 px`).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${context} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    `${context} at 200 % text scrolls sideways`,
  ).toBeLessThanOrEqual(0);
  await page.evaluate(() => (document.documentElement.style.fontSize = ''));
}

test('a mirrored reply shows its author, what it answers and the thread with this post marked, accessibly', async ({
  page,
}) => {
  await logIn(page);
  await page.goto(`${baseUrl}/beheer/items/${replyId}`);
  const context = page.getByRole('region', { name: 'Gesprek op Mastodon' });
  await expect(context.getByRole('definition').first()).toHaveText('Inwoner B');
  await expect(context.getByText('Inwoner A: Langs het park')).toBeVisible();
  const posts = context.getByRole('list', { name: 'Berichten in dit gesprek' }).getByRole('listitem');
  await expect(posts).toHaveCount(4);
  const current = context.locator('li[aria-current="true"]');
  await expect(current).toHaveCount(1);
  await expect(current).toContainText('Dit bericht');
  await expect(current).toContainText('Nieuw (niet op het portaal)');
  await expect(posts.nth(1)).toContainText('Gepubliceerd');
  await expectNoAxeViolations(page, { context: 'item with its conversation' });
  await expectKeyboardWalk(page, 'item with its conversation', [
    `Bericht van Inwoner A van ${await posts.nth(1).locator('time').innerText()} openen`,
  ]);
  await expectReflowAndZoom(page, 'item with its conversation');

  // Forced colours: the marked post keeps a visible frame in a system colour.
  await page.emulateMedia({ forcedColors: 'active' });
  await expectNoAxeViolations(page, { context: 'item with its conversation in forced colours' });
  const frame = await current.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(frame, 'the marked post keeps its outline in forced colours').toBe('solid');
  await page.emulateMedia({ forcedColors: 'none' });

  // The parent opens by keyboard.
  const open = context.getByRole('link', { name: /^Bericht van Inwoner A van .* openen$/ }).first();
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/beheer/items/${parentId}$`));
});

test('input with a contact history lists the earlier input by link, accessibly', async ({ page }) => {
  await logIn(page);
  await page.goto(`${baseUrl}/beheer/items/${laterInputId}`);
  const history = page.getByRole('region', { name: 'Eerdere bijdragen van deze inwoner' });
  await expect(history).toContainText('Inbreng zonder die toestemming wordt niet gekoppeld.');
  const entries = history.getByRole('list', { name: 'Eerdere bijdragen' }).getByRole('listitem');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Eerder: meer fietsenrekken bij het station graag.');
  await expect(history).not.toContainText('sam@example.org');
  await expectNoAxeViolations(page, { context: 'item with a contact history' });
  await expectKeyboardWalk(page, 'item with a contact history', ['Nieuwe fietsroute Stationsstraat']);
  await expectReflowAndZoom(page, 'item with a contact history');
  await page.emulateMedia({ forcedColors: 'active' });
  await expectNoAxeViolations(page, { context: 'item with a contact history in forced colours' });
  await page.emulateMedia({ forcedColors: 'none' });

  const link = entries.first().getByRole('link', { name: 'Nieuwe fietsroute Stationsstraat' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/beheer/items/${earlierInputId}$`));
});
