import type { Db, DatabaseKind } from '../db/client.ts';
import type { ProofOfWork } from '../services/proof-of-work.ts';
import type { OriginPolicy } from './origin-policy.ts';
import type { VisitKind } from '../services/reach/counter.ts';

/** What every request handler can read from the context. */
export type AppEnv = {
  Variables: {
    db: Db;
    databaseKind: DatabaseKind;
    /** The clock; tests replace it. */
    now: () => Date;
    origins: OriginPolicy;
    /** Signs and checks proof-of-work challenges (see services/proof-of-work.ts). */
    proofOfWork: ProofOfWork;
    /** Set by the handler that served a portal page or document (http/visit-counting.ts counts it). */
    countAs?: VisitKind;
  };
};
