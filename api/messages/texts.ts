/**
 * Messages the API sends to people: error titles, details and field messages, Dutch first;
 * English is typed from Dutch. Plain language (B1): say what is wrong and what to do.
 * A message travels as its code (problem details carry it, and so do a service's field
 * errors), so `messageFor` turns a code into the text of one language.
 */
import { textsFor, type Locale } from '../../shared/i18n.ts';

/** The values a message with parameters fills in, such as `{ max: 10, actual: 12 }`. */
export type MessageParams = Record<string, string | number>;

type Message = string | ((p: MessageParams) => string);

export const nl = {
  validation_failed: 'Niet alles is goed ingevuld',
  validation_detail: 'Verbeter de velden hieronder en verstuur opnieuw. Wat u al invulde, blijft bewaard.',
  required: 'Vul dit in.',
  required_choice: 'Kies een antwoord.',
  required_choices: 'Kies minstens één antwoord.',
  too_long: (p: MessageParams) => `Gebruik maximaal ${p.max} tekens. U gebruikte er ${p.actual}.`,
  invalid_choice: 'Kies een van de antwoorden uit de lijst.',
  out_of_range: (p: MessageParams) => `Kies een getal van ${p.min} tot en met ${p.max}.`,
  number_too_small: (p: MessageParams) => `Kies een getal van minstens ${p.min}.`,
  number_too_big: (p: MessageParams) => `Kies een getal van hoogstens ${p.max}.`,
  invalid_type: 'Dit antwoord heeft niet de juiste vorm.',
  unknown_question: 'Deze vraag hoort niet bij deze consultatie.',
  invalid_email: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
  consent_required: 'Geef toestemming om uw e-mailadres te gebruiken, of laat het e-mailadres leeg.',
  empty_submission: 'Beantwoord minstens één vraag.',
  malformed_json: 'Het verzoek bevat geen geldige JSON.',
  unsupported_media_type: 'Stuur het verzoek als JSON of als formulier.',
  body_too_large: 'Het verzoek is te groot. Maak uw tekst korter.',
  not_found: 'Niet gevonden',
  consultation_not_found: 'Deze consultatie bestaat niet (meer).',
  responses_page_not_found: 'Deze pagina met reacties bestaat niet. De eerste pagina staat bij de consultatie.',
  consultation_closed: 'Deze consultatie is gesloten. U kunt geen inbreng meer geven.',
  consultation_not_open_yet: 'Deze consultatie is nog niet geopend.',
  thread_not_found: 'Dit gesprek is er niet (meer). Misschien is het bij de bron verwijderd.',
  thread_page_not_found: 'Deze pagina van het gesprek bestaat niet. Het gesprek begint op de eerste pagina.',
  conversations_page_not_found: 'Deze pagina met gesprekken bestaat niet. De lijst begint op de eerste pagina.',
  follow_up_not_found: 'Er is geen inbreng met deze code. Controleer de code en probeer het opnieuw.',
  invalid_follow_up_code: 'Een code bestaat uit drie groepen van vier letters en cijfers, zoals K7QM-4XPR-9TWD.',
  idempotency_key_invalid: 'De Idempotency-Key moet 8 tot 200 tekens lang zijn.',
  idempotency_conflict: 'Deze Idempotency-Key is al gebruikt voor andere inbreng.',
  proof_of_work_invalid: 'De controle tegen spam klopt niet.',
  proof_of_work_expired: 'De controle tegen spam is verlopen.',
  proof_of_work_replayed: 'Deze controle tegen spam is al gebruikt.',
  proof_of_work_detail:
    'Uw inbreng is nog niet verstuurd. Wat u invulde staat nog in het formulier. Verstuur het opnieuw.',
  submission_not_published: 'Deze inbreng is niet (meer) gepubliceerd.',
  report_reason_unknown: 'Kies een van de huisregels, of ‘anders’.',
  conflict: 'Conflict',
  rate_limited: 'Te veel verzoeken',
  rate_limited_detail: (p: MessageParams) =>
    `U stuurde in korte tijd te veel verzoeken. Wacht ${p.minutes} ${p.minutes === 1 ? 'minuut' : 'minuten'} en probeer het dan opnieuw. Wat u al instuurde, is bewaard.`,
  to_home_page: 'Naar de startpagina',
  period_date: 'Vul een bestaande datum in als JJJJ-MM-DD, bijvoorbeeld 2026-11-01.',
  period_order: 'De begindatum moet op of voor de einddatum liggen.',
  period_span: 'Kies een periode van hoogstens 366 dagen.',
  bad_request: 'Ongeldig verzoek',
  inbox_since_invalid:
    'Geef in since het moment waarop de lijst getoond werd, in microseconden sinds 1970 (zoals de pagina het meegeeft).',
  unstorable_text:
    'Het verzoek bevat een teken dat wij niet kunnen verwerken (het teken NUL). Haal het weg en probeer het opnieuw.',
  staff_login_required: 'Log in als medewerker om dit te doen.',
  staff_forbidden: 'Uw rol geeft geen toegang tot dit onderdeel.',
  staff_csrf: 'Stuur het CSRF-token van uw sessie mee in de kop X-CSRF-Token.',
  staff_key_invalid:
    'Deze API-sleutel werkt niet: hij bestaat niet, is verlopen of ingetrokken, of het account staat uit. Maak een nieuwe sleutel op de pagina API-sleutels.',
  consultation_slug_taken: 'Dit webadres is al in gebruik. Kies een ander.',
  consultation_unknown_topic: 'Dit onderwerp bestaat niet.',
  consultation_stale: 'Een collega heeft deze consultatie intussen gewijzigd',
  consultation_stale_detail: (p: MessageParams) =>
    `Er is nu versie ${p.version}. Gewijzigd: ${p.fields}. Haal de consultatie opnieuw op en stuur uw wijziging met die versie.`,
  consultation_breaks_input:
    'Deze wijziging past niet bij inbreng die al gegeven is: vragen met antwoorden blijven bestaan, houden hun soort en gekozen mogelijkheden.',
  consultation_not_ready: 'De consultatie is nog niet klaar om openbaar te zijn. Vul de genoemde velden aan.',
  consultation_not_ready_field: 'Vul dit in voordat de consultatie openbaar wordt.',
  consultation_stage_not_allowed: 'Deze stap kan niet in de huidige fase van de consultatie.',
  consultation_opens_in_past:
    'De openingsdatum ligt niet in de toekomst: kies een latere datum of open de consultatie nu.',
  consultation_image_invalid: 'De afbeelding of haar teksten zijn niet in orde. Zie de genoemde velden.',
  consultation_image_not_found: 'Deze afbeelding bestaat niet (meer) bij deze consultatie.',
  image_file_missing: 'Stuur een afbeelding mee (PNG, JPEG of WebP).',
  image_file_type: 'Dit bestand is geen PNG-, JPEG- of WebP-afbeelding (gekeken naar de inhoud, niet naar de naam).',
  image_file_size: 'Dit bestand is groter dan 2 MB.',
  image_file_dimensions: 'Deze afbeelding is te groot of heeft geen afmetingen: hoogstens 8192 pixels breed en hoog.',
  image_file_damaged: 'Dit bestand is beschadigd of onvolledig.',
  image_too_many: 'Een consultatie heeft hoogstens 10 afbeeldingen.',
  image_alt_missing: 'Vul de alternatieve tekst in: wat is er op de afbeelding te zien?',
  image_alt_file_name: 'De alternatieve tekst is de bestandsnaam. Beschrijf wat er op de afbeelding te zien is.',
  consultation_question_changed: 'Deze vraag heeft al antwoorden en kan zo niet veranderen.',
  server_error:
    'Er ging bij ons iets mis. Uw inbreng is niet verloren als u een bevestiging kreeg; probeer het anders later opnieuw.',
  thread_source_forbidden:
    'Podium leest geen berichten van dit adres: alleen openbare https-adressen, geen interne of lokale.',
  thread_not_post_url:
    'Dit is geen adres van een bericht op Mastodon, Bluesky of X. Kopieer het adres van het bericht zelf.',
  thread_needs_json: 'Dit platform is niet via een adres te lezen. Importeer de JSON die de API van het platform gaf.',
  thread_unknown_platform:
    'Podium herkent deze JSON niet. Geef het platform op (mastodon, bluesky, x, facebook of instagram).',
  thread_payload_invalid: 'Deze JSON is geen gesprek dat Podium kan lezen.',
  thread_source_failed: 'Het platform gaf geen bruikbaar antwoord. Probeer het later opnieuw.',
  thread_source_not_found: 'Het platform kent dit bericht niet (meer).',
  thread_rate_limited: 'Het platform vraagt ons even te wachten. Probeer het later opnieuw.',
  thread_not_syncable: 'Dit gesprek is uit JSON geïmporteerd of verwijderd en kan niet opnieuw worden gelezen.',
  unknown_consultation: 'Er is geen consultatie met deze naam.',
  media_not_found: 'Dit bericht heeft geen afbeelding of video op die plaats.',
  mirror_image_not_found: 'Deze afbeelding bestaat niet (meer), of het bericht erbij is niet openbaar.',
  mirror_images_busy: 'Podium haalt nu veel afbeeldingen op. Probeer het zo opnieuw.',
  // The staff JSON API (api/staff/*/api.ts)
  item_not_found: 'Dit item bestaat niet (meer), of u mag het niet zien.',
  item_stale: 'Een collega heeft dit item intussen gewijzigd',
  item_stale_detail: (p: MessageParams) =>
    `Er is nu versie ${p.version}. Gewijzigd: ${p.changes}. Haal het item opnieuw op en stuur uw wijziging met die versie.`,
  item_rule_required: 'Noem bij afwijzen de huisregel (rule).',
  item_unknown_rule: 'Deze huisregel bestaat niet.',
  item_already_decided: 'Dit item is al beantwoord. Het besluit kan niet meer veranderen.',
  item_unknown_department: 'Deze afdeling bestaat niet.',
  item_unknown_person: 'Deze medewerker bestaat niet of werkt niet met de wachtrij.',
  item_answer_placeholder: (p: MessageParams) => `Het antwoord bevat nog ${p.placeholders}. Vul dat eerst in.`,
  item_answer_rejected: 'Een afgewezen item krijgt geen antwoord.',
  item_answer_not_published: 'Dit bericht is niet gepubliceerd. Een antwoord eronder zou nergens te zien zijn.',
  item_answer_too_long_for_platform: (p: MessageParams) =>
    `Het antwoord wordt ook op ${p.platform} geplaatst, dat hoogstens ${p.max} tekens toestaat. U gebruikte er ${p.actual}.`,
  item_unsupported: 'Dit kan niet bij items uit dit kanaal.',
  item_answer_approval_pending:
    'Er wacht al een antwoord op goedkeuring. Een collega keurt het eerst goed of stuurt het terug.',
  answer_own: 'U kunt uw eigen antwoord niet goedkeuren of terugsturen: dat doet een collega (vier ogen).',
  answer_nothing_awaiting: 'Er wacht geen antwoord op goedkeuring bij dit item.',
  social_account_not_found: 'Dit gekoppelde account bestaat niet (meer), of de koppeling is ingetrokken.',
  listening_stale:
    'Iemand heeft het luisteren voor dit account intussen gewijzigd. Haal het opnieuw op en stuur uw wijziging met die versie.',
  listening_too_many: 'Luister naar hoogstens 20 hashtags of trefwoorden per account.',
  listening_too_long: (p: MessageParams) => `Deze term is te lang (hoogstens 100 tekens): ${p.term}`,
  listening_invalid: (p: MessageParams) =>
    `Dit is geen hashtag of trefwoord: ${p.term}. Een hashtag is # met letters, cijfers of _; een trefwoord bestaat uit woorden.`,
  listening_keyword_on_mastodon: (p: MessageParams) =>
    `Op Mastodon kan Podium alleen naar hashtags luisteren, niet naar trefwoorden: ${p.term}. Schrijf er een # voor.`,
  listening_required: 'Noem minstens één hashtag of trefwoord om het luisteren aan te zetten.',
  colleague_not_found: 'Deze medewerker bestaat niet (meer).',
  colleague_exists: 'Er is al een account met dit e-mailadres.',
  colleague_stale:
    'Iemand heeft dit account intussen gewijzigd. Haal het opnieuw op en stuur uw wijziging met die versie.',
  colleague_last_administrator: 'Dit is de laatste beheerder die actief is. Maak eerst iemand anders beheerder.',
  colleague_not_invited:
    'Deze medewerker heeft al een wachtwoord gekozen of logt in via de organisatie. Een uitnodiging is niet meer nodig.',
  colleague_deactivated: 'Dit account staat uit. Zet het eerst weer aan en stuur dan een nieuwe uitnodiging.',
  role_required: 'Kies minstens één rol.',
  unknown_department: 'Deze afdeling bestaat niet.',
  origin_empty: 'Vul een webadres in, zoals https://www.gemeente.nl.',
  origin_scheme: 'Begin het webadres met https:// (of http:// voor een testomgeving).',
  origin_path: 'Laat alles na de naam van de website weg: alleen https://www.gemeente.nl.',
  origin_host: 'Dit is geen geldig webadres. Vul het in zoals https://www.gemeente.nl.',
  origin_too_long: 'Dit webadres is te lang (hoogstens 300 tekens).',
  origin_not_listed: 'Dit webadres staat niet (meer) in de lijst.',
  announcement_not_found: 'Deze aankondiging bestaat niet (meer).',
  announcement_not_published:
    'Deze aankondiging is nog niet gepubliceerd. Plaats hem pas elders als hij op het portaal staat.',
  copy_not_a_url:
    'Dit is geen webadres. Plak het adres van het bericht, zoals https://x.com/gemeente/status/1790000000000000000.',
  copy_wrong_platform: (p: MessageParams) =>
    `Dit adres hoort niet bij ${p.platform}. Plak het adres van het bericht op ${p.platform}.`,
  copy_not_a_post:
    'Dit adres wijst niet naar één bericht maar bijvoorbeeld naar een profiel. Open het bericht zelf en kopieer dat adres.',
  copy_already_mirrored:
    'Dit bericht staat al in Podium, bij een andere aankondiging of als gesprek van iemand anders. Plak het adres van het bericht van de gemeente.',
  copy_already_recorded: (p: MessageParams) => `Bij deze aankondiging staat het adres op ${p.platform} al.`,
  settings_stale:
    'Een collega heeft deze instellingen intussen gewijzigd. Haal ze opnieuw op en stuur uw wijziging met die versie.',
  logo_empty: 'Het bestand met het logo is leeg.',
  logo_too_large: 'Het logo is te groot: hoogstens 256 kB.',
  logo_svg: 'SVG-bestanden nemen we niet aan, omdat ze code kunnen bevatten. Stuur het logo als PNG.',
  logo_type: 'Dit is geen PNG- of JPEG-bestand.',
  logo_dimensions: 'Het logo is te groot of heeft geen afmetingen: hoogstens 4000 pixels breed en hoog.',
  logo_damaged: 'Dit bestand is beschadigd of onvolledig.',
  logo_base64: 'Stuur het bestand als base64 in het veld data.',
  logo_missing: 'Er is geen logo. Stuur een bestand mee (data).',
  theme_colour: 'Stuur een kleur als # met zes tekens 0-9 of a-f, bijvoorbeeld #0066cc.',
  theme_contrast: (p: MessageParams) =>
    `Het contrast met ${p.against === 'accent' ? 'de accentkleur' : 'de witte achtergrond'} is ${String(p.ratio).replace('.', ',')} : 1; nodig is minstens ${String(p.required).replace('.', ',')} : 1 (WCAG 2.2).`,
  languages_dutch: 'Nederlands blijft altijd aan: neem nl op in de lijst.',
  department_not_found: 'Deze afdeling bestaat niet (meer).',
  department_name_taken: 'Er is al een afdeling met deze naam.',
  department_in_use: 'Deze afdeling is nog in gebruik',
  department_in_use_detail: (p: MessageParams) =>
    `Nog in gebruik: ${p.uses}. Wijs die eerst aan een andere afdeling toe.`,
  // the JSON staff API for webcare, the office calendar and signing in (api/staff/*/api.ts)
  template_not_found: 'Dit antwoordsjabloon bestaat niet (meer).',
  routing_rule_not_found: 'Deze routeringsregel bestaat niet (meer).',
  routing_unknown_topic: 'Dit onderwerp bestaat niet.',
  routing_unknown_department: 'Deze afdeling bestaat niet (meer).',
  routing_unknown_person: 'Deze medewerker bestaat niet of werkt de wachtrij niet.',
  routing_nobody: 'Kies een afdeling, een medewerker of allebei.',
  routing_duplicate: 'Er is al een regel voor dit onderwerp en kanaal. Verwijder die eerst.',
  calendar_stale: 'Een collega heeft de kantoorkalender intussen gewijzigd',
  calendar_stale_detail: (p: MessageParams) =>
    `Er is nu versie ${p.version}. Gewijzigd: ${p.changes}. Haal de kalender opnieuw op en stuur uw wijziging met die versie.`,
  calendar_time_format: 'Vul een tijd in als uu:mm, zoals 09:00.',
  calendar_empty_span: 'Het einde moet na het begin liggen.',
  calendar_overlap: 'De twee perioden van deze dag overlappen.',
  calendar_never_open: 'Vul voor minstens één dag openingstijden in.',
  calendar_unknown_channel: 'Dit kanaal bestaat niet (meer).',
  calendar_two_periods: 'Een dag heeft hoogstens twee perioden.',
  calendar_too_many_days: 'Dit zijn te veel gesloten dagen. Laat dagen weg die voorbij zijn.',
  calendar_promise_range: 'Kies een termijn van 1 tot en met 60 werkdagen, of van 1 tot en met 200 uur.',
  sso_mapping_stale: 'Een collega heeft de koppeling van groepen aan rollen intussen gewijzigd',
  sso_mapping_stale_detail: (p: MessageParams) =>
    `Er is nu versie ${p.version}. Opgeslagen door: ${p.changes}. Haal de koppeling opnieuw op en stuur uw wijziging met die versie.`,
  sso_department_required: 'Kies de afdeling voor een afdelingsmedewerker.',
  sso_department_not_allowed: 'Alleen een afdelingsmedewerker hoort bij een afdeling. Laat de afdeling leeg.',
  sso_unknown_department: 'Deze afdeling bestaat niet (meer).',
  sso_too_many: 'Dit zijn te veel regels voor één koppeling. Laat groepen weg die niemand een rol geven.',
  second_factor_policy_stale: 'Een collega heeft de inlogbeveiliging intussen gewijzigd',
  second_factor_policy_now_required: (p: MessageParams) =>
    `Er is nu versie ${p.version}: tweestapsverificatie is verplicht. Gewijzigd door: ${p.changes}. Haal de instelling opnieuw op en stuur uw keuze met die versie.`,
  second_factor_policy_now_optional: (p: MessageParams) =>
    `Er is nu versie ${p.version}: tweestapsverificatie is vrijwillig. Gewijzigd door: ${p.changes}. Haal de instelling opnieuw op en stuur uw keuze met die versie.`,
  second_factor_no_key:
    'Tweestapsverificatie kan pas verplicht worden als PODIUM_SECRET_KEY is ingesteld. Vraag dat aan wie Podium beheert.',
  second_factor_none: 'Deze medewerker heeft geen tweestapsverificatie om te herstellen.',
  privacy_confirm_required: 'Wissen kan niet ongedaan worden gemaakt. Stuur confirm: true mee als u het zeker weet.',
  guideline_not_found: 'Dit kanaal bestaat niet (meer).',
  guideline_stale: 'Een collega heeft de richtlijnen van dit kanaal intussen gewijzigd',
  guideline_stale_detail: (p: MessageParams) =>
    `Er is nu versie ${p.version}. Gewijzigd: ${p.changes}. Haal de richtlijnen opnieuw op en stuur uw wijziging met die versie.`,
  guideline_name_required: 'Vul een Nederlandse naam in.',
  guideline_name_too_long: 'Maak de naam korter: hoogstens 120 tekens.',
  guideline_time_format: 'Vul een tijd in als uu:mm, zoals 09:00.',
  guideline_time_half: 'Vul zowel het begin als het einde in.',
  guideline_time_order: 'Het einde moet na het begin liggen.',
  guideline_weekday_range: 'Kies dagen van maandag (1) tot en met zondag (7).',
  guideline_weekday_missing: 'Kies minstens één dag.',
  guideline_hours_overlap: 'Deze tijden overlappen met andere tijden op dezelfde dag.',
  guideline_unknown_department: 'Deze afdeling bestaat niet (meer).',
  changed_since_detail: (p: MessageParams) =>
    `Er is nu versie ${p.version}. ${p.changes} Haal het opnieuw op, kijk wat er veranderd is en stuur uw wijziging met die versie.`,
  cannot_move: 'Dit staat al bovenaan of onderaan en kan niet verder die kant op.',
  topic_not_found: 'Dit onderwerp bestaat niet (meer).',
  topic_slug_taken: 'Er is al een onderwerp met dit adres. Kies een ander adres.',
  topic_stale: 'Een collega heeft dit onderwerp intussen opgeslagen',
  topic_has_consultations: 'Dit onderwerp heeft nog consultaties',
  topic_has_consultations_detail: (p: MessageParams) =>
    `Er hangen ${p.count} consultaties onder dit onderwerp. Zet die eerst onder een ander onderwerp.`,
  house_rule_not_found: 'Deze huisregel bestaat niet.',
  house_rules_stale: 'Een collega heeft de huisregels intussen gewijzigd',
  statement_stale: 'Een collega heeft de toegankelijkheidsverklaring intussen gewijzigd',
  statement_missing: 'Er is nog geen toegankelijkheidsverklaring. Sla eerst het algemene deel op.',
  statement_row_not_found: 'Op deze plaats staat niets (meer).',
  statement_date: 'Vul een bestaande datum in als jjjj-mm-dd, zoals 2026-11-27.',
  statement_email: 'Vul één e-mailadres in, zoals toegankelijkheid@gemeente.nl.',
  statement_url: 'Vul een webadres in dat begint met https://.',
  statement_criterion: 'Vul het nummer van een succescriterium in, zoals 1.4.3.',
  statement_response_days: 'Vul een heel aantal werkdagen in, van 1 tot en met 60.',
} satisfies Record<string, Message>;

