/** Texts shared by every portal page: the layout, navigation and error prefixes. */

export const nl = {
  siteName: 'Podium',
  skipLink: 'Naar de inhoud',
  mainMenu: 'Hoofdmenu',
  languageSwitch: 'English',
  languageSwitchLabel: 'Read this page in English',
  footerHeading: 'Over deze website',
  errorPrefix: 'Fout:',
  errorTitlePrefix: 'Fout: ',
  nav: {
    home: 'Start',
    topics: 'Onderwerpen',
    results: 'Uitkomsten',
    news: 'Nieuws',
    followUp: 'Volg uw reactie',
    embed: 'Op uw website',
    apiReference: 'API-documentatie',
  },
};

export type Texts = typeof nl;

export const en: Texts = {
  siteName: 'Podium',
  skipLink: 'Skip to content',
  mainMenu: 'Main menu',
  languageSwitch: 'Nederlands',
  languageSwitchLabel: 'Lees deze pagina in het Nederlands',
  footerHeading: 'About this website',
  errorPrefix: 'Error:',
  errorTitlePrefix: 'Error: ',
  nav: {
    home: 'Home',
    topics: 'Topics',
    results: 'Outcomes',
    news: 'News',
    followUp: 'Follow your response',
    embed: 'On your website',
    apiReference: 'API reference',
  },
};
