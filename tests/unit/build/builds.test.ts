import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { removeOldBuilds } from '../../../api/build/builds.ts';

describe('removing old portal builds after a switch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podium-builds-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const make = (...names: string[]) => names.forEach((name) => mkdirSync(join(dir, name), { recursive: true }));

  it('removes older builds at once and the previous one after the grace period', async () => {
    make('1-a', '2-b', '3-c', '4-live');
    await removeOldBuilds(dir, join(dir, '4-live'), 200);
    assert.deepEqual(readdirSync(dir).sort(), ['3-c', '4-live']);
    await sleep(400);
    assert.deepEqual(readdirSync(dir), ['4-live']);
  });

  it('keeps the live build when it is the only one', async () => {
    await removeOldBuilds(dir, join(dir, '4-live'), 0);
    assert.deepEqual(readdirSync(dir), ['4-live']);
  });
});
