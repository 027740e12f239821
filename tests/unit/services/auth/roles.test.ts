import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { can, visibleDepartments } from '../../../../api/services/auth/roles.ts';

describe('staff roles', () => {
  it('let moderators and administrators decide, and nobody else', () => {
    assert.equal(can([{ role: 'moderator', departmentId: null }], 'queue.decide'), true);
    assert.equal(can([{ role: 'administrator', departmentId: null }], 'queue.decide'), true);
    for (const role of ['webcare', 'analyst', 'department_member'] as const)
      assert.equal(can([{ role, departmentId: null }], 'queue.decide'), false, role);
  });

  it('keep analysts out of the queue and let them read insights', () => {
    const analyst = [{ role: 'analyst' as const, departmentId: null }];
    assert.equal(can(analyst, 'queue.read'), false);
    assert.equal(can(analyst, 'insights.read'), true);
  });

  it('limit department members to their departments, unless another role sees everything', () => {
    assert.deepEqual(visibleDepartments([{ role: 'department_member', departmentId: 'd1' }]), ['d1']);
    assert.deepEqual(visibleDepartments([{ role: 'department_member', departmentId: null }]), []);
    assert.equal(
      visibleDepartments([
        { role: 'department_member', departmentId: 'd1' },
        { role: 'webcare', departmentId: null },
      ]),
      'all',
    );
    assert.deepEqual(
      visibleDepartments([
        { role: 'department_member', departmentId: 'd1' },
        { role: 'analyst', departmentId: null },
      ]),
      ['d1'],
      'analysts see no queue, so they widen nothing',
    );
  });
});
