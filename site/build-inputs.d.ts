/**
 * What astro.config.mjs hands the site at build time (Vite `define`): the files the API wrote
 * for the build (PODIUM_SNAPSHOT, PODIUM_OPENAPI, read there and only there).
 */
declare const __PODIUM_BUILD_INPUTS__: { snapshot: string; openApi: string };
