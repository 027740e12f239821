/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo): webcare
 * finds a resident's reply in the demo's mirrored Mastodon thread in the inbox, opens it,
 * answers it on the answer page (which says honestly that the answer is shown in the
 * portal's mirror and not posted on Mastodon), and the portal's page of that conversation
 * shows the municipality's answer directly under that reply once the portal is rebuilt.
 */
import { expect, test } from '@playwright/test';
import { JOURNEY_WEBCARE } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logIn } from '../support/staff-log-in.ts';

const REPLY = 'Langs de Parklaan graag, daar is het rustig.';

test("webcare answers a mirrored resident's reply, and the portal shows the answer under that reply", async ({
  browser,
}) => {
  // The portal is rebuilt in the background after the answer: up to four minutes on a busy machine.
  test.setTimeout(330_000);
  const answer = `De gemeente neemt de Parklaan mee in het ontwerp, met verlichting. (${Date.now()})`;

  // Webcare, in the inbox: the demo's replies were published long ago, so look among published items.
  const staff = await (await browser.newContext()).newPage();
  await logIn(staff, JOURNEY_WEBCARE);
  await staff.getByLabel('Zoeken in de tekst').fill('Parklaan');
  await staff.getByText('Meer filters').click();
  await staff.getByLabel('Status').selectOption({ label: 'Gepubliceerd' });
  await staff.getByLabel('Kanaal').selectOption({ label: 'Sociale media' });
  await staff.getByRole('button', { name: 'Filter toepassen' }).click();
  const list = staff.getByRole('list', { name: 'Items in de inbox' });
  const item = list.locator('li').filter({ hasText: REPLY });
  await expect(staff).toHaveURL(/status=published/);
  // On a server that ran this journey before, the reply is already answered: look there
  // (the filters that are set keep "Meer filters" open).
  if ((await item.count()) === 0) {
    await staff.getByLabel('Status').selectOption({ label: 'Beantwoord' });
    await staff.getByRole('button', { name: 'Filter toepassen' }).click();
  }
  await expect(item).toHaveCount(1);
  await item.getByRole('link').first().click();
  await expect(staff).toHaveURL(/\/beheer\/items\/[0-9a-f-]{36}/);
  await expect(staff.getByRole('article')).toContainText(REPLY);

  // The answer page: from the item, with the notice of where the answer appears.
  await staff.getByRole('link', { name: 'Antwoorden met sjabloon en voorbeeld' }).click();
  await expect(staff).toHaveURL(/\/beheer\/items\/[0-9a-f-]{36}\/antwoord/);
  await expect(staff.locator('main')).toContainText('Podium plaatst het antwoord (nog) niet op Mastodon zelf');
  await expectNoAxeViolations(staff, { context: 'the answer page of a mirrored reply' });
  await staff.getByLabel('Antwoord', { exact: true }).fill(answer);
  await staff.getByRole('button', { name: 'Antwoord publiceren' }).click();
  await expect(staff.getByText('Het antwoord is gepubliceerd.')).toBeVisible();
  await expect(staff.locator('main')).toContainText(answer);

  // The portal's page of the conversation, rebuilt in the background after the answer.
  const resident = await (await browser.newContext()).newPage();
  const threads = (await (
    await resident.request.get('/api/threads?consultation=fietsroute-stationsstraat')
  ).json()) as Array<{
    id: string;
  }>;
  expect(threads.length).toBeGreaterThan(0);
  const conversation = `/gesprekken/${threads[0]!.id}/`;
  await expect
    .poll(
      async () => {
        await resident.goto(conversation);
        return (await resident.locator('main').textContent()) ?? '';
      },
      { timeout: 240_000, intervals: [2_000, 5_000] },
    )
    .toContain(answer);
  // Directly under the reply it answers: in the list inside that reply's item, after only
  // the municipality's earlier answers (on a server that ran this journey before) and before
  // any resident's reply.
  const replyItem = resident.locator('li').filter({ has: resident.locator(':scope > article', { hasText: REPLY }) });
  const under = replyItem.locator(':scope > ol > li');
  const shown = await under.evaluateAll((items) =>
    items.map((li) => ({
      answer: li.querySelector(':scope > article')?.classList.contains('podium-post--answer') ?? false,
      text: li.textContent ?? '',
    })),
  );
  const at = shown.findIndex((entry) => entry.text.includes(answer));
  expect(at).toBeGreaterThanOrEqual(0);
  expect(shown.slice(0, at + 1).every((entry) => entry.answer)).toBe(true);
  const ours = under.nth(at);
  await expect(ours.getByRole('heading')).toContainText('De gemeente antwoordde op');
  await expect(ours).toContainText('Antwoord aan Inwoner A');
  await expect(ours).toContainText('Dit antwoord staat alleen hier, niet op Mastodon');
  await expectNoAxeViolations(resident, { context: 'the conversation page with the municipality’s answer' });
});
