/**
 * The server's own log lines for what it reports about itself (api/server.ts `observeServer`):
 * jobs, builds and roll-up mismatches each a JSON line (a mismatch warned of in the text log
 * too), without anything about a person.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishBuild, publishJob, publishRollUpMismatch } from '../../../api/observability/events.ts';
import { createLogger } from '../../../api/observability/log.ts';
import { observeServer } from '../../../api/server.ts';
import type { Db } from '../../../api/db/client.ts';

describe('the server log of jobs, builds and roll-ups', () => {
  it('writes a line per job pass, portal build and roll-up mismatch, at their levels', () => {
    const lines: string[] = [];
    const at = () => new Date('2026-12-07T09:00:00Z');
    const observed = observeServer(
      { db: {} as Db },
      { metricsToken: undefined },
      createLogger('json', (line) => lines.push(line), at),
    );
    try {
      publishJob({ job: 'mail-sender', ms: 12.4, ok: true });
      publishBuild({ ms: 830.6, ok: false });
      publishRollUpMismatch({ rollUp: 'response_time_counts' });
    } finally {
      observed.close();
    }
    publishRollUpMismatch({ rollUp: 'response_time_counts' });
    assert.deepEqual(
      lines.map((line) => JSON.parse(line)),
      [
        { time: '2026-12-07T09:00:00.000Z', level: 'info', msg: 'job', job: 'mail-sender', ok: true, ms: 12 },
        { time: '2026-12-07T09:00:00.000Z', level: 'error', msg: 'portal build', ok: false, ms: 831 },
        {
          time: '2026-12-07T09:00:00.000Z',
          level: 'warn',
          msg: 'roll-up mismatch, counted from the items',
          rollUp: 'response_time_counts',
        },
      ],
      'one line each, and none once closed',
    );
  });

  it('warns of a roll-up mismatch in the text log too, where job passes and builds are not listed', () => {
    const lines: string[] = [];
    const observed = observeServer(
      { db: {} as Db },
      { metricsToken: undefined },
      createLogger('text', (line) => lines.push(line)),
    );
    try {
      publishJob({ job: 'mail-sender', ms: 12.4, ok: true });
      publishRollUpMismatch({ rollUp: 'response_time_counts' });
    } finally {
      observed.close();
    }
    assert.deepEqual(lines, ['roll-up mismatch, counted from the items rollUp=response_time_counts']);
  });
});
