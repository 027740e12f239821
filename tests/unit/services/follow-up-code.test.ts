import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FOLLOW_UP_ALPHABET,
  generateFollowUpCode,
  normalizeFollowUpCode,
} from '../../../api/services/follow-up-code.ts';

describe('follow-up codes', () => {
  it('are three groups of four characters from an alphabet without look-alikes', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateFollowUpCode();
      assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      for (const char of code.replaceAll('-', '')) assert.ok(FOLLOW_UP_ALPHABET.includes(char), char);
    }
    for (const lookAlike of ['0', 'O', '1', 'I', 'L', '8', 'B', 'S', 'Z', 'U']) {
      assert.ok(!FOLLOW_UP_ALPHABET.includes(lookAlike), lookAlike);
    }
  });

  it('use every character of the alphabet about equally often', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      for (const char of generateFollowUpCode().replaceAll('-', '')) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    const expected = (2000 * 12) / FOLLOW_UP_ALPHABET.length;
    assert.equal(counts.size, FOLLOW_UP_ALPHABET.length);
    for (const [char, n] of counts) assert.ok(Math.abs(n - expected) < expected * 0.2, `${char}: ${n}`);
  });

  it('do not repeat', () => {
    const codes = new Set(Array.from({ length: 5000 }, generateFollowUpCode));
    assert.equal(codes.size, 5000);
  });

  it('are recognised however a person types them', () => {
    assert.equal(normalizeFollowUpCode(' k7qm 4xpr-9twd '), 'K7QM-4XPR-9TWD');
    assert.equal(normalizeFollowUpCode('K7QM4XPR9TWD'), 'K7QM-4XPR-9TWD');
  });

  it('reject text that cannot be a code', () => {
    for (const input of ['', 'K7QM-4XPR', 'K7QM-4XPR-9TWD-AAAA', 'K0QM-4XPR-9TWD', '../../../etc/passwd']) {
      assert.equal(normalizeFollowUpCode(input), undefined, input);
    }
  });
});
