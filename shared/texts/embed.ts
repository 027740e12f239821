/** Texts of the page for web editors who embed the widgets. */

export const nl = {
  title: 'Op uw website',
  heading: 'Reageren vanaf uw eigen website',
  intro:
    'Organisaties, wijkverenigingen en scholen kunnen het reactieformulier, een samenvatting van een consultatie en de reacties met antwoorden op hun eigen website zetten. Reacties komen bij de gemeente binnen, net als via deze website.',
  fallback: 'Reageer op de pagina van de consultatie',
  snippetHeading: 'Code om te kopiëren',
  snippetText:
    'Zet deze code op uw pagina. Met het attribuut lang kiest u de taal, met heading-level het niveau van de kop.',
  widgetsHeading: 'De widgets',
  exampleHeading: 'Voorbeeld',
  attributesHeading: 'Attributen',
  eventsHeading: 'Gebeurtenissen (events)',
  partsHeading: 'Onderdelen voor ::part()',
  statesHeading: 'Toestanden (elk getest in vier soorten pagina’s)',
  themingHeading: 'Vormgeving: CSS custom properties',
  themingText:
    'De widgets gebruiken de namen van NL Design System. Heeft uw website al een thema met deze namen, dan nemen de widgets dat vanzelf over. Elke eigenschap heeft een standaardwaarde met genoeg contrast.',
  setupHeading: 'Wat Podium nodig heeft',
  setupText:
    'Vraag de beheerder van Podium om het webadres van uw website toe te voegen aan de lijst van toegestane adressen, in de werkplek onder Insluiten. Alleen het begin van het adres telt: https:// en de naam van de website, zonder pagina erachter. Werkt uw website met een Content-Security-Policy, sta het adres van Podium dan toe in script-src en connect-src. Inline script of eval is niet nodig. De widgets plaatsen geen cookies.',
  name: 'Naam',
  defaultValue: 'Standaard',
  description: 'Uitleg',
  detail: 'Gegevens (detail)',
};

export type Texts = typeof nl;

export const en: Texts = {
  title: 'On your website',
  heading: 'Responding from your own website',
  intro:
    'Organisations, neighbourhood associations and schools can put the response form, a summary of a consultation and the responses with answers on their own website. Responses reach the municipality just as they do through this website.',
  fallback: 'Respond on the consultation page',
  snippetHeading: 'Code to copy',
  snippetText:
    'Put this code on your page. The lang attribute sets the language, heading-level the level of the heading.',
  widgetsHeading: 'The widgets',
  exampleHeading: 'Example',
  attributesHeading: 'Attributes',
  eventsHeading: 'Events',
  partsHeading: 'Parts for ::part()',
  statesHeading: 'States (each tested in four kinds of page)',
  themingHeading: 'Styling: CSS custom properties',
  themingText:
    'The widgets use the names of NL Design System. If your website already has a theme with these names, the widgets take it over by themselves. Every property has a default with enough contrast.',
  setupHeading: 'What Podium needs',
  setupText:
    "Ask Podium's administrator to add your website's address to the list of allowed addresses, in the workbench under Embedding. Only the start of the address counts: https:// and the website's name, without a page after it. If your website uses a Content-Security-Policy, allow Podium's address in script-src and connect-src. No inline script or eval is needed. The widgets set no cookies.",
  name: 'Name',
  defaultValue: 'Default',
  description: 'Description',
  detail: 'Detail',
};
