/**
 * /sitemap.xml: every page of the portal in the languages the organisation offers, with hreflang alternates.
 * The accessibility suite crawls it, so it lists exactly the pages that exist.
 */
import type { APIRoute } from 'astro';
import type { Locale } from '../../shared/contracts/public-content.ts';
import { getConsultations, getOrganisation, getThreads, getTopics } from '../lib/content.ts';
import { html, join } from '../../shared/html/index.ts';
import { newsPaths } from '../lib/news.ts';
import { responsesPaths } from '../lib/responses-paths.ts';
import { routes } from '../../shared/urls.ts';

type PagePair = Record<Locale, string>;

const pair = (route: (lang: Locale) => string): PagePair => ({ nl: route('nl'), en: route('en') });

export const GET: APIRoute = async ({ site }) => {
  const base = site ?? new URL('http://localhost:4321');
  const pages: PagePair[] = [
    pair(routes.home),
    ...(await getTopics()).map((topic) => pair((lang) => routes.topic(lang, topic.slug))),
    pair(routes.topics),
    ...(await getConsultations()).map((c) => pair((lang) => routes.consultation(lang, c.slug))),
    // Page 1 of each consultation's responses; the pages after it are served by the API and
    // reached through its pager (listing them here would grow the build with the input).
    ...(await responsesPaths()).map(({ params }) => pair((lang) => routes.responses(lang, params.slug))),
    pair(routes.news),
    ...(await newsPaths()).map(({ params }) => pair((lang) => routes.newsItem(lang, params.slug))),
    pair(routes.conversations),
    // Each conversation's first page, served by the API in the one page the build makes.
    ...(await getThreads()).map((thread) => pair((lang) => routes.conversation(lang, thread.id))),
    pair(routes.results),
    pair(routes.accessibility),
    pair(routes.privacy),
    pair(routes.houseRules),
    pair(routes.contact),
    pair((lang) => routes.confirmation(lang)),
    pair((lang) => routes.followUp(lang)),
    pair((lang) => routes.myData(lang)),
    pair(routes.embed),
    pair(routes.apiReference),
  ];
  // XML escapes like HTML: the kit's templates write it too.
  const url = (path: string) => new URL(path, base).href;
  // Only the languages the organisation offers; with one, there are no alternates.
  const offered = (await getOrganisation()).locales;
  const entries = pages.flatMap((page) =>
    offered.map(
      (lang) =>
        html`<url><loc>${url(page[lang])}</loc>${(offered.length > 1 ? offered : []).map(
          (alt) => html`<xhtml:link rel="alternate" hreflang="${alt}" href="${url(page[alt])}"/>`,
        )}</url>`,
    ),
  );
  const body = html`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${join(entries, '\n')}
</urlset>
`;
  return new Response(String(body), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
