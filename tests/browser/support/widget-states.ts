/**
 * Brings a widget on a host page into each state its examples file lists
 * (widgets/<name>/examples.ts). `enter` leaves the widget in the state; `after` (optional)
 * finishes what the state started, such as sending the input that waited while offline,
 * and checks that it ends well.
 */
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { WidgetState } from '../../../widgets/examples.ts';
import { FOLLOW_UP_CODE, fillDemoForm, gate } from './widget-helpers.ts';

export type StateContext = { page: Page; context: BrowserContext; widget: Locator; tag: string };
export type StateDriver = {
  /** Runs before the host page opens (routes that hold or fail the first load). */
  before?: (ctx: Omit<StateContext, 'widget'>) => Promise<void>;
  enter: (ctx: StateContext) => Promise<void>;
  /** What the live region says in this state; undefined: not checked. */
  live?: string | RegExp;
  after?: (ctx: StateContext) => Promise<void>;
};

const isDataGet = (url: URL) =>
  /^\/api\/consultations\/[^/]+(\/answers)?$/.test(url.pathname) || /^\/api\/threads(\/[^/]+)?$/.test(url.pathname);
const isSubmission = (url: URL) => /^\/api\/consultations\/[^/]+\/submissions$/.test(url.pathname);

/** Held requests are let go when the test ends, so nothing hangs. */
const held = new WeakMap<Page, () => void>();
export function releaseHeld(page: Page): void {
  held.get(page)?.();
}

const notice = (widget: Locator) => widget.locator('[part="notice"]');

const common: Partial<Record<WidgetState, StateDriver>> = {
  loading: {
    before: async ({ page }) => {
      const release = gate();
      held.set(page, release.open);
      await page.route(isDataGet, async (route) => {
        await release.wait;
        await route.continue().catch(() => undefined);
      });
    },
    enter: async ({ widget }) => {
      await expect(notice(widget)).toHaveText(/wordt geladen|worden geladen/);
    },
    live: '',
  },
  error: {
    before: async ({ page }) => {
      await page.route(isDataGet, (route) =>
        route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"title":"Unavailable"}' }),
      );
    },
    enter: async ({ widget }) => {
      await expect(notice(widget)).toContainText('kon niet worden geladen');
      await expect(widget.getByRole('button', { name: 'Opnieuw proberen' })).toBeVisible();
    },
    live: '',
  },
  'offline-loading': {
    // The connection drops as the widget asks for its data: the first request fails like a
    // network failure does, with the browser offline; later ones go through.
    before: async ({ page, context }) => {
      let first = true;
      await page.route(isDataGet, async (route) => {
        if (!first) return route.continue().catch(() => undefined);
        first = false;
        await context.setOffline(true);
        await route.abort('internetdisconnected');
      });
    },
    enter: async ({ widget }) => {
      await expect(notice(widget)).toContainText('U bent offline.');
      await expect(notice(widget)).toContainText('zodra er weer verbinding is');
      await expect(widget.getByRole('button', { name: 'Opnieuw proberen' })).toBeVisible();
    },
    live: '',
    after: async ({ context, widget }) => {
      // Still offline, the button tries again, says the same and keeps focus for another try.
      const retry = widget.getByRole('button', { name: 'Opnieuw proberen' });
      await retry.click();
      await expect(retry).toBeFocused();
      await expect(notice(widget)).toContainText('U bent offline.');
      // Back online: the widget loads by itself, without the button being pressed.
      await context.setOffline(false);
      await expect(widget.getByRole('button', { name: 'Opnieuw proberen' })).toHaveCount(0);
      await expect(notice(widget).filter({ hasText: /offline|geladen/ })).toHaveCount(0);
      await expect(widget.getByRole('heading').first()).toBeVisible();
    },
  },
  'not-allowed': {
    enter: async ({ widget }) => {
      await expect(notice(widget)).toHaveText(
        'Deze pagina mag deze widget niet tonen. Vraag de beheerder van Podium om dit webadres toe te voegen.',
      );
    },
    live: '',
  },
};

