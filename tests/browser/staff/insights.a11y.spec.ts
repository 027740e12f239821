/**
 * The insights pages and the audit log in a real browser, in Dutch and English: axe, a
 * Tab walk that reaches everything with visible focus, reflow at 320 CSS px, and the
 * charts in forced-colours mode. Like the workbench spec, it runs its own Podium in the
 * test process on an in-memory database.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Database } from '../../../api/db/client.ts';
import { submitInput } from '../../../api/services/submissions.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { logInAsStaff, startStaffPodium, type StaffPodium } from '../support/staff-podium.ts';
import { clippedElements, expectedLightStops, horizontalOverflow, tabWalk } from '../support/page-checks.ts';

const EMAIL = 'beheerder@demodam.example';
const DAY = 86_400_000;

let podium: StaffPodium;
let database: Database;
let baseUrl: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  podium = await startStaffPodium([{ email: EMAIL, displayName: 'Bea Heerder', role: 'administrator' }]);
  ({ database, baseUrl } = podium);
  // Input over three weeks, with sentiment computed on arrival, so every chart has bars.
  const texts = [
    'Prima plan, een veilige fietsroute is fijn.',
    'Dit fietspad is gevaarlijk en slecht verlicht.',
    'Wanneer begint de aanleg van de fietsroute?',
    'Slecht idee, de fietsroute kost te veel parkeerplaatsen.',
    'Goed dat de fietsroute langs het park komt.',
    'De verlichting van de fietsroute is slecht.',
  ];
  for (const [index, text] of texts.entries()) {
    await submitInput(database.db, {
      consultationSlug: 'fietsroute-stationsstraat',
      now: new Date(Date.now() - (index * 4 + 1) * DAY),
      input: { answers: { route: 'parklaan', toelichting: text }, language: 'nl', channel: 'portal' },
    });
  }
});

test.afterAll(() => podium.close());

const logIn = (page: Page, lang: 'nl' | 'en', next: string) => logInAsStaff(page, baseUrl, EMAIL, { lang, next });

/** Elements and text past the right edge, except inside a table's own scroll region. */
function pastRightEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 0.5;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node instanceof Element ? node : node.parentElement;
      if (element?.closest('.insights-table') && !(node instanceof Element && node.matches('.insights-table')))
        continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const right = node instanceof Element ? node.getBoundingClientRect().right : range.getBoundingClientRect().right;
      if (right > limit)
        found.push(
          node instanceof Element ? `${node.tagName} ${node.getAttribute('class') ?? ''}` : `"${node.textContent}"`,
        );
    }
    return found.slice(0, 5);
  });
}

async function expectFullTabWalk(page: Page): Promise<void> {
  const expected = await expectedLightStops(page);
  const stops = await tabWalk(page, { max: 400 });
  const reached = stops.map((s) => s.lightIndex);
  expect(reached.filter((i) => i !== null)).toEqual(expected);
  expect(stops.filter((s) => !s.focusVisible).map((s) => `${s.tag} ${s.name}`)).toEqual([]);
}

const PAGES = [
  { lang: 'nl', path: '/beheer/inzichten/', h1: 'Inzichten', chart: 'Sentiment per week' },
  { lang: 'en', path: '/en/manage/insights/', h1: 'Insights', chart: 'Sentiment per week' },
] as const;

