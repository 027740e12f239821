/**
 * Words on the insights pages, their exports and the audit-log viewer, Dutch first. Kept
 * in a module of their own so the figures, their summaries and their column names stay
 * together; the staff page shell has its own (queue/texts.ts).
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { formatDecimal as decimal, formatPercent as percent } from '../../../shared/format.ts';
import * as counts from '../../../shared/texts/counts.ts';

import type { NegativeComparison, NegativeTrend, ShareEstimate } from '../../services/insights/claims.ts';
import type { PromiseRange } from '../../services/insights/figures.ts';

type Label = 'positive' | 'neutral' | 'negative';

// The sentiment summaries: a share always says of what, with its likely range; a group or a
// week with too few classified items is never named (services/insights/claims.ts decides).
/** Whole numbers with the language's grouping: 10.000, 10,000. */
const nlNumber = (n: number) => decimal(n, 'nl');
const enNumber = (n: number) => decimal(n, 'en');
const nlShare = (e: ShareEstimate) =>
  `${percent(e.share, 'nl')} (${e.part} van ${e.whole} ingedeelde bijdragen; waarschijnlijk tussen ${percent(e.low, 'nl')} en ${percent(e.high, 'nl')})`;
const nlUnclassified = (n: number) =>
  n === 0
    ? ''
    : ` ${n} ${n === 1 ? 'bijdrage heeft' : 'bijdragen hebben'} geen sentiment en ${n === 1 ? 'telt' : 'tellen'} niet mee.`;
const nlCompare = (c: NegativeComparison, per: string, groups: string): string => {
  switch (c.kind) {
    case 'nothing_classified':
      return `Er is in deze periode geen inbreng met een sentiment.${nlUnclassified(c.unclassified)}`;
    case 'too_few':
      return `Te weinig ingedeelde bijdragen om ${groups} te vergelijken: daarvoor zijn er minstens ${c.minimum} per ${per} nodig. De aantallen staan in de tabel.${nlUnclassified(c.unclassified)}`;
    case 'unclear':
      return `${c.first} en ${c.second} liggen te dicht bij elkaar om er één het meest negatief te noemen; de aantallen staan in de tabel.${nlUnclassified(c.unclassified)}`;
    case 'clear':
      return `Het meest negatief was ${c.name}: ${nlShare(c.estimate)}.${nlUnclassified(c.unclassified)}`;
  }
};
const nlTrend = (t: NegativeTrend, week: (key: string) => string): string => {
  switch (t.kind) {
    case 'nothing_classified':
      return `Er is in deze periode geen inbreng met een sentiment.${nlUnclassified(t.unclassified)}`;
    case 'too_few':
      return t.only
        ? `Alleen ${week(t.only.week)} heeft genoeg ingedeelde bijdragen (minstens ${t.minimum}) om iets te zeggen: daar was ${nlShare(t.only.estimate)} negatief. Een verloop is er niet uit af te leiden.${nlUnclassified(t.unclassified)}`
        : `Geen week heeft genoeg ingedeelde bijdragen (minstens ${t.minimum}) om een verloop te noemen; de aantallen staan in de tabel.${nlUnclassified(t.unclassified)}`;
    case 'rose':
    case 'fell':
      return `Negatief ${t.kind === 'rose' ? 'steeg' : 'daalde'} van ${nlShare(t.first.estimate)} in ${week(t.first.week)} naar ${nlShare(t.last.estimate)} in ${week(t.last.week)}.${nlUnclassified(t.unclassified)}`;
    case 'unclear':
      return `Negatief ging van ${nlShare(t.first.estimate)} in ${week(t.first.week)} naar ${nlShare(t.last.estimate)} in ${week(t.last.week)}: te weinig verschil om van een stijging of daling te spreken.${nlUnclassified(t.unclassified)}`;
  }
};

const enShare = (e: ShareEstimate) =>
  `${percent(e.share, 'en')} (${e.part} of ${e.whole} classified contributions; likely between ${percent(e.low, 'en')} and ${percent(e.high, 'en')})`;
const enUnclassified = (n: number) =>
  n === 0
    ? ''
    : ` ${n} ${n === 1 ? 'contribution has' : 'contributions have'} no sentiment and ${n === 1 ? 'does' : 'do'} not count.`;
