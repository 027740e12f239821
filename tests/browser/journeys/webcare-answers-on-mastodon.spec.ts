/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo and a
 * sealing key): an administrator connects the municipality's account on a local Mastodon
 * instance in the workbench and mirrors a conversation from it; webcare finds a resident's
 * reply in the inbox, opens it and answers it; Podium posts the answer in the thread on
 * Mastodon as the municipality (a reply to that post), the item says so with a link, and
 * the portal's page of the conversation shows the posted answer under the reply.
 */
import { expect, test } from '@playwright/test';
import { JOURNEY_ADMIN, JOURNEY_WEBCARE, TEST_BASE_URL } from '../../support/browser-env.ts';
import { seedMastodonThread, startPlatformServer, type PlatformServer } from '../../support/platform-server.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logIn } from '../support/staff-log-in.ts';

const TOKEN = 'journey-mastodon-token-2026';

let platform: PlatformServer;
test.beforeAll(async () => {
  platform = await startPlatformServer();
  platform.tokens.set(TOKEN, 'gemeente');
});
test.afterAll(async () => platform?.close());

test('webcare answers a mirrored Mastodon post from the inbox, and the answer appears in the thread on Mastodon and on the portal', async ({
  browser,
}) => {
  // The portal is rebuilt in the background after the answer: up to four minutes on a busy machine.
  test.setTimeout(360_000);
  const stamp = String(Date.now());
  const root = stamp.slice(-9);
  seedMastodonThread(platform, root);
  const reply = `Langs het park, graag. (${stamp})`;
  platform.statuses.get(`${root}1`)!.content = `<p>${reply}</p>`;
  const answer = `Dank u, we nemen het park mee in het ontwerp. (${stamp})`;
  const handle = `@gemeente@${new URL(platform.origin).host}`;

  // The administrator connects the account (once per server) and mirrors the conversation.
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, JOURNEY_ADMIN);
  await admin.getByRole('link', { name: 'Gekoppelde accounts' }).click();
  if ((await admin.getByRole('row', { name: new RegExp(`${handle}.*Actief`) }).count()) === 0) {
    await admin.getByLabel('Adres van de Mastodon-server').fill(platform.origin);
    await admin.getByLabel('Toegangstoken').fill(TOKEN);
    await admin.getByRole('button', { name: 'Mastodon-account koppelen' }).click();
    await expect(admin.getByRole('status')).toContainText(`Het account ${handle} is gekoppeld.`);
  }
  await expectNoAxeViolations(admin, { context: 'the connected-accounts page' });
  const csrf = await admin.locator('input[name="csrf"]').first().inputValue();
  const imported = await admin.request.post('/api/staff/threads', {
    // Not under a consultation: the demo's journeys find the consultation's own thread as its first.
    data: { url: platform.mastodonUrl(root), publish: true },
    headers: { 'X-CSRF-Token': csrf, Origin: TEST_BASE_URL },
  });
  expect(imported.status()).toBe(201);
  const threadId = ((await imported.json()) as { id: string }).id;

  // Webcare, in the inbox: the resident's reply was published on import.
  const staff = await (await browser.newContext()).newPage();
  await logIn(staff, JOURNEY_WEBCARE);
  await staff.getByLabel('Zoeken in de tekst').fill(stamp);
  await staff.getByText('Meer filters').click();
  await staff.getByLabel('Status').selectOption({ label: 'Gepubliceerd' });
  await staff.getByLabel('Kanaal').selectOption({ label: 'Sociale media' });
  await staff.getByRole('button', { name: 'Filter toepassen' }).click();
  const item = staff.getByRole('list', { name: 'Items in de inbox' }).locator('li').filter({ hasText: reply });
  await expect(item).toHaveCount(1);
  await item.getByRole('link').first().click();
  await expect(staff).toHaveURL(/\/beheer\/items\/[0-9a-f-]{36}/);
  await expect(staff.getByRole('article')).toContainText(reply);

  await staff.getByRole('link', { name: 'Antwoorden met sjabloon en voorbeeld' }).click();
  await expect(staff.locator('main')).toContainText(
    `Podium plaatst het antwoord als ${handle} in het gesprek op Mastodon`,
  );
  await staff.getByLabel('Antwoord', { exact: true }).fill(answer);
  await staff.getByRole('button', { name: 'Antwoord publiceren' }).click();
  await expect(staff.getByText('Het antwoord is gepubliceerd.')).toBeVisible();

  // On Mastodon: a reply to the resident's post, by the municipality's account.
  await expect
    .poll(() => platform.posted.filter((p) => p.body.in_reply_to_id === `${root}1`).length, { timeout: 60_000 })
    .toBe(1);
  // In the thread as the instance serves it: a reply to the resident's post, by the municipality.
  const posted = [...platform.statuses.values()].find(
    (s) => s.in_reply_to_id === `${root}1` && String(s.content).includes(answer),
  );
  expect(posted).toBeDefined();
  expect((posted!.account as { username: string }).username).toBe('gemeente');

  // The answer page says where it went, with a link to the post.
  await expect
    .poll(
      async () => {
        await staff.reload();
        return (await staff.locator('main').textContent()) ?? '';
      },
      { timeout: 60_000, intervals: [1_000, 2_000] },
    )
    .toContain(`Geplaatst in het gesprek als ${handle}:`);
  await expect(staff.getByRole('link', { name: 'bekijk het bericht' })).toHaveAttribute('href', String(posted!.url));
  await expectNoAxeViolations(staff, { context: 'the answer page after posting on Mastodon' });

  // The portal's page of the conversation, rebuilt in the background: the posted answer is there.
  const resident = await (await browser.newContext()).newPage();
  await expect
    .poll(
      async () => {
        await resident.goto(`/gesprekken/${threadId}/`);
        return (await resident.locator('main').textContent()) ?? '';
      },
      { timeout: 240_000, intervals: [2_000, 5_000] },
    )
    .toContain(answer);
  await expect(resident.locator('main')).toContainText(reply);
  await expectNoAxeViolations(resident, { context: 'the conversation page with the answer posted on Mastodon' });
});
