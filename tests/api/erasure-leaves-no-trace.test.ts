/**
 * Erasure leaves no trace. Input is given with a marker that only it contains (in the
 * answer, the name and the e-mail address), staff act on it (moderators' notes, with a decision and on their own, an
 * answer, a sentiment correction, a resident's report, an e-mail link that waits in the
 * outbox), the portal is built with it published, and then it is erased through each way
 * there is:
 *
 * - the resident with the follow-up code, by JSON and by the form on the follow-up page,
 * - staff on the privacy screen (`/beheer/privacy`), by e-mail address,
 * - the operator with `podium privacy erase`,
 * - the retention purge (never-published input of a long-closed consultation),
 * - and a resident's mirrored social-media post, published and answered by the municipality
 *   (the answer quotes it and shows under it in the portal's mirror), erased by staff on
 *   the privacy screen by the resident's handle.
 *
 * After the rebuild, the marker is searched (case-insensitively) in
 * (a) every column of every row of every table, cast to text, and for the PostgreSQL server
 *     also in `pg_dump`'s output when it is on PATH,
 * (b) every file under the data directory (the embedded database's own files, its WAL, the
 *     mail outbox, the log) and the dist directory (snapshot, every portal build), and in
 *     Astro's content cache in the installation,
 * (c) what the public API, the archive and open data answer.
 * Zero hits. The audit log says that each erasure happened, without the text.
 *
 * What this cannot see, and why (see api/services/erasure.ts `removeDeadCopies`): on the
 * PostgreSQL server, the server's own files, WAL archive and backups are the operator's
 * and out of Podium's reach (the test searches what a client can read: every row and a
 * full dump). On the embedded database everything under the data directory is searched,
 * raw bytes: heap pages, indexes, TOAST, WAL segments. Blocks of deleted files that the
 * file system has not reused yet are below any file and out of reach of any application;
 * an encrypted disk is the remedy there.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { createApp, OPENAPI_DOCUMENT } from '../../api/app.ts';
import { routes } from '../../shared/urls.ts';
import { ensureSiteBuilt, openApiPath, previousBuildsRemoved, sitePath, snapshotPath } from '../../api/build/builds.ts';
import { projectRoot } from '../../api/config.ts';
import { openDatabase, type Database } from '../../api/db/client.ts';
import {
  auditLog,
  consultations,
  organisations,
  socialAuthors,
  socialPosts,
  staffReplies,
  submissions,
} from '../../api/db/schema.ts';
import { importMastodonThread } from '../../api/services/social/mastodon.ts';
import { importThread } from '../../api/services/social/threads.ts';
import { mastodonAccount, mastodonStatus } from '../fixtures/social/payloads.ts';
import { outboxTransport, type MailMessage, type MailTransport } from '../../api/services/mail.ts';
import { sendDueMail } from '../../api/services/notifications/outbox.ts';
import { answerItem, correctSentiment, decide, type Actor } from '../../api/services/moderation/index.ts';
import { saveItem } from '../../api/services/moderation/save-item.ts';
import { privacyCommand } from '../../api/services/privacy-cli.ts';
import { buildPublishedSnapshot, writeSnapshotFile } from '../../api/services/published-content.ts';
import { reportSubmission } from '../../api/services/reports.ts';
import { purgeExpired } from '../../api/services/retention.ts';
import { seedDemoData } from '../../api/services/seed.ts';
import { NOW, postForm, postJson, validAnswers } from '../support/app.ts';
import { databaseTargets, type DatabaseTarget } from '../support/databases.ts';
import { addStaffUser, logIn, staffPost } from '../support/staff.ts';

const DAY = 86_400_000;
const SLUG = 'fietsroute-stationsstraat';
const PATHS = ['resident-json', 'resident-form', 'staff', 'cli', 'purge'] as const;
type ErasurePath = (typeof PATHS)[number];
/** Every marker searched for afterwards: the input's paths and the mirrored post. */
const MARKED = [...PATHS, 'social'] as const;
type Marked = (typeof MARKED)[number];
const NO_LIMITS = { submit: null, follow_up: null, rights: null, login: null, email_link: null };

