/**
 * The built portal carries the organisation's choices (api/services/organisation-settings.ts,
 * site/layouts/Base.astro, site/pages/huisstijl.css.ts): its house colours as NL Design System
 * custom properties in a stylesheet every page links (the Content-Security-Policy allows no
 * inline style), and with English off no page links an English one. One real Astro build, on
 * the embedded database only: the database plays no part in what is tested here.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { OPENAPI_DOCUMENT } from '../../../api/app.ts';
import { ensureSiteBuilt, openApiPath, sitePath, snapshotPath } from '../../../api/build/builds.ts';
import { organisations } from '../../../api/db/schema.ts';
import { saveOrganisationChange } from '../../../api/services/organisation-settings.ts';
import { buildPublishedSnapshot, writeSnapshotFile } from '../../../api/services/published-content.ts';
import { NOW, openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { addStaffUser } from '../../support/staff.ts';

describe('the built portal with house colours and only Dutch', () => {
  const distDir = mkdtempSync(join(tmpdir(), 'podium-theme-build-'));
  let t: TestApp;
  let site: string;
  const built = (path: string) => readFileSync(join(site, path), 'utf8');

  before(async () => {
    t = await openTestApp(databaseTargets()[0]!);
    const actorId = await addStaffUser(t, 'admin@demodam.example', 'administrator');
    const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam'));
    const save = async (change: Parameters<typeof saveOrganisationChange>[1]['change']) => {
      const [current] = await t.db.select().from(organisations).where(eq(organisations.id, org!.id));
      const result = await saveOrganisationChange(t.db, {
        organisationId: org!.id,
        actorId,
        expectedVersion: current!.settingsVersion,
        change,
        now: NOW,
      });
      assert.equal(result.kind, 'saved');
    };
    await save({ kind: 'theme', theme: { accent: '#0066cc', onAccent: '#ffffff', focus: '#8a2be2' } });
    await save({ kind: 'languages', languages: ['nl'] });
    await writeSnapshotFile(snapshotPath(distDir), await buildPublishedSnapshot(t.db, NOW));
    const document = t.app.getOpenAPI31Document(OPENAPI_DOCUMENT);
    writeFileSync(openApiPath(distDir), `${JSON.stringify(document, null, 2)}\n`);
    await ensureSiteBuilt(distDir, { force: true, previousBuildGraceMs: 0 });
    site = sitePath(distDir);
  });
  after(async () => {
    await t.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('links the house colours from every page, and the stylesheet sets them as custom properties', () => {
    const home = built('index.html');
    const link = /<link rel="stylesheet" href="(\/huisstijl\.css\?v=[0-9a-f]{8})"/.exec(home);
    assert.ok(link, 'the home page links the house colours');
    assert.match(built('onderwerpen/index.html'), new RegExp(link[1]!.replace(/[?.]/g, '\\$&')));
    const css = built('huisstijl.css');
    assert.match(css, /--utrecht-link-color:#0066cc/);
    assert.match(css, /--utrecht-button-primary-action-background-color:#0066cc/);
    assert.match(css, /--utrecht-button-primary-action-color:#ffffff/);
    assert.match(css, /--utrecht-focus-outline-color:#8a2be2/);
  });

  it('links no English page with English off: no language switch, no alternates, none in the sitemap', () => {
    const home = built('index.html');
    assert.doesNotMatch(home, /podium-language-switch/);
    assert.doesNotMatch(home, /hreflang="en"/);
    assert.doesNotMatch(home, /href="\/en\//);
    const sitemap = built('sitemap.xml');
    assert.match(sitemap, /<loc>[^<]*\/onderwerpen\/<\/loc>/);
    assert.doesNotMatch(sitemap, /\/en\//);
  });
});
