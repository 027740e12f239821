/**
 * `npx podium staff add`: creates a staff account, usually the first administrator.
 *
 * The password never appears on the command line (it would end up in shell history and
 * in `ps`): it comes from PODIUM_STAFF_PASSWORD, from a prompt that does not echo when
 * run in a terminal, or from the first line of standard input otherwise.
 */
import { parseArgs } from 'node:util';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { departments, organisations } from '../db/schema.ts';
import { PASSWORD_MIN_LENGTH } from '../services/auth/passwords.ts';
import { isStaffRole, STAFF_ROLES, type RoleGrant } from '../services/auth/roles.ts';
import { createStaffUser } from '../services/auth/users.ts';

export const STAFF_HELP = `Usage: npx podium staff add --email <address> --name <name> --role <role> [--role <role>…]
                          [--department <slug>] [--organisation <slug>]

Roles: ${STAFF_ROLES.join(', ')}. A department member needs --department.
The password (at least ${PASSWORD_MIN_LENGTH} characters) is read from PODIUM_STAFF_PASSWORD, asked for
when run in a terminal, or read from the first line of standard input.
`;

export type StaffAddArgs = {
  email: string;
  name: string;
  roles: string[];
  department?: string | undefined;
  organisation?: string | undefined;
};

export class UsageError extends Error {}

export function parseStaffAddArgs(argv: string[]): StaffAddArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      department: { type: 'string' },
      organisation: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.email || !values.name || !values.role?.length) {
    throw new UsageError('--email, --name and at least one --role are required.');
  }
  const unknown = values.role.find((role) => !isStaffRole(role));
  if (unknown) throw new UsageError(`Unknown role "${unknown}". Roles: ${STAFF_ROLES.join(', ')}.`);
  return {
    email: values.email,
    name: values.name,
    roles: values.role,
    department: values.department,
    organisation: values.organisation,
  };
}

/** Creates the account; returns the line to print. Throws UsageError for bad input. */
export async function addStaff(db: Db, args: StaffAddArgs, password: string): Promise<string> {
  const orgs = await db
    .select({ id: organisations.id, slug: organisations.slug })
    .from(organisations)
    .where(args.organisation ? eq(organisations.slug, args.organisation) : undefined);
  if (orgs.length === 0) {
    throw new UsageError(
      args.organisation
        ? `There is no organisation "${args.organisation}".`
        : 'There is no organisation yet: make it with "npx podium setup" (or "npx podium seed" for the demo).',
    );
  }
  if (orgs.length > 1)
    throw new UsageError(`Choose the organisation with --organisation (${orgs.map((o) => o.slug).join(', ')}).`);
  const organisation = orgs[0]!;

  let departmentId: string | null = null;
  if (args.department) {
    const [department] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.organisationId, organisation.id), eq(departments.slug, args.department)));
    if (!department) throw new UsageError(`There is no department "${args.department}".`);
    departmentId = department.id;
  }
  const roles: RoleGrant[] = args.roles.filter(isStaffRole).map((role) => ({
    role,
    // Only department members are tied to a department; the others see everything.
    departmentId: role === 'department_member' ? departmentId : null,
  }));
  if (roles.some((grant) => grant.role === 'department_member' && !grant.departmentId)) {
    throw new UsageError('A department member needs --department <slug>.');
  }

  const result = await createStaffUser(db, {
    organisationId: organisation.id,
    email: args.email,
    displayName: args.name,
    password,
    roles,
  });
  switch (result.kind) {
    case 'created':
      return `Created ${result.user.email} (${args.roles.join(', ')}) in ${organisation.slug}.`;
    case 'exists':
      throw new UsageError(`There is already a staff account for ${args.email.trim().toLowerCase()}.`);
    case 'invalid': {
      const messages = {
        password_too_short: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`,
        password_too_long: 'The password is too long.',
        invalid_email: `"${args.email}" is not a valid e-mail address.`,
        name_required: 'The name must not be empty.',
        role_required: 'Give at least one --role.',
      };
      throw new UsageError(messages[result.problem]);
    }
  }
}

/** The password, from the environment, a silent prompt, or standard input. Never echoed. */
export async function readPassword(configured: string | undefined): Promise<string> {
  if (configured) return configured;
  if (process.stdin.isTTY) {
    const first = await promptHidden('Password: ');
    const second = await promptHidden('Password again: ');
    if (first !== second) throw new UsageError('The passwords are not the same.');
    return first;
  }
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  return input.split(/\r?\n/)[0] ?? '';
}

function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (char === '\u0003' || char === '\u0004') {
          finish();
          reject(new UsageError('Cancelled.'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}
