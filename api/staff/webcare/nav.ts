/**
 * Addresses of the webcare pages and their links in the staff navigation. Apart from
 * the view so the page shell (kit/shell.ts) can import it without a cycle.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as webcareTexts from './texts.ts';
import { can, type RoleGrant } from '../../services/auth/roles.ts';
import type { NavEntry } from '../kit/components.ts';

const en = (lang: Locale, nl: string, english: string) => (lang === 'en' ? english : nl);

export const webcarePaths = {
  overdue: (lang: Locale) => en(lang, '/beheer/te-laat', '/en/manage/overdue'),
  templates: (lang: Locale) => en(lang, '/beheer/sjablonen', '/en/manage/templates'),
  routing: (lang: Locale) => en(lang, '/beheer/routering', '/en/manage/routing'),
  shortcuts: (lang: Locale) => en(lang, '/beheer/sneltoetsen', '/en/manage/shortcuts'),
  answer: (lang: Locale, id: string) => en(lang, `/beheer/items/${id}/antwoord`, `/en/manage/items/${id}/answer`),
  consultations: (lang: Locale) => en(lang, '/beheer/consultaties', '/en/manage/consultations'),
  consultation: (lang: Locale, slug: string) =>
    en(lang, `/beheer/consultaties/${slug}`, `/en/manage/consultations/${slug}`),
  assign: (id: string) => `/beheer/items/${id}/toewijzing`,
  templateSave: '/beheer/sjablonen',
  templateDelete: (id: string) => `/beheer/sjablonen/${id}/verwijderen`,
  routingSave: '/beheer/routering',
  routingDelete: (id: string) => `/beheer/routering/${id}/verwijderen`,
  readabilityApi: '/api/staff/readability',
  readabilityScript: '/beheer/assets/readability.js',
  shortcutsScript: '/beheer/assets/shortcuts.js',
};

/** The webcare links in the staff navigation, for the roles that may open them. */
export function webcareNavEntries(
  lang: Locale,
  path: string | undefined,
  roles: readonly RoleGrant[] = [],
): NavEntry[] {
  const m = textsFor(webcareTexts, lang).nav;
  const links: Array<[string, string]> = [];
  if (can(roles, 'queue.read')) {
    links.push([webcarePaths.overdue(lang), m.overdue], [webcarePaths.consultations(lang), m.consultations]);
  }
  if (can(roles, 'admin'))
    links.push([webcarePaths.templates(lang), m.templates], [webcarePaths.routing(lang), m.routing]);
  if (can(roles, 'queue.read')) links.push([webcarePaths.shortcuts(lang), m.shortcuts]);
  return links.map(([href, label]) => ({ href, label, current: href === path }));
}
