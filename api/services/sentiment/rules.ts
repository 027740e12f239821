/**
 * The small closed word classes that steer scoring, per language. Kept apart from the
 * valence lexicons because they change how other words count rather than counting themselves.
 */
export type Language = 'nl' | 'en';

export interface LanguageRules {
  /** Words that negate the next few words of their clause ("niet veilig", "geen goed idee"). */
  negators: ReadonlySet<string>;
  /** Multipliers for the next valenced word: above 1 intensifies ("heel"), below 1 softens ("beetje"). */
  modifiers: ReadonlyMap<string, number>;
  /** Contrast: the clause after it weighs more than the one before ("maar", "but"). */
  contrasts: ReadonlySet<string>;
  /** Concession: the clause it opens weighs less ("hoewel", "although"). */
  concessions: ReadonlySet<string>;
  /** Conjunctions that end a negation's scope, like punctuation does. */
  clauseBreaks: ReadonlySet<string>;
  /** Words after a negator that mean it does not negate ("niet alleen … maar ook"). */
  negationCancellers: ReadonlySet<string>;
  /**
   * Mobility aids, disabilities and access facilities. A clause that names one and holds a
   * negation that negated no valenced word reports a barrier ("met de rollator kom ik er niet
   * op", "geen hellingbaan", "I can't get past with my wheelchair"): a complaint (issue 17).
   * Matched as the start of a word, so Dutch compounds ("rolstoelgebruikers") count too.
   */
  accessWords: readonly string[];
  /** Verbs of getting somewhere: right after an unused negation they report a barrier too ("can't get in"). */
  passageVerbs: ReadonlySet<string>;
}

