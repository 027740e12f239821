/**
 * What a build process reports as its peak memory (api/build/exit-with-parent.ts): its own,
 * not the high-water mark of the server that started it, which Linux carries across the exec.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const exitWithParent = fileURLToPath(new URL('../../../api/build/exit-with-parent.ts', import.meta.url));

describe('a build process’s peak memory', () => {
  it('is its own, also when the process that started it holds far more', async () => {
    // This process holds half a gigabyte, touched, so it is resident.
    const held = Array.from({ length: 5 }, () => Buffer.alloc(100 * 1024 * 1024, 1));
    const dir = mkdtempSync(join(tmpdir(), 'podium-usage-'));
    const usageFile = join(dir, 'usage.json');
    try {
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', exitWithParent, '-e', 'setTimeout(() => {}, 50)'], {
          env: { ...process.env, PODIUM_BUILD_USAGE_FILE: usageFile },
          stdio: ['pipe', 'inherit', 'inherit'],
        });
        child.on('error', reject);
        child.on('exit', () => resolve());
      });
      const { maxRssBytes } = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssBytes: number };
      const mb = maxRssBytes / 1024 / 1024;
      assert.ok(mb > 10 && mb < 300, `a small process reports ${mb.toFixed(0)} MB beside a parent of 500 MB`);
    } finally {
      held.length = 0;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
