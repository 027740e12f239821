/**
 * Loaded (`node --import`) into every build process that builds.ts starts: the build ends
 * when the server that started it is gone. A server killed with SIGKILL cannot stop its
 * children, and an orphaned Astro build would go on writing into the installation's `.astro/`
 * while the restarted server builds there too. The server gives the child a pipe as standard
 * input and never writes to it; the operating system closes it when the server dies, however
 * it dies, and the child sees the end of it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

process.stdin.on('end', () => process.exit(70));
process.stdin.on('error', () => process.exit(70));
process.stdin.resume();
// Reading must not keep the build alive once its own work is done.
process.stdin.unref?.();

// The build's peak memory, for the server's log and the benchmarks (builds.ts reads it). On
// Linux the high-water mark of this process's own memory (`VmHWM`): `maxRSS` survives the
// exec that started it, so it reported the server's own peak when that was higher (a server
// of 1 GB saw every build "peak" at 1 GB). Elsewhere `maxRSS`, in kilobytes.
const usageFile = process.env.PODIUM_BUILD_USAGE_FILE;
if (usageFile) {
  process.on('exit', () => {
    try {
      writeFileSync(usageFile, JSON.stringify({ maxRssBytes: peakResidentBytes() }));
    } catch {
      // Measuring must never fail a build.
    }
  });
}

function peakResidentBytes(): number {
  try {
    const found = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (found) return Number(found[1]) * 1024;
  } catch {
    // Not Linux: no /proc.
  }
  return process.resourceUsage().maxRSS * 1024;
}
