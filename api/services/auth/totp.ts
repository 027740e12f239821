/**
 * The pure parts of the second factor: TOTP (RFC 6238, through `otpauth`) and recovery codes.
 *
 * - Codes are the authenticator apps' default: SHA-1, 6 digits, 30-second steps. A code of the
 *   step before or after the current one is accepted too (±1 step: clocks drift and people
 *   type slowly), and only a step later than the last accepted one (RFC 6238 §5.2: an
 *   observed code cannot be replayed, also not within its own 30 seconds).
 * - Recovery codes are 10 characters from a 30-letter alphabet without look-alikes (49 bits
 *   each), shown as `xxxxx-xxxxx`. Only a SHA-256 salted with the account's id is stored: with
 *   49 random bits per code and the log-in throttle in front, a slow hash adds nothing.
 */
import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** How many steps either side of now a code may come from. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

/** A new shared secret: 20 random bytes (RFC 4226's recommended 160 bits), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = 'Podium', issuer = 'Podium'): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/**
 * The `otpauth://` link an authenticator app reads (as a link on a phone, or typed).
 *
 * @example otpauthUri('JBSWY3DPEHPK3PXP', 'fatima@demodam.example', 'Podium Gemeente Demodam')
 */
export function otpauthUri(secret: string, account: string, issuer: string): string {
  return totp(secret, account, issuer).toString();
}

/** The key as people type it: groups of four letters, so a screen reader and the eye can keep their place. */
export function groupedKey(secret: string): string {
  return secret.match(/.{1,4}/g)!.join(' ');
}

/** The time step a moment falls in. */
export function stepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of a step (tests, and nothing else: Podium never shows a code). */
export function codeAt(secret: string, now: Date): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}

/** Spaces and dashes people type or paste between digits are not part of the code. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

/** Whether what was typed looks like a TOTP code (rather than a recovery code). */
export function looksLikeTotpCode(typed: string): boolean {
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(normaliseCode(typed));
}

/**
 * The step of the code typed, when it is right within ±1 step of `now` and later than
 * `lastStep`; otherwise undefined (wrong, too old, or already used).
 *
 * @example matchingStep(secret, '123456', new Date(), lastAcceptedStep)
 */
export function matchingStep(secret: string, typed: string, now: Date, lastStep: number | null): number | undefined {
  const token = normaliseCode(typed);
  if (!looksLikeTotpCode(token)) return undefined;
  const delta = totp(secret).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return undefined;
  const step = stepAt(now) + delta;
  return lastStep !== null && step <= lastStep ? undefined : step;
}

// No 0/o, 1/i/l (look-alikes) and no u (fewer words): 30 characters, about 4.9 bits each.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstvwxyz23456789';

/** Ten new recovery codes, as shown to the person: `xxxxx-xxxxx`. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const letters = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${letters.slice(0, 5)}-${letters.slice(5)}`;
  });
}

/** A recovery code as stored for comparison: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[\s-]/g, '');
}

export function hashRecoveryCode(staffUserId: string, typed: string): string {
  return createHash('sha256')
    .update(`podium-recovery:${staffUserId}:${normaliseRecoveryCode(typed)}`)
    .digest('base64url');
}
