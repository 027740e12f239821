/**
 * Plain text as paragraphs: a blank line starts a new paragraph, a single newline is a
 * line break. Used for anything a person wrote as plain text (a reply, a reason, a
 * redacted post), optionally with links at given places in the text (posts from
 * plain-text platforms, whose links come from the platform's entities or facets).
 */
import type { Locale } from '../../../contracts/public-content.ts';
import { attrs, escapeHtml, html, raw, type Html } from '../../core.ts';
import { localized, type Localized } from '../localized/index.ts';

/** A stretch of the text that becomes a link, in UTF-16 indices of the text. */
export type TextLink = { start: number; end: number; href: string; text?: string | undefined };

export type ParagraphsOptions = {
  /** Set when the text's language differs from the page's. */
  lang?: Locale | undefined;
  className?: string | undefined;
  /** Links in the text; links that overlap or run outside the text stay plain text. */
  links?: readonly TextLink[] | undefined;
  /** The rel of every link. */
  linkRel?: string | undefined;
  /** Paragraphs one after the other instead of one per line (stored post HTML is compact). */
  compact?: boolean | undefined;
};

export function paragraphs(value: string, options: ParagraphsOptions = {}): Html {
  const text = value.replace(/\r\n?/g, '\n');
  // The markup keeps the text's newlines until it is split into paragraphs.
  let markup = '';
  let at = 0;
  const links = [...(options.links ?? [])]
    .filter((link) => link.start >= 0 && link.end <= text.length && link.start < link.end)
    .sort((a, b) => a.start - b.start);
  for (const link of links) {
    if (link.start < at) continue;
    markup += escapeHtml(text.slice(at, link.start));
    markup += html`<a${attrs({ href: link.href, rel: options.linkRel })}>${link.text ?? text.slice(link.start, link.end)}</a>`;
    at = link.end;
  }
  markup += escapeHtml(text.slice(at));
  const blocks = markup
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map(
      (block) =>
        html`<p${attrs({ class: options.className, lang: options.lang })}>${raw(block.replace(/\n/g, '<br>'))}</p>`,
    );
  return html`${blocks.map((block, index) => (index > 0 && !options.compact ? html`\n${block}` : block))}`;
}

/** A localized text as paragraphs, marked with its language where it falls back to Dutch. */
export function localizedParagraphs(text: Localized, lang: Locale, className?: string): Html {
  const picked = localized(text, lang);
  return paragraphs(picked.value, { lang: picked.lang === lang ? undefined : picked.lang, className });
}

/** Text on one spot with its newlines as line breaks (an answer in a description list). */
export function lineBreaks(value: string): Html {
  return raw(escapeHtml(value).replace(/\r?\n/g, '<br>'));
}
