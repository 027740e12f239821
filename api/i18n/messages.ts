/**
 * Messages the API sends to people: error titles and field messages, Dutch first.
 * Plain language (B1): say what is wrong and what to do.
 */
import type { Locale } from '../../shared/contracts/public-content.ts';

type Params = Record<string, string | number>;
type Message = { nl: string | ((p: Params) => string); en: string | ((p: Params) => string) };

const messages = {
  validation_failed: { nl: 'Niet alles is goed ingevuld', en: 'Some answers need your attention' },
  validation_detail: {
    nl: 'Verbeter de velden hieronder en verstuur opnieuw. Wat u al invulde, blijft bewaard.',
    en: 'Correct the fields below and send again. What you already entered is kept.',
  },
  required: { nl: 'Vul dit in.', en: 'Please fill this in.' },
  required_choice: { nl: 'Kies een antwoord.', en: 'Choose an answer.' },
  required_choices: { nl: 'Kies minstens één antwoord.', en: 'Choose at least one answer.' },
  too_long: {
    nl: (p) => `Gebruik maximaal ${p.max} tekens. U gebruikte er ${p.actual}.`,
    en: (p) => `Use at most ${p.max} characters. You used ${p.actual}.`,
  },
  invalid_choice: { nl: 'Kies een van de antwoorden uit de lijst.', en: 'Choose one of the listed answers.' },
  out_of_range: {
    nl: (p) => `Kies een getal van ${p.min} tot en met ${p.max}.`,
    en: (p) => `Choose a number from ${p.min} to ${p.max}.`,
  },
  invalid_type: { nl: 'Dit antwoord heeft niet de juiste vorm.', en: 'This answer is not in the right form.' },
  unknown_question: {
    nl: 'Deze vraag hoort niet bij deze consultatie.',
    en: 'This question is not part of this consultation.',
  },
  invalid_email: {
    nl: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
    en: 'Enter a valid e-mail address, such as name@example.com.',
  },
  consent_required: {
    nl: 'Geef toestemming om uw e-mailadres te gebruiken, of laat het e-mailadres leeg.',
    en: 'Give permission to use your e-mail address, or leave the e-mail address empty.',
  },
  empty_submission: { nl: 'Beantwoord minstens één vraag.', en: 'Answer at least one question.' },
  malformed_json: {
    nl: 'Het verzoek bevat geen geldige JSON.',
    en: 'The request does not contain valid JSON.',
  },
  unsupported_media_type: {
    nl: 'Stuur het verzoek als JSON of als formulier.',
    en: 'Send the request as JSON or as a form.',
  },
  body_too_large: {
    nl: 'Het verzoek is te groot. Maak uw tekst korter.',
    en: 'The request is too large. Please shorten your text.',
  },
  not_found: { nl: 'Niet gevonden', en: 'Not found' },
  consultation_not_found: {
    nl: 'Deze consultatie bestaat niet (meer).',
    en: 'This consultation does not exist (any more).',
  },
  consultation_closed: {
    nl: 'Deze consultatie is gesloten. U kunt geen inbreng meer geven.',
    en: 'This consultation is closed. You can no longer give input.',
  },
  consultation_not_open_yet: {
    nl: 'Deze consultatie is nog niet geopend.',
    en: 'This consultation is not open yet.',
  },
  thread_not_found: {
    nl: 'Dit gesprek is er niet (meer). Misschien is het bij de bron verwijderd.',
    en: 'This conversation does not exist (any more). It may have been deleted at its source.',
  },
  follow_up_not_found: {
    nl: 'Er is geen inbreng met deze code. Controleer de code en probeer het opnieuw.',
    en: 'There is no input with this code. Check the code and try again.',
  },
  invalid_follow_up_code: {
    nl: 'Een code bestaat uit drie groepen van vier letters en cijfers, zoals K7QM-4XPR-9TWD.',
    en: 'A code has three groups of four letters and digits, such as K7QM-4XPR-9TWD.',
  },
  idempotency_key_invalid: {
    nl: 'De Idempotency-Key moet 8 tot 200 tekens lang zijn.',
    en: 'The Idempotency-Key must be 8 to 200 characters long.',
  },
  idempotency_conflict: {
    nl: 'Deze Idempotency-Key is al gebruikt voor andere inbreng.',
    en: 'This Idempotency-Key was already used for different input.',
  },
  proof_of_work_invalid: {
    nl: 'De controle tegen spam klopt niet.',
    en: 'The check against spam is not valid.',
  },
  proof_of_work_expired: {
    nl: 'De controle tegen spam is verlopen.',
    en: 'The check against spam has expired.',
  },
  proof_of_work_replayed: {
    nl: 'Deze controle tegen spam is al gebruikt.',
    en: 'This check against spam was already used.',
  },
  proof_of_work_detail: {
    nl: 'Uw inbreng is nog niet verstuurd. Wat u invulde staat nog in het formulier. Verstuur het opnieuw.',
    en: 'Your input has not been sent yet. What you filled in is still in the form. Please send it again.',
  },
  submission_not_published: {
    nl: 'Deze inbreng is niet (meer) gepubliceerd.',
    en: 'This input is not published (any more).',
  },
  report_reason_unknown: {
    nl: 'Kies een van de huisregels, of ‘anders’.',
    en: 'Choose one of the house rules, or ‘other’.',
  },
  conflict: { nl: 'Conflict', en: 'Conflict' },
  rate_limited: { nl: 'Te veel verzoeken', en: 'Too many requests' },
  rate_limited_detail: {
    nl: (p) =>
      `U stuurde in korte tijd te veel verzoeken. Wacht ${p.minutes} ${p.minutes === 1 ? 'minuut' : 'minuten'} en probeer het dan opnieuw. Wat u al instuurde, is bewaard.`,
    en: (p) =>
      `You sent too many requests in a short time. Wait ${p.minutes} ${p.minutes === 1 ? 'minute' : 'minutes'} and try again. What you already sent is kept.`,
  },
  to_home_page: { nl: 'Naar de startpagina', en: 'To the home page' },
  bad_request: { nl: 'Ongeldig verzoek', en: 'Bad request' },
  unstorable_text: {
    nl: 'Het verzoek bevat een teken dat wij niet kunnen verwerken (het teken NUL). Haal het weg en probeer het opnieuw.',
    en: 'The request contains a character we cannot process (the NUL character). Remove it and try again.',
  },
  staff_login_required: {
    nl: 'Log in als medewerker om dit te doen.',
    en: 'Log in as a staff member to do this.',
  },
  staff_forbidden: {
    nl: 'Uw rol geeft geen toegang tot dit onderdeel.',
    en: 'Your role does not give access to this.',
  },
  staff_csrf: {
    nl: 'Stuur het CSRF-token van uw sessie mee in de kop X-CSRF-Token.',
    en: "Send your session's CSRF token in the X-CSRF-Token header.",
  },
  server_error: {
    nl: 'Er ging bij ons iets mis. Uw inbreng is niet verloren als u een bevestiging kreeg; probeer het anders later opnieuw.',
    en: 'Something went wrong on our side. If you got a confirmation your input is safe; otherwise please try again later.',
  },
  thread_source_forbidden: {
    nl: 'Podium leest geen berichten van dit adres: alleen openbare https-adressen, geen interne of lokale.',
    en: 'Podium does not read posts from this address: only public https addresses, no internal or local ones.',
  },
  thread_not_post_url: {
    nl: 'Dit is geen adres van een bericht op Mastodon, Bluesky of X. Kopieer het adres van het bericht zelf.',
    en: 'This is not the address of a post on Mastodon, Bluesky or X. Copy the address of the post itself.',
  },
  thread_needs_json: {
    nl: 'Dit platform is niet via een adres te lezen. Importeer de JSON die de API van het platform gaf.',
    en: "This platform cannot be read from an address. Import the JSON that the platform's API returned.",
  },
  thread_unknown_platform: {
    nl: 'Podium herkent deze JSON niet. Geef het platform op (mastodon, bluesky, x, facebook of instagram).',
    en: 'Podium does not recognise this JSON. Say which platform it is from (mastodon, bluesky, x, facebook or instagram).',
  },
  thread_payload_invalid: {
    nl: 'Deze JSON is geen gesprek dat Podium kan lezen.',
    en: 'This JSON is not a conversation Podium can read.',
  },
  thread_source_failed: {
    nl: 'Het platform gaf geen bruikbaar antwoord. Probeer het later opnieuw.',
    en: 'The platform did not give a usable answer. Please try again later.',
  },
  thread_source_not_found: {
    nl: 'Het platform kent dit bericht niet (meer).',
    en: 'The platform does not know this post (any more).',
  },
  thread_rate_limited: {
    nl: 'Het platform vraagt ons even te wachten. Probeer het later opnieuw.',
    en: 'The platform asks us to wait a while. Please try again later.',
  },
  thread_not_syncable: {
    nl: 'Dit gesprek is uit JSON geïmporteerd of verwijderd en kan niet opnieuw worden gelezen.',
    en: 'This conversation was imported from JSON or removed, and cannot be read again.',
  },
  unknown_consultation: {
    nl: 'Er is geen consultatie met deze naam.',
    en: 'There is no consultation with this name.',
  },
  media_not_found: {
    nl: 'Dit bericht heeft geen afbeelding of video op die plaats.',
    en: 'This post has no image or video at that position.',
  },
} satisfies Record<string, Message>;

export type MessageCode = keyof typeof messages;

export function t(locale: Locale, code: MessageCode, params: Params = {}): string {
  const message: Message = messages[code];
  const text = message[locale];
  return typeof text === 'function' ? text(params) : text;
}

/** Whether a text names a message: contracts name theirs in a zod `error` (e.g. IdempotencyKey). */
export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(messages, code);
}

/** Picks Dutch or English from an Accept-Language header; Dutch when nothing matches. */
export function localeFromAcceptLanguage(header: string | undefined | null): Locale {
  if (!header) return 'nl';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number.parseFloat(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('nl')) return 'nl';
    if (tag.startsWith('en')) return 'en';
  }
  return 'nl';
}
