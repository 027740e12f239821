/** The staff nav links to the insights pages and the audit log, for the roles that may open them. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as insightsTexts from './texts.ts';
import { can, type RoleGrant } from '../../services/auth/roles.ts';
import { escapeHtml } from '../../../shared/render/html.ts';
import { auditPaths } from '../audit/paths.ts';
import { insightsPaths } from './paths.ts';

export function insightsNavLinks(lang: Locale, path: string | undefined, roles: readonly RoleGrant[] = []): string {
  const m = textsFor(insightsTexts, lang).nav;
  const link = (href: string, text: string) =>
    `<li><a href="${href}"${path === href ? ' aria-current="page"' : ''}>${escapeHtml(text)}</a></li>`;
  return [
    can(roles, 'insights.read') ? link(insightsPaths.page(lang), m.insights) : '',
    can(roles, 'admin') ? link(auditPaths.page(lang), m.audit) : '',
  ].join('');
}
