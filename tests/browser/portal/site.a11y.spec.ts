import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';
import { builtSitemapPaths } from '../support/portal.ts';

/**
 * The pages come from the built sitemap, read when the tests are collected: a page added
 * to the site is checked without anyone adding it here.
 */
const paths = builtSitemapPaths();

test.describe('every page of the built site', () => {
  test('the sitemap lists the pages of both languages', () => {
    expect(paths.length).toBeGreaterThan(20);
    expect(paths).toEqual(expect.arrayContaining(['/', '/en/', '/toegankelijkheid/', '/en/accessibility/']));
  });

  for (const path of paths) {
    test(`${path} has no axe violations and says its language`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', path.startsWith('/en/') ? 'en' : 'nl');
      await expectNoAxeViolations(page, { context: path });
    });
  }

  test('gives every page a title unique in its language, ending in the site and municipality, and the same main navigation', async ({
    request,
  }) => {
    const titles = new Map<string, string>();
    const navigation: Partial<Record<'nl' | 'en', string>> = {};
    for (const path of paths) {
      const html = await (await request.get(path)).text();
      const title = html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '';
      expect(title, path).toMatch(/ – Podium – Gemeente Demodam$/);
      const lang = path.startsWith('/en/') ? 'en' : 'nl';
      // Unique within a language; a page and its translation may share a word such as "Contact".
      const key = `${lang}:${title}`;
      expect(titles.get(key), `${path} shares its title with ${titles.get(key)}`).toBeUndefined();
      titles.set(key, path);
      const nav = html.match(/<nav class="podium-nav"[\s\S]*?<\/nav>/)?.[0];
      expect(nav, `${path} has the main navigation`).toBeDefined();
      // aria-current marks the page itself; apart from that the menu is the same everywhere.
      const comparable = nav!.replace(/\s*aria-current="page"/g, '');
      if (navigation[lang] === undefined) navigation[lang] = comparable;
      else expect(comparable, path).toBe(navigation[lang]);
    }
  });

  test('links each page to its counterpart in the other language', async ({ page }) => {
    for (const [path, counterpart] of [
      ['/', '/en/'],
      ['/consultaties/fietsroute-stationsstraat/', '/en/consultations/fietsroute-stationsstraat/'],
      ['/en/topics/mobiliteit/', '/onderwerpen/mobiliteit/'],
    ] as const) {
      await page.goto(path);
      await expect(page.locator(`a[hreflang][href="${counterpart}"]`)).toHaveCount(1);
    }
  });

  test('answers an unknown address with the 404 page, which passes axe', async ({ page }) => {
    const response = await page.goto('/bestaat-niet/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, { context: '404' });
  });

  test('starts each page with a skip link to the main content', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Naar de inhoud' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});
