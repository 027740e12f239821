import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screen } from '../../../../api/services/screening/index.ts';

describe('screening a text', () => {
  it('returns flags with a category, a Dutch and English reason and the span', () => {
    const text = 'Bel me: 06-12345678';
    const { flags } = screen(text, { lang: 'nl' });
    assert.equal(flags.length, 1);
    const [flag] = flags;
    assert.equal(flag?.kind, 'phone');
    assert.equal(flag?.category, 'personal_data');
    assert.equal(flag?.reason.nl, 'Bevat een telefoonnummer.');
    assert.equal(flag?.reason.en, 'Contains a phone number.');
    assert.equal(text.slice(flag!.span!.start, flag!.span!.end), '06-12345678');
  });

  it('redacts personal data only; abuse and spam stay for a moderator to judge', () => {
    const result = screen('Kut plan. Mijn IBAN is NL91ABNA0417164300, mail piet@example.nl', { lang: 'nl' });
    assert.equal(result.redacted, 'Kut plan. Mijn IBAN is [rekeningnummer verwijderd], mail [e-mailadres verwijderd]');
    assert.deepEqual(
      result.flags.map((f) => f.kind),
      ['iban', 'email', 'profanity'],
    );
  });

  it('writes placeholders in English for an English text', () => {
    assert.equal(screen('My BSN is 111222333', { lang: 'en' }).redacted, 'My BSN is [citizen service number removed]');
  });

  it('says how often the same text came before when it is a flood', () => {
    const { flags } = screen('Stop!', { lang: 'nl', recent: ['stop', 'Stop!', 'STOP'] });
    assert.equal(flags[0]?.kind, 'spam_flood');
    assert.equal(flags[0]?.span, null);
    assert.match(flags[0]!.reason.nl, /3 keer/);
  });

  it('finds nothing in ordinary input and returns the text unchanged', () => {
    const text = 'Een veilige fietsroute langs het park, met verlichting en bomen. Graag vóór 2027!';
    assert.deepEqual(screen(text, { lang: 'nl' }), { flags: [], redacted: text });
  });
});
