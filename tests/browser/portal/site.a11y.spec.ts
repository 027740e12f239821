import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';
import { sitemapPaths } from '../support/portal.ts';

test.describe('every page of the built site', () => {
  test('has no axe violations, the right language, a unique title and the same main navigation', async ({ page }) => {
    // One test crawls every page (about 20 s alone); on two shared cores it needs more room.
    test.setTimeout(90_000);
    const paths = await sitemapPaths(page);
    expect(paths.length).toBeGreaterThan(10);
    expect(paths).toContain('/');
    expect(paths).toContain('/en/');

    const titles = new Map<string, string>();
    let navigation: { nl?: string[]; en?: string[] } = {};
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const lang = path.startsWith('/en/') ? 'en' : 'nl';
      await expect(page.locator('html'), path).toHaveAttribute('lang', lang);
      await expectNoAxeViolations(page, { context: path });

      const title = await page.title();
      expect(title, path).toMatch(/ – Podium – Gemeente Demodam$/);
      expect(titles.get(title), `${path} shares its title with another page`).toBeUndefined();
      titles.set(title, path);

      const links = await page
        .locator('nav[aria-labelledby] a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      const expected = navigation[lang];
      if (expected) expect(links, path).toEqual(expected);
      else navigation = { ...navigation, [lang]: links };
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
