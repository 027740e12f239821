/**
 * Host pages for the widget tests: a municipality's page as the widget meets it in the wild.
 * Served by a small HTTP server of the test worker on another origin than Podium's
 * (http://localhost:<port> against the API on http://127.0.0.1:<port>), so every API call is
 * a real cross-origin call under the API's CORS policy; `unlisted` serves the same page from
 * http://127.0.0.2:<port>, which the demo organisation does not list. (A real server rather
 * than `page.route`: Chromium treats a fulfilled document as public, and then refuses its
 * requests to the loopback API under Local Network Access.)
 *
 * - plain: a bare page;
 * - themed: NL Design System (Utrecht) tokens set on :root, as a municipality's theme does;
 * - hostile: `html { font-size: 62.5% }`, `* { box-sizing: content-box }`,
 *   `button { all: unset }`, a sticky 120 px header, an overlay, and a strict
 *   Content-Security-Policy (no inline script or style, no eval, Trusted Types enforced);
 * - narrow: the widget in a 320 px wide container.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as base, type Page } from '@playwright/test';
import type { WidgetExamples } from '../../../widgets/examples.ts';
import { TEST_PORT } from '../../support/browser-env.ts';

export const HOSTS = ['plain', 'themed', 'hostile', 'narrow'] as const;
export type Host = (typeof HOSTS)[number];

export const PODIUM_ORIGIN = `http://127.0.0.1:${TEST_PORT}`;

/** The theme's primary button colour, to check that tokens reach inside the shadow root. */
export const THEME_PRIMARY = 'rgb(0, 88, 77)';

const commonCss = `
body { margin: 0; font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; }
.site-header { padding: 1rem; background: #eef1f4; }
main { padding: 1rem; }
a { color: #1a4f8b; }
:focus-visible { outline: 3px solid #000; outline-offset: 2px; }
`;

const css: Record<Host, string> = {
  plain: commonCss,
  themed: `${commonCss}
:root {
  --utrecht-document-font-family: Georgia, 'Times New Roman', serif;
  --utrecht-document-color: #202020;
  --utrecht-heading-font-family: Verdana, sans-serif;
  --utrecht-heading-color: #00584d;
  --utrecht-link-color: #00584d;
  --utrecht-button-primary-action-background-color: #00584d;
  --utrecht-button-primary-action-hover-background-color: #003d35;
  --utrecht-button-primary-action-color: #ffffff;
  --utrecht-button-border-radius: 0;
  --utrecht-form-control-border-color: #00584d;
  --utrecht-form-control-border-radius: 0;
  --utrecht-focus-outline-color: #d52b1e;
  --utrecht-focus-outline-width: 4px;
  --utrecht-alert-background-color: #e6f2f0;
  --podium-space: 1.25em;
}
body { font-family: var(--utrecht-document-font-family); font-size: 1.125rem; }
`,
  hostile: `${commonCss}
html { font-size: 62.5%; }
* { box-sizing: content-box; }
button { all: unset; }
body { font-size: 1.6rem; }
/* No scroll-padding for the sticky header: the page does nothing to keep focus in view. */
.site-header { position: sticky; top: 0; z-index: 10; block-size: 120px; padding: 0 1.6rem; background: #20303f; color: #fff; }
.site-header a { color: #fff; }
.overlay { position: fixed; inset-inline-end: 1rem; inset-block-end: 1rem; z-index: 20; padding: 1rem; background: #20303f; color: #fff; border-radius: 50%; }
p, div, a, input, textarea, label, fieldset, legend { margin: 0; padding: 0; }
`,
  narrow: `${commonCss}
.container { inline-size: 320px; max-inline-size: 100%; border: 1px dashed #595959; }
`,
};

function cspFor(host: Host, podium: string): Record<string, string> {
  if (host !== 'hostile') return {};
  return {
    'Content-Security-Policy': [
      "default-src 'none'",
      `script-src ${podium}`,
      `connect-src ${podium}`,
      "style-src 'self'",
      "img-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "require-trusted-types-for 'script'",
      'trusted-types lit-html',
    ].join('; '),
  };
}

type Served = { body: string; type: string; headers: Record<string, string> };

/** The worker's host-page server: pages are registered per test, then served by path. */
export type HostServer = {
  /** Listed in the demo organisation's embed origins (`http://localhost:*`). */
  listed: string;
  /** Not listed: the API answers without CORS headers, so the browser refuses its calls. */
  unlisted: string;
  serve(path: string, served: Served): void;
};

async function listen(server: Server, host: string, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** `test` with a worker-scoped host-page server (two loopback addresses, one port). */
export const test = base.extend<object, { hostServer: HostServer }>({
  hostServer: [
    // Playwright reads the fixtures a function needs from its first parameter: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const pages = new Map<string, Served>();
      const handler = (request: IncomingMessage, response: ServerResponse) => {
        const served = pages.get(new URL(request.url ?? '/', 'http://host').pathname);
        if (!served) {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, { 'Content-Type': served.type, 'Cache-Control': 'no-store', ...served.headers });
        response.end(served.body);
      };
      const listedServer = createServer(handler);
      const unlistedServer = createServer(handler);
      const port = await listen(listedServer, '127.0.0.1');
      await listen(unlistedServer, '127.0.0.2', port);
      await use({
        listed: `http://localhost:${port}`,
        unlisted: `http://127.0.0.2:${port}`,
        serve: (path, served) => void pages.set(path, served),
      });
      await Promise.all([listedServer, unlistedServer].map((server) => new Promise((done) => server.close(done))));
    },
    { scope: 'worker' },
  ],
});

export type HostPageOptions = {
  host: Host;
  widget: WidgetExamples;
  /** `unlisted`: served from an origin that may not embed. */
  origin?: 'listed' | 'unlisted';
  /** The host page's `lang`; the widget has none of its own, so it follows. */
  lang?: 'nl' | 'en';
  /** The Podium the widget comes from (default the demo's, PODIUM_ORIGIN). */
  podium?: string;
  /** Attributes instead of, or beside, the example's. */
  attributes?: Record<string, string>;
};

/** Serves the host page (and its stylesheet) and opens it; returns its URL. */
export async function openHostPage(page: Page, server: HostServer, options: HostPageOptions): Promise<string> {
  const { host, widget, lang = 'nl', podium = PODIUM_ORIGIN } = options;
  const origin = options.origin === 'unlisted' ? server.unlisted : server.listed;
  const path = `/__host/${host}/${widget.tag}.html`;
  const attributes = Object.entries({ ...widget.example.attributes, ...options.attributes })
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
  const element = `<${widget.tag}${attributes}></${widget.tag}>`;
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${host} host page – ${widget.tag}</title>
<link rel="stylesheet" href="/__host/${host}.css">
<script type="module" src="${podium}/widgets/${widget.script}"></script>
</head>
<body>
<header class="site-header"><p>Gemeente Voorbeeld</p><a href="#main">Naar de inhoud</a></header>
<main id="main">
<h1>Meedoen in uw wijk</h1>
<p><a href="#before" id="before">Een link vóór de widget</a></p>
${host === 'narrow' ? `<div class="container">${element}</div>` : element}
<p><a href="#after" id="after">Een link na de widget</a></p>
</main>
${host === 'hostile' ? '<div class="overlay" aria-hidden="true">?</div>' : ''}
</body>
</html>`;
  server.serve(`/__host/${host}.css`, { body: css[host], type: 'text/css', headers: {} });
  server.serve(path, { body: html, type: 'text/html; charset=utf-8', headers: cspFor(host, podium) });
  await page.goto(origin + path);
  return origin + path;
}
