/**
 * After `npx playwright test tests/browser/widgets/host-pages.a11y.spec.ts --update-snapshots`,
 * run `node tests/browser/support/normalize-aria-snapshots.ts`: it turns what changes from run
 * to run (dates, counts, follow-up codes, the test server's port) into patterns, so the ARIA
 * snapshots pin structure and wording, not today's date.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../widgets/host-pages.a11y.spec.ts-snapshots/', import.meta.url));
const months = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';

for (const file of readdirSync(dir).filter((name) => name.endsWith('.aria.yml'))) {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = before
    .split('\n')
    .map((line) =>
      // Playwright already writes numbers in regex lines as \d+; month names differ by day.
      /\/.*\//.test(line) ? line.replace(new RegExp(`(\\\\d\\+|\\d+) (${months}) `, 'g'), '\\d+ \\w+ ') : line,
    )
    .join('\n')
    .replace(/- definition: "\d+"$/m, '- definition: /\\d+/')
    .replace(/- strong: [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/g, '- strong: /[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/')
    .replace(
      /- \/url: http:\/\/127\.0\.0\.1:\d+\/(\S+)/g,
      (_match, rest: string) =>
        `- /url: /http:\\/\\/127\\.0\\.0\\.1:\\d+\\/${rest.replace(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/, '[A-Z0-9-]+').replace(/\//g, '\\/')}/`,
    );
  if (after !== before) {
    writeFileSync(path, after);
    console.log(`normalised ${file}`);
  }
}
