/**
 * Reads the published snapshot: the only source of content for the static build. The
 * API writes it (dist/snapshot.json, or the path in PODIUM_SNAPSHOT); the build never
 * opens a database. A missing or invalid file stops the build with a clear message.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { PublishedSnapshot } from '../../shared/contracts/public-content.ts';

/** Where the snapshot is read from: PODIUM_SNAPSHOT, else dist/snapshot.json (astro.config.mjs decides). */
export const snapshotPath = (): string => resolve(__PODIUM_BUILD_INPUTS__.snapshot);

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

const cache = new Map<string, Promise<PublishedSnapshot>>();

async function load(path: string): Promise<PublishedSnapshot> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : String(error);
    throw new SnapshotError(
      `Podium cannot build the site: no published snapshot at ${path} (${reason}).\n` +
        'Run `npm run build` (the API writes the snapshot first), or set PODIUM_SNAPSHOT to a snapshot file.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(
      `Podium cannot build the site: the snapshot at ${path} is not valid JSON (${String(error)}).`,
    );
  }
  const parsed = PublishedSnapshot.safeParse(json);
  if (!parsed.success) {
    throw new SnapshotError(
      `Podium cannot build the site: the snapshot at ${path} does not match PublishedSnapshot:\n${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}

/** The validated snapshot, read once per build. */
export function readSnapshot(path: string = snapshotPath()): Promise<PublishedSnapshot> {
  let snapshot = cache.get(path);
  if (!snapshot) {
    snapshot = load(path);
    cache.set(path, snapshot);
    // A failed read is not cached, so the dev server recovers once the file appears.
    snapshot.catch(() => cache.delete(path));
  }
  return snapshot;
}
