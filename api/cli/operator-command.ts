/**
 * Runs an operator job (./operator-jobs.ts) on the configured database, or — when a server
 * holds the embedded database — through that server's admin socket, as `import` does.
 */
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import type { Config } from '../config.ts';
import { openConfiguredDatabase } from '../server.ts';
import { sendToServer } from '../services/social/admin-socket.ts';
import { runOperatorJob, type OperatorJob, type OperatorResult } from './operator-jobs.ts';

/** Returns the process exit code. */
export async function operatorCommand(
  config: Config,
  job: OperatorJob,
  io: { out: (line: string) => void; err: (line: string) => void } = { out: console.log, err: console.error },
  send: typeof sendToServer = sendToServer,
): Promise<number> {
  let result: OperatorResult;
  try {
    const database = await openConfiguredDatabase(config);
    try {
      await database.migrate();
      result = await runOperatorJob(database.db, job);
    } finally {
      await database.close();
    }
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    let answer: OperatorResult | { ok: false; error: string };
    try {
      answer = (await send(config.dataDir, job)) as OperatorResult | { ok: false; error: string };
    } catch {
      io.err(
        `The data directory ${config.dataDir} is in use by another process${error.pid === undefined ? '' : ` (pid ${error.pid})`}, ` +
          'and no Podium server answers on its local socket. Stop that process and run the command again.',
      );
      return 1;
    }
    if (!('code' in answer)) {
      io.err(answer.error);
      return 1;
    }
    result = answer;
  }
  result.out.forEach((line) => io.out(line));
  result.err.forEach((line) => io.err(line));
  return result.code;
}
