/**
 * The checks every widget state gets in every host page (docs/accessibility brief, check
 * table): axe, the Tab walk with focus visible and not obscured at every stop, reflow, text
 * spacing, forced colours and the live region. Each returns or asserts with a message that
 * names the widget, state and host.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

/** One stop of the Tab walk, as seen from the document. */
export type Stop = {
  /** Where focus is: inside the widget, or the host page's links before/after it. */
  where: 'widget' | 'before' | 'after' | 'elsewhere';
  /** `radio:<name>` for a radio group (one stop), else `<tag>#<id> <text>`. */
  key: string;
  outline: { style: string; width: number };
  /** Some of the element's centre and corners are not covered by anything else. */
  visible: boolean;
};

/** The widget's tabbable controls in DOM order, radio groups once: the expected Tab order. */
export function tabbables(widget: Locator): Promise<string[]> {
  return widget.evaluate((host) => {
    const keys: string[] = [];
    const seen = new Set<string>();
    for (const el of host.shadowRoot!.querySelectorAll<HTMLElement>(
      'input, textarea, select, button, a[href], [tabindex]',
    )) {
      if (el.tabIndex < 0 || el.matches(':disabled') || !el.getClientRects().length) continue;
      const key =
        el instanceof HTMLInputElement && el.type === 'radio'
          ? `radio:${el.name}`
          : `${el.localName}#${el.id} ${(el.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
      if (!seen.has(key)) keys.push(key);
      seen.add(key);
    }
    return keys;
  });
}

/** Presses `key` and describes where focus landed. */
async function step(page: Page, key: 'Tab' | 'Shift+Tab', tag: string): Promise<Stop> {
  await page.keyboard.press(key);
  // What a person sees: after the next frames (the widget may scroll a covered control into
  // view). The wait and the look are one round trip to the browser: a walk has many stops.
  return page.evaluate(async (tagName) => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!(el instanceof HTMLElement))
      return { where: 'elsewhere', key: '', outline: { style: '', width: 0 }, visible: false };
    const root = el.getRootNode() as Document | ShadowRoot;
    const inWidget = root instanceof ShadowRoot && root.host.localName === tagName;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const points: Array<[number, number]> = [
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + 1, box.top + 1],
      [box.right - 1, box.top + 1],
      [box.left + 1, box.bottom - 1],
      [box.right - 1, box.bottom - 1],
    ];
    const visible = points.some(([x, y]) => {
      const hit = root.elementFromPoint(x, y);
      return (
        hit !== null &&
        (hit === el || el!.contains(hit) || (hit as Element).closest?.('label') === el!.closest('label'))
      );
    });
    return {
      where: inWidget ? 'widget' : el.id === 'before' ? 'before' : el.id === 'after' ? 'after' : 'elsewhere',
      key:
        el instanceof HTMLInputElement && el.type === 'radio'
          ? `radio:${el.name}`
          : `${el.localName}#${el.id} ${(el.textContent ?? '').replace(/\s+/g, ' ').trim()}`,
      outline: { style: style.outlineStyle, width: parseFloat(style.outlineWidth) || 0 },
      visible,
    };
  }, tag) as Promise<Stop>;
}

/**
 * Tab from the link before the widget through every control to the link after it (no trap,
 * DOM order), with a visible, unobscured focus outline at every stop; Shift+Tab walks back.
 */
export async function expectTabWalk(page: Page, widget: Locator, tag: string, context: string): Promise<void> {
  const expected = await tabbables(widget);
  await page.locator('#before').focus();
  const forward: Stop[] = [];
  for (let i = 0; i <= expected.length + 1; i++) {
    const stop = await step(page, 'Tab', tag);
    if (stop.where !== 'widget') {
      expect(stop.where, `${context}: Tab after the widget reaches the next link (no trap)`).toBe('after');
      break;
    }
    forward.push(stop);
  }
  expect(
    forward.map((stop) => stop.key),
    `${context}: every control, in order`,
  ).toEqual(expected);
  for (const stop of forward) {
    expect(stop.outline.style, `${context}: focus outline on ${stop.key}`).not.toBe('none');
    expect(stop.outline.width, `${context}: focus outline width on ${stop.key}`).toBeGreaterThanOrEqual(2);
    expect(stop.visible, `${context}: ${stop.key} is not hidden behind something when focused`).toBe(true);
  }
  const backward: string[] = [];
  for (let i = 0; i <= expected.length + 1; i++) {
    const stop = await step(page, 'Shift+Tab', tag);
    if (stop.where !== 'widget') {
      expect(stop.where, `${context}: Shift+Tab leaves the widget to the link before it`).toBe('before');
      break;
    }
    expect(stop.visible, `${context}: ${stop.key} is not hidden when focused going back`).toBe(true);
    backward.push(stop.key);
  }
  expect(backward, `${context}: Shift+Tab walks back`).toEqual([...expected].reverse());
}

