/**
 * The staff workbench in a real browser: log-in, queue and the session warning, checked
 * with axe and with the keyboard. The pages need no built portal, so this spec runs its
 * own Podium in the test process, on an in-memory database with a staff account, and
 * controls the server's clock alongside the browser's (page.clock).
 */
import { expect, test, type Page } from '@playwright/test';
import { authenticate } from '../../../api/services/auth/sessions.ts';
import { eraseSubmission } from '../../../api/services/residents-rights.ts';
import { submitInput } from '../../../api/services/submissions.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import {
  logInAsStaff,
  STAFF_PASSWORD as PASSWORD,
  startStaffPodium,
  type StaffPodium,
} from '../support/staff-podium.ts';

const EMAIL = 'moderator@demodam.example';
const ADMIN = 'beheerder@demodam.example';
const MINUTE = 60 * 1000;

let podium: StaffPodium;
let baseUrl: string;
/** How far the server's clock runs ahead of the real one. */
let serverOffset = 0;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // Migrating, seeding and hashing a password on a busy CI machine can take longer than one test.
  test.setTimeout(120_000);
  podium = await startStaffPodium(
    [
      { email: EMAIL, displayName: 'Mo de Rator', role: 'moderator' },
      { email: ADMIN, displayName: 'Ad Min', role: 'administrator' },
    ],
    {
      now: () => new Date(Date.now() + serverOffset),
    },
  );
  baseUrl = podium.baseUrl;
  await submitInput(podium.database.db, {
    consultationSlug: 'fietsroute-stationsstraat',
    now: new Date(),
    input: {
      answers: { route: 'parklaan', toelichting: 'Bel me op 06-12345678, dit klotefietspad moet veiliger.' },
      language: 'nl',
      channel: 'portal',
    },
  });
});

test.afterAll(() => podium.close());

test.beforeEach(() => {
  serverOffset = 0;
});

const logIn = (page: Page) => logInAsStaff(page, baseUrl, EMAIL);

test('the log-in page passes axe, has autocomplete tokens and allows pasting the password', async ({ page }) => {
  await page.goto(`${baseUrl}/beheer/inloggen`);
  await expect(page).toHaveTitle('Inloggen – Podium werkplek');
  await expectNoAxeViolations(page, { context: 'staff log-in' });
  await expect(page.getByLabel('E-mailadres')).toHaveAttribute('autocomplete', 'username');
  const password = page.getByLabel('Wachtwoord');
  await expect(password).toHaveAttribute('autocomplete', 'current-password');
  const pasteAllowed = await password.evaluate((input) =>
    input.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true })),
  );
  expect(pasteAllowed).toBe(true);
});

