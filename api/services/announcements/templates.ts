/** A text to start from per kind of announcement, in the municipality's words; staff fill in the brackets. */
import type { announcementKind } from '../../db/schema.ts';

export type AnnouncementKind = (typeof announcementKind.enumValues)[number];

export const ANNOUNCEMENT_KINDS: readonly AnnouncementKind[] = [
  'roadworks',
  'timetable_change',
  'delay',
  'consultation_opens',
  'consultation_closes',
  'consultation_outcome',
];

export const KIND_NAMES: Record<AnnouncementKind, { nl: string; en: string }> = {
  roadworks: { nl: 'Wegwerkzaamheden', en: 'Roadworks' },
  timetable_change: { nl: 'Dienstregeling gewijzigd', en: 'Timetable change' },
  delay: { nl: 'Vertraging', en: 'Delay' },
  consultation_opens: { nl: 'Participatie opent', en: 'A consultation opens' },
  consultation_closes: { nl: 'Participatie sluit', en: 'A consultation closes' },
  consultation_outcome: { nl: 'Uitkomst van een participatie', en: 'Outcome of a consultation' },
};

export const TEMPLATES: Record<
  AnnouncementKind,
  { nl: { title: string; body: string }; en: { title: string; body: string } }
> = {
  roadworks: {
    nl: {
      title: 'Werk aan de [straat]',
      body: 'Van [datum] tot [datum] werken we aan de [straat]. De weg is dan dicht voor auto’s. Fietsers en voetgangers kunnen er langs. Volg de borden voor de omleiding.',
    },
    en: {
      title: 'Roadworks on [street]',
      body: 'From [date] to [date] we are working on [street]. The road is closed to cars. Cyclists and pedestrians can pass. Follow the signs for the diversion.',
    },
  },
  timetable_change: {
    nl: {
      title: 'Nieuwe dienstregeling [lijn]',
      body: 'Vanaf [datum] rijdt [lijn] op andere tijden. Kijk voor de nieuwe tijden op de website van de vervoerder.',
    },
    en: {
      title: 'New timetable for [line]',
      body: "From [date] [line] runs at different times. See the operator's website for the new times.",
    },
  },
  delay: {
    nl: {
      title: 'Vertraging bij [wat]',
      body: 'Door [oorzaak] is er vertraging bij [wat]. We verwachten dat het [tijd] weer normaal is. Onze excuses voor het ongemak.',
    },
    en: {
      title: 'Delay at [what]',
      body: 'Because of [cause] there is a delay at [what]. We expect things to be back to normal [time]. We apologise for the inconvenience.',
    },
  },
  consultation_opens: {
    nl: {
      title: 'Denk mee over [onderwerp]',
      body: 'Vanaf vandaag kunt u meedenken over [onderwerp]. Geef uw mening tot [datum]. Alle reacties lezen we.',
    },
    en: {
      title: 'Have your say on [topic]',
      body: 'From today you can have your say on [topic]. Share your view until [date]. We read every response.',
    },
  },
  consultation_closes: {
    nl: {
      title: 'Nog [aantal] dagen meedenken over [onderwerp]',
      body: 'Op [datum] sluit de participatie over [onderwerp]. Hebt u uw mening nog niet gegeven? Dat kan nog tot die dag.',
    },
    en: {
      title: '[number] days left to have your say on [topic]',
      body: 'The consultation on [topic] closes on [date]. Not shared your view yet? You can until then.',
    },
  },
  consultation_outcome: {
    nl: {
      title: 'Dit deden we met uw mening over [onderwerp]',
      body: 'U gaf uw mening over [onderwerp]. Dit hebben we ermee gedaan: [uitkomst]. Dank voor het meedenken.',
    },
    en: {
      title: 'What we did with your views on [topic]',
      body: 'You shared your views on [topic]. This is what we did with them: [outcome]. Thank you for taking part.',
    },
  },
};