const enCompare = (c: NegativeComparison, per: string, groups: string): string => {
  switch (c.kind) {
    case 'nothing_classified':
      return `There is no input with a sentiment in this period.${enUnclassified(c.unclassified)}`;
    case 'too_few':
      return `Too few classified contributions to compare ${groups}: that takes at least ${c.minimum} per ${per}. The table shows the counts.${enUnclassified(c.unclassified)}`;
    case 'unclear':
      return `${c.first} and ${c.second} are too close to call either the most negative; the table shows the counts.${enUnclassified(c.unclassified)}`;
    case 'clear':
      return `The most negative was ${c.name}: ${enShare(c.estimate)}.${enUnclassified(c.unclassified)}`;
  }
};
const enTrend = (t: NegativeTrend, week: (key: string) => string): string => {
  switch (t.kind) {
    case 'nothing_classified':
      return `There is no input with a sentiment in this period.${enUnclassified(t.unclassified)}`;
    case 'too_few':
      return t.only
        ? `Only ${week(t.only.week)} has enough classified contributions (at least ${t.minimum}) to say anything: ${enShare(t.only.estimate)} was negative there. No trend can be read from it.${enUnclassified(t.unclassified)}`
        : `No week has enough classified contributions (at least ${t.minimum}) to describe a trend; the table shows the counts.${enUnclassified(t.unclassified)}`;
    case 'rose':
    case 'fell':
      return `Negative ${t.kind === 'rose' ? 'rose' : 'fell'} from ${enShare(t.first.estimate)} in ${week(t.first.week)} to ${enShare(t.last.estimate)} in ${week(t.last.week)}.${enUnclassified(t.unclassified)}`;
    case 'unclear':
      return `Negative went from ${enShare(t.first.estimate)} in ${week(t.first.week)} to ${enShare(t.last.estimate)} in ${week(t.last.week)}: too little difference to call it a rise or a fall.${enUnclassified(t.unclassified)}`;
  }
};

