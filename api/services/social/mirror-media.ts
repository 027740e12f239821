/**
 * Images of a mirrored thread, served by Podium instead of the platform. A platform's file
 * address can name its author (a Bluesky image address holds the author's DID), and a
 * reader's browser fetching it tells the platform who reads the portal. So the public mirror
 * (public-mirror.ts) carries no platform address for media: an image gets a Podium address,
 * `/api/threads/<thread>/media/<key>`, opened only when a reader follows the link beside its
 * description; Podium fetches the file server-side (safe-fetch.ts: public hosts only, no
 * redirects), accepts only common image types up to a size and within a time, and keeps it in
 * a small cache. Video, audio and other media are shown by their description alone.
 *
 * A public address invites crowds: a hundred residents opening a thread at once, or a dead
 * image asked for again and again. MirrorImages puts the cache in front of the platform with
 * one fetch per image at a time (later readers wait for it), a short memory of failures
 * (answered without asking the platform again) and a bound on fetches in flight per process.
 */
import { createHash } from 'node:crypto';
import type { SocialMedia, SocialPost, SocialThread } from '../../../shared/contracts/social-thread.ts';
import { createSafeFetch } from './safe-fetch.ts';

/** The image types a browser shows safely as an image; nothing that can carry script (SVG). */
export const MIRROR_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'] as const;

/** Largest image Podium passes on (Mastodon and Bluesky keep theirs far below). */
export const MIRROR_IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The key of one media item: stable for the life of the post's file, opaque (it reveals
 * neither the platform's address nor the post's id).
 */
export function mediaKey(threadId: string, postId: string, index: number, url: string): string {
  return createHash('sha256').update(`${threadId}\n${postId}\n${index}\n${url}`).digest('base64url').slice(0, 22);
}

export const mirrorMediaPath = (threadId: string, key: string) =>
  `/api/threads/${encodeURIComponent(threadId)}/media/${key}`;

/** What the public mirror shows of one media item: a Podium address for an image, else none. */
export function mirroredMedia(threadId: string, postId: string, index: number, media: SocialMedia): SocialMedia {
  const servable = media.kind === 'image' && /^https?:\/\//i.test(media.url);
  return {
    ...media,
    url: servable ? mirrorMediaPath(threadId, mediaKey(threadId, postId, index, media.url)) : '',
    previewUrl: null,
  };
}

/** The platform's address of the image a key names, in a thread as published (never a withheld post's). */
export function findMirroredImage(
  thread: Pick<SocialThread, 'id'> & { posts: ReadonlyArray<Pick<SocialPost, 'id' | 'media'>> },
  key: string,
): string | undefined {
  for (const post of thread.posts) {
    for (const [index, media] of post.media.entries()) {
      if (media.kind === 'image' && media.url && mediaKey(thread.id, post.id, index, media.url) === key)
        return media.url;
    }
  }
  return undefined;
}

export type MirrorImage = { body: Uint8Array; type: string };

export class MirrorImageError extends Error {
  override name = 'MirrorImageError';
}

/** A small in-process cache: by total size, oldest out first, each entry for a limited time. */
export class MirrorImageCache {
  private entries = new Map<string, MirrorImage & { at: number }>();
  private bytes = 0;
  private readonly maxBytes: number;
  private readonly ttlMs: number;
  constructor(maxBytes = 64 * 1024 * 1024, ttlMs = 60 * 60 * 1000) {
    this.maxBytes = maxBytes;
    this.ttlMs = ttlMs;
  }

  get(url: string, now = Date.now()): MirrorImage | undefined {
    const entry = this.entries.get(url);
    if (!entry) return undefined;
    if (now - entry.at > this.ttlMs) {
      this.delete(url);
      return undefined;
    }
    return entry;
  }

