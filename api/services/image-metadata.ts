/**
 * Takes the metadata out of an uploaded image before Podium stores and publishes it. A photo from
 * a staff member's phone carries where it was taken (EXIF GPS), when, with which device, and
 * sometimes a thumbnail of the picture before it was cropped; none of that belongs on a public
 * page (AVG/GDPR article 25, privacy by design). The pixels stay byte for byte as they were: only
 * whole segments or chunks are left out, so nothing is decoded or encoded again.
 *
 * What stays is what is needed to show the image as it was meant: the colour profile (ICC), the
 * JFIF header without its thumbnail, Adobe's colour-transform segment, and a JPEG's orientation,
 * written anew as an EXIF segment with that one field, so a phone photo is not shown on its side.
 * A PNG's or WebP's own EXIF (rare; it would hold an orientation too) goes whole.
 *
 * The walk over the file is also its check: a file whose segments or chunks do not add up (cut
 * short, a length pointing past the end) is refused, since no browser can be trusted to show it
 * the same way.
 */
import type { ImageType } from './image-facts.ts';

export type CleanImage = {
  bytes: Uint8Array;
  /** The EXIF orientation (2–8) a JPEG keeps; rotations 5–8 show the image with its sides swapped. */
  orientation?: number;
};

/**
 * @example
 * withoutMetadata(phoneJpeg, 'image/jpeg') // { bytes: <the same picture without EXIF GPS>, orientation: 6 }
 * withoutMetadata(truncatedPng, 'image/png') // undefined
 */
export function withoutMetadata(bytes: Uint8Array, mime: ImageType): CleanImage | undefined {
  switch (mime) {
    case 'image/png':
      return wrap(pngWithoutMetadata(bytes));
    case 'image/jpeg':
      return jpegWithoutMetadata(bytes);
    case 'image/webp':
      return wrap(webpWithoutMetadata(bytes));
  }
}

const wrap = (bytes: Uint8Array | undefined) => (bytes ? { bytes } : undefined);

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const u32le = (b: Uint8Array, at: number) =>
  b[at]! + (b[at + 1]! << 8) + (b[at + 2]! << 16) + ((b[at + 3]! << 24) >>> 0);
const text = (b: Uint8Array, at: number, length: number) => String.fromCharCode(...b.subarray(at, at + length));

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// ---- PNG (PNG spec, third edition, 5.3 and 11) ------------------------------------------------

/**
 * The chunks that say how to show the pixels. Left out: tEXt, zTXt, iTXt (author, software,
 * comments, often XMP), eXIf, tIME, sPLT (a named palette) and every private or unknown chunk.
 */
const PNG_KEPT = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'cHRM',
  'gAMA',
  'iCCP',
  'sBIT',
  'sRGB',
  'cICP',
  'mDCv',
  'cLLI',
  'bKGD',
  'hIST',
  'pHYs',
  'acTL',
  'fcTL',
  'fdAT',
]);

function pngWithoutMetadata(b: Uint8Array): Uint8Array | undefined {
  const parts = [b.subarray(0, 8)];
  let at = 8;
  let sawData = false;
  for (;;) {
    if (at + 12 > b.length) return undefined;
    const length = u32be(b, at);
    const type = text(b, at + 4, 4);
    if (length > 0x7fffffff || at + 12 + length > b.length || !/^[A-Za-z]{4}$/.test(type)) return undefined;
    if (at === 8 && (type !== 'IHDR' || length !== 13)) return undefined;
    const end = at + 12 + length;
    if (PNG_KEPT.has(type)) parts.push(b.subarray(at, end));
    sawData ||= type === 'IDAT';
    at = end;
    // Whatever follows IEND is not part of the image, and is left out with the rest.
    if (type === 'IEND') return sawData ? concat(parts) : undefined;
  }
}

// ---- JPEG (ITU-T T.81 annex B; JFIF; EXIF 2.32 section 4.5) -----------------------------------

const isRestart = (marker: number) => marker >= 0xd0 && marker <= 0xd7;
const startsWithText = (b: Uint8Array, value: string) => text(b, 0, value.length) === value;

