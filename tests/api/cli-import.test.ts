import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase } from '../../api/db/client.ts';
import { socialPosts, socialThreads } from '../../api/db/schema.ts';
import { parseImportArgs } from '../../api/cli/import.ts';
import { seedDemoData } from '../../api/services/seed.ts';
import { mastodonThread } from '../fixtures/social/payloads.ts';
import { NOW } from '../support/app.ts';
import { runPodium, standInServer } from '../support/cli.ts';
import { seedMastodonThread, startPlatformServer, type PlatformServer } from '../support/platform-server.ts';

const podium = runPodium;

/** A thread as a platform's API returned it, written to a file. */
function threadFile(dir: string, rootId: string): string {
  const payload = mastodonThread();
  (payload.status as { id: string }).id = rootId;
  for (const d of payload.context.descendants as Array<{ in_reply_to_id: string }>) {
    if (d.in_reply_to_id === '100') d.in_reply_to_id = rootId;
  }
  const file = join(dir, `thread-${rootId}.json`);
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

/** The status and its context as two files, as `GET /api/v1/statuses/:id` and `…/context` return them. */
function exportedFiles(dir: string, rootId: string): [string, string] {
  const payload = mastodonThread();
  (payload.status as { id: string }).id = rootId;
  for (const d of payload.context.descendants as Array<{ in_reply_to_id: string }>) {
    if (d.in_reply_to_id === '100') d.in_reply_to_id = rootId;
  }
  const status = join(dir, `status-${rootId}.json`);
  const context = join(dir, `context-${rootId}.json`);
  writeFileSync(status, JSON.stringify(payload.status));
  writeFileSync(context, JSON.stringify(payload.context));
  return [status, context];
}

async function seededDataDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'podium-import-'));
  const database = await openDatabase({ dataDir: join(dir, 'data') });
  await database.migrate();
  await seedDemoData(database.db, NOW);
  await database.close();
  return dir;
}

