/**
 * Words of the reach figures and the period comparison on the insights pages, Dutch first.
 * Every figure says what it counts, and what it does not.
 */
import type { Measure, MeasureComparison } from '../../services/insights/compare.ts';

const nlMeasures: Record<Measure, string> = {
  items: 'Inbreng (alle kanalen)',
  portal: 'Inbreng via het portaal',
  widget: 'Inbreng via widgets',
  social: 'Inbreng via sociale media',
  pageVisits: 'Paginabezoeken op het portaal',
  downloads: 'Downloads',
  widgetViews: 'Widgetweergaven op andere sites',
  likes: 'Likes (bijgekomen)',
  reposts: 'Reposts (bijgekomen)',
  replies: 'Reacties volgens het platform (bijgekomen)',
  quotes: 'Citaten (bijgekomen)',
};

const enMeasures: Record<Measure, string> = {
  items: 'Input (all channels)',
  portal: 'Input through the portal',
  widget: 'Input through widgets',
  social: 'Input through social media',
  pageVisits: 'Page visits on the portal',
  downloads: 'Downloads',
  widgetViews: 'Widget views on other sites',
  likes: 'Likes (gained)',
  reposts: 'Reposts (gained)',
  replies: 'Replies as the platform counts them (gained)',
  quotes: 'Quotes (gained)',
};

export const nl = {
  measures: nlMeasures,
  otherPages: 'Overige portaalpagina’s',
  portalPages: 'Portaal: paginabezoeken',
  downloads: 'Portaal: downloads',
  widgetOn: (origin: string) => `Widget op ${origin}`,
  socialOn: (platform: string) => `Sociale media: ${platform}`,
  columns: {
    consultation: 'Consultatie',
    channel: 'Kanaal',
    pageVisits: 'Paginabezoeken',
    downloads: 'Downloads',
    widgetViews: 'Widgetweergaven',
    visits: 'Bezoeken of weergaven',
    replies: 'Reacties',
    likes: 'Likes',
    reposts: 'Reposts',
    quotes: 'Citaten',
    measure: 'Wat',
    current: (from: string, to: string) => `Deze periode (${from} t/m ${to})`,
    previous: (from: string, to: string) => `Vorige periode (${from} t/m ${to})`,
    change: 'Verschil',
  },
  reachConsultation: {
    title: 'Bereik per consultatie',
    what: 'Paginabezoeken telt de server zelf: geslaagde opvragingen van portaalpagina’s door browsers, zonder cookies en zonder iets over de bezoeker te bewaren; zoekmachines en andere bots tellen niet mee, en een bezoeker die twee keer kijkt telt twee keer. Widgetweergaven zijn keren dat een widget op een andere site gegevens ophaalde. Likes, reposts, reacties en citaten zijn wat de platforms erbij telden in deze periode.',
    summary: (visits: number, top?: { name: string; visits: number }) =>
      visits === 0
        ? 'Er zijn in deze periode geen paginabezoeken geteld.'
        : `In deze periode zijn ${visits} paginabezoeken geteld${top ? `; de meeste bij ${top.name} (${top.visits})` : ''}.`,
  },
  reachChannel: {
    title: 'Bereik per kanaal',
    summary: (rows: number, widgetSites: number) =>
      rows === 0
        ? 'Er is in deze periode geen bereik geteld.'
        : widgetSites === 0
          ? 'Geen widget is in deze periode op een andere site bekeken.'
          : `Widgets werden bekeken op ${widgetSites} ${widgetSites === 1 ? 'andere site' : 'andere sites'}.`,
  },
  compare: {
    title: 'Deze periode en de vorige vergeleken',
    summary: (measures: MeasureComparison[], minimum: number) => {
      const said = measures
        .filter((m) => m.verdict !== 'too_few')
        .map((m) =>
          m.verdict === 'same'
            ? `${nlMeasures[m.measure]} bleef gelijk (${m.current})`
            : `${nlMeasures[m.measure]} ${m.verdict === 'rose' ? 'steeg' : 'daalde'} van ${m.previous} naar ${m.current}`,
        );
      const few = `Bij minder dan ${minimum} in een van beide perioden noemen we geen stijging of daling; de aantallen staan in de tabel.`;
      return said.length === 0 ? `Te weinig om te vergelijken. ${few}` : `${said.join('; ')}. ${few}`;
    },
    itemsLink: (what: string) => `Bekijk de items: ${what}`,
    thisPeriod: 'deze periode',
    previousPeriod: 'vorige periode',
  },
  weekly: {
    subject: (from: string, to: string) => `Inzichten van de week van ${from} tot en met ${to}`,
    intro:
      'De cijfers van vorige week naast die van de week ervoor, met wat elk getal telt. Bij minder dan 10 noemen we geen stijging of daling.',
    open: 'Bekijk alle inzichten van deze week',
    why: 'U krijgt deze e-mail omdat u de inzichten leest en de wekelijkse samenvatting aan heeft staan.',
    preferences: 'Kies welke e-mails u krijgt',
    unsubscribe: 'Geen meldingen per e-mail meer ontvangen (ook deze samenvatting niet)',
  },
};

