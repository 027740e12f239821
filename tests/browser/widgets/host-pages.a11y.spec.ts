/**
 * Every widget, in every state its examples file lists, inside four host pages (plain, themed
 * with NL Design System tokens, hostile with a strict CSP, a 320 px container), loaded from
 * another origin than Podium's. Per state and host, in one test: axe, the Tab walk (every
 * control, in order, no trap, focus visible and not obscured, Shift+Tab back), reflow, text
 * spacing, forced colours, the live region, and an ARIA snapshot shared by all four hosts.
 */
import { expect, type Locator } from '@playwright/test';
import { widgetExamples } from '../../../widgets/examples.ts';
import { HOSTS, openHostPage, PODIUM_ORIGIN, test, THEME_PRIMARY } from '../support/host-pages.ts';
import {
  expectAxe,
  expectForcedColours,
  expectLiveRegion,
  expectReflow,
  expectTabWalk,
  expectTextSpacing,
} from '../support/widget-checks.ts';
import { releaseHeld, stateDrivers } from '../support/widget-states.ts';

for (const widget of widgetExamples) {
  test.describe(`<${widget.tag}> in host pages`, () => {
    for (const { state } of widget.states) {
      for (const host of HOSTS) {
        test(`${widget.tag} ${state} on the ${host} host page passes axe, keyboard, reflow, spacing, forced colours and live-region checks`, async ({
          page,
          context,
          hostServer,
        }) => {
          const driver = stateDrivers[widget.tag]?.[state];
          expect(driver, `a driver for ${widget.tag} ${state}`).toBeDefined();
          const cspViolations: string[] = [];
          const pageErrors: string[] = [];
          page.on('console', (message) => {
            if (/Content.Security.Policy|Trusted Type/i.test(message.text())) cspViolations.push(message.text());
          });
          page.on('pageerror', (error) => pageErrors.push(error.message));
          // No third-party requests: only the host page's own origin and Podium's.
          const origins = new Set<string>();
          page.on('request', (request) => void origins.add(new URL(request.url()).origin));
          await driver!.before?.({ page, context, tag: widget.tag });
          await openHostPage(page, hostServer, {
            host,
            widget,
            origin: state === 'not-allowed' ? 'unlisted' : 'listed',
          });
          const element = page.locator(widget.tag);
          const ctx = { page, context, widget: element, tag: widget.tag };
          const label = `${widget.tag} ${state} (${host})`;
          try {
            await driver!.enter(ctx);

            await expectLiveRegion(element, label, driver!.live);
            await expect(element).toMatchAriaSnapshot({ name: `${widget.tag}-${state}.aria.yml` });
            await expectAxe(page, widget.tag, label);
            await expectReflow(page, element, label, host === 'narrow' ? 320 : undefined);
            await expectTextSpacing(page, element, label);
            await expectTabWalk(page, element, widget.tag, label);
            await expectForcedColours(page, element, label);
            if (host === 'themed' && state === 'error') {
              // The theme's tokens reach inside the shadow root.
              const color = await element
                .getByRole('button', { name: 'Opnieuw proberen' })
                .evaluate((button) => getComputedStyle(button).color);
              expect(color, 'secondary button text follows the theme primary colour').toBe(THEME_PRIMARY);
            }
            if (host === 'hostile') {
              // The 62.5% root does not shrink the widget's text: sizes follow the inherited em.
              const size = await element.evaluate((el) =>
                parseFloat(getComputedStyle(el.shadowRoot!.querySelector('p')!).fontSize),
              );
              expect(size, 'body text size inside the widget').toBeGreaterThanOrEqual(16);
            }
            await driver!.after?.(ctx);
          } finally {
            releaseHeld(page);
          }
          expect(cspViolations, `${label}: Content-Security-Policy or Trusted Types violations`).toEqual([]);
          const pageOrigin = new URL(page.url()).origin;
          expect([...origins].filter((origin) => origin !== pageOrigin && origin !== PODIUM_ORIGIN)).toEqual([]);
          expect((await context.cookies()).length, `${label}: cookies`).toBe(0);
          expect(pageErrors, `${label}: uncaught errors`).toEqual([]);
        });
      }
    }
  });
}

test.describe('widget language in a host page', () => {
  for (const widget of widgetExamples) {
    test(`${widget.tag} speaks English on an English host page without a lang of its own, under the strict CSP`, async ({
      page,
      hostServer,
    }) => {
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await openHostPage(page, hostServer, { host: 'hostile', widget, lang: 'en' });
      const element = page.locator(widget.tag);
      await expect(element).not.toHaveAttribute('lang');
      await expect(element.locator('.podium')).toHaveAttribute('lang', 'en');
      const englishText: Record<string, () => Locator> = {
        'podium-submit': () => element.getByRole('button', { name: 'Send' }),
        'podium-consultation': () => element.getByRole('link', { name: 'Give your opinion' }),
        'podium-answers': () => element.getByRole('heading', { name: 'Responses and answers' }),
        'podium-thread': () => element.getByText('Resident A wrote on', { exact: false }).first(),
      };
      const english = englishText[widget.tag];
      expect(english, `an English landmark text for ${widget.tag}`).toBeDefined();
      await expect(english!()).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expectAxe(page, widget.tag, `${widget.tag} in English`);
      expect(pageErrors).toEqual([]);
    });

    test(`${widget.tag}'s updateComplete settles only once it shows its English texts, however late they arrive`, async ({
      page,
      hostServer,
    }) => {
      // The English table is a chunk of its own, fetched on first use; here it arrives after
      // the widget's data, as it can on a busy connection.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/widgets\/.*messages-en[^/]*\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await openHostPage(page, hostServer, { host: 'plain', widget, lang: 'en' });
      const element = page.locator(widget.tag);
      await expect
        .poll(() => element.evaluate((el) => (el as Element & { loadState?: string }).loadState))
        .not.toBe('loading');
      await page.evaluate((tag) => {
        const el = document.querySelector(tag) as Element & { updateComplete: Promise<unknown>; settled?: string };
        void el.updateComplete.then(() => (el.settled = el.shadowRoot!.textContent ?? ''));
      }, widget.tag);
      await page.waitForTimeout(200);
      expect(
        await element.evaluate((el) => (el as Element & { settled?: string }).settled),
        'settled while the texts were on their way',
      ).toBeUndefined();
      release();
      await expect
        .poll(() => element.evaluate((el) => (el as Element & { settled?: string }).settled))
        .toContain(ENGLISH_LANDMARK[widget.tag]);
    });
  }
});

/** A text each widget shows in English once its texts are in. */
const ENGLISH_LANDMARK: Record<string, string> = {
  'podium-submit': 'Send',
  'podium-consultation': 'Give your opinion',
  'podium-answers': 'Responses and answers',
  'podium-thread': 'Resident A wrote on',
};
