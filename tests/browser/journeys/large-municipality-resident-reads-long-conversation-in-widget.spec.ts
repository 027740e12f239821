/**
 * Journey on the running product at a large municipality's size (Podium as `npm start` runs
 * it, with the whole demo, thousands of generated items and a much-discussed mirrored
 * conversation; playwright.config.ts): on the council's own website, whose page embeds
 * `<podium-thread>` for the parking consultation, a resident reads that conversation a page
 * at a time — by keyboard to the next page, where focus lands on the conversation's heading,
 * the new page is said, and a reply to a post on the page before says whom it answers — on
 * a Dutch page and on an English one. The widget never receives the whole conversation.
 */
import { expect, type Page } from '@playwright/test';
import { LONG_CONVERSATION, TEST_LARGE_BASE_URL } from '../../support/browser-env.ts';
import { widgetExamples } from '../../../widgets/examples.ts';
import { openHostPage, test } from '../support/host-pages.ts';
import { expectAxe, expectLiveRegion, expectReflow } from '../support/widget-checks.ts';

const threadWidget = widgetExamples.find((examples) => examples.tag === 'podium-thread')!;
const total = LONG_CONVERSATION.replies + 1;
/** The widget's default page size. */
const pageSize = 20;
const pages = Math.ceil(total / pageSize);

/** Every thread page the widget asks for, with the number of posts it was sent. */
function recordThreadPages(page: Page): Array<{ url: string; posts: number }> {
  const seen: Array<{ url: string; posts: number }> = [];
  page.on('response', async (response) => {
    if (!/\/api\/threads\/[0-9a-f-]{36}\?/.test(response.url())) return;
    const body = (await response.json()) as { posts: unknown[]; earlier: unknown[] };
    seen.push({ url: response.url(), posts: body.posts.length + body.earlier.length });
  });
  return seen;
}

for (const { lang, next, previous, pageOf, range, replyTo } of [
  {
    lang: 'nl' as const,
    next: 'Volgende pagina',
    previous: 'Vorige pagina',
    pageOf: (n: number) => `Pagina ${n} van ${pages}`,
    range: (from: number, to: number) => `Bericht ${from} tot en met ${to} van ${total}`,
    replyTo: /Antwoord aan (Inwoner [A-Z]|Gemeente)/,
  },
  {
    lang: 'en' as const,
    next: 'Next page',
    previous: 'Previous page',
    pageOf: (n: number) => `Page ${n} of ${pages}`,
    range: (from: number, to: number) => `Posts ${from} to ${to} of ${total}`,
    replyTo: /Reply to (Resident [A-Z]|Gemeente)/,
  },
]) {
  test(`a resident reads a long mirrored conversation in the widget on the council’s site a page at a time, by keyboard (${lang})`, async ({
    page,
    hostServer,
  }) => {
    const requests = recordThreadPages(page);
    await openHostPage(page, hostServer, {
      host: 'plain',
      widget: threadWidget,
      podium: TEST_LARGE_BASE_URL,
      lang,
      attributes: { consultation: 'parkeren-centrum' },
    });
    const element = page.locator('podium-thread');
    const heading = element.getByRole('heading', { name: LONG_CONVERSATION.title[lang], level: 2 });
    await expect(heading).toBeVisible();
    await expect(element.getByText(range(1, pageSize))).toBeVisible();
    const pager = element.locator('[part="pager"]');
    await expect(pager).toContainText(pageOf(1));
    await expect(pager.getByRole('button', { name: previous })).toHaveCount(0);
    await expectAxe(page, 'podium-thread', `long conversation in the widget, page 1 (${lang})`);

    // By keyboard, as a resident who does not use a mouse: Tab until the next-page button.
    const nextButton = pager.getByRole('button', { name: next });
    for (let presses = 0; presses < 400; presses++) {
      if (await nextButton.evaluate((button) => button.matches(':focus'))) break;
      await page.keyboard.press('Tab');
    }
    await expect(nextButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(pager).toContainText(pageOf(2));
    await expect(heading).toBeFocused();
    await expectLiveRegion(element, `page 2 (${lang})`, pageOf(2));
    await expect(element.getByText(range(pageSize + 1, 2 * pageSize))).toBeVisible();
    // The page starts with replies whose posts were on the page before: each says whom it answers.
    await expect(element.locator('article[part="post"] .meta').first()).toContainText(replyTo);
    await expect(element).not.toContainText(/@(anna|bram|cees|dirk|eva|fien|gijs)\b/);
    await expectAxe(page, 'podium-thread', `long conversation in the widget, page 2 (${lang})`);
    await page.setViewportSize({ width: 320, height: 640 });
    await expectReflow(page, element, `long conversation in the widget, page 2 at 320 px (${lang})`);
    await page.setViewportSize({ width: 1280, height: 800 });

    // And back.
    await pager.getByRole('button', { name: previous }).press('Enter');
    await expect(pager).toContainText(pageOf(1));
    await expect(heading).toBeFocused();

    // Each answer held a page and the posts above it, never the whole conversation.
    expect(requests.length).toBeGreaterThanOrEqual(3);
    for (const request of requests) expect(request.posts, request.url).toBeLessThan(pageSize * 2);
  });
}
