/**
 * Mirrored social-media replies in the staff queue, in a real browser: the item with its
 * channel, flags and sentiment passes axe at full width and at 320 px, and a moderator
 * publishes it with the keyboard. Replies whose answer waits for approval or was sent back
 * (four eyes) are found through the inbox's approval filter, marked in words. Like workbench.a11y.spec.ts this runs its own Podium on an
 * in-memory database (the staff pages need no built portal).
 */
import { expect, test, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../api/db/client.ts';
import { answerApprovals, socialPosts, staffUsers } from '../../../api/db/schema.ts';
import { importMastodonThread } from '../../../api/services/social/mastodon.ts';
import { importThread } from '../../../api/services/social/threads.ts';
import { mastodonAccount, mastodonStatus } from '../../fixtures/social/payloads.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const EMAIL = 'moderator@demodam.example';
const COLLEAGUE = 'webcare@demodam.example';

let podium: StaffPodium;
let database: Database;
let baseUrl: string;
let replyId: string;
/** A reply whose answer by a colleague waits for the moderator's approval, and one whose answer by the moderator came back. */
let awaitingId: string;
let returnedId: string;

/** A resident's reply in a thread of its own, published for an answer. */
async function publishedReply(rootId: string, content: string): Promise<string> {
  const thread = importMastodonThread(
    {
      status: mastodonStatus(rootId),
      context: {
        ancestors: [],
        descendants: [
          mastodonStatus(`${rootId}1`, {
            in_reply_to_id: rootId,
            account: mastodonAccount('bram'),
            url: `https://social.gemeente.example/@bram/${rootId}1`,
            content: `<p>${content}</p>`,
          }),
        ],
      },
    },
    { ownAccounts: ['gemeente@social.gemeente.example'] },
  );
  const { threadId } = await importThread(database.db, {
    organisationId: podium.organisationId,
    thread,
    live: false,
    now: new Date(),
  });
  const posts = await database.db.select().from(socialPosts).where(eq(socialPosts.threadId, threadId));
  const id = posts.find((post) => post.externalId === `${rootId}1`)!.id;
  await database.db
    .update(socialPosts)
    .set({ reviewState: 'needs_answer', publishedAt: new Date() })
    .where(eq(socialPosts.id, id));
  return id;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  podium = await startStaffPodium([
    { email: EMAIL, displayName: 'Mo de Rator', role: 'moderator' },
    { email: COLLEAGUE, displayName: 'Wes Webcare', role: 'webcare' },
  ]);
  ({ database, baseUrl } = podium);
  const thread = importMastodonThread(
    {
      status: mastodonStatus('7000'),
      context: {
        ancestors: [],
        descendants: [
          mastodonStatus('7001', {
            in_reply_to_id: '7000',
            account: mastodonAccount('anna'),
            url: 'https://social.gemeente.example/@anna/7001',
            content: '<p>Bel me op 06-12345678, het fietspad bij de school is gevaarlijk.</p>',
          }),
        ],
      },
    },
    { ownAccounts: ['gemeente@social.gemeente.example'] },
  );
  const { threadId } = await importThread(database.db, {
    organisationId: podium.organisationId,
    thread,
    live: false,
    now: new Date(),
  });
  const posts = await database.db.select().from(socialPosts).where(eq(socialPosts.threadId, threadId));
  replyId = posts.find((post) => post.externalId === '7001')!.id;
  const idOf = async (email: string) =>
    (await database.db.select().from(staffUsers).where(eq(staffUsers.email, email)))[0]!.id;
  const [moderatorId, colleagueId] = [await idOf(EMAIL), await idOf(COLLEAGUE)];
  awaitingId = await publishedReply('7100', 'De bank in het park is kapot.');
  returnedId = await publishedReply('7200', 'Wanneer wordt het gras gemaaid?');
  const now = new Date();
  await database.db.insert(answerApprovals).values([
    {
      organisationId: podium.organisationId,
      socialPostId: awaitingId,
      language: 'nl',
      body: 'Dank u, we repareren de bank deze week.',
      writtenBy: colleagueId,
      writtenAt: now,
    },
    {
      organisationId: podium.organisationId,
      socialPostId: returnedId,
      language: 'nl',
      body: 'Binnenkort.',
      writtenBy: moderatorId,
      writtenAt: now,
      state: 'returned',
      decidedBy: colleagueId,
      decidedAt: now,
      returnNote: 'Noem de week.',
    },
  ]);
});

