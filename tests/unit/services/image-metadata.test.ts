import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageFacts } from '../../../api/services/image-facts.ts';
import { exifOrientation, withoutMetadata } from '../../../api/services/image-metadata.ts';
import { JPEG_40x30, PNG_40x30, WEBP_40x30, WEBP_ALPHA_40x30 } from '../../support/image-fixtures.ts';
import { exifData, jpegSegment, jpegWith, pngChunk, pngWith, webpChunk, webpOf } from '../../support/images.ts';

const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'latin1'));
const ICC = jpegSegment(0xe2, Buffer.concat([Buffer.from('ICC_PROFILE\0', 'latin1'), Buffer.from([1, 1, 9, 9, 9])]));

describe('withoutMetadata for a JPEG', () => {
  const phonePhoto = jpegWith(
    JPEG_40x30,
    jpegSegment(0xe1, exifData(6)),
    jpegSegment(
      0xe1,
      'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>52,22N</exif:GPSLatitude></x:xmpmeta>',
    ),
    jpegSegment(0xed, 'Photoshop 3.0\x008BIM\x04\x04 IPTC city Amsterdam'),
    jpegSegment(0xfe, 'Taken at Dam Square'),
    ICC,
  );

  it('takes out EXIF with the GPS position, XMP, IPTC and comments, and keeps the picture byte for byte', () => {
    const clean = withoutMetadata(phonePhoto, 'image/jpeg')!;
    for (const text of ['PhoneMaker', 'GPSLatitude', 'xmpmeta', 'Amsterdam', 'Dam Square', '8BIM'])
      assert.equal(contains(clean.bytes, text), false, text);
    assert.deepEqual(
      Buffer.from(clean.bytes.subarray(clean.bytes.length - (JPEG_40x30.length - 2))),
      Buffer.from(JPEG_40x30.subarray(2)),
    );
    assert.deepEqual(imageFacts(clean.bytes), { mime: 'image/jpeg', width: 40, height: 30 });
  });

  it('keeps the colour profile and the orientation, the latter as an EXIF segment with that one field', () => {
    const clean = withoutMetadata(phonePhoto, 'image/jpeg')!;
    assert.equal(clean.orientation, 6);
    assert.equal(contains(clean.bytes, 'ICC_PROFILE'), true);
    // SOI, then APP1 of 34 bytes holding only the orientation.
    assert.deepEqual([...clean.bytes.subarray(0, 6)], [0xff, 0xd8, 0xff, 0xe1, 0x00, 0x22]);
    assert.equal(exifOrientation(clean.bytes.subarray(6, 2 + 2 + 0x22)), 6);
    // Cleaning again changes nothing.
    assert.deepEqual(withoutMetadata(clean.bytes, 'image/jpeg'), clean);
  });

  it('reads the orientation in both byte orders and ignores upright or nonsense values', () => {
    assert.equal(exifOrientation(exifData(8, 'MM')), 8);
    assert.equal(exifOrientation(exifData(3, 'II')), 3);
    assert.equal(exifOrientation(exifData(1)), undefined);
    assert.equal(exifOrientation(exifData(9)), undefined);
    assert.equal(exifOrientation(exifData(6).subarray(0, 20)), undefined);
    const upright = withoutMetadata(jpegWith(JPEG_40x30, jpegSegment(0xe1, exifData(1))), 'image/jpeg')!;
    assert.deepEqual(upright, { bytes: JPEG_40x30 });
  });

  it('keeps the JFIF header but not its thumbnail, which may show the picture before it was cropped', () => {
    const thumbnail = [
      0x4a,
      0x46,
      0x49,
      0x46,
      0x00,
      1,
      2,
      0,
      0,
      1,
      0,
      1,
      2,
      1,
      ...'SECRET'.split('').map((c) => c.charCodeAt(0)),
    ];
    const clean = withoutMetadata(jpegWith(JPEG_40x30, jpegSegment(0xe0, Uint8Array.from(thumbnail))), 'image/jpeg')!;
    assert.equal(contains(clean.bytes, 'SECRET'), false);
    assert.deepEqual(
      [...clean.bytes.subarray(0, 20)],
      [0xff, 0xd8, 0xff, 0xe0, 0, 16, ...thumbnail.slice(0, 12), 0, 0],
    );
  });

  it('leaves out what follows the end of the image, such as a second picture', () => {
    const trailer = new Uint8Array([...JPEG_40x30, ...jpegWith(JPEG_40x30, jpegSegment(0xe1, exifData(6)))]);
    assert.deepEqual(withoutMetadata(trailer, 'image/jpeg'), { bytes: JPEG_40x30 });
  });

  it('refuses a JPEG cut short, or whose segment lengths point past its end', () => {
    assert.equal(withoutMetadata(JPEG_40x30.subarray(0, JPEG_40x30.length - 2), 'image/jpeg'), undefined);
    assert.equal(withoutMetadata(JPEG_40x30.subarray(0, 100), 'image/jpeg'), undefined);
    const longSegment = JPEG_40x30.slice();
    longSegment[4] = 0xff; // the first DQT segment now claims 65 kB
    assert.equal(withoutMetadata(longSegment, 'image/jpeg'), undefined);
    assert.equal(withoutMetadata(Uint8Array.of(0xff, 0xd8, 0xff, 0xd9), 'image/jpeg'), undefined);
  });
});

