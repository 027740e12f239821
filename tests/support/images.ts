/** Small real images for tests that upload one (logos, announcement images), and crafted parts of them. */
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** One PNG chunk: length, type, data and CRC. */
export function pngChunk(type: string, data: Uint8Array | string): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length - 4);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([length, body, sum]);
}

/** A real PNG of `width` × `height` white pixels. */
export function png(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height, 0xff);
  for (let y = 0; y < height; y++) rows[y * (width * 3 + 1)] = 0;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', header),
      pngChunk('IDAT', deflateSync(rows)),
      pngChunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** A PNG with `chunks` put right after its IHDR chunk (signature 8 bytes, IHDR 25). */
export function pngWith(image: Uint8Array, ...chunks: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat([image.subarray(0, 33), ...chunks, image.subarray(33)]));
}

/** One JPEG marker segment: 0xFF, the marker, the length and the data. */
export function jpegSegment(marker: number, data: Uint8Array | string): Buffer {
  const bytes = Buffer.from(data);
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(bytes.length + 2, 2);
  return Buffer.concat([head, bytes]);
}

/** A JPEG with `segments` put right after its start-of-image marker. */
export function jpegWith(image: Uint8Array, ...segments: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat([image.subarray(0, 2), ...segments, image.subarray(2)]));
}

/**
 * The data of an APP1 EXIF segment as a phone writes it: the orientation and the camera's make in
 * the first directory, and a GPS directory with the position (52° 22' N, 4° 53' E: Amsterdam).
 */
export function exifData(orientation: number, order: 'II' | 'MM' = 'II'): Buffer {
  const little = order === 'II';
  const u16 = (v: number) => {
    const b = Buffer.alloc(2);
    if (little) b.writeUInt16LE(v);
    else b.writeUInt16BE(v);
    return b;
  };
  const u32 = (v: number) => {
    const b = Buffer.alloc(4);
    if (little) b.writeUInt32LE(v);
    else b.writeUInt32BE(v);
    return b;
  };
  const entry = (tag: number, type: number, count: number, value: Buffer) =>
    Buffer.concat([u16(tag), u16(type), u32(count), Buffer.concat([value, Buffer.alloc(4)]).subarray(0, 4)]);
  // Directory 0 at 8: three entries (make, orientation, GPS pointer), then the make's text.
  const ifd0At = 8;
  const ifd0Size = 2 + 3 * 12 + 4;
  const makeAt = ifd0At + ifd0Size;
  const make = Buffer.from('PhoneMaker\0');
  const gpsAt = makeAt + make.length + (make.length & 1);
  const gpsSize = 2 + 4 * 12 + 4;
  const latAt = gpsAt + gpsSize;
  const lonAt = latAt + 24;
  const rational = (...values: number[]) => Buffer.concat(values.flatMap((v) => [u32(v), u32(1)]));
  return Buffer.concat([
    Buffer.from('Exif\0\0', 'binary'),
    Buffer.from(order, 'ascii'),
    u16(42),
    u32(ifd0At),
    u16(3),
    entry(0x010f, 2, make.length, u32(makeAt)),
    entry(0x0112, 3, 1, u16(orientation)),
    entry(0x8825, 4, 1, u32(gpsAt)),
    u32(0),
    make,
    Buffer.alloc(make.length & 1),
    u16(4),
    entry(0x0001, 2, 2, Buffer.from('N\0')),
    entry(0x0002, 5, 3, u32(latAt)),
    entry(0x0003, 2, 2, Buffer.from('E\0')),
    entry(0x0004, 5, 3, u32(lonAt)),
    u32(0),
    rational(52, 22, 5),
    rational(4, 53, 41),
  ]);
}

/** One WebP (RIFF) chunk, padded to an even length. */
export function webpChunk(fourcc: string, data: Uint8Array | string): Buffer {
  const bytes = Buffer.from(data);
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, 'ascii');
  head.writeUInt32LE(bytes.length, 4);
  return Buffer.concat([head, bytes, Buffer.alloc(bytes.length & 1)]);
}

/** A WebP file of these chunks, with the RIFF header's size right. */
export function webpOf(...chunks: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'ascii');
  return new Uint8Array(Buffer.concat([head, body]));
}