type Target = { name: string; embedded: boolean; open(dataDir: string): Promise<Database> };

/** Where the data lives: PGlite in the data directory itself (as `PODIUM_DATA_DIR`), or the server. */
function targets(): Target[] {
  const server = databaseTargets().filter((target: DatabaseTarget) => target.name !== 'PGlite');
  return [
    { name: 'PGlite in the data directory', embedded: true, open: (dataDir) => openDatabase({ dataDir }) },
    ...server.map((target) => ({ name: target.name, embedded: false, open: () => target.open() })),
  ];
}

/** Every file under a directory, symlinks not followed (the live build link points into site-builds). */
function filesUnder(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
  }
  return files;
}

/** The files whose bytes contain the text, ignoring ASCII case. */
function filesContaining(dirs: string[], text: string): string[] {
  const needle = Buffer.from(text.toLowerCase());
  const hits: string[] = [];
  for (const dir of dirs) {
    for (const file of filesUnder(dir)) {
      // The build's precompressed copies (.br, .gz) hide text from a byte search: read them decoded.
      const stored = readFileSync(file);
      const bytes = file.endsWith('.br')
        ? brotliDecompressSync(stored)
        : file.endsWith('.gz')
          ? gunzipSync(stored)
          : stored;
      // Lower-case ASCII only, byte by byte: the marker is ASCII, and the bytes may be anything.
      for (let i = 0; i < bytes.length; i += 1) if (bytes[i]! >= 65 && bytes[i]! <= 90) bytes[i] = bytes[i]! + 32;
      if (bytes.includes(needle)) hits.push(file);
    }
  }
  return hits;
}

/** Every row of every table in the database, each as its text form: a full dump by SQL. */
/** Rows of a raw query: postgres.js answers an array, PGlite an object with `rows`. */
const rowsOf = (result: unknown) =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<Record<string, string>>;

