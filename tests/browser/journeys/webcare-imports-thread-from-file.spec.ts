/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo): a
 * webcare member downloads a Bluesky conversation as the platform gives it (getPostThread)
 * and imports the file in the workbench, under a consultation and a title; the page says
 * how many posts were taken in and which one names a health matter. A moderator publishes
 * the others, and the conversation appears on /gesprekken/ without a handle, a DID or an
 * address on the platform: the resident's photo is a link to Podium's own copy.
 */
import { expect, test } from '@playwright/test';
import { JOURNEY_MODERATOR, JOURNEY_WEBCARE, TEST_BASE_URL } from '../../support/browser-env.ts';
import { blueskyPost, reply } from '../../fixtures/social/payloads.ts';
import { startPlatformServer, TINY_PNG, type PlatformServer } from '../../support/platform-server.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logIn } from '../support/staff-log-in.ts';

let platform: PlatformServer;
test.beforeAll(async () => {
  platform = await startPlatformServer();
});
test.afterAll(async () => platform?.close());

test('webcare imports a Bluesky conversation from its export file, and residents read it on /gesprekken/ without learning who wrote it', async ({
  browser,
}) => {
  // The portal is rebuilt in the background after the moderator's decisions.
  test.setTimeout(360_000);
  const stamp = String(Date.now());
  const did = (name: string) => `did:plc:${name}${stamp.slice(-6)}`;
  const uri = (name: string, rkey: string) => `at://${did(name)}/app.bsky.feed.post/${rkey}${stamp}`;
  const root = uri('demodam', '3root');
  const photo = uri('anna', '3photo');
  const agree = uri('bert', '3agree');
  const health = uri('carla', '3health');
  const imageUrl = `${platform.origin}/img/feed_fullsize/plain/${did('anna')}/bafkreivijver@jpeg`;
  const title = `Gesprek op Bluesky over het bankje (${stamp})`;
  // The answer of app.bsky.feed.getPostThread, as the platform gives it.
  const view = (post: object, replies: object[] = []) => ({
    $type: 'app.bsky.feed.defs#threadViewPost',
    post,
    replies,
  });
  const exported = {
    thread: view(blueskyPost(root, `Waar moet het nieuwe bankje komen? ${stamp}`), [
      view(
        blueskyPost(
          photo,
          `Bij de vijver, daar is schaduw. ${stamp}`,
          {
            embed: {
              $type: 'app.bsky.embed.images#view',
              images: [{ thumb: imageUrl, fullsize: imageUrl, alt: 'De vijver in het park' }],
            },
          },
          reply(photo, root, root),
        ),
        [view(blueskyPost(agree, `Eens, bij de vijver. ${stamp}`, {}, reply(agree, photo, root)))],
      ),
      view(blueskyPost(health, `Met mijn scootmobiel kom ik daar niet. ${stamp}`, {}, reply(health, root, root))),
    ]),
  };

  // Webcare imports the file in the workbench.
  const staff = await (await browser.newContext()).newPage();
  await logIn(staff, JOURNEY_WEBCARE);
  await staff.getByRole('link', { name: 'Gesprekken importeren' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Gesprekken van sociale media');
  await staff.getByLabel('Of: exportbestand(en)').setInputFiles({
    name: 'getPostThread.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported)),
  });
  await staff.getByLabel('Hoort bij consultatie').selectOption({ label: 'Parkeren in het centrum' });
  await staff.getByLabel('Titel (Nederlands)').fill(title);
  await staff.getByRole('button', { name: 'Importeren' }).click();
  await expect(staff.getByRole('status')).toHaveText(`Het gesprek ‘${title}’ is geïmporteerd: 4 berichten opgenomen.`);
  await expect(staff.getByRole('heading', { name: '1 bericht bevat mogelijk persoonsgegevens' })).toBeVisible();
  await expect(staff.locator('main')).toContainText('gezondheid (bijzonder persoonsgegeven)');
  await expect(staff.getByRole('row', { name: new RegExp(title.replace(/[()]/g, '\\$&')) })).toContainText('Bluesky');
  await expectNoAxeViolations(staff, { context: 'the thread-import page with its result' });

  // A moderator publishes what was not flagged (the workbench's JSON API, as a script would).
  const moderator = await (await browser.newContext()).newPage();
  await logIn(moderator, JOURNEY_MODERATOR);
  const csrf = await moderator.locator('input[name="csrf"]').first().inputValue();
  const queue = await moderator.request.get(`/api/staff/queue?channel=social&q=${stamp}&limit=100`);
  expect(queue.status()).toBe(200);
  const items = ((await queue.json()) as { items: Array<{ id: string; version: number; screening: unknown }> }).items;
  expect(items).toHaveLength(4);
  const clean = items.filter((item) => !JSON.stringify(item.screening ?? {}).includes('"health"'));
  expect(clean).toHaveLength(3);
  for (const item of clean) {
    const decided = await moderator.request.post(`/api/staff/items/${item.id}/decision`, {
      data: { version: item.version, decision: 'publish' },
      headers: { 'X-CSRF-Token': csrf, Origin: TEST_BASE_URL },
    });
    expect(decided.status(), await decided.text()).toBe(200);
  }

  // A resident finds the conversation on /gesprekken/ once the portal is rebuilt.
  const resident = await (await browser.newContext()).newPage();
  await expect
    .poll(
      async () => {
        await resident.goto('/gesprekken/');
        return (await resident.locator('main').textContent()) ?? '';
      },
      { timeout: 240_000, intervals: [2_000, 5_000] },
    )
    .toContain(title);
  await resident.getByRole('link', { name: title }).click();
  await expect(resident).toHaveURL(/\/gesprekken\/[0-9a-f-]{36}\/$/);
  const main = resident.locator('main');
  await expect(main).toContainText('Bij de vijver, daar is schaduw.');
  await expect(main).toContainText('Inwoner A schreef op');
  await expect(main).not.toContainText('scootmobiel');
  await expectNoAxeViolations(resident, { context: 'a conversation imported from a file' });

  // Nothing in the page names a resident or leads to the platform: no handle, no DID, no host.
  const html = await resident.content();
  expect(html).not.toContain('did:plc:');
  expect(html).not.toContain('.bsky.social');
  expect(html).not.toContain('bsky.app');
  expect(html).not.toContain(new URL(platform.origin).host);
  expect(html).not.toContain('cdn.bsky.app');
  // The photo is described, with a link to Podium's own copy that the reader opens on request.
  const image = main.getByRole('link', { name: 'Afbeelding: De vijver in het park' });
  await expect(image).toHaveAttribute('href', /^\/api\/threads\/[0-9a-f-]{36}\/media\/[\w-]{22}$/);
  const requestsBefore = platform.requests.filter((path) => path.startsWith('/img/')).length;
  expect(requestsBefore, 'the page itself loads nothing from the platform').toBe(0);
  const served = await resident.request.get((await image.getAttribute('href'))!);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/png');
  expect(Buffer.from(await served.body())).toEqual(TINY_PNG);
});
