/**
 * Keeps `npm run bench` honest: the size it reports for <podium-submit>'s first view must be
 * every script a browser fetches before the resident sends, including what starts when the
 * form is first touched (the proof of work). Here a real browser on a host page records what
 * it fetches; the bench's own module graph of the same build must name the same files.
 */
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { widgetExamples } from '../../../widgets/examples.ts';
import { moduleGraph } from '../../bench/module-graph.ts';
import { browserTestEnv } from '../../support/browser-env.ts';
import { openHostPage, test } from '../support/host-pages.ts';
import { isChallenge } from '../support/proof-of-work.ts';
import { fillDemoForm, widget } from '../support/widget-helpers.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const distDir = browserTestEnv(root).PODIUM_DIST_DIR!;

test('Before sending, a host page with podium-submit fetches exactly the scripts the bench counts as its first view', async ({
  page,
  hostServer,
}) => {
  const scripts = new Set<string>();
  let challenges = 0;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/widgets/')) scripts.add(basename(url.pathname));
    if (isChallenge(url)) challenges++;
  });
  const submit = widgetExamples.find((example) => example.tag === 'podium-submit')!;
  await openHostPage(page, hostServer, { host: 'plain', widget: submit });
  await expect(widget(page).locator('form')).toBeVisible();
  // Everything a resident does before pressing send: the form is touched and filled in.
  await fillDemoForm(page, 'Alles wat vóór het versturen laadt, telt mee.');
  await expect.poll(() => challenges, 'solving started on the first touch').toBe(1);
  await page.waitForLoadState('networkidle');

  const counted = [...moduleGraph(join(distDir, 'widgets', 'podium-submit.js'), join(distDir, 'site'))].map((file) =>
    basename(file),
  );
  expect([...scripts].sort()).toEqual(counted.sort());
});
