/** Podium as a client of the test identity provider: kept apart so the Playwright config can read it without the provider. */
export const TEST_OIDC_CLIENT = { id: 'podium', secret: 'podium test client secret, not a real one' } as const;
