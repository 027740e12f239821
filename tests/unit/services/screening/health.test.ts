import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findHealthData } from '../../../../api/services/screening/health.ts';
import { screen } from '../../../../api/services/screening/index.ts';

const matched = (text: string) => findHealthData(text).map((f) => text.slice(f.span!.start, f.span!.end));

describe('health data', () => {
  it('finds mobility aids, also in plural and compounds', () => {
    assert.deepEqual(matched('Met mijn scootmobiel kom ik niet langs de rollators op het rolstoelpad.'), [
      'scootmobiel',
      'rollators',
      'rolstoelpad',
    ]);
  });

  it('finds a fall told about oneself or a relative', () => {
    assert.deepEqual(matched('Daar ben ik toen gevallen, en mijn moeder viel er vorig jaar ook.'), [
      'ik toen gevallen',
      'mijn moeder viel',
    ]);
    assert.deepEqual(matched('Last week I fell on that corner.'), ['I fell']);
  });

  it('finds illnesses and injuries, and a broken bone but not a broken paving stone', () => {
    assert.deepEqual(matched('Sinds mijn hernia en een hersenschudding loop ik slecht.'), [
      'hernia',
      'hersenschudding',
    ]);
    assert.deepEqual(matched('Pols gebroken door die gebroken stoeptegel.'), ['Pols gebroken']);
  });

  it('leaves everyday words alone', () => {
    assert.deepEqual(matched('Het valt mee, de ms-waarde en de stoepbreuk zijn hersteld; rolstoelen? Nee, stoelen.'), [
      'rolstoelen',
    ]);
    assert.deepEqual(matched('De bus rijdt om 10 ms vertraging; het viel op dat de lantaarn kapot is.'), []);
  });
});

describe('screening a text with health data', () => {
  it('flags it as personal data with a reason in both languages and leaves the text as written', () => {
    const text = 'Ik ben toen gevallen met mijn scootmobiel bij de Markt.';
    const result = screen(text, { lang: 'nl' });
    const health = result.flags.filter((f) => f.kind === 'health');
    assert.equal(health.length, 2);
    assert.ok(health.every((f) => f.category === 'personal_data'));
    assert.match(health[0]!.reason.nl, /gezondheid/);
    assert.match(health[0]!.reason.en, /health/);
    assert.equal(result.redacted, text);
  });
});
