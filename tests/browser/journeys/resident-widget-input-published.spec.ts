/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo): a
 * resident answers through the widget embedded in the council's own website, follows the
 * input up on the portal with the code the widget gave, a moderator publishes it from the
 * inbox, and the input appears with the published responses on the rebuilt portal while
 * the follow-up page says it was published. Then webcare answers it from the inbox, and the
 * resident reads the answer on the follow-up page and in the mail the outbox sends (the
 * resident gave an e-mail address and consent in the widget).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { browserTestEnv, JOURNEY_MODERATOR, JOURNEY_WEBCARE } from '../../support/browser-env.ts';
import { widgetExamples } from '../../../widgets/examples.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { openHostPage, test } from '../support/host-pages.ts';
import { fillDemoForm, FOLLOW_UP_CODE, widget } from '../support/widget-helpers.ts';
import { logIn } from '../support/staff-log-in.ts';

const submit = widgetExamples.find((examples) => examples.tag === 'podium-submit')!;

/** Where the test server's outbox sender writes mail when no SMTP server is configured. */
const outbox = join(browserTestEnv(fileURLToPath(new URL('../../..', import.meta.url))).PODIUM_DATA_DIR!, 'outbox');

/** The mails in the outbox that contain this text (quoted-printable soft line breaks undone). */
function mailsContaining(text: string): string[] {
  if (!existsSync(outbox)) return [];
  return readdirSync(outbox)
    .map((file) => readFileSync(join(outbox, file), 'utf8').replace(/=\r?\n/g, ''))
    .filter((mail) => mail.includes(text));
}

test('input sent through the widget on the council’s site is published, appears on the portal, and is answered by webcare', async ({
  browser,
  hostServer,
}) => {
  // Publishing rebuilds the portal in the background; that takes a while on a busy machine.
  test.setTimeout(540_000);
  const marker = `bankje${Date.now()}`;
  const text = `Graag een bankje bij de bushalte aan de Parklaan (${marker}).`;

  // The resident, on the municipality's own page with the widget in it.
  const resident = await (await browser.newContext()).newPage();
  await openHostPage(resident, hostServer, { host: 'plain', widget: submit });
  await expect(widget(resident).locator('form')).toBeVisible();
  await fillDemoForm(resident, text);
  await widget(resident).getByRole('button', { name: 'Versturen' }).click();
  const codeElement = widget(resident).locator('[part="code"]');
  await expect(codeElement).toHaveText(FOLLOW_UP_CODE);
  const code = (await codeElement.textContent())!.trim();
  await expectNoAxeViolations(resident, { context: 'widget confirmation on the council’s page' });

  // The widget's link takes the resident to the portal's follow-up page: waiting for moderation.
  await widget(resident).getByRole('link', { name: 'Bekijk wat er met uw inbreng gebeurt' }).click();
  await expect(resident).toHaveURL(new RegExp(`/volg/${code}/$`));
  await expect(resident.getByRole('main')).toContainText(text);
  const currentStep = resident.locator('.podium-timeline [aria-current="step"]');
  await expect(currentStep).toHaveText(/^(Ontvangen|In behandeling) /);

  // The moderator finds it in the inbox among portal input and the mirrored thread, and publishes it.
  const moderator = await (await browser.newContext()).newPage();
  await logIn(moderator, JOURNEY_MODERATOR);
  await moderator.getByLabel('Zoeken in de tekst').fill(marker);
  await moderator.getByRole('button', { name: 'Filter toepassen' }).click();
  const list = moderator.getByRole('list', { name: 'Items in de inbox' });
  await expect(list.locator('li')).toHaveCount(1);
  await list.locator('li').getByRole('link').click();
  await expect(moderator).toHaveURL(/\/beheer\/items\/[0-9a-f-]{36}/);
  const itemAddress = new URL(moderator.url()).pathname;
  const item = moderator.getByRole('article');
  await expect(item).toContainText(text);
  await expect(item).toContainText('Widget');
  await item.getByRole('radio', { name: 'Publiceren', exact: true }).check();
  await item.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(moderator.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
  await expectNoAxeViolations(moderator, { context: 'inbox after publishing' });

  // The resident sees it published, and on the portal with the other responses once rebuilt.
  await resident.reload();
  await expect(currentStep).toHaveText(/^Gepubliceerd /);
  const responses = '/consultaties/fietsroute-stationsstraat/reacties/';
  await expect
    .poll(
      async () => {
        await resident.goto(responses);
        return (await resident.getByRole('main').textContent()) ?? '';
      },
      { timeout: 240_000, intervals: [2_000, 5_000] },
    )
    .toContain(marker);
  await expectNoAxeViolations(resident, { context: 'responses page with the published input' });

  // Webcare finds it in the inbox and answers it with the item's one form.
  const answer = `Dank u wel. Het bankje komt er in het voorjaar (${marker}).`;
  const webcare = await (await browser.newContext()).newPage();
  await logIn(webcare, JOURNEY_WEBCARE);
  // Published input has left the open list; the moderator passes on the item's own address.
  await webcare.goto(itemAddress);
  await webcare.getByLabel('Antwoord aan de inwoner (optioneel)').fill(answer);
  await webcare.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(webcare.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
  await expect(webcare.getByRole('article')).toContainText('Beantwoord');
  await expectNoAxeViolations(webcare, { context: 'inbox after answering widget input' });

  // The resident reads the answer on the follow-up page, and in the mail the outbox sends.
  await resident.goto(`/volg/${code}/`);
  await expect(resident.getByRole('main')).toContainText(answer);
  await expectNoAxeViolations(resident, { context: 'follow-up page with the answer' });
  await expect
    .poll(() => mailsContaining(answer).filter((mail) => /^To: .*jan@example\.com/im.test(mail)).length, {
      message: `a mail to jan@example.com with the answer in ${outbox}`,
      timeout: 60_000,
    })
    .toBe(1);
});
