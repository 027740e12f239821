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
    assert.equal(model.method, `${lexiconMethod}+corrections-nb@2(n=150)`);
    const restored = JSON.parse(JSON.stringify(model)) as typeof model;
    const text = 'Sinds de knip rijd ik om';
    assert.deepEqual(classifyWithCorrections(restored, text, 'nl'), classifyWithCorrections(model, text, 'nl'));
    const result = classifyWithCorrections(model, text, 'nl');
    assert.ok(result.confidence > 0 && result.confidence <= 1);
    assert.ok(result.score >= -1 && result.score <= 1);
  });

  it('records the cross-validation it was judged on, in which it beat the lexicon on held-out corrections', () => {
    const model = trainCorrectionModel(correctionsFor(150));
    const validation = model.validation!;
    assert.equal(validation.folds, 5);
    assert.equal(validation.heldOut, 150);
    assert.ok(validation.model.correct > validation.base.correct, JSON.stringify(validation));
    assert.ok(validation.model.macroF1 >= validation.base.macroF1, JSON.stringify(validation));
  });

  it('is not used when staff labels carry nothing to learn (labels at random)', () => {
    const random = seeded(7);
    const corrections = correctionsFor(150).map((c) => ({
      ...c,
      label: (['pos', 'neu', 'neg'] as const)[Math.floor(random() * 3)]!,
    }));
    const model = trainCorrectionModel(corrections);
    assert.ok(model.validation, 'enough corrections to be tried');
    assert.equal(model.ready, false, JSON.stringify(model.validation));
    for (const item of heldOut) {
      assert.deepEqual(classifyWithCorrections(model, item.text, item.lang), classifySentiment(item.text, item.lang));
    }
  });

  it('is not used when staff only ever confirmed what the lexicon said', () => {
    const texts = [
      'Wat een mooie nieuwe speeltuin',
      'Het fietspad is levensgevaarlijk',
      'Wanneer wordt het afval opgehaald?',
      'Dank voor de snelle reactie',
      'De stoep ligt vol met rommel',
      'Ik woon in de Dorpsstraat',
      'Heel fijn dat de bankjes terug zijn',
      'Slecht onderhouden plantsoen',
      'De vergadering is op dinsdag',
      'Geweldig initiatief van de buurt',
      'Vreselijke stank bij de haven',
      'Het loket gaat om negen uur open',
    ];
    const corrections = Array.from({ length: 60 }, (_, i) => {
      const text = `${texts[i % texts.length]!} (${i})`;
      return { text, lang: 'nl', label: classifySentiment(text, 'nl').label };
    });
    const model = trainCorrectionModel(corrections);
    assert.ok(model.validation, 'enough corrections to be tried');
    assert.equal(model.ready, false);
    assert.equal(model.method, lexiconMethod);
  });

  it('never does worse than the lexicon on held-out corrections, over learnable, noisy and random staff labels', () => {
    // Municipal sentences whose colour sits partly in local words the lexicon cannot know; a
    // share of the staff labels is replaced at random (disagreeing colleagues, slips).
    const local = {
      neg: ['knip', 'flitspaal', 'kruising', 'bouwput'],
      pos: ['buurtbus', 'geveltuin', 'moestuin', 'pluktuin'],
      neu: ['vergunning', 'aanvraag', 'formulier', 'loket'],
    };
    const general = {
      neg: ['Het is een ramp met {}', 'Slecht geregeld, {}', 'Weer problemen bij {}'],
      pos: ['Heel fijn, {}', 'Blij met {}', 'Wat mooi, {}'],
      neu: ['Een vraag over {}', 'Vanaf maandag {}', 'In onze straat {}'],
    };
    const neutralFrames = ['Over {} wil ik iets zeggen', 'Vandaag {} gezien', 'Dit gaat over {}'];
    const labels = ['pos', 'neu', 'neg'] as const;
    let comparisons = 0;
    for (const [seed, size, noise] of [
      [1, 150, 0],
      [7, 40, 0],
      [2, 120, 0.2],
      [3, 200, 0.4],
      [4, 80, 1],
      [5, 300, 1],
      [6, 150, 0.6],
    ] as const) {
      const random = seeded(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
      const draw = (): SentimentCorrection => {
        const truth = pick(labels);
        const frame = random() < 0.5 ? pick(neutralFrames) : pick(general[truth]);
        const text = `${frame.replace('{}', `de ${pick(local[truth])}`)} ${Math.floor(random() * 1000)}`;
        return { text, lang: 'nl', label: random() < noise ? pick(labels) : truth };
      };
      const training = Array.from({ length: size }, draw);
      const test = Array.from({ length: 300 }, draw);
      const model = trainCorrectionModel(training);
      const right = (classify: (text: string, lang: string) => { label: string }) =>
        test.filter((item) => classify(item.text, item.lang).label.startsWith(item.label)).length;
      const base = right(classifySentiment);
      const corrected = right((text, lang) => classifyWithCorrections(model, text, lang));
      assert.ok(corrected >= base, `seed ${seed}, ${size} corrections, noise ${noise}: ${corrected} < ${base}`);
      // With consistent labels and enough of them it must learn; 40 are too few to prove it is better.
      if (noise <= 0.2 && size >= 100)
        assert.ok(model.ready && corrected > base, `seed ${seed} should learn: ${corrected} vs ${base}`);
      comparisons++;
    }
    assert.equal(comparisons, 7);
  });
});

/** A small deterministic generator (mulberry32), so the scenarios are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
