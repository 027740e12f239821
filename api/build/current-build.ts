/**
 * Which portal build the `site` link points to. A build is written to a directory of its own
 * and never changed once the link is switched to it (builds.ts), so the directory names the
 * version of every file in it: what is read from a build can be kept until the link moves.
 */
import { readlinkSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The build directory the link points to (one system call), or undefined when `siteLink` is
 * not a link (a directory copied by hand, which can change under us) or does not exist.
 */
export function currentBuild(siteLink: string): string | undefined {
  try {
    return resolve(siteLink, '..', readlinkSync(siteLink));
  } catch {
    return undefined;
  }
}
