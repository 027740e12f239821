import { decodeHtmlEntities } from './html-entities.ts';

/** What a token is, as far as scoring cares. */
export type TokenKind = 'word' | 'emoji' | 'emoticon' | 'punctuation';

export interface Token {
  /** Lowercased text; emoji without variation selectors and skin tones. */
  text: string;
  kind: TokenKind;
  /** The word was written in capitals in a text that is not all capitals (emphasis). */
  shouted: boolean;
}

// URLs and @mentions carry no sentiment and their words ("bad-news.example") mislead the lexicon.
const urlsAndMentions = /\b(?:https?:\/\/|www\.)\S+|(?<![\p{L}\p{N}])@[\p{L}\p{N}_]+/gu;

// One alternation, tried left to right: emoji sequences (with ZWJ joins), Western emoticons,
// words (letters and digits joined by an apostrophe or hyphen: "zo'n", "auto's", "don't"),
// and the punctuation that ends a clause or a sentence.
const tokenPattern = new RegExp(
  [
    String.raw`(?<emoji>\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u20E3)*(?:\u200D\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)*)*)`,
    String.raw`(?<emoticon>(?<![\p{L}\p{N}])(?:[:;=8][-'^]?[)(\]\[dpo/\\|*3]+|<3+|\(:|[xX][dD]+(?![\p{L}])))`,
    String.raw`(?<word>[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*)`,
    String.raw`(?<punctuation>[.!?;:,…()"“”]+|\s[-–—]\s)`,
  ].join('|'),
  'gu',
);

// Variation selector 16 and the five skin-tone modifiers, as an alternation (not a class) for eslint.
const emojiDecorations = /\uFE0F|\p{Emoji_Modifier}/gu;

/**
 * Splits a post into tokens for sentiment scoring: HTML entities decoded, URLs and
 * mentions removed, words lowercased (diacritics kept: "één" and "een" differ), emoji
 * and emoticons kept as tokens, clause punctuation kept so that negation and contrast
 * know where a clause ends.
 *
 * @example
 * tokenise('Niet veilig!! 😡 https://x.nl').map((t) => t.text); // ['niet', 'veilig', '!!', '😡']
 */
export function tokenise(rawText: string): Token[] {
  const text = decodeHtmlEntities(rawText).replace(urlsAndMentions, ' ').replace(/’/g, "'");
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
  const allCaps = letters > 0 && capitals / letters > 0.8;
  const tokens: Token[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    const groups = match.groups!;
    if (groups.emoji) {
      tokens.push({ text: groups.emoji.replace(emojiDecorations, ''), kind: 'emoji', shouted: false });
    } else if (groups.emoticon) {
      tokens.push({ text: groups.emoticon.toLowerCase(), kind: 'emoticon', shouted: false });
    } else if (groups.word) {
      const word = groups.word;
      const shouted = !allCaps && word.length > 2 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
      tokens.push({ text: word.toLowerCase(), kind: 'word', shouted });
    } else if (groups.punctuation) {
      tokens.push({ text: groups.punctuation.trim() || '-', kind: 'punctuation', shouted: false });
    }
  }
  return tokens;
}
