/**
 * The last guard for text PostgreSQL cannot hold. Text from outside is made storable at the
 * edge (shared/contracts/text.ts: no NUL, no lone surrogate), so these errors mean a door
 * was missed; the client's text is still the cause, so the answer is a 400, not a 500:
 *
 * - NUL (U+0000) in text or in a comparison: SQLSTATE 22021 (invalid byte sequence), or
 *   22P05 (unsupported Unicode escape) in `jsonb`;
 * - a lone UTF-16 surrogate in `jsonb`: 22P02 (invalid input syntax for type json) whose
 *   detail names the surrogate. Other 22P02 errors (a bad uuid) stay server errors.
 *
 * Every statement that fails this way fails before it writes, and the services that write
 * several rows do so in one transaction, so nothing half-stored remains.
 */
const UNSTORABLE = new Set(['22021', '22P05']);

export function isUnstorableText(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth += 1) {
    const { code, detail, message } = e as { code?: unknown; detail?: unknown; message?: unknown };
    if (typeof code === 'string' && UNSTORABLE.has(code)) return true;
    if (code === '22P02' && /surrogate/i.test(`${String(detail ?? '')} ${String(message ?? '')}`)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
