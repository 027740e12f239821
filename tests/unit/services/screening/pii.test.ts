import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  findAddresses,
  findBsns,
  findEmails,
  findIbans,
  findLicencePlates,
  findPersonalData,
  findPhoneNumbers,
  isValidBsn,
  isValidIban,
  redact,
} from '../../../../api/services/screening/pii.ts';
import type { Finding } from '../../../../api/services/screening/types.ts';

/** The matched texts, so a failure shows what was (not) found. */
function matched(text: string, findings: Finding[]): string[] {
  return findings.map((f) => text.slice(f.span!.start, f.span!.end));
}

describe('e-mail addresses', () => {
  it('are found with their exact span', () => {
    const text = 'Mail naar jan.de-vries+podium@example.co.uk, graag.';
    assert.deepEqual(matched(text, findEmails(text)), ['jan.de-vries+podium@example.co.uk']);
  });

  it('are not found in a handle or a sentence with an at sign', () => {
    const text = 'Volg @gemeente op Mastodon, of kom @ het stadhuis.';
    assert.deepEqual(findEmails(text), []);
  });
});

describe('citizen service numbers (BSN)', () => {
  it('pass the 11-check when they are valid', () => {
    for (const bsn of ['111222333', '123456782', '999999990', '12345672']) assert.ok(isValidBsn(bsn), bsn);
  });

  it('fail the 11-check for other nine-digit numbers, and for all zeros', () => {
    for (const number of ['123456789', '111222334', '987654321', '000000000', '12345678901'])
      assert.equal(isValidBsn(number), false, number);
  });

  it('are found plain and in the usual groupings', () => {
    const text = 'BSN 111222333, ook 123.456.782 en 1234 56 782.';
    assert.deepEqual(matched(text, findBsns(text)), ['111222333', '123.456.782', '1234 56 782']);
  });

  it('are not found when a nine-digit number fails the 11-check', () => {
    // 123456789 and 987654321 fail the check; 555666777 too (sum 238).
    const text = 'Zaaknummer 123456789, referentie 987654321 en 555666777.';
    assert.deepEqual(findBsns(text), []);
  });

  it('are not found inside longer numbers, amounts or decimal figures', () => {
    const text = 'Order 1111222333, €123.456.782 en 123.456.782 euro, 1.123.456.782 en 123.456.782,50.';
    assert.deepEqual(findBsns(text), []);
  });
});

describe('IBANs', () => {
  it('pass mod-97 for valid account numbers of several countries', () => {
    for (const iban of [
      'NL91ABNA0417164300',
      'NL91 ABNA 0417 1643 00',
      'nl91abna0417164300',
      'DE89370400440532013000',
      'BE68539007547034',
      'GB82WEST12345698765432',
      'FR1420041010050500013M02606',
    ])
      assert.ok(isValidIban(iban), iban);
  });

  it('fail for a wrong check digit, a typo or a wrong length', () => {
    for (const iban of ['NL91ABNA0417164301', 'NL19ABNA0417164300', 'NL91ABNA041716430', 'DE8937040044053201300'])
      assert.equal(isValidIban(iban), false, iban);
  });

  it('are found in running text, with or without spaces, and not followed into the next word', () => {
    const text = 'Stort op NL91 ABNA 0417 1643 00 graag, of op DE89370400440532013000.';
    assert.deepEqual(matched(text, findIbans(text)), ['NL91 ABNA 0417 1643 00', 'DE89370400440532013000']);
  });

  it('are not found when the checksum fails', () => {
    const text = 'Rekening NL91 ABNA 0417 1643 01 en NL00 TEST 0000 0000 00.';
    assert.deepEqual(findIbans(text), []);
  });
});

describe('phone numbers', () => {
  it('are found in Dutch mobile, landline and international notations', () => {
    const text =
      'Bel 06-12345678, 06 1234 5678, 0612345678, 010-1234567, 020 123 4567, +31 6 12345678, +31 (0)20 123 4567, 0031 6 12345678 of +49 30 1234567.';
    assert.deepEqual(matched(text, findPhoneNumbers(text)), [
      '06-12345678',
      '06 1234 5678',
      '0612345678',
      '010-1234567',
      '020 123 4567',
      '+31 6 12345678',
      '+31 (0)20 123 4567',
      '0031 6 12345678',
      '+49 30 1234567',
    ]);
  });

  it('stop before a number that follows', () => {
    const text = 'Bel 06 12345678 2 keer.';
    assert.deepEqual(matched(text, findPhoneNumbers(text)), ['06 12345678']);
  });

  it('are not found in dates, times, amounts or short numbers', () => {
    const text = 'Op 01-02-2024 om 08.30 tot 10.00 uur, €0,50 per uur, 0800 gratis, bus 012 en 2024-01-02.';
    assert.deepEqual(findPhoneNumbers(text), []);
  });
});

describe('postcode with house number', () => {
  it('is found after and before the postcode', () => {
    const text = 'Ik woon op 1234 AB 12a. Post naar Dorpsstraat 5, 1234AB Demodam, of 3011ab-7.';
    assert.deepEqual(matched(text, findAddresses(text)), ['1234 AB 12a', '3011ab-7', 'Dorpsstraat 5, 1234AB']);
  });

  it('is not found for a postcode alone, years or numbers with words', () => {
    const text = 'Het gaat om postcode 1234 AB. In 2024 en 2025 kwamen 12 mensen. Groep 1234 SS 12 bestaat niet.';
    assert.deepEqual(findAddresses(text), []);
  });
});

describe('licence plates', () => {
  it('are found in every sidecode with dashes, in any case', () => {
    const plates = [
      'AB-12-34',
      '12-34-AB',
      '12-AB-34',
      'AB-12-CD',
      'AB-CD-12',
      '12-AB-CD',
      '12-ABC-3',
      '1-ABC-23',
      'AB-123-C',
      'A-123-BC',
      'ABC-12-D',
      'A-12-BCD',
      '1-AB-234',
      '123-AB-4',
      'gh-12-kl',
    ];
    const text = plates.join(', ');
    assert.deepEqual(matched(text, findLicencePlates(text)), plates);
  });

  it('are not found in dates, road numbers or longer codes', () => {
    const text = 'Op 12-03-24, langs de N-201-weg, artikel A-12-BC-3 en code AB-1234-C.';
    assert.deepEqual(findLicencePlates(text), []);
  });
});

describe('all personal data together', () => {
  it('reports each span once, with the most specific kind', () => {
    const text = 'IBAN NL91ABNA0417164300, tel. 0612345678, bsn 111222333.';
    assert.deepEqual(
      findPersonalData(text).map((f) => f.kind),
      ['iban', 'phone', 'bsn'],
    );
  });

  it('redact each span with a placeholder in the language of the text', () => {
    const text = 'Mail jan@example.nl of bel 06-12345678.';
    assert.equal(
      redact(text, findPersonalData(text), 'nl'),
      'Mail [e-mailadres verwijderd] of bel [telefoonnummer verwijderd].',
    );
    assert.equal(
      redact(text, findPersonalData(text), 'en'),
      'Mail [e-mail address removed] of bel [phone number removed].',
    );
  });

  it('leave a text without personal data as it is', () => {
    const text = 'De fietsroute langs het park is veiliger, zeker na 18.00 uur. Kosten: € 250.000.';
    assert.deepEqual(findPersonalData(text), []);
    assert.equal(redact(text, [], 'nl'), text);
  });
});
