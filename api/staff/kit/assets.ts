/** The stylesheet and the session-warning script every staff page loads, the same for everyone. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Hono } from 'hono';
import { staffPaths } from '../queue/paths.ts';
import { secondFactorPaths } from '../second-factor/paths.ts';

/** @simplewebauthn/browser's own browser bundle (it sets `globalThis.SimpleWebAuthnBrowser`), served as published. */
const webauthnBundle = new URL(
  '../dist/bundle/index.umd.min.js',
  pathToFileURL(createRequire(import.meta.url).resolve('@simplewebauthn/browser')),
);

const files = [
  [staffPaths.stylesheet, new URL('./assets/staff.css', import.meta.url), 'text/css; charset=utf-8'],
  [staffPaths.sessionScript, new URL('./assets/staff-session.js', import.meta.url), 'text/javascript; charset=utf-8'],
  [staffPaths.inboxScript, new URL('./assets/inbox.js', import.meta.url), 'text/javascript; charset=utf-8'],
  [secondFactorPaths.passkeyScript, new URL('./assets/passkeys.js', import.meta.url), 'text/javascript; charset=utf-8'],
  [secondFactorPaths.webauthnScript, webauthnBundle, 'text/javascript; charset=utf-8'],
] as const;

export function staffAssets(): Hono {
  const app = new Hono();
  for (const [path, file, type] of files) {
    app.get(path, async (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.body(await readFile(file, 'utf8'), 200, { 'Content-Type': type });
    });
  }
  return app;
}
