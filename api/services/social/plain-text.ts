/**
 * For platforms that send bare text without entities (Facebook, Instagram comments):
 * links, hashtags and @-mentions found in the text itself.
 */
import type { SocialLink } from '../../../shared/contracts/social-thread.ts';
import type { TextSpan } from './sanitise.ts';

// Trailing punctuation belongs to the sentence, not to the URL.
const URL_PATTERN = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]}]/gi;

export function linksInText(text: string): { spans: TextSpan[]; links: SocialLink[] } {
  const spans: TextSpan[] = [];
  const links: SocialLink[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    spans.push({ start: match.index, end: match.index + match[0].length, href: match[0] });
    if (!links.some((l) => l.url === match[0])) links.push({ url: match[0], text: match[0] });
  }
  return { spans, links };
}

export function hashtagsInText(text: string): string[] {
  return [
    ...new Set([...text.matchAll(/(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu)].map((m) => m[1]!)),
  ];
}

export function mentionsInText(text: string): string[] {
  return [
    ...new Set(
      [...text.matchAll(/(?:^|[^\p{L}\p{N}_.])@([a-zA-Z0-9_.]{1,30})/gu)].map((m) => m[1]!.replace(/\.$/, '')),
    ),
  ];
}
