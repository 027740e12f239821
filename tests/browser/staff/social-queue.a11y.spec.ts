/**
 * Mirrored social-media replies in the staff queue, in a real browser: the item with its
 * channel, flags and sentiment passes axe at full width and at 320 px, and a moderator
 * publishes it with the keyboard. Like workbench.a11y.spec.ts this runs its own Podium on an
 * in-memory database (the staff pages need no built portal).
 */
import { expect, test, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../api/db/client.ts';
import { socialPosts } from '../../../api/db/schema.ts';
import { importMastodonThread } from '../../../api/services/social/mastodon.ts';
import { importThread } from '../../../api/services/social/threads.ts';
import { mastodonAccount, mastodonStatus } from '../../fixtures/social/payloads.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';

const EMAIL = 'moderator@demodam.example';

let podium: StaffPodium;
let database: Database;
let baseUrl: string;
let replyId: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  podium = await startStaffPodium([{ email: EMAIL, displayName: 'Mo de Rator', role: 'moderator' }]);
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
