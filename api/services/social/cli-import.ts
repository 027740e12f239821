/**
 * `npx podium thread import …`: mirrors a thread from the command line until staff have a
 * screen for it. Threads belong to the deployment's (first) organisation.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { asc } from 'drizzle-orm';
import { SocialPlatform } from '../../contracts/social-thread.ts';
import type { Db } from '../../db/client.ts';
import { organisations } from '../../db/schema.ts';
import { fetchThread } from './fetch-thread.ts';
import { importThreadPayload } from './import-payload.ts';
import { importThread } from './threads.ts';

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** Returns the process exit code. */
export async function importThreadCommand(
  db: Db,
  argv: string[],
  options: { xBearerToken?: string; log: (message: string) => void },
): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { own: { type: 'string' }, official: { type: 'string' }, root: { type: 'string' } },
  });
  const directory = { ownAccounts: list(values.own), officialAccounts: list(values.official) };
  const [action, first, second] = positionals;
  const [organisation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  if (!organisation) {
    options.log('There is no organisation yet: run `npx podium seed` or set one up first.');
    return 1;
  }
  const now = new Date();
  let result;
  if (action === 'import' && first) {
    const thread = await fetchThread(first, { ...directory, xBearerToken: options.xBearerToken });
    result = await importThread(db, { organisationId: organisation.id, thread, sourceUrl: first, live: true, now });
  } else if (action === 'import-json' && first && second) {
    const platform = SocialPlatform.safeParse(first);
    if (!platform.success) {
      options.log(`Unknown platform "${first}": use ${SocialPlatform.options.join(', ')}.`);
      return 2;
    }
    const payload: unknown = JSON.parse(await readFile(second, 'utf8'));
    const thread = importThreadPayload(platform.data, payload, { ...directory, rootId: values.root });
    result = await importThread(db, { organisationId: organisation.id, thread, live: false, now });
  } else {
    options.log('Usage: npx podium thread import <post-url> | thread import-json <platform> <file.json> [--root <id>]');
    return 2;
  }
  const { added, edited, deleted } = result.stats;
  options.log(
    `Thread ${result.threadId} ${result.created ? 'mirrored' : 'updated'}: ${added} new, ${edited} edited, ${deleted} deleted.`,
  );
  options.log(`Public: /api/threads/${result.threadId}`);
  return 0;
}