export const nl = {
  nav: { insights: 'Inzichten', audit: 'Auditlog' },
  title: 'Inzichten',
  intro:
    'Cijfers over de inbreng die in de gekozen periode binnenkwam. Elke grafiek heeft een korte samenvatting en dezelfde cijfers als tabel; download ze als CSV of JSON.',
  filters: {
    heading: 'Filters',
    from: 'Van (datum)',
    to: 'Tot en met (datum)',
    dateHint: 'Bijvoorbeeld 2026-09-01',
    topic: 'Onderwerp',
    consultation: 'Consultatie',
    channel: 'Kanaal',
    any: 'Alle',
    apply: 'Toon cijfers',
    clear: 'Filters wissen',
    period: (from: string, to: string) => `Periode: ${from} tot en met ${to}.`,
  },
  errors: {
    from: 'Vul de begindatum in als JJJJ-MM-DD, bijvoorbeeld 2026-09-01.',
    to: 'Vul de einddatum in als JJJJ-MM-DD, bijvoorbeeld 2026-11-30.',
    order: 'De begindatum moet voor de einddatum liggen.',
    span: 'Kies een periode van hoogstens twee jaar.',
    topic: 'Dit onderwerp bestaat niet. Kies er een uit de lijst.',
    consultation: 'Deze consultatie bestaat niet. Kies er een uit de lijst.',
    channel: 'Dit kanaal bestaat niet. Kies portaal, widget of sociale media.',
    page: 'Het paginanummer moet een heel getal vanaf 1 zijn.',
    actor: 'Deze medewerker bestaat niet. Kies er een uit de lijst.',
    action: 'Vul een handeling in van hoogstens 100 tekens.',
    subject: 'Vul een onderwerp in van hoogstens 200 tekens.',
    figure: 'Dit figuur bestaat niet.',
    format: 'Kies CSV of JSON.',
    badFilters: 'De filters kloppen niet',
  },
  channels: { portal: 'Portaal', widget: 'Widget', social: 'Sociale media' } as Record<string, string>,
  sentiment: { positive: 'Positief', neutral: 'Neutraal', negative: 'Negatief', unknown: 'Onbekend' },
  week: (label: string) => `week ${label}`,
  download: (figure: string) => ({ csv: `${figure} als CSV`, json: `${figure} als JSON` }),
  downloads: 'Downloaden',
  chartTable: 'Dezelfde cijfers als tabel',
  empty: 'Geen gegevens in deze periode.',
  legend: 'Legenda',
  figures: {
    volume: {
      title: 'Inbreng per week',
      summary: (total: number, busiest?: { week: string; count: number }) =>
        total === 0
          ? 'Er kwam in deze periode geen inbreng binnen.'
          : `In deze periode kwamen ${total} bijdragen binnen. De drukste week was week ${busiest!.week} met ${busiest!.count}.`,
    },
    sentimentWeek: {
      title: 'Sentiment per week',
      summary: (trend: NegativeTrend, week: (key: string) => string) => nlTrend(trend, week),
    },
    sentimentTopic: {
      title: 'Sentiment per onderwerp',
      summary: (comparison: NegativeComparison) => nlCompare(comparison, 'onderwerp', 'onderwerpen'),
    },
    sentimentChannel: {
      title: 'Sentiment per kanaal',
      summary: (comparison: NegativeComparison) => nlCompare(comparison, 'kanaal', 'kanalen'),
    },
    themes: {
      title: 'Thema’s per onderwerp',
      summary: (top?: { term: string; topic: string; count: number }) =>
        !top
          ? 'In deze periode vormen geen twee bijdragen samen een thema.'
          : `Het vaakst genoemd: ‘${top.term}’ bij ${top.topic}, in ${top.count} bijdragen.`,
      examples: 'Voorbeelden',
      queueLink: (n: number) => `voorbeeld ${n} in de wachtrij`,
      corrected: '(aangepast)',
      correct: 'Thema aanpassen',
      sampled: (size: number, topics: string[]) =>
        `Bij ${topics.join(', ')} zijn de thema’s bepaald uit een vaste steekproef van ${size.toLocaleString('nl-NL')} bijdragen per onderwerp, verspreid over de periode; de aantallen tellen binnen die steekproef.`,
    },
    responseTimes: {
      title: 'Antwoordtijden per kanaal',
      summary: (
        s: { answered: number; median: number | null; onTime: number | null; overdue: number },
        lang: Locale = 'nl',
      ) =>
        s.answered === 0
          ? `Er is in deze periode nog niets beantwoord. ${s.overdue} ${s.overdue === 1 ? 'item wacht' : 'items wachten'} langer dan beloofd.`
          : `Van ${s.answered} beantwoorde items was de mediane antwoordtijd ${decimal(s.median ?? 0, lang)} dagen${s.onTime === null ? '' : `; ${percent(s.onTime, lang)} kreeg op tijd antwoord`}. ${s.overdue} ${s.overdue === 1 ? 'item wacht' : 'items wachten'} langer dan beloofd.`,
      chartValue: 'Op tijd beantwoord',
    },
    engagement: {
      title: 'Reacties op gespiegelde draden',
      summary: (top?: { name: string; replies: number; likes: number }) =>
        !top
          ? 'Er zijn in deze periode geen berichten in gespiegelde draden.'
          : `De meeste reacties kreeg ${top.name}: ${top.replies} reacties en ${top.likes} likes.`,
    },
    accuracy: {
      title: 'Nauwkeurigheid van sentiment',
      summary: (s: { reviewed: number; agreed: number; rate: number | null }, lang: Locale = 'nl') =>
        s.reviewed === 0
          ? 'Medewerkers hebben in deze periode geen sentiment gecontroleerd.'
          : `Medewerkers controleerden ${s.reviewed} labels; de methode had er ${s.agreed} goed (${percent(s.rate ?? 0, lang)}).`,
      chartValue: 'Overeenstemming met medewerkers',
    },
  },
  themeForm: {
    title: (label: string) => `Thema ‘${label}’ aanpassen`,
    intro:
      'Dit thema is automatisch gevormd uit de woorden van bewoners. Geef het een eigen naam, of tel het mee bij een ander thema. Uw aanpassing geldt voor iedereen in uw organisatie, in elke periode.',
    key: (key: string) => `Sleutel van het thema: ${key}`,
    labelNl: 'Eigen naam (Nederlands)',
    labelEn: 'Eigen naam (Engels, niet verplicht)',
    labelHint: 'Leeg laten: de automatische naam blijft.',
    mergeInto: 'Samenvoegen met',
    mergeNone: 'Niet samenvoegen',
    mergeHint: 'De bijdragen van dit thema tellen dan mee bij het gekozen thema.',
    save: 'Opslaan',
    back: 'Terug naar de inzichten',
    saved: 'De aanpassing is opgeslagen.',
    removed: 'De aanpassing is verwijderd: het automatische thema is terug.',
    unchanged: 'Er was niets veranderd; er is niets opgeslagen.',
    errors: {
      key: 'Dit thema bestaat niet. Kies een thema in de tabel op de inzichtenpagina.',
      labelNl: 'Geef ook een Nederlandse naam, of maak de Engelse naam leeg.',
      tooLong: 'Een naam is hoogstens 80 tekens.',
      mergeInto: 'Kies een thema uit de lijst.',
      mergeSelf: 'Een thema kan niet met zichzelf worden samengevoegd.',
      cycle: 'Dat thema is al samengevoegd met dit thema. Kies een ander thema.',
      nothing: 'Geef een eigen naam of kies een thema om mee samen te voegen.',
      stale:
        'Een collega heeft dit thema intussen aangepast. Uw invoer staat nog in het formulier: controleer die en sla opnieuw op om de aanpassing van uw collega te vervangen.',
    },
  },
  /** A group's response promises as the table shows them: "10 werkdagen", "5–10 werkdagen", "16 uur kantoortijd". */
  promise: (p: PromiseRange) => {
    const amount = p.from === p.to ? String(p.from) : `${p.from}–${p.to}`;
    return p.unit === 'hours' ? `${amount} uur kantoortijd` : `${amount} ${p.to === 1 ? 'werkdag' : 'werkdagen'}`;
  },
  columns: {
    week: 'Week',
    total: 'Totaal',
    topic: 'Onderwerp',
    channel: 'Kanaal',
    term: 'Thema',
    alsoMentioned: 'Ook genoemd',
    count: 'Bijdragen',
    examples: 'Voorbeelden',
    promise: 'Belofte',
    answered: 'Beantwoord',
    medianDays: 'Mediaan (dagen)',
    p90Days: '90e percentiel (dagen)',
    onTimeShare: 'Op tijd',
    open: 'Nog open',
    overdue: 'Te laat',
    thread: 'Draad',
    platform: 'Platform',
    replies: 'Reacties',
    likes: 'Likes',
    reposts: 'Reposts',
    label: 'Sentiment',
    staffSaid: 'Volgens medewerkers',
    methodSaid: 'Volgens de methode',
    agreed: 'Beide',
    precision: 'Precisie',
    recall: 'Overeenstemming',
    f1: 'F1',
    share: (label: string) => `${label} (aandeel)`,
    classified: 'Ingedeeld',
    negativeLow: 'Negatief, ondergrens (95%)',
    negativeHigh: 'Negatief, bovengrens (95%)',
  },
  audit: {
    title: 'Auditlog',
    intro:
      'Elke handeling van medewerkers en van het systeem, nieuwste eerst. Het log kan niet worden gewijzigd of verwijderd; alleen de bewaartermijn ruimt oude regels op.',
    filters: {
      heading: 'Filters',
      actor: 'Wie',
      anyActor: 'Iedereen',
      system: 'Systeem',
      resident: 'Inwoner',
      action: 'Handeling',
      actionHint: 'Bijvoorbeeld submission.decision, of alleen het begin: submission',
      subject: 'Onderwerp',
      subjectHint: 'Soort (submission) of id',
      from: 'Van (datum)',
      to: 'Tot en met (datum)',
      apply: 'Zoeken',
      clear: 'Filters wissen',
    },
    caption: (from: number, to: number, total: number, more: boolean) =>
      total === 0
        ? 'Geen regels gevonden'
        : `Regels ${nlNumber(from)} tot en met ${nlNumber(to)} van ${counts.nl.count(total, more)}`,
    browseLimit: (limit: number) =>
      `Hier bladert u door de nieuwste ${nlNumber(limit)} regels die bij de filters passen. Oudere regels vindt u door een periode te kiezen (ook voor de download).`,
    columns: {
      at: 'Wanneer',
      sentence: 'Wat er gebeurde',
      actor: 'Wie',
      action: 'Handeling',
      subject: 'Onderwerp',
      before: 'Voor',
      after: 'Na',
      details: 'Details',
    },
    pager: 'Pagina’s',
    previous: 'Vorige pagina',
    next: 'Volgende pagina',
    page: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
    downloads: 'Het resultaat downloaden',
    csv: 'Auditlog als CSV',
    json: 'Auditlog als JSON',
    none: '—',
    erasedStaff: 'Verwijderde medewerker',
  },
};

