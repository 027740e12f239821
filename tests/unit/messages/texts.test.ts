import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messageFor } from '../../../api/messages/texts.ts';

describe('API messages', () => {
  it('fill in parameters', () => {
    assert.equal(messageFor('en', 'out_of_range', { min: 1, max: 5 }), 'Choose a number from 1 to 5.');
    assert.equal(
      messageFor('nl', 'too_long', { max: 10, actual: 12 }),
      'Gebruik maximaal 10 tekens. U gebruikte er 12.',
    );
  });

  it('give plain texts as they are, in the language asked for', () => {
    assert.equal(messageFor('nl', 'not_found'), 'Niet gevonden');
    assert.equal(messageFor('en', 'not_found'), 'Not found');
  });

  it('say minute or minutes by the number', () => {
    assert.match(messageFor('nl', 'rate_limited_detail', { minutes: 1 }), /Wacht 1 minuut /);
    assert.match(messageFor('en', 'rate_limited_detail', { minutes: 5 }), /Wait 5 minutes /);
  });
});
