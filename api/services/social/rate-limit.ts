/**
 * Polite HTTP for platform APIs: wait when a host says its budget is spent, back off on
 * 429 and 503, and never wait longer than the caller allows (a scheduled sync would rather
 * come back later than hold a worker for minutes).
 *
 * Headers read: `Retry-After` (seconds or HTTP date); `RateLimit-Remaining`/`-Reset` (IETF
 * draft, Bluesky: Bluesky sends the reset as epoch seconds, the draft as delta seconds);
 * `X-RateLimit-Remaining`/`-Reset` (Mastodon: ISO date; X: epoch seconds).
 */

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
  constructor(url: string, status: number) {
    super(`${url} answered ${status}`);
    this.status = status;
    this.url = url;
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
    fetch: doFetch = globalThis.fetch,
    maxWaitMs = 30_000,
    maxRetries = 3,
    sleep = defaultSleep,
    now = Date.now,
    budget = new HostBudget(),
  } = options;
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
      response = await doFetch(url, { headers: { Accept: 'application/json' }, redirect: 'follow' });
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

/** GETs JSON through politeFetch; a non-2xx answer is a SourceHttpError. */
export async function getJson(url: string, options: PoliteFetchOptions = {}): Promise<unknown> {
  const response = await politeFetch(url, options);
  if (!response.ok) {
    await response.body?.cancel();
    throw new SourceHttpError(url, response.status);
  }
  return response.json();
}
