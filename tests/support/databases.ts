/**
 * The databases every API and service test runs on: PGlite in memory always, and the
 * PostgreSQL server when TEST_DATABASE_URL is set. Each server run gets a database of
 * its own, created for the test file and dropped after it, so files never collide.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../api/db/client.ts';

export type DatabaseTarget = { name: string; open(): Promise<Database> };

export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [{ name: 'PGlite', open: () => openDatabase({ dataDir: 'memory' }) }];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) targets.push({ name: 'PostgreSQL server', open: () => openScratchDatabase(serverUrl) });
  return targets;
}

async function openScratchDatabase(serverUrl: string): Promise<Database> {
  const name = `podium_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
