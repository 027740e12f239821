/**
 * `npx podium setup`: starts a real municipality on a database without the demo
 * (PODIUM_SEED_DEMO=false): one organisation with only the defaults it needs to run
 * (services/organisation-defaults.ts) and its first administrator, whose one-time password
 * is printed once. Everything else (topics, consultations, colleagues) is made in the
 * workbench. All or nothing: one transaction, so a refusal leaves no half-made organisation.
 */
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { isEmailAddress } from '../../shared/contracts/email.ts';
import { recordAudit } from '../services/audit.ts';
import { createFirstAdministrator } from '../services/auth/first-login.ts';
import { findStaffByEmail, normalizeEmail } from '../services/auth/users.ts';
import { markContentChanged } from '../services/content-revision.ts';
import { seedOrganisationDefaults } from '../services/organisation-defaults.ts';
import { UsageError } from './staff.ts';

export const SETUP_HELP = `Usage: npx podium setup --name <Dutch name> --slug <slug> --admin-email <address>
                      [--name-en <English name>] [--admin-name <name>]

Makes the organisation with its house rules and channel guidelines (no demo content) and
its first administrator, and prints that administrator's one-time password once.
The slug is lower-case letters, digits and single hyphens, e.g. "voorbeeld".
`;

export type SetupArgs = {
  name: string;
  nameEn?: string | undefined;
  slug: string;
  adminEmail: string;
  adminName?: string | undefined;
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MAX_LENGTH = 63;

export function parseSetupArgs(argv: string[]): SetupArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        name: { type: 'string' },
        'name-en': { type: 'string' },
        slug: { type: 'string' },
        'admin-email': { type: 'string' },
        'admin-name': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const args = {
    name: values.name?.trim() ?? '',
    nameEn: values['name-en']?.trim() || undefined,
    slug: values.slug?.trim() ?? '',
    adminEmail: values['admin-email']?.trim() ?? '',
    adminName: values['admin-name']?.trim() || undefined,
  };
  checkSetupArgs(args);
  return args;
}

/** Throws UsageError for a missing or malformed value; also run on a job from the admin socket. */
function checkSetupArgs(args: SetupArgs): void {
  const { name, slug, adminEmail } = args;
  if (!name.trim() || !slug || !adminEmail) throw new UsageError('--name, --slug and --admin-email are required.');
  if (!SLUG.test(slug) || slug.length > SLUG_MAX_LENGTH) {
    throw new UsageError(
      `"${slug}" is not a valid slug: use lower-case letters, digits and single hyphens (at most ${SLUG_MAX_LENGTH}).`,
    );
  }
  if (!isEmailAddress(normalizeEmail(adminEmail)))
    throw new UsageError(`"${adminEmail}" is not a valid e-mail address.`);
}

/**
 * Makes the organisation, its defaults and its first administrator; returns the lines to
 * print. Throws UsageError, having changed nothing, when the slug or the address is taken.
 */
export async function setupOrganisation(
  db: Db,
  args: SetupArgs,
  context: { publicUrl?: string | undefined; oidcName?: string | undefined } = {},
): Promise<string[]> {
  checkSetupArgs(args);
  const created = await db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, args.slug));
    if (taken) throw new UsageError(`There is already an organisation "${args.slug}".`);
    const email = normalizeEmail(args.adminEmail);
    if (await findStaffByEmail(tx, email)) throw new UsageError(`There is already a staff account for ${email}.`);
    const [organisation] = await tx
      .insert(organisations)
      .values({ slug: args.slug, name: args.name, nameEn: args.nameEn ?? null, locales: ['nl', 'en'] })
      .returning({ id: organisations.id });
    await seedOrganisationDefaults(tx, organisation!.id);
    // Made by the operator at the server, not by a staff member: the system is the actor.
    await recordAudit(tx, {
      organisationId: organisation!.id,
      actorType: 'system',
      action: 'organisation.set_up',
      subjectType: 'organisation',
      subjectId: organisation!.id,
      details: { slug: args.slug },
    });
    const admin = await createFirstAdministrator(tx, organisation!.id, {
      email,
      displayName: args.adminName ?? 'Beheerder',
    });
    // Unreachable after the checks above, short of a race; the transaction then leaves nothing.
    if (!admin) throw new UsageError(`The administrator ${email} could not be made; nothing was changed.`);
    await markContentChanged(tx);
    return admin;
  });
  const workbench = `${context.publicUrl ?? ''}/beheer/`;
  const lines = [
    `Created the organisation ${args.slug} (${args.name}) with its house rules and channel guidelines.`,
    `Log in to the workbench at ${workbench} as ${created.email} with the password ${created.password}`,
    '  This password is shown only now: change it after logging in. Invite colleagues at /beheer/collegas.',
  ];
  if (context.oidcName !== undefined) {
    lines.push(
      `  Staff sign in through ${context.oidcName || 'the identity provider'}: after logging in with this password, say which group gives which role at /beheer/aanmelden-via-organisatie.`,
    );
  }
  return lines;
}
