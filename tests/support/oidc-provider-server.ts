/**
 * The test identity provider as its own process, for the browser tests: Playwright starts it
 * beside Podium (playwright.config.ts), on TEST_OIDC_PORT, with the people in OIDC_ACCOUNTS.
 *
 *   node tests/support/oidc-provider-server.ts
 */
import { OIDC_ACCOUNTS, TEST_BASE_URL, TEST_OIDC_PORT } from './browser-env.ts';
import { startOidcProvider } from './oidc-provider.ts';

const provider = await startOidcProvider({
  port: TEST_OIDC_PORT,
  redirectUris: [`${TEST_BASE_URL}/beheer/inloggen/organisatie/terug`],
  postLogoutRedirectUris: [`${TEST_BASE_URL}/beheer/inloggen?uitgelogd`, `${TEST_BASE_URL}/en/manage/login?uitgelogd`],
  accounts: Object.fromEntries(
    Object.entries(OIDC_ACCOUNTS).map(([login, account]) => [login, { ...account, groups: [...account.groups] }]),
  ),
});
process.stdout.write(`Test identity provider at ${provider.issuer}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void provider.close().then(() => process.exit(0)));
}
