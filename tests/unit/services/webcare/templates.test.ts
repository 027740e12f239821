import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  fillTemplate,
  insertTemplate,
  templateText,
  unfilledPlaceholders,
} from '../../../../api/services/webcare/templates.ts';

const values = { consultation: 'Fietsroute Stationsstraat', channel: 'Portaal', date: '23 nov 2026' };

describe('answer templates', () => {
  it('fills the Dutch placeholders in the Dutch text', () => {
    const template = { body: { nl: 'Dank voor uw inbreng op {consultatie} via {kanaal} ({datum}).', en: 'x' } };
    assert.equal(
      fillTemplate(template, 'nl', values),
      'Dank voor uw inbreng op Fietsroute Stationsstraat via Portaal (23 nov 2026).',
    );
  });

  it('fills the English placeholders in the English text', () => {
    const template = { body: { nl: 'x', en: 'Thank you for your input on {consultation}.' } };
    assert.equal(fillTemplate(template, 'en', values), 'Thank you for your input on Fietsroute Stationsstraat.');
  });

  it('gives nothing, rather than the Dutch text, when there is no English one', () => {
    assert.equal(fillTemplate({ body: { nl: 'Over {consultatie}.' } }, 'en', values), undefined);
    assert.equal(fillTemplate({ body: { nl: 'Over {consultatie}.', en: '  ' } }, 'en', values), undefined);
    assert.equal(templateText({ body: { nl: 'Over {consultatie}.' } }, 'nl'), 'Over {consultatie}.');
  });

  it('leaves unknown placeholders as they are, so staff see what was not filled', () => {
    assert.equal(fillTemplate({ body: { nl: 'Beste {naam},' } }, 'nl', values), 'Beste {naam},');
  });

  it('finds every placeholder left in an answer, known or not, each once', () => {
    assert.deepEqual(unfilledPlaceholders('Beste {naam}, over {consultatie} en {naam} ({ datum }).'), [
      '{naam}',
      '{consultatie}',
      '{datum}',
    ]);
    assert.deepEqual(unfilledPlaceholders('Dank u. Een verzameling {1, 2} of {} is geen plaatshouder.'), []);
    assert.deepEqual(unfilledPlaceholders('Over {__proto__}.'), ['{__proto__}']);
  });

  it('inserts a template above what was typed, keeping the typed text, and not twice', () => {
    assert.equal(insertTemplate('Dank voor uw inbreng.', ''), 'Dank voor uw inbreng.');
    assert.equal(
      insertTemplate('Dank voor uw inbreng.', 'Wij kijken ernaar.'),
      'Dank voor uw inbreng.\n\nWij kijken ernaar.',
    );
    const once = insertTemplate('Dank voor uw inbreng.', 'Wij kijken ernaar.');
    assert.equal(insertTemplate('Dank voor uw inbreng.', once), once);
  });
});
