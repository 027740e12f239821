import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localeFromAcceptLanguage } from '../../../api/messages/locale.ts';

describe('the language of an API request', () => {
  it('picks Dutch or English by the weights in Accept-Language', () => {
    assert.equal(localeFromAcceptLanguage(undefined), 'nl');
    assert.equal(localeFromAcceptLanguage('en-US,en;q=0.9'), 'en');
    assert.equal(localeFromAcceptLanguage('de-DE,en;q=0.5,nl;q=0.8'), 'nl');
    assert.equal(localeFromAcceptLanguage('fr-FR'), 'nl');
    assert.equal(localeFromAcceptLanguage('nl;q=0,en'), 'en');
  });
});