const submit: Partial<Record<WidgetState, StateDriver>> = {
  ready: {
    enter: async ({ widget }) => {
      await expect(widget.locator('form')).toBeVisible();
    },
    live: '',
  },
  filled: {
    enter: async ({ page, widget }) => {
      await expect(widget.locator('form')).toBeVisible();
      await fillDemoForm(page, 'Graag een veilige oversteek bij de school.');
    },
    live: '',
  },
  invalid: {
    enter: async ({ widget }) => {
      await widget.getByRole('button', { name: 'Versturen' }).click();
      await expect(widget.locator('.error-summary')).toBeFocused();
    },
  },
  submitting: {
    enter: async ({ page, widget }) => {
      await fillDemoForm(page, 'Dit wordt verstuurd terwijl de test kijkt.');
      const release = gate();
      held.set(page, release.open);
      await page.route(isSubmission, async (route) => {
        await release.wait;
        await route.continue().catch(() => undefined);
      });
      await widget.getByRole('button', { name: 'Versturen' }).click();
      await expect(widget.getByRole('button', { name: 'Versturen' })).toHaveAttribute('aria-disabled', 'true');
    },
    live: 'Bezig met versturen…',
    after: async ({ page, widget }) => {
      releaseHeld(page);
      await expect(widget.locator('[part="code"]')).toHaveText(FOLLOW_UP_CODE);
    },
  },
  submitted: {
    enter: async ({ page, widget }) => {
      await fillDemoForm(page, 'Verstuurd vanaf een pagina van de gemeente.');
      await widget.getByRole('button', { name: 'Versturen' }).click();
      await expect(widget.locator('[part="code"]')).toHaveText(FOLLOW_UP_CODE);
      await expect(widget.getByRole('link', { name: 'Bekijk wat er met uw inbreng gebeurt' })).toHaveAttribute(
        'href',
        /^http:\/\/127\.0\.0\.1:\d+\/volg\/[A-Z0-9-]+\/$/,
      );
    },
    live: '',
  },
  offline: {
    // Offline before the first send: the sending code itself cannot load, and the input
    // still waits in localStorage with its key.
    enter: async ({ page, context, widget }) => {
      await fillDemoForm(page, 'Verstuurd zodra de verbinding terug is.');
      await context.setOffline(true);
      await widget.getByRole('button', { name: 'Versturen' }).click();
      await expect(notice(widget)).toHaveText(/U bent offline/);
    },
    live: 'U bent offline. Uw inbreng is bewaard en wordt verstuurd zodra er weer verbinding is.',
    after: async ({ page, context, widget }) => {
      const stored = await page.evaluate(() => localStorage.getItem('podium-submit:pending:fietsroute-stationsstraat'));
      expect(stored, 'the input waits in localStorage').toContain('Verstuurd zodra de verbinding terug is.');
      await context.setOffline(false);
      await expect(widget.locator('[part="code"]')).toHaveText(FOLLOW_UP_CODE);
      expect(
        await page.evaluate(() => localStorage.getItem('podium-submit:pending:fietsroute-stationsstraat')),
      ).toBeNull();
    },
  },
};

const consultation: Partial<Record<WidgetState, StateDriver>> = {
  ready: {
    enter: async ({ widget }) => {
      await expect(widget.getByRole('link', { name: 'Geef uw mening' })).toHaveAttribute(
        'href',
        /^http:\/\/127\.0\.0\.1:\d+\/consultaties\/fietsroute-stationsstraat\/$/,
      );
      await expect(widget.locator('[part="facts"]')).toContainText('10 werkdagen');
    },
    live: '',
  },
};

const answers: Partial<Record<WidgetState, StateDriver>> = {
  ready: {
    enter: async ({ widget }) => {
      await expect(widget.locator('[part="response"]')).toHaveCount(3);
      await expect(widget.locator('[part="pager"]')).toContainText('Pagina 1 van 2');
    },
    live: '',
  },
  paged: {
    enter: async ({ widget }) => {
      await expect(widget.locator('[part="response"]')).toHaveCount(3);
      await widget.getByRole('button', { name: 'Volgende pagina' }).click();
      await expect(widget.locator('[part="pager"]')).toContainText('Pagina 2 van 2');
      await expect(widget.getByRole('heading', { name: 'Reacties en antwoorden' })).toBeFocused();
    },
    live: 'Pagina 2 van 2',
  },
  empty: {
    before: async ({ page }) => {
      await page.route(isDataGet, async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as Record<string, unknown>;
        await route.fulfill({ response, json: { ...body, items: [], total: 0, pageCount: 0 } });
      });
    },
    enter: async ({ widget }) => {
      await expect(widget.locator('[part="notice"]')).toHaveText('Er zijn nog geen gepubliceerde reacties.');
    },
    live: '',
  },
};

