/** Helpers for the portal specs: the pages of the built site, and the demo form. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Page } from '@playwright/test';
import { browserTestEnv } from '../../support/browser-env.ts';

export const CONSULTATION_NL = '/consultaties/fietsroute-stationsstraat/';
export const CONSULTATION_EN = '/en/consultations/fietsroute-stationsstraat/';
export const CODE_PATTERN =
  /[ACDEFGHJKMNPQRTVWXY2345679]{4}-[ACDEFGHJKMNPQRTVWXY2345679]{4}-[ACDEFGHJKMNPQRTVWXY2345679]{4}/;

/**
 * Every page the built site lists in its sitemap, as paths. Read from the build output
 * (synchronously, when the tests are collected), so each page becomes a test of its own.
 */
export function builtSitemapPaths(): string[] {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const file = join(browserTestEnv(root).PODIUM_DIST_DIR!, 'site', 'sitemap.xml');
  if (!existsSync(file)) {
    throw new Error(`No built sitemap at ${file}: run the build first (npm test does).`);
  }
  const xml = readFileSync(file, 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  return [...new Set(paths)];
}

/** Fills the demo consultation's form the way a keyboard user would reach each control. */
export async function fillDemoForm(page: Page, lang: 'nl' | 'en' = 'nl'): Promise<void> {
  const texts = {
    nl: {
      route: 'Langs de Parklaan',
      lighting: 'Goede verlichting',
      safety: '2',
      more: 'Wat wilt u ons verder meegeven?',
    },
    en: {
      route: 'Along Parklaan',
      lighting: 'Good lighting',
      safety: '2',
      more: 'What else would you like to tell us?',
    },
  }[lang];
  await page.getByLabel(texts.route).check();
  await page.getByLabel(texts.safety, { exact: true }).check();
  await page.getByLabel(texts.lighting).check();
  await page.getByLabel(texts.more).fill('Graag verlichting langs het park.');
}
