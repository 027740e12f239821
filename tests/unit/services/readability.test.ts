import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countSentences, countSyllables, readability, verdictFor } from '../../../api/services/readability.ts';

describe('readability', () => {
  it('counts Dutch syllables by vowel groups, with ij as a vowel and a diaeresis starting a new one', () => {
    const counts = Object.fromEntries(
      ['kat', 'rijden', 'willen', 'gemeentelijke', 'verkeersveiligheidsdoelstellingen', 'geïmplementeerd', 'ruïne'].map(
        (word) => [word, countSyllables(word, 'nl')],
      ),
    );
    assert.deepEqual(counts, {
      kat: 1,
      rijden: 2,
      willen: 2,
      gemeentelijke: 5,
      verkeersveiligheidsdoelstellingen: 9,
      geïmplementeerd: 5,
      ruïne: 3,
    });
  });

  it('counts English syllables with a silent final e and a silent -ed', () => {
    const counts = Object.fromEntries(
      ['cat', 'make', 'table', 'walked', 'wanted', 'the', 'free'].map((word) => [word, countSyllables(word, 'en')]),
    );
    assert.deepEqual(counts, { cat: 1, make: 1, table: 2, walked: 1, wanted: 2, the: 1, free: 1 });
  });

  it('counts sentences at full stops, question and exclamation marks and line breaks', () => {
    assert.equal(countSentences('Een. Twee? Drie!'), 3);
    assert.equal(countSentences('Zonder punt aan het eind'), 1);
    assert.equal(countSentences('Regel een\nRegel twee.'), 2);
    assert.equal(countSentences('Om 10.30 uur begint het.'), 1, 'a decimal point does not end a sentence');
  });

  it('gives "De kat zit op de mat." the Flesch-Douma score 206.835 − 0.93 × 6 − 77 × 1 = 124.3', () => {
    const result = readability('De kat zit op de mat.', 'nl');
    assert.deepEqual(
      { score: result.score, words: result.words, sentences: result.sentences, syllables: result.syllables },
      { score: 124.3, words: 6, sentences: 1, syllables: 6 },
    );
    assert.equal(result.verdict, null, 'six words are too few to judge');
    assert.equal(result.tooShort, true);
    assert.equal(result.meetsB1, false);
  });

  it('scores a plain Dutch question at 105.1 (10 words, 12 syllables)', () => {
    const result = readability('Wij willen graag weten wat u van het plan vindt.', 'nl');
    assert.equal(result.syllables, 12);
    assert.equal(result.score, 105.1);
  });

  it('scores officialese far below B1 and says so', () => {
    const result = readability('De gemeentelijke verkeersveiligheidsdoelstellingen worden geïmplementeerd.', 'nl');
    // 5 words, 22 syllables: 206.835 − 0.93 × 5 − 77 × 4.4 = −136.6
    assert.equal(result.score, -136.6);
    assert.equal(result.verdict, null, 'a five-word title is not called difficult');
    assert.equal(result.meetsB1, false);
  });

  it('judges a text of fifteen words or more, and says officialese is far above B1', () => {
    const text =
      'De gemeentelijke verkeersveiligheidsdoelstellingen worden geïmplementeerd conform de vastgestelde beleidskaders en uitvoeringsprogrammering van het gemeentebestuur van Demodam.';
    const result = readability(text, 'nl');
    assert.equal(result.words, 16);
    assert.equal(result.tooShort, false);
    assert.equal(result.verdict, 'difficult');
    const plain = readability(
      'Wij willen graag weten wat u van het plan vindt. Schrijf het op en stuur het ons.',
      'nl',
    );
    assert.equal(plain.words, 17);
    assert.equal(plain.meetsB1, true);
    assert.equal(plain.verdict, 'very_easy');
  });

  it('uses the Flesch reading ease for English: "The cat sat on the mat." scores 116.1', () => {
    assert.equal(readability('The cat sat on the mat.', 'en').score, 116.1);
  });

  it('judges the same sentence differently in Dutch and English, because the formulas differ', () => {
    const text = 'Political participation requires considerable administrative capacity.';
    assert.notEqual(readability(text, 'nl').score, readability(text, 'en').score);
  });

  it('gives no score for text without words', () => {
    assert.deepEqual(readability('  … ', 'nl'), {
      score: null,
      verdict: null,
      tooShort: true,
      words: 0,
      sentences: 0,
      syllables: 0,
      meetsB1: false,
    });
  });

  it('places B1 at a score of 60', () => {
    assert.deepEqual([80, 70, 60, 59.9, 40, 39.9].map(verdictFor), [
      'very_easy',
      'easy',
      'b1',
      'fairly_difficult',
      'fairly_difficult',
      'difficult',
    ]);
  });
});
