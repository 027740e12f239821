/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo, a sealing
 * key and the intake polling every two seconds): the administrator turns "answers need a second
 * person's approval" on for Mastodon in the channel guidelines and connects the municipality's
 * account on a local Mastodon instance; a resident mentions it; webcare answers from the inbox,
 * and the answer waits on the item page with who wrote it, posted nowhere; webcare's own
 * attempt to approve it is refused with the reason; a moderator finds it in the inbox through
 * the filter "Wacht op mijn goedkeuring" (marked in words on its row) and approves it, and it
 * appears as a reply in the resident's thread on Mastodon. Afterwards the guideline is put back, so the
 * demo is as seeded for the journeys that share this server.
 */
import { expect, test, type Page } from '@playwright/test';
import { JOURNEY_ADMIN, JOURNEY_MODERATOR, JOURNEY_WEBCARE } from '../../support/browser-env.ts';
import { startPlatformServer, type PlatformServer } from '../../support/platform-server.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logIn } from '../support/staff-log-in.ts';

const TOKEN = 'journey-four-eyes-token-2026';
const APPROVAL = 'Antwoorden van webcare hebben goedkeuring van een tweede persoon nodig';

let platform: PlatformServer;
test.beforeAll(async () => {
  platform = await startPlatformServer();
  platform.tokens.set(TOKEN, 'gemeente');
});
test.afterAll(async () => platform?.close());

/** Turns the Mastodon channel's approval of answers on or off on the channel-guidelines page. */
async function setAnswerApproval(page: Page, on: boolean): Promise<void> {
  await page.goto('/beheer/instellingen/kanaalrichtlijnen');
  const mastodon = page.getByRole('region', { name: 'Mastodon @demodam' });
  await mastodon.getByLabel(APPROVAL).setChecked(on);
  await mastodon.getByRole('button', { name: /^Richtlijnen opslaan/ }).click();
  await expect(page.getByRole('status')).toHaveText(
    /De richtlijnen van ‘Mastodon @demodam’ zijn opgeslagen\.|Er was niets gewijzigd\./,
  );
}

/** The inbox, searched for `text`, until the poller has brought it in. */
async function findInInbox(page: Page, text: string) {
  const item = page.getByRole('list', { name: 'Items in de inbox' }).locator('li').filter({ hasText: text });
  await expect
    .poll(
      async () => {
        await page.goto('/beheer/');
        await page.getByLabel('Zoeken in de tekst').fill(text);
        await page.getByRole('button', { name: 'Filter toepassen' }).click();
        return item.count();
      },
      { timeout: 60_000, intervals: [1_000, 2_000] },
    )
    .toBe(1);
  return item;
}

