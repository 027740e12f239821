import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comparisonKey, countLinks, findSpam } from '../../../../api/services/screening/spam.ts';

const kinds = (text: string, options = {}) => findSpam(text, options).map((f) => f.kind);

describe('spam screening', () => {
  it('counts links with a scheme, with www and bare domains with a path', () => {
    assert.equal(countLinks('Zie https://example.com/a, www.example.org en shop.example.xyz/deal.'), 3);
  });

  it('flags a text with many links', () => {
    assert.deepEqual(
      kinds('Goed plan! Zie https://a.example.com en https://b.example.com en ook https://c.example.com voor meer.'),
      ['spam_links'],
    );
  });

  it('flags a text that is little more than a link', () => {
    assert.deepEqual(kinds('Kijk www.casino.example.com'), ['spam_links']);
  });

  it('does not flag one link with a real comment around it', () => {
    assert.deepEqual(
      kinds('In Utrecht werkt dit goed, zie https://www.utrecht.nl/fietsroutes voor hun aanpak van de Stationsstraat.'),
      [],
    );
  });

  it('flags the same words over and over, and one character repeated many times', () => {
    assert.deepEqual(kinds('koop nu '.repeat(8)), ['spam_repetition']);
    assert.deepEqual(kinds(`Nee${'!'.repeat(30)}`), ['spam_repetition']);
  });

  it('does not flag a long text that repeats some words naturally', () => {
    const text =
      'De fiets is voor mij het belangrijkste vervoermiddel. Ik fiets elke dag naar het station, en de fiets staat daar niet veilig. Een bewaakte stalling bij het station zou helpen.';
    assert.deepEqual(kinds(text), []);
  });

  it('flags the same text sent again and again by the same client, ignoring case and punctuation', () => {
    const recent = ['Stop dit plan!', 'stop dit plan', 'Iets anders'];
    assert.deepEqual(kinds('STOP dit plan!!', { recent }), ['spam_flood']);
    assert.deepEqual(kinds('Stop dit plan', { recent: ['Stop dit plan'] }), [], 'one earlier copy is not yet a flood');
  });

  it('flags many texts from one client in a short time, whatever they say', () => {
    const recent = Array.from({ length: 10 }, (_, i) => `Reactie nummer ${i}`);
    assert.deepEqual(kinds('Nog een reactie', { recent }), ['spam_flood']);
    assert.deepEqual(kinds('Nog een reactie', { recent: recent.slice(0, 9) }), []);
  });
});

describe('the comparison key of a text', () => {
  it('is the same for texts that differ only in case, punctuation and spacing, and differs otherwise', () => {
    assert.equal(comparisonKey('Stop dit plan!!'), comparisonKey('  stop   DIT plan'));
    assert.notEqual(comparisonKey('Stop dit plan'), comparisonKey('Start dit plan'));
  });

  it('differs between scopes for the same text, so copies elsewhere or earlier are not found', () => {
    assert.equal(comparisonKey('Stop dit plan', 'a/1'), comparisonKey('stop DIT plan!', 'a/1'));
    assert.notEqual(comparisonKey('Stop dit plan', 'a/1'), comparisonKey('Stop dit plan', 'a/2'));
    assert.notEqual(comparisonKey('Stop dit plan', 'a/1'), comparisonKey('Stop dit plan', 'b/1'));
    assert.notEqual(comparisonKey('Stop dit plan', 'a/1'), comparisonKey('Stop dit plan'));
  });

  it('is absent for a text without letters or digits', () => {
    assert.equal(comparisonKey('?! …'), undefined);
  });

  it('turns a counted repeat into a flood without the texts themselves', () => {
    assert.deepEqual(kinds('Stop dit plan', { sameRecently: 2 }), ['spam_flood']);
    assert.deepEqual(kinds('Stop dit plan', { sameRecently: 1 }), []);
  });
});