export type Texts = typeof nl;

export const en: Texts = {
  validation_failed: 'Some answers need your attention',
  validation_detail: 'Correct the fields below and send again. What you already entered is kept.',
  required: 'Please fill this in.',
  required_choice: 'Choose an answer.',
  required_choices: 'Choose at least one answer.',
  too_long: (p: MessageParams) => `Use at most ${p.max} characters. You used ${p.actual}.`,
  invalid_choice: 'Choose one of the listed answers.',
  out_of_range: (p: MessageParams) => `Choose a number from ${p.min} to ${p.max}.`,
  number_too_small: (p: MessageParams) => `Choose a number of at least ${p.min}.`,
  number_too_big: (p: MessageParams) => `Choose a number of at most ${p.max}.`,
  invalid_type: 'This answer is not in the right form.',
  unknown_question: 'This question is not part of this consultation.',
  invalid_email: 'Enter a valid e-mail address, such as name@example.com.',
  consent_required: 'Give permission to use your e-mail address, or leave the e-mail address empty.',
  empty_submission: 'Answer at least one question.',
  malformed_json: 'The request does not contain valid JSON.',
  unsupported_media_type: 'Send the request as JSON or as a form.',
  body_too_large: 'The request is too large. Please shorten your text.',
  not_found: 'Not found',
  consultation_not_found: 'This consultation does not exist (any more).',
  responses_page_not_found: 'This page of responses does not exist. The first page is linked from the consultation.',
  consultation_closed: 'This consultation is closed. You can no longer give input.',
  consultation_not_open_yet: 'This consultation is not open yet.',
  thread_not_found: 'This conversation does not exist (any more). It may have been deleted at its source.',
  thread_page_not_found: 'This page of the conversation does not exist. The conversation starts on the first page.',
  conversations_page_not_found: 'This page of conversations does not exist. The list starts on the first page.',
  follow_up_not_found: 'There is no input with this code. Check the code and try again.',
  invalid_follow_up_code: 'A code has three groups of four letters and digits, such as K7QM-4XPR-9TWD.',
  idempotency_key_invalid: 'The Idempotency-Key must be 8 to 200 characters long.',
  idempotency_conflict: 'This Idempotency-Key was already used for different input.',
  proof_of_work_invalid: 'The check against spam is not valid.',
  proof_of_work_expired: 'The check against spam has expired.',
  proof_of_work_replayed: 'This check against spam was already used.',
  proof_of_work_detail:
    'Your input has not been sent yet. What you filled in is still in the form. Please send it again.',
  submission_not_published: 'This input is not published (any more).',
  report_reason_unknown: 'Choose one of the house rules, or ‘other’.',
  conflict: 'Conflict',
  rate_limited: 'Too many requests',
  rate_limited_detail: (p: MessageParams) =>
    `You sent too many requests in a short time. Wait ${p.minutes} ${p.minutes === 1 ? 'minute' : 'minutes'} and try again. What you already sent is kept.`,
  to_home_page: 'To the home page',
  period_date: 'Enter an existing date as YYYY-MM-DD, for example 2026-11-01.',
  period_order: 'The first day must be on or before the last day.',
  period_span: 'Choose a period of at most 366 days.',
  bad_request: 'Bad request',
  inbox_since_invalid:
    'Give in since the moment the list was shown, in microseconds since 1970 (as the page passes it on).',
  unstorable_text: 'The request contains a character we cannot process (the NUL character). Remove it and try again.',
  staff_login_required: 'Log in as a staff member to do this.',
  staff_forbidden: 'Your role does not give access to this.',
  staff_csrf: "Send your session's CSRF token in the X-CSRF-Token header.",
  staff_key_invalid:
    'This API key does not work: it does not exist, has expired or was revoked, or the account is switched off. Make a new key on the API keys page.',
  consultation_slug_taken: 'This web address is already in use. Choose another.',
  consultation_unknown_topic: 'This topic does not exist.',
  consultation_stale: 'A colleague has changed this consultation in the meantime',
  consultation_stale_detail: (p: MessageParams) =>
    `It is now at version ${p.version}. Changed: ${p.fields}. Fetch the consultation again and send your change with that version.`,
  consultation_breaks_input:
    'This change does not fit input already given: questions with answers stay, keep their kind and their chosen choices.',
  consultation_not_ready: 'The consultation is not ready to be public. Complete the fields named.',
  consultation_not_ready_field: 'Fill this in before the consultation goes public.',
  consultation_stage_not_allowed: 'This step is not possible in the consultation’s current stage.',
  consultation_opens_in_past:
    'The opening date is not in the future: choose a later date or open the consultation now.',
  consultation_image_invalid: 'The image or its texts are not right. See the fields named.',
  consultation_image_not_found: 'This consultation has no (longer an) image with this id.',
  image_file_missing: 'Send an image (PNG, JPEG or WebP).',
  image_file_type: 'This file is not a PNG, JPEG or WebP image (judged by its content, not its name).',
  image_file_size: 'This file is larger than 2 MB.',
  image_file_dimensions: 'This image is too large or has no size: at most 8192 pixels wide and high.',
  image_file_damaged: 'This file is damaged or incomplete.',
  image_too_many: 'A consultation has at most 10 images.',
  image_alt_missing: 'Fill in the alternative text: what does the image show?',
  image_alt_file_name: 'The alternative text is the file name. Describe what the image shows.',
  consultation_question_changed: 'This question already has answers and cannot change like this.',
  server_error:
    'Something went wrong on our side. If you got a confirmation your input is safe; otherwise please try again later.',
  thread_source_forbidden:
    'Podium does not read posts from this address: only public https addresses, no internal or local ones.',
  thread_not_post_url:
    'This is not the address of a post on Mastodon, Bluesky or X. Copy the address of the post itself.',
  thread_needs_json: "This platform cannot be read from an address. Import the JSON that the platform's API returned.",
  thread_unknown_platform:
    'Podium does not recognise this JSON. Say which platform it is from (mastodon, bluesky, x, facebook or instagram).',
  thread_payload_invalid: 'This JSON is not a conversation Podium can read.',
  thread_source_failed: 'The platform did not give a usable answer. Please try again later.',
  thread_source_not_found: 'The platform does not know this post (any more).',
  thread_rate_limited: 'The platform asks us to wait a while. Please try again later.',
  thread_not_syncable: 'This conversation was imported from JSON or removed, and cannot be read again.',
  unknown_consultation: 'There is no consultation with this name.',
  media_not_found: 'This post has no image or video at that position.',
  mirror_image_not_found: 'This image does not exist (any more), or its post is not public.',
  mirror_images_busy: 'Podium is fetching many images right now. Please try again shortly.',
  // The staff JSON API (api/staff/*/api.ts)
  item_not_found: 'This item does not exist (any more), or you may not see it.',
  item_stale: 'A colleague has changed this item in the meantime',
  item_stale_detail: (p) =>
    `It is now at version ${p.version}. Changed: ${p.changes}. Fetch the item again and send your change with that version.`,
  item_rule_required: 'Name the house rule (rule) when you reject.',
  item_unknown_rule: 'This house rule does not exist.',
  item_already_decided: 'This item has been answered. The decision can no longer change.',
  item_unknown_department: 'This department does not exist.',
  item_unknown_person: 'This staff member does not exist or does not work with the queue.',
  item_answer_placeholder: (p) => `The answer still contains ${p.placeholders}. Fill that in first.`,
  item_answer_rejected: 'A rejected item gets no answer.',
  item_answer_not_published: 'This post is not published. An answer under it would show nowhere.',
  item_answer_too_long_for_platform: (p) =>
    `The answer is also posted on ${p.platform}, which allows at most ${p.max} characters. You used ${p.actual}.`,
  item_unsupported: 'This is not possible for items from this channel.',
  item_answer_approval_pending: 'An answer already awaits approval. A colleague approves it or sends it back first.',
  answer_own: 'You cannot approve or send back your own answer: a colleague does that (four eyes).',
  answer_nothing_awaiting: 'No answer of this item awaits approval.',
  social_account_not_found: 'This connected account does not exist (any more), or its connection was revoked.',
  listening_stale:
    'Someone has changed listening for this account in the meantime. Fetch it again and send your change with that version.',
  listening_too_many: 'Listen for at most 20 hashtags or keywords per account.',
  listening_too_long: (p) => `This term is too long (at most 100 characters): ${p.term}`,
  listening_invalid: (p) =>
    `This is not a hashtag or keyword: ${p.term}. A hashtag is # with letters, digits or _; a keyword consists of words.`,
  listening_keyword_on_mastodon: (p) =>
    `On Mastodon Podium can listen for hashtags only, not keywords: ${p.term}. Put a # before it.`,
  listening_required: 'Name at least one hashtag or keyword to switch listening on.',
  colleague_not_found: 'This staff member does not exist (any more).',
  colleague_exists: 'There is already an account with this e-mail address.',
  colleague_stale:
    'Someone has changed this account in the meantime. Fetch it again and send your change with that version.',
  colleague_last_administrator: 'This is the last active administrator. Make someone else an administrator first.',
  colleague_not_invited:
    'This staff member has chosen a password already or signs in through the organisation. No invitation is needed.',
  colleague_deactivated: 'This account is deactivated. Reactivate it first, then send a new invitation.',
  role_required: 'Choose at least one role.',
  unknown_department: 'This department does not exist.',
  origin_empty: 'Fill in a web address, such as https://www.municipality.nl.',
  origin_scheme: 'Start the web address with https:// (or http:// for a test environment).',
  origin_path: 'Leave out everything after the website’s name: only https://www.municipality.nl.',
  origin_host: 'This is not a valid web address. Fill it in like https://www.municipality.nl.',
  origin_too_long: 'This web address is too long (at most 300 characters).',
  origin_not_listed: 'This web address is not (or no longer) in the list.',
  announcement_not_found: 'This announcement does not exist (any more).',
  announcement_not_published:
    'This announcement is not published yet. Post it elsewhere only once it is on the portal.',
  copy_not_a_url:
    'This is not a web address. Paste the address of the post, like https://x.com/municipality/status/1790000000000000000.',
  copy_wrong_platform: (p: MessageParams) =>
    `This address does not belong to ${p.platform}. Paste the address of the post on ${p.platform}.`,
  copy_not_a_post:
    'This address does not lead to one post but, for example, to a profile. Open the post itself and copy its address.',
  copy_already_mirrored:
    "This post is already in Podium, with another announcement or as someone else's thread. Paste the address of the municipality's post.",
  copy_already_recorded: (p: MessageParams) => `This announcement already has its address on ${p.platform}.`,
  settings_stale:
    'A colleague has changed these settings in the meantime. Fetch them again and send your change with that version.',
  logo_empty: 'The file with the logo is empty.',
  logo_too_large: 'The logo is too large: at most 256 kB.',
  logo_svg: 'SVG files are not accepted, because they can contain code. Send the logo as PNG.',
  logo_type: 'This is not a PNG or JPEG file.',
  logo_dimensions: 'The logo is too large or has no size: at most 4000 pixels wide and high.',
  logo_damaged: 'This file is damaged or incomplete.',
  logo_base64: 'Send the file as base64 in the field data.',
  logo_missing: 'There is no logo. Send a file with it (data).',
  theme_colour: 'Send a colour as # followed by six characters 0-9 or a-f, for example #0066cc.',
  theme_contrast: (p: MessageParams) =>
    `The contrast with ${p.against === 'accent' ? 'the accent colour' : 'the white background'} is ${p.ratio}:1; at least ${p.required}:1 is required (WCAG 2.2).`,
  languages_dutch: 'Dutch always stays on: include nl in the list.',
  department_not_found: 'This department does not exist (any more).',
  department_name_taken: 'There is already a department with this name.',
  department_in_use: 'This department is still in use',
  department_in_use_detail: (p: MessageParams) => `Still used by: ${p.uses}. Assign those to another department first.`,
  // the JSON staff API for webcare, the office calendar and signing in (api/staff/*/api.ts)
  template_not_found: 'This reply template does not exist (any more).',
  routing_rule_not_found: 'This routing rule does not exist (any more).',
  routing_unknown_topic: 'This topic does not exist.',
  routing_unknown_department: 'This department does not exist (any more).',
  routing_unknown_person: 'This colleague does not exist or does not work the queue.',
  routing_nobody: 'Choose a department, a colleague or both.',
  routing_duplicate: 'There already is a rule for this topic and channel. Remove it first.',
  calendar_stale: 'A colleague has changed the office calendar in the meantime',
  calendar_stale_detail: (p: MessageParams) =>
    `It is now at version ${p.version}. Changed: ${p.changes}. Fetch the calendar again and send your change with that version.`,
  calendar_time_format: 'Enter a time as hh:mm, such as 09:00.',
  calendar_empty_span: 'The end must be after the start.',
  calendar_overlap: 'The two periods of this day overlap.',
  calendar_never_open: 'Enter opening hours for at least one day.',
  calendar_unknown_channel: 'This channel does not exist (any more).',
  calendar_two_periods: 'A day has at most two periods.',
  calendar_too_many_days: 'These are too many closed days. Leave out days that have passed.',
  calendar_promise_range: 'Choose a term of 1 to 60 working days, or of 1 to 200 hours.',
  sso_mapping_stale: 'A colleague has changed which groups give which roles in the meantime',
  sso_mapping_stale_detail: (p: MessageParams) =>
    `It is now at version ${p.version}. Saved by: ${p.changes}. Fetch the mapping again and send your change with that version.`,
  sso_department_required: 'Choose the department for a department member.',
  sso_department_not_allowed: 'Only a department member belongs to a department. Leave the department empty.',
  sso_unknown_department: 'This department does not exist (any more).',
  sso_too_many: 'These are too many rows for one mapping. Leave out groups that give no one a role.',
  second_factor_policy_stale: 'A colleague has changed the sign-in security in the meantime',
  second_factor_policy_now_required: (p: MessageParams) =>
    `It is now at version ${p.version}: two-step verification is required. Changed by: ${p.changes}. Fetch the setting again and send your choice with that version.`,
  second_factor_policy_now_optional: (p: MessageParams) =>
    `It is now at version ${p.version}: two-step verification is optional. Changed by: ${p.changes}. Fetch the setting again and send your choice with that version.`,
  second_factor_no_key:
    'Two-step verification can only be required once PODIUM_SECRET_KEY is set. Ask whoever runs Podium.',
  second_factor_none: 'This colleague has no two-step verification to reset.',
  privacy_confirm_required: 'Erasing cannot be undone. Send confirm: true when you are sure.',
  guideline_not_found: 'This channel does not exist (any more).',
  guideline_stale: 'A colleague has changed the guidelines of this channel in the meantime',
  guideline_stale_detail: (p: MessageParams) =>
    `It is now at version ${p.version}. Changed: ${p.changes}. Fetch the guidelines again and send your change with that version.`,
  guideline_name_required: 'Enter a Dutch name.',
  guideline_name_too_long: 'Make the name shorter: at most 120 characters.',
  guideline_time_format: 'Enter a time as hh:mm, such as 09:00.',
  guideline_time_half: 'Enter both the start and the end.',
  guideline_time_order: 'The end must be after the start.',
  guideline_weekday_range: 'Choose days from Monday (1) to Sunday (7).',
  guideline_weekday_missing: 'Choose at least one day.',
  guideline_hours_overlap: 'These hours overlap with other hours on the same day.',
  guideline_unknown_department: 'This department does not exist (any more).',
  changed_since_detail: (p: MessageParams) =>
    `It is now at version ${p.version}. ${p.changes} Fetch it again, check what changed and send your change with that version.`,
  cannot_move: 'This is already at the top or the bottom and cannot move further that way.',
  topic_not_found: 'This topic does not exist (any more).',
  topic_slug_taken: 'A topic with this address exists already. Choose another address.',
  topic_stale: 'A colleague has saved this topic in the meantime',
  topic_has_consultations: 'This topic still has consultations',
  topic_has_consultations_detail: (p: MessageParams) =>
    `${p.count} consultations are filed under this topic. Move them to another topic first.`,
  house_rule_not_found: 'This house rule does not exist.',
  house_rules_stale: 'A colleague has changed the house rules in the meantime',
  statement_stale: 'A colleague has changed the accessibility statement in the meantime',
  statement_missing: 'There is no accessibility statement yet. Save the general part first.',
  statement_row_not_found: 'There is nothing (any more) at this place.',
  statement_date: 'Enter an existing date as yyyy-mm-dd, such as 2026-11-27.',
  statement_email: 'Enter one e-mail address, such as accessibility@municipality.nl.',
  statement_url: 'Enter a web address that starts with https://.',
  statement_criterion: 'Enter the number of a success criterion, such as 1.4.3.',
  statement_response_days: 'Enter a whole number of working days, from 1 to 60.',
};

export type MessageCode = keyof Texts;

/** The text of a message code in one language, with its parameters filled in. */
export function messageFor(lang: Locale, code: MessageCode, params: MessageParams = {}): string {
  const text: Message = textsFor({ nl, en }, lang)[code];
  return typeof text === 'function' ? text(params) : text;
}

/** Whether a text names a message: contracts name theirs in a zod `error` (e.g. IdempotencyKey). */
export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(nl, code);
}
