import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompressDirectory } from '../../../api/build/precompress.ts';

describe('precompressing a build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podium-precompress-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const page = `<!doctype html><html lang="nl"><title>Fietsroute</title>${'<p>Graag een vrijliggend fietspad.</p>'.repeat(200)}`;
  mkdirSync(join(dir, '_astro'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), page);
  writeFileSync(join(dir, '_astro', 'Base.abc12345.css'), `body{margin:0}\n${'.a{color:#000}\n'.repeat(300)}`);
  writeFileSync(join(dir, 'small.html'), '<p>kort</p>');
  writeFileSync(join(dir, 'photo.png'), Buffer.alloc(4096, 7));

  it('writes a Brotli and a gzip copy beside each large text file that decode to the same bytes', async () => {
    const report = await precompressDirectory(dir);
    assert.equal(report.files, 2);
    for (const file of [join(dir, 'index.html'), join(dir, '_astro', 'Base.abc12345.css')]) {
      const original = readFileSync(file);
      assert.deepEqual(brotliDecompressSync(readFileSync(`${file}.br`)), original);
      assert.deepEqual(gunzipSync(readFileSync(`${file}.gz`)), original);
      assert.ok(readFileSync(`${file}.br`).length < original.length / 5, 'repetitive text shrinks a lot');
    }
    assert.ok(report.brotliBytes < report.gzipBytes, 'Brotli beats gzip on text');
  });

  it('leaves small files and files that are compressed already alone', () => {
    for (const name of ['small.html', 'photo.png']) {
      assert.ok(!existsSync(join(dir, `${name}.br`)), name);
      assert.ok(!existsSync(join(dir, `${name}.gz`)), name);
    }
  });
});