for (const { lang, path, h1, chart } of PAGES) {
  test(`the insights page (${lang}) passes axe, names its charts and shows each figure as a table`, async ({
    page,
  }) => {
    await logIn(page, lang, path);
    await expect(page.getByRole('heading', { level: 1, name: h1 })).toBeVisible();
    const image = page.getByRole('img', { name: chart });
    await expect(image).toBeVisible();
    const describedBy = await image.getAttribute('aria-labelledby');
    const summary = await page.locator(`#${describedBy!.split(' ')[1]}`).textContent();
    // The demo has few classified items: the summary says so rather than naming a trend.
    expect(summary).toMatch(lang === 'nl' ? /ingedeelde bijdragen/ : /classified contributions/);
    await expect(page.locator('section.insights-figure table caption').first()).toBeVisible();
    await expect(page.locator('svg.insights-chart rect.chart-fill').first()).toBeVisible();
    // The spec's route contributions (with the demo's English one) form a theme named by the
    // word they share, with examples that open the item in the queue.
    const themes = page.getByRole('region', { name: lang === 'nl' ? 'Thema’s per onderwerp' : 'Themes per topic' });
    // The theme's cell also holds the link to its form (the administrator may adjust themes).
    await expect(themes.getByRole('cell', { name: /^route\b/ })).toBeVisible();
    const example = themes
      .getByRole('link', { name: lang === 'nl' ? 'voorbeeld 1 in de wachtrij' : 'example 1 in the queue' })
      .first();
    const href = (await example.getAttribute('href')) ?? '';
    expect(href).toMatch(lang === 'nl' ? /^\/beheer\/items\/[\w-]+$/ : /^\/en\/manage\/items\/[\w-]+$/);
    expect((await page.request.get(`${baseUrl}${href}`)).status()).toBe(200);
    await expectNoAxeViolations(page, { context: `insights page (${lang})` });
  });

  test(`every link, field and table region of the insights page (${lang}) is reached by Tab with visible focus`, async ({
    page,
  }) => {
    await logIn(page, lang, path);
    await expectFullTabWalk(page);
  });

  test(`the insights page (${lang}) reflows at 320 CSS px; wide tables scroll in their own region`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await logIn(page, lang, path);
    expect(await pastRightEdge(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
}

test('in forced-colours mode the charts are drawn in system colours and keep their patterns, and pass axe', async ({
  page,
}) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await logIn(page, 'nl', '/beheer/inzichten/');
  const colours = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'CanvasText';
    probe.style.backgroundColor = 'Canvas';
    document.body.append(probe);
    const text = getComputedStyle(probe).color;
    const canvas = getComputedStyle(probe).backgroundColor;
    probe.remove();
    const solid = document.querySelector('svg.insights-chart rect.chart-fill')!;
    const hatch = document.querySelector('svg.insights-chart pattern .chart-pattern-line')!;
    const hatchBg = document.querySelector('svg.insights-chart pattern .chart-pattern-bg')!;
    const label = document.querySelector('svg.insights-chart .chart-label')!;
    return {
      text,
      canvas,
      solid: getComputedStyle(solid).fill,
      hatchLine: getComputedStyle(hatch).stroke,
      hatchBg: getComputedStyle(hatchBg).fill,
      label: getComputedStyle(label).fill,
      patterned: document.querySelectorAll('svg.insights-chart rect.chart-patterned').length,
    };
  });
  expect(colours.solid).toBe(colours.text);
  expect(colours.hatchLine).toBe(colours.text);
  expect(colours.hatchBg).toBe(colours.canvas);
  expect(colours.label).toBe(colours.text);
  expect(colours.patterned).toBeGreaterThan(0);
  await expectNoAxeViolations(page, { context: 'insights page in forced colours' });
});

