/**
 * Words on the organisation and departments settings pages, Dutch first.
 */
import type { SocialAuthorDisplay, SocialAutoPublish } from '../../db/schema.ts';
import { USE_COUNT_LIMIT, type DepartmentAction, type DepartmentUse } from '../../services/department-settings.ts';
import * as counts from '../../../shared/texts/counts.ts';
import type { LogoProblem, OrganisationPart } from '../../services/organisation-settings.ts';
import { shownRatio, type ThemeToken } from '../../../shared/theme.ts';

const kb = (bytes: number) => `${Math.round(bytes / 1024)} kB`;

const nlParts: Record<OrganisationPart, string> = {
  general: 'de naam of de gespiegelde gesprekken',
  logo: 'het logo',
  logo_alt: 'de tekst bij het logo',
  logo_removed: 'het logo (weggehaald)',
  theme: 'de huisstijlkleuren',
  languages: 'de talen van het portaal',
};
const enParts: Record<OrganisationPart, string> = {
  general: 'the name or the mirrored conversations',
  logo: 'the logo',
  logo_alt: "the logo's text",
  logo_removed: 'the logo (removed)',
  theme: 'the house colours',
  languages: "the portal's languages",
};
const nlTokens: Record<ThemeToken, string> = {
  accent: 'accentkleur',
  onAccent: 'tekstkleur op de accentkleur',
  focus: 'focusrand',
};
const enTokens: Record<ThemeToken, string> = {
  accent: 'accent colour',
  onAccent: 'text colour on the accent',
  focus: 'focus ring',
};
const nlDeptActions: Record<DepartmentAction, string> = {
  added: 'voegde toe',
  renamed: 'wijzigde de naam van',
  removed: 'verwijderde',
};
const enDeptActions: Record<DepartmentAction, string> = { added: 'added', renamed: 'renamed', removed: 'removed' };

/** Counts that stop at the limit (services/department-settings.ts) read "more than" past it. */
const nlCount = (n: number) => counts.nl.count(Math.min(n, USE_COUNT_LIMIT), n > USE_COUNT_LIMIT);
const enCount = (n: number) => counts.en.count(Math.min(n, USE_COUNT_LIMIT), n > USE_COUNT_LIMIT);

