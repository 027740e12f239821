/**
 * The webcare links in the staff navigation. Apart from view.ts so the page shell
 * (queue/view.ts) can import it without a cycle. The addresses live in ./paths.ts.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as webcareTexts from './texts.ts';
import { can, type RoleGrant } from '../../services/auth/roles.ts';
import { escapeHtml } from '../../../shared/render/html.ts';
import { webcarePaths } from './paths.ts';

/** The webcare links in the staff navigation, for the roles that may open them. */
export function webcareNavLinks(lang: Locale, current: string | undefined, roles: readonly RoleGrant[] = []): string {
  const m = textsFor(webcareTexts, lang).nav;
  const links: Array<[string, string]> = [];
  if (can(roles, 'queue.read')) {
    links.push([webcarePaths.overdue(lang), m.overdue], [webcarePaths.consultations(lang), m.consultations]);
  }
  if (can(roles, 'admin'))
    links.push([webcarePaths.templates(lang), m.templates], [webcarePaths.routing(lang), m.routing]);
  if (can(roles, 'queue.read')) links.push([webcarePaths.shortcuts(lang), m.shortcuts]);
  return links
    .map(
      ([href, text]) =>
        `<li><a href="${href}"${href === current ? ' aria-current="page"' : ''}>${escapeHtml(text)}</a></li>`,
    )
    .join('');
}