export type ReachTexts = typeof nl;

export const en: ReachTexts = {
  measures: enMeasures,
  otherPages: 'Other portal pages',
  portalPages: 'Portal: page visits',
  downloads: 'Portal: downloads',
  widgetOn: (origin: string) => `Widget on ${origin}`,
  socialOn: (platform: string) => `Social media: ${platform}`,
  columns: {
    consultation: 'Consultation',
    channel: 'Channel',
    pageVisits: 'Page visits',
    downloads: 'Downloads',
    widgetViews: 'Widget views',
    visits: 'Visits or views',
    replies: 'Replies',
    likes: 'Likes',
    reposts: 'Reposts',
    quotes: 'Quotes',
    measure: 'What',
    current: (from: string, to: string) => `This period (${from} to ${to})`,
    previous: (from: string, to: string) => `Previous period (${from} to ${to})`,
    change: 'Difference',
  },
  reachConsultation: {
    title: 'Reach per consultation',
    what: 'Page visits are counted by the server itself: successful requests for portal pages by browsers, without cookies and without keeping anything about the visitor; search engines and other bots do not count, and a visitor who looks twice counts twice. Widget views are the times a widget on another site fetched data. Likes, reposts, replies and quotes are what the platforms added in this period.',
    summary: (visits: number, top?: { name: string; visits: number }) =>
      visits === 0
        ? 'No page visits were counted in this period.'
        : `${visits} page visits were counted in this period${top ? `; most at ${top.name} (${top.visits})` : ''}.`,
  },
  reachChannel: {
    title: 'Reach per channel',
    summary: (rows: number, widgetSites: number) =>
      rows === 0
        ? 'No reach was counted in this period.'
        : widgetSites === 0
          ? 'No widget was viewed on another site in this period.'
          : `Widgets were viewed on ${widgetSites} other ${widgetSites === 1 ? 'site' : 'sites'}.`,
  },
  compare: {
    title: 'This period and the previous one compared',
    summary: (measures: MeasureComparison[], minimum: number) => {
      const said = measures
        .filter((m) => m.verdict !== 'too_few')
        .map((m) =>
          m.verdict === 'same'
            ? `${enMeasures[m.measure]} stayed the same (${m.current})`
            : `${enMeasures[m.measure]} ${m.verdict === 'rose' ? 'rose' : 'fell'} from ${m.previous} to ${m.current}`,
        );
      const few = `Below ${minimum} in either period we name no rise or fall; the table shows the numbers.`;
      return said.length === 0 ? `Too few to compare. ${few}` : `${said.join('; ')}. ${few}`;
    },
    itemsLink: (what: string) => `See the items: ${what}`,
    thisPeriod: 'this period',
    previousPeriod: 'previous period',
  },
  weekly: {
    subject: (from: string, to: string) => `Insights of the week from ${from} to ${to}`,
    intro:
      'Last week’s figures beside those of the week before, with what each number counts. Below 10 we name no rise or fall.',
    open: 'See all insights of this week',
    why: 'You receive this e-mail because you read the insights and have the weekly summary turned on.',
    preferences: 'Choose which e-mails you receive',
    unsubscribe: 'Stop notification e-mails (this summary too)',
  },
};
