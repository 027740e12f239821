/** Texts of the news pages: the municipality's announcements (/nieuws/, /en/news/). */

export const nl = {
  title: 'Nieuws',
  intro:
    'Aankondigingen van de gemeente: wegwerkzaamheden, gewijzigde dienstregelingen, vertragingen en participaties. Dezelfde berichten plaatst de gemeente op sociale media; hier zijn ze voor iedereen toegankelijk.',
  empty: 'Er is nog geen nieuws.',
  feed: 'Volg het nieuws met een feedlezer (Atom)',
  published: 'Gepubliceerd op',
  updated: 'Bijgewerkt op',
  back: 'Al het nieuws',
  alsoOn: 'Ook op',
  platforms: { mastodon: 'Mastodon', bluesky: 'Bluesky', x: 'X', facebook: 'Facebook', instagram: 'Instagram' },
  contentWarning: (warning: string) => `Waarschuwing: ${warning}. Toon het bericht`,
  kinds: {
    roadworks: 'Wegwerkzaamheden',
    timetable_change: 'Dienstregeling',
    delay: 'Vertraging',
    consultation_opens: 'Participatie',
    consultation_closes: 'Participatie',
    consultation_outcome: 'Uitkomst',
  },
};

export const en: typeof nl = {
  title: 'News',
  intro:
    "The municipality's announcements: roadworks, timetable changes, delays and consultations. The municipality posts the same messages on social media; here they are accessible to everyone.",
  empty: 'There is no news yet.',
  feed: 'Follow the news in a feed reader (Atom)',
  published: 'Published on',
  updated: 'Updated on',
  back: 'All news',
  alsoOn: 'Also on',
  platforms: { mastodon: 'Mastodon', bluesky: 'Bluesky', x: 'X', facebook: 'Facebook', instagram: 'Instagram' },
  contentWarning: (warning) => `Warning: ${warning}. Show the message`,
  kinds: {
    roadworks: 'Roadworks',
    timetable_change: 'Timetable',
    delay: 'Delay',
    consultation_opens: 'Consultation',
    consultation_closes: 'Consultation',
    consultation_outcome: 'Outcome',
  },
};
