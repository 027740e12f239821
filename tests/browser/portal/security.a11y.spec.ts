/**
 * The Content-Security-Policy in a real browser: the portal and the widget work under it
 * (no violation reported, scripts run), and the archive's HTML passes axe under its own policy.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';

/** Chromium reports every blocked script, style or frame on the console. */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

for (const path of ['/', '/consultaties/fietsroute-stationsstraat/', '/embed/', '/en/api-reference/']) {
  test(`runs ${path} under the strict policy without a single violation`, async ({ page }) => {
    const violations = collectCspViolations(page);
    const response = await page.goto(path);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });
}

test('runs the embedded widget under the policy', async ({ page }) => {
  const violations = collectCspViolations(page);
  await page.goto('/embed/');
  // The widget renders into its shadow root only when its module ran.
  await expect(page.locator('podium-submit').first()).toBeAttached();
  await expect
    .poll(() =>
      page
        .locator('podium-submit')
        .first()
        .evaluate((el) => el.shadowRoot?.childElementCount ?? 0),
    )
    .toBeGreaterThan(0);
  expect(violations).toEqual([]);
});

for (const lang of ['nl', 'en'] as const) {
  test(`shows the archive of a consultation accessibly, styled under its own policy (${lang})`, async ({ page }) => {
    const violations = collectCspViolations(page);
    const response = await page.goto(`/api/consultations/parkeren-centrum/archive?format=html&lang=${lang}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toBeVisible();
    // The hashed style applied: the metadata list is a grid.
    expect(
      await page
        .locator('dl')
        .first()
        .evaluate((el) => getComputedStyle(el).display),
    ).toBe('grid');
    expect(violations).toEqual([]);
    await expectNoAxeViolations(page, { context: `archive (${lang})` });
  });
}
