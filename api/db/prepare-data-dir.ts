/**
 * A new embedded database is created and migrated in a process of its own before the server
 * opens it. Creating a PGlite data directory (initdb) and running every migration on it passes
 * a few hundred MB through the process's allocator, which keeps them: a server that did both
 * itself idled at 450 MB, one that opened a prepared directory at about 310 MB
 * (`npm run bench:memory`, "first start" against "started again"). Only the first start pays
 * the child's start-up (about two seconds).
 *
 * Best effort: when the child fails (another process holds the directory, say), the server
 * opens the directory itself as before and reports what is wrong in its own words.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './client.ts';

const self = fileURLToPath(import.meta.url);

/** Whether `dataDir` holds no database yet (PostgreSQL writes PG_VERSION when it creates one). */
export const isNewDataDir = (dataDir: string) => !existsSync(join(dataDir, 'PG_VERSION'));

/** Creates and migrates `dataDir` in a child process; resolves whether that worked. */
export function prepareDataDirApart(dataDir: string): Promise<boolean> {
  return new Promise((resolve) => {
    // Its output is not needed: on failure the server's own open reports the problem.
    const child = spawn(process.execPath, [self, dataDir], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}

if (process.argv[1] === self) {
  const database = await openDatabase({ dataDir: process.argv[2]! });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
}
