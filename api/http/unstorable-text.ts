/**
 * PostgreSQL cannot hold the NUL character (U+0000) in text, nor compare against it: a
 * query with one fails with SQLSTATE 22021 (invalid byte sequence) or 22P05 (unsupported
 * Unicode escape in JSON). That is the client's input, not our fault, so it answers 400.
 * Every statement that fails this way fails before it writes, and the services that write
 * several rows do so in one transaction, so nothing half-stored remains.
 */
const UNSTORABLE = new Set(['22021', '22P05']);

export function isUnstorableText(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNSTORABLE.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
