/**
 * kill -9 in the middle of a site build: the portal being served never is a half-built one,
 * and the restarted server builds again and serves a complete site.
 *
 * The build is made out of date the way an operator meets it: content changed while the
 * server was down, so the next start rebuilds. That start is killed during its build.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../api/db/client.ts';
import { killAll, PORTS, startPodium, tempDir } from './support/podium-process.ts';
import { routes } from '../../shared/urls.ts';

/** The live build: where the `site` symlink points. */
function liveBuild(distDir: string): string {
  return resolve(distDir, readlinkSync(join(distDir, 'site')));
}

/** Every page of a build, as the path it is served under. */
function pagesOf(build: string): string[] {
  return readdirSync(build, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === 'index.html')
    .map((entry) => `/${relative(build, entry.parentPath)}/`.replace(/^\/\/$/, '/'));
}

describe('kill -9 during a site build', () => {
  const dir = tempDir('rebuild');
  after(async () => {
    await killAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the complete build live, and the restarted server serves a complete site', async () => {
    const dataDir = join(dir, 'data');
    const distDir = join(dir, 'dist');
    const first = startPodium({ where: { dataDir }, distDir, port: PORTS.rebuild });
    await first.healthy();
    await first.stop();
    const before = liveBuild(distDir);

    // Content changes while the server is down.
    const marker = `Chaosmarkering ${Date.now()}`;
    const database = await openDatabase({ dataDir });
    await database.db.execute(
      sql`update consultations set title = jsonb_set(title, '{nl}', to_jsonb(${marker}::text)) where slug = 'fietsroute-stationsstraat'`,
    );
    await database.close();

    const second = startPodium({ where: { dataDir }, distDir, port: PORTS.rebuild });
    await second.printed(/Building the portal/);
    // Well into the build: the moment Astro starts writing the new build's output.
    const builds = join(distDir, 'site-builds');
    while (readdirSync(builds).every((name) => join(builds, name) === before)) {
      assert.equal(second.child.exitCode, null, `the server ended during its build:\n${second.output()}`);
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 20));
    }
    await second.kill9();
    const halfBuilt = readdirSync(builds)
      .map((name) => join(builds, name))
      .filter((path) => path !== before);
    assert.ok(
      halfBuilt.length > 0 && halfBuilt.every((path) => !existsSync(join(path, '.podium-build'))),
      'the kill came in the middle of the build',
    );
    assert.equal(liveBuild(distDir), before, 'the killed build never went live');
    assert.ok(existsSync(join(before, '.podium-build')), 'the live build is a complete one');

    const third = startPodium({ where: { dataDir }, distDir, port: second.port });
    await third.healthy();
    const live = liveBuild(distDir);
    assert.notEqual(live, before, 'the restart built again');
    assert.ok(existsSync(join(live, '.podium-build')), 'the new build is complete');

    // The one page every conversation is served in is not a page of its own (a 404).
    const shells = new Set([routes.conversationShell('nl'), routes.conversationShell('en')]);
    const pages = pagesOf(live).filter((page) => !shells.has(page));
    assert.ok(pages.length > 20, `the demo portal has its pages (${pages.length})`);
    for (const page of pages) {
      const response = await fetch(`${third.baseUrl}${encodeURI(page)}`);
      const html = await response.text();
      assert.equal(response.status, 200, page);
      assert.match(html, /<main[\s>][\s\S]*<\/main>[\s\S]*<\/html>\s*$/, `${page} is a whole page`);
    }
    const consultation = await fetch(`${third.baseUrl}/consultaties/fietsroute-stationsstraat/`);
    assert.equal(consultation.status, 200);
    assert.match(await consultation.text(), new RegExp(marker), 'the changed content is on the page');
    await third.stop();
  });
});
