import type { Db, DatabaseKind } from '../db/client.ts';
import type { OriginPolicy } from './origin-policy.ts';

/** What every request handler can read from the context. */
export type AppEnv = {
  Variables: {
    db: Db;
    databaseKind: DatabaseKind;
    /** The clock; tests replace it. */
    now: () => Date;
    origins: OriginPolicy;
  };
};
