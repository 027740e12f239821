/**
 * `npx podium setup` (api/cli/setup.ts): a real municipality from an empty database, with
 * only the defaults it needs (api/services/organisation-defaults.ts), and its first
 * administrator, who logs in with the password printed once and sets up a consultation.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { createApp } from '../../api/app.ts';
import { isOperatorJob, runOperatorJob } from '../../api/cli/operator-jobs.ts';
import { parseSetupArgs, setupOrganisation, type SetupArgs } from '../../api/cli/setup.ts';
import { UsageError } from '../../api/cli/staff.ts';
import type { Database } from '../../api/db/client.ts';
import {
  accessibilityStatements,
  auditLog,
  channelGuidelines,
  consultations,
  departments,
  houseRules,
  organisations,
  replyTemplates,
  socialThreads,
  staffRoles,
  staffUsers,
  submissions,
  topics,
} from '../../api/db/schema.ts';
import type { RateLimitRules } from '../../api/services/rate-limit.ts';
import { DEFAULT_HOUSE_RULES, DEFAULT_WIDGET_NAME } from '../../api/services/organisation-defaults.ts';
import { buildPublishedSnapshot } from '../../api/services/published-content.ts';
import { seedDemoData } from '../../api/services/seed.ts';
import { NOW, postForm } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';
import { ORIGIN } from '../support/staff.ts';
import { runPodium, standInServer } from '../support/cli.ts';

const NO_RATE_LIMITS: RateLimitRules = { submit: null, follow_up: null, rights: null, login: null, email_link: null };

const VOORBEELD: SetupArgs = {
  name: 'Gemeente Voorbeeld',
  nameEn: 'Municipality of Voorbeeld',
  slug: 'voorbeeld',
  adminEmail: 'Beheer@Voorbeeld.nl',
  adminName: 'Bea Beheer',
};

/** The password from the line that prints it. */
function printedPassword(lines: string[]): string {
  const match = /as beheer@voorbeeld\.nl with the password (\S+)$/.exec(
    lines.find((line) => line.includes('with the password')) ?? '',
  );
  assert.ok(match, `a log-in line among: ${lines.join(' | ')}`);
  return match[1]!;
}

/** Every table setup writes to, and those it must leave alone, counted. */
async function counts(db: Database['db']) {
  const tables = {
    organisations,
    auditLog,
    houseRules,
    channelGuidelines,
    staffUsers,
    staffRoles,
    topics,
    consultations,
    departments,
    submissions,
    socialThreads,
    replyTemplates,
    accessibilityStatements,
  };
  return Object.fromEntries(
    await Promise.all(Object.entries(tables).map(async ([name, table]) => [name, await db.$count(table)])),
  );
}

describe('parsing "setup"', () => {
  it('reads the names, the slug and the administrator', () => {
    assert.deepEqual(
      parseSetupArgs([
        '--name',
        'Gemeente Voorbeeld',
        '--name-en',
        'Municipality of Voorbeeld',
        '--slug',
        'voorbeeld',
        '--admin-email',
        'beheer@voorbeeld.nl',
        '--admin-name',
        'Bea',
      ]),
      {
        name: 'Gemeente Voorbeeld',
        nameEn: 'Municipality of Voorbeeld',
        slug: 'voorbeeld',
        adminEmail: 'beheer@voorbeeld.nl',
        adminName: 'Bea',
      },
    );
  });

  it('refuses a missing name, slug or address, a malformed slug or address, and unknown options', () => {
    const full = ['--name', 'Gemeente Voorbeeld', '--slug', 'voorbeeld', '--admin-email', 'beheer@voorbeeld.nl'];
    assert.throws(() => parseSetupArgs(full.slice(2)), /--name, --slug and --admin-email are required/);
    assert.throws(() => parseSetupArgs(['--name', ' ', ...full.slice(2)]), /are required/);
    assert.throws(() => parseSetupArgs(full.slice(0, 4)), /are required/);
    assert.throws(() => parseSetupArgs([...full.slice(0, 2), ...full.slice(4)]), /are required/);
    for (const slug of ['Voorbeeld', 'voor beeld', 'voorbeeld-', 'voor--beeld', 'vóórbeeld', 'x'.repeat(64)]) {
      assert.throws(() => parseSetupArgs([...full.slice(0, 2), '--slug', slug, ...full.slice(4)]), /not a valid slug/);
    }
    for (const email of ['beheer', 'beheer@voorbeeld', 'beheer@@voorbeeld.nl']) {
      assert.throws(
        () => parseSetupArgs([...full.slice(0, 4), '--admin-email', email]),
        /is not a valid e-mail address/,
      );
    }
    assert.throws(() => parseSetupArgs([...full, '--password', 'geheim']), UsageError);
  });
});

