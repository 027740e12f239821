import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../../../api/services/auth/passwords.ts';

describe('staff passwords', () => {
  it('are hashed with argon2id and a random salt', async () => {
    const first = await hashPassword('een lange wachtzin');
    const second = await hashPassword('een lange wachtzin');
    assert.match(first, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.notEqual(first, second);
  });

  it('verify the right password only', async () => {
    const hash = await hashPassword('een lange wachtzin');
    assert.equal(await verifyPassword(hash, 'een lange wachtzin'), true);
    assert.equal(await verifyPassword(hash, 'een lange wachtzin '), false);
    assert.equal(await verifyPassword(hash, ''), false);
  });

  it('treat the same text in another Unicode form as the same password', async () => {
    const hash = await hashPassword('café met één koffie');
    assert.equal(await verifyPassword(hash, 'cafe\u0301 met e\u0301e\u0301n koffie'), true);
  });

  it('fail, not crash, on a damaged hash', async () => {
    assert.equal(await verifyPassword('not-a-hash', 'whatever'), false);
  });

  it('ask for length, not for special characters', () => {
    assert.equal(checkPasswordStrength('kort'), 'password_too_short');
    assert.equal(checkPasswordStrength('elf tekens!'), 'password_too_short');
    assert.equal(checkPasswordStrength('alleen kleine letters'), undefined);
    assert.equal(checkPasswordStrength('x'.repeat(1025)), 'password_too_long');
  });
});
