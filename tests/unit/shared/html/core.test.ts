/** The kit's core: escaping by default, trusted markup only through raw, attributes, lists. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml } from '../../../../shared/html/core.ts';
import { attrs, html, idRefs, join, nothing, raw, withMarkup } from '../../../../shared/html/index.ts';

describe('the HTML kit core', () => {
  it('escapes the five HTML special characters', () => {
    assert.equal(
      escapeHtml(`<a href="x" title='y'>&</a>`),
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes every interpolated string, including the apostrophe', () => {
    assert.equal(String(html`<p title="${`'"`}">${'<b>&'}</p>`), '<p title="&#39;&quot;">&lt;b&gt;&amp;</p>');
  });

  it('does not escape markup made by html or marked with raw a second time', () => {
    const inner = html`<em>${'a&b'}</em>`;
    assert.equal(String(html`<p>${inner}${raw('<br>')}</p>`), '<p><em>a&amp;b</em><br></p>');
  });

  it('renders lists joined and null, undefined and false as nothing', () => {
    assert.equal(String(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`), '<ul><li>a</li><li>b</li></ul>');
    assert.equal(String(html`${null}${undefined}${false}${nothing}`), '');
  });

  it('joins fragments with an escaped separator', () => {
    assert.equal(String(join([html`<i>a</i>`, 'b&'], ' & ')), '<i>a</i> &amp; b&amp;');
  });

  it('writes attributes, leaving out absent ones', () => {
    assert.equal(
      String(attrs({ id: 'a"', required: true, hidden: false, title: undefined })),
      ' id="a&quot;" required',
    );
    assert.equal(idRefs(undefined, 'x', false, 'y'), 'x y');
    assert.equal(idRefs(undefined), undefined);
  });

  it('puts markup into an escaped message', () => {
    assert.equal(
      String(withMarkup((date) => `Antwoord <snel> vóór ${date}.`, html`<time>1 mei</time>`)),
      'Antwoord &lt;snel&gt; vóór <time>1 mei</time>.',
    );
  });
});
