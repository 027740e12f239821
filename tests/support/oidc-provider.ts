/**
 * A real OpenID provider for tests: the certified `oidc-provider`, in this process, on a port
 * of its own (ephemeral unless given). One confidential client (Podium) that must use PKCE,
 * accounts the test sets (claims with `groups` and `email_verified`), and a tiny log-in page
 * where a person types their user name: no password, no consent screen (it is approved at once).
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type TestAccount = {
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
};

import { TEST_OIDC_CLIENT } from './oidc-provider-client.ts';

export { TEST_OIDC_CLIENT };

export type TestOidcProvider = {
  issuer: string;
  /** Keyed by user name (the `sub`); change them between sign-ins as a test needs. */
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
};

const page = (title: string, body: string) => `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * @example
 * const op = await startOidcProvider({ redirectUris: ['http://localhost/beheer/inloggen/organisatie/terug'] })
 * op.accounts.set('anna', { email: 'anna@demodam.example', email_verified: true, groups: ['podium-beheer'] })
 */
export async function startOidcProvider(options: {
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  port?: number;
  host?: string;
  accounts?: Record<string, TestAccount>;
}): Promise<TestOidcProvider> {
  const accounts = new Map(Object.entries(options.accounts ?? {}));
  const host = options.host ?? '127.0.0.1';
  // The issuer names the port, so the server listens before the provider exists to answer.
  const route: { handle?: RequestListener } = {};
  const server: Server = createServer((req, res) => route.handle!(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_OIDC_CLIENT.id,
        client_secret: TEST_OIDC_CLIENT.secret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['a test provider cookie key'] },
    pkce: { required: () => true },
    // Set, so the provider does not warn about its defaults in every test's output.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    findAccount: (_ctx: unknown, id: string) => {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: () => ({ sub: id, ...account }) } : undefined;
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: { body: string }, form: string) => {
          ctx.body = page(
            'Uitloggen',
            `${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, log mij uit</button>`,
          );
        },
      },
    },
  });
  // The provider's own noise (e.g. a refused request) is the test's to assert, not to print.
  provider.on('server_error', () => {});
  const callback = provider.callback();

  route.handle = (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(url.pathname);
    if (!match) return callback(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (!match[2]) {
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(
            page(
              'Inloggen bij de testinlogdienst',
              `<form method="post" action="/interaction/${details.uid}/login">
<label for="login">Gebruikersnaam</label> <input id="login" name="login" autocomplete="username" required>
<button type="submit">Inloggen</button></form>`,
            ),
          );
          return;
        }
        const login = (await formOf(req)).get('login') ?? '';
        if (!accounts.has(login)) {
          await provider.interactionFinished(req, res, {
            error: 'access_denied',
            error_description: 'unknown user',
          });
          return;
        }
        const grant = new provider.Grant({ accountId: login, clientId: details.params['client_id'] });
        grant.addOIDCScope(details.params['scope'] ?? 'openid');
        const missing = details.prompt.details['missingOIDCClaims'];
        if (Array.isArray(missing)) grant.addOIDCClaims(missing as string[]);
        const grantId = await grant.save();
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: login }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      } catch (error) {
        res.statusCode = 400;
        res.end(String((error as Error).message));
      }
    })();
  };

  return {
    issuer,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
