/**
 * Helpers for the widget specs: the widget on the embed demo page, its live region, the
 * deep active element (through shadow roots), and the demo consultation filled in.
 * Playwright's CSS and role locators pierce open shadow roots, so most of this is plain
 * locators; only focus needs a walk through `shadowRoot.activeElement`.
 */
import { expect, type APIRequestContext, type Locator, type Page, type Request } from '@playwright/test';

export const DEMO_SLUG = 'fietsroute-stationsstraat';
export const PENDING_KEY = `podium-submit:pending:${DEMO_SLUG}`;
export const FOLLOW_UP_CODE = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET of the consultation itself (not of its submissions). */
export const isConsultationGet = (url: URL): boolean => url.pathname === `/api/consultations/${DEMO_SLUG}`;
/** POST of input. */
export const isSubmission = (url: URL): boolean => url.pathname === `/api/consultations/${DEMO_SLUG}/submissions`;

export function widget(page: Page): Locator {
  return page.locator('podium-submit');
}

/** The widget's live region (CSS locators pierce the open shadow root). */
export function liveRegion(page: Page): Locator {
  return widget(page).locator('[role="status"]');
}

/** Opens the embed demo page and waits until the form is there. */
export async function openEmbed(page: Page, lang: 'nl' | 'en' = 'nl'): Promise<void> {
  await page.goto(lang === 'nl' ? '/embed/' : '/en/embed/');
  await expect(widget(page).locator('form')).toBeVisible();
}

/** What has focus, seen through shadow roots. */
export type FocusInfo = {
  /** `input[radio]#answer-route-0`, `button`, `a` … */
  tag: string;
  id: string;
  /** Label text, or the text of a button or link, whitespace collapsed. */
  name: string;
  /** The form field name (radios of one group share it). */
  field: string;
  /** Inside <podium-submit>'s shadow root. */
  inWidget: boolean;
  className: string;
};

/** The deep active element: document.activeElement, then each shadowRoot.activeElement. */
export function deepActive(page: Page): Promise<FocusInfo> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return { tag: '', id: '', name: '', field: '', inWidget: false, className: '' };
    const root = element.getRootNode();
    const inWidget = root instanceof ShadowRoot && root.host.localName === 'podium-submit';
    const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    let name = element.getAttribute('aria-label') ?? '';
    if (!name && element.id && (root instanceof ShadowRoot || root instanceof Document))
      name = clean(root.querySelector(`label[for="${element.id}"]`)?.textContent);
    if (!name) name = clean(element.closest('label')?.textContent);
    if (!name) name = clean(element.textContent);
    const type = element.getAttribute('type');
    return {
      tag: element.localName + (type ? `[${type}]` : ''),
      id: element.id,
      name,
      field: element.getAttribute('name') ?? '',
      inWidget,
      className: element.getAttribute('class') ?? '',
    };
  });
}

/**
 * One Tab stop as text: radios by their group (Tab enters a group once, at the checked
 * option, else the first going forward and the last going back), everything else by name.
 */
export function tabStop(focus: FocusInfo): string {
  return focus.tag === 'input[radio]' ? `radio group ${focus.field}` : `${focus.tag} ${focus.name}`;
}

/** Fills every question kind of the demo consultation by keyboard and label. */
export async function fillDemoForm(page: Page, text = 'Graag meer licht bij het fietspad.'): Promise<void> {
  const root = widget(page);
  // Radio group: focus the first option, then the arrow key chooses the next (ARIA APG).
  await root.getByRole('radio', { name: 'Door de Stationsstraat' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(root.getByRole('radio', { name: 'Langs de Parklaan' })).toBeChecked();
  // Scale: the options are radios named by their number.
  await root.getByRole('radio', { name: '4', exact: true }).check();
  // Multiple choice: Space toggles a focused checkbox.
  await root.getByRole('checkbox', { name: 'Goede verlichting' }).focus();
  await page.keyboard.press('Space');
  await root.getByRole('checkbox', { name: 'Fietsenstallingen' }).check();
  await root.getByLabel('Wat wilt u ons verder meegeven?').fill(text);
  await root.getByRole('textbox', { name: /^Naam/ }).fill('Jan Jansen');
  await root.getByRole('textbox', { name: /^E-mailadres/ }).fill('jan@example.com');
  await root.getByRole('checkbox', { name: /Ik geef toestemming/ }).check();
}

/** How many non-rejected submissions the consultation has, from the public API. */
export async function submissionCount(request: APIRequestContext): Promise<number> {
  const response = await request.get(`/api/consultations/${DEMO_SLUG}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { submissionCount: number }).submissionCount;
}

/** A gate a route handler can wait on: `await gate.wait` until the test calls `gate.open()`. */
export function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

/** Records every POST of input the page makes, with its Idempotency-Key. */
export function recordSubmissions(page: Page): Array<{ request: Request; key: string | undefined }> {
  const seen: Array<{ request: Request; key: string | undefined }> = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && isSubmission(new URL(request.url())))
      seen.push({ request, key: request.headers()['idempotency-key'] });
  });
  return seen;
}
