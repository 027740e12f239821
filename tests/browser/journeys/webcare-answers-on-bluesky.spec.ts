/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo, a
 * sealing key and the local Bluesky AppView as PODIUM_BLUESKY_APPVIEW): an administrator
 * connects the municipality's Bluesky account with an app password in the workbench and
 * mirrors a conversation from Bluesky; webcare finds a resident's reply in the inbox and
 * answers it; Podium posts the answer on Bluesky as the municipality — a reply record whose
 * root and parent are the conversation's first post and the resident's post — the item says
 * so with a link, and the portal's page of the conversation shows the answer under the reply.
 */
import { expect, test } from '@playwright/test';
import { JOURNEY_ADMIN, JOURNEY_WEBCARE, TEST_BASE_URL, TEST_BLUESKY_PORT } from '../../support/browser-env.ts';
import {
  BSKY_HANDLE,
  bskyUri,
  seedBlueskyThread,
  startPlatformServer,
  type PlatformServer,
} from '../../support/platform-server.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logIn } from '../support/staff-log-in.ts';

const APP_PASSWORD = 'jrny-bsky-2026-pass';

let platform: PlatformServer;
test.beforeAll(async () => {
  platform = await startPlatformServer({ port: TEST_BLUESKY_PORT });
  platform.appPasswords.set(BSKY_HANDLE, APP_PASSWORD);
});
test.afterAll(async () => platform?.close());

test('webcare answers a mirrored Bluesky post from the inbox, and the answer appears in the thread on Bluesky and on the portal', async ({
  browser,
}) => {
  // The portal is rebuilt in the background after the answer: up to four minutes on a busy machine.
  test.setTimeout(360_000);
  const stamp = String(Date.now());
  const rkey = `j${stamp.slice(-9)}`;
  seedBlueskyThread(platform, rkey);
  const residentUri = bskyUri(`${rkey}a`, 'did:plc:anna');
  const reply = `Eén route 🚲 langs het park, graag. (${stamp})`;
  (platform.bskyPosts.get(residentUri)!.post.record as { text: string }).text = reply;
  const answer = `Dank u, we nemen het park mee: https://demodam.example/fietsroute (${stamp})`;
  const handle = `@${BSKY_HANDLE}`;

  // The administrator connects the account (once per server) and mirrors the conversation.
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, JOURNEY_ADMIN);
  await admin.getByRole('link', { name: 'Gekoppelde accounts' }).click();
  if ((await admin.getByRole('row', { name: new RegExp(`${handle}.*Actief`) }).count()) === 0) {
    await admin.getByLabel('Accountnaam').fill(BSKY_HANDLE);
    await admin.getByLabel('App-wachtwoord').fill(APP_PASSWORD);
    await admin.getByLabel('Server van het account (PDS)').fill(platform.origin);
    await admin.getByRole('button', { name: 'Bluesky-account koppelen' }).click();
    await expect(admin.getByRole('status')).toContainText(`Het account ${handle} is gekoppeld.`);
  }
  await expectNoAxeViolations(admin, { context: 'the connected-accounts page with a Bluesky account' });
  const csrf = await admin.locator('input[name="csrf"]').first().inputValue();
  const imported = await admin.request.post('/api/staff/threads', {
    data: { url: `https://bsky.app/profile/${BSKY_HANDLE}/post/${rkey}`, publish: true },
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
  const item = staff.getByRole('list', { name: 'Items in de inbox' }).locator('li').filter({ hasText: stamp });
  await expect(item).toHaveCount(1);
  await item.getByRole('link').first().click();
  await expect(staff).toHaveURL(/\/beheer\/items\/[0-9a-f-]{36}/);
  await expect(staff.getByRole('article')).toContainText(reply);

  await staff.getByRole('link', { name: 'Antwoorden met sjabloon en voorbeeld' }).click();
  await expect(staff.locator('main')).toContainText(
    `Podium plaatst het antwoord als ${handle} in het gesprek op Bluesky`,
  );
  // Longer than Bluesky takes: refused at the field, the text kept.
  const tooLong = `${answer} ${'Meer uitleg volgt. '.repeat(16)}`;
  await staff.getByLabel('Antwoord', { exact: true }).fill(tooLong);
  await staff.getByRole('button', { name: 'Antwoord publiceren' }).click();
  await expect(staff.locator('#staff-error-summary')).toContainText('dat hoogstens 300 tekens toestaat');
  await expect(staff.getByLabel('Antwoord', { exact: true })).toHaveValue(tooLong);
  await expectNoAxeViolations(staff, { context: 'the answer page with an answer too long for Bluesky' });
  await staff.getByLabel('Antwoord', { exact: true }).fill(answer);
  await staff.getByRole('button', { name: 'Antwoord publiceren' }).click();
  await expect(staff.getByText('Het antwoord is gepubliceerd.')).toBeVisible();

  // On Bluesky: a reply record by the municipality, with the conversation's root and the resident's post as parent.
  await expect
    .poll(() => platform.bskyRecords.filter((r) => String(r.record.text).includes(stamp)).length, { timeout: 60_000 })
    .toBe(1);
  const posted = platform.bskyRecords.find((r) => String(r.record.text).includes(stamp))!;
  expect(posted.handle).toBe(BSKY_HANDLE);
  const refs = posted.record.reply as { root: { uri: string; cid: string }; parent: { uri: string; cid: string } };
  expect(refs.parent.uri).toBe(residentUri);
  expect(refs.root.uri).toBe(bskyUri(rkey));
  expect(refs.parent.cid).toBeTruthy();
  expect(posted.record.facets).toBeDefined();
  // In the thread as the AppView serves it: a reply to the resident's post.
  expect(platform.bskyPosts.get(posted.uri)?.parent).toBe(residentUri);

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
  await expect(staff.getByRole('link', { name: 'bekijk het bericht' })).toHaveAttribute(
    'href',
    `https://bsky.app/profile/${BSKY_HANDLE}/post/${posted.uri.split('/').pop()}`,
  );
  await expectNoAxeViolations(staff, { context: 'the answer page after posting on Bluesky' });

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
    .toContain(`Dank u, we nemen het park mee`);
  await expect(resident.locator('main')).toContainText(stamp);
  await expectNoAxeViolations(resident, { context: 'the conversation page with the answer posted on Bluesky' });
});
