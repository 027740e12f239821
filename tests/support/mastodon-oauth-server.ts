/**
 * The OAuth part of the local Mastodon instance (platform-server.ts), as Mastodon documents it
 * (docs.joinmastodon.org/methods/apps, /methods/oauth, /spec/oauth), with Doorkeeper's errors:
 *
 * - `POST /api/v1/apps` (JSON or form: `client_name`, `redirect_uris`, `scopes`, `website`):
 *   the application with its `client_id` and `client_secret`; 422 without a name, with a
 *   redirect URI that is not absolute, or with an unknown scope. `refuseRegistrations` answers 429.
 * - `GET /oauth/authorize`: an HTML page, as for a person logged in as `authorizeAs`, with
 *   "Authorize" and "Deny" buttons; an unknown client or a redirect URI it was not registered with
 *   is an error page (400, nothing redirected); scopes beyond the application's, a response type
 *   other than `code` or a PKCE method other than S256 go back to the client with `error`.
 * - `POST /oauth/authorize`: back to the redirect URI with `code` and `state`, or, denied, with
 *   `error=access_denied`.
 * - `POST /oauth/token` (`authorization_code`): 401 `invalid_client` for a wrong client id or
 *   secret, 400 `invalid_grant` for an unknown or used code, another redirect URI, or a PKCE
 *   verifier that does not match the challenge; `tokenTrouble` makes the next exchange fail.
 *   The token it issues opens the account in `tokens`, like a pasted one.
 * - `POST /oauth/revoke`: 403 `unauthorized_client` for a wrong client; otherwise 200, and the
 *   token no longer opens anything. `revokeTrouble` makes every revoke answer 503 (the instance down).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Json = Record<string, unknown>;

const KNOWN_SCOPES = new Set(
  [
    'read',
    'write',
    'follow',
    'push',
    'profile',
    ...['accounts', 'blocks', 'bookmarks', 'favourites', 'filters', 'follows', 'lists', 'mutes'].map(
      (s) => `read:${s}`,
    ),
    ...['notifications', 'search', 'statuses'].map((s) => `read:${s}`),
    ...['accounts', 'blocks', 'bookmarks', 'conversations', 'favourites', 'filters', 'follows'].map(
      (s) => `write:${s}`,
    ),
    ...['lists', 'media', 'mutes', 'notifications', 'reports', 'statuses'].map((s) => `write:${s}`),
  ].flat(),
);

export type OAuthApp = { name: string; clientSecret: string; redirectUris: string[]; scopes: string[] };

export type MastodonOAuth = {
  /** Registered applications by client id; delete one to play an instance that forgot it. */
  apps: Map<string, OAuthApp>;
  /** The username of the person "logged in" at the instance, who authorizes. */
  authorizeAs: string;
  /** When set, `POST /api/v1/apps` answers 429 (registrations throttled). */
  refuseRegistrations: boolean;
  /** The next token exchange fails so: `invalid_grant` (400) or `server_error` (500). */
  tokenTrouble: 'invalid_grant' | 'server_error' | undefined;
  /** Every authorization request's query as the instance received it. */
  authorizeRequests: URLSearchParams[];
  /** Tokens revoked through /oauth/revoke. */
  revoked: string[];
  /** When set, /oauth/revoke answers 503 and revokes nothing. */
  revokeTrouble: boolean;
};

type Code = { clientId: string; redirectUri: string; scopes: string; challenge: string | undefined; username: string };

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * @example
 * const oauth = mastodonOAuth(tokens)
 * if (oauth.handles(url.pathname)) return oauth.handle(req, res, url)
 */
