/**
 * Before the large municipality's server starts (playwright.config.ts): the demo and the
 * journeys' colleagues, as for the demo server (journey-accounts.ts), and then the generated
 * input of a large municipality (`podium generate`) and a much-discussed mirrored
 * conversation, once: a rerun on the same data directory finds them there and adds none.
 */
import { and, eq, isNull, like, sql } from 'drizzle-orm';
import { loadConfig } from '../../api/config.ts';
import type { Db } from '../../api/db/client.ts';
import { consultations, socialPosts, socialThreads } from '../../api/db/schema.ts';
import { openConfiguredDatabase } from '../../api/server.ts';
import { generateItems } from '../../api/services/generate.ts';
import { importMastodonThread } from '../../api/services/social/mastodon.ts';
import { importThread } from '../../api/services/social/threads.ts';
import { MASTODON_ORIGIN, mastodonAccount, mastodonStatus } from '../fixtures/social/payloads.ts';
import { LARGE_MUNICIPALITY_ITEMS, LONG_CONVERSATION } from './browser-env.ts';

await import('./journey-accounts.ts');
const database = await openConfiguredDatabase(loadConfig());
try {
  const generated = await database.db
    .select({ slug: consultations.slug })
    .from(consultations)
    .where(like(consultations.slug, 'gen-%'))
    .limit(1);
  if (generated.length === 0) {
    const report = await generateItems(database.db, { items: LARGE_MUNICIPALITY_ITEMS });
    console.log(`Generated ${report.submissions} items in ${report.consultations.length} consultations.`);
  } else {
    console.log('The generated items are in place.');
  }
  const long = await database.db
    .select({ id: socialThreads.id })
    .from(socialThreads)
    .where(sql`${socialThreads.title}->>'nl' = ${LONG_CONVERSATION.title.nl}`);
  if (long.length === 0) {
    await mirrorLongConversation(database.db);
    console.log(`Mirrored a conversation of ${LONG_CONVERSATION.replies} replies.`);
  }
} finally {
  await database.close();
}

/**
 * A much-discussed conversation, mirrored and published: more replies than one page of the
 * portal shows, some answering each other, from a handful of residents.
 */
async function mirrorLongConversation(db: Db): Promise<void> {
  const rootId = '990000';
  const residents = ['anna', 'bram', 'cees', 'dirk', 'eva', 'fien', 'gijs'];
  const descendants = Array.from({ length: LONG_CONVERSATION.replies }, (_, index) => {
    const i = index + 1;
    const who = residents[i % residents.length]!;
    // Now and then a resident names another: the portal shows a letter, not the handle.
    const named = i % 40 === 0 ? residents[(i / 40) % residents.length]! : undefined;
    return mastodonStatus(`${rootId}${i}`, {
      in_reply_to_id: i % 5 === 0 ? `${rootId}${i - 1}` : rootId,
      account: mastodonAccount(who),
      created_at: new Date(Date.now() - (LONG_CONVERSATION.replies - i) * 60_000).toISOString(),
      url: `${MASTODON_ORIGIN}/@${who}/${rootId}${i}`,
      content: named
        ? `<p><a href="${MASTODON_ORIGIN}/@${named}">@${named}</a> eens, reactie ${i} over de parkeerregels.</p>`
        : `<p>Reactie ${i} over de parkeerregels.</p>`,
      mentions: named
        ? [{ id: `acc-${named}`, username: named, acct: named, url: `${MASTODON_ORIGIN}/@${named}` }]
        : [],
    });
  });
  const thread = importMastodonThread(
    { status: mastodonStatus(rootId), context: { ancestors: [], descendants } },
    { ownAccounts: ['gemeente@social.gemeente.example'] },
  );
  const [consultation] = await db.select().from(consultations).where(eq(consultations.slug, 'parkeren-centrum'));
  const { threadId } = await importThread(db, {
    organisationId: consultation!.organisationId,
    thread,
    consultationId: consultation!.id,
    live: false,
    now: new Date(),
  });
  await db.update(socialThreads).set({ title: LONG_CONVERSATION.title }).where(eq(socialThreads.id, threadId));
  await db
    .update(socialPosts)
    .set({ publishedAt: new Date(), reviewState: 'published' })
    .where(and(eq(socialPosts.threadId, threadId), isNull(socialPosts.publishedAt)));
}
