/**
 * Solves Podium's proof-of-work challenge (ALTCHA protocol, see api/services/proof-of-work.ts)
 * in the background with the browser's own SHA-256 (`crypto.subtle`): a few hundred bytes
 * instead of the 35 KB stock ALTCHA widget. Shared by <podium-submit> and the portal's form
 * script. Everything here fails quietly: without a solution the input is still sent, and
 * the server marks it for moderators.
 */
import type { ProofOfWorkChallenge } from '../../shared/contracts/public-content.ts';

export type Challenge = ProofOfWorkChallenge;

/** Digests in flight at once: the browser hashes them in parallel, off the main thread. */
const BATCH = 100;

/** The payload for a challenge (base64 JSON, the `altcha` field), or undefined when none is found. */
export async function solve(challenge: Challenge): Promise<string | undefined> {
  const { algorithm, salt, signature, maxnumber } = challenge;
  const target = challenge.challenge;
  const encoder = new TextEncoder();
  for (let start = 0; start <= maxnumber; start += BATCH) {
    const count = Math.min(BATCH, maxnumber - start + 1);
    const digests = await Promise.all(
      Array.from({ length: count }, (_, i) => crypto.subtle.digest('SHA-256', encoder.encode(salt + (start + i)))),
    );
    const found = digests.findIndex((digest) => hex(digest) === target);
    if (found >= 0)
      return btoa(JSON.stringify({ algorithm, challenge: target, number: start + found, salt, signature }));
  }
  return undefined;
}

function hex(digest: ArrayBuffer): string {
  let text = '';
  for (const byte of new Uint8Array(digest)) text += (byte < 16 ? '0' : '') + byte.toString(16);
  return text;
}

/** Fetches a challenge from `{api}/api/challenge` and solves it; undefined on any failure. */
export async function solveFrom(api: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${api}/api/challenge`, {
      credentials: 'omit',
      headers: { Accept: 'application/json' },
    });
    return response.ok ? await solve((await response.json()) as Challenge) : undefined;
  } catch {
    // Offline, blocked, or no crypto.subtle (a page on plain http): send without.
    return undefined;
  }
}
