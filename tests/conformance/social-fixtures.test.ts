/**
 * The importers on real platform output, read from ../shared/fixtures/social beside the
 * repository (never copied into it, licences). Not part of `npm test`, which must work on
 * a fresh clone: `.ci/run` runs it (`npm run test:conformance`) where the samples exist.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { importBlueskyThread } from '../../api/services/social/bluesky.ts';
import { normaliseMastodonStatus } from '../../api/services/social/mastodon.ts';
import { mergeXPages, normaliseTweet } from '../../api/services/social/x.ts';
import { evaluateSocialFixtures, fixturesDir } from '../support/social-fixtures.ts';

const rows = evaluateSocialFixtures();
if (rows.length === 0) throw new Error(`No social fixtures at ${fixturesDir}: this check needs them.`);
const read = (file: string): unknown => JSON.parse(readFileSync(join(fixturesDir, file), 'utf8'));

describe('the importers on real platform output', () => {
  it('import every sample without an error, and every post fits the public contract', () => {
    assert.deepEqual(
      rows.filter((r) => r.mode === 'error' || r.problems.includes('fail the contract')).map((r) => r.file),
      [],
    );
    assert.ok(rows.reduce((n, r) => n + r.posts, 0) > 100);
  });

  it('omit the language "ja" that a client declared on "Toot, finally!"', () => {
    const post = normaliseMastodonStatus(read('mastodon/status-root.json'))!;
    assert.equal(post.text, 'Toot, finally!');
    assert.equal(post.lang, undefined);
  });

  it("drop Mastodon's invisible URL parts from the HTML and keep the whole URL in the text", () => {
    const post = normaliseMastodonStatus(read('mastodon/docs-status-entity-example.json'))!;
    assert.doesNotMatch(post.html, /invisible|ellipsis/);
    assert.match(post.text, /https:\/\/www\.theguardian\.com\/money\/2019\/dec\/07\//);
  });

  it('leave no escaped entity and no truncated retweet in the X search page', () => {
    const { tweets, includes } = mergeXPages(read('x-twitter/search-recent-brexit-page.json'));
    const posts = tweets.map((t) => normaliseTweet(t, includes)!);
    assert.equal(posts.filter((p) => /&(amp|lt|gt);/.test(p.text)).length, 0);
    assert.equal(posts.filter((p) => p.text.startsWith('RT ') && p.text.endsWith('…')).length, 0);
    const media = posts.flatMap((p) => p.media);
    assert.ok(media.some((m) => m.alt === null) && media.some((m) => m.alt !== null));
  });

  it('show a deleted Bluesky parent as a placeholder above its reply', () => {
    const thread = importBlueskyThread({ thread: read('bluesky/getPostThread-deleted-parent.thread.json') });
    assert.deepEqual(
      thread.posts.map((p) => p.placeholder),
      ['unavailable', 'deleted', null],
    );
  });
});
