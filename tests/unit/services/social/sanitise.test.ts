import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlToText, renderPlainText, sanitisePostHtml } from '../../../../api/services/social/sanitise.ts';

describe('sanitising post HTML', () => {
  it('removes scripts, event handlers, images and unsafe link targets', () => {
    const html = sanitisePostHtml(
      '<p>Hoi<script>alert(1)</script><img src=x onerror=alert(1)> <a href="javascript:alert(1)">klik</a> <a href=" JAVASCRIPT:x">ook</a><style>p{}</style></p>',
    );
    assert.equal(html, '<p>Hoi klik ook</p>');
  });

  it('gives every link rel="nofollow ugc noopener" and drops target and class', () => {
    const html = sanitisePostHtml('<a href="https://e.example/" rel="me" target="_blank" class="x">e</a>');
    assert.equal(html, '<a href="https://e.example/" rel="nofollow ugc noopener">e</a>');
  });

  it("drops Mastodon's invisible URL parts and marks the shortened part with an ellipsis", () => {
    const html = sanitisePostHtml(
      '<p><a href="https://www.gemeente.example/fietsroute/lang"><span class="invisible">https://www.</span><span class="ellipsis">gemeente.example/fiets</span><span class="invisible">route/lang</span></a></p>',
    );
    assert.equal(
      html,
      '<p><a href="https://www.gemeente.example/fietsroute/lang" rel="nofollow ugc noopener">gemeente.example/fiets…</a></p>',
    );
  });

  it('unwraps mention spans but keeps their text and link', () => {
    const html = sanitisePostHtml(
      '<span class="h-card" translate="no"><a href="https://m.example/@bob" class="u-url mention">@<span>bob</span></a></span>',
    );
    assert.equal(html, '<a href="https://m.example/@bob" rel="nofollow ugc noopener">@bob</a>');
  });

  it('turns paragraphs and line breaks into plain text with the full URLs and decoded entities', () => {
    const text = htmlToText(
      '<p>&quot;Eén&quot; &amp; twee</p><p>regel<br>regel <a href="https://e.example/x"><span class="invisible">https://</span>e.example/x</a></p>',
    );
    assert.equal(text, '"Eén" & twee\n\nregel\nregel https://e.example/x');
  });

  it('renders plain text with escaped markup, paragraphs and links at UTF-16 positions', () => {
    const text = 'één 🚲 https://e.example <b>\n\nnieuwe alinea\nregel';
    const start = text.indexOf('https');
    const html = renderPlainText(text, [{ start, end: start + 17, href: 'https://e.example' }]);
    assert.equal(
      html,
      '<p>één 🚲 <a href="https://e.example" rel="nofollow ugc noopener">https://e.example</a> &lt;b&gt;</p><p>nieuwe alinea<br>regel</p>',
    );
  });

  it('leaves overlapping, out-of-range and javascript spans as plain text', () => {
    const html = renderPlainText('abc def', [
      { start: 0, end: 3, href: 'https://a.example' },
      { start: 2, end: 5, href: 'https://b.example' },
      { start: 4, end: 99, href: 'https://c.example' },
      { start: 4, end: 7, href: 'javascript:alert(1)' },
    ]);
    assert.equal(html, '<p><a href="https://a.example" rel="nofollow ugc noopener">abc</a> def</p>');
  });
});
