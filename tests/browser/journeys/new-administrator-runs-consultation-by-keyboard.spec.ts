/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo, and the
 * organisation's identity provider beside it), with the keyboard alone wherever staff work:
 * no clicks, no `fill`, no `selectOption`; Tab and Shift+Tab to reach a control, typing,
 * Enter on links and buttons, Space on checkboxes, arrow keys in selects.
 *
 * An administrator maps the provider's group `podium-gemeentebeheer` to the administrator
 * role on the sign-in settings page. A new colleague with no Podium account signs in through
 * the provider, creates a topic and a consultation under it with every question type (the
 * builder's buttons, no drag and drop, one question moved up), allows a new embedding site,
 * and opens the consultation. One resident answers on the portal, another (by keyboard too)
 * through the widget on the new site's page; both ask to be told. The administrator closes
 * the consultation and publishes the outcome, which both residents read on the portal and get
 * by mail (the outbox directory). Afterwards the site and the group mapping are removed again,
 * so the demo is left as other journeys expect it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  browserTestEnv,
  JOURNEY_ADMIN,
  OIDC_ACCOUNTS,
  TEST_BASE_URL,
  TEST_OIDC_ISSUER,
} from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { PODIUM_ORIGIN } from '../support/host-pages.ts';
import { FOLLOW_UP_CODE } from '../support/widget-helpers.ts';

const outbox = join(browserTestEnv(fileURLToPath(new URL('../../..', import.meta.url))).PODIUM_DATA_DIR!, 'outbox');

/** The mails in the outbox to this address that contain this text (soft line breaks undone). */
function mailsTo(address: string, text: string): string[] {
  if (!existsSync(outbox)) return [];
  return readdirSync(outbox)
    .map((file) => readFileSync(join(outbox, file), 'utf8').replace(/=\r?\n/g, ''))
    .filter((mail) => mail.includes(text) && new RegExp(`^To: .*${address.replaceAll('.', '\\.')}`, 'im').test(mail));
}

/** Whether one of the elements the locator finds has focus (inside a shadow root too). */
async function hasFocus(control: Locator): Promise<boolean> {
  return control.evaluateAll((elements) => elements.some((element) => element.matches(':focus')));
}

/**
 * Moves focus with Tab, then with Shift+Tab, until the control has it: proof that the
 * keyboard reaches it. The locator may find the same control twice (a button above and
 * below a form); whichever Tab reaches first will do.
 */
async function tabTo(control: Locator): Promise<void> {
  await expect(control.first()).toBeAttached();
  const page = control.page();
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let presses = 0; presses < 400; presses++) {
      if (await hasFocus(control)) {
        // And the keyboard user sees where they are: the control is shown, not hidden or off-screen.
        const shown = await control.evaluateAll((elements) =>
          elements.some((element) => element.matches(':focus') && element.checkVisibility()),
        );
        expect(shown, `${control.toString()} is visible when it has focus`).toBe(true);
        return;
      }
      await page.keyboard.press(key);
    }
  }
  throw new Error(`The keyboard does not reach ${control.toString()}`);
}

/** Tab to a text field and type into it (it is empty, or its text is replaced). */
async function typeInto(control: Locator, text: string): Promise<void> {
  await tabTo(control);
  await control.page().keyboard.press('ControlOrMeta+a');
  await control.page().keyboard.type(text);
}

/** Tab to a link or button and press Enter. */
async function activate(control: Locator): Promise<void> {
  await tabTo(control);
  await control.page().keyboard.press('Enter');
}

/** Tab to a (closed) select and move its choice with the arrow keys to the option with this text. */
async function choose(select: Locator, label: string): Promise<void> {
  await tabTo(select);
  const chosen = () => select.evaluate((element) => (element as HTMLSelectElement).selectedOptions[0]?.text.trim());
  for (const key of ['ArrowDown', 'ArrowUp']) {
    for (let presses = 0; presses < 60 && (await chosen()) !== label; presses++) {
      await select.page().keyboard.press(key);
    }
  }
  expect(await chosen()).toBe(label);
}

/** Tab to a checkbox and press Space. */
async function tick(checkbox: Locator): Promise<void> {
  await tabTo(checkbox);
  await checkbox.page().keyboard.press('Space');
  await expect(checkbox).toBeChecked();
}

const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const link = (page: Page, name: string) => page.getByRole('link', { name, exact: true });

