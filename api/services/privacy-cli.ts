/**
 * `npx podium privacy …`: the operator's tools for privacy requests that arrive outside
 * the portal, until the staff workbench has screens for them, and a manual retention purge.
 * The e-mail address or handle goes on the command line only; the audit log gets the
 * reference instead.
 */
import type { Db } from '../db/client.ts';
import { erasePersonalData, exportPersonalData, findPersonalData, type PersonQuery } from './personal-data.ts';
import { purgeExpired } from './retention.ts';

export const PRIVACY_HELP = `  privacy search  (--email <address> | --handle <handle>) [--reference <case number>]
  privacy export  (--email <address> | --handle <handle>) [--reference <case number>]   JSON on stdout
  privacy erase   (--email <address> | --handle <handle>) --yes [--reference <case number>]
  privacy purge   run the retention purge now (idempotent)`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

export async function privacyCommand(
  db: Db,
  args: string[],
  io: { out: (text: string) => void; err: (text: string) => void; now?: () => Date },
): Promise<number> {
  const [action, ...rest] = args;
  const now = io.now?.() ?? new Date();
  if (action === 'purge') {
    io.out(JSON.stringify(await purgeExpired(db, now), null, 2));
    return 0;
  }
  const email = option(rest, '--email');
  const handle = option(rest, '--handle');
  const reference = option(rest, '--reference');
  if (!['search', 'export', 'erase'].includes(action ?? '') || (email === undefined) === (handle === undefined)) {
    io.err(`Usage:\n${PRIVACY_HELP}`);
    return 2;
  }
  const query: PersonQuery = email !== undefined ? { email } : { handle: handle! };
  const actor = { type: 'system' as const, ...(reference ? { reference } : {}) };
  try {
    if (action === 'search') io.out(JSON.stringify(await findPersonalData(db, query, actor), null, 2));
    if (action === 'export') io.out(JSON.stringify(await exportPersonalData(db, query, { now, actor }), null, 2));
    if (action === 'erase') {
      if (!rest.includes('--yes')) {
        io.err('Erasure cannot be undone: add --yes to confirm.');
        return 2;
      }
      io.out(JSON.stringify(await erasePersonalData(db, query, { now, actor }), null, 2));
    }
  } catch (error) {
    if (error instanceof RangeError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
  return 0;
}
