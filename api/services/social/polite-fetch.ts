/**
 * Polite HTTP for platform APIs: wait when a host says its budget is spent, back off on
 * 429 and 503, and never wait longer than the caller allows (a scheduled sync would rather
 * come back later than hold a worker for minutes).
 *
 * Headers read: `Retry-After` (seconds or HTTP date); `RateLimit-Remaining`/`-Reset` (IETF
 * draft, Bluesky: Bluesky sends the reset as epoch seconds, the draft as delta seconds);
 * `X-RateLimit-Remaining`/`-Reset` (Mastodon: ISO date; X: epoch seconds).
 */
import { createSafeFetch, ForbiddenSourceError } from './safe-fetch.ts';
import { wellFormedDeep } from '../../../shared/contracts/text.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type PoliteFetchOptions = {
  fetch?: FetchLike;
  /** Longest single wait, in ms; a longer one throws RateLimitedError with `retryAt`. */
  maxWaitMs?: number;
  /** Retries after 429/503/network errors. */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Shared between calls so one host's budget is respected across a whole sync run. */
  budget?: HostBudget;
  /** Longest wait for one response, in ms. */
  timeoutMs?: number;
  /** Largest response body read, in bytes: a hostile server cannot fill memory. */
  maxBytes?: number;
  /** Lets tests and development reach localhost and private addresses. */
  allowPrivateHosts?: boolean;
};

/** The host asked us to wait longer than we may; try again at `retryAt`. */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  retryAt: Date;
  constructor(host: string, retryAt: Date) {
    super(`${host} is rate limited until ${retryAt.toISOString()}`);
    this.retryAt = retryAt;
  }
}

/** A platform answered with an error status that retrying will not fix. */
export class SourceHttpError extends Error {
  override name = 'SourceHttpError';
  status: number;
  url: string;
  /** The `error` field of the platform's JSON error body, e.g. Bluesky's `NotFound`. */
  code: string | undefined;
  constructor(url: string, status: number, code?: string) {
    super(`${url} answered ${status}${code ? ` (${code})` : ''}`);
    this.status = status;
    this.url = url;
    this.code = code;
  }
}

/**
 * Staff paste URLs of any instance; the server must not be turned into a probe of its own
 * network. Refuses non-HTTPS, `localhost`, `.local`/`.internal` names and private, loopback
 * and link-local IP literals. Names are resolved and checked again at connection time
 * (safe-fetch.ts), where the request is pinned to the checked address.
 */
export function assertPublicSource(url: string, allowPrivateHosts = false): void {
  const parsed = URL.parse(url);
  // Not an address at all: refused like any other source Podium will not read (422, not a 500).
  if (!parsed) throw new ForbiddenSourceError(`Not an address Podium can read: ${url}`);
  if (allowPrivateHosts) return;
  const { protocol, hostname } = parsed;
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const privateName =
    host === 'localhost' || /\.(localhost|local|internal|lan|home\.arpa)$/.test(host) || !host.includes('.');
  const ipv4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  const privateV4 =
    !!ipv4 &&
    (['0', '10', '127'].includes(ipv4[1]!) ||
      (ipv4[1] === '169' && ipv4[2] === '254') ||
      (ipv4[1] === '172' && Number(ipv4[2]) >= 16 && Number(ipv4[2]) <= 31) ||
      (ipv4[1] === '192' && ipv4[2] === '168') ||
      (ipv4[1] === '100' && Number(ipv4[2]) >= 64 && Number(ipv4[2]) <= 127));
  const privateV6 = host.includes(':') && (host === '::1' || host === '::' || /^(fc|fd|fe80|::ffff:)/.test(host));
  if (protocol !== 'https:' || privateName || privateV4 || privateV6) {
    throw new ForbiddenSourceError(`Podium only reads public HTTPS addresses, not ${url}`);
  }
}

/** When each host lets us send again, learned from its rate-limit headers. */
export class HostBudget {
  #notBefore = new Map<string, number>();
  notBefore(host: string): number {
    return this.#notBefore.get(host) ?? 0;
  }
  block(host: string, until: number): void {
    this.#notBefore.set(host, Math.max(until, this.notBefore(host)));
  }
}

const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