test.afterAll(() => podium.close());

const logIn = (page: Page) => logInAsStaff(page, baseUrl, EMAIL);

test('a mirrored reply in the queue shows its channel, flags and sentiment, and passes axe at full width and 320 px', async ({
  page,
}) => {
  await logIn(page);
  await page.goto(`${baseUrl}/beheer/?channel=social`);
  await expect(page.getByRole('list', { name: 'Items in de inbox' }).getByRole('listitem')).toHaveCount(1);
  await expectNoAxeViolations(page, { context: 'inbox list with a mirrored reply' });
  await page.goto(`${baseUrl}/beheer/items/${replyId}?channel=social`);
  const item = page.getByRole('article', { name: /Gesprek op Mastodon/ });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Sociale media: Mastodon, @gemeente@social.gemeente.example');
  await expect(item.getByRole('link', { name: 'Bekijk het bericht op Mastodon' })).toHaveAttribute(
    'href',
    'https://social.gemeente.example/@anna/7001',
  );
  await expect(item.locator('mark')).toHaveText('06-12345678');
  await expect(item.getByText('Bevat een telefoonnummer.')).toBeVisible();
  await expect(item.getByLabel('Juist sentiment')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'queue with a mirrored reply' });
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoAxeViolations(page, { context: 'queue with a mirrored reply at 320 px' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow, 'no horizontal scrolling at 320 px').toBe(false);
});

test('answers awaiting approval and answers sent back are found through the approval filter, marked in words, and pass axe', async ({
  page,
}) => {
  await logIn(page);
  await page.goto(`${baseUrl}/beheer/`);
  const filter = page.getByLabel('Goedkeuring van antwoorden');
  await filter.focus();
  await filter.selectOption({ label: 'Wacht op mijn goedkeuring' });
  await page.getByRole('button', { name: 'Filter toepassen' }).press('Enter');
  await expect(page).toHaveURL(/approval=awaiting/);
  const list = page.getByRole('list', { name: 'Items in de inbox' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const waiting = list.getByRole('listitem').filter({ hasText: 'De bank in het park is kapot.' });
  await expect(waiting.getByText('Antwoord wacht op goedkeuring', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Goedkeuring van antwoorden')).toHaveValue('awaiting');
  await expectNoAxeViolations(page, { context: 'inbox filtered on answers awaiting my approval' });
  await page.getByLabel('Goedkeuring van antwoorden').selectOption({ label: 'Mijn teruggestuurde antwoorden' });
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const returned = list.getByRole('listitem').filter({ hasText: 'Wanneer wordt het gras gemaaid?' });
  await expect(returned.getByText('Teruggestuurd', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'inbox filtered on my answers sent back' });
  // The writer opens it: the note, and the text back in the answer field to change.
  await returned.getByRole('link').first().click();
  await expect(page.getByRole('region', { name: 'Antwoord teruggestuurd' })).toContainText('Noem de week.');
  await expect(page.locator('#detail-answer')).toHaveValue('Binnenkort.');
  await expectNoAxeViolations(page, { context: 'the item of my answer sent back' });
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(`${baseUrl}/beheer/?approval=returned`);
  await expectNoAxeViolations(page, { context: 'inbox filtered on my answers sent back at 320 px' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow, 'no horizontal scrolling at 320 px').toBe(false);
});

test('a moderator publishes the mirrored reply with the keyboard', async ({ page }) => {
  await logIn(page);
  await page.goto(`${baseUrl}/beheer/items/${replyId}?channel=social`);
  const publish = page.locator('#detail-decision-publish');
  await publish.focus();
  await page.keyboard.press('Space');
  await expect(publish).toBeChecked();
  await page.locator(`form[action="/beheer/items/${replyId}"] button[type="submit"]`).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Items in de inbox' })).toHaveCount(0);
  const [row] = await database.db.select().from(socialPosts).where(eq(socialPosts.id, replyId));
  expect(row?.reviewState).toBe('published');
});
