import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localeFromAcceptLanguage, t } from '../../../api/i18n/messages.ts';

describe('API messages', () => {
  it('pick Dutch or English by the weights in Accept-Language', () => {
    assert.equal(localeFromAcceptLanguage(undefined), 'nl');
    assert.equal(localeFromAcceptLanguage('en-US,en;q=0.9'), 'en');
    assert.equal(localeFromAcceptLanguage('de-DE,en;q=0.5,nl;q=0.8'), 'nl');
    assert.equal(localeFromAcceptLanguage('fr-FR'), 'nl');
    assert.equal(localeFromAcceptLanguage('nl;q=0,en'), 'en');
  });

  it('fill in parameters', () => {
    assert.equal(t('en', 'out_of_range', { min: 1, max: 5 }), 'Choose a number from 1 to 5.');
    assert.equal(t('nl', 'too_long', { max: 10, actual: 12 }), 'Gebruik maximaal 10 tekens. U gebruikte er 12.');
  });
});
