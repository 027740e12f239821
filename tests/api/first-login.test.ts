/**
 * The demo's first log-in (api/services/auth/first-login.ts, printed by `seedIfEmpty` in
 * api/server.ts): printed once when the demo is seeded, random every time, never again.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Config } from '../../api/config.ts';
import { organisations, staffRoles, staffUsers } from '../../api/db/schema.ts';
import { seedIfEmpty } from '../../api/server.ts';
import { createFirstAdministrator, FIRST_ADMIN_EMAIL } from '../../api/services/auth/first-login.ts';
import { seedDemoData } from '../../api/services/seed.ts';
import { verifyPassword } from '../../api/services/auth/passwords.ts';
import { databaseTargets } from '../support/databases.ts';

const config = { seedDemo: true, publicUrl: 'http://localhost:4321' } as Config;

for (const target of databaseTargets()) {
  describe(`the first log-in with demo data (${target.name})`, () => {
    it('prints an administrator’s log-in once, with a random password that works, and never again', async () => {
      const passwords: string[] = [];
      for (let run = 0; run < 2; run++) {
        const database = await target.open();
        try {
          await database.migrate();
          const lines: string[] = [];
          await seedIfEmpty(database, config, (line) => lines.push(line));
          const printed = new RegExp(
            `at http://localhost:4321/beheer/ as ${FIRST_ADMIN_EMAIL.replaceAll('.', '\\.')} with the password (\\S+)$`,
          ).exec(
            lines
              .join('\n')
              .split('\n')
              .find((l) => l.includes('with the password')) ?? '',
          );
          assert.ok(printed, `a log-in line among: ${lines.join(' | ')}`);
          const password = printed[1]!;
          assert.ok(password.length >= 20, 'long enough not to be guessed');
          passwords.push(password);
          const [user] = await database.db.select().from(staffUsers).where(eq(staffUsers.email, FIRST_ADMIN_EMAIL));
          assert.ok(user?.passwordHash && (await verifyPassword(user.passwordHash, password)));
          assert.notEqual(user.passwordHash, password, 'stored as a hash');
          const roles = await database.db.select().from(staffRoles).where(eq(staffRoles.staffUserId, user.id));
          assert.deepEqual(
            roles.map((r) => r.role),
            ['administrator'],
          );

          const second: string[] = [];
          await seedIfEmpty(database, config, (line) => second.push(line));
          assert.deepEqual(second, [], 'the next start prints nothing');
        } finally {
          await database.close();
        }
      }
      assert.notEqual(passwords[0], passwords[1], 'not a fixed password');
    });

    it('gives the log-in to one of two servers seeding at the same moment, and the other starts without error', async () => {
      const database = await target.open();
      try {
        await database.migrate();
        await seedDemoData(database.db);
        const [organisation] = await database.db.select({ id: organisations.id }).from(organisations);
        const results = await Promise.all([
          createFirstAdministrator(database.db, organisation!.id),
          createFirstAdministrator(database.db, organisation!.id),
        ]);
        assert.equal(results.filter(Boolean).length, 1, 'exactly one prints a log-in');
        assert.equal(
          (await database.db.select().from(staffUsers).where(eq(staffUsers.email, FIRST_ADMIN_EMAIL))).length,
          1,
        );
      } finally {
        await database.close();
      }
    });

    it('makes no account when the demo is not seeded, and says how to make the organisation', async () => {
      const database = await target.open();
      try {
        await database.migrate();
        const lines: string[] = [];
        await seedIfEmpty(database, { ...config, seedDemo: false }, (line) => lines.push(line));
        assert.equal(lines.length, 1);
        assert.match(lines[0]!, /^There is no organisation yet\. Make it with: npx podium setup --name /);
        assert.equal(await database.db.$count(organisations), 0);
        assert.equal((await database.db.select().from(staffUsers)).length, 0);
      } finally {
        await database.close();
      }
    });
  });
}