for (const target of databaseTargets()) {
  describe(`setting up a municipality from an empty database (${target.name})`, () => {
    let database: Database;
    let app: ReturnType<typeof createApp>;
    let password: string;
    before(async () => {
      database = await target.open();
      await database.migrate();
      app = createApp({ db: database.db, databaseKind: database.kind, now: () => NOW, rateLimits: NO_RATE_LIMITS });
    });
    after(() => database.close());

    it('makes the organisation with its defaults and its administrator, and no demo content', async () => {
      const lines = await setupOrganisation(database.db, VOORBEELD, { publicUrl: 'https://participatie.voorbeeld.nl' });
      assert.match(lines[0]!, /^Created the organisation voorbeeld \(Gemeente Voorbeeld\)/);
      assert.match(lines[1]!, /^Log in to the workbench at https:\/\/participatie\.voorbeeld\.nl\/beheer\/ as /);
      password = printedPassword(lines);
      assert.ok(password.length >= 20, 'long enough not to be guessed');

      const [organisation] = await database.db.select().from(organisations);
      assert.equal(organisation?.slug, 'voorbeeld');
      assert.equal(organisation.name, 'Gemeente Voorbeeld');
      assert.equal(organisation.nameEn, 'Municipality of Voorbeeld');
      assert.deepEqual(organisation.locales, ['nl', 'en']);
      assert.deepEqual(organisation.embedOrigins, [], 'no localhost embeds in production');

      const rules = await database.db.select().from(houseRules).orderBy(houseRules.position);
      assert.deepEqual(
        rules.map((rule) => rule.code),
        DEFAULT_HOUSE_RULES.map((rule) => rule.code),
      );
      const guidelines = await database.db.select().from(channelGuidelines).orderBy(channelGuidelines.key);
      assert.deepEqual(
        guidelines.map((g) => [g.key, g.responseDays, g.houseRules.length]),
        [
          ['portal', 10, DEFAULT_HOUSE_RULES.length],
          ['widget', 10, DEFAULT_HOUSE_RULES.length],
        ],
      );
      assert.deepEqual(guidelines[1]!.name, DEFAULT_WIDGET_NAME, 'no demo address in the forms’ name');
      assert.ok(guidelines.every((g) => g.postingHours.length > 0 && g.organisationId === organisation.id));

      const [admin] = await database.db.select().from(staffUsers);
      assert.equal(admin?.email, 'beheer@voorbeeld.nl');
      assert.equal(admin.displayName, 'Bea Beheer');
      assert.notEqual(admin.passwordHash, password, 'stored as a hash');
      assert.deepEqual(
        (await database.db.select().from(staffRoles)).map((r) => [r.role, r.departmentId]),
        [['administrator', null]],
      );
      // The audit log starts with the setting up, then the administrator's account (not their address).
      const entries = await database.db
        .select({ action: auditLog.action, actorType: auditLog.actorType, details: auditLog.details })
        .from(auditLog)
        .orderBy(auditLog.at, auditLog.id);
      assert.deepEqual(
        entries.map((entry) => [entry.action, entry.actorType]),
        [
          ['organisation.set_up', 'system'],
          ['staff.created', 'system'],
        ],
      );
      assert.deepEqual(entries[0]!.details, { slug: 'voorbeeld' });
      assert.doesNotMatch(JSON.stringify(entries), /voorbeeld\.nl/i);
      assert.deepEqual(await counts(database.db), {
        organisations: 1,
        auditLog: 2,
        houseRules: DEFAULT_HOUSE_RULES.length,
        channelGuidelines: 2,
        staffUsers: 1,
        staffRoles: 1,
        topics: 0,
        consultations: 0,
        departments: 0,
        submissions: 0,
        socialThreads: 0,
        replyTemplates: 0,
        accessibilityStatements: 0,
      });
    });

    it('refuses a taken slug or administrator address, changing nothing', async () => {
      const before = await counts(database.db);
      await assert.rejects(
        setupOrganisation(database.db, { ...VOORBEELD, adminEmail: 'ander@voorbeeld.nl' }),
        /There is already an organisation "voorbeeld"\./,
      );
      await assert.rejects(
        setupOrganisation(database.db, { ...VOORBEELD, slug: 'voorbeeld-twee', adminEmail: 'BEHEER@voorbeeld.nl' }),
        /There is already a staff account for beheer@voorbeeld\.nl\./,
      );
      assert.deepEqual(await counts(database.db), before);
      assert.equal(
        (await database.db.select().from(organisations).where(eq(organisations.slug, 'voorbeeld-twee'))).length,
        0,
        'no organisation left half-made',
      );
    });

    it('refuses a malformed slug, a malformed address or an empty name handed over directly, changing nothing', async () => {
      const before = await counts(database.db);
      const other = { ...VOORBEELD, slug: 'ander', adminEmail: 'ander@voorbeeld.nl' };
      await assert.rejects(setupOrganisation(database.db, { ...other, slug: 'Ander Dorp' }), /not a valid slug/);
      await assert.rejects(setupOrganisation(database.db, { ...other, adminEmail: 'ander@' }), /not a valid e-mail/);
      await assert.rejects(setupOrganisation(database.db, { ...other, name: '  ' }), /are required/);
      assert.deepEqual(await counts(database.db), before);
    });

    it('gives a portal snapshot with the organisation and nothing published yet', async () => {
      const snapshot = await buildPublishedSnapshot(database.db, NOW);
      assert.equal(snapshot.organisation.name, 'Gemeente Voorbeeld');
      assert.equal(snapshot.consultations.length, 0);
    });

    it('answers a refusal as an operator job with exit code 2 and the reason', async () => {
      const job = { command: 'setup', args: VOORBEELD, context: {} };
      assert.ok(isOperatorJob(job));
      assert.ok(!isOperatorJob({ command: 'setup', args: { name: 'X' }, context: {} }));
      const result = await runOperatorJob(database.db, job);
      assert.deepEqual(result, { code: 2, out: [], err: ['There is already an organisation "voorbeeld".'] });
    });

    it('lets the administrator log in with the printed password and open a consultation through the JSON API', async () => {
      const wrong = await postForm(
        app,
        '/beheer/inloggen',
        [
          ['email', 'beheer@voorbeeld.nl'],
          ['password', 'not the password'],
        ],
        { Origin: ORIGIN },
      );
      assert.notEqual(wrong.status, 303);
      const login = await postForm(
        app,
        '/beheer/inloggen',
        [
          ['email', 'beheer@voorbeeld.nl'],
          ['password', password],
        ],
        { Origin: ORIGIN },
      );
      assert.equal(login.status, 303);
      const cookie = (login.headers.get('Set-Cookie') ?? '').split(';')[0]!;
      const queue = await app.request('/beheer/', { headers: { Cookie: cookie } });
      assert.equal(queue.status, 200, 'the workbench works for an organisation without content');
      const csrf = (await queue.text()).match(/name="csrf" value="([^"]+)"/)?.[1];
      assert.ok(csrf);
      const headers = { Cookie: cookie, 'X-CSRF-Token': csrf, Origin: ORIGIN, 'Content-Type': 'application/json' };
      const send = (method: string, path: string, body: unknown) =>
        app.request(path, { method, headers, body: JSON.stringify(body) });

      const topic = await send('POST', '/api/staff/topics', {
        slug: 'wonen',
        title: { nl: 'Wonen', en: 'Housing' },
        description: { nl: 'Bouwen en wonen in Voorbeeld.' },
      });
      assert.equal(topic.status, 201, await topic.clone().text());
      const created = await send('POST', '/api/staff/consultations', {
        slug: 'nieuwe-woonwijk',
        topic: 'wonen',
        title: { nl: 'Een nieuwe woonwijk', en: '' },
      });
      assert.equal(created.status, 201, await created.clone().text());
      const current = (await (
        await app.request('/api/staff/consultations/nieuwe-woonwijk', { headers })
      ).json()) as Record<string, unknown>;
      const text = (nl: string) => ({ nl, en: '' });
      const saved = await send('PUT', '/api/staff/consultations/nieuwe-woonwijk', {
        ...current,
        summary: text('Wat vindt u belangrijk in de nieuwe wijk?'),
        background: text('De gemeente bouwt 300 woningen.'),
        afterwards: text('Wij maken een plan.'),
        whoDecides: text('De gemeenteraad'),
        opensAt: '2026-12-01T08:00:00Z',
        closesAt: '2027-01-31T17:00:00Z',
        questions: [
          {
            key: 'belangrijk',
            kind: 'open_text',
            prompt: text('Wat vindt u belangrijk?'),
            hint: text(''),
            required: true,
            scaleMinLabel: text(''),
            scaleMaxLabel: text(''),
            maxLength: 500,
          },
        ],
      });
      assert.equal(saved.status, 200, await saved.clone().text());
      const version = ((await saved.json()) as { version: number }).version;
      const opened = await send('POST', '/api/staff/consultations/nieuwe-woonwijk/stage', { step: 'open', version });
      assert.equal(opened.status, 200, await opened.clone().text());
      assert.equal(((await opened.json()) as { stage: string }).stage, 'open');
      const [row] = await database.db
        .select({ status: consultations.status, organisationId: consultations.organisationId })
        .from(consultations)
        .where(eq(consultations.slug, 'nieuwe-woonwijk'));
      assert.equal(row?.status, 'open');
      const [organisation] = await database.db.select().from(organisations);
      assert.equal(row.organisationId, organisation!.id);
    });
  });

  describe(`the demo seed on the shared defaults (${target.name})`, () => {
    it('gives Demodam the default house rules and its own forms’ name, with its Mastodon channel as before', async () => {
      const database = await target.open();
      try {
        await database.migrate();
        await seedDemoData(database.db, NOW);
        const rules = await database.db.select().from(houseRules).orderBy(houseRules.position);
        assert.deepEqual(
          rules.map((rule) => [rule.code, rule.position, rule.title, rule.body]),
          DEFAULT_HOUSE_RULES.map((rule, index) => [rule.code, index + 1, rule.title, rule.body]),
        );
        const guidelines = await database.db.select().from(channelGuidelines).orderBy(channelGuidelines.key);
        const codes = DEFAULT_HOUSE_RULES.map((rule) => rule.code);
        const office = [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:00' }];
        assert.deepEqual(
          guidelines.map((g) => [g.key, g.channel, g.platform, g.name, g.responseDays, g.postingHours, g.houseRules]),
          [
            [
              'mastodon:@demodam@social.demodam.example',
              'social',
              'mastodon',
              { nl: 'Mastodon @demodam', en: 'Mastodon @demodam' },
              2,
              [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '16:00' }],
              codes,
            ],
            ['portal', 'portal', null, { nl: 'Participatieportaal', en: 'Participation portal' }, 10, office, codes],
            [
              'widget',
              'widget',
              null,
              { nl: 'Formulieren op demodam.example', en: 'Forms on demodam.example' },
              10,
              office,
              codes,
            ],
          ],
        );
        assert.equal(await database.db.$count(accessibilityStatements), 1);
      } finally {
        await database.close();
      }
    });
  });
}

