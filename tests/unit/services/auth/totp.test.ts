/** The pure code checks of two-step verification: the ±1 step window, no reuse, recovery codes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TOTP } from 'otpauth';
import {
  codeAt,
  groupedKey,
  hashRecoveryCode,
  looksLikeTotpCode,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  otpauthUri,
  stepAt,
} from '../../../../api/services/auth/totp.ts';

// RFC 6238 appendix B's SHA-1 secret ("12345678901234567890"), in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const NOW = new Date('2026-12-05T09:00:10Z');
const STEP = 30_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe('TOTP codes', () => {
  it('computes the RFC 6238 test vector (59 s → 287082 in six digits)', () => {
    assert.equal(codeAt(RFC_SECRET, new Date(59_000)), '287082');
    assert.equal(codeAt(RFC_SECRET, new Date(1_111_111_109_000)), '081804');
  });

  it('accepts the code of the current step and of one step either side', () => {
    const code = codeAt(RFC_SECRET, NOW);
    assert.equal(matchingStep(RFC_SECRET, code, NOW, null), stepAt(NOW));
    assert.equal(matchingStep(RFC_SECRET, codeAt(RFC_SECRET, at(-STEP)), NOW, null), stepAt(NOW) - 1);
    assert.equal(matchingStep(RFC_SECRET, codeAt(RFC_SECRET, at(STEP)), NOW, null), stepAt(NOW) + 1);
  });

  it('refuses a code two steps old or two steps ahead', () => {
    assert.equal(matchingStep(RFC_SECRET, codeAt(RFC_SECRET, at(-2 * STEP)), NOW, null), undefined);
    assert.equal(matchingStep(RFC_SECRET, codeAt(RFC_SECRET, at(2 * STEP)), NOW, null), undefined);
  });

  it('refuses a code of a step already used, and of any earlier step', () => {
    const code = codeAt(RFC_SECRET, NOW);
    const used = matchingStep(RFC_SECRET, code, NOW, null)!;
    assert.equal(matchingStep(RFC_SECRET, code, NOW, used), undefined);
    assert.equal(matchingStep(RFC_SECRET, codeAt(RFC_SECRET, at(-STEP)), NOW, used), undefined);
    assert.equal(matchingStep(RFC_SECRET, codeAt(RFC_SECRET, at(STEP)), at(STEP), used), used + 1);
  });

  it('refuses a wrong code, and anything that is not six digits', () => {
    const right = codeAt(RFC_SECRET, NOW);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    assert.equal(matchingStep(RFC_SECRET, wrong, NOW, null), undefined);
    for (const typed of ['', '12345', '1234567', 'abcdef', `${right}0`]) {
      assert.equal(matchingStep(RFC_SECRET, typed, NOW, null), undefined, typed);
    }
  });

  it('takes a code typed with spaces or a dash', () => {
    const code = codeAt(RFC_SECRET, NOW);
    assert.equal(matchingStep(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, NOW, null), stepAt(NOW));
    assert.equal(matchingStep(RFC_SECRET, `${code.slice(0, 3)}-${code.slice(3)}`, NOW, null), stepAt(NOW));
    assert.ok(looksLikeTotpCode(' 123 456 '));
    assert.ok(!looksLikeTotpCode('abcde-fghjk'));
  });

  it('makes 160-bit secrets that an authenticator app reads from the otpauth link', () => {
    const secret = newTotpSecret();
    assert.equal(secret.length, 32);
    assert.notEqual(secret, newTotpSecret());
    const uri = otpauthUri(secret, 'fatima@demodam.example', 'Podium Gemeente Demodam');
    assert.match(uri, /^otpauth:\/\/totp\//);
    const url = new URL(uri);
    assert.equal(url.searchParams.get('secret'), secret);
    assert.equal(url.searchParams.get('issuer'), 'Podium Gemeente Demodam');
    assert.equal(url.searchParams.get('digits'), '6');
    assert.equal(url.searchParams.get('period'), '30');
    // What an app computes from the link is what Podium accepts.
    const app = new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 });
    assert.equal(matchingStep(secret, app.generate({ timestamp: NOW.getTime() }), NOW, null), stepAt(NOW));
  });

  it('shows the key in groups of four', () => {
    assert.equal(groupedKey(RFC_SECRET), 'GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ');
  });
});

describe('recovery codes', () => {
  it('makes ten different codes of ten characters without look-alikes', () => {
    const codes = newRecoveryCodes();
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) assert.match(code, /^[a-hjkmnp-tv-z2-9]{5}-[a-hjkmnp-tv-z2-9]{5}$/);
  });

  it('hashes a code per account, whatever its case, spaces or dash', () => {
    const [code] = newRecoveryCodes(1);
    const id = '11111111-1111-4111-8111-111111111111';
    const other = '22222222-2222-4222-8222-222222222222';
    assert.equal(hashRecoveryCode(id, code!), hashRecoveryCode(id, ` ${code!.toUpperCase().replace('-', ' ')} `));
    assert.notEqual(hashRecoveryCode(id, code!), hashRecoveryCode(other, code!));
    assert.equal(normaliseRecoveryCode('ABCDE-FGHJK'), 'abcdefghjk');
    assert.ok(!hashRecoveryCode(id, code!).includes(normaliseRecoveryCode(code!)));
  });
});
