/**
 * A demo Mastodon thread, written for Podium (no real person's posts): the municipality
 * asks about the cycle route, residents answer. Imported through the same importer as a
 * live thread, so the demo shows what a mirror really looks like: a reply in English, a
 * photo without a description, an edited reply and an official account.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { socialPosts } from '../db/schema.ts';
import { importMastodonThread } from './social/mastodon.ts';
import { importThread } from './social/threads.ts';

const INSTANCE = 'https://social.demodam.example';

function status(
  id: string,
  account: { id: string; acct: string; name: string },
  content: string,
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    uri: `${INSTANCE}/users/${account.acct}/statuses/${id}`,
    url: `${INSTANCE}/@${account.acct}/${id}`,
    visibility: 'public',
    language: 'nl',
    content,
    spoiler_text: '',
    sensitive: false,
    in_reply_to_id: null,
    account: { id: account.id, acct: account.acct, display_name: account.name, url: `${INSTANCE}/@${account.acct}` },
    media_attachments: [],
    mentions: [],
    tags: [],
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    edited_at: null,
    ...extra,
  };
}

const municipality = { id: '1', acct: 'gemeentedemodam', name: 'Gemeente Demodam' };
const police = { id: '2', acct: 'politiedemodam', name: 'Politie Demodam' };
const resident1 = { id: '11', acct: 'fietsfan', name: 'Fietsfan Demodam' };
const resident2 = { id: '12', acct: 'anna', name: 'Anna' };
const resident3 = { id: '13', acct: 'commuter', name: 'Sam' };

export async function seedDemoThread(db: Db, organisationId: string, consultationId: string, now: Date) {
  const day = 24 * 60 * 60 * 1000;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * day).toISOString();
  const root = status(
    '1001',
    municipality,
    '<p>Waar moet de nieuwe fietsroute van het station naar het centrum komen? Denk mee tot eind januari! <a href="https://www.demodam.example/fietsroute" rel="nofollow noopener" target="_blank"><span class="invisible">https://www.</span><span class="">demodam.example/fietsroute</span></a> <a href="https://social.demodam.example/tags/fietsen" class="mention hashtag">#<span>fietsen</span></a></p>',
    { created_at: at(10), replies_count: 4, reblogs_count: 12, favourites_count: 30, tags: [{ name: 'fietsen' }] },
  );
  const replies = [
    status('1002', resident1, '<p>Langs de Parklaan graag, daar is het rustig. Wel verlichting!</p>', {
      created_at: at(9),
      in_reply_to_id: '1001',
      favourites_count: 8,
    }),
    status('1003', resident2, '<p>Zo ziet het kruispunt er nu uit in de spits.</p>', {
      created_at: at(9),
      in_reply_to_id: '1001',
      media_attachments: [
        {
          type: 'image',
          url: `${INSTANCE}/media/kruispunt.jpg`,
          preview_url: `${INSTANCE}/media/kruispunt-small.jpg`,
          description: null,
        },
      ],
    }),
    status(
      '1004',
      police,
      '<p>Goed idee om de kruising mee te nemen: daar gebeuren de meeste ongelukken met fietsers.</p>',
      {
        created_at: at(8),
        in_reply_to_id: '1003',
      },
    ),
    status(
      '1005',
      resident3,
      '<p>I cycle here every day: please make Stationsstraat safe rather than sending us round the park.</p>',
      { created_at: at(7), in_reply_to_id: '1001', language: 'en', edited_at: at(6) },
    ),
  ];
  const thread = importMastodonThread(
    { status: root, context: { ancestors: [], descendants: replies } },
    {
      ownAccounts: ['gemeentedemodam@social.demodam.example'],
      officialAccounts: ['politiedemodam@social.demodam.example'],
    },
  );
  const result = await importThread(db, {
    organisationId,
    thread,
    consultationId,
    title: { nl: 'Gesprek op Mastodon over de fietsroute', en: 'Conversation on Mastodon about the cycle route' },
    live: false,
    now,
  });
  // The demo's residents' replies were moderated long ago: they show on the portal.
  await db
    .update(socialPosts)
    .set({ reviewState: 'published', publishedAt: now })
    .where(and(eq(socialPosts.threadId, result.threadId), eq(socialPosts.reviewState, 'new')));
  return result;
}