describe('"npx podium setup" through the running server', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'podium-setup-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const podium = (args: string[]) => runPodium(args, { PODIUM_DATA_DIR: join(dir, 'data') }, 60_000);

  it('refuses bad arguments before touching the database, and makes the organisation through the server', async () => {
    const missing = await podium(['setup', '--slug', 'voorbeeld', '--admin-email', 'beheer@voorbeeld.nl']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--name, --slug and --admin-email are required\.[\s\S]*Usage: npx podium setup/);

    const server = await standInServer(join(dir, 'data'));
    const { database, lines } = server;
    try {
      const run = await podium([
        'setup',
        '--name',
        'Gemeente Voorbeeld',
        '--slug',
        'voorbeeld',
        '--admin-email',
        'beheer@voorbeeld.nl',
      ]);
      assert.equal(run.code, 0, run.stderr);
      const password = printedPassword(run.stdout.trim().split('\n'));
      assert.doesNotMatch(lines.join('\n'), new RegExp(`${password}|beheer@voorbeeld`), 'the server log holds neither');
      assert.equal(await database.db.$count(organisations), 1);
      assert.equal((await database.db.select().from(staffUsers))[0]?.displayName, 'Beheerder');

      const again = await podium([
        'setup',
        '--name',
        'Gemeente Voorbeeld',
        '--slug',
        'voorbeeld',
        '--admin-email',
        'ander@voorbeeld.nl',
      ]);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /There is already an organisation "voorbeeld"\./);
    } finally {
      await server.close();
    }
  });
});
