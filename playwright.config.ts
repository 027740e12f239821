import { defineConfig, devices } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import {
  browserTestEnv,
  CHROMIUM_PATH,
  JOURNEY_WEBCARE,
  largeMunicipalityEnv,
  TEST_BASE_URL,
  TEST_LARGE_BASE_URL,
  TEST_OIDC_ISSUER,
} from './tests/support/browser-env.ts';
import { startArguments } from './tests/support/start-command.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

// Debian's Chromium, as root, on a machine without outside network: these flags keep it quiet.
const launchOptions = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: './tests/browser',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: TEST_BASE_URL,
    launchOptions,
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: ['**/*.nojs.spec.ts', 'journeys/**'],
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      name: 'no-javascript',
      testMatch: '**/*.nojs.spec.ts',
      use: { ...devices['Desktop Chrome'], launchOptions, javaScriptEnabled: false },
    },
    // The journeys change the demo as people would (they publish and answer input), so they
    // run after every page and widget state has been checked against the demo as seeded.
    {
      name: 'journeys',
      testMatch: 'journeys/**/*.spec.ts',
      dependencies: ['chromium', 'no-javascript'],
      // A journey is a whole errand across pages, several people and the portal's rebuilds:
      // on a CI machine running the API tests beside it, one took 30 s (21 s alone) and timed out.
      timeout: 120_000,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
  // Podium as `npm start` runs it, with the demo data; before it, the journey specs' staff
  // accounts are added with the CLI, as an operator would ("already exists" is fine on a rerun).
  webServer: [
    {
      command: `"${process.execPath}" tests/support/journey-accounts.ts && exec "${process.execPath}" ${startArguments().join(' ')}`,
      cwd: root,
      env: { ...browserTestEnv(root), PODIUM_STAFF_PASSWORD: JOURNEY_WEBCARE.password },
      url: `${TEST_BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    // A large municipality: the demo and thousands of generated items (journeys/large-municipality-*).
    {
      command: `"${process.execPath}" tests/support/large-municipality.ts && exec "${process.execPath}" ${startArguments().join(' ')}`,
      cwd: root,
      env: { ...largeMunicipalityEnv(root), PODIUM_STAFF_PASSWORD: JOURNEY_WEBCARE.password },
      url: `${TEST_LARGE_BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    // The organisation's identity provider that staff sign in through (PODIUM_OIDC_* in browserTestEnv).
    {
      command: `exec "${process.execPath}" tests/support/oidc-provider-server.ts`,
      cwd: root,
      url: `${TEST_OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
