/**
 * Bluesky rich text: facets mark links, mentions and tags by **UTF-8 byte** offsets into
 * the post's text, while JavaScript strings count UTF-16 code units. Converting through
 * TextEncoder keeps a link in place after "één", "café" or an emoji (the same algorithm
 * as `@atproto/api`'s RichText, without its weight).
 */

export type FacetFeature =
  { kind: 'link'; uri: string } | { kind: 'mention'; did: string } | { kind: 'tag'; tag: string };

/** A facet placed in the JavaScript string: `start`/`end` are UTF-16 indices. */
export type PlacedFacet = { start: number; end: number; text: string; features: FacetFeature[] };

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The UTF-16 index of a UTF-8 byte offset, or undefined when the offset is outside the
 * text or falls inside a multi-byte character.
 */
export function utf16IndexOfByteOffset(bytes: Uint8Array, byteOffset: number): number | undefined {
  if (!Number.isInteger(byteOffset) || byteOffset < 0 || byteOffset > bytes.length) return undefined;
  try {
    return strictDecoder.decode(bytes.subarray(0, byteOffset)).length;
  } catch {
    return undefined;
  }
}

function featureOf(raw: unknown): FacetFeature | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const f = raw as Record<string, unknown>;
  const type = typeof f.$type === 'string' ? f.$type : '';
  if (type.endsWith('#link') && typeof f.uri === 'string') return { kind: 'link', uri: f.uri };
  if (type.endsWith('#mention') && typeof f.did === 'string') return { kind: 'mention', did: f.did };
  if (type.endsWith('#tag') && typeof f.tag === 'string') return { kind: 'tag', tag: f.tag };
  return undefined;
}

/**
 * Places a post's facets in its text. Facets with impossible offsets, without a known
 * feature, or overlapping an earlier facet are left out.
 *
 * @example
 * const text = 'één 🚲 https://e.nl';
 * placeFacets(text, [{ index: { byteStart: 11, byteEnd: 23 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://e.nl' }] }])
 * // [{ start: 7, end: 19, text: 'https://e.nl', features: [{ kind: 'link', uri: 'https://e.nl' }] }]
 */
export function placeFacets(text: string, facets: unknown): PlacedFacet[] {
  if (!Array.isArray(facets)) return [];
  const bytes = encoder.encode(text);
  const placed: PlacedFacet[] = [];
  for (const facet of facets) {
    const index = (facet as { index?: { byteStart?: unknown; byteEnd?: unknown } } | null)?.index;
    const start = utf16IndexOfByteOffset(bytes, Number(index?.byteStart));
    const end = utf16IndexOfByteOffset(bytes, Number(index?.byteEnd));
    if (start === undefined || end === undefined || end <= start) continue;
    const features = ((facet as { features?: unknown[] }).features ?? [])
      .map(featureOf)
      .filter((f): f is FacetFeature => !!f);
    if (features.length === 0) continue;
    placed.push({ start, end, text: text.slice(start, end), features });
  }
  placed.sort((a, b) => a.start - b.start);
  return placed.filter((facet, i) => i === 0 || facet.start >= placed[i - 1]!.end);
}