/** No horizontal scroll on the page, and nothing in the widget sticks out of the widget. */
export async function expectReflow(page: Page, widget: Locator, context: string, maxWidth?: number): Promise<void> {
  const result = await widget.evaluate((host) => {
    const hostBox = host.getBoundingClientRect();
    const outside = [...host.shadowRoot!.querySelectorAll('*')]
      .filter((el) => !el.classList.contains('visually-hidden') && !el.closest('.visually-hidden'))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.right > hostBox.right + 0.5 || box.left < hostBox.left - 0.5);
      })
      .map((el) => `${el.localName}.${el.getAttribute('class') ?? ''}`);
    return {
      pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      hostWidth: hostBox.width,
      outside,
    };
  });
  expect(result.pageScrolls, `${context}: the page scrolls sideways`).toBe(false);
  expect(result.outside, `${context}: elements sticking out of the widget`).toEqual([]);
  if (maxWidth !== undefined) expect(result.hostWidth, `${context}: widget width`).toBeLessThanOrEqual(maxWidth);
}

/**
 * WCAG 1.4.12: with line height 1.5, paragraph spacing 2, letter spacing 0.12 and word
 * spacing 0.16 (in the document and every shadow root) nothing clips and nothing overflows.
 */
export async function expectTextSpacing(page: Page, widget: Locator, context: string): Promise<void> {
  const clipped = await widget.evaluate((host) => {
    const rules =
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }';
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rules);
    const roots: Array<Document | ShadowRoot> = [document, host.shadowRoot!];
    for (const root of roots) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    const found = [...host.shadowRoot!.querySelectorAll<HTMLElement>('*')]
      .filter((el) => !el.closest('.visually-hidden'))
      .filter((el) => {
        const style = getComputedStyle(el);
        const clips = /hidden|clip/.test(style.overflowX + style.overflowY);
        return clips && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
      })
      .map((el) => `${el.localName}.${el.getAttribute('class') ?? ''}`);
    const hostBox = host.getBoundingClientRect();
    const outside = [...host.shadowRoot!.querySelectorAll('*')]
      .filter((el) => !el.closest('.visually-hidden'))
      .filter((el) => el.getBoundingClientRect().right > hostBox.right + 0.5)
      .map((el) => `${el.localName}.${el.getAttribute('class') ?? ''}`);
    for (const root of roots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    return [...found, ...outside];
  });
  expect(clipped, `${context}: clipped or overflowing with WCAG text spacing`).toEqual([]);
}

/** Forced colours: the first control still shows a focus outline, buttons keep a border. */
export async function expectForcedColours(page: Page, widget: Locator, context: string): Promise<void> {
  await page.emulateMedia({ forcedColors: 'active' });
  try {
    const first = (await tabbables(widget))[0];
    if (first) {
      await page.locator('#before').focus();
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        const style = getComputedStyle(el!);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) || 0 };
      });
      expect(outline.style, `${context}: focus outline in forced colours`).not.toBe('none');
      expect(outline.width, `${context}: focus outline width in forced colours`).toBeGreaterThanOrEqual(2);
    }
    const borderless = await widget.evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll<HTMLElement>('.button')]
        .filter(
          (el) => getComputedStyle(el).borderStyle === 'none' || parseFloat(getComputedStyle(el).borderWidth) === 0,
        )
        .map((el) => el.textContent?.trim()),
    );
    expect(borderless, `${context}: buttons without a border in forced colours`).toEqual([]);
  } finally {
    await page.emulateMedia({ forcedColors: 'none' });
  }
}

/** One polite live region, holding `text` (or anything, when undefined). */
export async function expectLiveRegion(widget: Locator, context: string, text?: string | RegExp): Promise<void> {
  const regions = widget.locator('[role="status"], [role="alert"], [aria-live]');
  await expect(regions, `${context}: one live region`).toHaveCount(1);
  await expect(regions).toHaveAttribute('aria-live', 'polite');
  if (text !== undefined) await expect(regions, `${context}: live region text`).toHaveText(text);
}

export async function expectAxe(page: Page, tag: string, context: string): Promise<void> {
  await expectNoAxeViolations(page, { include: tag, context });
}