export type Texts = typeof nl;

export const en: Texts = {
  nav: { insights: 'Insights', audit: 'Audit log' },
  title: 'Insights',
  intro:
    'Figures about the input received in the chosen period. Every chart has a short summary and the same figures as a table; download them as CSV or JSON.',
  filters: {
    heading: 'Filters',
    from: 'From (date)',
    to: 'Up to and including (date)',
    dateHint: 'For example 2026-09-01',
    topic: 'Topic',
    consultation: 'Consultation',
    channel: 'Channel',
    any: 'All',
    apply: 'Show figures',
    clear: 'Clear filters',
    period: (from: string, to: string) => `Period: ${from} up to and including ${to}.`,
  },
  errors: {
    from: 'Enter the start date as YYYY-MM-DD, for example 2026-09-01.',
    to: 'Enter the end date as YYYY-MM-DD, for example 2026-11-30.',
    order: 'The start date must be before the end date.',
    span: 'Choose a period of at most two years.',
    topic: 'This topic does not exist. Choose one from the list.',
    consultation: 'This consultation does not exist. Choose one from the list.',
    channel: 'This channel does not exist. Choose portal, widget or social media.',
    page: 'The page number must be a whole number from 1.',
    actor: 'This member of staff does not exist. Choose one from the list.',
    action: 'Enter an action of at most 100 characters.',
    subject: 'Enter a subject of at most 200 characters.',
    figure: 'This figure does not exist.',
    format: 'Choose CSV or JSON.',
    badFilters: 'The filters are not valid',
  },
  channels: { portal: 'Portal', widget: 'Widget', social: 'Social media' },
  sentiment: { positive: 'Positive', neutral: 'Neutral', negative: 'Negative', unknown: 'Unknown' },
  week: (label: string) => `week ${label}`,
  download: (figure: string) => ({ csv: `${figure} as CSV`, json: `${figure} as JSON` }),
  downloads: 'Download',
  chartTable: 'The same figures as a table',
  empty: 'No data in this period.',
  legend: 'Legend',
  figures: {
    volume: {
      title: 'Input per week',
      summary: (total, busiest) =>
        total === 0
          ? 'No input arrived in this period.'
          : `${total} contributions arrived in this period. The busiest week was week ${busiest!.week} with ${busiest!.count}.`,
    },
    sentimentWeek: {
      title: 'Sentiment per week',
      summary: (trend, week) => enTrend(trend, week),
    },
    sentimentTopic: {
      title: 'Sentiment per topic',
      summary: (comparison) => enCompare(comparison, 'topic', 'topics'),
    },
    sentimentChannel: {
      title: 'Sentiment per channel',
      summary: (comparison) => enCompare(comparison, 'channel', 'channels'),
    },
    themes: {
      title: 'Themes per topic',
      summary: (top) =>
        !top
          ? 'No two contributions form a theme together in this period.'
          : `Mentioned most: ‘${top.term}’ in ${top.topic}, in ${top.count} contributions.`,
      examples: 'Examples',
      queueLink: (n) => `example ${n} in the queue`,
      corrected: '(adjusted)',
      correct: 'Adjust theme',
      sampled: (size, topics) =>
        `For ${topics.join(', ')} the themes come from a fixed sample of ${size.toLocaleString('en-GB')} contributions per topic, spread over the period; the counts are within that sample.`,
    },
    responseTimes: {
      title: 'Response times per channel',
      summary: (s, lang = 'en') =>
        s.answered === 0
          ? `Nothing was answered in this period yet. ${s.overdue} ${s.overdue === 1 ? 'item has' : 'items have'} waited longer than promised.`
          : `Of ${s.answered} answered items, the median response time was ${decimal(s.median ?? 0, lang)} days${s.onTime === null ? '' : `; ${percent(s.onTime, lang)} were answered on time`}. ${s.overdue} ${s.overdue === 1 ? 'item has' : 'items have'} waited longer than promised.`,
      chartValue: 'Answered on time',
    },
    engagement: {
      title: 'Responses on mirrored threads',
      summary: (top) =>
        !top
          ? 'There are no posts in mirrored threads in this period.'
          : `${top.name} had the most responses: ${top.replies} replies and ${top.likes} likes.`,
    },
    accuracy: {
      title: 'Sentiment accuracy',
      summary: (s, lang = 'en') =>
        s.reviewed === 0
          ? 'Staff checked no sentiment labels in this period.'
          : `Staff checked ${s.reviewed} labels; the method had ${s.agreed} right (${percent(s.rate ?? 0, lang)}).`,
      chartValue: 'Agreement with staff',
    },
  },
  themeForm: {
    title: (label) => `Adjust theme ‘${label}’`,
    intro:
      'This theme was formed automatically from residents’ words. Give it a name of your own, or count it under another theme. Your change applies to everyone in your organisation, in every period.',
    key: (key) => `Key of the theme: ${key}`,
    labelNl: 'Own name (Dutch)',
    labelEn: 'Own name (English, optional)',
    labelHint: 'Leave empty to keep the automatic name.',
    mergeInto: 'Merge into',
    mergeNone: 'Do not merge',
    mergeHint: 'This theme’s contributions are then counted under the chosen theme.',
    save: 'Save',
    back: 'Back to the insights',
    saved: 'The change has been saved.',
    removed: 'The change has been removed: the automatic theme is back.',
    unchanged: 'Nothing had changed; nothing was saved.',
    errors: {
      key: 'This theme does not exist. Choose a theme in the table on the insights page.',
      labelNl: 'Give a Dutch name as well, or empty the English name.',
      tooLong: 'A name is at most 80 characters.',
      mergeInto: 'Choose a theme from the list.',
      mergeSelf: 'A theme cannot be merged into itself.',
      cycle: 'That theme has already been merged into this one. Choose another theme.',
      nothing: 'Give a name of your own or choose a theme to merge into.',
      stale:
        'A colleague has changed this theme in the meantime. What you entered is still in the form: check it and save again to replace your colleague’s change.',
    },
  },
  promise: (p: PromiseRange) => {
    const amount = p.from === p.to ? String(p.from) : `${p.from}–${p.to}`;
    const [one, more] = p.unit === 'hours' ? ['office hour', 'office hours'] : ['working day', 'working days'];
    return `${amount} ${p.to === 1 ? one : more}`;
  },

  columns: {
    week: 'Week',
    total: 'Total',
    topic: 'Topic',
    channel: 'Channel',
    term: 'Theme',
    alsoMentioned: 'Also mentioned',
    count: 'Contributions',
    examples: 'Examples',
    promise: 'Promise',
    answered: 'Answered',
    medianDays: 'Median (days)',
    p90Days: '90th percentile (days)',
    onTimeShare: 'On time',
    open: 'Still open',
    overdue: 'Overdue',
    thread: 'Thread',
    platform: 'Platform',
    replies: 'Replies',
    likes: 'Likes',
    reposts: 'Reposts',
    label: 'Sentiment',
    staffSaid: 'According to staff',
    methodSaid: 'According to the method',
    agreed: 'Both',
    precision: 'Precision',
    recall: 'Agreement',
    f1: 'F1',
    share: (label) => `${label} (share)`,
    classified: 'Classified',
    negativeLow: 'Negative, lower bound (95%)',
    negativeHigh: 'Negative, upper bound (95%)',
  },
  audit: {
    title: 'Audit log',
    intro:
      'Every action by staff and by the system, newest first. The log cannot be changed or deleted; only the retention period clears old entries.',
    filters: {
      heading: 'Filters',
      actor: 'Who',
      anyActor: 'Everyone',
      system: 'System',
      resident: 'Resident',
      action: 'Action',
      actionHint: 'For example submission.decision, or only its start: submission',
      subject: 'Subject',
      subjectHint: 'Kind (submission) or id',
      from: 'From (date)',
      to: 'Up to and including (date)',
      apply: 'Search',
      clear: 'Clear filters',
    },
    caption: (from, to, total, more) =>
      total === 0
        ? 'No entries found'
        : `Entries ${enNumber(from)} to ${enNumber(to)} of ${counts.en.count(total, more)}`,
    browseLimit: (limit) =>
      `You are browsing the newest ${enNumber(limit)} entries that match the filters. Find older entries by choosing a period (for the download too).`,
    columns: {
      at: 'When',
      sentence: 'What happened',
      actor: 'Who',
      action: 'Action',
      subject: 'Subject',
      before: 'Before',
      after: 'After',
      details: 'Details',
    },
    pager: 'Pages',
    previous: 'Previous page',
    next: 'Next page',
    page: (page, pages) => `Page ${page} of ${pages}`,
    downloads: 'Download the result',
    csv: 'Audit log as CSV',
    json: 'Audit log as JSON',
    none: '—',
    erasedStaff: 'Erased member of staff',
  },
};

export type SentimentKey = Label | 'unknown';