test('bad filters on the insights page lead to an error summary that takes focus and links to the field', async ({
  page,
}) => {
  await logIn(page, 'nl', '/beheer/inzichten/');
  await page.getByLabel('Van (datum)').fill('31-12-2026');
  await page.getByRole('button', { name: 'Toon cijfers' }).click();
  await expect(page.locator('#staff-error-summary')).toBeFocused();
  await expect(page).toHaveTitle(/^Fout: Inzichten/);
  await expectNoAxeViolations(page, { context: 'insights page with a bad filter' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Van (datum)')).toBeFocused();
});

const AUDIT = [
  { lang: 'nl', path: '/beheer/audit/', h1: 'Auditlog' },
  { lang: 'en', path: '/en/manage/audit/', h1: 'Audit log' },
] as const;

for (const { lang, path, h1 } of AUDIT) {
  test(`the audit log (${lang}) passes axe, is reached fully by Tab and reflows at 320 CSS px`, async ({ page }) => {
    await logIn(page, lang, path);
    await expect(page.getByRole('heading', { level: 1, name: h1 })).toBeVisible();
    await expect(page.locator('#audit-caption')).toBeVisible();
    await expectNoAxeViolations(page, { context: `audit log (${lang})` });
    await expectFullTabWalk(page);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.reload();
    expect(await pastRightEdge(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
}

const THEME_FORM = {
  nl: {
    page: '/beheer/inzichten/',
    link: /^Thema aanpassen\s*: /,
    english: 'Eigen naam (Engels, niet verplicht)',
    dutch: 'Eigen naam (Nederlands)',
    merge: 'Samenvoegen met',
    save: 'Opslaan',
    error: 'Geef ook een Nederlandse naam, of maak de Engelse naam leeg.',
    saved: 'De aanpassing is opgeslagen.',
    removed: 'De aanpassing is verwijderd: het automatische thema is terug.',
  },
  en: {
    page: '/en/manage/insights/',
    link: /^Adjust theme\s*: /,
    english: 'Own name (English, optional)',
    dutch: 'Own name (Dutch)',
    merge: 'Merge into',
    save: 'Save',
    error: 'Give a Dutch name as well, or empty the English name.',
    saved: 'The change has been saved.',
    removed: 'The change has been removed: the automatic theme is back.',
  },
} as const;

for (const lang of ['nl', 'en'] as const) {
  const m = THEME_FORM[lang];
  test(`the form that adjusts a theme (${lang}) passes axe, is reached fully by Tab, reflows at 320 px and 200% text, and refuses bad input with a summary that takes focus`, async ({
    page,
  }) => {
    await logIn(page, lang, m.page);
    const link = page.getByRole('link', { name: m.link }).first();
    const theme = ((await link.textContent()) ?? '').split(': ')[1]!;
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`‘${theme}’`);
    await expectNoAxeViolations(page, { context: `theme form (${lang})` });
    await expectFullTabWalk(page);
    // Only English given: refused, the summary takes focus and links to the Dutch field.
    await page.getByLabel(m.english).fill('Cycle route');
    await page.getByRole('button', { name: m.save }).press('Enter');
    const summary = page.locator('#staff-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(m.error);
    await expect(page.getByLabel(m.english)).toHaveValue('Cycle route');
    await expect(page.getByLabel(m.dutch)).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, { context: `theme form with errors (${lang})` });
    await page.getByLabel(m.dutch).fill('Fietsroute');
    await page.getByRole('button', { name: m.save }).click();
    await expect(page.getByRole('status')).toHaveText(m.saved);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(lang === 'nl' ? 'Fietsroute' : 'Cycle route');
    // Reflow and 200% text on the form with its notice.
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    expect(await horizontalOverflow(page), '200% text').toBeLessThanOrEqual(0);
    expect(await clippedElements(page)).toEqual([]);
    await page.evaluate(() => (document.documentElement.style.fontSize = ''));
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await pastRightEdge(page)).toEqual([]);
    expect(await horizontalOverflow(page), '320 px').toBeLessThanOrEqual(0);
    // Saved empty: the correction goes and the automatic theme is back.
    await page.getByLabel(m.dutch).fill('');
    await page.getByLabel(m.english).fill('');
    await page.getByRole('button', { name: m.save }).click();
    await expect(page.getByRole('status')).toHaveText(m.removed);
  });
}

test('in forced-colours mode the theme form keeps its fields, focus and error marks visible, and passes axe', async ({
  page,
}) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await logIn(page, 'nl', '/beheer/inzichten/');
  await page.getByRole('link', { name: THEME_FORM.nl.link }).first().click();
  await page.getByRole('button', { name: THEME_FORM.nl.save }).click();
  await expect(page.getByLabel(THEME_FORM.nl.dutch)).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, { context: 'theme form in forced colours' });
  const stops = await tabWalk(page, { max: 60 });
  expect(stops.filter((s) => !s.focusVisible).map((s) => `${s.tag} ${s.name}`)).toEqual([]);
  const select = page.getByLabel(THEME_FORM.nl.merge);
  const border = await select.evaluate((el) => getComputedStyle(el).borderTopStyle);
  expect(border).not.toBe('none');
});
