/**
 * Personal data in free text: e-mail addresses, phone numbers, citizen service numbers
 * (BSN), IBANs, postcode with house number, Dutch licence plates, and health data
 * (./health.ts: flagged, never redacted).
 *
 * Numbers with a checksum (BSN: the 11-check, IBAN: mod-97) are only flagged when the
 * checksum holds, so amounts, dates and reference numbers are left alone. Each detector
 * returns spans in the original text; `findPersonalData` removes overlaps, so a phone
 * number is never also reported as a BSN.
 */
import { findHealthData } from './health.ts';
import type { Finding, FlagKind, Span } from './types.ts';

/** Letters and digits around a match that would make it part of a longer token. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

function isBoundary(text: string, index: number): boolean {
  const char = text[index];
  return char === undefined || !WORD_CHAR.test(char);
}

function bounded(text: string, span: Span): boolean {
  return isBoundary(text, span.start - 1) && isBoundary(text, span.end);
}

function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

// ---------------------------------------------------------------------------------------
// E-mail

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export function findEmails(text: string): Finding[] {
  return [...text.matchAll(EMAIL)].map((m) => finding('email', m.index, m[0].length));
}

// ---------------------------------------------------------------------------------------
// BSN (burgerservicenummer)

/**
 * The 11-check (elfproef) of a BSN: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is a multiple of 11.
 * Eight-digit numbers are padded with a leading zero, as the government does.
 *
 * @example isValidBsn('111222333') // true
 */
