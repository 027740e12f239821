import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  MissingSecretKey,
  open,
  parseSecretKey,
  seal,
  UnreadableSecret,
} from '../../../../api/services/social/secret-box.ts';

describe('sealing access tokens at rest', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and seals the same token differently each time', () => {
    const a = seal('token-één', key);
    const b = seal('token-één', key);
    assert.notEqual(a, b);
    assert.ok(!a.includes('token'));
    assert.equal(open(a, key), 'token-één');
    assert.equal(open(b, key), 'token-één');
  });

  it('refuses to seal or open without a key', () => {
    assert.throws(() => seal('t', undefined), MissingSecretKey);
    assert.throws(() => open(seal('t', key), undefined), MissingSecretKey);
  });

  it('refuses another key and any change to the sealed text', () => {
    const sealed = seal('token', key);
    assert.throws(() => open(sealed, randomBytes(32)), UnreadableSecret);
    const [version, iv, tag, body] = sealed.split('.');
    const flipped = body!.startsWith('A') ? `B${body!.slice(1)}` : `A${body!.slice(1)}`;
    assert.throws(() => open([version, iv, tag, flipped].join('.'), key), UnreadableSecret);
    assert.throws(() => open(`v2.${iv}.${tag}.${body}`, key), UnreadableSecret);
    assert.throws(() => open('not sealed', key), UnreadableSecret);
  });

  it('reads the key as 64 hex digits or base64 of 32 bytes, and nothing else', () => {
    assert.equal(parseSecretKey('ab'.repeat(32))?.length, 32);
    assert.equal(parseSecretKey(key.toString('base64'))?.equals(key), true);
    assert.equal(parseSecretKey('ab'.repeat(16)), undefined);
    assert.equal(parseSecretKey(randomBytes(16).toString('base64')), undefined);
    assert.equal(parseSecretKey('correct horse battery staple'), undefined);
  });
});
