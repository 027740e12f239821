import { emojiValence } from './emoji.ts';
import { lexiconFor } from './lexicon.ts';
import { isContractedNegation, rulesByLanguage, type Language } from './rules.ts';
import { tokenise, type Token } from './tokenise.ts';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface SentimentResult {
  label: SentimentLabel;
  /** −1 (most negative) … +1 (most positive). */
  score: number;
  /** 0 … 1: how far the score is from the decision boundary, and how much evidence there was. */
  confidence: number;
  /** Which method, and which version of it, produced this result; stored with the result. */
  method: string;
}

/** Bump when lexicons, rules or thresholds change, so that stored results can be told apart. */
export const lexiconMethod = 'podium-lexicon-nl-en@2';

// Tuned on the development sets (see tests/bench/sentiment.ts); the held-out sets were not used.
const tuning = {
  /** |score| below this is neutral. */
  neutralBand: 0.2,
  /** A negated word keeps this much of its strength, with the sign flipped (VADER uses 0.74). */
  negationFactor: -0.74,
  /**
   * A negated negative word keeps less: "niet onveilig" is not "veilig", "not bad" is faint
   * praise (litotes). Negated praise stays close to blame ("niet goed").
   */
  negatedNegativeFactor: -0.4,
  /** A barrier reported with a negation and an access word or verb (see `accessWords` in rules.ts). */
  barrier: -1.2,
  /** Words a negator reaches, unless punctuation or a conjunction comes first. */
  negationReach: 3,
  /** Words a negation that has negated nothing yet reaches, within its clause. */
  unusedNegationReach: 6,
  /** Before "maar"/"but" a clause counts this much; after it, contrastAfter. */
  contrastBefore: 0.5,
  contrastAfter: 1.5,
  /** A clause opened by "hoewel"/"although" counts this much. */
  concession: 0.5,
  /** A sentence that is a question counts this much: most questions ask rather than judge. */
  question: 0.45,
  /** Each "!" (up to three) adds this share to its sentence. */
  exclamation: 0.15,
  /** A word in capitals in a text that is not all capitals. */
  shouted: 1.3,
  /** Positive words next to an eye-roll are sarcasm ("Geweldig, weer een afsluiting 🙄"). */
  sarcasm: -0.5,
  /** VADER's normalisation constant: score = sum / sqrt(sum² + alpha). */
  alpha: 15,
};

// Emoji that turn praise in the same text into sarcasm.
const sarcasmMarkers = new Set(['🙄', '😒', '🙃']);

interface Sentence {
  sum: number;
  question: boolean;
  exclamations: number;
}

/**
 * Sentiment of one post in Dutch or English, by lexicon and rules: negation with a scope
 * that ends at punctuation or a conjunction, intensifiers and softeners, contrast
 * ("maar", "but": the clause after weighs more), questions leaning neutral, emoji.
 * A pure function: no I/O, no state beyond lexicons built once per process.
 *
 * @example
 * classifySentiment('Het fietspad is niet veilig', 'nl').label; // 'negative'
 */
export function classifySentiment(text: string, language: string): SentimentResult {
  return analyseSentiment(text, language).result;
}

/** The lexicon's result with the absolute valence it found (0: no sentiment-bearing word at all). */
export function analyseSentiment(text: string, language: string): { result: SentimentResult; evidence: number } {
  const lang: Language = language.toLowerCase().startsWith('en') ? 'en' : 'nl';
  const { sum, evidence } = scoreTokens(tokenise(text), lang);
  const score = sum / Math.sqrt(sum * sum + tuning.alpha);
  return { result: { ...labelFromScore(score, evidence), method: lexiconMethod }, evidence };
}