/** A host page on the new embedding site, served from an origin no other test uses. */
async function startSite(): Promise<{ origin: string; serve: (path: string, html: string) => void; server: Server }> {
  const pages = new Map<string, string>();
  const server = createServer((request, response) => {
    const body = pages.get(new URL(request.url ?? '/', 'http://site').pathname);
    if (body === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.3', () => resolve());
  });
  return {
    origin: `http://127.0.0.3:${(server.address() as AddressInfo).port}`,
    serve: (path, html) => void pages.set(path, html),
    server,
  };
}

test('a new administrator signs in through the identity provider, builds and opens a consultation by keyboard, residents answer on the portal and a new site, and the outcome reaches them', async ({
  browser,
}) => {
  // Opening and publishing each wait for a portal rebuild; a busy machine is slow.
  test.setTimeout(720_000);
  const marker = `${Date.now()}`;
  const group = 'podium-gemeentebeheer';
  const newcomer = OIDC_ACCOUNTS['gemeente-beheerder'];
  const topicTitle = `Pleinen en parken (${marker})`;
  const slug = `marktplein-${marker}`;
  const title = `Een nieuw marktplein (${marker})`;
  const portalResident = `plein-portaal-${marker}@example.org`;
  const widgetResident = `plein-widget-${marker}@example.org`;
  const site = await startSite();

  try {
    // ---- An administrator maps the provider's group to the administrator role. ----
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await admin.goto('/beheer/inloggen');
    await typeInto(admin.getByLabel('E-mailadres'), JOURNEY_ADMIN.email);
    await typeInto(admin.getByLabel('Wachtwoord'), JOURNEY_ADMIN.password);
    await admin.keyboard.press('Enter');
    await expect(admin).toHaveURL(/\/beheer\/$/);
    await activate(link(admin, 'Inloggen via organisatie'));
    await expect(admin.getByRole('heading', { level: 1, name: 'Inloggen via de organisatie' })).toBeVisible();
    const newRow = admin.getByRole('group', { name: 'Nieuwe regel 1' });
    await typeInto(newRow.getByLabel('Groep of rol bij de inlogdienst'), group);
    await choose(newRow.getByLabel('Rol in Podium'), 'Beheerder');
    await activate(button(admin, 'Opslaan'));
    await expect(status(admin, 'De lijst is opgeslagen.')).toBeVisible();

    // ---- The newcomer signs in through the provider and lands in the workbench. ----
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await staff.goto('/beheer/inloggen');
    await activate(link(staff, 'Inloggen via Demodam-account'));
    await expect(staff).toHaveURL(new RegExp(`^${TEST_OIDC_ISSUER}/interaction/`));
    await typeInto(staff.getByLabel('Gebruikersnaam'), 'gemeente-beheerder');
    await staff.keyboard.press('Enter');
    await expect(staff).toHaveURL(`${TEST_BASE_URL}/beheer/`);
    await expect(staff.getByText(`Ingelogd als ${newcomer.name}`)).toBeVisible();

    // ---- A topic. ----
    await activate(link(staff, 'Onderwerpen'));
    await expect(staff.getByRole('heading', { level: 1, name: 'Onderwerpen' })).toBeVisible();
    const topicForm = staff.getByRole('form', { name: 'Nieuw onderwerp' });
    await typeInto(topicForm.getByLabel('Adres (slug)'), `pleinen-${marker}`);
    await typeInto(topicForm.getByLabel('Titel').first(), topicTitle);
    await typeInto(
      topicForm.getByLabel('Beschrijving').first(),
      'Over de pleinen en parken in de stad. Hoe maken we ze fijner voor iedereen?',
    );
    await activate(button(staff, 'Onderwerp maken'));
    await expect(status(staff, `Onderwerp ‘${topicTitle}’ is gemaakt.`)).toBeVisible();

    // ---- A consultation under it. ----
    await activate(link(staff, 'Consultaties opstellen'));
    await activate(link(staff, 'Nieuwe consultatie'));
    await choose(staff.getByLabel('Onderwerp', { exact: true }), topicTitle);
    await typeInto(staff.getByLabel('Webadres (slug)'), slug);
    await typeInto(staff.getByLabel('Titel (Nederlands)'), title);
    await activate(button(staff, 'Concept maken'));
    await expect(status(staff, 'Het concept is gemaakt')).toBeVisible();

    await typeInto(staff.locator('#summary-nl'), 'Wij maken het marktplein opnieuw. Wat vindt u belangrijk?');
    await typeInto(
      staff.locator('#background-nl'),
      'Het plein is oud en heeft weinig groen. Daarom maken we het nieuw.',
    );
    await typeInto(staff.locator('#afterwards-nl'), 'Wij lezen alle reacties. Daarna maken we een ontwerp.');
    await typeInto(staff.locator('#whoDecides-nl'), 'De gemeenteraad');

    // Every question type, from the builder: choose the type, press the button, and the new
    // question's field has focus.
    const addQuestion = async (kind: string, n: number, prompt: string) => {
      await choose(staff.getByLabel('Soort nieuwe vraag'), kind);
      await activate(button(staff, 'Vraag toevoegen'));
      await expect(status(staff, `Vraag ${n} is toegevoegd. Nog niet opgeslagen.`)).toBeVisible();
      await expect(staff.locator(`#q${n - 1}-prompt-nl`)).toBeFocused();
      await staff.keyboard.type(prompt);
    };
    await addQuestion('Eén keuze', 1, 'Hoe komt u meestal naar het plein?');
    await typeInto(staff.locator('#q0-o0-nl'), 'Lopend');
    await typeInto(staff.locator('#q0-o1-nl'), 'Met de fiets');
    await tick(staff.locator('#q0-required'));

    await addQuestion('Meerdere keuzes', 2, 'Wat wilt u op het plein?');
    await typeInto(staff.locator('#q1-o0-nl'), 'Bomen');
    await typeInto(staff.locator('#q1-o1-nl'), 'Bankjes');
    await activate(staff.locator('#q1-add-option'));
    await expect(status(staff, 'Een antwoordmogelijkheid is toegevoegd.')).toBeVisible();
    await expect(staff.locator('#q1-o2-nl')).toBeFocused();
    await staff.keyboard.type('Een fontein');

    await addQuestion('Schaal', 3, 'Hoe tevreden bent u nu over het plein?');
    await typeInto(staff.locator('#q2-scaleMinLabel-nl'), 'Heel ontevreden');
    await typeInto(staff.locator('#q2-scaleMaxLabel-nl'), 'Heel tevreden');

    await addQuestion('Open vraag', 4, 'Wat wilt u ons nog meegeven?');
    await typeInto(staff.locator('#q3-hint-nl'), 'Bijvoorbeeld over spelen, markt of parkeren.');

    // The open question goes before the scale: 'up', and focus stays with the moved question.
    await activate(button(staff, 'Vraag 4 omhoog'));
    await expect(status(staff, 'Vraag 4 staat nu op plaats 3')).toBeVisible();
    await expect(staff.locator('#q2-up')).toBeFocused();
    await expect(staff.locator('#q2-prompt-nl')).toHaveValue('Wat wilt u ons nog meegeven?');
    await expect(staff.locator('#q3-prompt-nl')).toHaveValue('Hoe tevreden bent u nu over het plein?');

    await activate(button(staff, 'Opslaan'));
    await expect(status(staff, 'Opgeslagen (versie 2)')).toBeVisible();
    const preview = staff.locator('.staff-preview');
    for (const text of ['Met de fiets', 'Een fontein', '5 – Heel tevreden', 'Bijvoorbeeld over spelen'])
      await expect(preview).toContainText(text);
    await expectNoAxeViolations(staff, { context: 'consultation with every question type, by keyboard' });

    // ---- The new embedding site. ----
    await activate(link(staff, 'Insluiten'));
    await typeInto(staff.getByLabel('Webadres'), site.origin);
    await staff.keyboard.press('Enter');
    await expect(status(staff, `${site.origin} is toegevoegd.`)).toBeVisible();
    await expect(staff.getByRole('listitem').filter({ hasText: site.origin })).toBeVisible();

    // ---- Open it. ----
    await activate(link(staff, 'Consultaties opstellen'));
    await activate(link(staff, title));
    await activate(button(staff, 'Nu openen'));
    await expect(status(staff, 'De consultatie is nu: Open.')).toBeVisible();

    // ---- A resident answers on the portal once it is rebuilt, and asks to be told. ----
    const resident = await (await browser.newContext()).newPage();
    const address = `/consultaties/${slug}/`;
    await expect
      .poll(async () => (await resident.goto(address))?.status(), { timeout: 240_000, intervals: [2_000, 5_000] })
      .toBe(200);
    await expect(resident.getByRole('heading', { level: 1 })).toContainText(title);
    await expectNoAxeViolations(resident, { context: 'a consultation a new administrator wrote, open' });
    await resident.getByRole('radio', { name: 'Met de fiets' }).check();
    await resident.getByRole('checkbox', { name: 'Bomen' }).check();
    await resident.getByRole('checkbox', { name: 'Een fontein' }).check();
    await resident.getByRole('radio', { name: '4', exact: true }).check();
    await resident.getByLabel('Wat wilt u ons nog meegeven?').fill(`Meer schaduw op de markt (${marker}).`);
    await resident.getByLabel('Uw e-mailadres').fill(portalResident);
    await resident.getByLabel('Ja, de gemeente mag mijn e-mailadres gebruiken om mij te antwoorden.').check();
    await resident.getByRole('button', { name: 'Reactie versturen' }).click();
    await expect(resident).toHaveURL(/\/bevestiging\/[A-Z0-9-]+\/$/);

    // ---- Another answers through the widget on the new site's page. ----
    site.serve(
      '/meedoen.html',
      `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Meedoen aan het marktplein</title>
<script type="module" src="${PODIUM_ORIGIN}/widgets/podium-submit.js"></script></head>
<body><main><h1>Meedoen aan het marktplein</h1>
<podium-submit consultation="${slug}" heading-level="2"></podium-submit>
</main></body>
</html>`,
    );
    const neighbour = await (await browser.newContext()).newPage();
    await neighbour.goto(`${site.origin}/meedoen.html`);
    const widget = neighbour.locator('podium-submit');
    await expect(widget.locator('form')).toBeVisible();
    // This resident uses the keyboard too: Tab into the widget, Space and the arrow keys in
    // the radio groups (one Tab stop each), typing, Enter to send.
    await tabTo(widget.getByRole('radio', { name: 'Lopend' }));
    await neighbour.keyboard.press('Space');
    await expect(widget.getByRole('radio', { name: 'Lopend' })).toBeChecked();
    await tick(widget.getByRole('checkbox', { name: 'Bankjes' }));
    await typeInto(
      widget.getByLabel('Wat wilt u ons nog meegeven?'),
      `Een plek voor de markt op zaterdag (${marker}).`,
    );
    await tabTo(widget.getByRole('radio', { name: '1 – Heel ontevreden' }));
    await neighbour.keyboard.press('ArrowRight');
    await expect(widget.getByRole('radio', { name: '2', exact: true })).toBeChecked();
    await typeInto(widget.getByRole('textbox', { name: /^E-mailadres/ }), widgetResident);
    await tick(widget.getByRole('checkbox', { name: /Ik geef toestemming/ }));
    await activate(widget.getByRole('button', { name: 'Versturen' }));
    await expect(widget.locator('[part="code"]')).toHaveText(FOLLOW_UP_CODE);
    await expectNoAxeViolations(neighbour, { context: 'widget confirmation on the new embedding site' });

    // ---- Close it and publish the outcome. ----
    await staff.reload();
    await activate(button(staff, 'Nu sluiten'));
    await expect(status(staff, 'De consultatie is nu: Gesloten.')).toBeVisible();
    await activate(link(staff, 'Uitkomst schrijven'));
    const outcome = `Het marktplein krijgt bomen en een fontein (${marker}).`;
    await typeInto(staff.locator('#decidedNl'), outcome);
    await typeInto(staff.locator('#reasonsNl'), 'Veel mensen vroegen om groen en water op het plein.');
    await typeInto(staff.locator('#themes'), 'groen');
    await activate(button(staff, 'Uitkomst publiceren'));
    await expect(status(staff, 'De uitkomst is gepubliceerd. 2 inwoners krijgen een e-mail.')).toBeVisible();

    // ---- Both residents read it: on the portal after the rebuild, and in the mail. ----
    await expect
      .poll(
        async () => {
          await resident.goto(address);
          return (await resident.getByRole('main').textContent()) ?? '';
        },
        { timeout: 240_000, intervals: [2_000, 5_000] },
      )
      .toContain(outcome);
    await expect(resident.getByRole('heading', { level: 2, name: 'U zei, wij deden' })).toBeVisible();
    for (const to of [portalResident, widgetResident])
      await expect
        .poll(() => mailsTo(to, outcome).length, {
          message: `a mail to ${to} with the outcome in ${outbox}`,
          timeout: 90_000,
        })
        .toBe(1);

    // ---- Leave the demo as it was: the site and the mapping go again. ----
    await activate(link(staff, 'Insluiten'));
    await activate(button(staff, `Verwijder ${site.origin}`));
    await expect(status(staff, `${site.origin} is verwijderd.`)).toBeVisible();
    await admin.reload();
    await typeInto(admin.locator(`input[value="${group}"]`), '');
    await admin.keyboard.press('Delete');
    await activate(button(admin, 'Opslaan'));
    await expect(status(admin, 'De lijst is opgeslagen.')).toBeVisible();
    await expect(admin.locator(`input[value="${group}"]`)).toHaveCount(0);
    await adminContext.close();
    await staffContext.close();
  } finally {
    await new Promise((done) => site.server.close(done));
  }
});
