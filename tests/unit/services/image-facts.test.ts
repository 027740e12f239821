import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptImage, imageFacts } from '../../../api/services/image-facts.ts';
import { repeatsFileName } from '../../../api/services/consultation-images.ts';
import {
  GIF_1x1,
  JPEG_40x30,
  PNG_40x30,
  WEBP_40x30,
  WEBP_ALPHA_40x30,
  WEBP_LOSSLESS_40x30,
} from '../../support/image-fixtures.ts';
import { exifData, jpegSegment, jpegWith } from '../../support/images.ts';

describe('imageFacts', () => {
  it('reads the type and the size of PNG, JPEG and every kind of WebP from the bytes', () => {
    assert.deepEqual(imageFacts(PNG_40x30), { mime: 'image/png', width: 40, height: 30 });
    assert.deepEqual(imageFacts(JPEG_40x30), { mime: 'image/jpeg', width: 40, height: 30 });
    for (const webp of [WEBP_40x30, WEBP_LOSSLESS_40x30, WEBP_ALPHA_40x30])
      assert.deepEqual(imageFacts(webp), { mime: 'image/webp', width: 40, height: 30 });
  });

  it('takes nothing else: a GIF, SVG text, an empty file or a header cut short', () => {
    assert.equal(imageFacts(GIF_1x1), undefined);
    assert.equal(imageFacts(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')), undefined);
    assert.equal(imageFacts(new Uint8Array()), undefined);
    assert.equal(imageFacts(PNG_40x30.subarray(0, 20)), undefined);
    assert.equal(imageFacts(JPEG_40x30.subarray(0, 40)), undefined);
    assert.equal(imageFacts(WEBP_40x30.subarray(0, 20)), undefined);
  });
});

describe('repeatsFileName', () => {
  it('sees the file name with or without its extension, case and separators aside', () => {
    for (const alt of ['IMG_2041.jpg', 'img 2041', 'IMG-2041', ' img_2041 '])
      assert.equal(repeatsFileName(alt, 'IMG_2041.jpg'), true, alt);
  });

  it('lets a real description pass, also one that contains the name', () => {
    assert.equal(repeatsFileName('Kaart van het plein', 'plein.png'), false);
    assert.equal(repeatsFileName('Het plein', 'plein.png'), false);
    assert.equal(repeatsFileName('', 'plein.png'), false);
  });
});

describe('acceptImage', () => {
  const all = { types: ['image/png', 'image/jpeg', 'image/webp'] as const, maxSide: 8192 };
  /** The PNG with the width and height its header claims replaced. */
  const claiming = (width: number, height: number) => {
    const bytes = PNG_40x30.slice();
    const view = new DataView(bytes.buffer);
    view.setUint32(16, width);
    view.setUint32(20, height);
    return bytes;
  };

  it('takes an image of an allowed type within the size, with its bytes to store', () => {
    assert.deepEqual(acceptImage(PNG_40x30, all), { mime: 'image/png', width: 40, height: 30, bytes: PNG_40x30 });
    assert.deepEqual(acceptImage(PNG_40x30, { ...all, types: ['image/jpeg'] }), { refused: 'type' });
  });

  it('refuses a header that claims more than 2³¹ pixels, billions, none, or more than the limit', () => {
    for (const [width, height] of [
      [2 ** 31 + 1, 30],
      [40, 0xffffffff],
      [0, 30],
      [40, 0],
      [8193, 30],
    ] as const)
      assert.deepEqual(acceptImage(claiming(width, height), all), { refused: 'dimensions' }, `${width} × ${height}`);
    const flatJpeg = JPEG_40x30.slice();
    const sof = Buffer.from(flatJpeg).indexOf(Buffer.from([0xff, 0xc0]));
    flatJpeg[sof + 5] = 0;
    flatJpeg[sof + 6] = 0;
    assert.deepEqual(acceptImage(flatJpeg, all), { refused: 'dimensions' });
  });

  it('refuses a file whose header is right but whose rest is cut off', () => {
    assert.deepEqual(acceptImage(PNG_40x30.subarray(0, 40), all), { refused: 'damaged' });
    assert.deepEqual(acceptImage(JPEG_40x30.subarray(0, 200), all), { refused: 'damaged' });
  });

  it('gives a photo turned on its side by its orientation the width and height a browser shows', () => {
    const turned = acceptImage(jpegWith(JPEG_40x30, jpegSegment(0xe1, exifData(6))), all);
    assert.ok(!('refused' in turned));
    assert.equal(turned.width, 30);
    assert.equal(turned.height, 40);
  });
});
