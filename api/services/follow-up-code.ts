/**
 * Follow-up codes: unguessable, and easy to read aloud over the phone and to type.
 *
 * The alphabet leaves out characters people confuse (0/O/Q-less pairs: 0, O, 1, I, L, 8, B,
 * S, Z, U), so `K7QM-4XPR-9TWD` can be read, heard and typed without doubt. Twelve
 * characters from 26 give about 56 bits: far beyond guessing through a rate-limited API.
 */
import { randomBytes } from 'node:crypto';

export const FOLLOW_UP_ALPHABET = 'ACDEFGHJKMNPQRTVWXY2345679';
const GROUPS = 3;
const GROUP_LENGTH = 4;
const CODE_LENGTH = GROUPS * GROUP_LENGTH;

/** A fresh code such as `K7QM-4XPR-9TWD`. */
export function generateFollowUpCode(): string {
  const chars: string[] = [];
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 26).
  const limit = 256 - (256 % FOLLOW_UP_ALPHABET.length);
  while (chars.length < CODE_LENGTH) {
    for (const byte of randomBytes(CODE_LENGTH * 2)) {
      if (byte < limit && chars.length < CODE_LENGTH) chars.push(FOLLOW_UP_ALPHABET[byte % FOLLOW_UP_ALPHABET.length]!);
    }
  }
  return group(chars.join(''));
}

/**
 * Turns what a resident typed into the canonical code, or undefined when it cannot be one.
 *
 * @example normalizeFollowUpCode(' k7qm 4xpr-9twd ') // 'K7QM-4XPR-9TWD'
 */
export function normalizeFollowUpCode(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== CODE_LENGTH) return undefined;
  for (const char of compact) if (!FOLLOW_UP_ALPHABET.includes(char)) return undefined;
  return group(compact);
}

function group(compact: string): string {
  const parts: string[] = [];
  for (let i = 0; i < compact.length; i += GROUP_LENGTH) parts.push(compact.slice(i, i + GROUP_LENGTH));
  return parts.join('-');
}
