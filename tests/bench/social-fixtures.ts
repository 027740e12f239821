/**
 * Prints how the social importers fare on the real platform samples beside the
 * repository (../shared/fixtures/social). Figures, not assertions; part of `npm run bench`,
 * or run alone with `node tests/bench/social-fixtures.ts`.
 */
import { evaluateSocialFixtures, fixturesDir } from '../support/social-fixtures.ts';

export function runSocialFixtures(): void {
  const rows = evaluateSocialFixtures();
  if (rows.length === 0) {
    console.log(`\nSocial fixtures: ${fixturesDir} not found, skipped`);
    return;
  }
  console.log('\nSocial importers on real platform output (../shared/fixtures/social)');
  console.table(rows);
  const errors = rows.filter((r) => r.mode === 'error').length;
  const total = rows.reduce((n, r) => n + r.posts, 0);
  console.log(`${rows.length} files, ${total} posts, ${errors} files with errors`);
}

if (import.meta.url === `file://${process.argv[1]}`) runSocialFixtures();
