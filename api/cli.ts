#!/usr/bin/env -S node --max-semi-space-size=16
/**
 * The operator's command line: `npx podium <command>`.
 *
 * With the embedded database, commands that open it refuse to run while a Podium server
 * holds the data directory (two processes on one PGlite directory lose data).
 */
import { ENV_VARIABLES, loadConfig } from './config.ts';
import { describeError } from './lib/log-error.ts';
import { buildAll, openConfiguredDatabase, seedIfEmpty, start } from './server.ts';
import { seedDemoData } from './services/seed.ts';
import { generateCommand, GENERATE_HELP } from './cli/generate.ts';
import { importCommand } from './cli/import.ts';
import { parseSetupArgs, SETUP_HELP } from './cli/setup.ts';
import { parseStaffAddArgs, readPassword, STAFF_HELP } from './cli/staff.ts';
import { operatorCommand } from './cli/operator-command.ts';
import { PRIVACY_HELP } from './services/privacy-cli.ts';

const HELP = `Usage: npx podium <command>

Commands:
  start          migrate, seed the demo when empty, build what is out of date, serve (PORT, default 4321)
  migrate        apply database migrations
  seed           add the demo municipality (idempotent)
  build [--force]  write the snapshot and build the portal and widgets
  import <post-url | file.json | status.json context.json> [--platform p] [--root id] [--consultation slug] [--own a,b] [--official c,d]
                 mirror a social-media thread; the platform is detected from the address or the JSON
                 (works while the server runs: it takes the job over its local socket; see "import --help")
  thread import <post-url>, thread import-json <platform> <file.json>
                 the same, under their earlier names
${GENERATE_HELP}
  setup --name <name> --slug <slug> --admin-email <address> [--name-en <name>] [--admin-name <name>]
                 start a real municipality without the demo: its organisation, defaults and first
                 administrator, whose one-time password is printed once (see "setup --help")
  staff add      create a staff account, e.g. the first administrator (see "staff help")
${PRIVACY_HELP}

Configuration (environment, see the README's table):
${wrapNames(ENV_VARIABLES)}
`;

/** Names in lines of at most about 100 characters, indented. */
function wrapNames(names: readonly string[]): string {
  const lines = [''];
  for (const name of names) {
    const last = lines.length - 1;
    if (lines[last]!.length + name.length > 96) lines.push(name);
    else lines[last] = lines[last] ? `${lines[last]}, ${name}` : name;
  }
  return lines.map((line, i) => `  ${line}${i < lines.length - 1 ? ',' : ''}`).join('\n');
}

const io = { out: console.log, err: console.error };

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start': {
      const running = await start(config);
      const shutdown = () => {
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return -1; // keep running
    }
    case 'migrate':
    case 'seed':
    case 'build': {
      const database = await openConfiguredDatabase(config);
      try {
        await database.migrate(command === 'build' ? () => seedIfEmpty(database, config, console.log) : undefined);
        if (command === 'migrate') console.log('Migrations applied.');
        if (command === 'seed') {
          await seedDemoData(database.db);
          console.log('Demo data is in place.');
        }
        if (command === 'build') {
          await buildAll(database, config, console.log, args.includes('--force'));
          console.log('Build is up to date.');
        }
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'import':
      return importCommand(config, args, io);
    case 'generate':
      return generateCommand(config, args, io);
    case 'thread': {
      // Earlier names of `import`: `thread import <url>` and `thread import-json <platform> <file>`.
      const [action, first, ...rest] = args;
      if (action === 'import') return importCommand(config, first ? [first, ...rest] : [], io);
      if (action === 'import-json' && first && rest[0]) {
        return importCommand(config, [rest[0], '--platform', first, ...rest.slice(1)], io);
      }
      console.error(HELP);
      return 2;
    }
    case 'staff': {
      const [sub, ...rest] = args;
      if (sub !== 'add') {
        console.log(STAFF_HELP);
        return sub === undefined || sub === 'help' || sub === '--help' ? 0 : 2;
      }
      let parsed;
      try {
        parsed = parseStaffAddArgs(rest);
      } catch (error) {
        console.error(`${error instanceof Error ? error.message : error}\n\n${STAFF_HELP}`);
        return 2;
      }
      // Ask for the password first: the embedded database (and its lock) is not held while someone types.
      const password = await readPassword(config.staffPassword);
      return operatorCommand(config, { command: 'staff-add', args: parsed, password });
    }
    case 'privacy':
      return operatorCommand(config, { command: 'privacy', args });
    case 'setup': {
      if (args[0] === 'help' || args.includes('--help')) {
        console.log(SETUP_HELP);
        return 0;
      }
      let parsed;
      try {
        parsed = parseSetupArgs(args);
      } catch (error) {
        console.error(`${error instanceof Error ? error.message : error}\n\n${SETUP_HELP}`);
        return 2;
      }
      const context = {
        publicUrl: config.publicUrl,
        ...(config.oidc ? { oidcName: config.oidc.name ?? '' } : {}),
      };
      return operatorCommand(config, { command: 'setup', args: parsed, context });
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    // A failed query's message carries its parameters (addresses, password hashes): print it
    // the way logs do, without them.
    if (error instanceof Error && 'query' in error) console.error(describeError(error));
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
