/** The filter parsing insights and the audit log share: raw query text and period checks. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { periodErrors, rawQuery } from '../../../api/services/filter-query.ts';
import { parseAuditFilter, rawAuditFilter } from '../../../api/services/audit-filter.ts';
import { rawFilter } from '../../../api/services/insights/filters.ts';

describe('shared filter parsing', () => {
  it('keeps only the named parameters, trimmed, well-formed and cut to their length', () => {
    const raw = rawQuery(
      { from: ' 2026-01-01 ', q: 'x', topic: '\u0000a\ud800b', to: '' },
      { from: 5, to: 20, topic: 20 },
    );
    assert.deepEqual(raw, { from: '2026-', topic: 'a\ufffdb' });
  });

  it('refuses bad dates, a reversed period and one that is too long, with the same codes for both pages', () => {
    assert.deepEqual(periodErrors('2026-02-30', '31-12-2026'), [
      { field: 'from', code: 'from' },
      { field: 'to', code: 'to' },
    ]);
    assert.deepEqual(periodErrors('2026-03-01', '2026-02-01'), [{ field: 'from', code: 'order' }]);
    assert.deepEqual(periodErrors('2020-01-01', '2026-01-01', 731), [{ field: 'from', code: 'span' }]);
    assert.deepEqual(periodErrors('2020-01-01', '2026-01-01'), [], 'no limit without one');
    assert.deepEqual(periodErrors(undefined, '2026-01-01'), []);
  });

  it('is what the audit log and insights both parse with', () => {
    const audit = parseAuditFilter(rawAuditFilter({ from: '2026-03-01', to: '2026-02-01', action: '\ud800' }), []);
    assert.deepEqual(audit.ok ? [] : audit.errors, [{ field: 'from', code: 'order' }]);
    assert.deepEqual(rawFilter({ from: ' 2026-01-01 ', channel: 'portal'.repeat(10) }), {
      from: '2026-01-01',
      channel: 'portalportalportalpo',
    });
  });
});
