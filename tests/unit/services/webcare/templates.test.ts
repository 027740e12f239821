import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillTemplate } from '../../../../api/services/webcare/templates.ts';

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

  it('falls back to the Dutch text when there is no English one', () => {
    assert.equal(
      fillTemplate({ body: { nl: 'Over {consultatie}.' } }, 'en', values),
      'Over Fietsroute Stationsstraat.',
    );
  });

  it('leaves unknown placeholders as they are, so staff see what was not filled', () => {
    assert.equal(fillTemplate({ body: { nl: 'Beste {naam},' } }, 'nl', values), 'Beste {naam},');
  });
});
