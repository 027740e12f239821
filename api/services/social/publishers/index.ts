/** The publisher for an account's platform; platforms without a posting API have none. */
import { blueskyPublisher } from './bluesky.ts';
import { mastodonPublisher } from './mastodon.ts';
import type { Publisher, PublisherOptions } from './types.ts';

export type PublishingPlatform = 'mastodon' | 'bluesky';

export function publisherFor(platform: string, options: PublisherOptions = {}): Publisher | undefined {
  if (platform === 'mastodon') return mastodonPublisher(options);
  if (platform === 'bluesky') return blueskyPublisher(options);
  return undefined;
}
