/**
 * Decodes the HTML entities that social-media exports and scraped sets leave in text
 * (`&amp;`, `&gt;`, `&#39;`, `&#x1F600;`). Only the common named ones: text that needs
 * the full HTML5 table is HTML, and goes through the sanitiser, not through here.
 *
 * @example
 * decodeHtmlEntities('Fiets &amp; auto &gt; bus'); // 'Fiets & auto > bus'
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+[0-9]*);/gi, (entity: string, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return namedEntities.get(body.toLowerCase()) ?? entity;
  });
}

const namedEntities = new Map<string, string>(
  Object.entries({
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: ' ',
    hellip: '…',
    ndash: '–',
    mdash: '—',
    lsquo: '‘',
    rsquo: '’',
    ldquo: '“',
    rdquo: '”',
    euro: '€',
    eacute: 'é',
    egrave: 'è',
    euml: 'ë',
    iuml: 'ï',
    ouml: 'ö',
    uuml: 'ü',
    auml: 'ä',
    ccedil: 'ç',
  }),
);
