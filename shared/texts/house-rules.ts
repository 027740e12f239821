/** Texts of the house rules page. */

export const nl = {
  title: 'Huisregels',
  heading: 'Huisregels',
  intro:
    'Iedereen moet zich welkom voelen op deze website. Daarom lezen medewerkers van de gemeente alle reacties. Reacties die zich niet aan deze regels houden, plaatsen wij niet. U hoort dan van ons welke regel het was.',
  none: 'De gemeente heeft nog geen huisregels gepubliceerd.',
};

export type Texts = typeof nl;

export const en: Texts = {
  title: 'House rules',
  heading: 'House rules',
  intro:
    'Everyone should feel welcome on this website. That is why members of staff of the municipality read every response. We do not publish responses that break these rules, and we tell you which rule it was.',
  none: 'The municipality has not published house rules yet.',
};
