/**
 * The social importers on real platform output: every JSON file under
 * `../shared/fixtures/social/` (beside the repository; never copied into it, their
 * licences differ). Per file: posts, posts with a language, edited posts, media without alt
 * text, placeholders (deleted/blocked/unavailable), warnings and errors.
 *
 * Used by `npm run bench` (prints the table: tests/bench/social-fixtures.ts) and by the
 * conformance test (tests/unit/services/social/fixtures-conformance.test.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SocialPlatform } from '../../shared/contracts/social-thread.ts';
import { SocialPost } from '../../shared/contracts/social-thread.ts';
import { normaliseBlueskyPost } from '../../api/services/social/bluesky.ts';
import { importThreadPayload } from '../../api/services/social/import-payload.ts';
import { normaliseMastodonStatus } from '../../api/services/social/mastodon.ts';
import type { ImportedPost } from '../../api/services/social/model.ts';
import { mergeXPages, normaliseTweet } from '../../api/services/social/x.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Beside the repository, as in CI (a copy of shared/ next to the clone). */
export const fixturesDir = join(root, '..', 'shared', 'fixtures', 'social');

const PLATFORM_OF_FOLDER: Record<string, SocialPlatform> = {
  mastodon: 'mastodon',
  bluesky: 'bluesky',
  'x-twitter': 'x',
  facebook: 'facebook',
  instagram: 'instagram',
};

/** Files that are not post payloads: schemas, headers, error bodies, write responses. */
const NOT_POSTS =
  /(^lexicons\/|ratelimit-headers|error-404|context-empty|media-attachment|reply-create-response|status-history|status-source)/;

export type FixtureRow = {
  file: string;
  mode: string;
  posts: number;
  withLang: number;
  edited: number;
  mediaNoAlt: string;
  placeholders: string;
  problems: string;
};

function* jsonFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* jsonFiles(path);
    else if (name.endsWith('.json')) yield path;
  }
}

function summarise(file: string, mode: string, posts: ImportedPost[], warnings: string[]): FixtureRow {
  const media = posts.flatMap((p) => p.media);
  const noAlt = media.filter((m) => m.alt === null).length;
  const kinds = ['deleted', 'blocked', 'unavailable'] as const;
  const placeholders = kinds
    .map((k) => [k, posts.filter((p) => p.placeholder === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  // Every post must satisfy the public contract.
  const invalid = posts.filter((p) => !SocialPost.safeParse(p).success).length;
  const problems = [...(invalid ? [`${invalid} fail the contract`] : []), ...warnings].join('; ');
  return {
    file,
    mode,
    posts: posts.length,
    withLang: posts.filter((p) => p.lang).length,
    edited: posts.filter((p) => p.editedAt).length,
    mediaNoAlt: media.length ? `${noAlt}/${media.length}` : '-',
    placeholders: placeholders || '-',
    problems: problems || '-',
  };
}

/** Imports one fixture as a thread, or (for single posts and search pages) post by post. */
function evaluate(path: string, platform: SocialPlatform): FixtureRow {
  const file = relative(fixturesDir, path);
  const payload = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const name = basename(path);
  try {
    if (platform === 'bluesky' && name.includes('.posts.')) {
      const posts = (Array.isArray(payload) ? payload : [payload]).map((p) => normaliseBlueskyPost(p));
      return summarise(file, 'posts', posts, []);
    }
    if (platform === 'bluesky' && name.endsWith('.thread.json')) {
      const thread = importThreadPayload('bluesky', { thread: payload });
      return summarise(file, 'thread', thread.posts, thread.warnings);
    }
    if (platform === 'mastodon') {
      const posts = [normaliseMastodonStatus(payload)].filter((p): p is ImportedPost => !!p);
      return summarise(file, 'status', posts, posts.length ? [] : ['not public: left out']);
    }
    if (platform === 'x' && name.startsWith('search-')) {
      const { tweets, includes } = mergeXPages(payload);
      const posts = tweets.map((t) => normaliseTweet(t, includes)).filter((p): p is ImportedPost => !!p);
      const truncated = posts.filter((p) => p.text.startsWith('RT ') && p.text.endsWith('…')).length;
      const escaped = posts.filter((p) => /&(amp|lt|gt);/.test(p.text)).length;
      return summarise(file, 'tweets', posts, [`${truncated} RT still truncated, ${escaped} still escaped`]);
    }
    const thread = importThreadPayload(platform, payload, { rootId: platform === 'instagram' ? 'media' : undefined });
    return summarise(file, 'thread', thread.posts, thread.warnings);
  } catch (error) {
    return {
      file,
      mode: 'error',
      posts: 0,
      withLang: 0,
      edited: 0,
      mediaNoAlt: '-',
      placeholders: '-',
      problems: String(error),
    };
  }
}

/** Every fixture file evaluated; empty when the fixtures are not beside the repository. */
export function evaluateSocialFixtures(): FixtureRow[] {
  if (!existsSync(fixturesDir)) return [];
  const rows: FixtureRow[] = [];
  for (const [folder, platform] of Object.entries(PLATFORM_OF_FOLDER)) {
    const dir = join(fixturesDir, folder);
    if (!existsSync(dir)) continue;
    for (const path of jsonFiles(dir)) {
      const file = relative(dir, path);
      if (NOT_POSTS.test(file)) continue;
      rows.push(evaluate(path, platform));
    }
  }
  return rows;
}
