/**
 * Words on the channel-guidelines settings page, Dutch first.
 */
import type { GuidelineField, GuidelineProblemCode } from '../../services/channel-guideline-settings.ts';
import { EN_GUIDELINE_FIELDS, NL_GUIDELINE_FIELDS } from '../audit/texts.ts';

const list = (fields: readonly GuidelineField[], words: Record<GuidelineField, string>, and: string) => {
  const named = fields.map((f) => (Object.hasOwn(words, f) ? words[f] : f));
  return named.length <= 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} ${and} ${named.at(-1)}`;
};

export const nl = {
  title: 'Kanaalrichtlijnen',
  what: 'Per kanaal de plaatsingstijden, of inwoners mogen reageren en welke afdeling modereert.',
  intro:
    'Inwoners lezen deze afspraken bij elk kanaal. Posters plannen aankondigingen alleen binnen de plaatsingstijden; de reactietermijn telt in werkdagen.',
  none: 'Er zijn nog geen kanalen.',
  key: (key: string) => `Kanaal: ${key}`,
  nameNl: 'Naam (Nederlands)',
  nameEn: 'Naam (Engels, niet verplicht)',
  promise: (days: number, hours: number | null) =>
    `Reactietermijn: ${hours !== null ? `${hours} uur binnen kantoortijd` : `${days} ${days === 1 ? 'werkdag' : 'werkdagen'}`}.`,
  promiseWhere: 'Wijzig de reactietermijn in de kantoorkalender',
  repliesAllowed: 'Inwoners mogen reageren op berichten in dit kanaal',
  answersNeedApproval: 'Antwoorden van webcare hebben goedkeuring van een tweede persoon nodig',
  answersNeedApprovalHint:
    'Een antwoord wordt dan pas geplaatst als een collega het goedkeurt; de schrijver kan dat niet zelf. De reactietermijn loopt door tot het antwoord geplaatst is.',
  announcementsNeedApproval: 'Aankondigingen hebben goedkeuring van een tweede persoon nodig',
  moderatedBy: 'Wie modereert',
  centralDesk: 'De centrale balie',
  hoursLegend: 'Plaatsingstijden',
  hoursHint:
    'Per dag het begin en einde, zoals 09:00 en 17:00. Laat beide velden leeg op een dag zonder plaatsingstijden. Staan er op geen enkele dag tijden, dan mag op elk moment geplaatst worden.',
  weekdays: ['Maandag', 'Dinsdag', 'Woensdag', 'Donderdag', 'Vrijdag', 'Zaterdag', 'Zondag'],
  from: (day: string) => `${day}: van`,
  to: (day: string) => `${day}: tot`,
  save: (name: string) => `Richtlijnen opslaan: ${name}`,
  saved: (name: string) => `De richtlijnen van ‘${name}’ zijn opgeslagen.`,
  unchanged: 'Er was niets gewijzigd.',
  errors: {
    name_required: 'Vul een Nederlandse naam in.',
    name_too_long: 'Maak de naam korter: hoogstens 120 tekens.',
    time_format: 'Vul een tijd in als uu:mm, zoals 09:00.',
    time_half: 'Vul zowel het begin als het einde in, of laat beide leeg.',
    time_order: 'Het einde moet na het begin liggen.',
    weekday_range: 'Kies dagen van maandag (1) tot en met zondag (7).',
    weekday_missing: 'Kies minstens één dag.',
    hours_overlap: 'Deze tijden overlappen met andere tijden op dezelfde dag.',
    unknown_department: 'Deze afdeling bestaat niet (meer). Kies een andere.',
    notFound: 'Dit kanaal bestaat niet (meer). Laad de pagina opnieuw.',
    version: 'Deze pagina is te oud. Uw invoer staat er nog; controleer hem en sla opnieuw op.',
    stale:
      'Een collega heeft de richtlijnen van dit kanaal gewijzigd nadat u deze pagina opende. Uw invoer staat er nog; controleer hem en sla opnieuw op.',
    change: (by: string | null, fields: readonly GuidelineField[], at: string) =>
      `${by ?? 'Iemand'} wijzigde ${list(fields, NL_GUIDELINE_FIELDS, 'en') || 'de richtlijnen'} (${at}).`,
  } satisfies Record<GuidelineProblemCode, string> & Record<string, unknown>,
};

export const en: typeof nl = {
  title: 'Channel guidelines',
  what: 'Per channel the posting hours, whether residents may reply and which department moderates.',
  intro:
    'Residents read these agreements for each channel. Posters schedule announcements only within the posting hours; the response promise counts working days.',
  none: 'There are no channels yet.',
  key: (key: string) => `Channel: ${key}`,
  nameNl: 'Name (Dutch)',
  nameEn: 'Name (English, optional)',
  promise: (days: number, hours: number | null) =>
    `Response promise: ${hours !== null ? `${hours} ${hours === 1 ? 'hour' : 'hours'} of office time` : `${days} working ${days === 1 ? 'day' : 'days'}`}.`,
  promiseWhere: 'Change the response promise in the office calendar',
  repliesAllowed: 'Residents may reply to posts in this channel',
  answersNeedApproval: "Webcare's answers need a second person's approval",
  answersNeedApprovalHint:
    'An answer is then posted only when a colleague approves it; its writer cannot. The response time keeps running until the answer is posted.',
  announcementsNeedApproval: "Announcements need a second person's approval",
  moderatedBy: 'Who moderates',
  centralDesk: 'The central desk',
  hoursLegend: 'Posting hours',
  hoursHint:
    'For each day the start and end, such as 09:00 and 17:00. Leave both fields empty on a day without posting hours. Without times on any day, posting is allowed at any moment.',
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  from: (day: string) => `${day}: from`,
  to: (day: string) => `${day}: until`,
  save: (name: string) => `Save guidelines: ${name}`,
  saved: (name: string) => `The guidelines of ‘${name}’ have been saved.`,
  unchanged: 'Nothing had changed.',
  errors: {
    name_required: 'Enter a Dutch name.',
    name_too_long: 'Make the name shorter: at most 120 characters.',
    time_format: 'Enter a time as hh:mm, such as 09:00.',
    time_half: 'Enter both the start and the end, or leave both empty.',
    time_order: 'The end must be after the start.',
    weekday_range: 'Choose days from Monday (1) to Sunday (7).',
    weekday_missing: 'Choose at least one day.',
    hours_overlap: 'These hours overlap with other hours on the same day.',
    unknown_department: 'This department does not exist (any more). Choose another.',
    notFound: 'This channel does not exist (any more). Reload the page.',
    version: 'This page is out of date. What you entered is still here; check it and save again.',
    stale:
      'A colleague changed the guidelines of this channel after you opened this page. What you entered is still here; check it and save again.',
    change: (by: string | null, fields: readonly GuidelineField[], at: string) =>
      `${by ?? 'Someone'} changed ${list(fields, EN_GUIDELINE_FIELDS, 'and') || 'the guidelines'} (${at}).`,
  },
};