const thread: Partial<Record<WidgetState, StateDriver>> = {
  ready: {
    enter: async ({ widget }) => {
      await expect(widget.locator('[part="post"]')).toHaveCount(5);
      await expect(widget.getByText('Inwoner A schreef op', { exact: false })).toBeVisible();
      await expect(widget.getByText('zonder beschrijving')).toBeVisible();
      await expect(widget.locator('p[lang="en"]')).toHaveCount(1);
    },
    live: '',
  },
  paged: {
    enter: async ({ widget }) => {
      // The demo thread, three posts to a page: the second page holds a reply to a post on the first.
      await expect(widget.locator('[part="post"]')).toHaveCount(5);
      await widget.evaluate((element) => element.setAttribute('page-size', '3'));
      await expect(widget.locator('[part="pager"]')).toContainText('Pagina 1 van 2');
      await expect(widget.locator('[part="post"]')).toHaveCount(3);
      await widget.getByRole('button', { name: 'Volgende pagina' }).click();
      await expect(widget.locator('[part="pager"]')).toContainText('Pagina 2 van 2');
      await expect(widget.getByRole('heading', { name: 'Gesprek op Mastodon over de fietsroute' })).toBeFocused();
      await expect(widget.getByText('Bericht 4 tot en met 5 van 5')).toBeVisible();
      await expect(widget.locator('[part="post"]')).toHaveCount(2);
      await expect(widget.getByText('Officieel account · Antwoord aan Inwoner B')).toBeVisible();
      await expect(widget.getByText('Langs de Parklaan', { exact: false })).toHaveCount(0);
    },
    live: 'Pagina 2 van 2',
  },
  sensitive: {
    before: async ({ page }) => {
      // The demo thread, with its photo marked sensitive and described by the municipality.
      await page.route(/\/api\/threads\/[^/?]+(\?[^/]*)?$/, async (route) => {
        const response = await route.fetch();
        const thread = (await response.json()) as { posts: Array<Record<string, unknown> & { media: unknown[] }> };
        for (const post of thread.posts) {
          if (post.media.length === 0) continue;
          post.sensitive = true;
          post.media = post.media.map((media) => ({
            ...(media as object),
            staffAlt: { text: 'Het kruispunt in de spits, vol fietsers en auto’s', lang: 'nl' },
          }));
        }
        await route.fulfill({ response, json: thread });
      });
    },
    enter: async ({ widget }) => {
      const button = widget.getByRole('button', { name: 'Toon gevoelige afbeelding' });
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      await expect(widget.getByText('beschrijving toegevoegd door de gemeente', { exact: false })).toHaveCount(0);
      await button.focus();
      await button.press('Enter');
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      // A resident's photo is described, and linked to Podium's copy only: its address on the
      // platform names its author, and opening it there tells the platform who reads.
      const photo = widget.getByRole('link', {
        name: /^Afbeelding: Het kruispunt in de spits.*\(beschrijving toegevoegd door de gemeente\)$/,
      });
      await expect(photo).toBeVisible();
      await expect(photo).toHaveAttribute('href', /^https?:\/\/[^/]+\/api\/threads\/[0-9a-f-]{36}\/media\/[\w-]{22}$/);
    },
    live: '',
  },
  answered: {
    before: async ({ page }) => {
      // The demo thread, with the municipality's answer (in English) to its first resident's reply.
      await page.route(/\/api\/threads\/[^/?]+(\?[^/]*)?$/, async (route) => {
        const response = await route.fetch();
        const thread = (await response.json()) as { posts: Array<Record<string, unknown> & { text: string }> };
        const reply = thread.posts.find((post) => post.text.startsWith('Langs de Parklaan'))!;
        reply.answers = [
          {
            body: 'Thank you: the route along Parklaan gets lights.',
            lang: 'en',
            publishedAt: '2026-11-21T09:30:00.000Z',
          },
        ];
        await route.fulfill({ response, json: thread });
      });
    },
    enter: async ({ widget }) => {
      const answer = widget.locator('article.answer');
      await expect(answer).toHaveCount(1);
      await expect(answer.getByRole('heading')).toContainText('De gemeente antwoordde op');
      await expect(answer).toContainText('Antwoord aan Inwoner A · Dit antwoord staat alleen hier, niet op Mastodon');
      await expect(answer.locator('p[lang="en"]')).toHaveText('Thank you: the route along Parklaan gets lights.');
    },
    live: '',
  },
  empty: {
    before: async ({ page }) => {
      await page.route(/\/api\/threads\?/, (route) => route.fulfill({ json: [] }));
    },
    enter: async ({ widget }) => {
      await expect(widget.locator('[part="notice"]')).toHaveText(
        'Er is nog geen gesprek op sociale media bij deze consultatie.',
      );
    },
    live: '',
  },
};

export const stateDrivers: Record<string, Partial<Record<WidgetState, StateDriver>>> = {
  'podium-submit': { ...common, ...submit },
  'podium-consultation': { ...common, ...consultation },
  'podium-answers': { ...common, ...answers },
  'podium-thread': { ...common, ...thread },
};