test('with approval on for Mastodon, webcare’s answer waits until a moderator approves it, its writer cannot, and then it appears on Mastodon', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const stamp = String(Date.now());
  const mention = `De lantaarnpaal bij de Kerkstraat is kapot. (${stamp})`;
  const answer = `Dank u, de monteur komt deze week langs. (${stamp})`;
  const repliesTo = (statusId: string) => platform.posted.filter((p) => p.body.in_reply_to_id === statusId);

  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, JOURNEY_ADMIN);
  try {
    // The administrator asks for four eyes on Mastodon answers, and connects the account.
    await setAnswerApproval(admin, true);
    await expect(admin.getByRole('region', { name: 'Mastodon @demodam' }).getByLabel(APPROVAL)).toBeChecked();
    await admin.goto('/beheer/');
    await admin.getByRole('link', { name: 'Gekoppelde accounts' }).click();
    await admin.getByLabel('Adres van de Mastodon-server').fill(platform.origin);
    await admin.getByLabel('Toegangstoken').fill(TOKEN);
    await admin.getByRole('button', { name: 'Mastodon-account koppelen' }).click();
    await expect(admin.getByRole('status')).toContainText('is gekoppeld.');

    // A resident mentions the municipality; a moderator publishes it for webcare.
    const { statusId } = platform.mention(`lia${stamp.slice(-6)}`, mention);
    const moderator = await (await browser.newContext()).newPage();
    await logIn(moderator, JOURNEY_MODERATOR);
    await (await findInInbox(moderator, stamp)).getByRole('link').first().click();
    const itemAddress = new URL(moderator.url()).pathname;
    const opened = moderator.getByRole('article');
    await opened.getByRole('radio', { name: 'Publiceren en beantwoorden (naar webcare)' }).check();
    await opened.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect(moderator.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();

    // Webcare answers; the answer waits for approval, with who wrote it, and is posted nowhere.
    const staff = await (await browser.newContext()).newPage();
    await logIn(staff, JOURNEY_WEBCARE);
    await staff.goto(itemAddress);
    await staff.getByRole('link', { name: 'Antwoorden met sjabloon en voorbeeld' }).click();
    await staff.getByLabel('Antwoord', { exact: true }).fill(answer);
    await staff.getByRole('button', { name: 'Antwoord publiceren' }).click();
    await expect(staff).toHaveURL(new RegExp(`${itemAddress}\\?opgeslagen=ter-goedkeuring`));
    await expect(
      staff.getByRole('status').filter({ hasText: 'Het antwoord wacht op goedkeuring door een collega' }),
    ).toBeVisible();
    const waiting = staff.getByRole('region', { name: 'Antwoord wacht op goedkeuring' });
    await expect(waiting).toContainText(answer);
    await expect(waiting).toContainText(`Geschreven door ${JOURNEY_WEBCARE.name} op`);
    await expect(waiting).toContainText('U schreef dit antwoord zelf.');
    await expect(waiting.getByRole('button', { name: 'Antwoord goedkeuren en plaatsen' })).toHaveCount(0);
    await expectNoAxeViolations(staff, { context: 'the item page of an answer waiting for approval, for its writer' });

    // The writer's attempt to approve it anyway (the form a colleague sees, sent by hand) is refused.
    const csrf = await staff.locator('input[name="csrf"]').first().inputValue();
    const version = await staff.locator('form.staff-item-form input[name="version"]').inputValue();
    await staff.evaluate(
      ({ action, fields }) => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = action;
        for (const [name, value] of Object.entries(fields)) {
          const input = document.createElement('input');
          input.type = 'hidden';
          input.name = name;
          input.value = value;
          form.append(input);
        }
        document.body.append(form);
        form.submit();
      },
      { action: `${itemAddress}/antwoord/goedkeuren`, fields: { csrf, version, lang: 'nl' } },
    );
    await expect(staff.locator('main')).toContainText(
      'U kunt uw eigen antwoord niet goedkeuren of terugsturen: dat doet een collega (vier ogen).',
    );
    await expectNoAxeViolations(staff, { context: 'the refused approval of one’s own answer' });
    expect(repliesTo(statusId)).toHaveLength(0);

    // A moderator finds it in the inbox through the approval filter, marked in words, and approves it.
    await moderator.goto('/beheer/');
    await moderator.getByLabel('Goedkeuring van antwoorden').selectOption({ label: 'Wacht op mijn goedkeuring' });
    await moderator.getByRole('button', { name: 'Filter toepassen' }).click();
    const awaiting = moderator
      .getByRole('list', { name: 'Items in de inbox' })
      .getByRole('listitem')
      .filter({ hasText: stamp });
    await expect(awaiting).toHaveCount(1);
    await expect(awaiting.getByText('Antwoord wacht op goedkeuring', { exact: true })).toBeVisible();
    await expectNoAxeViolations(moderator, { context: 'the inbox filtered on answers awaiting my approval' });
    await awaiting.getByRole('link').first().click();
    await expect(moderator).toHaveURL(new RegExp(`${itemAddress}\\?`));
    const toApprove = moderator.getByRole('region', { name: 'Antwoord wacht op goedkeuring' });
    await expect(toApprove).toContainText(`Geschreven door ${JOURNEY_WEBCARE.name} op`);
    await expectNoAxeViolations(moderator, {
      context: 'the item page of an answer waiting for approval, for a colleague',
    });
    await toApprove.getByRole('button', { name: 'Antwoord goedkeuren en plaatsen' }).click();
    await expect(
      moderator.getByRole('status').filter({ hasText: 'Het antwoord is goedgekeurd en gepubliceerd.' }),
    ).toBeVisible();
    await expect.poll(() => repliesTo(statusId).length, { timeout: 60_000 }).toBe(1);
    const posted = [...platform.statuses.values()].find(
      (s) => s.in_reply_to_id === statusId && String(s.content).includes(answer),
    );
    expect((posted?.account as { username?: string } | undefined)?.username).toBe('gemeente');
  } finally {
    await setAnswerApproval(admin, false);
  }
});