describe('withoutMetadata for a PNG', () => {
  it('takes out text, EXIF, time and private chunks and what follows IEND, keeping the colour profile and the pixels', () => {
    const icc = pngChunk('iCCP', 'sRGB\0\0profile');
    const tagged = new Uint8Array([
      ...pngWith(
        PNG_40x30,
        pngChunk('tEXt', 'Author\0Jan Jansen'),
        pngChunk('iTXt', 'XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>GPS</x:xmpmeta>'),
        pngChunk('zTXt', 'Comment\0\0xx'),
        pngChunk('eXIf', exifData(6).subarray(6)),
        pngChunk('tIME', Uint8Array.of(7, 234, 12, 5, 14, 0, 0)),
        pngChunk('prVt', 'private'),
        icc,
      ),
      ...Buffer.from('trailing secret'),
    ]);
    const clean = withoutMetadata(tagged, 'image/png')!;
    assert.deepEqual(Buffer.from(clean.bytes), Buffer.from(pngWith(PNG_40x30, icc)));
    for (const text of ['Jan Jansen', 'xmpmeta', 'PhoneMaker', 'private', 'trailing secret'])
      assert.equal(contains(clean.bytes, text), false, text);
  });

  it('refuses a PNG cut short, without pixels, or with a chunk longer than the file', () => {
    assert.equal(withoutMetadata(PNG_40x30.subarray(0, PNG_40x30.length - 12), 'image/png'), undefined);
    assert.equal(withoutMetadata(PNG_40x30.subarray(0, 33), 'image/png'), undefined);
    const noPixels = new Uint8Array([...PNG_40x30.subarray(0, 33), ...pngChunk('IEND', '')]);
    assert.equal(withoutMetadata(noPixels, 'image/png'), undefined);
    const tooLong = PNG_40x30.slice();
    tooLong[33] = 0x7f; // the chunk after IHDR claims 2 GB
    assert.equal(withoutMetadata(tooLong, 'image/png'), undefined);
  });
});

describe('withoutMetadata for a WebP', () => {
  it('takes out EXIF and XMP chunks and clears their flags, leaving the very file it was before they were added', () => {
    const body = WEBP_ALPHA_40x30.slice(12);
    body[8] = body[8]! | 0x08 | 0x04;
    const tagged = webpOf(
      body,
      webpChunk('EXIF', exifData(6).subarray(6)),
      webpChunk('XMP ', '<x:xmpmeta>GPS</x:xmpmeta>'),
    );
    assert.deepEqual(withoutMetadata(tagged, 'image/webp'), { bytes: WEBP_ALPHA_40x30 });
    assert.deepEqual(withoutMetadata(WEBP_40x30, 'image/webp'), { bytes: WEBP_40x30 });
  });

  it('refuses a WebP whose RIFF size or chunk size points past its end', () => {
    assert.equal(withoutMetadata(WEBP_40x30.subarray(0, WEBP_40x30.length - 4), 'image/webp'), undefined);
    const body = WEBP_40x30.slice(12);
    body[4] = 0xff;
    assert.equal(withoutMetadata(webpOf(body), 'image/webp'), undefined);
  });
});
