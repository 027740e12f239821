/**
 * One import as the command line asks for it, run either in the CLI's own process or, with
 * the embedded database held by a running server, inside that server (admin-socket.ts).
 */
import type { SocialPlatform } from '../../../shared/contracts/social-thread.ts';
import type { Db } from '../../db/client.ts';
import { NeedsImportError } from './fetch-thread.ts';
import { SocialImportError } from './model.ts';
import { RateLimitedError, SourceHttpError } from './polite-fetch.ts';
import { ForbiddenSourceError } from './safe-fetch.ts';
import { importThreadFrom, type ImportSettings } from './thread-admin.ts';
import type { SyncStats } from './threads.ts';

export type ImportJob = {
  command: 'import';
  url?: string;
  payload?: unknown;
  platform?: SocialPlatform;
  rootId?: string;
  consultation?: string;
  ownAccounts?: string[];
  officialAccounts?: string[];
  /** The operator publishes the replies screening did not flag (`--publish`). */
  publish?: boolean;
};

export type ImportJobResult =
  | {
      ok: true;
      threadId: string;
      created: boolean;
      platform: SocialPlatform;
      stats: SyncStats;
      replies: { published: number; waiting: number };
    }
  | { ok: false; error: string };

/** An operator-readable reason; unexpected errors keep their own message. */
export function describeImportError(error: unknown): string {
  if (error instanceof ForbiddenSourceError)
    return `${error.message}. Set PODIUM_IMPORT_ALLOW_PRIVATE=1 only for a test or intranet instance.`;
  if (error instanceof NeedsImportError) return error.message;
  if (error instanceof SocialImportError) return `Not a thread Podium can read: ${error.message}`;
  if (error instanceof RateLimitedError)
    return `The platform asks to wait: try again after ${error.retryAt.toISOString()}.`;
  if (error instanceof SourceHttpError)
    return `The platform answered ${error.status}${error.code ? ` (${error.code})` : ''}.`;
  return error instanceof Error ? error.message : String(error);
}

export async function runImportJob(
  db: Db,
  organisationId: string,
  job: ImportJob,
  settings: ImportSettings,
  now: Date,
): Promise<ImportJobResult> {
  try {
    const outcome = await importThreadFrom(db, {
      organisationId,
      url: job.url,
      payload: job.payload,
      platform: job.platform,
      rootId: job.rootId,
      consultation: job.consultation,
      accounts: { ownAccounts: job.ownAccounts ?? [], officialAccounts: job.officialAccounts ?? [] },
      publish: job.publish === true,
      settings,
      now,
    });
    if (outcome.kind === 'unknown_platform')
      return { ok: false, error: 'Podium does not recognise this JSON: name the platform with --platform.' };
    if (outcome.kind === 'unknown_consultation')
      return { ok: false, error: 'There is no consultation with that slug.' };
    return {
      ok: true,
      threadId: outcome.threadId,
      created: outcome.created,
      platform: outcome.platform,
      stats: outcome.stats,
      replies: { published: outcome.published, waiting: outcome.waiting },
    };
  } catch (error) {
    return { ok: false, error: describeImportError(error) };
  }
}
