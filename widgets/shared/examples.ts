/**
 * The shape of a widget's examples file (widgets/<name>/examples.ts). One file per widget
 * drives both its documentation on the portal's embed page (/embed/, /en/embed/) and its
 * browser tests in host pages, so every documented state is tested. Plain data: the Astro
 * build imports these files, so they must not import Lit or the widget itself.
 */
import type { LocalizedText } from '../../shared/contracts/localized-text.ts';

/** Documentation is always in both languages. */
export type Localized = Required<LocalizedText>;

export type AttributeDoc = { name: string; default: string; description: Localized };
export type EventDoc = { name: `podium-${string}`; detail: string; description: Localized };
export type PartDoc = { name: string; description: Localized };
export type CustomPropertyDoc = { name: `--${string}`; fallback: string; description: Localized };

/**
 * The states the host-page tests drive. Each widget lists those it has; the test support
 * (tests/browser/support/widget-states.ts) knows how to bring a widget into each one.
 */
export type WidgetState =
  | 'loading'
  | 'ready'
  | 'empty'
  | 'filled'
  | 'invalid'
  | 'submitting'
  | 'submitted'
  | 'offline'
  | 'offline-loading'
  | 'paged'
  | 'sensitive'
  | 'answered'
  | 'error'
  | 'not-allowed';

export type Example = {
  /** Attributes of the element as a web editor would write them (`api` is added by the page). */
  attributes: Record<string, string>;
  title: Localized;
};

export type WidgetExamples = {
  tag: `podium-${string}`;
  /** The entry file in /widgets/. */
  script: `podium-${string}.js`;
  summary: Localized;
  /** The live example on the embed page (and the element in every host-page test). */
  example: Example;
  attributes: AttributeDoc[];
  events: EventDoc[];
  parts: PartDoc[];
  states: Array<{ state: WidgetState; description: Localized }>;
};

/** Attributes every widget has, from the base class. */
export const commonAttributes: AttributeDoc[] = [
  {
    name: 'api',
    default: 'where the script came from',
    description: {
      nl: 'Adres van Podium, bijvoorbeeld https://inspraak.demodam.nl.',
      en: "Podium's address, for example https://inspraak.demodam.nl.",
    },
  },
  {
    name: 'lang',
    default: 'lang of the closest ancestor, else nl',
    description: {
      nl: 'Taal van de widget: nl of en. De widget verandert de taal van uw pagina nooit.',
      en: 'Language of the widget: nl or en. The widget never changes the language of your page.',
    },
  },
  {
    name: 'heading-level',
    default: '2',
    description: {
      nl: 'Niveau (1–6) van de kop van de widget, zodat die past in de koppen van uw pagina.',
      en: "Level (1–6) of the widget's heading, so it fits the headings of your page.",
    },
  },
  {
    name: 'messages',
    default: '—',
    description: {
      nl: 'JSON met eigen teksten, bijvoorbeeld {"nl":{"submit":"Verstuur"}}.',
      en: 'JSON with your own texts, for example {"en":{"submit":"Send"}}.',
    },
  },
];

/**
 * The CSS custom properties every widget reads: NL Design System (Utrecht) tokens, so an
 * existing theme applies, and a few of Podium's own. They inherit into the shadow root.
 * tests/unit/widgets/examples.test.ts checks this list against the widgets' CSS.
 */
