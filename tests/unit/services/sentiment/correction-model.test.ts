import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  classifySentiment,
  classifyWithCorrections,
  lexiconMethod,
  trainCorrectionModel,
  type SentimentCorrection,
} from '../../../../api/services/sentiment/index.ts';

// A municipality whose staff know what the lexicon cannot: a "knip" (a street closed to through
// traffic) and the "flitspaal" draw complaints here, the "buurtbus" and "geveltuinen" praise.
const subjects = {
  neg: ['de knip', 'de flitspaal', 'de knip in de Kerkstraat', 'de nieuwe flitspaal', 'die knip'],
  pos: ['de buurtbus', 'de geveltuinen', 'onze buurtbus', 'de nieuwe geveltuinen', 'die buurtbus'],
  neu: ['de vergunning', 'de openingstijden', 'de aanvraag', 'het formulier', 'de vergunningaanvraag'],
};
const frames = ['Over {} wil ik iets zeggen', 'Iedereen in de straat praat over {}', 'Vandaag weer {} gezien'];

function correctionsFor(count: number): SentimentCorrection[] {
  const corrections: SentimentCorrection[] = [];
  for (let i = 0; corrections.length < count; i++) {
    for (const label of ['neg', 'pos', 'neu'] as const) {
      const subject = subjects[label][i % subjects[label].length]!;
      const frame = frames[Math.floor(i / subjects[label].length) % frames.length]!;
      corrections.push({ text: frame.replace('{}', subject), lang: 'nl', label });
    }
  }
  return corrections.slice(0, count);
}

const heldOut: SentimentCorrection[] = [
  { text: 'Wat vinden jullie van de knip?', lang: 'nl', label: 'neg' },
  { text: 'Morgen staat de flitspaal er weer', lang: 'nl', label: 'neg' },
  { text: 'Sinds de knip rijd ik om', lang: 'nl', label: 'neg' },
  { text: 'Morgen rijdt de buurtbus weer', lang: 'nl', label: 'pos' },
  { text: 'De geveltuinen in onze straat', lang: 'nl', label: 'pos' },
  { text: 'Met de buurtbus naar de markt', lang: 'nl', label: 'pos' },
  { text: 'Waar vind ik het formulier?', lang: 'nl', label: 'neu' },
  { text: 'Wat zijn de openingstijden morgen?', lang: 'nl', label: 'neu' },
  { text: 'De aanvraag voor de vergunning', lang: 'nl', label: 'neu' },
];

function accuracy(classify: (text: string, lang: string) => { label: string }): number {
  const right = heldOut.filter((item) => classify(item.text, item.lang).label.startsWith(item.label)).length;
  return right / heldOut.length;
}

describe('the correction model', () => {
  it('beats the lexicon on in-domain examples once there are enough corrections', () => {
    const model = trainCorrectionModel(correctionsFor(150));
    assert.equal(model.ready, true);
    const lexiconAccuracy = accuracy(classifySentiment);
    const correctedAccuracy = accuracy((text, lang) => classifyWithCorrections(model, text, lang));
    assert.ok(correctedAccuracy > lexiconAccuracy, `${correctedAccuracy} should beat ${lexiconAccuracy}`);
    assert.ok(correctedAccuracy >= 0.75, `accuracy ${correctedAccuracy}`);
  });

  it('falls back to the lexicon below the minimum number of corrections', () => {
    const model = trainCorrectionModel(correctionsFor(20));
    assert.equal(model.ready, false);
    for (const item of heldOut) {
      assert.deepEqual(classifyWithCorrections(model, item.text, item.lang), classifySentiment(item.text, item.lang));
    }
  });

  it('falls back while only one class has enough corrections', () => {
    const onlyNegative = Array.from({ length: 40 }, (_, i) => ({
      text: `klacht ${i} over de knip`,
      lang: 'nl',
      label: 'negative' as const,
    }));
    assert.equal(trainCorrectionModel(onlyNegative).ready, false);
  });

  it('still lets the lexicon decide text that the corrections never saw', () => {
    const model = trainCorrectionModel(correctionsFor(150));
    assert.equal(classifyWithCorrections(model, 'Schandalig, levensgevaarlijk en vies 😡', 'nl').label, 'negative');
    assert.equal(classifyWithCorrections(model, 'Fantastisch, heel erg bedankt! 😍', 'nl').label, 'positive');
  });

  it('names the combined method with the number of corrections, and survives a JSON round trip', () => {
    const model = trainCorrectionModel(correctionsFor(150));
    assert.equal(model.method, `${lexiconMethod}+corrections-nb@1(n=150)`);
    const restored = JSON.parse(JSON.stringify(model)) as typeof model;
    const text = 'Sinds de knip rijd ik om';
    assert.deepEqual(classifyWithCorrections(restored, text, 'nl'), classifyWithCorrections(model, text, 'nl'));
    const result = classifyWithCorrections(model, text, 'nl');
    assert.ok(result.confidence > 0 && result.confidence <= 1);
    assert.ok(result.score >= -1 && result.score <= 1);
  });
});
