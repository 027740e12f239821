/**
 * Opens Podium's database: PGlite (embedded PostgreSQL) by default, a PostgreSQL server
 * through postgres.js when a connection URL is given. Both run the same migrations.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { withNamedStatements } from './named-statements.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The drizzle handle services receive; the same API on PGlite and on postgres.js. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /**
   * Applies pending migrations, then runs `afterwards` (seeding an empty database), holding the
   * deployment's migration lock throughout: processes started together do both one at a time, so
   * the second finds the first's demo data instead of seeding beside it.
   */
  migrate(afterwards?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
};

export type DatabaseOptions =
  /** A PostgreSQL server; `parallelWorkers` per gather in a query (PODIUM_DB_PARALLEL_WORKERS), 0 unless set. */
  | { url: string; parallelWorkers?: number }
  /** A PGlite data directory, or `memory` for a throw-away in-memory database. */
  | { dataDir: string | 'memory' };

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// Any constant works; it only has to be the same for every Podium process.
const MIGRATION_LOCK_KEY = 728_146_001;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return 'url' in options ? openPostgres(options.url, options.parallelWorkers ?? 0) : openPglite(options.dataDir);
}

async function openPostgres(url: string, parallelWorkers: number): Promise<Database> {
  // Quiet NOTICEs (e.g. "schema drizzle already exists") would otherwise go to the console.
  // JIT compilation off for every connection: Podium's statements are short or grouped scans
  // the planner overprices, and compiling them cost more than running them (6.1 s of a 7.3 s
  // insights query at 100 thousand items on a busy 2-core server, the query itself 1.2 s).
  // Each execution planned for its own parameters, as before statements were named
  // (named-statements.ts): a generic plan could suit one consultation and not the next.
  // No parallel workers unless the operator says (PODIUM_DB_PARALLEL_WORKERS): on a 2-core
  // server shared with the API, starting them cost more than they saved (at a million items the
  // overdue count took 66–70 ms with two workers, 36–48 ms without; insights over two years
  // 1.4 s against 0.9 s; the queue's search 132 against 69 ms). A database server with cores of
  // its own may gain on long scans. The setting travels as a string: postgres.js leaves out
  // startup parameters that are falsy, and a numeric 0 would leave the server's default (2).
  const pool = (max: number, planCacheMode: 'force_custom_plan' | 'auto') =>
    postgres(url, {
      onnotice: () => {},
      max,
      connection: {
        jit: 'off',
        plan_cache_mode: planCacheMode,
        max_parallel_workers_per_gather: String(parallelWorkers),
      },
    });
  const client = pool(10, 'force_custom_plan');
  const db = drizzlePostgres(withNamedStatements(client), { schema });
  // The write path's few statements plan the same whatever their parameters (inserts, lookups
  // by key); planned afresh each time they cost PostgreSQL as much again as writing the rows.
  const steadyClient = pool(STEADY_CONNECTIONS, 'auto');
  steadyTwins.set(db as unknown as Db, drizzlePostgres(withNamedStatements(steadyClient), { schema }) as unknown as Db);
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    async migrate(afterwards) {
      // Several API processes may start together; the advisory lock lets one migrate at a time.
      // The lock is held by one reserved connection while the migrator uses the pool.
      const holder = await client.reserve();
      try {
        await holder`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(db, { migrationsFolder });
        await afterwards?.();
      } finally {
        await holder`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
        holder.release();
      }
    },
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), steadyClient.end({ timeout: 5 })]);
    },
  };
}

/** Connections per process for statements with steady plans, beside the pool's ten. */
const STEADY_CONNECTIONS = 4;

const steadyTwins = new WeakMap<Db, Db>();

/**
 * The same database for statements whose plan does not depend on their parameters, so that
 * PostgreSQL may keep one plan for them (`plan_cache_mode=auto`, its own default): a
 * resident's input and its flood check, sent alone (no transaction holds one of these few
 * connections). Every other statement is planned for its own parameters
 * (`force_custom_plan`, above): a generic plan could suit one consultation and not the next.
 * On PGlite, one connection, the database itself.
 */
export function withSteadyPlans(db: Db): Db {
  return steadyTwins.get(db) ?? db;
}

/**
 * PGlite runs PostgreSQL inside this process, so its buffer cache is this process's memory:
 * PostgreSQL's default of 128 MB made an idle Podium 500 MB. The files it reads stay in the
 * operating system's page cache either way. (`postgresqlconf` would write postgresql.conf
 * in the data directory; start parameters leave the directory as it is.)
 */
export const PGLITE_SHARED_BUFFERS = '32MB';
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`];

async function openPglite(dataDir: string): Promise<Database> {
  let lock: DataDirLock | undefined;
  if (dataDir !== 'memory') {
    // PGlite does not create parent directories, and two processes on one directory lose data.
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
  }
  try {
    const client = new PGlite({ ...(dataDir === 'memory' ? {} : { dataDir }), startParams: PGLITE_START_PARAMS });
    await client.waitReady;
    const db = drizzlePglite(client, { schema });
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      // One process per data directory (the lock above): nobody else can migrate or seed meanwhile.
      async migrate(afterwards) {
        await migratePglite(db, { migrationsFolder });
        await afterwards?.();
      },
      async close() {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Cheap liveness check for `/api/health`. */
export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
