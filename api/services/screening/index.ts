/**
 * Automatic screening of every new item before a person sees it: personal data, abuse
 * and spam, each flag with the reason a moderator reads. Pure functions, no database:
 * the caller passes what it knows of the client's recent texts.
 *
 * The text itself is never changed; `redacted` is what may be published, with personal
 * data replaced by a placeholder. Abuse and spam are left for a moderator to decide on.
 *
 * @example
 * const { flags, redacted } = screen('Bel me op 06-12345678', { lang: 'nl' });
 * // flags[0].kind === 'phone'; redacted === 'Bel me op [telefoonnummer verwijderd]'
 */
import { findAbuse } from './abuse.ts';
import { findPersonalData, redact } from './pii.ts';
import { findSpam, type SpamOptions } from './spam.ts';
import { categoryOf, type Finding, type Flag, type FlagKind } from './types.ts';
import { wellFormed } from '../../../shared/contracts/text.ts';

export type { Flag, FlagCategory, FlagKind, Span } from './types.ts';

export type ScreeningOptions = {
  /** The language of the text: it decides the wording of the redaction placeholders. */
  lang: 'nl' | 'en';
  /** Texts the same client sent recently, to spot a flood. */
  recent?: readonly string[] | undefined;
} & Omit<SpamOptions, 'recent'>;

export type ScreeningResult = { flags: Flag[]; redacted: string };

export function screen(text: string, options: ScreeningOptions): ScreeningResult {
  const personal = findPersonalData(text);
  const findings: Finding[] = [...personal, ...findAbuse(text), ...findSpam(text, options)];
  return {
    flags: findings.map(toFlag),
    // Stored in jsonb: never a lone surrogate, even if a match ended inside a surrogate pair.
    redacted: wellFormed(redact(text, personal, options.lang)),
  };
}

const REASONS: Record<FlagKind, (p: Record<string, number>) => { nl: string; en: string }> = {
  email: () => ({ nl: 'Bevat een e-mailadres.', en: 'Contains an e-mail address.' }),
  phone: () => ({ nl: 'Bevat een telefoonnummer.', en: 'Contains a phone number.' }),
  bsn: () => ({
    nl: 'Bevat een burgerservicenummer (BSN, klopt met de elfproef).',
    en: 'Contains a citizen service number (BSN, passes the 11-check).',
  }),
  iban: () => ({
    nl: 'Bevat een bankrekeningnummer (IBAN, controlegetal klopt).',
    en: 'Contains a bank account number (IBAN, check digits valid).',
  }),
  address: () => ({ nl: 'Bevat een postcode met huisnummer.', en: 'Contains a postcode with a house number.' }),
  licence_plate: () => ({ nl: 'Bevat een kenteken.', en: 'Contains a licence plate.' }),
  health: () => ({
    nl: 'Noemt iets over iemands gezondheid (hulpmiddel, ziekte of letsel): een bijzonder persoonsgegeven (AVG art. 9).',
    en: "Mentions someone's health (an aid, illness or injury): special category personal data (GDPR art. 9).",
  }),
  profanity: () => ({ nl: 'Bevat een scheldwoord of vloek.', en: 'Contains swearing.' }),
  abuse: () => ({
    nl: 'Bevat een belediging of een kwetsend woord.',
    en: 'Contains an insult or a hurtful word.',
  }),
  threat: () => ({ nl: 'Bevat een bedreiging of verwensing.', en: 'Contains a threat or a wish of harm.' }),
  spam_links: (p) => ({
    nl: `Bevat ${p.links} link(s) en weinig eigen tekst, of veel links.`,
    en: `Contains ${p.links} link(s) with little text of its own, or many links.`,
  }),
  spam_repetition: () => ({
    nl: 'Herhaalt steeds dezelfde woorden of tekens.',
    en: 'Repeats the same words or characters over and over.',
  }),
  spam_flood: (p) =>
    (p.same ?? 0) > 0
      ? {
          nl: `Dezelfde tekst is kort geleden al ${p.same} keer gestuurd.`,
          en: `The same text was sent ${p.same} times shortly before.`,
        }
      : {
          nl: `Kort geleden kwamen er al ${p.recent} berichten van dezelfde afzender.`,
          en: `${p.recent} messages came from the same sender shortly before.`,
        },
};

function toFlag(finding: Finding): Flag {
  return {
    kind: finding.kind,
    category: categoryOf[finding.kind],
    reason: REASONS[finding.kind](finding.params ?? {}),
    span: finding.span,
  };
}
