/**
 * Staff passwords: argon2id through @node-rs/argon2 (its default algorithm; the option is
 * left out because its const enum does not survive `verbatimModuleSyntax`). The
 * parameters are the library's defaults, which match OWASP's argon2id minimum
 * (19 MiB, 2 iterations, 1 lane) and hash in tens of milliseconds.
 */
import { hash, verify } from '@node-rs/argon2';

/** NIST SP 800-63B: length over composition rules; long passphrases allowed, pasting allowed. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

export type PasswordProblem = 'password_too_short' | 'password_too_long';

export function checkPasswordStrength(password: string): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'password_too_long';
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false; // a malformed hash is a failed log-in, not a crash
  }
}

let dummy: Promise<string> | undefined;

/**
 * Verifies against a throw-away hash, so a log-in with an unknown address takes as long
 * as one with a known address and the timing does not tell which addresses exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('podium-dummy-password-for-timing');
  await verifyPassword(await dummy, password);
  return false;
}
