import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { acquireDataDirLock } from '../../api/db/data-dir-lock.ts';
import { verifyPassword } from '../../api/services/auth/passwords.ts';
import { seedDemoData } from '../../api/services/seed.ts';
import { addStaff, parseStaffAddArgs, UsageError } from '../../api/cli/staff.ts';
import { staffRoles, staffUsers } from '../../api/db/schema.ts';
import { NOW, openTestApp, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';
import { logIn } from '../support/staff.ts';
import { runPodium, standInServer } from '../support/cli.ts';

const PASSWORD = 'correct horse battery staple';

describe('parsing "staff add"', () => {
  it('reads e-mail, name, one or more roles and a department', () => {
    assert.deepEqual(
      parseStaffAddArgs([
        '--email',
        'a@b.nl',
        '--name',
        'A',
        '--role',
        'moderator',
        '--role',
        'webcare',
        '--department',
        'verkeer',
      ]),
      { email: 'a@b.nl', name: 'A', roles: ['moderator', 'webcare'], department: 'verkeer', organisation: undefined },
    );
  });

  it('refuses missing options, unknown roles and a password on the command line', () => {
    assert.throws(() => parseStaffAddArgs(['--email', 'a@b.nl', '--role', 'moderator']), UsageError);
    assert.throws(
      () => parseStaffAddArgs(['--email', 'a@b.nl', '--name', 'A', '--role', 'king']),
      /Unknown role "king"/,
    );
    assert.throws(() =>
      parseStaffAddArgs(['--email', 'a@b.nl', '--name', 'A', '--role', 'moderator', '--password', 'geheim']),
    );
  });
});

for (const target of databaseTargets()) {
  describe(`creating staff accounts from the command line (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
    });
    after(() => t.close());

    it('creates the first administrator, who can then log in', async () => {
      const message = await addStaff(
        t.db,
        { email: 'Beheer@Demodam.example', name: 'Ada Beheer', roles: ['administrator'] },
        PASSWORD,
      );
      assert.equal(message, 'Created beheer@demodam.example (administrator) in demodam.');
      const [user] = await t.db.select().from(staffUsers).where(eq(staffUsers.email, 'beheer@demodam.example'));
      assert.match(user?.passwordHash ?? '', /^\$argon2id\$/);
      const { csrf } = await logIn(t, 'beheer@demodam.example');
      assert.ok(csrf);
    });

    it('ties a department member to the department', async () => {
      await addStaff(
        t.db,
        { email: 'verkeer@demodam.example', name: 'V', roles: ['department_member'], department: 'verkeer' },
        PASSWORD,
      );
      const [user] = await t.db.select().from(staffUsers).where(eq(staffUsers.email, 'verkeer@demodam.example'));
      const [grant] = await t.db.select().from(staffRoles).where(eq(staffRoles.staffUserId, user!.id));
      assert.ok(grant?.departmentId);
    });

    it('refuses a second account for the same address, a short password and unknown places', async () => {
      const base = { email: 'dubbel@demodam.example', name: 'D', roles: ['moderator'] };
      await addStaff(t.db, base, PASSWORD);
      await assert.rejects(addStaff(t.db, base, PASSWORD), /already a staff account/);
      await assert.rejects(addStaff(t.db, { ...base, email: 'kort@demodam.example' }, 'kort'), /at least 12/);
      await assert.rejects(
        addStaff(t.db, { ...base, email: 'x@demodam.example', department: 'nergens' }, PASSWORD),
        /no department "nergens"/,
      );
      await assert.rejects(
        addStaff(t.db, { ...base, email: 'y@demodam.example', organisation: 'elders' }, PASSWORD),
        /no organisation "elders"/,
      );
      await assert.rejects(
        addStaff(t.db, { ...base, email: 'z@demodam.example', roles: ['department_member'] }, PASSWORD),
        /needs --department/,
      );
    });
  });
}

describe('"npx podium staff add" and a running server', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'podium-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to open an embedded database that a server holds, and prints no password', (t) => {
    // This test process plays the server: it holds the data directory's lock.
    const lock = acquireDataDirLock(dir);
    t.after(() => lock.release());
    const result = spawnSync(
      process.execPath,
      ['api/cli.ts', 'staff', 'add', '--email', 'a@demodam.example', '--name', 'A', '--role', 'administrator'],
      {
        env: { ...process.env, PODIUM_DATA_DIR: dir, DATABASE_URL: '', PODIUM_STAFF_PASSWORD: PASSWORD },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /in use by another process \(pid \d+\), and no Podium server answers on its local socket/,
    );
    assert.doesNotMatch(result.stdout + result.stderr, new RegExp(PASSWORD));
  });
});

describe('"npx podium staff add" and "privacy" through the running server', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'podium-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const podium = (args: string[], env: Record<string, string> = {}) =>
    runPodium(args, { PODIUM_DATA_DIR: join(dir, 'data'), ...env }, 60_000);

  it('creates the account through the server that holds the embedded database, and the person can log in', async () => {
    const server = await standInServer(join(dir, 'data'), {
      prepare: (database) => seedDemoData(database.db, NOW).then(() => {}),
    });
    const { database, lines } = server;
    try {
      const run = await podium(
        ['staff', 'add', '--email', 'Op@Demodam.example', '--name', 'Op', '--role', 'administrator'],
        { PODIUM_STAFF_PASSWORD: PASSWORD },
      );
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /Created op@demodam\.example \(administrator\) in demodam\./);
      const [user] = await database.db.select().from(staffUsers).where(eq(staffUsers.email, 'op@demodam.example'));
      assert.ok(user?.passwordHash);
      assert.ok(await verifyPassword(user.passwordHash, PASSWORD), 'the password typed is the one stored');
      assert.doesNotMatch(lines.join('\n'), new RegExp(`${PASSWORD}|op@demodam`), 'the server log holds neither');

      const again = await podium(
        ['staff', 'add', '--email', 'op@demodam.example', '--name', 'Op', '--role', 'moderator'],
        {
          PODIUM_STAFF_PASSWORD: PASSWORD,
        },
      );
      assert.equal(again.code, 2);
      assert.match(again.stderr, /There is already a staff account for op@demodam\.example\./);

      const search = await podium(['privacy', 'search', '--email', 'niemand@demodam.example']);
      assert.equal(search.code, 0, search.stderr);
      assert.ok(JSON.parse(search.stdout), 'the search result comes back as JSON');
      const usage = await podium(['privacy', 'erase', '--email', 'niemand@demodam.example']);
      assert.equal(usage.code, 2);
      assert.match(usage.stderr, /add --yes to confirm/);
    } finally {
      await server.close();
    }
  });
});
