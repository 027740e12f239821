/**
 * Debian packages the tests and benchmarks need (Chromium, nginx, wrk): installed with
 * apt-get when they are missing and this process may (root on a Debian-like system), as CI
 * on a clean machine needs; otherwise the caller decides what a missing one means.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** A program the tests need: the file it is, the package that brings it, and what needs it. */
export type DebianNeed = { path: string; pkg: string; for: string };

export type InstallOutcome = { missing: DebianNeed[]; why?: string };

/**
 * Installs the packages of the needs whose file is missing. Answers what is still missing
 * afterwards, and why when something is (not root, no apt-get, apt-get failed).
 */
export function installMissingPackages(
  needs: readonly DebianNeed[],
  options: { quiet?: boolean } = {},
): InstallOutcome {
  const absent = () => needs.filter((need) => !existsSync(need.path));
  const missing = absent();
  if (missing.length === 0) return { missing };
  if (process.getuid?.() !== 0 || spawnSync('which', ['apt-get']).status !== 0)
    return { missing, why: 'installing needs root and apt-get' };
  const names = missing.map((need) => need.pkg);
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...names]]) {
    const result = spawnSync('apt-get', args, {
      stdio: options.quiet ? 'ignore' : 'inherit',
      // RUNLEVEL=1: a package's own service (nginx on port 80) is not started; the tests start their own.
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' },
    });
    if (result.status !== 0) return { missing: absent(), why: `apt-get ${args.join(' ')} failed` };
  }
  return { missing: absent() };
}
