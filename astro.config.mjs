// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Build-time inputs, resolved against the repository so `astro build` works from any directory.
// This file is where the Astro build reads its environment; site/ gets the values as a constant.
const buildInputs = {
  snapshot: process.env.PODIUM_SNAPSHOT || `${root}dist/snapshot.json`,
  openApi: process.env.PODIUM_OPENAPI || `${root}dist/openapi.json`,
};

// `npx podium build` gives every build a private working directory (api/build/builds.ts):
// Astro's and Vite's caches go there, so builds never share them (nor keep resident text there).
const buildCacheDir = process.env.PODIUM_BUILD_CACHE_DIR;

export default defineConfig({
  ...(buildCacheDir ? { cacheDir: `${buildCacheDir}/astro` } : {}),
  site: process.env.PODIUM_PUBLIC_URL ?? 'http://localhost:4321',
  srcDir: './site',
  publicDir: './site/public',
  // `npx podium build` builds into a fresh directory and then switches to it atomically.
  outDir: process.env.PODIUM_SITE_OUT_DIR ?? './dist/site',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // A strict Content-Security-Policy follows: no inline <style>, no inline <script>.
    inlineStylesheets: 'never',
  },
  vite: {
    ...(buildCacheDir ? { cacheDir: `${buildCacheDir}/vite` } : {}),
    build: { assetsInlineLimit: 0 },
    define: { __PODIUM_BUILD_INPUTS__: JSON.stringify(buildInputs) },
  },
  devToolbar: { enabled: false },
});