const nlUse: Record<keyof DepartmentUse, (n: number) => string> = {
  consultations: (n) => (n === 1 ? '1 consultatie' : `${n} consultaties`),
  routingRules: (n) => (n === 1 ? '1 routeringsregel' : `${n} routeringsregels`),
  guidelines: (n) => (n === 1 ? '1 kanaalrichtlijn' : `${n} kanaalrichtlijnen`),
  roles: (n) => (n === 1 ? '1 rol van een collega' : `${n} rollen van collega’s`),
  roleMappings: (n) =>
    n === 1 ? '1 koppeling bij aanmelden via de organisatie' : `${n} koppelingen bij aanmelden via de organisatie`,
  routedItems: (n) =>
    n === 1 ? '1 toegewezen bijdrage of bericht' : `${nlCount(n)} toegewezen bijdragen of berichten`,
  answers: (n) => (n === 1 ? '1 gegeven antwoord' : `${nlCount(n)} gegeven antwoorden`),
};
const enUse: typeof nlUse = {
  consultations: (n) => (n === 1 ? '1 consultation' : `${n} consultations`),
  routingRules: (n) => (n === 1 ? '1 routing rule' : `${n} routing rules`),
  guidelines: (n) => (n === 1 ? '1 channel guideline' : `${n} channel guidelines`),
  roles: (n) => (n === 1 ? "1 colleague's role" : `${n} colleagues' roles`),
  roleMappings: (n) => (n === 1 ? '1 sign-in role mapping' : `${n} sign-in role mappings`),
  routedItems: (n) => (n === 1 ? '1 assigned contribution or post' : `${enCount(n)} assigned contributions or posts`),
  answers: (n) => (n === 1 ? '1 answer given' : `${enCount(n)} answers given`),
};
const useList = (words: typeof nlUse, use: DepartmentUse, and: string) => {
  const parts = (Object.keys(words) as Array<keyof DepartmentUse>)
    .filter((k) => use[k] > 0)
    .map((k) => words[k](use[k]));
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} ${and} ${parts.at(-1)}`;
};

export const nl = {
  organisation: {
    title: 'Organisatie',
    what: 'De naam, het logo, de huisstijlkleuren en de talen van het portaal, en hoe gespiegelde gesprekken van sociale media op het portaal staan.',
    intro:
      'Inwoners zien de naam en het logo bovenaan elke pagina van het portaal. Wijzigingen staan na een paar minuten op het portaal.',
    generalHeading: 'Naam en gespiegelde gesprekken',
    nameNl: 'Naam (Nederlands)',
    nameEn: 'Naam (Engels, niet verplicht)',
    nameEnHint: 'Leeg: de Engelse pagina’s tonen de Nederlandse naam.',
    authorDisplay: 'Hoe inwoners in gespiegelde gesprekken staan',
    authorDisplays: {
      pseudonym: {
        label: 'Met een schuilnaam (“Inwoner A”)',
        hint: 'Aanbevolen: niemand is op het portaal te herkennen.',
      },
      initials: {
        label: 'Met voorletters (“Inwoner F.D.”)',
        hint: 'Mensen die elkaar kennen, herkennen elkaar misschien.',
      },
      none: {
        label: 'Met naam en account zoals op het platform',
        hint: 'Alleen als de gemeente een grondslag heeft om die namen te publiceren (AVG).',
      },
    } satisfies Record<SocialAuthorDisplay, { label: string; hint: string }>,
    autoPublish: 'Welke berichten zonder moderator op het portaal komen',
    autoPublishHint: 'Reacties van inwoners worden altijd eerst gemodereerd.',
    autoPublishes: {
      own: 'Alleen berichten van de eigen accounts van de gemeente',
      official: 'Berichten van de eigen accounts en van andere overheden',
      none: 'Geen: een moderator beoordeelt elk bericht',
    } satisfies Record<SocialAutoPublish, string>,
    saveGeneral: 'Opslaan',
    logoHeading: 'Logo',
    noLogo: 'Er is nog geen logo. Zonder logo toont het portaal alleen de naam.',
    currentLogo: 'Het logo nu',
    logoFacts: (type: string, width: number, height: number, bytes: number) =>
      `${type}, ${width} × ${height} pixels, ${kb(bytes)}.`,
    logoFile: 'Bestand met het logo',
    logoFileHint: (max: number) =>
      `PNG of JPEG, hoogstens ${kb(max)}. Geen SVG: een SVG-bestand kan code bevatten. Sla het logo als PNG op.`,
    logoFileKeep: 'Kiest u geen bestand, dan blijft het logo hetzelfde en slaat u alleen de tekst op.',
    altNl: 'Tekst bij het logo (Nederlands)',
    altHint:
      'Voor wie het logo niet ziet. Het portaal zet de naam van de gemeente er als tekst naast; zeg dus wat het logo verder laat zien, bijvoorbeeld “Wapen van Demodam”.',
    altEn: 'Tekst bij het logo (Engels, niet verplicht)',
    saveLogo: 'Logo opslaan',
    removeLogo: 'Logo weghalen',
    themeHeading: 'Huisstijlkleuren',
    themeIntro:
      'Podium neemt alleen kleuren aan die voor iedereen goed te lezen zijn (WCAG 2.2): tekst minstens 4,5 : 1 tegen de witte achtergrond en tegen de accentkleur, de focusrand minstens 3 : 1.',
    colourHint: 'Als #rrggbb, bijvoorbeeld #0066cc.',
    tokens: {
      accent: 'Accentkleur (links, knoppen, randen)',
      onAccent: 'Tekstkleur op de accentkleur (tekst in knoppen)',
      focus: 'Kleur van de focusrand',
    } satisfies Record<ThemeToken, string>,
    /** The ratio as shown (`shown`: already formatted, or `{ratio}` for the preview script to fill in). */
    ratioNow: (shown: string, required: number, against: string) =>
      `Contrast met ${against}: ${shown} : 1 (nodig: ${String(required).replace('.', ',')} : 1).`,
    decimal: ',',
    against: { background: 'de witte achtergrond', accent: 'de accentkleur' },
    saveTheme: 'Kleuren opslaan',
    resetTheme: 'Kleuren van Podium terugzetten',
    languagesHeading: 'Talen van het portaal',
    languagesLegend: 'Talen die het portaal aanbiedt',
    languagesHint:
      'Nederlands staat altijd aan. Zonder Engels linkt geen pagina naar Engelse pagina’s en verdwijnt de taalkeuze.',
    languageNames: { nl: 'Nederlands (altijd)', en: 'Engels' },
    saveLanguages: 'Talen opslaan',
    done: {
      general: 'De naam en de instellingen zijn opgeslagen.',
      logo: 'Het logo is opgeslagen.',
      logo_alt: 'De tekst bij het logo is opgeslagen.',
      logo_removed: 'Het logo is weggehaald.',
      theme: 'De huisstijlkleuren zijn opgeslagen.',
      languages: 'De talen van het portaal zijn opgeslagen.',
      unchanged: 'Er was niets gewijzigd.',
    } satisfies Record<OrganisationPart | 'unchanged', string>,
    errors: {
      nameNl: 'Vul de Nederlandse naam in.',
      nameLong: 'Maak de naam korter: hoogstens 120 tekens.',
      authorDisplay: 'Kies hoe inwoners in gespiegelde gesprekken staan.',
      autoPublish: 'Kies welke berichten zonder moderator op het portaal komen.',
      altNl: 'Vul de tekst bij het logo in, bijvoorbeeld de naam die erin staat.',
      altLong: 'Maak de tekst bij het logo korter: hoogstens 250 tekens.',
      noFile: 'Kies een bestand met het logo.',
      logo: {
        empty: 'Het bestand is leeg. Kies het bestand opnieuw.',
        too_large: `Het bestand is te groot. Kies een logo van hoogstens ${kb(256 * 1024)}.`,
        svg: 'SVG-bestanden nemen we niet aan, omdat ze code kunnen bevatten. Sla het logo op als PNG en kies dat bestand.',
        type: 'Dit is geen PNG- of JPEG-bestand. Kies een logo in PNG of JPEG.',
        dimensions: 'Het logo is te groot of heeft geen afmetingen: hoogstens 4000 pixels breed en hoog.',
        damaged: 'Dit bestand is beschadigd of onvolledig. Sla het logo opnieuw op als PNG en kies dat bestand.',
      } satisfies Record<LogoProblem, string>,
      fileAgain: 'Kies het bestand opnieuw: een browser stuurt het na een fout niet nog eens mee.',
      colour: 'Vul een kleur in als # met zes tekens 0-9 of a-f, bijvoorbeeld #0066cc.',
      contrast: (token: ThemeToken, against: 'background' | 'accent', ratio: number, required: number) =>
        `Het contrast van de ${nlTokens[token]} met ${against === 'background' ? 'de witte achtergrond' : 'de accentkleur'} is ${shownRatio(ratio).replace('.', ',')} : 1; nodig is minstens ${String(required).replace('.', ',')} : 1. ${against === 'background' ? 'Kies een donkerder kleur.' : 'Kies een kleur die meer verschilt van de accentkleur.'}`,
      dutch: 'Nederlands blijft altijd aan.',
      noLogo: 'Er is geen logo meer. Laad de pagina opnieuw.',
      version: 'Deze pagina is te oud. Uw invoer staat er nog; controleer hem en sla opnieuw op.',
      stale:
        'Een collega heeft de instellingen van de organisatie gewijzigd nadat u deze pagina opende. Uw invoer staat er nog; controleer hem en sla opnieuw op.',
      change: (by: string | null, part: OrganisationPart, at: string) =>
        `${by ?? 'Iemand'} wijzigde ${nlParts[part] ?? 'de instellingen'} (${at}).`,
    },
  },
  departments: {
    title: 'Afdelingen',
    what: 'De afdelingen waar bijdragen en berichten heen gaan, en waar collega’s een rol in hebben.',
    intro:
      'Routeringsregels, kanaalrichtlijnen en rollen van collega’s verwijzen naar deze afdelingen. Een afdeling verwijdert u pas als niets er meer naar verwijst.',
    listHeading: 'Afdelingen',
    none: 'Er zijn nog geen afdelingen.',
    code: (slug: string) => `Code: ${slug}`,
    used: (use: DepartmentUse) => `In gebruik bij ${useList(nlUse, use, 'en')}.`,
    unused: 'Nergens in gebruik.',
    nameNl: 'Naam (Nederlands)',
    nameEn: 'Naam (Engels, niet verplicht)',
    rename: (name: string) => `Naam opslaan: ${name}`,
    remove: (name: string) => `Verwijderen: ${name}`,
    addHeading: 'Nieuwe afdeling',
    add: 'Afdeling toevoegen',
    done: {
      added: (name: string) => `Afdeling ‘${name}’ is toegevoegd.`,
      renamed: (name: string) => `De naam ‘${name}’ is opgeslagen.`,
      removed: 'De afdeling is verwijderd.',
      unchanged: 'Er was niets gewijzigd.',
    },
    errors: {
      nameNl: 'Vul de Nederlandse naam van de afdeling in.',
      nameLong: 'Maak de naam korter: hoogstens 120 tekens.',
      nameTaken: 'Er is al een afdeling met deze naam. Kies een andere naam.',
      unknown: 'Deze afdeling bestaat niet (meer). Laad de pagina opnieuw.',
      inUse: (use: DepartmentUse) =>
        `Deze afdeling is nog in gebruik bij ${useList(nlUse, use, 'en')}. Wijs die eerst aan een andere afdeling toe.`,
      version: 'Deze pagina is te oud. Uw invoer staat er nog; controleer hem en sla opnieuw op.',
      stale:
        'Een collega heeft de afdelingen gewijzigd nadat u deze pagina opende. Uw invoer staat er nog; controleer hem en sla opnieuw op.',
      change: (by: string | null, action: DepartmentAction, name: string, at: string) =>
        `${by ?? 'Iemand'} ${nlDeptActions[action] ?? 'wijzigde'} ‘${name}’ (${at}).`,
    },
  },
};

export const en: typeof nl = {
  organisation: {
    title: 'Organisation',
    what: "The portal's name, logo, house colours and languages, and how mirrored social-media conversations appear on the portal.",
    intro:
      'Residents see the name and logo at the top of every portal page. Changes show on the portal after a few minutes.',
    generalHeading: 'Name and mirrored conversations',
    nameNl: 'Name (Dutch)',
    nameEn: 'Name (English, optional)',
    nameEnHint: 'Empty: the English pages show the Dutch name.',
    authorDisplay: 'How residents appear in mirrored conversations',
    authorDisplays: {
      pseudonym: {
        label: 'With a pseudonym (“Resident A”)',
        hint: 'Recommended: nobody can be recognised on the portal.',
      },
      initials: {
        label: 'With initials (“Resident F.D.”)',
        hint: 'People who know each other may recognise each other.',
      },
      none: {
        label: 'With name and account as on the platform',
        hint: 'Only if the municipality has a legal basis to publish those names (GDPR).',
      },
    },
    autoPublish: 'Which posts reach the portal without a moderator',
    autoPublishHint: "Residents' replies are always moderated first.",
    autoPublishes: {
      own: "Only posts by the municipality's own accounts",
      official: 'Posts by its own accounts and by other public bodies',
      none: 'None: a moderator reviews every post',
    },
    saveGeneral: 'Save',
    logoHeading: 'Logo',
    noLogo: 'There is no logo yet. Without a logo the portal shows only the name.',
    currentLogo: 'The logo now',
    logoFacts: (type: string, width: number, height: number, bytes: number) =>
      `${type}, ${width} × ${height} pixels, ${kb(bytes)}.`,
    logoFile: 'File with the logo',
    logoFileHint: (max: number) =>
      `PNG or JPEG, at most ${kb(max)}. No SVG: an SVG file can contain code. Save the logo as PNG.`,
    logoFileKeep: 'Without a file, the logo stays the same and only the text is saved.',
    altNl: 'Text for the logo (Dutch)',
    altHint:
      'For people who cannot see the logo. The portal puts the municipality’s name beside it as text, so say what else the logo shows, for example “Coat of arms of Demodam”.',
    altEn: 'Text for the logo (English, optional)',
    saveLogo: 'Save logo',
    removeLogo: 'Remove logo',
    themeHeading: 'House colours',
    themeIntro:
      'Podium accepts only colours everyone can read (WCAG 2.2): text at least 4.5:1 against the white background and against the accent, the focus ring at least 3:1.',
    colourHint: 'As #rrggbb, for example #0066cc.',
    tokens: {
      accent: 'Accent colour (links, buttons, borders)',
      onAccent: 'Text colour on the accent (text in buttons)',
      focus: 'Focus ring colour',
    },
    ratioNow: (shown: string, required: number, against: string) =>
      `Contrast with ${against}: ${shown}:1 (required: ${required}:1).`,
    decimal: '.',
    against: { background: 'the white background', accent: 'the accent colour' },
    saveTheme: 'Save colours',
    resetTheme: "Restore Podium's colours",
    languagesHeading: "The portal's languages",
    languagesLegend: 'Languages the portal offers',
    languagesHint: 'Dutch is always on. Without English no page links to English pages and the language switch goes.',
    languageNames: { nl: 'Dutch (always)', en: 'English' },
    saveLanguages: 'Save languages',
    done: {
      general: 'The name and settings have been saved.',
      logo: 'The logo has been saved.',
      logo_alt: "The logo's text has been saved.",
      logo_removed: 'The logo has been removed.',
      theme: 'The house colours have been saved.',
      languages: "The portal's languages have been saved.",
      unchanged: 'Nothing had changed.',
    },
    errors: {
      nameNl: 'Enter the Dutch name.',
      nameLong: 'Make the name shorter: at most 120 characters.',
      authorDisplay: 'Choose how residents appear in mirrored conversations.',
      autoPublish: 'Choose which posts reach the portal without a moderator.',
      altNl: 'Enter the text for the logo, for example the name in it.',
      altLong: "Make the logo's text shorter: at most 250 characters.",
      noFile: 'Choose a file with the logo.',
      logo: {
        empty: 'The file is empty. Choose the file again.',
        too_large: `The file is too large. Choose a logo of at most ${kb(256 * 1024)}.`,
        svg: 'SVG files are not accepted, because they can contain code. Save the logo as PNG and choose that file.',
        type: 'This is not a PNG or JPEG file. Choose a logo in PNG or JPEG.',
        dimensions: 'The logo is too large or has no size: at most 4000 pixels wide and high.',
        damaged: 'This file is damaged or incomplete. Save the logo again as PNG and choose that file.',
      },
      fileAgain: 'Choose the file again: a browser does not send it a second time after an error.',
      colour: 'Enter a colour as # followed by six characters 0-9 or a-f, for example #0066cc.',
      contrast: (token: ThemeToken, against: 'background' | 'accent', ratio: number, required: number) =>
        `The contrast of the ${enTokens[token]} with ${against === 'background' ? 'the white background' : 'the accent colour'} is ${shownRatio(ratio)}:1; at least ${required}:1 is required. ${against === 'background' ? 'Choose a darker colour.' : 'Choose a colour that differs more from the accent.'}`,
      dutch: 'Dutch always stays on.',
      noLogo: 'There is no logo any more. Reload the page.',
      version: 'This page is out of date. What you entered is still here; check it and save again.',
      stale:
        "A colleague changed the organisation's settings after you opened this page. What you entered is still here; check it and save again.",
      change: (by: string | null, part: OrganisationPart, at: string) =>
        `${by ?? 'Someone'} changed ${enParts[part] ?? 'the settings'} (${at}).`,
    },
  },
  departments: {
    title: 'Departments',
    what: 'The departments contributions and posts are routed to, and in which colleagues have a role.',
    intro:
      "Routing rules, channel guidelines and colleagues' roles refer to these departments. You can remove a department only when nothing refers to it any more.",
    listHeading: 'Departments',
    none: 'There are no departments yet.',
    code: (slug: string) => `Code: ${slug}`,
    used: (use: DepartmentUse) => `Used by ${useList(enUse, use, 'and')}.`,
    unused: 'Not used anywhere.',
    nameNl: 'Name (Dutch)',
    nameEn: 'Name (English, optional)',
    rename: (name: string) => `Save name: ${name}`,
    remove: (name: string) => `Remove: ${name}`,
    addHeading: 'New department',
    add: 'Add department',
    done: {
      added: (name: string) => `Department ‘${name}’ has been added.`,
      renamed: (name: string) => `The name ‘${name}’ has been saved.`,
      removed: 'The department has been removed.',
      unchanged: 'Nothing had changed.',
    },
    errors: {
      nameNl: "Enter the department's Dutch name.",
      nameLong: 'Make the name shorter: at most 120 characters.',
      nameTaken: 'There is already a department with this name. Choose another name.',
      unknown: 'This department does not exist (any more). Reload the page.',
      inUse: (use: DepartmentUse) =>
        `This department is still used by ${useList(enUse, use, 'and')}. Assign those to another department first.`,
      version: 'This page is out of date. What you entered is still here; check it and save again.',
      stale:
        'A colleague changed the departments after you opened this page. What you entered is still here; check it and save again.',
      change: (by: string | null, action: DepartmentAction, name: string, at: string) =>
        `${by ?? 'Someone'} ${enDeptActions[action] ?? 'changed'} ‘${name}’ (${at}).`,
    },
  },
};
