import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchedLines, createLogger, defaultLogFormat } from '../../../api/observability/log.ts';

const at = () => new Date('2026-12-05T09:00:00Z');

describe('the server log', () => {
  it('writes one JSON object per line with time, level, message and fields in json format', () => {
    const lines: string[] = [];
    const log = createLogger('json', (line) => lines.push(line), at);
    log('Podium runs.');
    log.record('error', 'job', { job: 'mail-sender', ok: false, ms: 12 });
    assert.deepEqual(
      lines.map((line) => JSON.parse(line)),
      [
        { time: '2026-12-05T09:00:00.000Z', level: 'info', msg: 'Podium runs.' },
        { time: '2026-12-05T09:00:00.000Z', level: 'error', msg: 'job', job: 'mail-sender', ok: false, ms: 12 },
      ],
    );
  });

  it('writes plain lines with the fields after the message in text format', () => {
    const lines: string[] = [];
    const log = createLogger('text', (line) => lines.push(line), at);
    log('Podium runs.');
    log.record('info', 'job', { job: 'thread-sync', ms: 3 });
    assert.deepEqual(lines, ['Podium runs.', 'job job=thread-sync ms=3']);
  });

  it('defaults to text for a terminal and to json for anything else', () => {
    assert.equal(defaultLogFormat({ isTTY: true }), 'text');
    assert.equal(defaultLogFormat({}), 'json');
  });

  it('sends the lines of one turn of the event loop in one write, before the next turn', async () => {
    const writes: string[] = [];
    const write = batchedLines({ write: (chunk: string) => writes.push(chunk) });
    write('een');
    write('twee');
    assert.deepEqual(writes, [], 'nothing is written while the turn goes on');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(writes, ['een\ntwee\n']);
    write('drie');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(writes, ['een\ntwee\n', 'drie\n']);
  });
});
