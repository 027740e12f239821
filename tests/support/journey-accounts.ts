/**
 * Before the browser tests' server starts: the demo, and the journeys' colleagues (browser-env's
 * JOURNEY_ACCOUNTS) with the password of PODIUM_STAFF_PASSWORD, added as `npx podium staff add`
 * adds them (the same operator job) but in one opening of the database — eight commands took
 * minutes of the server's start on a busy machine, each opening the embedded database anew.
 * Accounts already there are left as they are.
 */
import { runOperatorJob } from '../../api/cli/operator-jobs.ts';
import { loadConfig } from '../../api/config.ts';
import { openConfiguredDatabase } from '../../api/server.ts';
import { seedDemoData } from '../../api/services/seed.ts';
import { JOURNEY_ACCOUNTS } from './browser-env.ts';

const config = loadConfig();
const password = config.staffPassword;
if (!password) throw new Error('PODIUM_STAFF_PASSWORD is not set.');
const database = await openConfiguredDatabase(config);
try {
  await database.migrate();
  await seedDemoData(database.db);
  console.log('Demo data is in place.');
  for (const account of JOURNEY_ACCOUNTS) {
    const job = { email: account.email, name: account.name, roles: [account.role] };
    const result = await runOperatorJob(database.db, { command: 'staff-add', args: job, password });
    [...result.out, ...result.err].forEach((line) => console.log(line));
  }
} finally {
  await database.close();
}
