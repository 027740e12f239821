/**
 * A local channel from the command line to the running server, for the embedded database.
 *
 * PGlite admits one process per data directory, so while a server runs, `npx podium import`
 * cannot open the database itself. The server listens on a Unix socket in the data
 * directory, created with mode 0600: only the operator's account (and root) can connect,
 * exactly those who could also read the database files. One JSON request per connection,
 * one JSON answer. Nothing listens on a network port.
 */
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations } from '../../db/schema.ts';
import type { OperatorJob, OperatorResult } from '../../cli/operator-jobs.ts';
import { describeImportError, type ImportJob, runImportJob, type ImportJobResult } from './import-job.ts';
import type { ImportSettings } from './thread-admin.ts';

export const ADMIN_SOCKET_NAME = 'podium-admin.sock';
/** Largest request: a platform's JSON thread. */
const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

export const adminSocketPath = (dataDir: string) => join(dataDir, ADMIN_SOCKET_NAME);

/** Listens for import jobs; resolves when listening. The returned close() removes the socket. */
export async function startAdminSocket(
  dataDir: string,
  db: Db,
  options: {
    settings: () => ImportSettings;
    now?: () => Date;
    log?: (message: string) => void;
    /**
     * The other operator commands (`setup`, `staff add`, `privacy`), so they work while this server
     * holds the embedded database; `isJob` checks a request's shape before `run` sees it.
     */
    operator?: { isJob(value: unknown): value is OperatorJob; run(job: OperatorJob): Promise<OperatorResult> };
  },
): Promise<{ path: string; close(): Promise<void> }> {
  const path = adminSocketPath(dataDir);
  // Left by a server that crashed; we hold the data directory's lock, so no one else uses it.
  if (existsSync(path)) rmSync(path, { force: true });
  const server: Server = createServer((socket) => {
    const chunks: Buffer[] = [];
    let size = 0;
    socket.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        socket.end(`${JSON.stringify({ ok: false, error: 'The request is too large.' })}\n`);
        socket.destroy();
        return;
      }
      chunks.push(chunk);
      if (!chunk.includes(10)) return;
      socket.pause();
      const line = Buffer.concat(chunks).toString('utf8').split('\n')[0]!;
      handle(line).then(
        (answer) => socket.end(`${JSON.stringify(answer)}\n`),
        (error: unknown) => socket.end(`${JSON.stringify({ ok: false, error: describeImportError(error) })}\n`),
      );
    });
    socket.on('error', () => socket.destroy());
  });

  async function handle(line: string): Promise<ImportJobResult | OperatorResult> {
    let request: unknown;
    try {
      request = JSON.parse(line);
    } catch {
      return { ok: false, error: 'The request is not JSON.' };
    }
    if (options.operator?.isJob(request)) {
      const result = await options.operator.run(request);
      // Which command ran, never its arguments: they hold e-mail addresses and a password.
      options.log?.(`Ran "${request.command}" for the command line (exit code ${result.code}).`);
      return result;
    }
    const job = request as ImportJob;
    if (job?.command !== 'import') return { ok: false, error: 'Unknown command.' };
    const [organisation] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .orderBy(asc(organisations.createdAt))
      .limit(1);
    if (!organisation) return { ok: false, error: 'There is no organisation yet.' };
    const result = await runImportJob(
      db,
      organisation.id,
      job,
      options.settings(),
      (options.now ?? (() => new Date()))(),
    );
    options.log?.(
      result.ok ? `Imported thread ${result.threadId} for the command line.` : `Import refused: ${result.error}`,
    );
    return result;
  }

  // Only the owner may connect: the socket is created with no rights for group and others.
  // The socket file is bound inside listen(), so the umask is changed for that call only.
  const listening = new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => resolve());
  });
  const previous = process.umask(0o177);
  try {
    server.listen(path);
  } finally {
    process.umask(previous);
  }
  await listening;
  chmodSync(path, 0o600);
  return {
    path,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          rmSync(path, { force: true });
          resolve();
        });
      }),
  };
}

/** Sends one job to the running server; rejects when no server listens. */
export function sendToServer(dataDir: string, job: ImportJob, timeoutMs?: number): Promise<ImportJobResult>;
export function sendToServer(dataDir: string, job: OperatorJob, timeoutMs?: number): Promise<OperatorResult>;
export function sendToServer(
  dataDir: string,
  job: ImportJob | OperatorJob,
  timeoutMs = 120_000,
): Promise<ImportJobResult | OperatorResult> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(adminSocketPath(dataDir));
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('The server did not answer in time.')));
    socket.on('connect', () => socket.write(`${JSON.stringify(job)}\n`));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ImportJobResult | OperatorResult);
      } catch {
        reject(new Error('The server sent an answer that is not JSON.'));
      }
    });
  });
}
