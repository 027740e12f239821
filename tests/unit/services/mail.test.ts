import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { outboxTransport } from '../../../api/services/mail.ts';

describe('the mail outbox, for a deployment without SMTP', () => {
  test('writes each message to a file only its owner can read, and logs neither address nor link', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'podium-outbox-'));
    try {
      const lines: string[] = [];
      const outbox = outboxTransport(join(dir, 'outbox'), (line) => lines.push(line));
      const text = 'Open deze link: https://podium.example/gegevens/SECRET-TOKEN/';
      await outbox.send({ to: 'anna@example.nl', subject: 'Uw link', text, language: 'nl' });
      const files = await readdir(join(dir, 'outbox'));
      assert.equal(files.length, 1);
      const file = files[0]!;
      assert.ok(file.endsWith('.eml'));
      const content = await readFile(join(dir, 'outbox', file), 'utf8');
      assert.match(content, /^To: anna@example\.nl\r$/m);
      assert.ok(content.includes(text));
      assert.equal((await stat(join(dir, 'outbox', file))).mode & 0o777, 0o600);
      assert.equal(lines.length, 1);
      assert.ok(lines[0]!.includes(file));
      assert.doesNotMatch(lines[0]!, /anna|SECRET-TOKEN/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
