/**
 * Operator commands that write to the database (`setup`, `staff add`, `privacy …`), as jobs: run on
 * a database this process opened, or handed to the running server over its admin socket
 * (services/social/admin-socket.ts) when the server holds the embedded database. Either way
 * the same code runs and the same lines come back, so the command behaves the same.
 */
import type { Db } from '../db/client.ts';
import { privacyCommand } from '../services/privacy-cli.ts';
import { setupOrganisation, type SetupArgs } from './setup.ts';
import { addStaff, UsageError, type StaffAddArgs } from './staff.ts';

export type OperatorJob =
  | { command: 'staff-add'; args: StaffAddArgs; password: string }
  | { command: 'privacy'; args: string[] }
  | { command: 'setup'; args: SetupArgs; context: { publicUrl?: string; oidcName?: string } };

const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/** What the command printed, and its exit code. */
export type OperatorResult = { code: number; out: string[]; err: string[] };

export function isOperatorJob(value: unknown): value is OperatorJob {
  if (typeof value !== 'object' || value === null) return false;
  const job = value as Record<string, unknown>;
  if (job.command === 'privacy') return Array.isArray(job.args) && job.args.every((a) => typeof a === 'string');
  if (job.command === 'setup') {
    const args = job.args as Record<string, unknown> | null;
    const context = job.context as Record<string, unknown> | null;
    return (
      typeof args === 'object' &&
      args !== null &&
      typeof args.name === 'string' &&
      typeof args.slug === 'string' &&
      typeof args.adminEmail === 'string' &&
      optionalString(args.nameEn) &&
      optionalString(args.adminName) &&
      typeof context === 'object' &&
      context !== null &&
      optionalString(context.publicUrl) &&
      optionalString(context.oidcName)
    );
  }
  if (job.command !== 'staff-add' || typeof job.password !== 'string') return false;
  const args = job.args as Record<string, unknown> | null;
  return (
    typeof args === 'object' &&
    args !== null &&
    typeof args.email === 'string' &&
    typeof args.name === 'string' &&
    Array.isArray(args.roles) &&
    args.roles.every((r) => typeof r === 'string') &&
    (args.department === undefined || typeof args.department === 'string') &&
    (args.organisation === undefined || typeof args.organisation === 'string')
  );
}

export async function runOperatorJob(
  db: Db,
  job: OperatorJob,
  now: () => Date = () => new Date(),
): Promise<OperatorResult> {
  const result: OperatorResult = { code: 0, out: [], err: [] };
  if (job.command === 'privacy') {
    result.code = await privacyCommand(db, job.args, {
      out: (line) => result.out.push(line),
      err: (line) => result.err.push(line),
      now,
    });
    return result;
  }
  try {
    if (job.command === 'setup') result.out.push(...(await setupOrganisation(db, job.args, job.context)));
    else result.out.push(await addStaff(db, job.args, job.password));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    result.err.push(error.message);
    result.code = 2;
  }
  return result;
}
