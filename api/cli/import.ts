/**
 * `npx podium import <url|file>`: mirrors a thread from a post address or from a JSON file a
 * platform's API returned; the platform is detected from the address or the JSON's shape.
 *
 * With PostgreSQL the command connects like any API process. With the embedded database it
 * opens the data directory itself when no server runs, and otherwise hands the job to the
 * running server over its local socket (services/social/admin-socket.ts).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { asc } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { SocialPlatform } from '../../shared/contracts/social-thread.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { organisations } from '../db/schema.ts';
import { openConfiguredDatabase } from '../server.ts';
import { sendToServer } from '../services/social/admin-socket.ts';
import { combineExportFiles } from '../services/social/import-payload.ts';
import { SocialImportError } from '../services/social/model.ts';
import { runImportJob, type ImportJob, type ImportJobResult } from '../services/social/import-job.ts';

export const IMPORT_HELP = `Usage: npx podium import <post-url | file.json | status.json context.json> [options]

Mirrors a social-media thread and, for a post address, keeps it in sync. The platform is
detected from the address (Mastodon, Bluesky; X with PODIUM_X_BEARER_TOKEN) or from the
JSON's shape (Mastodon, Bluesky, X, Facebook, Instagram). Files are read as the platforms
give them: Mastodon's status and its context as two files (GET /api/v1/statuses/:id and
/api/v1/statuses/:id/context), Bluesky's app.bsky.feed.getPostThread answer as one.

Options:
  --platform <name>        say the platform of a JSON file when it cannot be detected
  --root <id>              the root post's id (Facebook and Instagram comment lists)
  --consultation <slug>    show the thread with this consultation
  --own a,b                the municipality's own accounts (besides its social-media channels)
  --official c,d           other official accounts (shown by name, never pseudonymised)
  --publish                publish at once the residents' replies that screening did not flag
                           (your moderation decision, audited); flagged ones wait in the queue

Works whether or not the server runs: with the embedded database a running server takes the
job over its local socket in the data directory.
`;

export class ImportUsageError extends Error {
  override name = 'ImportUsageError';
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** Reads the arguments into a job; reads the file when the source is not an address. */
export async function parseImportArgs(argv: string[]): Promise<ImportJob> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        platform: { type: 'string' },
        root: { type: 'string' },
        consultation: { type: 'string' },
        own: { type: 'string' },
        official: { type: 'string' },
        publish: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new ImportUsageError(error instanceof Error ? error.message : String(error));
  }
  const { positionals, values } = parsed;
  const [source, ...rest] = positionals;
  if (!source) throw new ImportUsageError('Give one post address or the JSON file(s) of one thread.');
  if (rest.length > 0 && positionals.some((p) => /^(https?|at):\/\//i.test(p)))
    throw new ImportUsageError('Give one post address, or JSON files, not both.');
  if (rest.length > 1) throw new ImportUsageError('Give at most two files: a Mastodon status and its context.');
  let platform: SocialPlatform | undefined;
  if (values.platform !== undefined) {
    const known = SocialPlatform.safeParse(values.platform);
    if (!known.success)
      throw new ImportUsageError(`Unknown platform "${values.platform}": use ${SocialPlatform.options.join(', ')}.`);
    platform = known.data;
  }
  const job: ImportJob = {
    command: 'import',
    ...(platform ? { platform } : {}),
    ...(values.root ? { rootId: values.root } : {}),
    ...(values.consultation ? { consultation: values.consultation } : {}),
    ownAccounts: list(values.own),
    officialAccounts: list(values.official),
    ...(values.publish ? { publish: true } : {}),
  };
  if (/^(https?|at):\/\//i.test(source)) return { ...job, url: source };
  const documents: unknown[] = [];
  for (const file of positionals) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new ImportUsageError(`Cannot read the file ${file}. Give a post address (https://…) or a JSON file.`);
    }
    try {
      documents.push(JSON.parse(text) as unknown);
    } catch {
      throw new ImportUsageError(`${file} is not JSON.`);
    }
  }
  try {
    return { ...job, payload: combineExportFiles(documents) };
  } catch (error) {
    if (error instanceof SocialImportError) throw new ImportUsageError(error.message);
    throw error;
  }
}

export function describeResult(result: ImportJobResult, via: 'database' | 'server'): string {
  if (!result.ok) {
    const hint = /\brootId\b/.test(result.error) ? ' Give the root post’s id with --root <id>.' : '';
    return `Not imported: ${result.error}${hint}`;
  }
  const { added, edited, withheld, deleted } = result.stats;
  return [
    `Thread ${result.threadId} (${result.platform}) ${result.created ? 'mirrored' : 'updated'}${via === 'server' ? ' by the running server' : ''}: ${added} new, ${edited} edited, ${withheld ? `${withheld} blocked or hidden, ` : ''}${deleted} deleted.`,
    result.replies.waiting > 0
      ? `${result.replies.published} replies published; ${result.replies.waiting} wait in the moderation queue (/beheer/) until a moderator decides.`
      : `${result.replies.published} replies published; none wait in the moderation queue.`,
    `Public: /api/threads/${result.threadId}`,
  ].join('\n');
}

/** Returns the process exit code. */
export async function importCommand(
  config: Config,
  argv: string[],
  io: { out: (message: string) => void; err: (message: string) => void },
): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    io.out(IMPORT_HELP);
    return argv.length === 0 ? 2 : 0;
  }
  let job: ImportJob;
  try {
    job = await parseImportArgs(argv);
  } catch (error) {
    if (error instanceof ImportUsageError) {
      io.err(`${error.message}\n\n${IMPORT_HELP}`);
      return 2;
    }
    throw error;
  }
  let result: ImportJobResult;
  let via: 'database' | 'server' = 'database';
  try {
    const database = await openConfiguredDatabase(config);
    try {
      await database.migrate();
      const [organisation] = await database.db
        .select({ id: organisations.id })
        .from(organisations)
        .orderBy(asc(organisations.createdAt))
        .limit(1);
      if (!organisation) {
        io.err('There is no organisation yet: make it with `npx podium setup` (or `npx podium seed` for the demo).');
        return 1;
      }
      result = await runImportJob(database.db, organisation.id, job, config.threadImports, new Date());
    } finally {
      await database.close();
    }
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    // A server holds the embedded database: it does the import for us.
    try {
      result = await sendToServer(config.dataDir, job);
      via = 'server';
    } catch {
      io.err(
        `The data directory ${config.dataDir} is in use by another process${error.pid === undefined ? '' : ` (pid ${error.pid})`}, and no Podium ` +
          'server answers on its local socket. Stop that process and run the import again, or import ' +
          'through the staff API (POST /api/staff/threads) of the running server.',
      );
      return 1;
    }
  }
  (result.ok ? io.out : io.err)(describeResult(result, via));
  return result.ok ? 0 : 1;
}
