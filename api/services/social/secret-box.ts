/**
 * Sealing connected accounts' tokens at rest: AES-256-GCM (node:crypto) under the key in
 * PODIUM_SECRET_KEY. A database dump or backup holds only sealed tokens; without the key
 * Podium refuses to store one (`MissingSecretKey`) rather than keep it readable.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Thrown when a token would be stored or read without PODIUM_SECRET_KEY. */
export class MissingSecretKey extends Error {
  constructor() {
    super('PODIUM_SECRET_KEY is not set: Podium stores no access token without it');
    this.name = 'MissingSecretKey';
  }
}

/** A sealed token that the key cannot open (another key, or changed in the database). */
export class UnreadableSecret extends Error {
  constructor() {
    super('A sealed token cannot be opened with PODIUM_SECRET_KEY (another key, or altered)');
    this.name = 'UnreadableSecret';
  }
}

/**
 * The key from its configured form: 32 bytes as 64 hex digits or as base64; undefined when
 * it is neither (config.ts reports that at start).
 */
export function parseSecretKey(raw: string): Buffer | undefined {
  const value = raw.trim();
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(value)) {
    const key = Buffer.from(value, 'base64');
    if (key.length === 32) return key;
  }
  return undefined;
}

// The version prefix leaves room to change algorithm or key without guessing what a row holds.
const VERSION = 'v1';

export function seal(plain: string, key: Buffer | undefined): string {
  if (!key) throw new MissingSecretKey();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
  return [VERSION, ...parts].join('.');
}

export function open(sealed: string, key: Buffer | undefined): string {
  if (!key) throw new MissingSecretKey();
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new UnreadableSecret();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new UnreadableSecret();
  }
}