export const customProperties: CustomPropertyDoc[] = [
  ...(
    [
      ['--utrecht-document-font-family', 'inherit', 'Lettertype', 'Font family'],
      ['--utrecht-document-color', 'inherit', 'Tekstkleur', 'Text colour'],
      ['--utrecht-document-background-color', 'transparent', 'Achtergrond', 'Background'],
      ['--utrecht-document-line-height', '1.5', 'Regelhoogte', 'Line height'],
      ['--utrecht-heading-font-family', 'inherit', 'Lettertype van koppen', 'Font family of headings'],
      ['--utrecht-heading-color', 'inherit', 'Kleur van koppen', 'Colour of headings'],
      ['--utrecht-heading-font-weight', '700', 'Dikte van koppen', 'Weight of headings'],
      ['--utrecht-link-color', '#1a4f8b', 'Kleur van links', 'Colour of links'],
      ['--utrecht-button-primary-action-background-color', '#1a4f8b', 'Achtergrond van knoppen', 'Button background'],
      ['--utrecht-button-primary-action-hover-background-color', '#123a67', 'Knop onder de muis', 'Button on hover'],
      ['--utrecht-button-primary-action-color', '#fff', 'Tekst op knoppen', 'Button text'],
      ['--utrecht-button-primary-action-border-color', 'transparent', 'Rand van knoppen', 'Button border'],
      [
        '--utrecht-button-secondary-action-color',
        'primary colour',
        'Tekst van tweede knoppen',
        'Secondary button text',
      ],
      [
        '--utrecht-button-secondary-action-background-color',
        'transparent',
        'Achtergrond van tweede knoppen',
        'Secondary button background',
      ],
      [
        '--utrecht-button-secondary-action-border-color',
        'currentColor',
        'Rand van tweede knoppen',
        'Secondary button border',
      ],
      ['--utrecht-button-border-radius', '0.25em', 'Ronding van knoppen', 'Button corner radius'],
      ['--utrecht-button-border-width', '0.125em', 'Randdikte van knoppen', 'Button border width'],
      ['--utrecht-button-font-weight', '700', 'Dikte van knoptekst', 'Button text weight'],
      ['--utrecht-button-padding-inline-start', '1.25em', 'Ruimte links in knoppen', 'Button padding (start)'],
      ['--utrecht-button-padding-inline-end', '1.25em', 'Ruimte rechts in knoppen', 'Button padding (end)'],
      ['--utrecht-form-control-border-color', '#595959', 'Rand van invoervelden', 'Input border'],
      ['--utrecht-form-control-border-width', '0.125em', 'Randdikte van invoervelden', 'Input border width'],
      ['--utrecht-form-control-border-radius', '0.25em', 'Ronding van invoervelden', 'Input corner radius'],
      ['--utrecht-form-control-background-color', '#fff', 'Achtergrond van invoervelden', 'Input background'],
      ['--utrecht-form-control-color', '#1a1a1a', 'Tekst in invoervelden en kaders', 'Input and panel text'],
      [
        '--utrecht-form-control-invalid-border-color',
        '#b30000',
        'Rand van een fout veld',
        'Border of an invalid field',
      ],
      ['--utrecht-form-field-invalid-color', '#b30000', 'Kleur van foutmeldingen', 'Colour of error messages'],
      ['--utrecht-form-field-description-color', '#4b4b4b', 'Kleur van uitleg', 'Colour of hints'],
      ['--utrecht-form-label-font-weight', '700', 'Dikte van labels', 'Label weight'],
      [
        '--utrecht-checkbox-checked-background-color',
        'primary colour',
        'Kleur van aangevinkte keuzes',
        'Checked colour',
      ],
      ['--utrecht-focus-outline-color', '#000', 'Kleur van de focusrand', 'Focus outline colour'],
      ['--utrecht-focus-outline-width', '0.1875em', 'Dikte van de focusrand', 'Focus outline width'],
      ['--utrecht-focus-outline-style', 'solid', 'Stijl van de focusrand', 'Focus outline style'],
      ['--utrecht-focus-outline-offset', '0.125em', 'Afstand van de focusrand', 'Focus outline offset'],
      ['--utrecht-alert-background-color', '#f3f6fa', 'Achtergrond van meldingen', 'Notice background'],
      ['--utrecht-alert-ok-border-color', '#1e6b36', 'Rand van de bevestiging', 'Confirmation border'],
      ['--podium-space', '1em', 'Ruimte tussen onderdelen', 'Space between parts'],
      ['--podium-heading-font-size', '1.5em', 'Grootte van de kop', 'Size of the heading'],
      ['--podium-subheading-font-size', '1.2em', 'Grootte van tussenkoppen', 'Size of sub-headings'],
      ['--podium-input-max-inline-size', '40em', 'Maximale breedte van invoervelden', 'Maximum width of inputs'],
      ['--podium-code-font-family', 'monospace', 'Lettertype van de volgcode', 'Font of the follow-up code'],
    ] as const
  ).map(([name, fallback, nl, en]) => ({ name, fallback, description: { nl, en } })),
];

/** States every widget that loads data has. */
export const loadStates: WidgetExamples['states'] = [
  {
    state: 'loading',
    description: { nl: 'De gegevens worden geladen.', en: 'The data is loading.' },
  },
  {
    state: 'error',
    description: {
      nl: 'Laden lukte niet; een knop probeert het opnieuw.',
      en: 'Loading failed; a button tries again.',
    },
  },
  {
    state: 'offline-loading',
    description: {
      nl: 'Geen verbinding tijdens het laden: de widget zegt dat, heeft een knop om het opnieuw te proberen en laadt vanzelf als de verbinding terug is.',
      en: 'No connection while loading: the widget says so, has a button to try again and loads by itself when the connection is back.',
    },
  },
  {
    state: 'not-allowed',
    description: {
      nl: 'Uw webadres staat niet in de lijst van Podium: de widget zegt dat tegen de webredacteur.',
      en: "Your web address is not in Podium's list: the widget tells the web editor so.",
    },
  },
];
