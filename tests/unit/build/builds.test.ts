import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { previousBuildsRemoved, removeOldBuilds } from '../../../api/build/builds.ts';

describe('removing old portal builds after a switch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podium-builds-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const make = (...names: string[]) => names.forEach((name) => mkdirSync(join(dir, name), { recursive: true }));

  it('removes older builds at once and the previous one when its grace period ends', async () => {
    make('1-a', '2-b', '3-c', '4-live');
    await removeOldBuilds(dir, join(dir, '4-live'), 200);
    assert.deepEqual(readdirSync(dir).sort(), ['3-c', '4-live']);
    await previousBuildsRemoved();
    assert.deepEqual(readdirSync(dir), ['4-live']);
  });

  it('keeps the live build when it is the only one', async () => {
    await removeOldBuilds(dir, join(dir, '4-live'), 0);
    assert.deepEqual(readdirSync(dir), ['4-live']);
  });

  it('leaves a newer build alone: another process is still writing it', async () => {
    make('5-other');
    await removeOldBuilds(dir, join(dir, '4-live'), 0);
    assert.deepEqual(readdirSync(dir).sort(), ['4-live', '5-other']);
  });

  it('removes the previous build at once when asked for no grace period', async () => {
    await removeOldBuilds(dir, join(dir, '5-other'), 0);
    assert.deepEqual(readdirSync(dir), ['5-other']);
  });
});
