import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import {
  createSafeFetch,
  ForbiddenSourceError,
  isPrivateAddress,
  resolvePublicAddress,
} from '../../../../api/services/social/safe-fetch.ts';

describe('safe fetch for pasted addresses', () => {
  it('recognises private, loopback, link-local and unique-local addresses, also IPv4-mapped', () => {
    for (const address of [
      '127.0.0.1',
      '10.2.3.4',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '::ffff:a00:1',
      '0:0:0:0:0:ffff:192.168.0.1',
    ]) {
      assert.equal(isPrivateAddress(address), true, address);
    }
    for (const address of ['93.184.216.34', '172.32.0.1', '2a00:1450:400e:80c::200e', '::ffff:93.184.216.34']) {
      assert.equal(isPrivateAddress(address), false, address);
    }
  });

  it('refuses a name when any of its addresses is private, the rebinding trick of a mixed answer', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    await assert.rejects(resolvePublicAddress('social.example', { resolve }), ForbiddenSourceError);
    assert.deepEqual(await resolvePublicAddress('social.example', { resolve, allowPrivate: true }), {
      address: '93.184.216.34',
      family: 4,
    });
  });

  it('connects to the address it checked, not to what a second lookup would say', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-RateLimit-Remaining': '5' });
      res.end('{"ok":true}');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    let lookups = 0;
    const resolve = async () => {
      lookups++;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    try {
      // `platform.invalid` has no DNS entry at all: only the pinned address can answer.
      const fetch = createSafeFetch({ resolve, allowPrivate: true });
      const response = await fetch(`http://platform.invalid:${port}/api/v1/statuses/1`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('x-ratelimit-remaining'), '5');
      assert.deepEqual(await response.json(), { ok: true });
      assert.equal(lookups, 1);
      await assert.rejects(
        createSafeFetch({ resolve })(`http://platform.invalid:${port}/`),
        ForbiddenSourceError,
        'without the operator setting the same address is refused',
      );
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});