test('the English log-in page and queue pass axe and keep the English language', async ({ page }) => {
  await page.goto(`${baseUrl}/en/manage/login`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page, { context: 'staff log-in (English)' });
  await page.getByLabel('E-mail address').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(`${baseUrl}/en/manage/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'staff queue (English)' });
});

test('a wrong password shows an error summary that takes focus and leads to the field', async ({ page }) => {
  await page.goto(`${baseUrl}/beheer/inloggen`);
  await page.getByLabel('E-mailadres').fill(EMAIL);
  await page.getByLabel('Wachtwoord').fill('not the password');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const summary = page.locator('#staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Fout: Inloggen/);
  await expect(page.getByLabel('E-mailadres')).toHaveValue(EMAIL);
  await expectNoAxeViolations(page, { context: 'staff log-in with an error' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('E-mailadres')).toBeFocused();
});

test('after repeated failures the error summary says when to try again, in Dutch and English, and passes axe', async ({
  page,
}) => {
  // Failures from elsewhere, through the service: the account's count, not this browser's address.
  const fail = (email: string, times: number) =>
    Array.from({ length: times }).reduce<Promise<unknown>>(
      (previous) =>
        previous.then(() =>
          authenticate(podium.database.db, { email, password: 'wrong', address: '192.0.2.9', now: new Date() }),
        ),
      Promise.resolve(),
    );
  const guessed = 'niemand@demodam.example';
  await fail(guessed, 4);
  await page.goto(`${baseUrl}/beheer/inloggen`);
  await page.getByLabel('E-mailadres').fill(guessed);
  await page.getByLabel('Wachtwoord').fill('still not the password');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const summary = page.locator('#staff-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('U kunt het opnieuw proberen vanaf');
  await expectNoAxeViolations(page, { context: 'staff log-in, wrong and must wait' });

  await page.getByLabel('Wachtwoord').fill('one more try');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(
    /Er is te vaak een verkeerd e-mailadres of wachtwoord gebruikt\. Wacht tot \d\d:\d\d/,
  );
  await expect(page).toHaveTitle(/^Fout: Inloggen/);
  await expectNoAxeViolations(page, { context: 'staff log-in, waiting' });

  const english = 'nobody@demodam.example';
  await fail(english, 5);
  await page.goto(`${baseUrl}/en/manage/login`);
  await page.getByLabel('E-mail address').fill(english);
  await page.getByLabel('Password').fill('not it either');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(/A wrong e-mail address or password was used too often\. Wait until \d\d:\d\d/);
  await expectNoAxeViolations(page, { context: 'staff log-in, waiting (English)' });
});

/** Opens the one item from the inbox list: it appears beside the list at its own address. */
async function openItem(page: Page) {
  await page.getByRole('list', { name: 'Items in de inbox' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/beheer\/items\/[0-9a-f-]{36}$/);
  return page.getByRole('article', { name: 'Inbreng op Nieuwe fietsroute Stationsstraat' });
}

test('the queue passes axe and shows the screening flags next to the text', async ({ page }) => {
  await logIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Wachtrij' })).toBeVisible();
  await expectNoAxeViolations(page, { context: 'staff inbox list' });
  const item = await openItem(page);
  await expect(item.locator('mark').first()).toHaveText('06-12345678');
  await expect(item.getByText('Persoonsgegevens: Bevat een telefoonnummer.')).toBeVisible();
  await expect(item.getByText('Ongepast: Bevat een scheldwoord of vloek.')).toBeVisible();
  await expectNoAxeViolations(page, { context: 'staff queue' });
});

test('erased input shows in the queue as erased, without its text, and passes axe', async ({ page }) => {
  const received = await submitInput(podium.database.db, {
    consultationSlug: 'fietsroute-stationsstraat',
    now: new Date(),
    input: {
      answers: { route: 'parklaan', toelichting: 'Straks gewist: bel Jansen.' },
      language: 'nl',
      channel: 'portal',
    },
  });
  if (received.kind !== 'created') throw new Error(`Input not stored: ${received.kind}`);
  await eraseSubmission(podium.database.db, { code: received.receipt.code, now: new Date() });
  await logIn(page);
  await page.goto(`${baseUrl}/beheer/?status=erased`);
  await expect(page.getByRole('list', { name: 'Items in de inbox' }).getByRole('listitem')).toHaveCount(1);
  await expectNoAxeViolations(page, { context: 'staff inbox listing erased input' });
  await page.getByRole('list', { name: 'Items in de inbox' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/beheer\/items\/[0-9a-f-]{36}\?status=erased$/);
  const item = page.getByRole('article', { name: 'Inbreng op Nieuwe fietsroute Stationsstraat' });
  await expect(item.getByText('Gewist', { exact: true })).toBeVisible();
  await expect(item.locator('form')).toHaveCount(0);
  await expect(item.getByText(/de tekst en de gegevens van de inzender zijn weg/)).toBeVisible();
  await expect(page.getByText(/Jansen/)).toHaveCount(0);
  await expectNoAxeViolations(page, { context: 'staff queue with erased input' });
});

test('the queue reflows at 320 CSS px without scrolling sideways (WCAG 1.4.10)', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await logIn(page);
  // Elements and text that reach past the right edge, named so a failure says where.
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 0.5;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Text for screen readers only is clipped to a pixel: nobody sees it or scrolls to it.
      const element = node instanceof Element ? node : node.parentElement;
      if (element?.closest('.staff-visually-hidden')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const right = node instanceof Element ? node.getBoundingClientRect().right : range.getBoundingClientRect().right;
      if (right > limit)
        found.push(node instanceof Element ? `${node.tagName} ${node.className}` : `"${node.textContent}"`);
    }
    return found.slice(0, 5);
  });
  expect(wide).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test("an administrator's start page names the accounts under attack, passes axe, and links to the audit log", async ({
  page,
}) => {
  await logIn(page); // this browser's address is now one the moderator used
  for (let i = 0; i < 5; i++) {
    await authenticate(podium.database.db, {
      email: EMAIL,
      password: 'guess',
      address: `192.0.2.${i}`,
      now: new Date(),
    });
  }
  await page.context().clearCookies();
  await logInAsStaff(page, baseUrl, ADMIN);
  const alert = page.getByRole('region', { name: 'Inlogpogingen op accounts' });
  await expect(alert).toContainText('Mo de Rator (moderator@demodam.example): 1 melding');
  await expectNoAxeViolations(page, { context: 'queue with accounts under attack' });
  await alert.getByRole('link', { name: 'Mo de Rator (moderator@demodam.example)' }).click();
  await expect(page).toHaveURL(/\/beheer\/audit\/\?subject=[0-9a-f-]{36}$/);
  await expect(page.getByText('staff.login_throttled').first()).toBeVisible();
  await page.context().clearCookies();
  await logIn(page); // the owner herself is not kept out, from an address she used before
});

test('rejecting without a house rule shows the error at the rule, and the decision can then be made', async ({
  page,
}) => {
  await logIn(page);
  const item = await openItem(page);
  await item.getByRole('radio', { name: 'Afwijzen' }).check();
  await item.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expectNoAxeViolations(page, { context: 'staff queue with an error' });
  await page.getByRole('link', { name: 'Kies de huisregel waarom u afwijst.' }).click();
  const rule = item.getByRole('combobox', { name: 'Huisregel (verplicht bij afwijzen)' });
  await expect(rule).toBeFocused();
  await expect(rule).toHaveAttribute('aria-invalid', 'true');
  await expect(item.getByRole('radio', { name: 'Afwijzen' })).toBeChecked();
  await rule.selectOption('respect');
  await item.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
  await expect(item.getByText('Afgewezen (versie 2)')).toBeVisible();
  await expect(page.getByText('Er zijn geen items die bij deze filters passen.')).toBeVisible();
});

test('warns two minutes before the session ends, extends it without moving focus, then says when it ended', async ({
  page,
}) => {
  await page.clock.install({ time: new Date() });
  await logIn(page);
  const alert = page.locator('[data-session-alert]');
  await expect(alert).toBeEmpty();
  const format = (ms: number) =>
    new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(
      new Date(ms),
    );

  await page.getByRole('link', { name: 'Wachtrij' }).focus();
  await page.clock.fastForward(28 * MINUTE + 30 * 1000);
  await expect(alert).toContainText('Uw sessie verloopt om');
  await expect(page.getByRole('link', { name: 'Wachtrij' })).toBeFocused();
  await expectNoAxeViolations(page, { context: 'session warning' });

  serverOffset = 28.5 * MINUTE;
  const expected = format(Date.now() + serverOffset + 30 * MINUTE);
  await alert.getByRole('button', { name: 'Sessie verlengen' }).click();
  await expect(alert).toHaveText(`Uw sessie is verlengd tot ${expected}.`);
  await expect(page.locator('[data-session-expires]')).toHaveText(expected);

  await page.clock.fastForward(20 * MINUTE);
  await expect(alert).toHaveText(`Uw sessie is verlengd tot ${expected}.`);
  await page.clock.fastForward(11 * MINUTE);
  await expect(alert).toContainText('Uw sessie is verlopen.');
  await expect(alert.getByRole('link', { name: 'Opnieuw inloggen' })).toHaveAttribute(
    'href',
    '/beheer/inloggen?next=%2Fbeheer%2F',
  );
});
