/**
 * Words on the settings pages (house rules), Dutch first.
 */
import type { HouseRuleAction } from '../../services/house-rule-settings.ts';

const nlActions: Record<HouseRuleAction, string> = {
  added: 'voegde toe',
  edited: 'wijzigde',
  moved: 'verplaatste',
  retired: 'liet vervallen',
  restored: 'liet weer gelden',
};
const enActions: Record<HouseRuleAction, string> = {
  added: 'added',
  edited: 'changed',
  moved: 'moved',
  retired: 'retired',
  restored: 'brought back',
};

export const nl = {
  nav: 'Instellingen',
  title: 'Instellingen',
  intro:
    'Wat inwoners op het portaal over de gemeente en haar regels lezen, en hoe de gemeente is ingedeeld. Alleen beheerders kunnen dit wijzigen.',
  pages: {
    houseRules: 'De regels waar bijdragen aan moeten voldoen, en die moderatoren noemen bij een besluit.',
  },
  houseRules: {
    nav: 'Huisregels',
    title: 'Huisregels',
    intro:
      'Inwoners lezen deze regels op de pagina Huisregels van het portaal. Moderatoren noemen een regel als zij een bijdrage weigeren. Wijzigingen staan na een paar minuten op het portaal.',
    activeHeading: 'Regels die gelden',
    retiredHeading: 'Vervallen regels',
    retiredIntro:
      'Een vervallen regel staat niet meer op het portaal en u kunt hem niet meer kiezen bij een besluit. Besluiten die hem noemden, blijven hem tonen aan de inwoner.',
    none: 'Er zijn nog geen huisregels.',
    ruleHeading: (n: number, title: string) => `${n}. ${title}`,
    code: (code: string) => `Code: ${code}`,
    cited: (n: number) =>
      n === 0
        ? 'Nog niet genoemd bij een besluit.'
        : n === 1
          ? 'Genoemd bij 1 besluit.'
          : `Genoemd bij ${n} besluiten.`,
    channels: (keys: string) => `Geldt voor de kanalen: ${keys}.`,
    titleNl: 'Titel (Nederlands)',
    titleEn: 'Titel (Engels, niet verplicht)',
    bodyNl: 'Uitleg (Nederlands)',
    bodyEn: 'Uitleg (Engels, niet verplicht)',
    save: 'Opslaan',
    up: (title: string) => `Omhoog: ${title}`,
    down: (title: string) => `Omlaag: ${title}`,
    retire: (title: string) => `Laten vervallen: ${title}`,
    restore: (title: string) => `Weer laten gelden: ${title}`,
    addHeading: 'Nieuwe huisregel',
    add: 'Huisregel toevoegen',
    done: {
      added: (title: string) => `Huisregel ‘${title}’ is toegevoegd.`,
      edited: (title: string) => `Huisregel ‘${title}’ is opgeslagen.`,
      moved: (title: string, n: number) => `Huisregel ‘${title}’ staat nu op plaats ${n}.`,
      retired: (title: string) => `Huisregel ‘${title}’ is vervallen.`,
      restored: (title: string) => `Huisregel ‘${title}’ geldt weer. Hij staat onderaan.`,
      unchanged: 'Er was niets gewijzigd.',
    },
    errors: {
      titleNl: 'Vul een Nederlandse titel in.',
      titleLong: 'Maak de titel korter: hoogstens 120 tekens.',
      bodyNl: 'Vul een Nederlandse uitleg in.',
      bodyLong: 'Maak de uitleg korter: hoogstens 2000 tekens.',
      unknownRule: 'Deze huisregel bestaat niet. Laad de pagina opnieuw.',
      cannotMove: 'Deze regel kan niet verder die kant op.',
      version: 'Deze pagina is te oud. Uw invoer staat er nog; controleer hem en sla opnieuw op.',
      stale:
        'Een collega heeft de huisregels gewijzigd nadat u deze pagina opende. Uw invoer staat er nog; controleer hem en sla opnieuw op.',
      change: (by: string | null, action: HouseRuleAction, title: string, at: string) =>
        `${by ?? 'Iemand'} ${nlActions[action] ?? 'wijzigde'} ‘${title}’ (${at}).`,
    },
  },
};

export const en: typeof nl = {
  nav: 'Settings',
  title: 'Settings',
  intro:
    'What residents read on the portal about the municipality and its rules, and how the municipality is organised. Only administrators can change this.',
  pages: {
    houseRules: 'The rules contributions must meet, and which moderators cite in a decision.',
  },
  houseRules: {
    nav: 'House rules',
    title: 'House rules',
    intro:
      'Residents read these rules on the portal’s House rules page. Moderators cite a rule when they reject a contribution. Changes show on the portal after a few minutes.',
    activeHeading: 'Rules in force',
    retiredHeading: 'Retired rules',
    retiredIntro:
      'A retired rule is no longer on the portal and cannot be chosen for a decision. Decisions that cited it keep showing it to the resident.',
    none: 'There are no house rules yet.',
    ruleHeading: (n: number, title: string) => `${n}. ${title}`,
    code: (code: string) => `Code: ${code}`,
    cited: (n: number) =>
      n === 0 ? 'Not cited by a decision yet.' : n === 1 ? 'Cited by 1 decision.' : `Cited by ${n} decisions.`,
    channels: (keys: string) => `Applies to the channels: ${keys}.`,
    titleNl: 'Title (Dutch)',
    titleEn: 'Title (English, optional)',
    bodyNl: 'Explanation (Dutch)',
    bodyEn: 'Explanation (English, optional)',
    save: 'Save',
    up: (title: string) => `Up: ${title}`,
    down: (title: string) => `Down: ${title}`,
    retire: (title: string) => `Retire: ${title}`,
    restore: (title: string) => `Bring back: ${title}`,
    addHeading: 'New house rule',
    add: 'Add house rule',
    done: {
      added: (title: string) => `House rule ‘${title}’ has been added.`,
      edited: (title: string) => `House rule ‘${title}’ has been saved.`,
      moved: (title: string, n: number) => `House rule ‘${title}’ is now in place ${n}.`,
      retired: (title: string) => `House rule ‘${title}’ has been retired.`,
      restored: (title: string) => `House rule ‘${title}’ applies again. It is at the bottom.`,
      unchanged: 'Nothing had changed.',
    },
    errors: {
      titleNl: 'Enter a Dutch title.',
      titleLong: 'Make the title shorter: at most 120 characters.',
      bodyNl: 'Enter a Dutch explanation.',
      bodyLong: 'Make the explanation shorter: at most 2000 characters.',
      unknownRule: 'This house rule does not exist. Reload the page.',
      cannotMove: 'This rule cannot move further that way.',
      version: 'This page is out of date. What you entered is still here; check it and save again.',
      stale:
        'A colleague changed the house rules after you opened this page. What you entered is still here; check it and save again.',
      change: (by: string | null, action: HouseRuleAction, title: string, at: string) =>
        `${by ?? 'Someone'} ${enActions[action] ?? 'changed'} ‘${title}’ (${at}).`,
    },
  },
};
