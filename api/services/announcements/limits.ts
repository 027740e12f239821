/**
 * What an announcement looks like on each platform, and whether it fits. Mastodon counts
 * characters (code points) of the text and the content warning together, every link as 23;
 * Bluesky counts graphemes (what a reader sees as one character: an emoji with its skin tone,
 * a letter with its accent), which is what `Intl.Segmenter` splits. X counts like Mastodon at
 * 280; Facebook and Instagram take long texts, but Instagram does not make links clickable.
 * Each platform's text ends with the address of the announcement on the portal, where it is
 * accessible whatever the platform does.
 */
import { blueskyText } from '../social/publishers/bluesky.ts';

export type PreviewPlatform = 'mastodon' | 'bluesky' | 'x' | 'facebook' | 'instagram';

export const LIMITS: Record<PreviewPlatform, { max: number; unit: 'characters' | 'graphemes' }> = {
  mastodon: { max: 500, unit: 'characters' },
  bluesky: { max: 300, unit: 'graphemes' },
  x: { max: 280, unit: 'characters' },
  facebook: { max: 63_206, unit: 'characters' },
  instagram: { max: 2_200, unit: 'characters' },
};

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;
/** Mastodon and X count every link as this many characters, however long it is. */
const LINK_WEIGHT = 23;

const segmenter = new Intl.Segmenter('nl', { granularity: 'grapheme' });

export function graphemeCount(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

function linkWeightedLength(text: string): number {
  const links = text.match(URL_PATTERN) ?? [];
  const rest = text.replace(URL_PATTERN, '');
  return [...rest].length + links.length * LINK_WEIGHT;
}

export type PlatformText = { platform: PreviewPlatform; text: string; length: number; max: number; fits: boolean };

/** The text a platform gets: the body, then the portal's address of the announcement. */
export function platformText(
  platform: PreviewPlatform,
  post: { body: string; contentWarning: string | null; portalUrl: string },
): PlatformText {
  const base = `${post.body.trim()}\n\n${post.portalUrl}`;
  let text: string;
  let length: number;
  if (platform === 'bluesky') {
    text = blueskyText({ text: base, contentWarning: post.contentWarning });
    length = graphemeCount(text);
  } else if (platform === 'mastodon') {
    // The warning travels as spoiler_text, but Mastodon counts it against the same 500.
    text = base;
    length = linkWeightedLength(base) + [...(post.contentWarning ?? '')].length;
  } else {
    text = post.contentWarning ? `${post.contentWarning}\n\n${base}` : base;
    length = platform === 'x' ? linkWeightedLength(text) : [...text].length;
  }
  const { max } = LIMITS[platform];
  return { platform, text, length, max, fits: length <= max };
}
