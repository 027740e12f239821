/**
 * Residents' rights without JavaScript: download and erasure from the follow-up page, and
 * the e-mail link for a lost code (read from the outbox the test server writes, since it
 * has no SMTP). Every state is checked with axe, and the pages at 320 px.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { browserTestEnv } from '../../support/browser-env.ts';
import { expectNoAxeViolationsInCopy } from '../support/axe.ts';
import { horizontalOverflow } from '../support/page-checks.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const outbox = join(browserTestEnv(root).PODIUM_DATA_DIR!, 'outbox');

test.describe.configure({ mode: 'serial' });

async function giveInput(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/consultations/fietsroute-stationsstraat/submissions', {
    data: {
      answers: { route: 'parklaan', veiligheid: 2, voorzieningen: ['bomen'], toelichting: 'Meer bomen graag.' },
      email,
      consent: true,
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).code;
}

/** The link in the newest outbox message to this address, if one is there yet. */
function linkInOutbox(email: string): string | undefined {
  const files = existsSync(outbox) ? readdirSync(outbox).sort().reverse() : [];
  for (const file of files) {
    // A whole RFC 5322 message: headers in any order, the body quoted-printable (soft breaks).
    const text = readFileSync(join(outbox, file), 'utf8')
      .replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=');
    if (!text.split(/\r?\n/).includes(`To: ${email}`)) continue;
    const match = /https?:\/\/\S+\/(?:gegevens|my-data)\/[A-Za-z0-9_-]{43}\//.exec(text);
    if (match) return new URL(match[0]).pathname;
  }
  return undefined;
}

/**
 * The link mailed to this address. The mail is queued in the database's outbox and the
 * server's sender writes it into the directory on its next pass (every 10 s by default).
 */
async function linkFromOutbox(email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(() => (link = linkInOutbox(email)), { message: `a mail to ${email} in ${outbox}`, timeout: 30_000 })
    .toBeTruthy();
  return link!;
}

async function expectNarrow(page: Page): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('the follow-up page offers the download and the erasure, and the download is the JSON export', async ({
  page,
  request,
}) => {
  const code = await giveInput(request, `dl-${Date.now()}@example.nl`);
  await page.goto(`/volg/${code}/`);
  const download = page.getByRole('link', { name: 'Download mijn gegevens (JSON)' });
  await expect(download).toBeVisible();
  await expect(page.getByRole('link', { name: 'Verwijder mijn inbreng' })).toBeVisible();
  await expectNoAxeViolationsInCopy(page, 'follow-up with rights (nl)');
  await expectNarrow(page);
  const href = await download.getAttribute('href');
  const exported = await request.get(href!);
  expect(exported.headers()['content-disposition']).toContain(`podium-${code}.json`);
  expect((await exported.json()).contact.email).toMatch(/^dl-/);
});

for (const lang of ['nl', 'en'] as const) {
  const t = {
    nl: {
      followUp: (code: string) => `/volg/${code}/`,
      erase: 'Verwijder mijn inbreng',
      confirm: 'Ik begrijp dat mijn reactie definitief wordt verwijderd.',
      submit: 'Verwijder mijn inbreng definitief',
      error: 'Vink aan dat u begrijpt',
      done: 'Uw reactie is verwijderd',
      erasedOn: 'Uw reactie is verwijderd op',
    },
    en: {
      followUp: (code: string) => `/en/follow-up/${code}/`,
      erase: 'Erase my input',
      confirm: 'I understand that my response will be erased for good.',
      submit: 'Erase my input for good',
      error: 'Tick the box to confirm',
      done: 'Your response has been erased',
      erasedOn: 'Your response was erased on',
    },
  }[lang];

  test(`erases input from the follow-up page after a confirmation (${lang})`, async ({ page, request }) => {
    const code = await giveInput(request, `erase-${lang}-${Date.now()}@example.nl`);
    await page.goto(t.followUp(code));
    await page.getByRole('link', { name: t.erase }).click();
    await expect(page.getByLabel(t.confirm)).toBeVisible();
    await expectNoAxeViolationsInCopy(page, `erasure confirmation (${lang})`);
    await expectNarrow(page);

    await page.getByRole('button', { name: t.submit }).click();
    await expect(page.locator('#podium-error-summary')).toContainText(t.error);
    await expect(page.getByLabel(t.confirm)).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolationsInCopy(page, `erasure without confirmation (${lang})`);

    await page.getByLabel(t.confirm).check();
    await page.getByRole('button', { name: t.submit }).click();
    await expect(page.getByRole('heading', { name: t.done })).toBeVisible();
    await expectNoAxeViolationsInCopy(page, `erased (${lang})`);

    await page.goto(t.followUp(code));
    await expect(page.getByText(t.erasedOn)).toBeVisible();
    await expect(page.getByRole('link', { name: t.erase })).toHaveCount(0);
    await expectNoAxeViolationsInCopy(page, `follow-up after erasure (${lang})`);
  });
}

test('a resident who lost the code gets an e-mail link that lists their input once', async ({ page, request }) => {
  // The link waits for the outbox sender's next pass.
  test.setTimeout(60_000);
  const email = `lost-${Date.now()}@example.nl`;
  const code = await giveInput(request, email);
  await page.goto('/volg/');
  await page.getByRole('link', { name: /Code kwijt/ }).click();
  await expect(page).toHaveURL(/\/gegevens\/$/);
  await expectNoAxeViolationsInCopy(page, 'asking for a link');
  await expectNarrow(page);

  await page.getByRole('button', { name: 'Stuur mij een link' }).click();
  await expect(page.locator('#podium-error-summary')).toContainText('Vul uw e-mailadres in.');
  await expectNoAxeViolationsInCopy(page, 'asking for a link without an address');

  await page.getByLabel('Uw e-mailadres').fill(email);
  await page.getByRole('button', { name: 'Stuur mij een link' }).click();
  await expect(page.getByRole('status')).toContainText('Als dit e-mailadres bij ons bekend is');
  await expectNoAxeViolationsInCopy(page, 'link asked for');

  const link = await linkFromOutbox(email);
  await page.goto(link);
  await expectNoAxeViolationsInCopy(page, 'link before opening');
  await page.getByRole('button', { name: 'Toon mijn reacties' }).click();
  await expect(page.getByText(code)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Verwijder mijn inbreng' })).toHaveAttribute(
    'href',
    `/volg/${code}/verwijderen/`,
  );
  await expectNoAxeViolationsInCopy(page, 'input listed by the link');
  await expectNarrow(page);

  const again = await page.goto(link);
  expect(again?.status()).toBe(410);
  await expect(page.getByText('Deze link werkt niet meer')).toBeVisible();
  await expectNoAxeViolationsInCopy(page, 'link used up');
});

test('the e-mail link request works in English too', async ({ page }) => {
  await page.goto('/en/my-data/');
  await page.getByLabel('Your e-mail address').fill('not-an-address');
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.locator('#podium-error-summary')).toContainText('Enter an e-mail address like');
  await expectNoAxeViolationsInCopy(page, 'asking for a link with a bad address (en)');
});

for (const path of ['/privacy/', '/en/privacy/']) {
  test(`the privacy statement lists the retention periods (${path})`, async ({ page }) => {
    await page.goto(path);
    const table = page.getByRole('table');
    await expect(table).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(6);
    await expect(table).toContainText(path === '/privacy/' ? '90 dagen' : '90 days');
    await expectNoAxeViolationsInCopy(page, `privacy statement ${path}`);
    await expectNarrow(page);
  });
}
