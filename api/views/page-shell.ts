/**
 * Server-rendered pages reuse the static build as their shell: the API fills a named
 * slot (`<!--podium:slot NAME-->…<!--/podium:slot NAME-->`) in a page `astro build`
 * produced, so pages rendered at request time look exactly like the rest of the portal.
 * Without a built site (an API-only deployment, tests) the content goes into a bare page.
 */
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { Locale } from '../../shared/contracts/public-content.ts';
import { html, type Html } from '../../shared/html/index.ts';
import { fillSlot } from '../../shared/render/html.ts';

export { fillSlot };

/** The built page at a URL path such as `/volg/` or `/404.html`, or undefined when it is not built. */
export async function loadShell(siteDir: string, urlPath: string): Promise<string | undefined> {
  const relative = normalize(urlPath.endsWith('.html') ? urlPath : join(urlPath, 'index.html')).replace(/^\/+/, '');
  if (relative.startsWith('..')) return undefined;
  try {
    return await readFile(join(siteDir, relative), 'utf8');
  } catch {
    return undefined;
  }
}

/** Marks the page title, so a screen reader hears at once that something needs attention. */
export function prefixTitle(page: string, prefix: string): string {
  return page.replace(/<title>/, () => String(html`<title>${prefix} `));
}

/**
 * A bare page for when no built site is available (an API-only deployment, or tests):
 * still valid, accessible HTML, without the portal's look.
 */
export function minimalPage(lang: Locale, title: string, body: Html): string {
  return String(html`<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body><main id="inhoud"><h1>${title}</h1>${body}</main></body>
</html>
`);
}

export type ShellPageOptions = {
  /** The built site's directory. */
  siteDir: string;
  /** The URL path of the built page whose shell is used, e.g. `/volg/`. */
  shellPath: string;
  /** The slot the content goes into. */
  slot: 'result' | 'form';
  lang: Locale;
  /** The title of the bare page, used when the page is not built. */
  title: string;
  content: Html;
  /** "Fout:" or "Error:" when the page reports an error: it goes before the title. */
  errorPrefix?: string | undefined;
};

/**
 * Content in a slot of a built page, or in a bare page without a built site; the title
 * marked when the page reports an error. The one way the API renders a portal page.
 *
 * @example
 * c.html(await pageIntoShell({ siteDir, shellPath: routes.followUp(lang), slot: 'result', lang, title, content }))
 */
export async function pageIntoShell(options: ShellPageOptions): Promise<string> {
  const shell = await loadShell(options.siteDir, options.shellPath);
  const page = shell
    ? fillSlot(shell, options.slot, options.content)
    : minimalPage(options.lang, options.title, options.content);
  return options.errorPrefix ? prefixTitle(page, options.errorPrefix) : page;
}
