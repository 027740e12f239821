/** The published announcements for the news pages and the feed, newest first, and the Atom feed itself. */
import type { Locale, PublishedAnnouncement } from '../../shared/contracts/public-content.ts';
import { html, join } from '../../shared/html/index.ts';
import { textsFor } from '../../shared/i18n.ts';
import * as newsTexts from '../../shared/texts/news.ts';
import { routes } from '../../shared/urls.ts';
import { readSnapshot } from './snapshot.ts';

export async function getAnnouncements(): Promise<PublishedAnnouncement[]> {
  return [...(await readSnapshot()).announcements].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}

export async function newsPaths(): Promise<
  Array<{ params: { slug: string }; props: { item: PublishedAnnouncement } }>
> {
  return (await getAnnouncements()).map((item) => ({ params: { slug: item.slug }, props: { item } }));
}

/** An Atom feed (RFC 4287) of the announcements; each entry's text is the announcement's own, plain. */
export async function atomFeed(lang: Locale, site: URL): Promise<string> {
  const m = textsFor(newsTexts, lang);
  const { organisation } = await readSnapshot();
  const orgName = (lang === 'en' && organisation.nameEn) || organisation.name;
  const items = await getAnnouncements();
  const url = (path: string) => new URL(path, site).href;
  const updated = items.reduce(
    (latest, item) => (item.updatedAt > latest ? item.updatedAt : latest),
    items[0]?.updatedAt ?? new Date(0).toISOString(),
  );
  const entries = items.map(
    (item) => html`<entry xml:lang="${item.language}">
<id>${url(routes.newsItem(lang, item.slug))}</id>
<title>${item.title}</title>
<link rel="alternate" type="text/html" href="${url(routes.newsItem(lang, item.slug))}"/>
<published>${item.publishedAt}</published>
<updated>${item.updatedAt}</updated>
<category term="${item.kind}" label="${m.kinds[item.kind]}"/>
${item.contentWarning ? html`<summary>${m.contentWarning(item.contentWarning)}</summary>` : ''}
<content type="text">${item.body}</content>
</entry>`,
  );
  // XML escapes like HTML: the kit's templates write it too.
  return String(html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
<id>${url(routes.newsFeed(lang))}</id>
<title>${m.title} – ${orgName}</title>
<link rel="self" type="application/atom+xml" href="${url(routes.newsFeed(lang))}"/>
<link rel="alternate" type="text/html" href="${url(routes.news(lang))}"/>
<updated>${updated}</updated>
<author><name>${orgName}</name></author>
${join(entries, '\n')}
</feed>
`);
}