function jpegWithoutMetadata(b: Uint8Array): CleanImage | undefined {
  if (b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  /** Where the orientation goes: after SOI, or after the JFIF header that must come first. */
  let orientationAt = 1;
  let orientation: number | undefined;
  let sawScan = false;
  let at = 2;
  for (;;) {
    if (at + 1 >= b.length || b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // a fill byte before a marker
      continue;
    }
    if (marker === 0xd9) {
      if (!sawScan) return undefined;
      // Whatever follows EOI (a phone's second picture, an editor's trailer) is left out.
      parts.push(b.subarray(at, at + 2));
      break;
    }
    if (isRestart(marker) || marker === 0x01) {
      parts.push(b.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (marker === 0x00 || marker === 0xd8 || at + 4 > b.length) return undefined;
    const length = u16be(b, at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > b.length) return undefined;
    const data = b.subarray(at + 4, end);
    if (marker === 0xda) {
      // The scan's coded data runs to the first marker that is neither a stuffed 0xFF nor a restart.
      let scan = end;
      for (;;) {
        scan = b.indexOf(0xff, scan);
        if (scan < 0 || scan + 1 >= b.length) return undefined;
        const next = b[scan + 1]!;
        if (next !== 0x00 && !isRestart(next)) break;
        scan += 2;
      }
      parts.push(b.subarray(at, scan));
      sawScan = true;
      at = scan;
      continue;
    }
    if (marker === 0xe0) {
      const jfif = jfifWithoutThumbnail(data);
      if (jfif && parts.length === 1) {
        parts.push(jfif);
        orientationAt = 2;
      }
    } else if (marker === 0xe1) {
      orientation ??= exifOrientation(data);
    } else if (keptJpegSegment(marker, data)) {
      parts.push(b.subarray(at, end));
    }
    at = end;
  }
  if (!sawScan) return undefined;
  if (orientation === undefined) return { bytes: concat(parts) };
  parts.splice(orientationAt, 0, orientationSegment(orientation));
  return { bytes: concat(parts), orientation };
}

/** Frames, tables and scans stay; of the application segments only the colour profile and Adobe's. */
function keptJpegSegment(marker: number, data: Uint8Array): boolean {
  if (marker === 0xe2) return startsWithText(data, 'ICC_PROFILE\0');
  if (marker === 0xee) return startsWithText(data, 'Adobe');
  // APP0–APP15 (EXIF, XMP, IPTC in APP13, MPF, makers' own) and COM comments go.
  return !(marker >= 0xe0 && marker <= 0xef) && marker !== 0xfe;
}

/** The JFIF header with its thumbnail (which may show the picture before it was cropped) left out. */
function jfifWithoutThumbnail(data: Uint8Array): Uint8Array | undefined {
  if (data.length < 14 || !startsWithText(data, 'JFIF\0')) return undefined;
  return concat([Uint8Array.of(0xff, 0xe0, 0x00, 0x10), data.subarray(0, 12), Uint8Array.of(0, 0)]);
}

/** The orientation (2–8) in an EXIF segment's first directory; 1 (upright) or none gives undefined. */
export function exifOrientation(data: Uint8Array): number | undefined {
  if (data.length < 6 + 8 || !startsWithText(data, 'Exif\0\0')) return undefined;
  const tiff = data.subarray(6);
  const order = text(tiff, 0, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const little = order === 'II';
  const u16 = (at: number) => (little ? tiff[at]! | (tiff[at + 1]! << 8) : u16be(tiff, at));
  const u32 = (at: number) => (little ? u32le(tiff, at) : u32be(tiff, at));
  if (u16(2) !== 42) return undefined;
  const directory = u32(4);
  if (directory + 2 > tiff.length) return undefined;
  const entries = u16(directory);
  for (let i = 0; i < entries; i++) {
    const entry = directory + 2 + 12 * i;
    if (entry + 12 > tiff.length) return undefined;
    // Tag 0x0112, type SHORT (3), one value, stored in the entry's first two value bytes.
    if (u16(entry) !== 0x0112) continue;
    const value = u16(entry + 8);
    return u16(entry + 2) === 3 && u32(entry + 4) === 1 && value >= 2 && value <= 8 ? value : undefined;
  }
  return undefined;
}

/** An APP1 EXIF segment with one field: the orientation (big-endian TIFF, one directory, one entry). */
function orientationSegment(orientation: number): Uint8Array {
  return Uint8Array.of(
    ...[0xff, 0xe1, 0x00, 0x22],
    ...[0x45, 0x78, 0x69, 0x66, 0x00, 0x00], // "Exif\0\0"
    ...[0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08], // "MM", 42, first directory at 8
    ...[0x00, 0x01], // one entry
    ...[0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00],
    ...[0x00, 0x00, 0x00, 0x00], // no next directory
  );
}

// ---- WebP (RFC 9649 section 2.7) --------------------------------------------------------------

/** Left out: EXIF, XMP and every unknown chunk. */
const WEBP_KEPT = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function webpWithoutMetadata(b: Uint8Array): Uint8Array | undefined {
  if (b.length < 12 || text(b, 0, 4) !== 'RIFF' || text(b, 8, 4) !== 'WEBP') return undefined;
  const end = 8 + u32le(b, 4);
  if (end > b.length) return undefined;
  const chunks: Uint8Array[] = [];
  for (let at = 12; at < end;) {
    if (at + 8 > end) return undefined;
    const fourcc = text(b, at, 4);
    const size = u32le(b, at + 4);
    const next = at + 8 + size + (size & 1);
    if (next > end) return undefined;
    if (fourcc === 'VP8X') {
      const header = b.slice(at, next);
      header[8] = header[8]! & ~(VP8X_EXIF | VP8X_XMP);
      chunks.push(header);
    } else if (WEBP_KEPT.has(fourcc)) {
      chunks.push(b.subarray(at, next));
    }
    at = next;
  }
  if (chunks.length === 0) return undefined;
  const body = concat(chunks);
  const header = new Uint8Array(12);
  header.set(b.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, 4 + body.length, true);
  return concat([header, body]);
}
