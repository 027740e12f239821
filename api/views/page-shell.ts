/**
 * Server-rendered pages reuse the static build as their shell: the API fills a named
 * slot (`<!--podium:slot NAME-->…<!--/podium:slot NAME-->`) in a page `astro build`
 * produced, so pages rendered at request time look exactly like the rest of the portal.
 */
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { Locale } from '../../shared/contracts/public-content.ts';
import { escapeHtml } from '../../shared/render/html.ts';

export { fillSlot } from '../../shared/render/html.ts';

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
export function prefixTitle(html: string, prefix: string): string {
  return html.replace(/<title>/, `<title>${escapeHtml(prefix)} `);
}

/**
 * A bare page for when no built site is available (an API-only deployment, or tests):
 * still valid, accessible HTML, without the portal's look.
 */
export function minimalPage(lang: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body><main id="inhoud"><h1>${escapeHtml(title)}</h1>${body}</main></body>
</html>
`;
}
