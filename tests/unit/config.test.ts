import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ConfigError, ENV_VARIABLES, loadConfig } from '../../api/config.ts';

/** The variable names in the first column of the README's configuration table. */
function readmeVariables(): string[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)`\s*\|/gm)].map((match) => match[1]!);
}

describe('the configuration', () => {
  it('documents every variable of the schema in the README table, and nothing else', () => {
    const documented = readmeVariables();
    assert.ok(documented.length > 10, `found only ${documented.length} rows in the README table`);
    assert.deepEqual(
      documented.filter((name) => !(ENV_VARIABLES as string[]).includes(name)),
      [],
      'in the README but not read by api/config.ts',
    );
    assert.deepEqual(
      ENV_VARIABLES.filter((name) => !documented.includes(name)),
      [],
      'read by api/config.ts but missing from the README',
    );
    assert.equal(new Set(documented).size, documented.length, 'a variable is listed twice');
  });

  it('works without any variable set, with the documented defaults', () => {
    const config = loadConfig({});
    assert.equal(config.port, 4321);
    assert.equal(config.host, 'localhost');
    assert.equal(config.publicUrl, 'http://localhost:4321');
    assert.equal(config.seedDemo, true);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.databaseParallelWorkers, 0);
    assert.equal(config.powMaxNumber, 100_000);
    assert.equal(config.socialSyncSeconds, 60);
    assert.equal(config.trustProxyHops, 0);
    assert.equal(config.mailFrom, 'Podium <noreply@localhost>');
    assert.deepEqual(config.threadImports, {
      allowPrivateHosts: false,
      xBearerToken: undefined,
      blueskyAppView: undefined,
    });
  });

  it('reads each kind of value: numbers, yes/no, proxies, rate limits and texts', () => {
    const config = loadConfig({
      PORT: '8080',
      PODIUM_PUBLIC_URL: 'https://inspraak.demodam.nl/',
      PODIUM_SEED_DEMO: 'false',
      PODIUM_TRUST_PROXY: 'true',
      PODIUM_RATE_LIMITS: 'submit=5/60,login=off',
      PODIUM_IMPORT_ALLOW_PRIVATE: '1',
      PODIUM_X_BEARER_TOKEN: 'token',
      PODIUM_STAFF_PASSWORD: 'een lang wachtwoord',
      PODIUM_LOG_FORMAT: 'text',
      PODIUM_METRICS_TOKEN: 'a-scraper-token-of-length',
      DATABASE_URL: '',
    });
    assert.equal(config.logFormat, 'text');
    assert.equal(config.metricsToken, 'a-scraper-token-of-length');
    assert.equal(config.port, 8080);
    assert.equal(config.publicUrl, 'https://inspraak.demodam.nl');
    assert.equal(config.seedDemo, false);
    assert.equal(config.trustProxyHops, 1);
    assert.deepEqual(config.rateLimits.submit, { limit: 5, windowSeconds: 60 });
    assert.equal(config.rateLimits.login, null);
    assert.equal(config.threadImports.allowPrivateHosts, true);
    assert.equal(config.threadImports.xBearerToken, 'token');
    assert.equal(config.staffPassword, 'een lang wachtwoord');
    assert.equal(config.databaseUrl, undefined, 'empty counts as unset');
  });

  it('refuses bad values with one readable line per variable, naming the value', () => {
    assert.throws(
      () =>
        loadConfig({
          PORT: '99999',
          PODIUM_DB_PARALLEL_WORKERS: 'veel',
          PODIUM_SEED_DEMO: 'nee',
          PODIUM_POW_MAX_NUMBER: '10',
          PODIUM_TRUST_PROXY: 'sometimes',
          PODIUM_RATE_LIMITS: 'submit=veel',
          PODIUM_LOG_FORMAT: 'xml',
          PODIUM_METRICS_TOKEN: 'short',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        const lines = error.message
          .split('\n')
          .slice(1)
          .map((line) => line.trim());
        assert.deepEqual(lines, [
          'PODIUM_DB_PARALLEL_WORKERS must be a number of workers from 0 to 64, not "veel".',
          'PORT must be a port number (0 to 65535), not "99999".',
          'PODIUM_SEED_DEMO must be true or false, not "nee".',
          'PODIUM_TRUST_PROXY must be true, false or a number of proxies, not "sometimes".',
          'PODIUM_RATE_LIMITS: "submit=veel" must look like submit=30/600 (requests/seconds) or submit=off.',
          'PODIUM_POW_MAX_NUMBER must be a whole number from 1000 to 10000000, not "10".',
          'PODIUM_LOG_FORMAT must be json or text, not "xml".',
          'PODIUM_METRICS_TOKEN must be at least 16 characters (it guards the metrics address), not "short".',
        ]);
        return true;
      },
    );
  });

  it('reads the sealing key, and refuses a bad one without repeating it', () => {
    assert.equal(loadConfig({ PODIUM_SECRET_KEY: 'ab'.repeat(32) }).secretKey?.length, 32);
    assert.equal(loadConfig({}).secretKey, undefined);
    assert.throws(
      () => loadConfig({ PODIUM_SECRET_KEY: 'hunter2-secret' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /PODIUM_SECRET_KEY must be 32 bytes/);
        assert.doesNotMatch(error.message, /hunter2/);
        return true;
      },
    );
  });

  it('reads the identity provider, with its defaults, and refuses plain http except on this machine', () => {
    assert.equal(loadConfig({}).oidc, undefined);
    const config = loadConfig({
      PODIUM_OIDC_ISSUER: 'https://login.demodam.nl/realms/gemeente',
      PODIUM_OIDC_CLIENT_ID: 'podium',
      PODIUM_PUBLIC_URL: 'https://inspraak.demodam.nl/',
    });
    assert.deepEqual(config.oidc, {
      issuer: 'https://login.demodam.nl/realms/gemeente',
      clientId: 'podium',
      clientSecret: undefined,
      name: undefined,
      rolesClaim: 'groups',
      scopes: 'openid email profile',
      organisation: undefined,
      publicUrl: 'https://inspraak.demodam.nl',
    });
    assert.equal(
      loadConfig({ PODIUM_OIDC_ISSUER: 'http://127.0.0.1:4412', PODIUM_OIDC_CLIENT_ID: 'podium' }).oidc?.issuer,
      'http://127.0.0.1:4412',
    );
    assert.throws(
      () => loadConfig({ PODIUM_OIDC_ISSUER: 'http://login.demodam.nl', PODIUM_OIDC_CLIENT_ID: 'podium' }),
      (error: Error) =>
        error instanceof ConfigError &&
        error.message.includes('PODIUM_OIDC_ISSUER must be the https:// address of the identity provider'),
    );
    assert.throws(
      () => loadConfig({ PODIUM_OIDC_ISSUER: 'https://login.demodam.nl' }),
      (error: Error) => error instanceof ConfigError && error.message.includes('PODIUM_OIDC_CLIENT_ID must be set'),
    );
  });
});
