import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifySentiment, lexiconMethod } from '../../../../api/services/sentiment/index.ts';

const nl = (text: string) => classifySentiment(text, 'nl');
const en = (text: string) => classifySentiment(text, 'en');

describe('classifySentiment', () => {
  it('labels plain praise and complaints in Dutch and English', () => {
    assert.equal(nl('Het nieuwe fietspad is prachtig, dank jullie wel!').label, 'positive');
    assert.equal(nl('De stoep ligt vol hondenpoep, schandalig.').label, 'negative');
    assert.equal(en('Thanks for fixing the streetlight so quickly!').label, 'positive');
    assert.equal(en('The junction is dangerous and the council does nothing.').label, 'negative');
  });

  it('flips a negated word: "niet veilig", "geen goed idee", "not safe"', () => {
    assert.equal(nl('Het fietspad is veilig').label, 'positive');
    assert.equal(nl('Het fietspad is niet veilig').label, 'negative');
    assert.equal(nl('Dat is geen goed idee').label, 'negative');
    assert.equal(en('The bike lane is safe').label, 'positive');
    assert.equal(en('The bike lane is not safe').label, 'negative');
    assert.equal(en("This isn't good").label, 'negative');
  });

  it('negates a Dutch word when "niet" closes its clause: "veilig is het niet"', () => {
    assert.equal(nl('Veilig is het hier niet.').label, 'negative');
    assert.equal(nl('Veilig is het hier.').label, 'positive');
    assert.equal(nl('Het werkt niet').label, 'negative');
  });

  it('ends the negation at punctuation and at a conjunction', () => {
    // Without the reset, "schoon" would be negated too and the whole text would turn negative.
    assert.equal(nl('Het is niet druk, het is schoon').label, 'positive');
    assert.equal(nl('Het is niet druk en het is schoon').label, 'positive');
    assert.equal(en('It is not noisy and the park is lovely').label, 'positive');
  });

  it('reads "geen probleem" and "not bad" as mildly positive', () => {
    assert.equal(nl('Geen probleem, de omleiding was duidelijk.').label, 'positive');
    assert.ok(en('not bad').score > 0);
  });

  it('strengthens a word after an intensifier and weakens it after a softener', () => {
    assert.ok(nl('heel fijn').score > nl('fijn').score);
    assert.ok(nl('erg slecht').score < nl('slecht').score);
    assert.ok(en('very good').score > en('good').score);
    assert.ok(Math.abs(nl('een beetje druk').score) < Math.abs(nl('druk').score));
    assert.ok(Math.abs(en('slightly annoying').score) < Math.abs(en('annoying').score));
  });

  it('keeps plain questions neutral and softens judgement inside a question', () => {
    assert.equal(nl('Wanneer wordt het oud papier opgehaald?').label, 'neutral');
    assert.equal(en('When will the bins be collected?').label, 'neutral');
    assert.ok(Math.abs(nl('Is het fietspad veilig?').score) < Math.abs(nl('Het fietspad is veilig.').score));
  });

  it('labels neutral information as neutral', () => {
    assert.equal(nl('De gemeenteraad bespreekt het verkeersplan op 12 mei.').label, 'neutral');
    assert.equal(en('The road will be closed during week 14 for resurfacing.').label, 'neutral');
  });

  it('counts emoji and emoticons', () => {
    assert.equal(nl('Nieuwe bankjes in het park 👍').label, 'positive');
    assert.equal(nl('Weer de container vol 😡').label, 'negative');
    assert.equal(en('new benches :)').label, 'positive');
    assert.equal(nl('👍🏽').label, 'positive', 'a skin tone does not hide the emoji');
  });

  it('weighs the clause after "maar" or "but" more than the one before', () => {
    assert.equal(nl('Mooie plannen, maar de uitvoering is slecht').label, 'negative');
    assert.equal(nl('Het duurde lang, maar het resultaat is prachtig').label, 'positive');
    assert.equal(en('The plan looks nice, but it will be chaos').label, 'negative');
  });

  it('reads praise next to an eye-roll as sarcasm', () => {
    assert.equal(nl('Geweldig, weer een wegafsluiting zonder aankondiging 🙄').label, 'negative');
  });

  it('decodes HTML entities before scoring', () => {
    assert.equal(nl('Fiets &amp; auto: schandalig &gt;:(').label, 'negative');
    assert.equal(en('Parks &amp; trees are lovely &#x1F60D;').label, 'positive');
  });

  it('recognises inflected Dutch adjectives and compounds', () => {
    assert.equal(nl('Wat een gevaarlijke situatie').label, 'negative');
    assert.equal(nl('De parkeeroverlast hier').label, 'negative');
  });

  it('reads accessibility and mobility complaints as negative, but not strongly (issue 17)', () => {
    for (const result of [
      nl('De pont heeft een hoge drempel'),
      nl('Graag een vrijliggend fietspad, het is hier erg druk met bussen'),
      en('Please add a separate bike lane, it is very busy with buses here'),
      nl('Door de omleiding staan we elke ochtend in de file'),
    ]) {
      assert.equal(result.label, 'negative');
      assert.ok(result.score > -0.6, `strongly negative: ${result.score}`);
    }
    // The resident's own strong words still count.
    assert.ok(nl('Schandalig, die levensgevaarlijke drempel!').score <= -0.6);
  });

  it('reads a barrier from a negation beside a mobility aid or a verb of passage', () => {
    assert.equal(nl('Met mijn rolstoel kom ik de stoep niet op.').label, 'negative');
    assert.equal(nl('De ingang heeft een trap en geen hellingbaan.').label, 'negative');
    assert.equal(nl('Bij regen kun je er niet door.').label, 'negative');
    assert.equal(en("I can't get past with my wheelchair.").label, 'negative');
    assert.equal(en('The entrance has stairs and no ramp.').label, 'negative');
    // A negation that negates a valenced word is not a barrier, nor is an aid without negation.
    assert.equal(nl('Mag ik met mijn rolstoel op de pont?').label, 'neutral');
    assert.equal(nl('De bus rijdt in de vakantie niet.').label, 'neutral');
  });

  it('weakens a negated complaint more than negated praise: "niet onveilig" is not "veilig"', () => {
    assert.ok(nl('Het is niet onveilig').score < nl('Het is veilig').score);
    assert.ok(Math.abs(nl('Het is niet onveilig').score) < Math.abs(nl('Het is niet veilig').score));
    assert.equal(nl('Het is niet veilig').label, 'negative');
  });

  it('traces any Dutch compound to a known head, but not to a short one', () => {
    assert.equal(nl('Bij de verkeersdrempel').score, nl('Bij de drempel').score);
    assert.ok(nl('Bij de verkeersdrempel').score < 0);
    assert.equal(nl('Een verkeersonveilige kruising').label, 'negative');
    assert.equal(nl('Het vastgoed aan de haven').label, 'neutral');
  });

  it('matches a phrase before a modifier that starts it: "te hoog", "veel te hard"', () => {
    assert.equal(nl('De stoeprand is te hoog').label, 'negative');
    assert.ok(nl('Er wordt veel te hard gereden').score < nl('Er wordt hard gereden').score);
    assert.equal(en('The kerbs are too high').label, 'negative');
  });

  it('returns a score in [-1, 1], a confidence in [0, 1] and the method version', () => {
    for (const text of [
      '',
      'Top!!! 😍😍😍 geweldig fantastisch',
      'vreselijk slecht schandalig 😡😡',
      'De bus rijdt om 9 uur.',
    ]) {
      const result = nl(text);
      assert.ok(result.score >= -1 && result.score <= 1, text);
      assert.ok(result.confidence >= 0 && result.confidence <= 1, text);
      assert.equal(result.method, lexiconMethod);
      assert.match(result.method, /@\d+$/);
    }
  });

  it('is surer of strong text than of weak text', () => {
    assert.ok(nl('Vreselijk, echt schandalig slecht 😡').confidence > nl('een beetje druk hier').confidence);
  });

  it('treats an unknown language tag as Dutch and any English tag as English', () => {
    assert.equal(classifySentiment('not safe', 'en-GB').label, 'negative');
    assert.equal(classifySentiment('niet veilig', 'nl-BE').label, 'negative');
  });
});
