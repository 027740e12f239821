/**
 * Text from outside, made storable: every string that enters through a contract passes
 * `wellFormed` before a service, a `text` column or a `jsonb` column sees it.
 *
 * - A lone UTF-16 surrogate (half an emoji, cut off by a client that counted code units)
 *   becomes U+FFFD, the replacement character: what a browser already shows for it.
 *   Refusing it would cost a resident their whole answer for one broken character, and
 *   `jsonb` refuses it (so it used to end in a 500).
 * - NUL (U+0000) is removed: PostgreSQL cannot hold it in `text` or `jsonb` at all, and
 *   nobody can see it, so what is stored is exactly what the resident saw.
 *
 * Every other character is kept as sent (controls, right-to-left marks, combining
 * characters): they are storable, and output escapes them (shared/html).
 *
 * No zod here, so widgets and the portal may import `wellFormed` too.
 */

/** What may not be stored, besides lone surrogates (toWellFormed handles those). */
const NUL = '\u0000';

/**
 * @example wellFormed('café \ud83d') // 'café \ufffd'
 * @example wellFormed('a\u0000b') // 'ab'
 */
export function wellFormed(text: string): string {
  return text.toWellFormed().replaceAll(NUL, '');
}

/** True when `wellFormed` would leave the text as it is. */
export function isWellFormedText(text: string): boolean {
  return text.isWellFormed() && !text.includes(NUL);
}

/**
 * At most `max` UTF-16 code units of a text (what a column limit or zod's `.max` counts),
 * never ending in half a surrogate pair as `slice` can.
 *
 * @example truncateText('ab🙂', 3) // 'ab', where 'ab🙂'.slice(0, 3) is 'ab\ud83d'
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  // Cutting between a high and a low surrogate would leave the high one alone.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/**
 * Every string in a JSON-like value (and every object key) made well-formed: for whole
 * documents that enter at once, such as a platform's thread JSON. Objects come back as
 * plain data objects (own properties only, `__proto__` kept as an ordinary key), arrays as
 * arrays; other values (numbers, dates, null) as they are.
 */
export function wellFormedDeep<T>(value: T): T {
  return deep(value, 0) as T;
}

const MAX_DEPTH = 200;

function deep(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => deep(item, depth + 1));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value; // Date, Map, class instances
  // Object.fromEntries defines own properties, so a key "__proto__" stays data.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [wellFormed(key), deep(item, depth + 1)]));
}
