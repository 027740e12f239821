/**
 * nginx from Debian in front of Podium processes, configured with the README's own
 * `podium.conf` (the block under "Three processes behind nginx"), so the layout the README
 * shows is the layout the test runs. Only the addresses change: the test's ports instead of
 * 80 and 4321–4323. nginx runs in the foreground, as its own user's process, with every file
 * it writes in a temporary directory; `stop()` ends it by its pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './podium-process.ts';

export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** The `nginx` code block of the README's deployment section. */
export function readmeNginxConfig(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no ```nginx block');
  return block;
}

export type Nginx = { baseUrl: string; stop(): Promise<void>; log(): string };

export async function startNginx(options: { dir: string; port: number; upstreamPorts: number[] }): Promise<Nginx> {
  const readme = readmeNginxConfig();
  const servers = [...readme.matchAll(/^\s*server 127\.0\.0\.1:\d+(.*);$/gm)];
  if (servers.length === 0) throw new Error('the README upstream names no server');
  const options_ = servers[0]![1];
  const upstream = options.upstreamPorts.map((port) => `    server 127.0.0.1:${port}${options_};`).join('\n');
  const site = readme
    .replace(/(upstream podium \{\n)(?:\s*server [^\n]*\n)+/, `$1${upstream}\n`)
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${options.port};`);
  if (!site.includes(`listen 127.0.0.1:${options.port};`))
    throw new Error('the README server block has no `listen 80;`');
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    mkdirSync(join(options.dir, sub), { recursive: true });
  const conf = join(options.dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${join(options.dir, 'nginx.pid')};
error_log ${join(options.dir, 'error.log')} warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${join(options.dir, 'body')};
  proxy_temp_path ${join(options.dir, 'proxy')};
  fastcgi_temp_path ${join(options.dir, 'fastcgi')};
  uwsgi_temp_path ${join(options.dir, 'uwsgi')};
  scgi_temp_path ${join(options.dir, 'scgi')};
${site}
}
`,
  );
  const child: ChildProcess = spawn(NGINX_PATH, ['-p', options.dir, '-c', conf, '-e', join(options.dir, 'error.log')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${output}`);
    const up = await fetch(`${baseUrl}/api/health`).catch(() => undefined);
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer within 10 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    log: () => output + safeRead(join(options.dir, 'error.log')),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
