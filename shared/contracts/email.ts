/**
 * The one e-mail rule: residents, staff and the rights pages are held to the same check.
 * No zod here, so a widget can import it without the validation library
 * (the zod schema built on it is `EmailAddress` in email-address.ts).
 */

/**
 * The longest address mail can be delivered to: RFC 5321 allows a path of 256 octets,
 * two of which are the angle brackets (RFC 3696 errata 1690).
 */
export const EMAIL_MAX_LENGTH = 254;

/**
 * What a browser accepts in `<input type="email">` (the WHATWG "valid e-mail address"),
 * plus a dot in the domain: an address on the internet, not on a local network.
 * https://html.spec.whatwg.org/multipage/input.html#valid-e-mail-address
 */
export const EMAIL_PATTERN =
  /^[\w.!#$%&'*+/=?^`{|}~-]+@[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)+$/i;

/**
 * Whether a (trimmed) text is an e-mail address Podium accepts.
 *
 * @example isEmailAddress('naam@voorbeeld.nl') // true
 * @example isEmailAddress('<script>@x.nl') // false
 */
export function isEmailAddress(value: string): boolean {
  return value.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(value);
}