async function dumpRows(database: Database): Promise<Array<{ table: string; row: string }>> {
  const tables = rowsOf(
    await database.db.execute(
      sql`select table_schema as s, table_name as t from information_schema.tables
          where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    ),
  );
  assert.ok(tables.length > 20, 'every table is listed');
  const dump: Array<{ table: string; row: string }> = [];
  for (const { s, t } of tables) {
    const name = `"${s!.replaceAll('"', '""')}"."${t!.replaceAll('"', '""')}"`;
    for (const { row } of rowsOf(await database.db.execute(sql.raw(`select r::text as row from ${name} r`)))) {
      dump.push({ table: `${s}.${t}`, row: row! });
    }
  }
  return dump;
}

for (const target of targets()) {
  describe(`erasure leaves no trace in the database, the data directory or the portal (${target.name})`, () => {
    const home = mkdtempSync(join(process.env.PODIUM_TEST_DIR ?? tmpdir(), 'podium-erasure-'));
    const dataDir = join(home, 'data');
    const distDir = join(home, 'dist');
    const logFile = join(dataDir, 'podium.log');
    const { embedded } = target;
    const database = { current: undefined as Database | undefined };
    const markers = Object.fromEntries(
      MARKED.map((path) => [path, `Zq${path.replace('-', '')}${randomBytes(5).toString('hex')}`]),
    ) as Record<Marked, string>;
    /** The mirrored thread and the resident's handle as stored. */
    const social = { threadId: '', handle: '' };
    const codes = {} as Record<ErasurePath, string>;
    const ids = {} as Record<ErasurePath, string>;
    let app: ReturnType<typeof createApp>;
    let actor: Actor;
    let admin: { cookie: string; csrf: string };
    const mailing: Array<Promise<void>> = [];
    let mail: MailTransport;
    const log = (line: string) => appendFileSync(logFile, `${line}\n`);

    const db = () => database.current!.db;
    const emailOf = (path: ErasurePath) => `${markers[path].toLowerCase()}@example.nl`;

    /** Writes the build inputs and builds the portal as the server does. */
    async function buildPortal(force: boolean) {
      await writeSnapshotFile(snapshotPath(distDir), await buildPublishedSnapshot(db(), NOW));
      const document = app.getOpenAPI31Document(OPENAPI_DOCUMENT);
      writeFileSync(openApiPath(distDir), `${JSON.stringify(document, null, 2)}\n`);
      // A short grace period, awaited below: the test waits for the removal, not for a clock.
      return ensureSiteBuilt(distDir, { force, log, previousBuildGraceMs: 50 });
    }

    before(async () => {
      database.current = await target.open(dataDir);
      await database.current.migrate();
      await seedDemoData(db(), NOW);
      const outbox = outboxTransport(join(dataDir, 'outbox'), log);
      mail = {
        send(message: MailMessage) {
          const sending = outbox.send(message);
          mailing.push(sending);
          return sending;
        },
      };
      app = createApp({
        db: db(),
        databaseKind: database.current.kind,
        now: () => NOW,
        publicUrl: 'https://podium.example.nl',
        rateLimits: NO_LIMITS,
        siteDir: () => sitePath(distDir),
      });
      const staffId = await addStaffUser({ db: db() }, 'privacy@demodam.nl', 'administrator');
      const [org] = await db().select().from(organisations).where(eq(organisations.slug, 'demodam'));
      actor = { id: staffId, organisationId: org!.id, roles: [{ role: 'administrator', departmentId: null }] };
      admin = await logIn({ app }, 'privacy@demodam.nl');
    });
    after(async () => {
      await database.current?.close();
      rmSync(home, { recursive: true, force: true });
    });

    it('stores the input with its marker everywhere staff and residents add to it', async () => {
      for (const path of PATHS) {
        const marker = markers[path];
        const response = await postJson(app, `/api/consultations/${SLUG}/submissions`, {
          answers: { ...validAnswers, toelichting: `Mijn punt ${marker}: de brug is te smal.` },
          name: `Naam ${marker}`,
          email: emailOf(path),
          consent: true,
        });
        assert.equal(response.status, 201);
        codes[path] = (await response.json()).code;
        const [row] = await db()
          .select({ id: submissions.id })
          .from(submissions)
          .where(eq(submissions.followUpCode, codes[path]));
        ids[path] = row!.id;
        const itemId = ids[path];
        // Input the purge erases was never published: escalated, then answered on its follow-up page.
        const decision = path === 'purge' ? 'escalate' : 'publish';
        const decided = await decide(db(), { itemId, decision, note: `Notitie over ${marker}`, actor, now: NOW });
        assert.equal(decided.kind, 'decided');
        const [current] = await db()
          .select({ version: submissions.version })
          .from(submissions)
          .where(eq(submissions.id, itemId));
        const noted = await saveItem(db(), {
          itemId,
          expectedVersion: current!.version,
          note: `Tweede notitie: ${marker} belde ook`,
          actor,
          now: NOW,
        });
        assert.equal(noted.kind, 'saved');
        if (path !== 'purge') {
          const report = await reportSubmission(db(), {
            submissionId: itemId,
            reason: 'other',
            note: `Melding: ${marker} noemt een buurman`,
            now: NOW,
          });
          assert.equal(report.kind, 'received');
        }
        const corrected = await correctSentiment(db(), {
          itemId,
          organisationId: actor.organisationId,
          label: 'negative',
          staffUserId: actor.id,
          now: NOW,
        });
        assert.equal(corrected.kind, 'corrected');
        const answered = await answerItem(db(), {
          itemId,
          body: `U schreef over ${marker}; we kijken ernaar.`,
          language: 'nl',
          actor,
          now: NOW,
        });
        assert.equal(answered.kind, 'answered');
        const asked = await postForm(app, '/gegevens/', [
          ['lang', 'nl'],
          ['email', emailOf(path)],
        ]);
        assert.equal(asked.status, 200);
      }
      // Mail leaves through the durable outbox: the sender writes what is due into the directory.
      await sendDueMail(db(), mail, { now: () => NOW });
      await Promise.all(mailing);
      const dump = await dumpRows(database.current!);
      for (const path of PATHS) {
        const stored = dump.filter(({ row }) => row.toLowerCase().includes(markers[path].toLowerCase()));
        const tables = new Set(stored.map(({ table }) => table));
        for (const table of ['submission_answers', 'submission_contacts', 'staff_replies', 'sentiment_corrections']) {
          assert.ok(tables.has(`public.${table}`), `${path}: the marker is in ${table} before the erasure`);
        }
        assert.ok(tables.has('public.item_notes'), `${path}: the moderators' notes are in item_notes`);
        assert.equal(
          stored.filter(({ table }) => table === 'public.item_notes').length,
          2,
          `${path}: both notes are stored`,
        );
        assert.ok(
          !tables.has('public.audit_log'),
          `${path}: the audit log records that a note was added, not its words`,
        );
        const waiting = filesContaining([join(dataDir, 'outbox')], markers[path]).map((file) =>
          readFileSync(file, 'utf8'),
        );
        assert.ok(
          waiting.some((message) => /\/gegevens\/[A-Za-z0-9_-]{43}\//.test(message.replace(/=\r?\n/g, ''))),
          `${path}: the e-mail link waits in the outbox`,
        );
      }
    });

    it("mirrors a resident's post, publishes it and answers it quoting it", async () => {
      const marker = markers.social;
      const rootId = '77001';
      const username = marker.toLowerCase();
      const payload = {
        status: mastodonStatus(rootId),
        context: {
          ancestors: [],
          descendants: [
            mastodonStatus(`${rootId}1`, {
              in_reply_to_id: rootId,
              account: mastodonAccount(username),
              url: `https://social.gemeente.example/@${username}/${rootId}1`,
              content: `<p>Bij mij ${marker} in de straat is het kruispunt gevaarlijk.</p>`,
            }),
          ],
        },
      };
      const thread = importMastodonThread(payload, { ownAccounts: ['gemeente@social.gemeente.example'] });
      const [consultation] = await db().select().from(consultations).where(eq(consultations.slug, SLUG));
      const { threadId } = await importThread(db(), {
        organisationId: actor.organisationId,
        thread,
        consultationId: consultation!.id,
        live: false,
        now: NOW,
      });
      social.threadId = threadId;
      const [post] = await db()
        .select()
        .from(socialPosts)
        .where(and(eq(socialPosts.threadId, threadId), eq(socialPosts.externalId, `${rootId}1`)));
      const [author] = await db().select().from(socialAuthors).where(eq(socialAuthors.id, post!.authorId!));
      social.handle = author!.handle!;
      assert.equal((await decide(db(), { itemId: post!.id, decision: 'publish', actor, now: NOW })).kind, 'decided');
      const answered = await answerItem(db(), {
        itemId: post!.id,
        body: `U schreef over ${marker}; we kijken naar het kruispunt.`,
        language: 'nl',
        actor,
        now: NOW,
      });
      assert.equal(answered.kind, 'answered');
      const served = await (await app.request(`/api/threads/${threadId}`)).text();
      assert.match(served, new RegExp(`U schreef over ${marker}`), 'the answer is in the mirror');
      const tables = new Set(
        (await dumpRows(database.current!))
          .filter(({ row }) => row.toLowerCase().includes(marker.toLowerCase()))
          .map(({ table }) => table),
      );
      for (const table of ['social_posts', 'social_authors', 'staff_replies']) {
        assert.ok(tables.has(`public.${table}`), `the marker is in ${table} before the erasure`);
      }
    });

    it('builds the portal and serves the published input in its pages', async () => {
      assert.equal(await buildPortal(true), true);
      // Published input is never written into the build: the API serves it into the pages.
      const served = (
        await Promise.all(
          [routes.responses('nl', SLUG), routes.consultation('nl', SLUG)].map(async (path) =>
            (await app.request(path)).text(),
          ),
        )
      ).join('\n');
      for (const path of PATHS.filter((p) => p !== 'purge')) {
        assert.deepEqual(filesContaining([distDir], markers[path]), [], `${path}: not in the build's files`);
        assert.ok(served.includes(markers[path]), `${path}: on the portal's served pages`);
      }
      // A mirrored conversation's posts are served into its page as well.
      const conversation = await (await app.request(routes.conversation('nl', social.threadId))).text();
      assert.deepEqual(filesContaining([distDir], markers.social), [], "social: not in the build's files");
      assert.ok(conversation.includes(markers.social), "social: on its conversation's served page");
    });

    it('erases through each way there is', async () => {
      const json = await postJson(app, `/api/follow-up/${codes['resident-json']}/erase`, { confirm: true });
      assert.equal(json.status, 200);
      const form = await postForm(app, `/volg/${codes['resident-form']}/verwijderen/`, [
        ['lang', 'nl'],
        ['confirm', 'yes'],
      ]);
      assert.equal(form.status, 200);
      const staff = await staffPost(
        { app },
        '/beheer/privacy/verwijderen',
        [
          ['csrf', admin.csrf],
          ['lang', 'nl'],
          ['by', 'email'],
          ['value', emailOf('staff')],
          ['reference', 'AVG-2026-17'],
          ['step', 'erase'],
          ['confirm', 'yes'],
        ],
        admin.cookie,
      );
      assert.equal(staff.status, 200, await staff.clone().text());
      const byHandle = await staffPost(
        { app },
        '/beheer/privacy/verwijderen',
        [
          ['csrf', admin.csrf],
          ['lang', 'nl'],
          ['by', 'handle'],
          ['value', social.handle],
          ['reference', 'AVG-2026-18'],
          ['step', 'erase'],
          ['confirm', 'yes'],
        ],
        admin.cookie,
      );
      assert.equal(byHandle.status, 200, await byHandle.clone().text());
      const answers = await db()
        .select()
        .from(staffReplies)
        .innerJoin(socialPosts, eq(socialPosts.id, staffReplies.socialPostId))
        .where(eq(socialPosts.threadId, social.threadId));
      assert.deepEqual(answers, [], 'the answer to the erased post is gone with it');
      const out: string[] = [];
      const status = await privacyCommand(db(), ['erase', '--email', emailOf('cli'), '--yes'], {
        out: (text) => out.push(text),
        err: (text) => out.push(text),
        now: () => NOW,
      });
      assert.equal(status, 0, out.join('\n'));
      const [consultation] = await db().select().from(consultations).where(eq(consultations.slug, SLUG));
      // A year and a day after the consultation closed: its never-published input expires.
      const report = await purgeExpired(db(), new Date(consultation!.closesAt.getTime() + 366 * DAY));
      assert.ok(report.organisations.some(({ counts }) => counts.inputTexts > 0));

      for (const path of PATHS.filter((p) => p !== 'purge')) {
        const [row] = await db().select().from(submissions).where(eq(submissions.id, ids[path]));
        assert.equal(row!.status, 'erased', `${path}: the item says it is erased`);
        assert.equal(row!.reviewState, 'erased');
      }
    });

    it('rebuilds the portal without it and removes the build that had it', async () => {
      assert.equal(await buildPortal(false), true, 'the content changed: a new build');
      await previousBuildsRemoved();
      const builds = readdirSync(join(distDir, 'site-builds'));
      assert.equal(builds.length, 1, `only the live build is left: ${builds.join(', ')}`);
      const pages = [
        routes.responses('nl', SLUG),
        routes.consultation('nl', SLUG),
        routes.conversation('nl', social.threadId),
      ];
      for (const page of pages) {
        const body = await (await app.request(page)).text();
        for (const path of MARKED) assert.ok(!body.includes(markers[path]), `${path}: not on ${page}`);
      }
    });

    it('the audit log says that each erasure happened, without the text', async () => {
      const erased = await db().select().from(auditLog).where(eq(auditLog.action, 'submission.erased'));
      for (const path of PATHS.filter((p) => p !== 'purge')) {
        assert.ok(
          erased.some((entry) => entry.subjectId === ids[path]),
          `${path}: an audit entry says it was erased`,
        );
      }
      const purged = await db().select().from(auditLog).where(eq(auditLog.action, 'retention.purged'));
      assert.ok(purged.length > 0, 'the purge is in the audit log');
    });

    it('finds the marker in no row of any table (and not in pg_dump)', async () => {
      const dump = await dumpRows(database.current!);
      for (const path of MARKED) {
        const hits = dump.filter(({ row }) => row.toLowerCase().includes(markers[path].toLowerCase()));
        assert.deepEqual(
          hits.map(({ table }) => table),
          [],
          `${path}: ${hits.map((h) => h.row.slice(0, 200)).join('\n')}`,
        );
      }
      const server = process.env.TEST_DATABASE_URL;
      if (!embedded && server && onPath('pg_dump')) {
        const [{ name }] = rowsOf(await db().execute(sql`select current_database() as name`)) as [{ name: string }];
        const url = new URL(server);
        url.pathname = `/${name}`;
        const text = execFileSync('pg_dump', ['--no-owner', url.toString()], { maxBuffer: 1 << 28 })
          .toString()
          .toLowerCase();
        assert.ok(text.includes('create table public.submissions'), 'the dump is whole');
        for (const path of MARKED) assert.ok(!text.includes(markers[path].toLowerCase()), `${path}: in pg_dump`);
      }
    });

    it('finds the marker in no file under the data and dist directories, nor in Astro’s cache', async () => {
      const cache = join(projectRoot, 'node_modules', '.astro');
      const dirs = [dataDir, distDir, ...(existsDir(cache) ? [cache] : [])];
      assert.ok(filesUnder(distDir).length > 20, 'the portal is there');
      if (embedded) assert.ok(filesUnder(join(dataDir, 'pg_wal')).length > 0, 'the database files are searched');
      for (const path of MARKED) assert.deepEqual(filesContaining(dirs, markers[path]), [], path);
    });

    it('finds the marker in no public answer, archive or open data, and the follow-up says erased', async () => {
      const answers = await (await app.request(`/api/consultations/${SLUG}/answers?pageSize=100`)).text();
      const archive = await (await app.request(`/api/consultations/${SLUG}/archive`)).text();
      const openData = await (await app.request(`/api/open-data/consultations/${SLUG}`)).text();
      for (const path of MARKED) {
        for (const [name, body] of Object.entries({ answers, archive, openData })) {
          assert.ok(!body.toLowerCase().includes(markers[path].toLowerCase()), `${path} in ${name}`);
        }
      }
      const followUp = await (await app.request(`/api/follow-up/${codes['resident-json']}`)).json();
      assert.equal(followUp.status, 'erased');
      assert.deepEqual(followUp.answers, []);
      assert.deepEqual(followUp.replies, []);
    });

    if (embedded) {
      it('finds the marker in no file of the database after it is closed', async () => {
        await database.current!.close();
        database.current = undefined;
        for (const path of MARKED) assert.deepEqual(filesContaining([dataDir], markers[path]), [], path);
      });
    }
  });
}

function existsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function onPath(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