export function mastodonOAuth(tokens: Map<string, string>) {
  const state: MastodonOAuth = {
    apps: new Map(),
    authorizeAs: 'gemeente',
    refuseRegistrations: false,
    tokenTrouble: undefined,
    authorizeRequests: [],
    revoked: [],
    revokeTrouble: false,
  };
  const codes = new Map<string, Code>();
  let nextApp = 1;

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const page = (res: ServerResponse, status: number, title: string, body: string) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} - Mastodon</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`,
    );
  };
  const redirectBack = (res: ServerResponse, redirectUri: string, params: Record<string, string | undefined>) => {
    const target = new URL(redirectUri);
    for (const [name, value] of Object.entries(params)) if (value !== undefined) target.searchParams.set(name, value);
    res.writeHead(302, { Location: target.href });
    res.end();
  };

  async function readParams(req: IncomingMessage): Promise<Json> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw || '{}') as Json;
    return Object.fromEntries(new URLSearchParams(raw));
  }
  const text = (params: Json, name: string) => (typeof params[name] === 'string' ? (params[name] as string) : '');

  async function registerApp(req: IncomingMessage, res: ServerResponse) {
    if (state.refuseRegistrations) return json(res, 429, { error: 'Too many requests' });
    const params = await readParams(req);
    const name = text(params, 'client_name');
    const uris = Array.isArray(params.redirect_uris)
      ? (params.redirect_uris as unknown[]).map(String)
      : text(params, 'redirect_uris').split(/\s+/).filter(Boolean);
    const scopes = (text(params, 'scopes') || 'read').split(/\s+/).filter(Boolean);
    if (!name) return json(res, 422, { error: "Validation failed: Application name can't be blank" });
    if (uris.length === 0 || uris.some((u) => u !== 'urn:ietf:wg:oauth:2.0:oob' && !URL.canParse(u))) {
      return json(res, 422, { error: 'Validation failed: Redirect URI must be an absolute URI.' });
    }
    if (scopes.some((s) => !KNOWN_SCOPES.has(s)))
      return json(res, 422, { error: 'Validation failed: Scopes are invalid' });
    const clientId = randomBytes(16).toString('base64url');
    const app: OAuthApp = { name, clientSecret: randomBytes(24).toString('base64url'), redirectUris: uris, scopes };
    state.apps.set(clientId, app);
    return json(res, 200, {
      id: String(nextApp++),
      name,
      website: text(params, 'website') || null,
      scopes,
      redirect_uri: uris.join('\n'),
      redirect_uris: uris,
      client_id: clientId,
      client_secret: app.clientSecret,
      client_secret_expires_at: 0,
    });
  }

  /** Doorkeeper's order: an unknown client or redirect URI is shown here, everything else goes back. */
  function authorizeCheck(query: URLSearchParams): { app: OAuthApp; redirectUri: string; error?: string } | string {
    const app = state.apps.get(query.get('client_id') ?? '');
    if (!app)
      return 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.';
    const redirectUri = query.get('redirect_uri') ?? app.redirectUris[0]!;
    if (!app.redirectUris.includes(redirectUri)) return 'The redirect uri included is not valid.';
    if (query.get('response_type') !== 'code') return { app, redirectUri, error: 'unsupported_response_type' };
    const scopes = (query.get('scope') ?? 'read').split(/\s+/).filter(Boolean);
    if (scopes.some((s) => !app.scopes.includes(s))) return { app, redirectUri, error: 'invalid_scope' };
    const method = query.get('code_challenge_method');
    if (query.get('code_challenge') && method !== 'S256') return { app, redirectUri, error: 'invalid_request' };
    return { app, redirectUri };
  }

  async function authorize(req: IncomingMessage, res: ServerResponse, url: URL) {
    const query =
      req.method === 'POST' ? new URLSearchParams((await readParams(req)) as Record<string, string>) : url.searchParams;
    if (req.method === 'GET') state.authorizeRequests.push(new URLSearchParams(url.searchParams));
    const checked = authorizeCheck(query);
    if (typeof checked === 'string') return page(res, 400, 'An error has occurred', `<p>${escape(checked)}</p>`);
    const back = { state: query.get('state') ?? undefined };
    if (checked.error) return redirectBack(res, checked.redirectUri, { error: checked.error, ...back });
    if (req.method === 'POST') {
      if (query.get('decision') !== 'approve') {
        return redirectBack(res, checked.redirectUri, {
          error: 'access_denied',
          error_description: 'The resource owner or authorization server denied the request.',
          ...back,
        });
      }
      const code = randomBytes(24).toString('base64url');
      codes.set(code, {
        clientId: query.get('client_id')!,
        redirectUri: checked.redirectUri,
        scopes: query.get('scope') ?? 'read',
        challenge: query.get('code_challenge') ?? undefined,
        username: state.authorizeAs,
      });
      return redirectBack(res, checked.redirectUri, { code, ...back });
    }
    const hidden = [...query]
      .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
      .join('');
    const button = (decision: string, label: string) =>
      `<form method="post" action="/oauth/authorize">${hidden}<input type="hidden" name="decision" value="${decision}"><button type="submit">${label}</button></form>`;
    return page(
      res,
      200,
      'Authorization required',
      `<p>${escape(checked.app.name)} would like permission to access your account @${escape(state.authorizeAs)}.</p><ul>${(
        query.get('scope') ?? 'read'
      )
        .split(/\s+/)
        .map((s) => `<li>${escape(s)}</li>`)
        .join('')}</ul>${button('approve', 'Authorize')}${button('deny', 'Deny')}`,
    );
  }

  async function token(req: IncomingMessage, res: ServerResponse) {
    const params = await readParams(req);
    const trouble = state.tokenTrouble;
    state.tokenTrouble = undefined;
    const app = state.apps.get(text(params, 'client_id'));
    if (!app || app.clientSecret !== text(params, 'client_secret')) {
      return json(res, 401, {
        error: 'invalid_client',
        error_description:
          'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      });
    }
    const invalidGrant = () =>
      json(res, 400, {
        error: 'invalid_grant',
        error_description:
          'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
      });
    if (trouble === 'server_error') return json(res, 500, { error: 'server_error' });
    if (trouble === 'invalid_grant') return invalidGrant();
    if (text(params, 'grant_type') !== 'authorization_code') {
      return json(res, 400, { error: 'unsupported_grant_type' });
    }
    const code = codes.get(text(params, 'code'));
    codes.delete(text(params, 'code'));
    if (!code || code.clientId !== text(params, 'client_id') || code.redirectUri !== text(params, 'redirect_uri')) {
      return invalidGrant();
    }
    if (code.challenge) {
      const verifier = text(params, 'code_verifier');
      if (!verifier || createHash('sha256').update(verifier).digest('base64url') !== code.challenge) {
        return invalidGrant();
      }
    }
    const accessToken = randomBytes(32).toString('base64url');
    tokens.set(accessToken, code.username);
    return json(res, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      scope: code.scopes,
      created_at: Math.floor(Date.now() / 1000),
    });
  }

  async function revoke(req: IncomingMessage, res: ServerResponse) {
    const params = await readParams(req);
    if (state.revokeTrouble) return json(res, 503, { error: 'Service Unavailable' });
    const app = state.apps.get(text(params, 'client_id'));
    if (!app || app.clientSecret !== text(params, 'client_secret')) {
      return json(res, 403, {
        error: 'unauthorized_client',
        error_description: 'You are not authorized to revoke this token',
      });
    }
    const revokedToken = text(params, 'token');
    if (tokens.delete(revokedToken)) state.revoked.push(revokedToken);
    return json(res, 200, {});
  }

  return {
    state,
    handles: (path: string) => ['/api/v1/apps', '/oauth/authorize', '/oauth/token', '/oauth/revoke'].includes(path),
    handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
      const run =
        url.pathname === '/api/v1/apps' && req.method === 'POST'
          ? registerApp(req, res)
          : url.pathname === '/oauth/authorize'
            ? authorize(req, res, url)
            : url.pathname === '/oauth/token' && req.method === 'POST'
              ? token(req, res)
              : url.pathname === '/oauth/revoke' && req.method === 'POST'
                ? revoke(req, res)
                : Promise.resolve(json(res, 404, { error: 'Record not found' }));
      return run.catch(() => json(res, 400, { error: 'Unreadable request' }));
    },
  };
}
