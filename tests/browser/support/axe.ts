/**
 * axe-core with the WCAG 2.2 AA tags we hold every page and widget state to. Zero
 * violations is the bar; an exception would go in IGNORED with the rule, reason and link.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Rules switched off, each with why. Empty: nothing is excused so far. */
const IGNORED: Array<{ rule: string; reason: string; link: string }> = [];

export async function expectNoAxeViolations(
  page: Page,
  options: { include?: string; context?: string } = {},
): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (IGNORED.length > 0) builder = builder.disableRules(IGNORED.map((entry) => entry.rule));
  if (options.include) builder = builder.include(options.include);
  const { violations } = await builder.analyze();
  const summary = violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
  expect(summary, `axe violations on ${options.context ?? page.url()}`).toEqual([]);
}

/**
 * axe needs script to run, so for a page opened with JavaScript disabled it checks a copy:
 * the same HTML at the same address, in a context where scripts may run.
 */
export async function expectNoAxeViolationsInCopy(page: Page, context: string): Promise<void> {
  const browser = page.context().browser();
  if (!browser) throw new Error('No browser to open the copy in');
  const html = await page.content();
  const url = page.url();
  const copyContext = await browser.newContext({ javaScriptEnabled: true });
  try {
    const copy = await copyContext.newPage();
    await copy.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await copy.goto(url);
    await expectNoAxeViolations(copy, { context });
  } finally {
    await copyContext.close();
  }
}
