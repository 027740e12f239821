/**
 * Which built widget files a page loads: a module and everything it imports statically
 * (the first view), and what it loads later with `import()`. Shared by the bench, which
 * sizes them, and a browser test that checks the browser fetches exactly these files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A module and every module it imports statically, relative to its own file. */
export function moduleGraph(file: string, siteDir: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/(?:import|export)\s*(?:[^'"`;]*?from\s*)?["']([^"']+\.js)["']/g)) {
    const specifier = match[1]!;
    if (specifier.startsWith('.') || specifier.startsWith('/')) {
      const next = specifier.startsWith('/') ? join(siteDir, specifier) : resolve(dirname(file), specifier);
      moduleGraph(next, siteDir, seen);
    }
  }
  return seen;
}

/** Chunks a module loads later with `import()`: English texts, the sending code. */
export function dynamicImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/import\(\s*[`"']([^`"']+\.js)[`"']\s*\)/g)].map((m) => resolve(dirname(file), m[1]!));
}
