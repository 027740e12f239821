/**
 * Words on the office-calendar screen (opening hours, holidays, closed days, response
 * promises), Dutch first.
 */
import type { CalendarPart } from '../../services/office-hours/settings.ts';

const nlParts: Record<CalendarPart, string> = {
  hours: 'de openingstijden',
  holidays: 'de feestdagen',
  closed_days: 'de extra sluitingsdagen',
  promises: 'de reactietermijnen',
};
const enParts: Record<CalendarPart, string> = {
  hours: 'the opening hours',
  holidays: 'the holidays',
  closed_days: 'the extra closed days',
  promises: 'the response promises',
};

const list = (words: string[], and: string) =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${and} ${words.at(-1)!}`;

export const nl = {
  nav: 'Kantoorkalender',
  title: 'Kantoorkalender en reactietermijnen',
  intro:
    'Reactietermijnen tellen alleen tijdens openingstijden. Na opslaan krijgen alle items die nog op een reactie wachten een nieuwe uiterste reactietijd.',
  hoursHeading: 'Openingstijden',
  hoursHint:
    'Tijden als uu:mm, bijvoorbeeld 09:00. Laat een dag leeg als u dan gesloten bent. Een tweede periode is voor een middagpauze.',
  days: ['Zondag', 'Maandag', 'Dinsdag', 'Woensdag', 'Donderdag', 'Vrijdag', 'Zaterdag'],
  from: 'Van',
  to: 'Tot',
  secondFrom: 'Tweede periode van',
  secondTo: 'Tweede periode tot',
  holidaysHeading: 'Feestdagen',
  holidaysHint: 'Nieuwjaarsdag, Pasen, Koningsdag, Hemelvaartsdag, Pinksteren en Kerstmis zijn altijd gesloten.',
  goodFriday: 'Gesloten op Goede Vrijdag',
  liberationDay: 'Bevrijdingsdag (5 mei)',
  liberation: {
    every_year: 'Elk jaar gesloten',
    lustrum: 'Gesloten eens in de vijf jaar (2025, 2030, …)',
    never: 'Open',
  },
  closedDaysHeading: 'Extra sluitingsdagen',
  closedDays: 'Extra sluitingsdagen',
  closedDaysHint: 'Eén datum per regel, als jjjj-mm-dd of dd-mm-jjjj, bijvoorbeeld 2027-12-24.',
  promisesHeading: 'Reactietermijn per kanaal',
  noChannels: 'Er zijn nog geen kanalen met richtlijnen.',
  unit: 'Termijn in',
  units: { working_days: 'werkdagen', hours: 'uren binnen openingstijden' },
  amount: 'Aantal',
  save: 'Opslaan',
  saved: (recomputed: number) =>
    `De kantoorkalender is opgeslagen. ${recomputed === 1 ? '1 wachtend item kreeg' : `${recomputed} wachtende items kregen`} een nieuwe uiterste reactietijd.`,
  unchanged: 'Er was niets gewijzigd.',
  errors: {
    time: (day: string) => `${day}: vul een tijd in als uu:mm, bijvoorbeeld 09:00.`,
    pair: (day: string) => `${day}: vul zowel een begin- als een eindtijd in, of laat beide leeg.`,
    order: (day: string) => `${day}: de eindtijd moet na de begintijd liggen.`,
    overlap: (day: string) => `${day}: de tweede periode moet beginnen na het einde van de eerste.`,
    neverOpen: 'Vul voor minstens één dag openingstijden in: anders loopt een termijn nooit af.',
    liberation: 'Kies wat u op Bevrijdingsdag doet.',
    closedDay: (line: string) =>
      `‘${line}’ is geen datum. Schrijf één datum per regel, als jjjj-mm-dd, bijvoorbeeld 2027-12-24.`,
    tooManyDays: 'Vul hoogstens 366 extra sluitingsdagen in.',
    unit: (channel: string) => `${channel}: kies werkdagen of uren.`,
    days: (channel: string) => `${channel}: vul een heel aantal werkdagen in, van 1 tot en met 60.`,
    hours: (channel: string) => `${channel}: vul een heel aantal uren in, van 1 tot en met 200.`,
    version: 'Deze pagina is te oud. Uw invoer staat er nog; controleer hem en sla opnieuw op.',
    stale:
      'Een collega heeft de kantoorkalender opgeslagen nadat u deze pagina opende. Uw invoer staat er nog; controleer hem en sla opnieuw op.',
    change: (by: string | null, parts: CalendarPart[], at: string) =>
      `${by ?? 'Iemand'} wijzigde ${
        list(
          parts.map((p) => nlParts[p]),
          'en',
        ) || 'niets'
      } (${at}).`,
    unknownChannel: 'Een van de kanalen bestaat niet meer. Laad de pagina opnieuw.',
  },
};

export const en: typeof nl = {
  nav: 'Office calendar',
  title: 'Office calendar and response promises',
  intro:
    'Response promises count only during opening hours. After saving, every item still waiting for a response gets a new due time.',
  hoursHeading: 'Opening hours',
  hoursHint:
    'Times as hh:mm, for example 09:00. Leave a day empty when you are closed. A second period is for a lunch break.',
  days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  from: 'From',
  to: 'To',
  secondFrom: 'Second period from',
  secondTo: 'Second period to',
  holidaysHeading: 'Holidays',
  holidaysHint: "New Year's Day, Easter, King's Day, Ascension Day, Whitsun and Christmas are always closed.",
  goodFriday: 'Closed on Good Friday',
  liberationDay: 'Liberation Day (5 May)',
  liberation: {
    every_year: 'Closed every year',
    lustrum: 'Closed once every five years (2025, 2030, …)',
    never: 'Open',
  },
  closedDaysHeading: 'Extra closed days',
  closedDays: 'Extra closed days',
  closedDaysHint: 'One date per line, as yyyy-mm-dd or dd-mm-yyyy, for example 2027-12-24.',
  promisesHeading: 'Response promise per channel',
  noChannels: 'There are no channels with guidelines yet.',
  unit: 'Promise in',
  units: { working_days: 'working days', hours: 'hours within opening hours' },
  amount: 'Number',
  save: 'Save',
  saved: (recomputed: number) =>
    `The office calendar is saved. ${recomputed === 1 ? '1 waiting item got' : `${recomputed} waiting items got`} a new due time.`,
  unchanged: 'Nothing had changed.',
  errors: {
    time: (day: string) => `${day}: enter a time as hh:mm, for example 09:00.`,
    pair: (day: string) => `${day}: enter both a start and an end time, or leave both empty.`,
    order: (day: string) => `${day}: the end time must be after the start time.`,
    overlap: (day: string) => `${day}: the second period must start after the first one ends.`,
    neverOpen: 'Enter opening hours for at least one day: otherwise a promise never falls due.',
    liberation: 'Choose what you do on Liberation Day.',
    closedDay: (line: string) =>
      `‘${line}’ is not a date. Write one date per line, as yyyy-mm-dd, for example 2027-12-24.`,
    tooManyDays: 'Enter at most 366 extra closed days.',
    unit: (channel: string) => `${channel}: choose working days or hours.`,
    days: (channel: string) => `${channel}: enter a whole number of working days, from 1 to 60.`,
    hours: (channel: string) => `${channel}: enter a whole number of hours, from 1 to 200.`,
    version: 'This page is out of date. What you entered is still here; check it and save again.',
    stale:
      'A colleague saved the office calendar after you opened this page. What you entered is still here; check it and save again.',
    change: (by: string | null, parts: CalendarPart[], at: string) =>
      `${by ?? 'Someone'} changed ${
        list(
          parts.map((p) => enParts[p]),
          'and',
        ) || 'nothing'
      } (${at}).`,
    unknownChannel: 'One of the channels no longer exists. Reload the page.',
  },
};
