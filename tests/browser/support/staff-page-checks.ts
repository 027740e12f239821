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

/** The form fields' roles whose accessible names must differ; radios are told apart by their group. */
const NAMED_FIELDS = new Set(['textbox', 'combobox', 'checkbox', 'spinbutton', 'searchbox']);

/**
 * The accessible names of the page's form fields as Chromium computes them (the accessibility
 * tree, as a screen reader gets it), in page order.
 */
export async function fieldNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: Array<{ ignored?: boolean; role?: { value?: string }; name?: { value?: string } }>;
    };
    return nodes
      .filter((node) => !node.ignored && NAMED_FIELDS.has(String(node.role?.value)))
      .map((node) => String(node.name?.value ?? ''));
  } finally {
    await cdp.detach();
  }
}

/**
 * Every form field on the page has a name of its own, so a screen-reader user tabbing through
 * rows of the same fields knows which row each belongs to (WCAG 2.4.6).
 */
export async function expectUniqueFieldNames(page: Page, context: string): Promise<string[]> {
  const names = await fieldNames(page);
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  expect(repeated, `${context}: field names said more than once`).toEqual([]);
  return names;
}
