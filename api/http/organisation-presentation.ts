/**
 * The organisation's house colours and languages on the public JSON the widgets load
 * (`/api/consultations…`, `/api/threads…`), as two response headers the shared widget base
 * reads (widgets/shared/podium-element.ts; the contract in widgets/README.md):
 *
 * - `Podium-Theme: accent=#0066cc; on-accent=#ffffff; accent-hover=#00478f; focus=#1b1b1b`,
 *   only when the organisation chose colours of its own (a widget keeps its own defaults
 *   otherwise, and an embedding page's NL Design System tokens win over both);
 * - `Podium-Languages: nl` or `nl, en`: a widget on an English page speaks Dutch when the
 *   organisation offers no English.
 *
 * Headers rather than a field in every answer: the answers' contracts stay as they are. The
 * entity tag covers the headers too, so a changed colour is never answered with 304.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/client.ts';
import type { AppEnv } from './app-env.ts';
import { organisationLooks, type OrganisationLooks } from '../services/organisation-settings.ts';
import { themeProperties } from '../../shared/theme.ts';

export const THEME_HEADER = 'Podium-Theme';
export const LANGUAGES_HEADER = 'Podium-Languages';

/** The properties the widget reads, by their name in the header. */
const HEADER_NAMES = new Map([
  ['--utrecht-button-primary-action-background-color', 'accent'],
  ['--utrecht-button-primary-action-color', 'on-accent'],
  ['--utrecht-focus-outline-color', 'focus'],
  ['--utrecht-button-primary-action-hover-background-color', 'accent-hover'],
]);

type PresentationHeaders = { theme: string | undefined; languages: string };
/** Worked out once per reading of the organisation (its colours are mixed for the hover). */
const headersOf = new WeakMap<OrganisationLooks, PresentationHeaders>();

/** The two header values for the (first, and only) organisation. */
export async function presentationHeaders(db: Db): Promise<PresentationHeaders> {
  const looks = await organisationLooks(db);
  let headers = headersOf.get(looks);
  if (!headers) {
    const properties = themeProperties(looks.theme).filter(([name]) => HEADER_NAMES.has(name));
    headers = {
      theme:
        properties.length > 0
          ? properties.map(([name, value]) => `${HEADER_NAMES.get(name)}=${value}`).join('; ')
          : undefined,
      languages: looks.languages.join(', '),
    };
    headersOf.set(looks, headers);
  }
  return headers;
}

export function organisationPresentation(): MiddlewareHandler<AppEnv> {
  return async function organisationPresentation(c, next) {
    await next();
    if (c.req.method !== 'GET' || c.res.status !== 200) return;
    // Downloads (archives, exports) are not what widgets load.
    if (!c.res.headers.get('Content-Type')?.startsWith('application/json')) return;
    const { theme, languages } = await presentationHeaders(c.get('db'));
    if (theme) c.res.headers.set(THEME_HEADER, theme);
    c.res.headers.set(LANGUAGES_HEADER, languages);
    if (!c.res.headers.has('ETag') && c.res.body) {
      const body = await c.res.clone().arrayBuffer();
      const digest = createHash('sha256')
        .update(new Uint8Array(body))
        .update(`\0${theme ?? ''}\0${languages}`)
        .digest('base64url');
      c.res.headers.set('ETag', `"${digest.slice(0, 27)}"`);
    }
  };
}
