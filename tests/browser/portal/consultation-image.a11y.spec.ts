/**
 * A consultation page with an image (the demo's route map on the cycle route consultation),
 * in both languages: the image has its alternative text in the page's language, its width
 * and height (no layout shift), loads lazily from its content-hashed address with the right
 * type, nosniff and a year's immutable caching, and the page passes axe.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';

const PAGES = [
  {
    path: '/consultaties/fietsroute-stationsstraat/',
    alt: /^Schematische kaart van de Stationsstraat\. De nieuwe fietsroute loopt als rode lijn/,
    caption: 'De route zoals Team Verkeer hem nu voorstelt.',
  },
  {
    path: '/en/consultations/fietsroute-stationsstraat/',
    alt: /^Schematic map of Stationsstraat\. The new cycle route runs as a red line/,
    caption: 'The route as the traffic team proposes it now.',
  },
];

for (const { path, alt, caption } of PAGES) {
  test(`${path} shows the route map with its alternative text and size, and passes axe`, async ({ page }) => {
    await page.goto(path);
    const figure = page.locator('main figure.podium-figure');
    const image = figure.locator('img');
    await expect(image).toHaveAttribute('alt', alt);
    await expect(image).toHaveAttribute('width', '640');
    await expect(image).toHaveAttribute('height', '360');
    await expect(image).toHaveAttribute('loading', 'lazy');
    await expect(figure.locator('figcaption')).toHaveText(caption);
    // Its box has the image's proportions before and after it loads.
    const box = await image.boundingBox();
    expect(Math.abs(box!.height - (box!.width * 360) / 640)).toBeLessThan(2);

    const src = (await image.getAttribute('src')) ?? '';
    expect(src).toMatch(/^\/api\/consultation-images\/[0-9a-f]{64}\.png$/);
    const response = await page.request.get(src);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);

    await expectNoAxeViolations(page, { context: `${path} with an image` });
  });
}