  set(url: string, image: MirrorImage, now = Date.now()): void {
    if (image.body.byteLength > this.maxBytes) return;
    this.delete(url);
    this.entries.set(url, { ...image, at: now });
    this.bytes += image.body.byteLength;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  private delete(url: string) {
    const entry = this.entries.get(url);
    if (!entry) return;
    this.bytes -= entry.body.byteLength;
    this.entries.delete(url);
  }
}

const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

/** The platform gave no image Podium passes on, now or a moment ago; Podium asks again after a while. */
export class MirrorImageUnavailable extends Error {
  override name = 'MirrorImageUnavailable';
  readonly retryAfterSeconds: number;
  constructor(retryAt: number, now: number, cause?: unknown) {
    super('The platform gave no image', { cause });
    this.retryAfterSeconds = secondsUntil(retryAt, now);
  }
}

/** Too many images are on their way already. */
export class MirrorImagesBusy extends Error {
  override name = 'MirrorImagesBusy';
  readonly retryAfterSeconds = 5;
  constructor() {
    super('Too many images are being fetched');
  }
}

export type MirrorImagesOptions = {
  fetchImage: (url: string) => Promise<MirrorImage>;
  cache?: MirrorImageCache;
  /** How long a failed image is answered from memory (the platform is not asked again). */
  failureMs?: number;
  /** Most failures remembered; the oldest is forgotten first. */
  maxFailures?: number;
  /** Upstream fetches in flight at once, per process. */
  maxFetches?: number;
  /** Fetches waiting for a free place; beyond this a reader is told to come back. */
  maxWaiting?: number;
  now?: () => number;
};

/**
 * The images of public mirrors as readers ask for them: from the cache, else fetched once
 * (every reader of the same image awaits the same fetch), with failures remembered for a
 * while and at most `maxFetches` fetches at the platforms at once.
 *
 * @example
 * const images = new MirrorImages({ fetchImage: (url) => fetchMirrorImage(url, { allowPrivateHosts: false }) })
 * const { body, type } = await images.get('https://cdn.bsky.app/img/feed_fullsize/plain/did:plc:x/baf@jpeg')
 */
export class MirrorImages {
  private readonly cache: MirrorImageCache;
  private readonly inFlight = new Map<string, Promise<MirrorImage>>();
  private readonly failures = new Map<string, number>();
  private readonly waiting: Array<() => void> = [];
  private fetching = 0;
  private readonly options: Required<Omit<MirrorImagesOptions, 'cache'>>;

  constructor(options: MirrorImagesOptions) {
    this.cache = options.cache ?? new MirrorImageCache();
    this.options = {
      failureMs: 5 * 60 * 1000,
      maxFailures: 1000,
      maxFetches: 4,
      maxWaiting: 200,
      now: Date.now,
      ...options,
    };
  }

  /** The image at the platform's address, or MirrorImageUnavailable / MirrorImagesBusy. */
  get(url: string): Promise<MirrorImage> {
    const now = this.options.now();
    const cached = this.cache.get(url, now);
    if (cached) return Promise.resolve(cached);
    const failedUntil = this.failures.get(url);
    if (failedUntil !== undefined) {
      if (failedUntil > now) return Promise.reject(new MirrorImageUnavailable(failedUntil, now));
      this.failures.delete(url);
    }
    const pending = this.inFlight.get(url);
    if (pending) return pending;
    if (this.fetching >= this.options.maxFetches && this.waiting.length >= this.options.maxWaiting) {
      return Promise.reject(new MirrorImagesBusy());
    }
    const fetched = this.fetchOnce(url).finally(() => this.inFlight.delete(url));
    this.inFlight.set(url, fetched);
    return fetched;
  }

  private async fetchOnce(url: string): Promise<MirrorImage> {
    await this.place();
    try {
      const image = await this.options.fetchImage(url);
      this.cache.set(url, image, this.options.now());
      return image;
    } catch (error) {
      const now = this.options.now();
      const retryAt = now + this.options.failureMs;
      this.failures.delete(url);
      this.failures.set(url, retryAt);
      for (const [oldest] of this.failures) {
        if (this.failures.size <= this.options.maxFailures) break;
        this.failures.delete(oldest);
      }
      throw new MirrorImageUnavailable(retryAt, now, error);
    } finally {
      this.release();
    }
  }

  /** Waits for one of the `maxFetches` places. */
  private async place(): Promise<void> {
    if (this.fetching < this.options.maxFetches) {
      this.fetching++;
      return;
    }
    // The place is handed over by release(), so the count stays as it is.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.fetching--;
  }
}

/**
 * Fetches an image from the platform, server-side: only public hosts (unless the operator
 * allows private ones), no redirects, no cookies or referrer, an accepted image type and at
 * most MIRROR_IMAGE_MAX_BYTES, read with a limit so a lying Content-Length changes nothing.
 */
export async function fetchMirrorImage(
  url: string,
  options: { allowPrivateHosts: boolean; timeoutMs?: number; fetch?: typeof fetch },
): Promise<MirrorImage> {
  const get = options.fetch ?? createSafeFetch({ allowPrivate: options.allowPrivateHosts });
  const response = await get(url, {
    headers: { Accept: MIRROR_IMAGE_TYPES.join(', ') },
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new MirrorImageError(`The platform answered ${response.status}`);
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(MIRROR_IMAGE_TYPES as readonly string[]).includes(type)) {
    await response.body?.cancel();
    throw new MirrorImageError(`Not an image Podium passes on: ${type || 'no type'}`);
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MIRROR_IMAGE_MAX_BYTES) {
    await response.body?.cancel();
    throw new MirrorImageError('The image is too large');
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) throw new MirrorImageError('No image');
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MIRROR_IMAGE_MAX_BYTES) {
      await reader.cancel();
      throw new MirrorImageError('The image is too large');
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { body, type };
}