/** A reset header as a moment in ms: ISO date, HTTP date, epoch seconds or delta seconds. */
export function parseResetHeader(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    return n >= EPOCH_SECONDS_THRESHOLD ? n * 1000 : now + n * 1000;
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : date;
}

/** When the response says we may send again, or undefined when it sets no limit. */
export function waitUntilFromHeaders(headers: Headers, status: number, now: number): number | undefined {
  const retryAfter = parseResetHeader(headers.get('retry-after'), now);
  if (retryAfter !== undefined && (status === 429 || status === 503)) return retryAfter;
  for (const prefix of ['ratelimit', 'x-ratelimit']) {
    const remaining = headers.get(`${prefix}-remaining`);
    const reset = parseResetHeader(headers.get(`${prefix}-reset`), now);
    if (reset !== undefined && (status === 429 || (remaining !== null && Number(remaining) <= 0))) return reset;
  }
  return undefined;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `fetch` that honours rate limits. Answers 2xx–4xx (except 429) as they are; retries
 * 429, 503 and network errors with exponential back-off or the host's own reset time.
 *
 * @example
 * const response = await politeFetch('https://social.overheid.nl/api/v1/statuses/1', { fetch: fakeFetch })
 */
export async function politeFetch(url: string, options: PoliteFetchOptions = {}): Promise<Response> {
  const {
    // Resolves the host, refuses private addresses and pins the connection to the checked one.
    fetch: doFetch = createSafeFetch({ allowPrivate: options.allowPrivateHosts }),
    maxWaitMs = 30_000,
    maxRetries = 3,
    sleep = defaultSleep,
    now = Date.now,
    budget = new HostBudget(),
    timeoutMs = 20_000,
  } = options;
  assertPublicSource(url, options.allowPrivateHosts);
  const host = new URL(url).host;
  const waitFor = async (until: number) => {
    const ms = until - now();
    if (ms <= 0) return;
    if (ms > maxWaitMs) throw new RateLimitedError(host, new Date(until));
    await sleep(ms);
  };

  for (let attempt = 0; ; attempt++) {
    await waitFor(budget.notBefore(host));
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { Accept: 'application/json' },
        // A redirect could lead to a private address; platforms answer API calls directly.
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if (attempt >= maxRetries) throw error;
      await sleep(backoff(attempt));
      continue;
    }
    const until = waitUntilFromHeaders(response.headers, response.status, now());
    if (until !== undefined) budget.block(host, until);
    if (response.status !== 429 && response.status !== 503) return response;
    await response.body?.cancel();
    if (attempt >= maxRetries) throw new RateLimitedError(host, new Date(until ?? now() + backoff(attempt)));
    if (until === undefined) await sleep(backoff(attempt));
  }
}

// 1 s, 2 s, 4 s, … with a little jitter so several workers do not retry in step.
const backoff = (attempt: number) => 1000 * 2 ** attempt + Math.floor(Math.random() * 250);

/** Reads a body up to `maxBytes`; longer bodies are refused, not truncated. */
async function readLimited(response: Response, url: string, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new SourceHttpError(url, 413, 'ResponseTooLarge');
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new SourceHttpError(url, 413, 'ResponseTooLarge');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export type JsonResponse = { body: unknown; headers: Headers };

/** GETs JSON through politeFetch, with its headers; a non-2xx answer is a SourceHttpError. */
export async function getJsonResponse(url: string, options: PoliteFetchOptions = {}): Promise<JsonResponse> {
  const response = await politeFetch(url, options);
  const text = await readLimited(response, url, options.maxBytes ?? 5 * 1024 * 1024);
  let body: unknown;
  try {
    // A platform's text made storable before any importer reads it (shared/contracts/text.ts):
    // a JSON escape can carry a lone surrogate, which encodeURIComponent and jsonb refuse.
    body = text === '' ? null : wellFormedDeep(JSON.parse(text));
  } catch {
    if (response.ok) throw new SourceHttpError(url, 502, 'InvalidJson');
  }
  if (!response.ok) {
    const code = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
    throw new SourceHttpError(url, response.status, typeof code === 'string' ? code : undefined);
  }
  return { body, headers: response.headers };
}

/** GETs JSON through politeFetch; a non-2xx answer is a SourceHttpError. */
export async function getJson(url: string, options: PoliteFetchOptions = {}): Promise<unknown> {
  return (await getJsonResponse(url, options)).body;
}
