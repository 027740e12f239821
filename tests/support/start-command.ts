/**
 * The command `npm start` runs (package.json's `start` script), as arguments for this Node
 * binary: the journeys and the chaos tests start Podium exactly so, Node's flags included
 * (the heap's young generation is bounded there; see README, "Memory").
 *
 * @example
 * spawn(process.execPath, startArguments())  // ['--max-semi-space-size=16', 'api/cli.ts', 'start']
 */
import { readFileSync } from 'node:fs';

export function startArguments(): string[] {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts: { start: string };
  };
  const [command, ...args] = manifest.scripts.start.trim().split(/\s+/);
  if (command !== 'node') throw new Error(`package.json's start script should run node, not ${command}`);
  return args;
}
