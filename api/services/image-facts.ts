/**
 * What an uploaded file really is, read from its bytes and never from its name or the type the
 * browser declared: PNG, JPEG or WebP, and its width and height in pixels (the portal sets them
 * on `<img>` so the page does not jump while it loads, WCAG 2.2 and Core Web Vitals' layout
 * shift). Anything else, or a file whose header is cut off, is not an image we take.
 *
 * The sizes are read as the header states them, which a hostile file can set to anything (a PNG
 * may claim 4 billion pixels a side, or none): `acceptImage` holds them to sane bounds before
 * anything is stored, and takes the file's metadata out (./image-metadata.ts).
 */
import { withoutMetadata } from './image-metadata.ts';

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';
export type ImageFacts = { mime: ImageType; width: number; height: number };

/** The file extension of each type, for the content-hashed address. */
export const EXTENSION: Record<ImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/**
 * @example
 * imageFacts(pngBytes) // { mime: 'image/png', width: 40, height: 30 }
 * imageFacts(new TextEncoder().encode('<svg …')) // undefined
 */
export function imageFacts(bytes: Uint8Array): ImageFacts | undefined {
  return png(bytes) ?? jpeg(bytes) ?? webp(bytes);
}

/** Why an uploaded file is not taken as an image. */
export type ImageRefusal = 'type' | 'dimensions' | 'damaged';

/**
 * An uploaded image as Podium stores it: of one of `types`, 1 to `maxSide` pixels a side, its
 * segments adding up, its metadata taken out (the bytes returned are the ones to store), and its
 * width and height as a browser shows it (a JPEG turned on its side by its orientation swaps them).
 *
 * @example
 * acceptImage(phoneJpeg, { types: ['image/jpeg'], maxSide: 8192 }) // { mime: 'image/jpeg', width: 3024, height: 4032, bytes }
 * acceptImage(hostilePng, { types: ['image/png'], maxSide: 8192 }) // { refused: 'dimensions' }
 */
export function acceptImage(
  bytes: Uint8Array,
  options: { types: readonly ImageType[]; maxSide: number },
): (ImageFacts & { bytes: Uint8Array }) | { refused: ImageRefusal } {
  const facts = imageFacts(bytes);
  if (!facts || !options.types.includes(facts.mime)) return { refused: 'type' };
  const fits = (side: number) => side >= 1 && side <= options.maxSide;
  if (!fits(facts.width) || !fits(facts.height)) return { refused: 'dimensions' };
  const clean = withoutMetadata(bytes, facts.mime);
  if (!clean) return { refused: 'damaged' };
  const turned = clean.orientation !== undefined && clean.orientation >= 5;
  return {
    mime: facts.mime,
    width: turned ? facts.height : facts.width,
    height: turned ? facts.width : facts.height,
    bytes: clean.bytes,
  };
}

const startsWith = (b: Uint8Array, at: number, ...values: number[]) => values.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, at: number, text: string) =>
  startsWith(b, at, ...[...text].map((ch) => ch.charCodeAt(0)));
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;

function png(b: Uint8Array): ImageFacts | undefined {
  // Signature, then the IHDR chunk first (PNG spec 5.2, 11.2.2).
  if (b.length < 24 || !startsWith(b, 0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) || !ascii(b, 12, 'IHDR'))
    return undefined;
  return { mime: 'image/png', width: u32be(b, 16), height: u32be(b, 20) };
}

function jpeg(b: Uint8Array): ImageFacts | undefined {
  if (b.length < 4 || !startsWith(b, 0, 0xff, 0xd8, 0xff)) return undefined;
  // Walk the segments to the first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC).
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { mime: 'image/jpeg', height: u16be(b, at + 5), width: u16be(b, at + 7) };
    if (marker === 0xd9 || marker === 0xda) return undefined;
    at += 2 + u16be(b, at + 2);
  }
  return undefined;
}

function webp(b: Uint8Array): ImageFacts | undefined {
  if (b.length < 30 || !ascii(b, 0, 'RIFF') || !ascii(b, 8, 'WEBP')) return undefined;
  // The first chunk says which of the three formats it is (RFC 9649 section 2.5–2.7).
  if (ascii(b, 12, 'VP8 ') && startsWith(b, 23, 0x9d, 0x01, 0x2a))
    return { mime: 'image/webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (ascii(b, 12, 'VP8L') && b[20] === 0x2f) {
    const [b1, b2, b3, b4] = [b[21]!, b[22]!, b[23]!, b[24]!];
    return {
      mime: 'image/webp',
      width: 1 + (((b2 & 0x3f) << 8) | b1),
      height: 1 + (((b4 & 0x0f) << 10) | (b3 << 2) | ((b2 & 0xc0) >> 6)),
    };
  }
  if (ascii(b, 12, 'VP8X')) return { mime: 'image/webp', width: 1 + u24le(b, 24), height: 1 + u24le(b, 27) };
  return undefined;
}
