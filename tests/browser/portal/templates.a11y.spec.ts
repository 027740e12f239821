/**
 * Every page template of the portal, checked for what axe cannot see (accessibility.md):
 * keyboard order and focus, reflow, text spacing, 200% text, forced colours, reduced
 * motion, target size, and the landmark and heading outline.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_REJECTED_CODE } from '../../../api/services/seed.ts';
import { builtSitemapPaths } from '../support/portal.ts';
import {
  addUserStyle,
  applyTextSpacing,
  clippedElements,
  expectedLightStops,
  focusStop,
  horizontalOverflow,
  runningAnimations,
  smallTargets,
  tabWalk,
} from '../support/page-checks.ts';

type Template = { name: string; path: string; h1: string | RegExp; h2?: string[] };

const FRAME_H2 = { nl: ['Hoofdmenu', 'Over deze website'], en: ['Main menu', 'About this website'] };

const templates: Template[] = [
  { name: 'home', path: '/', h1: 'Denk mee met uw gemeente', h2: ['Nu open', 'Recent beantwoord', 'Onderwerpen'] },
  { name: 'home in English', path: '/en/', h1: 'Have your say in your municipality', h2: ['Open now'] },
  { name: 'topics', path: '/onderwerpen/', h1: 'Onderwerpen' },
  { name: 'topic', path: '/onderwerpen/mobiliteit/', h1: 'Mobiliteit en vervoer' },
  {
    name: 'open consultation with its form',
    path: '/consultaties/fietsroute-stationsstraat/',
    h1: 'Nieuwe fietsroute Stationsstraat',
    h2: [
      'Wat vragen we u?',
      'In het kort',
      'Waarom vragen we dit?',
      'Wat gebeurt er met uw reactie?',
      'Hoe gaat het verder?',
      'Geef uw reactie',
    ],
  },
  {
    name: 'decided consultation',
    path: '/en/consultations/parkeren-centrum/',
    h1: 'Parking in the town centre',
    h2: [
      'What are we asking?',
      'At a glance',
      'Why are we asking?',
      'What happens with your response?',
      'What happens next?',
      'You said, we did',
    ],
  },
  { name: 'responses, second page', path: '/consultaties/parkeren-centrum/reacties/2/', h1: 'U zei, wij deden' },
  { name: 'outcomes', path: '/uitkomsten/', h1: 'Gesloten consultaties en hun uitkomst' },
  {
    name: 'mirrored conversation',
    // Its address holds the thread's id, which the database chose: take it from the sitemap.
    path: builtSitemapPaths().find((path) => /^\/gesprekken\/[^/]+\/$/.test(path)) ?? '/gesprekken/(missing)/',
    h1: 'Gesprek op Mastodon over de fietsroute',
    h2: ['Berichten'],
  },
  {
    name: 'all mirrored conversations',
    path: '/gesprekken/',
    h1: 'Gesprekken op sociale media',
    h2: ['Gesprek op Mastodon over de fietsroute'],
  },
  { name: 'all mirrored conversations in English', path: '/en/conversations/', h1: 'Conversations on social media' },
  { name: 'follow-up lookup', path: '/volg/', h1: 'Volg uw reactie' },
  {
    name: 'follow-up of a rejected response',
    path: `/volg/${DEMO_REJECTED_CODE}/`,
    h1: 'Volg uw reactie',
    h2: ['Status van uw reactie', 'Waarom is uw reactie afgewezen?', 'Antwoord van de gemeente', 'Uw reactie'],
  },
  { name: 'confirmation', path: '/en/confirmation/', h1: 'Confirmation of your response' },
  {
    name: 'accessibility statement',
    path: '/toegankelijkheid/',
    h1: 'Toegankelijkheidsverklaring',
    h2: [
      'Waar gaat deze verklaring over?',
      'Hoe toegankelijk is deze website?',
      'Onderzoeken',
      'Wat werkt nog niet goed?',
    ],
  },
  { name: 'privacy statement', path: '/en/privacy/', h1: 'Privacy statement' },
  { name: 'house rules', path: '/huisregels/', h1: 'Huisregels', h2: ['Respectvol', 'Bij het onderwerp'] },
  { name: 'contact', path: '/contact/', h1: 'Contact' },
  { name: 'embed documentation', path: '/embed/', h1: 'Reageren vanaf uw eigen website' },
  { name: 'API reference', path: '/en/api-reference/', h1: 'API reference' },
];

const langOf = (path: string) => (path.startsWith('/en/') ? 'en' : 'nl');

/**
 * Opens a page and waits until its live parts (Podium widgets) have loaded and rendered,
 * so every check sees the page a reader meets, not one whose controls are still appearing.
 */
async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForFunction(async () => {
    const widgets = [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('podium-'));
    for (const widget of widgets) {
      const state = widget as Element & { loadState?: string; updateComplete?: Promise<unknown> };
      if (!customElements.get(widget.localName) || state.loadState === 'loading') return false;
      await state.updateComplete;
    }
    return true;
  });
}

/** Landmarks and headings in document order, as a screen reader's lists show them. */
function outline(page: Page) {
  return page.evaluate(() => {
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .filter((h) => !h.closest('[hidden]'))
      .map((h) => ({ level: Number(h.tagName[1]), text: (h.textContent ?? '').trim().replace(/\s+/g, ' ') }));
    const landmarks = [...document.querySelectorAll('header, nav, main, footer, aside, [role=search]')]
      .filter((element) => !element.closest('article, section') || element.tagName === 'NAV')
      .map((element) => element.tagName.toLowerCase());
    return { headings, landmarks };
  });
}

