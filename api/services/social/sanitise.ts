/**
 * Post content as safe HTML and as plain text. Remote HTML (Mastodon and other fediverse
 * software) goes through an allowlist; plain-text platforms are written with the HTML kit
 * and get their links from the platform's entities or facets, never from guessing.
 *
 * What this module returns is trusted markup: it is stored as the post's HTML, and the
 * portal's renderer (shared/render/thread.ts) puts it into pages with `raw(...)`.
 */
import sanitizeHtml from 'sanitize-html';
import { paragraphs, type TextLink } from '../../../shared/html/index.ts';

/** Every link to the outside world carries this: no referrer juice, no window.opener. */
export const LINK_REL = 'nofollow ugc noopener';

const allowedTags = [
  'p',
  'br',
  'a',
  'strong',
  'em',
  'b',
  'i',
  'u',
  'del',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
];

const safeHref = (href: string | undefined): href is string => !!href && /^(https?:|mailto:)/i.test(href.trim());

// Pass 1: Mastodon hides parts of long URLs with CSS we do not load. Drop them, so a
// screen reader reads what a sighted reader sees ("theguardian.com/money/2019/dec…").
const dropInvisible: sanitizeHtml.IOptions = {
  allowedTags: [...allowedTags, 'span'],
  allowedAttributes: { a: ['href'], span: ['class'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  exclusiveFilter: (frame) => frame.tag === 'span' && /(?:^|\s)invisible(?:\s|$)/.test(frame.attribs.class ?? ''),
};

// Pass 2: the allowlist. `rel` is ours: the transform replaces whatever the source sent;
// a link without a safe target becomes its text.
const allowlist: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  selfClosing: ['br'],
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag =>
      safeHref(attribs.href)
        ? { tagName, attribs: { href: attribs.href.trim(), rel: LINK_REL } }
        : { tagName: 'span', attribs: {} },
  },
};

// The ellipsis span only marks where the visible part stops.
const markEllipsis = (html: string) => html.replace(/<span class="ellipsis">([^<]*)<\/span>/g, '$1…');

/**
 * Sanitises HTML from a platform for the portal and widgets.
 *
 * @example
 * sanitisePostHtml('<p>Hoi <script>x</script><a href="https://e.nl" onclick="x">e</a></p>')
 * // '<p>Hoi <a href="https://e.nl" rel="nofollow ugc noopener">e</a></p>'
 */
export function sanitisePostHtml(html: string): string {
  return (
    sanitizeHtml(markEllipsis(sanitizeHtml(html, dropInvisible)), allowlist)
      // eslint-disable-next-line no-restricted-syntax -- normalises sanitize-html's output, not a template
      .replace(/<br \/>/g, '<br>')
      .trim()
  );
}

/** Plain text of post HTML: paragraphs as blank lines, `<br>` as newlines, full URLs kept. */
export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|li|blockquote|pre)>\s*/gi, '\n\n')
    .replace(/<(p|li|blockquote|pre)(\s[^>]*)?>/gi, '');
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return decodeBasicEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Undoes the escaping that sanitize-html and X apply to text: `&amp; &lt; &gt; &quot; &#39;`. */
export function decodeBasicEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (_, name: string) => {
    switch (name) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      default:
        return "'";
    }
  });
}

/** A stretch of plain text that becomes a link, in UTF-16 indices of the text. */
export type TextSpan = TextLink;

/**
 * Renders plain text with its links as HTML, for storing beside the text: blank lines
 * separate paragraphs, single newlines become `<br>`. Spans that overlap, run outside the
 * text or point to unsafe schemes stay plain text. The markup is the HTML kit's
 * (`paragraphs`), so every character of the text is escaped.
 *
 * @example
 * renderPlainText('één 🚲 https://e.nl', [{ start: 7, end: 19, href: 'https://e.nl' }])
 * // '<p>één 🚲 <a href="https://e.nl" rel="nofollow ugc noopener">https://e.nl</a></p>'
 */
export function renderPlainText(text: string, spans: TextSpan[] = []): string {
  const links = spans.filter((span) => safeHref(span.href));
  return String(paragraphs(text, { links, linkRel: LINK_REL, compact: true }));
}
