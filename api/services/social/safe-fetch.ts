/**
 * `fetch` for addresses that staff paste: the host name is resolved once, every address it
 * resolves to is checked (private, loopback, link-local, unique-local, IPv4-mapped IPv6 are
 * refused), and the connection goes to exactly the address that was checked. A second DNS
 * answer (DNS rebinding) can therefore never switch the request to an internal address.
 *
 * Written on node:http/https rather than the global fetch because only there can a request
 * be pinned to a resolved address while TLS still checks the certificate for the host name.
 */
import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';

/** The address is not one Podium may fetch (not https, or a private or local host). */
export class ForbiddenSourceError extends Error {
  override name = 'ForbiddenSourceError';
}

/** Address ranges Podium never fetches from unless the operator allows it. */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True for an address Podium must not connect to: private, loopback, link-local, unique-local, … */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  // IPv4-mapped (::ffff:10.0.0.1, ::ffff:a00:1) and IPv4-compatible forms: judge the IPv4 address.
  const mapped =
    /^(?:0{0,4}:){0,5}(?:0{0,4}:)?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower) ?? /^::(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const hexMapped = /^(?:0{0,4}:){0,5}(?:0{0,4}:)?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hexMapped) {
    const high = Number.parseInt(hexMapped[1]!, 16);
    const low = Number.parseInt(hexMapped[2]!, 16);
    return blocked.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, 'ipv4');
  }
  return blocked.check(address, 'ipv6');
}

type Resolve = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

export type SafeFetchOptions = {
  /** PODIUM_IMPORT_ALLOW_PRIVATE: lets tests and intranet deployments reach private hosts. */
  allowPrivate?: boolean;
  /** Replaces the system resolver (tests). */
  resolve?: Resolve;
};

/**
 * Resolves `hostname` and returns the one address to connect to, or throws when any answer
 * is an address Podium must not reach (a mixed answer is a classic rebinding trick).
 */
export async function resolvePublicAddress(
  hostname: string,
  options: SafeFetchOptions = {},
): Promise<{ address: string; family: number }> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const answers = isIP(host) ? [{ address: host, family: isIP(host) }] : await (options.resolve ?? systemResolve)(host);
  if (answers.length === 0) throw new ForbiddenSourceError(`${hostname} has no address`);
  if (!options.allowPrivate && answers.some((a) => isPrivateAddress(a.address))) {
    throw new ForbiddenSourceError(`Podium does not read from private or local addresses (${hostname})`);
  }
  return answers[0]!;
}

/**
 * A `fetch` whose connection is pinned to the checked address. Supports what the platform
 * readers and the Mastodon OAuth flow use: a method, headers, a string body, an abort signal;
 * redirects are not followed.
 */
export function createSafeFetch(options: SafeFetchOptions = {}) {
  return async function safeFetch(input: string, init: RequestInit = {}): Promise<Response> {
    const url = URL.parse(input);
    if (!url) throw new ForbiddenSourceError(`Not an address Podium can read: ${input}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ForbiddenSourceError(`Podium only reads http(s) addresses, not ${url.protocol}`);
    }
    const pinned = await resolvePublicAddress(url.hostname, options);
    const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
      if ((lookupOptions as { all?: boolean }).all) callback(null, [pinned] as never);
      else callback(null, pinned.address, pinned.family);
    };
    const client = url.protocol === 'https:' ? https : http;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    // A string body only (OAuth's JSON and form posts); the readers send none.
    const body = typeof init.body === 'string' ? Buffer.from(init.body) : undefined;
    if (body) headers['content-length'] = String(body.length);
    return new Promise<Response>((resolve, reject) => {
      const request = client.request(
        url,
        { method: init.method ?? 'GET', headers, lookup, signal: init.signal ?? undefined, agent: false },
        (response) => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value === undefined) continue;
            for (const v of Array.isArray(value) ? value : [value]) responseHeaders.append(name, v);
          }
          const status = response.statusCode ?? 502;
          const hasBody = status !== 204 && status !== 304 && init.method !== 'HEAD';
          resolve(
            new Response(hasBody ? (Readable.toWeb(response) as ReadableStream) : null, {
              status,
              statusText: response.statusMessage ?? '',
              headers: responseHeaders,
            }),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  };
}
