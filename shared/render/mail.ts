/**
 * One layout for every notification mail (written by api/services/notifications when the
 * event happens, so it lives here with the other render functions): plain text, and the same as accessible HTML —
 * the language on `<html lang>`, a real heading, paragraphs, links whose text says where
 * they go, no layout tables, no images, no styling that carries meaning.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Locale } from '../contracts/public-content.ts';
import { html, paragraphs, type Html } from '../html/index.ts';

export type MailBlock =
  | { kind: 'text'; text: string }
  /** Someone else's words (an answer), possibly in another language than the mail. */
  | { kind: 'quote'; text: string; lang: Locale }
  | { kind: 'link'; href: string; text: string };

export type MailContent = {
  lang: Locale;
  subject: string;
  heading: string;
  blocks: readonly MailBlock[];
  /** Why they receive it, and how to stop. */
  footer: readonly MailBlock[];
};

export type RenderedMail = { subject: string; text: string; html: string };

export function renderMail(content: MailContent): RenderedMail {
  const asText = (block: MailBlock) =>
    block.kind === 'link'
      ? `${block.text}:\n${block.href}`
      : block.kind === 'quote'
        ? block.text
            .split('\n')
            .map((line) => `> ${line}`)
            .join('\n')
        : block.text;
  const text = [
    content.heading,
    '',
    ...content.blocks.map(asText).join('\n\n').split('\n'),
    '',
    '-- ',
    ...content.footer.map(asText).join('\n\n').split('\n'),
    '',
  ].join('\n');
  const asHtml = (block: MailBlock): Html =>
    block.kind === 'link'
      ? html`<p><a href="${block.href}">${block.text}</a></p>`
      : block.kind === 'quote'
        ? html`<blockquote${block.lang === content.lang ? '' : html` lang="${block.lang}"`}>${paragraphs(block.text)}</blockquote>`
        : paragraphs(block.text);
  const document = html`<!doctype html>
<html lang="${content.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${content.subject}</title>
</head>
<body>
<main>
<h1>${content.heading}</h1>
${content.blocks.map(asHtml)}
</main>
<footer>
${content.footer.map(asHtml)}
</footer>
</body>
</html>
`;
  return { subject: content.subject, text, html: String(document) };
}

/** A new one-click unsubscribe token and the hash that is stored (the token itself only travels in the mail). */
export function newUnsubscribeToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashUnsubscribeToken(token) };
}

export function hashUnsubscribeToken(token: string): string {
  return createHash('sha256').update(`podium-unsubscribe:${token}`).digest('base64url');
}

/** The unsubscribe page's address, in the mail's language: the same URL takes the one-click POST (RFC 8058). */
export function unsubscribePath(lang: Locale, token: string): string {
  return `${lang === 'en' ? '/en/unsubscribe/' : '/afmelden/'}${token}`;
}

/** The RFC 8058 headers for a mail with this unsubscribe address. */
export function oneClickHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
