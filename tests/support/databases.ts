/**
 * The databases every API and service test runs on: PGlite in memory always, and the
 * PostgreSQL server when TEST_DATABASE_URL is set. Each server run gets a database of
 * its own, created for the test file and dropped after it, so files never collide.
 *
 * Speed: `open()` gives a database that is already migrated, copied from a template made
 * once per set of migrations rather than migrated again in every test file (a fresh PGlite
 * runs initdb and every migration: seconds per file on a busy machine). For PGlite the
 * template is a dump of a migrated data directory in the system temp directory; for the
 * server it is a database `podium_template_<hash>` that scratch databases are created from
 * (`create database … template …`). The hash covers the migration files (and PGlite's
 * version), so a new or changed migration makes a new template by itself; nothing for a
 * new test file to do. Calling `migrate()` on such a database still works (drizzle finds
 * nothing to apply). `openEmpty()` gives an unmigrated database, for the tests of the
 * migrations themselves (tests/api/database.test.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import postgres from 'postgres';
import { migrationsFolder, openDatabase, type Database, type Db } from '../../api/db/client.ts';
import * as schema from '../../api/db/schema.ts';

export type DatabaseTarget = {
  name: string;
  /** A scratch database with every migration applied. */
  open(): Promise<Database>;
  /** A scratch database with nothing in it yet, for testing the migrations. */
  openEmpty(): Promise<Database>;
};

export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [
    { name: 'PGlite', open: openMigratedPglite, openEmpty: () => openDatabase({ dataDir: 'memory' }) },
  ];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl)
    targets.push({
      name: 'PostgreSQL server',
      open: async () => openScratchDatabase(serverUrl, await serverTemplate(serverUrl)),
      openEmpty: () => openScratchDatabase(serverUrl, null),
    });
  return targets;
}

/** Identifies the schema the migrations build: a changed or added migration gives a new key. */
function migrationsKey(): string {
  const digest = createHash('sha256');
  const pglitePackage = new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url);
  const pgliteVersion = (JSON.parse(readFileSync(pglitePackage, 'utf8')) as { version: string }).version;
  digest.update(`pglite ${pgliteVersion}\n`);
  const files = readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort();
  for (const file of files) {
    if (!/\.(sql|json)$/.test(file)) continue;
    digest.update(`${file}\n`);
    digest.update(readFileSync(join(migrationsFolder, file)));
  }
  return digest.digest('hex').slice(0, 16);
}

let key: string | undefined;
const templateKey = () => (key ??= migrationsKey());

/**
 * The migrated PGlite data directory as a tar file. Made by the first test file that needs
 * it; files racing to make it each write their own copy and rename it into place.
 */
let pgliteImage: Promise<Blob> | undefined;
function migratedPgliteImage(): Promise<Blob> {
  pgliteImage ??= (async () => {
    const dir = join(tmpdir(), 'podium-test-databases');
    const file = join(dir, `pglite-${templateKey()}.tar`);
    try {
      return new Blob([readFileSync(file)]);
    } catch {
      const fresh = await openDatabase({ dataDir: 'memory' });
      await fresh.migrate();
      const client = (fresh.db as unknown as { $client: PGlite }).$client;
      const image = await client.dumpDataDir('none');
      await fresh.close();
      mkdirSync(dir, { recursive: true });
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
      renameSync(partial, file);
      return image;
    }
  })();
  return pgliteImage;
}

/** Like `openDatabase({ dataDir: 'memory' })` (api/db/client.ts), but starting from the migrated image. */
export async function openMigratedPglite(): Promise<Database> {
  const client = new PGlite({ loadDataDir: await migratedPgliteImage() });
  await client.waitReady;
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}

// Any constant works; it only has to be the same for every test process.
const TEMPLATE_LOCK_KEY = 728_146_002;

/**
 * The name of a migrated template database on the server, made once under an advisory
 * lock (test files run side by side). Templates of older migration sets stay behind: other
 * checkouts on the same server may still use them, and each is only a few megabytes.
 */
let serverTemplateName: Promise<string> | undefined;
function serverTemplate(serverUrl: string): Promise<string> {
  serverTemplateName ??= (async () => {
    const name = `podium_template_${templateKey()}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    try {
      await admin`select pg_advisory_lock(${TEMPLATE_LOCK_KEY})`;
      const [existing] = await admin`select 1 from pg_database where datname = ${name}`;
      if (!existing) {
        const building = `${name}_building`;
        await admin.unsafe(`drop database if exists ${building} with (force)`);
        await admin.unsafe(`create database ${building}`);
        const database = await openDatabase({ url: databaseUrl(serverUrl, building) });
        try {
          await database.migrate();
        } finally {
          await database.close();
        }
        // Renamed only when complete, so a half-made template is never copied.
        await admin.unsafe(`alter database ${building} rename to ${name}`);
      }
    } finally {
      await admin`select pg_advisory_unlock(${TEMPLATE_LOCK_KEY})`.catch(() => {});
      await admin.end();
    }
    return name;
  })();
  return serverTemplateName;
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function openScratchDatabase(serverUrl: string, template: string | null): Promise<Database> {
  const name = `podium_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ''}`);
  const database = await openDatabase({ url: databaseUrl(serverUrl, name) });
  return {
    ...database,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
