/**
 * Checks of accessibility.md that axe does not make, run in the page. Each returns what it
 * found, so a failing assertion names the element.
 */
import type { Page } from '@playwright/test';

export type FocusStop = {
  /** Stable identity within the page: light-DOM index, or host index and inner index. */
  key: string;
  tag: string;
  name: string;
  /** Light DOM only: its position among the page's focusable elements. */
  lightIndex: number | null;
  focusVisible: boolean;
  /** True when some other element covers the focused one at its centre and all corners. */
  obscured: boolean;
};

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Where the keyboard focus is now, walking into open shadow roots. */
export function focusStop(page: Page): Promise<FocusStop | null> {
  return page.evaluate((selector) => {
    let active: Element | null = document.activeElement;
    let host: Element | null = null;
    while (active?.shadowRoot?.activeElement) {
      host = active;
      active = active.shadowRoot.activeElement;
    }
    if (!active || active === document.body || active === document.documentElement) return null;
    const light = [...document.querySelectorAll(selector)];
    const lightIndex = host ? null : light.indexOf(active);
    const key = host
      ? `host${light.indexOf(host) >= 0 ? light.indexOf(host) : [...document.querySelectorAll('*')].indexOf(host)}:${[
          ...(host.shadowRoot?.querySelectorAll(selector) ?? []),
        ].indexOf(active)}`
      : `light${lightIndex}`;
    const style = getComputedStyle(active);
    const focusVisible =
      (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
    const rect = active.getBoundingClientRect();
    const root = active.getRootNode() as Document | ShadowRoot;
    const points: Array<[number, number]> = [
      [rect.left + rect.width / 2, rect.top + rect.height / 2],
      [rect.left + 1, rect.top + 1],
      [rect.right - 1, rect.top + 1],
      [rect.left + 1, rect.bottom - 1],
      [rect.right - 1, rect.bottom - 1],
    ];
    const covered = points.every(([x, y]) => {
      const hit = root.elementFromPoint(x, y);
      return hit !== null && hit !== active && !active.contains(hit) && !hit.contains(active);
    });
    const name = (active.getAttribute('aria-label') ?? active.textContent ?? '').trim().replace(/\s+/g, ' ');
    return {
      key,
      tag: active.tagName.toLowerCase() + (active.getAttribute('type') ? `[type=${active.getAttribute('type')}]` : ''),
      name: name.slice(0, 60),
      lightIndex,
      focusVisible,
      obscured: covered,
    };
  }, FOCUSABLE);
}

/** Presses Tab (or Shift+Tab) until focus leaves the page or comes back round; returns the stops. */
export async function tabWalk(page: Page, options: { reverse?: boolean; max?: number } = {}): Promise<FocusStop[]> {
  const key = options.reverse ? 'Shift+Tab' : 'Tab';
  const stops: FocusStop[] = [];
  for (let i = 0; i < (options.max ?? 150); i += 1) {
    await page.keyboard.press(key);
    const stop = await focusStop(page);
    if (!stop || stops.some((seen) => seen.key === stop.key)) break;
    stops.push(stop);
  }
  return stops;
}

/**
 * The light-DOM elements a Tab walk must reach, in DOM order: visible focusables, one
 * per radio group (only one radio of a group is in the tab order).
 */
export function expectedLightStops(page: Page): Promise<number[]> {
  return page.evaluate((selector) => {
    const all = [...document.querySelectorAll<HTMLElement>(selector)];
    const seenGroups = new Set<string>();
    const indexes: number[] = [];
    all.forEach((element, index) => {
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') return;
      if (rect.width === 0 && rect.height === 0 && !element.matches('.podium-skip-link')) return;
      if (element instanceof HTMLInputElement && element.type === 'radio') {
        if (seenGroups.has(element.name)) return;
        seenGroups.add(element.name);
      }
      indexes.push(index);
    });
    return indexes;
  }, FOCUSABLE);
}

/** Width of the document beyond the viewport, in CSS px (0 when nothing scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** WCAG 1.4.12 spacing, applied to the document and every open shadow root. */
export async function applyTextSpacing(page: Page): Promise<void> {
  await addUserStyle(
    page,
    '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }',
    { shadowRoots: true },
  );
}

/**
 * Adds a style the way a reader's own settings or extension would: as a constructed
 * stylesheet, which the page's Content-Security-Policy does not block (a `<style>` element
 * would be refused under `style-src 'self'`, as it should be).
 */
export async function addUserStyle(page: Page, css: string, options: { shadowRoots?: boolean } = {}): Promise<void> {
  await page.evaluate(
    ({ css, shadowRoots }) => {
      const roots: Array<Document | ShadowRoot> = [document];
      if (shadowRoots)
        for (const element of document.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
      for (const root of roots) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }
    },
    { css, shadowRoots: options.shadowRoots ?? false },
  );
}

/**
 * Elements whose content is cut off: overflow hidden or clip, and content larger than the
 * box. Visually hidden text (a 1 px clipped box on purpose) does not count.
 */
export function clippedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll<HTMLElement>('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        const style = getComputedStyle(element);
        const clips = /hidden|clip/.test(style.overflowX + style.overflowY);
        if (!clips || element.clientWidth <= 1 || element.clientHeight <= 1) continue;
        if (element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1) {
          found.push(
            `${element.tagName.toLowerCase()}.${element.className} "${element.textContent?.trim().slice(0, 40)}"`,
          );
        }
      }
    };
    visit(document);
    return found;
  });
}

/**
 * Controls that are not links inside running text and are smaller than the size given
 * (WCAG 2.5.8 asks 24 × 24; our design rule is 44 × 44 for buttons and stand-alone links).
 */
export function smallTargets(page: Page, minimum: number): Promise<string[]> {
  return page.evaluate((min) => {
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')) {
      if (element.matches('.podium-visually-hidden, .podium-skip-link, input[type=hidden]')) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      // A link inside a sentence is exempt (its size follows the text).
      if (element.tagName === 'A' && style.display === 'inline') continue;
      // A radio or checkbox counts together with its label: clicking either one checks it.
      const label =
        element instanceof HTMLInputElement && /radio|checkbox/.test(element.type) ? element.labels?.[0] : undefined;
      const own = element.getBoundingClientRect();
      const other = label?.getBoundingClientRect() ?? own;
      const rect = {
        width: Math.max(own.right, other.right) - Math.min(own.left, other.left),
        height: Math.max(own.bottom, other.bottom) - Math.min(own.top, other.top),
      };
      if (rect.width === 0 && rect.height === 0) continue;
      if (rect.width < min || rect.height < min) {
        found.push(
          `${element.tagName.toLowerCase()} "${(element.textContent ?? element.getAttribute('name') ?? '').trim().slice(0, 40)}" ${Math.round(rect.width)}×${Math.round(rect.height)}`,
        );
      }
    }
    return found;
  }, minimum);
}

/** Animations still running (CSS animations and transitions, Web Animations). */
export function runningAnimations(page: Page): Promise<number> {
  return page.evaluate(() => document.getAnimations().filter((animation) => animation.playState === 'running').length);
}
