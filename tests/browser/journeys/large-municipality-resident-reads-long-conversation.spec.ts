/**
 * Journey on the running product at a large municipality's size (Podium as `npm start` runs
 * it, with the whole demo, thousands of generated items and a much-discussed mirrored
 * conversation; playwright.config.ts): a resident opens that conversation from the list of
 * conversations and reads it a page at a time — by keyboard to the next page, where a reply
 * to a post on the page before says whom it answers — then switches to English on the same
 * page. Every page passes axe and reflows at 320 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { LONG_CONVERSATION, TEST_LARGE_BASE_URL } from '../../support/browser-env.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { horizontalOverflow } from '../support/page-checks.ts';

test.use({ baseURL: TEST_LARGE_BASE_URL });

/** Posts shown on a page of the conversation (placeholders of withheld posts left out). */
const shownPosts = (page: Page) => page.locator('main article.podium-post:not(.podium-post--placeholder)');

async function expectReadableAt320(page: Page, context: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await horizontalOverflow(page), `${context}: horizontal scrolling at 320 px`).toBe(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a resident reads a long mirrored conversation a page at a time, by keyboard, in both languages', async ({
  page,
}) => {
  const pages = Math.ceil((LONG_CONVERSATION.replies + 1) / 100);
  await page.goto('/gesprekken/');
  await page.getByRole('link', { name: LONG_CONVERSATION.title.nl }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LONG_CONVERSATION.title.nl);
  await expect(page).toHaveTitle(new RegExp(`^${LONG_CONVERSATION.title.nl}, pagina 1 van ${pages} – `));
  await expect(shownPosts(page)).toHaveCount(100);
  const pager = page.getByRole('navigation', { name: 'Paginering' });
  await expect(pager.getByRole('link', { name: 'Pagina 1' })).toHaveAttribute('aria-current', 'page');
  await expectNoAxeViolations(page, { context: 'a long conversation, page 1' });
  await expectReadableAt320(page, 'a long conversation, page 1');

  const next = pager.getByRole('link', { name: 'Volgende pagina' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/gesprekken\/[0-9a-f-]{36}\/2\/$/);
  await expect(page).toHaveTitle(new RegExp(`, pagina 2 van ${pages} – `));
  await expect(shownPosts(page)).toHaveCount(100);
  // The page starts with replies whose posts were on the page before: each says whom it answers.
  await expect(shownPosts(page).first().locator('.podium-meta').first()).toContainText(
    /Antwoord aan (Inwoner [A-Z]|Gemeente)/,
  );
  await expect(page.locator('main')).toContainText(/Inwoner [A-G] schreef op/);
  await expect(page.locator('main')).not.toContainText(/@(anna|bram|cees|dirk|eva|fien|gijs)\b/);
  await expectNoAxeViolations(page, { context: 'a long conversation, page 2' });
  await expectReadableAt320(page, 'a long conversation, page 2');

  await page.locator('a[hreflang="en"]').first().click();
  await expect(page).toHaveURL(/\/en\/conversations\/[0-9a-f-]{36}\/2\/$/);
  await expect(page).toHaveTitle(new RegExp(`^${LONG_CONVERSATION.title.en}, page 2 of ${pages} – `));
  await expect(page.locator('main')).toContainText(/Resident [A-G] wrote on/);
  await expectNoAxeViolations(page, { context: 'a long conversation, page 2, in English' });
});