export const rulesByLanguage: Record<Language, LanguageRules> = {
  nl: {
    negators: new Set([
      'niet',
      'geen',
      'nooit',
      'niemand',
      'niets',
      'niks',
      'nergens',
      'zonder',
      'nauwelijks',
      'amper',
      'allerminst',
      'noch',
      'minder',
      'nimmer',
    ]),
    modifiers: new Map([
      ['heel', 1.4],
      ['erg', 1.4],
      ['zeer', 1.4],
      ['echt', 1.3],
      ['super', 1.5],
      ['hartstikke', 1.5],
      ['ontzettend', 1.5],
      ['enorm', 1.5],
      ['bijzonder', 1.3],
      ['uitermate', 1.5],
      ['ongelooflijk', 1.5],
      ['ongelofelijk', 1.5],
      ['totaal', 1.4],
      ['volledig', 1.3],
      ['compleet', 1.4],
      ['absoluut', 1.4],
      ['extreem', 1.5],
      ['zo', 1.2],
      ['zó', 1.4],
      ['te', 1.2],
      ['veel', 1.2],
      ['behoorlijk', 1.2],
      ['flink', 1.2],
      ['best', 0.9],
      ['vrij', 0.8],
      ['redelijk', 0.7],
      ['nogal', 1.1],
      ['beetje', 0.6],
      ['enigszins', 0.6],
      ['ietwat', 0.6],
      ['iets', 0.7],
      ['wat', 0.8],
      ['tamelijk', 0.8],
      ['weinig', 0.7],
      ['vreselijk', 1.5],
      ['verschrikkelijk', 1.5],
      ['hartelijk', 1.3],
      ['reuze', 1.4],
      ['keihard', 1.4],
      ['overduidelijk', 1.3],
      ['helemaal', 1.3],
      ['zeker', 1.2],
      ['steeds', 1.1],
      ['alsmaar', 1.2],
      ['meer', 1.1],
    ]),
    contrasts: new Set(['maar', 'echter', 'doch', 'alleen']),
    concessions: new Set(['hoewel', 'ofschoon', 'ondanks', 'alhoewel', 'weliswaar']),
    clauseBreaks: new Set([
      'en',
      'maar',
      'want',
      'omdat',
      'dus',
      'of',
      'terwijl',
      'hoewel',
      'echter',
      'doch',
      'als',
      'toen',
      'dat',
      'die',
    ]),
    negationCancellers: new Set(['alleen', 'enkel', 'slechts', 'zomaar']),
    accessWords: [
      'rolstoel',
      'rollator',
      'scootmobiel',
      'kinderwagen',
      'buggy',
      'wandelstok',
      'krukken',
      'blinden',
      'blindengeleide',
      'geleidelijn',
      'slechtziend',
      'slechthorend',
      'doven',
      'gehandicapt',
      'mindervalide',
      'invalide',
      'hellingbaan',
      'oprijplaat',
      'lift',
      'leuning',
      'toegang',
      'ingang',
      'invalidentoilet',
    ],
    passageVerbs: new Set(['erin', 'erop', 'erdoor', 'erlangs', 'erbij', 'eruit', 'langs', 'doorheen']),
  },
  en: {
    negators: new Set([
      'not',
      'no',
      'never',
      'none',
      'nobody',
      'nothing',
      'neither',
      'nor',
      'nowhere',
      'without',
      'hardly',
      'barely',
      'cannot',
      'less',
      'fewer',
      'lack',
      'lacks',
      'lacking',
    ]),
    modifiers: new Map([
      ['very', 1.4],
      ['really', 1.3],
      ['so', 1.3],
      ['extremely', 1.5],
      ['super', 1.5],
      ['totally', 1.4],
      ['absolutely', 1.5],
      ['incredibly', 1.5],
      ['completely', 1.4],
      ['highly', 1.3],
      ['truly', 1.3],
      ['quite', 1.1],
      ['pretty', 1.1],
      ['too', 1.2],
      ['most', 1.3],
      ['much', 1.2],
      ['utterly', 1.5],
      ['deeply', 1.4],
      ['seriously', 1.3],
      ['especially', 1.3],
      ['such', 1.2],
      ['fairly', 0.8],
      ['rather', 0.9],
      ['slightly', 0.6],
      ['somewhat', 0.6],
      ['bit', 0.6],
      ['little', 0.7],
      ['kinda', 0.7],
      ['sort', 0.7],
      ['mostly', 0.9],
      ['partly', 0.7],
      ['damn', 1.4],
      ['fucking', 1.5],
      ['bloody', 1.4],
      ['way', 1.2],
      ['even', 1.1],
      ['more', 1.1],
      ['awfully', 1.4],
      ['terribly', 1.4],
      ['remarkably', 1.3],
    ]),
    contrasts: new Set(['but', 'however', 'nevertheless', 'nonetheless', 'yet', 'though']),
    concessions: new Set(['although', 'despite', 'whereas', 'while']),
    clauseBreaks: new Set([
      'and',
      'but',
      'because',
      'so',
      'or',
      'although',
      'though',
      'however',
      'while',
      'whereas',
      'which',
      'that',
      'when',
      'if',
    ]),
    negationCancellers: new Set(['only', 'just', 'least', 'doubt']),
    accessWords: [
      'wheelchair',
      'walker',
      'rollator',
      'mobility',
      'pram',
      'pushchair',
      'buggy',
      'stroller',
      'crutches',
      'blind',
      'deaf',
      'disabled',
      'disability',
      'ramp',
      'lift',
      'elevator',
      'handrail',
      'entrance',
      'access',
    ],
    passageVerbs: new Set(['get', 'reach', 'enter', 'pass', 'cross', 'board']),
  },
};

/** English contractions ("don't", "isn't") negate like "not". */
export function isContractedNegation(word: string): boolean {
  return (
    word.endsWith("n't") ||
    /^(?:dont|doesnt|didnt|isnt|arent|wasnt|werent|wont|cant|couldnt|shouldnt|wouldnt|havent|hasnt|hadnt|aint)$/.test(
      word,
    )
  );
}