/** Label and confidence from a normalised score and the total absolute valence seen. */
export function labelFromScore(score: number, evidence: number): Omit<SentimentResult, 'method'> {
  const band = tuning.neutralBand;
  const magnitude = Math.abs(score);
  if (magnitude < band) {
    // Neutral is surest when nothing valenced was found at all, least sure near the boundary.
    const distance = 1 - magnitude / band;
    const confidence = evidence === 0 ? 0.6 : 0.4 + 0.35 * distance;
    return { label: 'neutral', score: round(score), confidence: round(confidence) };
  }
  const confidence = Math.min(0.98, 0.5 + 0.5 * Math.tanh((3 * (magnitude - band)) / (1 - band)));
  return { label: score > 0 ? 'positive' : 'negative', score: round(score), confidence: round(confidence) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Sums valences over the tokens with the rules applied; `evidence` is the absolute valence seen. */
export function scoreTokens(tokens: readonly Token[], lang: Language): { sum: number; evidence: number } {
  const rules = rulesByLanguage[lang];
  const lexicon = lexiconFor(lang);
  const sentences: Sentence[] = [];
  let sentence: Sentence = { sum: 0, question: false, exclamations: 0 };
  let negationLeft = 0;
  let modifier = 1;
  let modifierLeft = 0;
  let clauseWeight = 1;
  let concessionOpen = false;
  let contrastSeen = false;
  let evidence = 0;
  // The last valenced word of the clause that no negation reached, for Dutch negation that
  // follows its word at the end of a clause ("veilig is het niet").
  let lastInClause: { contribution: number; wordsAgo: number } | undefined;
  const sarcastic = tokens.some((token) => token.kind === 'emoji' && sarcasmMarkers.has(token.text));
  // Barrier detection per clause: a verb of passage right after a negation ("can't get past"),
  // or a negation that negated no valenced word beside an access word ("geen hellingbaan").
  // Counted once per clause, when the clause ends.
  let unusedNegation = false;
  let accessSeen = false;
  let passageAfterNegation = false;
  let wordsSinceNegation = 0;
  let erSeen = false;
  const closeClause = () => {
    if (passageAfterNegation || (unusedNegation && accessSeen)) {
      sentence.sum += tuning.barrier * clauseWeight;
      evidence += Math.abs(tuning.barrier);
    }
    unusedNegation = false;
    accessSeen = false;
    passageAfterNegation = false;
    erSeen = false;
  };

  const closeSentence = () => {
    if (sentence.sum !== 0) sentences.push(sentence);
    sentence = { sum: 0, question: false, exclamations: 0 };
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'punctuation') {
      closeClause();
      negationLeft = 0;
      modifierLeft = 0;
      lastInClause = undefined;
      if (concessionOpen && /[,.;!?]/.test(token.text)) {
        concessionOpen = false;
        clauseWeight = contrastSeen ? tuning.contrastAfter : 1;
      }
      if (/[!?.;…]/.test(token.text)) {
        sentence.question ||= token.text.includes('?');
        sentence.exclamations += Math.min(3, (token.text.match(/!/g) ?? []).length);
        closeSentence();
      }
      continue;
    }
    if (token.kind !== 'word') {
      const valence = emojiValence.get(token.text);
      if (valence !== undefined) {
        sentence.sum += valence * clauseWeight;
        evidence += Math.abs(valence);
      }
      continue;
    }

    const word = token.text;
    if (rules.accessWords.some((access) => word.startsWith(access))) accessSeen = true;
    if (unusedNegation && wordsSinceNegation < 3 && isPassage(word, lang, erSeen, rules.passageVerbs))
      passageAfterNegation = true;
    if (word === 'er') erSeen = true;
    wordsSinceNegation++;
    if (rules.contrasts.has(word) && !(i > 0 && rules.negators.has(tokens[i - 1]!.text))) {
      closeClause();
      // Everything so far counts less; what follows counts more.
      for (const earlier of sentences) earlier.sum *= tuning.contrastBefore;
      sentence.sum *= tuning.contrastBefore;
      clauseWeight = tuning.contrastAfter;
      contrastSeen = true;
      negationLeft = 0;
      lastInClause = undefined;
      continue;
    }
    if (rules.concessions.has(word)) {
      closeClause();
      concessionOpen = true;
      clauseWeight = tuning.concession;
      negationLeft = 0;
      lastInClause = undefined;
      continue;
    }
    if (lastInClause) lastInClause.wordsAgo++;
    if (rules.negators.has(word) || (lang === 'en' && isContractedNegation(word))) {
      const next = tokens[i + 1];
      if (!(next && rules.negationCancellers.has(next.text))) {
        negationLeft = tuning.negationReach;
        unusedNegation = true;
        wordsSinceNegation = 0;
      }
      const clauseEndsHere = !next || next.kind === 'punctuation' || rules.clauseBreaks.has(next.text);
      if (lang === 'nl' && word === 'niet' && clauseEndsHere && lastInClause && lastInClause.wordsAgo <= 4) {
        sentence.sum += lastInClause.contribution * (negationFactorFor(lastInClause.contribution) - 1);
        lastInClause = undefined;
        unusedNegation = false;
      }
      // "geen probleem", "not bad": the negator itself may start a phrase, so fall through to look it up.
    } else if (rules.clauseBreaks.has(word)) {
      closeClause();
      negationLeft = 0;
      lastInClause = undefined;
    }

    // A phrase wins over a modifier that starts it ("te druk", "too busy" are phrases).
    let valence: number | undefined;
    let consumed = 0;
    for (const phrase of lexicon.phrasesStartingWith(word) ?? []) {
      if (phrase.words.every((part, offset) => tokens[i + offset]?.text === part)) {
        valence = phrase.valence;
        consumed = phrase.words.length - 1;
        break;
      }
    }

    // A modifier counts only when a valenced word follows closely ("heel fijn", "een beetje druk").
    const factor = rules.modifiers.get(word);
    if (valence === undefined && factor !== undefined && nextValencedWithin(tokens, i, 2, lexicon.valenceOf)) {
      modifier *= factor;
      modifierLeft = 2;
      continue;
    }
    const isNegator = rules.negators.has(word) || (lang === 'en' && isContractedNegation(word));
    // A negator only negates: "can't" has a faint valence in the Pattern lexicon that would negate itself.
    if (valence === undefined && !isNegator) valence = lexicon.valenceOf(word);

    if (valence !== undefined && valence !== 0) {
      let value = valence * (modifierLeft > 0 ? modifier : 1);
      if (token.shouted) value *= tuning.shouted;
      if (sarcastic && value > 0) value *= tuning.sarcasm;
      // A phrase that starts with the negator ("geen probleem") already carries its meaning.
      const phraseStartsWithNegator = consumed > 0 && rules.negators.has(word);
      // A negation that has negated nothing yet reaches further within its clause, to the first
      // valenced word: "can't cycle to school safely".
      const inReach = negationLeft > 0 || (unusedNegation && wordsSinceNegation <= tuning.unusedNegationReach);
      const negated = inReach && !phraseStartsWithNegator && !(consumed === 0 && rules.negators.has(word));
      if (negated) {
        value *= negationFactorFor(value);
        unusedNegation = false;
      }
      sentence.sum += value * clauseWeight;
      lastInClause = negated || consumed > 0 ? undefined : { contribution: value * clauseWeight, wordsAgo: 0 };
      evidence += Math.abs(value);
      modifier = 1;
      modifierLeft = 0;
    } else if (modifierLeft > 0) {
      modifierLeft--;
      if (modifierLeft === 0) modifier = 1;
    }
    if (!rules.negators.has(word) && negationLeft > 0) negationLeft--;
    i += consumed;
    if (consumed > 0 && negationLeft > 0) negationLeft = Math.max(0, negationLeft - consumed);
  }
  closeClause();
  closeSentence();

  let sum = 0;
  for (const { sum: sentenceSum, question, exclamations } of sentences) {
    let value = sentenceSum * (1 + tuning.exclamation * exclamations);
    if (question && exclamations === 0) value *= tuning.question;
    sum += value;
  }
  return { sum, evidence };
}

function negationFactorFor(value: number): number {
  return value < 0 ? tuning.negatedNegativeFactor : tuning.negationFactor;
}

/** A word of getting through right after a negation: "can't get in"; Dutch "er niet door/langs/in". */
function isPassage(word: string, lang: Language, erSeen: boolean, passageVerbs: ReadonlySet<string>): boolean {
  if (passageVerbs.has(word)) return true;
  return lang === 'nl' && erSeen && dutchParticles.has(word);
}

const dutchParticles = new Set(['door', 'langs', 'in', 'op', 'bij', 'uit', 'onder', 'overheen']);

function nextValencedWithin(
  tokens: readonly Token[],
  index: number,
  reach: number,
  valenceOf: (word: string) => number | undefined,
): boolean {
  for (let j = index + 1; j <= index + reach && j < tokens.length; j++) {
    const next = tokens[j]!;
    if (next.kind === 'punctuation') return false;
    if (next.kind === 'word' && valenceOf(next.text)) return true;
  }
  return false;
}
