import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageFacts } from '../../../api/services/image-facts.ts';
import { repeatsFileName } from '../../../api/services/consultation-images.ts';
import {
  GIF_1x1,
  JPEG_40x30,
  PNG_40x30,
  WEBP_40x30,
  WEBP_ALPHA_40x30,
  WEBP_LOSSLESS_40x30,
} from '../../support/image-fixtures.ts';

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
