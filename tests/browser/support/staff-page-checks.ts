/**
 * The checks every staff page state gets in the browser accessibility suite: axe, a visible
 * focus on every Tab stop, no sideways scrolling at 320 px or at 200 % text, and axe again in
 * forced colours (accessibility.md).
 */
import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { horizontalOverflow, tabWalk } from './page-checks.ts';

export async function checkStaffPage(page: Page, context: string): Promise<void> {
  await expectNoAxeViolations(page, { context });
  const stops = await tabWalk(page);
  expect(stops.length, `${context}: Tab reaches the controls`).toBeGreaterThan(3);
  expect(stops.filter((s) => !s.focusVisible).map((s) => `${s.tag} ${s.name}`)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await horizontalOverflow(page), `${context} at 320 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  expect(await horizontalOverflow(page), `${context} at 200% text`).toBeLessThanOrEqual(0);
  await page.evaluate(() => (document.documentElement.style.fontSize = ''));
  await page.emulateMedia({ forcedColors: 'active' });
  await expectNoAxeViolations(page, { context: `${context} in forced colours` });
  await page.emulateMedia({ forcedColors: 'none' });
}