for (const template of templates) {
  test.describe(`the ${template.name} page (${template.path})`, () => {
    test('has one main, the page frame landmarks and a heading outline without skipped levels', async ({ page }) => {
      await open(page, template.path);
      const lang = langOf(template.path);
      const { headings, landmarks } = await outline(page);
      expect(landmarks.filter((l) => l === 'main')).toHaveLength(1);
      expect(landmarks).toEqual(expect.arrayContaining(['header', 'nav', 'main', 'footer']));
      const h1s = headings.filter((h) => h.level === 1);
      expect(h1s).toHaveLength(1);
      if (typeof template.h1 === 'string') expect(h1s[0]!.text).toBe(template.h1);
      else expect(h1s[0]!.text).toMatch(template.h1);
      // Each heading is at most one level deeper than the one before it.
      headings.reduce((previous, heading) => {
        expect(heading.level, `"${heading.text}" follows an h${previous}`).toBeLessThanOrEqual(previous + 1);
        return heading.level;
      }, 2);
      const h2 = headings.filter((h) => h.level === 2).map((h) => h.text);
      expect(h2[0]).toBe(FRAME_H2[lang][0]);
      expect(h2.at(-1)).toBe(FRAME_H2[lang][1]);
      if (template.h2) expect(h2.filter((text) => template.h2!.includes(text))).toEqual(template.h2);

      await expect(
        page.getByRole('navigation', { name: lang === 'nl' ? 'Hoofdmenu' : 'Main menu' }),
      ).toMatchAriaSnapshot(
        lang === 'nl'
          ? `
            - navigation "Hoofdmenu":
              - heading "Hoofdmenu" [level=2]
              - list:
                - listitem:
                  - link "Start"
                - listitem:
                  - link "Onderwerpen"
                - listitem:
                  - link "Uitkomsten"
                - listitem:
                  - link "Nieuws"
                - listitem:
                  - link "Volg uw reactie"
                - listitem:
                  - link "Op uw website"
          `
          : `
            - navigation "Main menu":
              - heading "Main menu" [level=2]
              - list:
                - listitem:
                  - link "Home"
                - listitem:
                  - link "Topics"
                - listitem:
                  - link "Outcomes"
                - listitem:
                  - link "News"
                - listitem:
                  - link "Follow your response"
                - listitem:
                  - link "On your website"
          `,
      );
    });

    test('can be walked with Tab in document order and back with Shift+Tab, focus always visible and never covered', async ({
      page,
    }) => {
      await open(page, template.path);
      const expected = await expectedLightStops(page);
      const forward = await tabWalk(page);
      expect(forward.length).toBeGreaterThan(3);
      expect(forward[0]!.name).toBe(langOf(template.path) === 'nl' ? 'Naar de inhoud' : 'Skip to content');

      const invisible = forward.filter((stop) => !stop.focusVisible).map((stop) => `${stop.tag} "${stop.name}"`);
      expect(invisible, 'elements without a visible focus indicator').toEqual([]);
      const covered = forward.filter((stop) => stop.obscured).map((stop) => `${stop.tag} "${stop.name}"`);
      expect(covered, 'focused elements hidden behind something else').toEqual([]);

      const lightOrder = forward.flatMap((stop) => (stop.lightIndex === null ? [] : [stop.lightIndex]));
      expect(lightOrder, 'Tab reaches every control in document order').toEqual(expected);

      // Focus has left the page past the last element; Shift+Tab visits the same stops the other way round.
      const backward = await tabWalk(page, { reverse: true });
      expect(backward.map((stop) => stop.key)).toEqual(forward.map((stop) => stop.key).reverse());
    });

    test('reflows at 320 px, survives WCAG text spacing and 200% text without clipping', async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 256 });
      await open(page, template.path);
      expect(await horizontalOverflow(page), 'horizontal scrolling at 320 px').toBe(0);

      await applyTextSpacing(page);
      expect(await clippedElements(page), 'clipped with text spacing').toEqual([]);
      expect(await horizontalOverflow(page), 'horizontal scrolling with text spacing').toBe(0);

      await page.setViewportSize({ width: 1280, height: 800 });
      await open(page, template.path);
      const before = await page.locator('h1').evaluate((h) => Number.parseFloat(getComputedStyle(h).fontSize));
      await addUserStyle(page, 'html { font-size: 200% !important; }');
      const after = await page.locator('h1').evaluate((h) => Number.parseFloat(getComputedStyle(h).fontSize));
      expect(after / before, 'text grows with the root font size').toBeGreaterThan(1.5);
      expect(await clippedElements(page), 'clipped at 200% text').toEqual([]);
      expect(await horizontalOverflow(page), 'horizontal scrolling at 200% text').toBe(0);
    });

    test('keeps a focus outline in forced colours, runs no animation with reduced motion, and has large targets', async ({
      page,
    }) => {
      await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
      await open(page, template.path);
      expect(await runningAnimations(page)).toBe(0);
      for (let i = 0; i < 3; i += 1) {
        await page.keyboard.press('Tab');
        const stop = await focusStop(page);
        expect(stop?.focusVisible, `focus outline on ${stop?.tag} "${stop?.name}" in forced colours`).toBe(true);
      }
      await page.emulateMedia({ forcedColors: 'none' });
      expect(await smallTargets(page, 24), 'controls below 24 × 24 px (WCAG 2.5.8)').toEqual([]);
    });
  });
}
