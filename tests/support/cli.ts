/**
 * The operator's command line as tests use it: `npx podium …` run as a process of its own, and
 * this test process standing in for the running server (holding the embedded database's data
 * directory and answering on its admin socket), so a command's hand-over to the server is
 * tested without starting one.
 */
import { execFile } from 'node:child_process';
import { isOperatorJob, runOperatorJob } from '../../api/cli/operator-jobs.ts';
import { openDatabase, type Database } from '../../api/db/client.ts';
import { startAdminSocket } from '../../api/services/social/admin-socket.ts';
import type { ImportSettings } from '../../api/services/social/thread-admin.ts';

export type CliRun = { code: number; stdout: string; stderr: string };

/**
 * Runs `npx podium <args>` as an operator would, on the embedded database unless `env` says
 * otherwise, without blocking this process (it may be the server the command talks to).
 */
export function runPodium(args: string[], env: Record<string, string> = {}, timeoutMs = 180_000): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['api/cli.ts', ...args],
      { env: { ...process.env, DATABASE_URL: '', PODIUM_SOCIAL_SYNC_SECONDS: '0', ...env }, timeout: timeoutMs },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export type StandInServer = {
  database: Database;
  socketPath: string;
  /** What the server logged about the jobs it ran. */
  lines: string[];
  close(): Promise<void>;
};

/**
 * This test process as the running server: it opens (and migrates) the data directory's
 * database, so commands cannot, and runs the operator jobs they hand over on its socket.
 */
export async function standInServer(
  dataDir: string,
  options: { prepare?: (database: Database) => Promise<void>; settings?: () => ImportSettings } = {},
): Promise<StandInServer> {
  const database = await openDatabase({ dataDir });
  await database.migrate();
  await options.prepare?.(database);
  const lines: string[] = [];
  const socket = await startAdminSocket(dataDir, database.db, {
    settings: options.settings ?? (() => ({ allowPrivateHosts: false })),
    log: (line) => lines.push(line),
    operator: { isJob: isOperatorJob, run: (job) => runOperatorJob(database.db, job) },
  });
  return {
    database,
    socketPath: socket.path,
    lines,
    async close() {
      await socket.close();
      await database.close();
    },
  };
}
