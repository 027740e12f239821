/**
 * Which web pages may call the API from the browser: the organisation's embedding
 * origins. A pattern may leave the port open (`http://localhost:*`).
 */
import { asc } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organisations } from '../db/schema.ts';

export function originMatches(origin: string, pattern: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false; // paths, credentials and the like are never an origin
  // The patterns are the organisation's settings; one that is not an address matches nothing
  // (instead of failing every request from a browser).
  if (pattern.endsWith(':*')) {
    const base = URL.parse(pattern.slice(0, -2));
    return !!base && url.protocol === base.protocol && url.hostname === base.hostname;
  }
  return origin === URL.parse(pattern)?.origin;
}

/** Reads the allowed origins from the database, briefly cached so every request is cheap. */
export function createOriginPolicy(db: Db, ttlMs = 30_000) {
  let cached: { patterns: string[]; at: number } | undefined;
  async function patterns(): Promise<string[]> {
    if (!cached || Date.now() - cached.at > ttlMs) {
      const rows = await db
        .select({ embedOrigins: organisations.embedOrigins })
        .from(organisations)
        .orderBy(asc(organisations.createdAt));
      cached = { patterns: rows.flatMap((row) => row.embedOrigins), at: Date.now() };
    }
    return cached.patterns;
  }
  // Answers per origin for the patterns in force: parsing addresses per request was a visible
  // share of a public JSON answer. Bounded, as the origins are whatever browsers send.
  let answers = new Map<string, boolean>();
  let answersFor: string[] | undefined;
  return {
    async allows(origin: string): Promise<boolean> {
      // No Origin header (a server, a same-origin GET): nothing to allow.
      if (!origin) return false;
      const current = await patterns();
      if (answersFor !== current || answers.size >= 1_000) {
        answers = new Map();
        answersFor = current;
      }
      let answer = answers.get(origin);
      if (answer === undefined) {
        answer = current.some((pattern) => originMatches(origin, pattern));
        answers.set(origin, answer);
      }
      return answer;
    },
    forget() {
      cached = undefined;
    },
  };
}

export type OriginPolicy = ReturnType<typeof createOriginPolicy>;
