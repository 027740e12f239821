/** /nieuws/feed.xml: the announcements as an Atom feed. */
import type { APIRoute } from 'astro';
import { atomFeed } from '../../lib/news.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(await atomFeed('nl', site ?? new URL('http://localhost:4321')), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
