import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAbuse } from '../../../../api/services/screening/abuse.ts';

function found(text: string): string[] {
  return findAbuse(text).map((f) => `${f.kind}:${text.slice(f.span!.start, f.span!.end)}`);
}

describe('abuse screening', () => {
  it('flags Dutch swearing, also in compounds and with a capital', () => {
    assert.deepEqual(found('Wat een klotefietspad. Kut! Godverdomme.'), [
      'profanity:klotefietspad',
      'profanity:Kut',
      'profanity:Godverdomme',
    ]);
  });

  it('flags English swearing and insults', () => {
    assert.deepEqual(found('This is bullshit, you idiot. Fucking assholes.'), [
      'profanity:bullshit',
      'abuse:idiot',
      'profanity:Fucking',
      'abuse:assholes',
    ]);
  });

  it('flags Dutch insults and slurs aimed at people', () => {
    assert.deepEqual(found('Die wethouder is een klootzak en een mongool. Stelletje eikels en hoeren.'), [
      'abuse:klootzak',
      'abuse:mongool',
      'abuse:eikels',
      'abuse:hoeren',
    ]);
  });

  it('undoes stretched letters, digits for letters and an asterisk for a letter', () => {
    assert.deepEqual(found('kl0te, f*ck, fuuuuuck, $hit, K*T'), [
      'profanity:kl0te',
      'profanity:f*ck',
      'profanity:fuuuuuck',
      'profanity:$hit',
      'profanity:K*T',
    ]);
  });

  it('leaves words alone that merely contain a curse (no Scunthorpe problem)', () => {
    const clean =
      'Scunthorpe, class, assessment, passage, cocktail, Dickens, vertering, kleren, klerenkast, lull, shiitake, analyse, hoera, geluld, skut, bekut.';
    assert.deepEqual(found(clean), []);
  });

  it('does not flag "kanker" as the name of the disease', () => {
    const text =
      'Mijn moeder heeft kanker. Het kankeronderzoek en de kankerpatiënten in het ziekenhuis, borstkanker, longkanker: mensen krijgen kanker van fijnstof.';
    assert.deepEqual(found(text), []);
  });

  it('flags "kanker" as a curse: in an insulting compound, as a command, or wished on someone', () => {
    assert.deepEqual(found('Die kankerlijer! Kankerzooi. Kanker op met je plan. Krijg de kanker.'), [
      'abuse:kankerlijer',
      'abuse:Kankerzooi',
      'threat:Kanker op',
      'threat:Krijg de kanker',
    ]);
  });

  it('flags threats in Dutch and English as one span', () => {
    assert.deepEqual(found('Ik weet waar je woont. Ik maak je af! I will kill you. Go kill yourself.'), [
      'threat:Ik weet waar je woont',
      'threat:Ik maak je af',
      'threat:I will kill you',
      'threat:kill yourself',
    ]);
  });

  it('finds nothing in an ordinary, critical comment', () => {
    assert.deepEqual(
      found('Ik ben het hier totaal niet mee eens. Dit plan is slecht doordacht en de gemeente luistert niet.'),
      [],
    );
  });
});