export function isValidBsn(value: string): boolean {
  let digits = digitsOf(value);
  if (digits.length === 8) digits = `0${digits}`;
  if (digits.length !== 9 || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

// Nine digits, written plain or in groups (123.456.782, 1234 56 782, 123-456-782).
const BSN_CANDIDATE = /\d{3}[.\s-]?\d{3}[.\s-]?\d{3}|\d{4}[.\s]\d{2}[.\s]\d{3}/g;

export function findBsns(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(BSN_CANDIDATE)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (!bounded(text, span) || !isValidBsn(m[0])) continue;
    // An amount ("€ 123.456.782", "123.456.782 euro") is not a person's number.
    if (/€\s*$/.test(text.slice(Math.max(0, span.start - 3), span.start))) continue;
    if (/^\s*(?:euro|eur)\b/i.test(text.slice(span.end, span.end + 6))) continue;
    // Part of a larger decimal or grouped number: 1.234.567.890 or 123.456.782,50.
    if (/^[.,]\d/.test(text.slice(span.end, span.end + 2)) || /\d[.,]$/.test(text.slice(span.start - 2, span.start)))
      continue;
    found.push({ kind: 'bsn', span });
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// IBAN

/** IBAN lengths of the SEPA countries residents most often mention; others may be 15–34. */
const IBAN_LENGTHS = new Map<string, number>(
  Object.entries({
    NL: 18,
    BE: 16,
    DE: 22,
    FR: 27,
    GB: 22,
    ES: 24,
    IT: 27,
    LU: 20,
    AT: 20,
    CH: 21,
    IE: 22,
    PL: 28,
    PT: 25,
    DK: 18,
    SE: 24,
    NO: 15,
    FI: 18,
  }),
);

/**
 * Checks an IBAN with the ISO 13616 mod-97 test (and the length for known countries).
 *
 * @example isValidIban('NL91 ABNA 0417 1643 00') // true
 */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTHS.get(iban.slice(0, 2));
  if (expected !== undefined && iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  // Letters become 10…35; the remainder is taken digit by digit, so no BigInt is needed.
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

const IBAN_START = /[A-Za-z]{2}\d{2}/g;

export function findIbans(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(IBAN_START)) {
    if (!isBoundary(text, m.index - 1)) continue;
    const country = m[0].slice(0, 2).toUpperCase();
    const wanted = IBAN_LENGTHS.get(country);
    // Walk forward over letters and digits, allowing single spaces between groups, and
    // try each length at which the characters so far make a valid IBAN.
    let compact = '';
    let best: number | undefined;
    for (let i = m.index; i < text.length && compact.length < 34; i++) {
      const char = text[i]!;
      if (/[A-Za-z0-9]/.test(char)) {
        compact += char;
        const end = i + 1;
        const fits = wanted === undefined ? compact.length >= 15 : compact.length === wanted;
        if (fits && isBoundary(text, end) && isValidIban(compact)) best = end;
        if (wanted !== undefined && compact.length >= wanted) break;
      } else if (char === ' ' && /[A-Za-z0-9]/.test(text[i + 1] ?? '')) {
        continue;
      } else {
        break;
      }
    }
    if (best !== undefined) found.push({ kind: 'iban', span: { start: m.index, end: best } });
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Phone numbers

// A run that starts like a phone number: +, 00, or a Dutch 0, then digits and separators.
const PHONE_CANDIDATE = /(?:\+|\b00|\b0)\d(?:[\d\s().-]*\d)?/g;

/**
 * Whether a digit string (with its leading + kept) is a Dutch or international number:
 * Dutch numbers have ten digits starting with 0 (06-12345678, 010-1234567); international
 * ones follow E.164 (8–15 digits after the +), and +31 numbers nine after the country code.
 */
export function isPhoneNumber(raw: string): boolean {
  // "+31 (0)6 …": the (0) is the trunk prefix people write but do not dial.
  const cleaned = raw.replace(/\(0\)/g, '');
  const international = cleaned.startsWith('+') || cleaned.startsWith('00');
  let digits = digitsOf(cleaned);
  if (cleaned.startsWith('00')) digits = digits.slice(2);
  if (international) {
    if (digits.startsWith('31')) return digits.length === 11;
    return digits.length >= 8 && digits.length <= 15;
  }
  return digits.length === 10 && digits.startsWith('0') && !digits.startsWith('00');
}

export function findPhoneNumbers(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    // The run may swallow a number that follows ("06 12345678 2 keer"): try the longest
    // prefix that ends before a separator and is a phone number.
    const ends = [...m[0].matchAll(/\d(?=[\s().-]|$)/g)].map((d) => d.index + 1).reverse();
    for (const end of ends) {
      const value = m[0].slice(0, end);
      const span = { start: m.index, end: m.index + end };
      if (!bounded(text, span)) continue;
      // A date with dashes (01-02-2024) has at most eight digits; never a phone number.
      if (/^\d{1,2}-\d{1,2}-\d{2,4}$/.test(value)) continue;
      if (isPhoneNumber(value)) {
        found.push({ kind: 'phone', span });
        break;
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Postcode with house number

// 1234 AB, 1234AB or 1234ab (lower case only without a space: "2024 en" is not a postcode).
// The letter pairs SA, SD and SS are not used in Dutch postcodes.
const POSTCODE = String.raw`[1-9]\d{3}(?:\s?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})`;
const HOUSE_NUMBER = String.raw`\d{1,5}(?:\s?[a-zA-Z](?![\p{L}\p{N}])|-\d{1,4})?`;
const POSTCODE_THEN_NUMBER = new RegExp(
  String.raw`${POSTCODE}(?![\p{L}\p{N}])[\s,-]*(?:(?:huisnummer|nr\.?|no\.?)\s*)?${HOUSE_NUMBER}`,
  'gu',
);
// With the street before it, when it has a street-like name, so the redaction takes the whole line.
const STREET = String.raw`(?:\p{L}+(?:straat|laan|weg|plein|gracht|kade|dijk|singel|hof|park|pad|steeg|dreef|markt|plantsoen|erf|street|road|lane|avenue)\s+)?`;
const NUMBER_THEN_POSTCODE = new RegExp(String.raw`${STREET}${HOUSE_NUMBER},?\s+${POSTCODE}`, 'gu');

/**
 * A postcode on its own points to a street, not a person, so it is not flagged; with a
 * house number it points to one address. Both orders are found: "1234 AB 12" and the
 * usual Dutch address line "Dorpsstraat 12, 1234 AB".
 */
export function findAddresses(text: string): Finding[] {
  const found: Finding[] = [];
  for (const pattern of [POSTCODE_THEN_NUMBER, NUMBER_THEN_POSTCODE]) {
    for (const m of text.matchAll(pattern)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (bounded(text, span)) found.push({ kind: 'address', span });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Licence plates

/**
 * The Dutch sidecodes 1–14 as letter (X) / digit (9) patterns. Plates are recognised in
 * their official notation with dashes; without dashes too many words and codes look alike.
 */
const SIDECODES = [
  'XX-99-99',
  '99-99-XX',
  '99-XX-99',
  'XX-99-XX',
  'XX-XX-99',
  '99-XX-XX',
  '99-XXX-9',
  '9-XXX-99',
  'XX-999-X',
  'X-999-XX',
  'XXX-99-X',
  'X-99-XXX',
  '9-XX-999',
  '999-XX-9',
];
const PLATE = new RegExp(
  SIDECODES.map(
    (code) => `(?:${code.replace(/X+/g, (x) => `[A-Z]{${x.length}}`).replace(/9+/g, (d) => `\\d{${d.length}}`)})`,
  ).join('|'),
  'gi',
);

export function findLicencePlates(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(PLATE)) {
    const span = { start: m.index, end: m.index + m[0].length };
    // Not part of a longer hyphenated code such as A-12-BC-3.
    if (!bounded(text, span) || text[span.start - 1] === '-' || text[span.end] === '-') continue;
    found.push({ kind: 'licence_plate', span });
  }
  return found;
}

// ---------------------------------------------------------------------------------------

/** The order decides which kind wins when two detectors match the same characters. */
const DETECTORS: Array<(text: string) => Finding[]> = [
  findEmails,
  findIbans,
  findAddresses,
  findPhoneNumbers,
  findBsns,
  findLicencePlates,
  findHealthData,
];

/** All personal data in a text, without overlaps, in reading order. */
export function findPersonalData(text: string): Finding[] {
  const claimed: Finding[] = [];
  for (const detect of DETECTORS) {
    for (const f of detect(text)) {
      const span = f.span!;
      if (claimed.some((c) => c.span!.start < span.end && span.start < c.span!.end)) continue;
      claimed.push(f);
    }
  }
  return claimed.sort((a, b) => a.span!.start - b.span!.start);
}

const PLACEHOLDERS: Partial<Record<FlagKind, Record<'nl' | 'en', string>>> = {
  email: { nl: '[e-mailadres verwijderd]', en: '[e-mail address removed]' },
  phone: { nl: '[telefoonnummer verwijderd]', en: '[phone number removed]' },
  bsn: { nl: '[BSN verwijderd]', en: '[citizen service number removed]' },
  iban: { nl: '[rekeningnummer verwijderd]', en: '[bank account number removed]' },
  address: { nl: '[adres verwijderd]', en: '[address removed]' },
  licence_plate: { nl: '[kenteken verwijderd]', en: '[licence plate removed]' },
};

/** Replaces each span of personal data with a placeholder in the text's language. */
export function redact(text: string, findings: Finding[], lang: 'nl' | 'en'): string {
  let out = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.span!.start - b.span!.start)) {
    const placeholder = PLACEHOLDERS[f.kind]?.[lang];
    if (!f.span || !placeholder || f.span.start < at) continue;
    out += text.slice(at, f.span.start) + placeholder;
    at = f.span.end;
  }
  return out + text.slice(at);
}

function finding(kind: FlagKind, start: number, length: number): Finding {
  return { kind, span: { start, end: start + length } };
}
