import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { InputText } from '../../../../shared/contracts/input-text.ts';
import { isWellFormedText, truncateText, wellFormed, wellFormedDeep } from '../../../../shared/contracts/text.ts';

describe('text from outside made storable', () => {
  it('replaces a lone high or low surrogate with U+FFFD and keeps whole emoji', () => {
    assert.equal(wellFormed('fiets \ud83d'), 'fiets \ufffd');
    assert.equal(wellFormed('\udc00 pad'), '\ufffd pad');
    assert.equal(wellFormed('🚲 🙂'), '🚲 🙂');
  });

  it('removes the NUL character and keeps every other control, mark and combining character', () => {
    assert.equal(wellFormed('a\u0000b\u0000'), 'ab');
    const kept = '\u0001\u001f\u007f\u0085\u009f\u200f\u202e\u2066e\u0301';
    assert.equal(wellFormed(kept), kept);
    assert.ok(isWellFormedText(kept));
    assert.ok(!isWellFormedText('a\u0000'));
    assert.ok(!isWellFormedText('\ud800'));
  });

  it('truncates without leaving half a surrogate pair', () => {
    assert.equal(truncateText('ab🙂', 3), 'ab');
    assert.equal(truncateText('ab🙂', 4), 'ab🙂');
    assert.equal(truncateText('abc', 10), 'abc');
    assert.ok(isWellFormedText(truncateText('🙂'.repeat(10), 7)));
  });

  it('cleans every string and key of a JSON document, keeping "__proto__" an ordinary key', () => {
    const document = JSON.parse('{"__proto__":{"text":"x\\ud83d"},"list":["\\udc00",1,null],"k\\u0000":true}');
    const clean = wellFormedDeep(document);
    assert.deepEqual(Object.keys(clean), ['__proto__', 'list', 'k']);
    assert.equal(Object.getPrototypeOf(clean), Object.prototype);
    assert.equal(clean.__proto__.text, 'x\ufffd');
    assert.deepEqual(clean.list, ['\ufffd', 1, null]);
    const date = new Date(0);
    assert.equal(wellFormedDeep({ date }).date, date);
  });

  it('InputText cleans before its other checks, so limits count the stored text, also as record keys', () => {
    const Note = InputText.trim().min(1).max(3);
    assert.deepEqual(Note.parse(' a\ud800\u0000b '), 'a\ufffdb');
    assert.equal(Note.safeParse('\u0000').success, false);
    const Answers = z.record(InputText.max(10), InputText);
    assert.deepEqual(Answers.parse({ 'k\ud800': 'v\u0000' }), { 'k\ufffd': 'v' });
  });
});
