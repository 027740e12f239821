/**
 * Journey on the running product (Podium as `npm start` runs it, with the whole demo): six
 * residents write about dog mess, three in Dutch on the portal and three in
 * English. On the insights page staff find them all in one theme (not a Dutch and an English
 * one), named in Dutch on the Dutch page ("honden", "hondenpoep") and in English on the English page, and open an
 * example of the theme in the queue at the item's own address.
 */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { JOURNEY_WEBCARE } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { CODE_PATTERN, CONSULTATION_EN, CONSULTATION_NL, fillDemoForm } from '../support/portal.ts';
import { logIn } from '../support/staff-log-in.ts';

async function giveInput(browser: Browser, lang: 'nl' | 'en', text: string): Promise<void> {
  const resident = await (await browser.newContext()).newPage();
  await resident.goto(lang === 'nl' ? CONSULTATION_NL : CONSULTATION_EN);
  await fillDemoForm(resident, lang);
  await resident
    .getByLabel(lang === 'nl' ? 'Wat wilt u ons verder meegeven?' : 'What else would you like to tell us?')
    .fill(text);
  await resident.getByRole('button', { name: lang === 'nl' ? 'Reactie versturen' : 'Send response' }).click();
  await expect(resident.locator('.podium-code')).toHaveText(CODE_PATTERN);
  await resident.context().close();
}

/** The themes table's rows whose theme cell matches `label`. */
function themeRows(page: Page, title: string, label: string | RegExp): Locator {
  return page
    .getByRole('region', { name: title })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: label, exact: true }) });
}

async function themeCount(rows: Locator): Promise<number> {
  if ((await rows.count()) === 0) return 0;
  // Columns after the topic (the row header): theme, also mentioned, contributions, examples.
  return Number(await rows.first().getByRole('cell').nth(2).textContent());
}

test('staff see Dutch and English contributions about one thing as one theme, and open an example in the queue', async ({
  browser,
}) => {
  // Six residents each solve the portal's proof of work before sending: more than the default half minute on a busy machine.
  test.setTimeout(120_000);
  const staff = await (await browser.newContext()).newPage();
  await logIn(staff, JOURNEY_WEBCARE);
  await staff.getByRole('link', { name: 'Inzichten' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Inzichten' })).toBeVisible();
  // Which of the theme's words is its label depends on the other input of the period.
  const dutchLabel = /^(honden|hondenpoep)$/;
  // Zero on a fresh demo; a rerun of this journey on the same data finds its earlier input.
  const before = await themeCount(themeRows(staff, 'Thema’s per onderwerp', dutchLabel));

  // Three residents in each language, about dogs and their mess only: the page lists a topic's
  // ten largest themes, and after the other browser tests' input a theme of two was not among
  // them; a word for grass would also tie these texts to the demo's input about greenery.
  const texts = {
    nl: [
      'Overal hondenpoep, de baasjes ruimen het nooit op.',
      'Hondenpoep op de stoep, baasjes ruimen niets op.',
      'Zoveel hondenpoep, de honden worden overal uitgelaten.',
    ],
    en: [
      'Dog poo everywhere, the owners never clean it up.',
      'So much dog poo, owners never pick it up.',
      'Dogs everywhere and their mess is never cleaned up.',
    ],
  };
  for (const lang of ['nl', 'en'] as const) for (const text of texts[lang]) await giveInput(browser, lang, text);
  const sent = texts.nl.length + texts.en.length;

  await staff.reload();
  const dutch = themeRows(staff, 'Thema’s per onderwerp', dutchLabel);
  await expect(dutch).toHaveCount(1);
  expect(await themeCount(dutch)).toBe(before + sent);
  await expectNoAxeViolations(staff, { context: 'insights page with themes' });

  await staff.goto('/en/manage/insights/');
  const english = themeRows(staff, 'Themes per topic', /^(dogs|dog mess|dog poo)$/);
  await expect(english).toHaveCount(1);
  expect(await themeCount(english)).toBe(before + sent);

  const example = english.getByRole('listitem').first();
  const excerpt = ((await example.locator('q').textContent()) ?? '').replace(/…$/, '');
  await example.getByRole('link', { name: 'example 1 in the queue' }).click();
  await expect(staff).toHaveURL(/\/en\/manage\/items\/[0-9a-f-]{36}$/);
  await expect(staff.getByRole('article')).toContainText(excerpt);
});
