/**
 * The residents' rights markup (site/lib/render/rights.ts): escaped, linked to the right
 * addresses, and with the error pattern of the portal's forms.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  renderDataRequestForm,
  renderEraseConfirmation,
  renderLinkedInput,
  renderRightsSection,
} from '../../../../shared/render/index.ts';
import type { FollowUp } from '../../../../shared/contracts/public-content.ts';

const followUp = {
  code: 'K7QM-4XPR-9TWD',
  erasedAt: null,
} as FollowUp;

describe('the rights section of the follow-up page', () => {
  test('links the JSON download and the erasure page of this code, in the page’s language', () => {
    const nl = String(renderRightsSection(followUp, 'nl'));
    assert.match(nl, /href="\/api\/follow-up\/K7QM-4XPR-9TWD\/export" download="podium-K7QM-4XPR-9TWD\.json"/);
    assert.match(nl, /href="\/volg\/K7QM-4XPR-9TWD\/verwijderen\/">Verwijder mijn inbreng</);
    const en = String(renderRightsSection(followUp, 'en'));
    assert.match(en, /href="\/en\/follow-up\/K7QM-4XPR-9TWD\/erase\/">Erase my input</);
  });

  test('says when the input was erased instead of offering the actions again', () => {
    const html = String(renderRightsSection({ ...followUp, erasedAt: '2026-11-27T10:00:00.000Z' }, 'nl'));
    assert.match(html, /Uw reactie is verwijderd op 27 november 2026/);
    assert.doesNotMatch(html, /href=/);
  });
});

describe('the erasure confirmation', () => {
  const options = { code: 'K7QM-4XPR-9TWD', lang: 'nl' as const, consultationTitle: { nl: '<b>Fiets</b> & route' } };

  test('escapes the consultation title and posts to its own address', () => {
    const html = String(renderEraseConfirmation(options));
    assert.match(html, /&lt;b&gt;Fiets&lt;\/b&gt; &amp; route/);
    assert.match(html, /<form class="podium-form" method="post" action="\/volg\/K7QM-4XPR-9TWD\/verwijderen\/">/);
    assert.doesNotMatch(html, /podium-error-summary/);
  });

  test('shows a summary that links to the unticked box, and marks the box invalid', () => {
    const html = String(renderEraseConfirmation({ ...options, error: true }));
    assert.match(html, /<a href="#erase-confirm">Vink aan/);
    assert.match(html, /id="erase-confirm"[^>]*aria-describedby="erase-confirm-error"[^>]*aria-invalid="true"/);
  });
});

describe('the e-mail link pages', () => {
  test('keep a typed address, escaped, after an error', () => {
    const html = String(
      renderDataRequestForm({
        lang: 'en',
        email: '"><script>x</script>',
        error: 'Enter an e-mail address.',
      }),
    );
    assert.match(html, /value="&quot;&gt;&lt;script&gt;x&lt;\/script&gt;"/);
    assert.match(html, /aria-invalid="true"/);
    assert.match(html, /novalidate/);
  });

  test('list each input with its code and, unless erased, its download and erasure', () => {
    const html = String(
      renderLinkedInput({
        lang: 'nl',
        items: [
          {
            code: 'AAAA-BBBB-CCCC',
            consultationTitle: { nl: 'Fietsroute' },
            submittedAt: '2026-11-01T10:00:00Z',
            erasedAt: null,
          },
          {
            code: 'DDDD-EEEE-FFFF',
            consultationTitle: { nl: 'Parkeren' },
            submittedAt: '2026-11-02T10:00:00Z',
            erasedAt: '2026-11-03T10:00:00Z',
          },
        ],
      }),
    );
    assert.match(html, /\/volg\/AAAA-BBBB-CCCC\/verwijderen\//);
    assert.doesNotMatch(html, /\/volg\/DDDD-EEEE-FFFF\/verwijderen\//);
    assert.match(html, /DDDD-EEEE-FFFF/);
    assert.match(String(renderLinkedInput({ lang: 'en', items: [] })), /no longer keep any responses/);
  });
});
