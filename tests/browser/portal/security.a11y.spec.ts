/**
 * The Content-Security-Policy in a real browser: the portal and the widget work under it
 * (no violation reported, scripts run), and the archive's HTML passes axe under its own policy.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { expect, test, type Page } from '@playwright/test';
import { createApp } from '../../../api/app.ts';
import { openDatabase, type Database } from '../../../api/db/client.ts';
import { DEFAULT_RATE_LIMITS } from '../../../api/services/rate-limit.ts';
import { seedDemoData } from '../../../api/services/seed.ts';
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

test.describe('the “too many requests” page', () => {
  let database: Database;
  let server: ServerType;
  let baseUrl: string;

  test.beforeAll(async () => {
    // A Podium of its own with a limit of one look-up, so the second visit meets the limit.
    database = await openDatabase({ dataDir: 'memory' });
    await database.migrate();
    await seedDemoData(database.db);
    const rateLimits = { ...DEFAULT_RATE_LIMITS, follow_up: { limit: 1, windowSeconds: 600 } };
    const app = createApp({ db: database.db, databaseKind: database.kind, rateLimits });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  });

  for (const [lang, path, heading] of [
    ['nl', '/volg/AAAA-AAAA-AAAA/', 'Te veel verzoeken'],
    ['en', '/en/follow-up/AAAA-AAAA-AAAA/', 'Too many requests'],
  ] as const) {
    test(`says when to try again, accessibly (${lang})`, async ({ page }) => {
      await page.goto(`${baseUrl}${path}`);
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status()).toBe(429);
      expect(response?.headers()['retry-after']).toMatch(/^\d+$/);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
      await expectNoAxeViolations(page, { context: `429 page (${lang})` });
    });
  }
});
