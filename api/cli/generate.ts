/**
 * `npx podium generate --items N`: fills the configured database with generated input for
 * measurements (api/services/generate.ts). Not for a database residents use: the items are
 * fake and stay until the database is dropped.
 */
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { openConfiguredDatabase } from '../server.ts';
import { generateItems } from '../services/generate.ts';

export const GENERATE_HELP = `  generate --items <n> [--consultations <n>] [--days <n>]
                 add n generated items (submissions with answers, replies, social posts) for
                 measurements; never on a database residents use`;

type Io = { out: (line: string) => void; err: (line: string) => void };

function whole(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < min || n > max)
    throw new RangeError(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

export async function generateCommand(config: Config, argv: string[], io: Io): Promise<number> {
  let items: number | undefined;
  let consultations: number | undefined;
  let days: number | undefined;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { items: { type: 'string' }, consultations: { type: 'string' }, days: { type: 'string' } },
    });
    items = whole(values.items, 'items', 1, 100_000_000);
    consultations = whole(values.consultations, 'consultations', 1, 1000);
    days = whole(values.days, 'days', 1, 36_500);
    if (items === undefined) throw new RangeError('--items is required');
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : error}\n\nUsage:\n${GENERATE_HELP}`);
    return 2;
  }
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    const report = await generateItems(database.db, {
      items,
      ...(consultations ? { consultations } : {}),
      ...(days ? { days } : {}),
      log: io.out,
    });
    io.out(
      `Generated ${report.submissions} items (${report.answers} answers, ${report.replies} replies, ` +
        `${report.socialPosts} social posts) in ${report.consultations.length} consultations ` +
        `(gen-${report.run}-…) in ${(report.ms / 1000).toFixed(1)} s.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
