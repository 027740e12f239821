import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { observe, type JobEvent } from '../../../api/observability/events.ts';
import { startBackgroundLoop } from '../../../api/services/background-loop.ts';

describe('a background loop', () => {
  it('reports each pass by its job name, a failing one as failed, and goes on after a failure', async () => {
    const events: JobEvent[] = [];
    const stopObserving = observe({ job: (event) => events.push(event) });
    let passes = 0;
    const stop = startBackgroundLoop(
      'test-job',
      async () => {
        passes += 1;
        if (passes === 1) throw new Error('first pass fails');
      },
      5,
    );
    while (passes < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    await stop();
    stopObserving();
    assert.ok(events.length >= 2);
    assert.deepEqual(
      events.slice(0, 2).map(({ job, ok }) => ({ job, ok })),
      [
        { job: 'test-job', ok: false },
        { job: 'test-job', ok: true },
      ],
    );
    assert.ok(events.every((event) => event.ms >= 0));
  });
});