describe('reading "import" arguments', () => {
  it('takes an address as a live import and a file as JSON, with the options', async () => {
    assert.deepEqual(await parseImportArgs(['https://social.example/@gemeente/1', '--own', 'a@b, c@d']), {
      command: 'import',
      url: 'https://social.example/@gemeente/1',
      ownAccounts: ['a@b', 'c@d'],
      officialAccounts: [],
    });
    const dir = mkdtempSync(join(tmpdir(), 'podium-args-'));
    try {
      const job = await parseImportArgs([threadFile(dir, '1'), '--platform', 'mastodon', '--root', '1']);
      assert.deepEqual([job.platform, job.rootId, typeof job.payload], ['mastodon', '1', 'object']);
      writeFileSync(join(dir, 'broken.json'), '{');
      await assert.rejects(parseImportArgs([join(dir, 'broken.json')]), /is not JSON/);
      await assert.rejects(parseImportArgs([join(dir, 'missing.json')]), /Cannot read the file/);
      await assert.rejects(parseImportArgs(['x.json', '--platform', 'myspace']), /Unknown platform "myspace"/);
      await assert.rejects(parseImportArgs(['https://social.example/@g/1', 'b']), /not both/);
      await assert.rejects(parseImportArgs(['a', 'b', 'c']), /at most two files/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reading a Mastodon status and its context as the two files the API returns', () => {
  it('combines them in either order into one thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podium-args-'));
    try {
      const [status, context] = exportedFiles(dir, '2');
      for (const files of [
        [status, context],
        [context, status],
      ]) {
        const job = await parseImportArgs(files);
        assert.deepEqual(Object.keys(job.payload as object).sort(), ['context', 'status']);
        assert.equal((job.payload as { status: { id: string } }).status.id, '2');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a context without its status, and two statuses, saying what to give', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podium-args-'));
    try {
      const [status, context] = exportedFiles(dir, '3');
      await assert.rejects(parseImportArgs([context]), /without its status: give the status file too/);
      await assert.rejects(parseImportArgs([status, status]), /a Mastodon status and its context/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('"npx podium import" on the embedded database', () => {
  let dir: string;
  let platform: PlatformServer;
  before(async () => {
    dir = await seededDataDir();
    platform = await startPlatformServer();
  });
  after(async () => {
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the database itself when no server runs, detecting the platform from the JSON', async () => {
    const run = await podium(
      ['import', threadFile(dir, '300'), '--publish', '--own', 'gemeente@social.gemeente.example'],
      { PODIUM_DATA_DIR: join(dir, 'data') },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\(mastodon\) mirrored: 3 new/);
    assert.match(run.stdout, /2 replies published; none wait in the moderation queue/);
    const database = await openDatabase({ dataDir: join(dir, 'data') });
    try {
      const [thread] = await database.db.select().from(socialThreads).where(eq(socialThreads.externalId, '300'));
      assert.ok(thread);
    } finally {
      await database.close();
    }
  });

  it('imports a Mastodon status and its context given as two files', async () => {
    const [status, context] = exportedFiles(dir, '302');
    const run = await podium(['import', status, context], { PODIUM_DATA_DIR: join(dir, 'data') });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\(mastodon\) mirrored: 3 new/);
  });

  it('keeps "thread import-json" working as an earlier name', async () => {
    const run = await podium(['thread', 'import-json', 'mastodon', threadFile(dir, '301')], {
      PODIUM_DATA_DIR: join(dir, 'data'),
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /mirrored/);
  });

  it('hands the job to the running server over its owner-only socket while the server holds the database', async () => {
    let allowPrivateHosts = true;
    const server = await standInServer(join(dir, 'data'), { settings: () => ({ allowPrivateHosts }) });
    const { database } = server;
    try {
      assert.equal(statSync(server.socketPath).mode & 0o777, 0o600);
      seedMastodonThread(platform, '400');
      const run = await podium(['import', platform.mastodonUrl('400'), '--own', 'acc-gemeente'], {
        PODIUM_DATA_DIR: join(dir, 'data'),
      });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /mirrored by the running server: 3 new/);
      assert.match(run.stdout, /0 replies published; 2 wait in the moderation queue/);
      const [thread] = await database.db.select().from(socialThreads).where(eq(socialThreads.externalId, '400'));
      assert.equal(thread?.sourceUrl, platform.mastodonUrl('400'));
      const posts = await database.db.select().from(socialPosts).where(eq(socialPosts.threadId, thread!.id));
      assert.deepEqual(posts.map((p) => [p.externalId, p.reviewState]).sort(), [
        ['400', 'published'],
        ['4001', 'new'],
        ['4002', 'new'],
      ]);

      // The server's own setting decides: without it a loopback address is refused before any connection.
      allowPrivateHosts = false;
      const refused = await podium(['import', platform.mastodonUrl('400')], { PODIUM_DATA_DIR: join(dir, 'data') });
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /Not imported: Podium only reads public HTTPS addresses/);
      assert.equal(
        platform.requests.filter((p) => p === '/api/v1/statuses/400').length,
        1,
        'only the allowed import read it',
      );
    } finally {
      await server.close();
    }
  });

  it('says what to do when another process holds the database and no server answers', async () => {
    const database = await openDatabase({ dataDir: join(dir, 'data') });
    try {
      const run = await podium(['import', threadFile(dir, '302')], { PODIUM_DATA_DIR: join(dir, 'data') });
      assert.equal(run.code, 1);
      assert.match(run.stderr, /in use by another process \(pid \d+\), and no Podium server answers/);
      assert.match(run.stderr, /POST \/api\/staff\/threads/);
    } finally {
      await database.close();
    }
  });

  it('asks for the root id of a comment list that does not name its post', async () => {
    const file = join(dir, 'instagram.json');
    writeFileSync(
      file,
      JSON.stringify({ data: [{ id: '17', text: 'Mooi plan', timestamp: '2026-11-20T09:00:00+0000' }] }),
    );
    const run = await podium(['import', file], { PODIUM_DATA_DIR: join(dir, 'data') });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Give the root post’s id with --root <id>\./);
  });

  it('explains bad usage with exit code 2', async () => {
    const none = await podium(['import'], { PODIUM_DATA_DIR: join(dir, 'data') });
    assert.equal(none.code, 2);
    assert.match(none.stdout, /Usage: npx podium import/);
    const unknown = await podium(['import', 'x.json', '--platform', 'myspace'], { PODIUM_DATA_DIR: join(dir, 'data') });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown platform/);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  describe('"npx podium import" on a PostgreSQL server', () => {
    const name = `podium_test_${randomBytes(6).toString('hex')}`;
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    let dir: string;
    before(async () => {
      await admin.unsafe(`create database ${name}`);
      const database = await openDatabase({ url: url.toString() });
      await database.migrate();
      await seedDemoData(database.db, NOW);
      await database.close();
      dir = mkdtempSync(join(tmpdir(), 'podium-import-pg-'));
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    it('connects to the server directly, even while another process uses the database', async () => {
      const other = await openDatabase({ url: url.toString() });
      try {
        const run = await podium(['import', threadFile(dir, '500')], { DATABASE_URL: url.toString() });
        assert.equal(run.code, 0, run.stderr);
        assert.doesNotMatch(run.stdout, /running server/);
        const [thread] = await other.db.select().from(socialThreads).where(eq(socialThreads.externalId, '500'));
        assert.ok(thread);
      } finally {
        await other.close();
      }
    });
  });
}
