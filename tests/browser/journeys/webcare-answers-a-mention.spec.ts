/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo, a sealing
 * key and the intake polling every two seconds): the municipality's account on a local
 * Mastodon instance is connected; a resident mentions it on Mastodon; the mention arrives in
 * the inbox by itself (no import); a moderator publishes it for webcare, webcare answers it
 * from the inbox; Podium posts the answer in the resident's thread on Mastodon as the
 * municipality, and the portal's mirror of the conversation (/gesprekken/) shows the
 * resident's post and the answer after the rebuild, with no handle or link that identifies
 * the resident.
 */
import { expect, test, type Page } from '@playwright/test';
import { JOURNEY_ADMIN, JOURNEY_MODERATOR, JOURNEY_WEBCARE } from '../../support/browser-env.ts';
import { startPlatformServer, type PlatformServer } from '../../support/platform-server.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logIn } from '../support/staff-log-in.ts';

const TOKEN = 'journey-intake-token-2026';

let platform: PlatformServer;
test.beforeAll(async () => {
  platform = await startPlatformServer();
  platform.tokens.set(TOKEN, 'gemeente');
});
test.afterAll(async () => platform?.close());

/** The inbox, searched for `text`, until the poller has brought it in. */
async function findInInbox(page: Page, text: string, state?: string) {
  const item = page.getByRole('list', { name: 'Items in de inbox' }).locator('li').filter({ hasText: text });
  await expect
    .poll(
      async () => {
        await page.goto('/beheer/');
        await page.getByLabel('Zoeken in de tekst').fill(text);
        if (state) {
          await page.getByText('Meer filters').click();
          await page.getByLabel('Status').selectOption({ label: state });
        }
        await page.getByRole('button', { name: 'Filter toepassen' }).click();
        return item.count();
      },
      { timeout: 60_000, intervals: [1_000, 2_000] },
    )
    .toBe(1);
  return item;
}

test('a mention on Mastodon arrives in the inbox by itself, webcare answers it there, and the answer appears on Mastodon and on the portal without identifying the resident', async ({
  browser,
}) => {
  // The portal is rebuilt in the background after the answer: up to four minutes on a busy machine.
  test.setTimeout(420_000);
  const stamp = String(Date.now());
  const resident = `ria${stamp.slice(-6)}`;
  const mention = `Er ligt glas op het fietspad bij de Parklaan. (${stamp})`;
  const answer = `Dank u, de veegwagen komt vandaag nog langs. (${stamp})`;
  const handle = `@gemeente@${new URL(platform.origin).host}`;

  // The administrator connects the municipality's account on this instance.
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, JOURNEY_ADMIN);
  await admin.getByRole('link', { name: 'Gekoppelde accounts' }).click();
  await expect(admin.getByText('het ene register van de officiële accounts van de gemeente')).toBeVisible();
  await admin.getByLabel('Adres van de Mastodon-server').fill(platform.origin);
  await admin.getByLabel('Toegangstoken').fill(TOKEN);
  await admin.getByRole('button', { name: 'Mastodon-account koppelen' }).click();
  await expect(admin.getByRole('status')).toContainText(`Het account ${handle} is gekoppeld.`);

  // A resident mentions the municipality on Mastodon; nobody imports anything.
  const { statusId } = platform.mention(resident, mention);

  // It arrives in the inbox by itself, waiting for a moderator, who publishes it for webcare.
  const moderator = await (await browser.newContext()).newPage();
  await logIn(moderator, JOURNEY_MODERATOR);
  const waiting = await findInInbox(moderator, stamp);
  await waiting.getByRole('link').first().click();
  await expect(moderator).toHaveURL(/\/beheer\/items\/[0-9a-f-]{36}/);
  const itemAddress = new URL(moderator.url()).pathname;
  const opened = moderator.getByRole('article');
  await expect(opened).toContainText(mention);
  await expect(opened).toContainText('Mastodon');
  await opened.getByRole('radio', { name: 'Publiceren en beantwoorden (naar webcare)' }).check();
  await opened.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(moderator.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();

  // Webcare finds it in the inbox among what waits for an answer, and answers it there.
  const staff = await (await browser.newContext()).newPage();
  await logIn(staff, JOURNEY_WEBCARE);
  const item = await findInInbox(staff, stamp, 'Wacht op antwoord');
  await item.getByRole('link').first().click();
  await expect(staff).toHaveURL(new RegExp(`${itemAddress}(\\?|$)`));
  await staff.getByRole('link', { name: 'Antwoorden met sjabloon en voorbeeld' }).click();
  await expect(staff.locator('main')).toContainText(
    `Podium plaatst het antwoord als ${handle} in het gesprek op Mastodon`,
  );
  await staff.getByLabel('Antwoord', { exact: true }).fill(answer);
  await staff.getByRole('button', { name: 'Antwoord publiceren' }).click();
  await expect(staff.getByText('Het antwoord is gepubliceerd.')).toBeVisible();
  await expectNoAxeViolations(staff, { context: 'the answer page of a mention that arrived by itself' });

  // On Mastodon: a reply to the resident's post, by the municipality's account, in its thread.
  await expect
    .poll(() => platform.posted.filter((p) => p.body.in_reply_to_id === statusId).length, { timeout: 60_000 })
    .toBe(1);
  const posted = [...platform.statuses.values()].find(
    (s) => s.in_reply_to_id === statusId && String(s.content).includes(answer),
  );
  expect((posted?.account as { username?: string } | undefined)?.username).toBe('gemeente');

  // The portal's list of conversations and the conversation itself, once rebuilt.
  const reader = await (await browser.newContext()).newPage();
  const threads = (await (await reader.request.get('/api/threads')).json()) as Array<{ id: string; title: unknown }>;
  const thread = threads.find((t) => JSON.stringify(t.title).includes(handle));
  expect(thread).toBeDefined();
  await expect
    .poll(
      async () => {
        await reader.goto(`/gesprekken/${thread!.id}/`);
        return (await reader.locator('main').textContent()) ?? '';
      },
      { timeout: 240_000, intervals: [2_000, 5_000] },
    )
    .toContain(answer);
  const main = reader.locator('main');
  await expect(main).toContainText(mention);
  await expect(main).toContainText('Inwoner A');
  // Nothing names or links the resident: not the handle, not the profile, not the post.
  expect(await main.textContent()).not.toContain(resident);
  const links = await main.locator('a').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  expect(links.filter((href) => href.includes(resident))).toEqual([]);
  expect(await main.innerHTML()).not.toContain(resident);
  await expectNoAxeViolations(reader, { context: 'the conversation of a mention with the posted answer' });

  await reader.goto('/gesprekken/');
  await expect(
    reader.getByRole('link', { name: new RegExp(`Bericht aan ${handle.replace(/\./g, '\\.')}`) }).first(),
  ).toBeVisible();
});
